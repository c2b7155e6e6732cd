# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The examples of replenishment.py run under Odoo's own test runner too
(``--test-enable``); pytest runs them from the repository's ``tests/``."""
import doctest

from odoo.addons.backorder_reservation_purchase import replenishment


def load_tests(loader, tests, ignore):
    tests.addTests(doctest.DocTestSuite(replenishment))
    return tests
