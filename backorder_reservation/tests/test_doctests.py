# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The examples in the docstrings of the pure modules (the assignment rule and
the date rules) run under Odoo's own test runner too (``--test-enable``), the
way queue_job runs those of its channels; pytest runs them from ``tests/``."""
import doctest

from odoo.addons.backorder_reservation import allocation, lifecycle


def load_tests(loader, tests, ignore):
    tests.addTests(doctest.DocTestSuite(allocation))
    tests.addTests(doctest.DocTestSuite(lifecycle))
    return tests
