# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Test collection shared by the whole repository.

pytest-odoo imports every test file as ``odoo.addons.<package path>``, which is right
for the tests of addons (ours, and Odoo's own that the test command runs as a
regression suite) and wrong for the top-level ``tests/`` folder (pure rule,
browser, concurrency, benchmarks), whose files belong to no addon. Those are handed to
pytest's own collector first. This file sits outside the addon on purpose: a conftest
inside it would make pytest import the addon a second time under another name.
"""
import os

import pytest

# pytest-odoo's session fixture calls odoo.tests.common without importing it;
# only the addon's tests import it, so a run of tests/ alone needs this.
import odoo.tests.common  # noqa: F401

PLAIN_TESTS_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "tests")


@pytest.hookimpl(tryfirst=True)
def pytest_pycollect_makemodule(path, parent):
    if str(path).startswith(PLAIN_TESTS_DIR + os.sep):
        return pytest.Module.from_parent(parent, fspath=path)
    return None
