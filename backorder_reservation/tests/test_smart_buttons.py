# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, timedelta

from odoo import fields

from .common import BackorderCase


class TestSmartButtons(BackorderCase):
    """Products, customers and orders count their open positions and open them
    in queue order; holds ending within 24 h can be filtered."""

    @classmethod
    def setUpClass(cls):
        super(TestSmartButtons, cls).setUpClass()
        cls.customer = cls._create_customer("Button Garage")
        cls.other = cls._create_customer("Other Button Garage")
        cls.positions = cls._create_positions(
            cls.product, [(cls.customer, 2), (cls.other, 1), (cls.customer.copy(), 1)])
        cls.positions[2].action_cancel()

    def test_product_counts_and_opens_its_queue(self):
        template = self.product.product_tmpl_id
        self.assertEqual(template.backorder_open_count, 2)
        action = template.action_view_backorder_queue()
        found = self.Position.search(action["domain"] + [("is_open", "=", True)])
        self.assertEqual(found, self.positions[:2])

    def test_customer_counts_and_opens_own_positions(self):
        contact = self.env["res.partner"].create({
            "name": "Buyer", "parent_id": self.customer.id})
        self.assertEqual(contact.backorder_open_count, 1)
        action = contact.action_view_backorder_positions()
        self.assertEqual(self.Position.search(action["domain"]), self.positions[0])

    def test_order_links_positions_made_of_its_lines(self):
        order = self.env["sale.order"].create({
            "partner_id": self.customer.id,
            "order_line": [(0, 0, {"product_id": self.product.id, "product_uom_qty": 3,
                                   "product_uom": self.product.uom_id.id,
                                   "price_unit": 5.0, "name": "Pads"})]})
        self.assertEqual(order.backorder_position_count, 0)
        position = order.order_line.action_backorder_short_qty()
        order.invalidate_cache()
        self.assertEqual(order.backorder_position_count, 1)
        self.assertEqual(self.Position.search(
            order.action_view_backorder_positions()["domain"]), position)

    def test_hold_ends_soon_filter(self):
        self._receive(self.product, 3)
        held = self.positions[:2]
        self.assertEqual(held.mapped("state"), ["assigned", "assigned"])
        held[1].date_expiry = fields.Datetime.to_string(
            datetime.utcnow() + timedelta(hours=5))
        soon = self.Position.search([("hold_ends_soon", "=", True),
                                     ("id", "in", self.positions.ids)])
        self.assertEqual(soon, held[1])
        self.assertTrue(held[1].hold_ends_soon)
        self.assertFalse(held[0].hold_ends_soon)
        self.assertEqual(self.Position.search([("hold_ends_soon", "=", False),
                                               ("id", "in", self.positions.ids)]),
                         self.positions - held[1])
