# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Odoo's own test runner (``--test-enable``) runs only the test modules the
addon's tests/__init__.py imports; pytest-odoo finds them by their file names.
Every test file of each addon is imported there, so that both run them all."""
import os
import re

import pytest

from _allocation_loader import ROOT


@pytest.mark.parametrize("addon, at_least", [
    ("backorder_reservation", 20), ("backorder_reservation_purchase", 3)])
def test_every_test_module_is_imported_by_the_package(addon, at_least):
    tests_dir = os.path.join(ROOT, addon, "tests")
    with open(os.path.join(tests_dir, "__init__.py"), encoding="utf-8") as package:
        imported = set(re.findall(r"^from \. import (test_\w+)$", package.read(), re.M))
    files = {name[:-3] for name in os.listdir(tests_dir)
             if name.startswith("test_") and name.endswith(".py")}
    assert len(files) >= at_least
    assert sorted(files - imported) == []
