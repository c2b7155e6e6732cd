# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, timedelta

from odoo import fields

from .common import ReplenishmentCase


class TestArrivalFromPurchase(ReplenishmentCase):
    """A confirmed purchase is a planned receipt: the waiting customers'
    "expected around" comes from its scheduled date, shared by the rule."""

    def _day_of(self, datetime_string):
        return fields.Date.context_today(
            self.Position, timestamp=fields.Datetime.from_string(datetime_string))

    def test_the_confirmed_request_dates_the_positions_it_serves(self):
        part = self._create_part("Replenish arrival part", delay=12)
        first, second = self._create_positions(
            part, [(self.customers[0], 3), (self.customers[1], 2)])
        self._wizard(part).action_order()
        order = self._requests(part)
        # a request for quotation is not a receipt yet: no date
        self.assertEqual((first | second).mapped("date_expected"), [False, False])
        order.button_confirm()
        (first | second).invalidate_cache()
        # the vendor's delivery lead time of 12 days dates the receipt
        scheduled = fields.Datetime.from_string(order.order_line.date_planned)
        self.assertAlmostEqual((scheduled - datetime.utcnow()) / timedelta(days=1), 12, delta=1)
        planned = self._day_of(order.order_line.date_planned)
        self.assertEqual((first | second).mapped("date_expected"), [planned, planned])

    def test_staff_ordering_less_dates_only_whom_it_serves(self):
        part = self._create_part("Replenish arrival short", delay=5)
        first, second = self._create_positions(
            part, [(self.customers[0], 3), (self.customers[1], 4)])
        wizard = self._wizard(part)
        wizard.line_ids.qty_to_order = 4
        wizard.action_order()
        order = self._requests(part)
        order.button_confirm()
        (first | second).invalidate_cache()
        # 4 arriving for needs 3, 4 give 3 and 1: the second still waits
        self.assertEqual(first.date_expected, self._day_of(order.order_line.date_planned))
        self.assertFalse(second.date_expected)
        self.assertEqual(self._lines(self._wizard(part)), {part: (7, 0, 4, 0, 3)})
