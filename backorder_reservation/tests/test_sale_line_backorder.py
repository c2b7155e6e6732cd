# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError

from .common import BackorderCase


class TestSaleLineBackorder(BackorderCase):
    """Staff turn the short part of a quotation line into a position."""

    @classmethod
    def setUpClass(cls):
        super(TestSaleLineBackorder, cls).setUpClass()
        cls.customer = cls._create_customer("Counter Garage")

    def _quotation_line(self, qty, product=None):
        product = product or self.product
        order = self.env["sale.order"].create({
            "partner_id": self.customer.id,
            "order_line": [(0, 0, {
                "product_id": product.id, "product_uom_qty": qty,
                "product_uom": product.uom_id.id, "price_unit": 5.0, "name": product.name,
            })],
        })
        return order.order_line

    def test_short_quantity_becomes_a_position(self):
        self._receive(self.product, 2)
        line = self._quotation_line(5)
        position = line.action_backorder_short_qty()
        self.assertEqual(line.product_uom_qty, 2)
        self.assertEqual((position.product_qty, position.partner_id, position.sale_line_ids),
                         (3, self.customer, line))
        self.assertEqual(position.state, "waiting")
        self.assertEqual(line.backorder_position_ids, position)

    def test_customers_own_held_pieces_count_as_free(self):
        held = self._create_positions(self.product, [(self.customer, 2)])
        self._receive(self.product, 2)
        self.assertAssigned(held, [2])
        line = self._quotation_line(3)
        position = line.action_backorder_short_qty()
        # The missing piece raises the customer's open position of the part.
        self.assertEqual((line.product_uom_qty, position, position.product_qty),
                         (2, held, 3))

    def test_nothing_short_is_refused_and_changes_nothing(self):
        self._receive(self.product, 5)
        line = self._quotation_line(5)
        with self.assertRaisesRegex(UserError, "nothing to backorder"):
            line.action_backorder_short_qty()
        self.assertEqual(line.product_uom_qty, 5)
        self.assertFalse(self.Position.search([("product_id", "=", self.product.id)]))

    def test_fractions_and_confirmed_orders_are_refused(self):
        line = self._quotation_line(1.5)
        with self.assertRaisesRegex(UserError, "whole pieces"):
            line.action_backorder_short_qty()
        line.product_uom_qty = 2
        line.order_id.action_confirm()
        with self.assertRaisesRegex(UserError, "Only quotation lines"):
            line.action_backorder_short_qty()
        self.assertFalse(self.Position.search([("product_id", "=", self.product.id)]))
