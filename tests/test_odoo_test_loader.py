# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Odoo's own test runner (``--test-enable``) runs only the test modules the
addon's tests/__init__.py imports; pytest-odoo finds them by their file names.
Every test file of the addon is imported there, so that both run them all."""
import os
import re

from _allocation_loader import ADDON_DIR

TESTS_DIR = os.path.join(ADDON_DIR, "tests")


def test_every_test_module_is_imported_by_the_package():
    with open(os.path.join(TESTS_DIR, "__init__.py"), encoding="utf-8") as package:
        imported = set(re.findall(r"^from \. import (test_\w+)$", package.read(), re.M))
    files = {name[:-3] for name in os.listdir(TESTS_DIR)
             if name.startswith("test_") and name.endswith(".py")}
    assert len(files) > 20
    assert sorted(files - imported) == []
