# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Each addon's README.rst is assembled from its readme/ fragments (as OCA's
oca-gen-addon-readme does) and renders as reStructuredText without a warning."""
import importlib.util
import os

import docutils.core
import docutils.utils
import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ADDONS = pytest.mark.parametrize("addon, name", [
    (os.path.join(ROOT, "backorder_reservation"), b"Backorder Reservation"),
    (os.path.join(ROOT, "backorder_reservation_purchase"), b"Backorder Reservation - Purchase"),
])


def load_addon_readme():
    spec = importlib.util.spec_from_file_location(
        "addon_readme", os.path.join(ROOT, "setup", "addon_readme.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@ADDONS
def test_readme_and_description_page_are_assembled_from_the_fragments(addon, name):
    addon_readme = load_addon_readme()
    text = addon_readme.readme(addon)
    with open(os.path.join(addon, "README.rst"), encoding="utf-8") as current:
        assert current.read() == text, (
            "README.rst is out of date: run python setup/addon_readme.py")
    page = os.path.join(addon, "static", "description", "index.html")
    with open(page, encoding="utf-8") as current:
        assert current.read() == addon_readme.description_page(text), (
            "index.html is out of date: run python setup/addon_readme.py")


@ADDONS
def test_readme_renders_without_warnings(addon, name):
    text = load_addon_readme().readme(addon)
    html = docutils.core.publish_string(
        text, writer_name="html",
        settings_overrides={"halt_level": docutils.utils.Reporter.WARNING_LEVEL,
                            "report_level": docutils.utils.Reporter.WARNING_LEVEL})
    assert name in html
    assert b"Known issues / Roadmap" in html
    assert b"Installation" in html


def test_a_changed_fragment_makes_the_readme_stale(tmp_path):
    """The check fails once a fragment changes (so the test above can fail)."""
    addon_readme = load_addon_readme()
    addon = tmp_path / "addon"
    (addon / "readme").mkdir(parents=True)
    (addon / "__manifest__.py").write_text(
        '{"name": "Demo", "summary": "S", "version": "11.0.1.0.0", '
        '"license": "AGPL-3", "author": "Someone"}')
    (addon / "readme" / "DESCRIPTION.rst").write_text("First.\n")
    assert addon_readme.main([str(addon)]) == 0
    assert addon_readme.main(["--check", str(addon)]) == 0
    (addon / "readme" / "DESCRIPTION.rst").write_text("Second.\n")
    assert addon_readme.main(["--check", str(addon)]) == 1
    assert "First." in (addon / "README.rst").read_text()
