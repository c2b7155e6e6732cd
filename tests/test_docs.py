# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The guides of docs/ (issue 15, docs per role) render as reStructuredText
without a warning, every picture they show exists, and each role's guide
shows at least one."""
import os
import posixpath

import docutils.core
import docutils.nodes
import docutils.utils
import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DOCS = os.path.join(ROOT, "docs")
ROLE_GUIDES = ("customer.rst", "staff.rst", "admin.rst")
GUIDES = ROLE_GUIDES + ("index.rst", "port-17-18.rst")
STRICT = {
    "halt_level": docutils.utils.Reporter.WARNING_LEVEL,
    "report_level": docutils.utils.Reporter.WARNING_LEVEL,
    "warning_stream": False,
    "file_insertion_enabled": False,
    "raw_enabled": False,
}


def doctree(path):
    """The parsed document of ``path``; a warning or error raises
    docutils.utils.SystemMessage."""
    with open(path, encoding="utf-8") as source:
        return docutils.core.publish_doctree(
            source.read(), source_path=path, settings_overrides=STRICT)


def images(tree):
    return [node["uri"] for node in tree.traverse(docutils.nodes.image)]


def test_the_guides_are_all_there():
    assert sorted(name for name in os.listdir(DOCS) if name.endswith(".rst")) == \
        sorted(GUIDES)


@pytest.mark.parametrize("name", GUIDES)
def test_guide_renders_without_warnings(name):
    path = os.path.join(DOCS, name)
    with open(path, encoding="utf-8") as source:
        html = docutils.core.publish_string(
            source.read(), source_path=path, writer_name="html",
            settings_overrides=STRICT)
    assert b"<h1" in html


def test_the_readme_renders_without_warnings():
    """The first page a newcomer reads (its login table was malformed)."""
    doctree(os.path.join(ROOT, "README.rst"))


@pytest.mark.parametrize("name", GUIDES)
def test_every_picture_exists(name):
    for uri in images(doctree(os.path.join(DOCS, name))):
        assert not posixpath.isabs(uri) and "://" not in uri, uri
        assert os.path.isfile(os.path.join(DOCS, *uri.split("/"))), \
            "%s shows %s, which does not exist" % (name, uri)


@pytest.mark.parametrize("name", ROLE_GUIDES)
def test_each_role_guide_shows_pictures(name):
    assert images(doctree(os.path.join(DOCS, name)))


@pytest.mark.parametrize("name", GUIDES)
def test_links_between_guides_lead_to_guides(name):
    tree = doctree(os.path.join(DOCS, name))
    for node in tree.traverse(docutils.nodes.reference):
        uri = node.get("refuri", "")
        if uri.endswith(".rst"):
            assert uri in GUIDES, "%s links to %s" % (name, uri)


def test_a_warning_fails_the_rendering(tmp_path):
    """The check above can fail: a broken title underline and a missing
    picture are both caught."""
    broken = tmp_path / "broken.rst"
    broken.write_text("A longer title\n=====\n\nText.\n", encoding="utf-8")
    with pytest.raises(docutils.utils.SystemMessage):
        doctree(str(broken))
    missing = tmp_path / "missing.rst"
    missing.write_text("Title\n=====\n\n.. image:: screenshots/none.png\n",
                       encoding="utf-8")
    [uri] = images(doctree(str(missing)))
    assert not os.path.isfile(os.path.join(str(tmp_path), uri))


def test_every_screenshot_is_shown():
    """No picture in docs/screenshots/ is left out of the guides."""
    shown = {uri for name in GUIDES for uri in images(doctree(os.path.join(DOCS, name)))}
    stored = {"screenshots/" + name for name in os.listdir(os.path.join(DOCS, "screenshots"))}
    assert stored - shown == set()
