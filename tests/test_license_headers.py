# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Every source file of the repository says whose it is and under which
license, at its top, as OCA modules do (issue 15, item 3)."""
import os
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LICENSE = "License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl)."
SOURCE_EXTENSIONS = (".py", ".xml", ".js", ".css", ".sh")
SCRIPTS = ("setup/odoo-bin", ".ci/run")
HEAD_LINES = 5


def source_files():
    tracked = subprocess.check_output(
        ["git", "ls-files"], cwd=ROOT, universal_newlines=True).split("\n")
    for path in tracked:
        full = os.path.join(ROOT, path)
        if path and (path.endswith(SOURCE_EXTENSIONS) or path in SCRIPTS) \
                and os.path.isfile(full) and not os.path.islink(full):
            yield path, full


def test_every_source_file_starts_with_the_license():
    files = dict(source_files())
    assert len(files) > 100, "git ls-files found too few files"
    missing = []
    for path, full in sorted(files.items()):
        with open(full, encoding="utf-8") as text:
            head = [text.readline() for _line in range(HEAD_LINES)]
        if not any(LICENSE in line for line in head):
            missing.append(path)
    assert missing == []
