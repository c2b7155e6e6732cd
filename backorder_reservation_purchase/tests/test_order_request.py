# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError

from .common import ReplenishmentCase


class TestOrderRequest(ReplenishmentCase):
    """"Order" asks each part's vendor for the pieces in a request for
    quotation: its open one, else a new one, as a reordering rule does. A
    refusal changes nothing."""

    def test_a_new_request_at_the_vendor_with_the_vendor_price(self):
        part = self._create_part("Replenish order new", price=4.25)
        self._create_positions(part, [(self.customers[0], 3), (self.customers[1], 2)])
        action = self._wizard(part).action_order()
        order = self._requests(part)
        self.assertEqual((action["res_model"], action["res_id"]), ("purchase.order", order.id))
        self.assertEqual(order.partner_id, self.vendor)
        self.assertEqual(order.picking_type_id, self.warehouse.in_type_id)
        self.assertEqual(order.order_line.mapped(lambda line: (
            line.product_id, line.product_qty, line.price_unit)), [(part, 5.0, 4.25)])
        note = order.message_ids[0].body
        self.assertIn(
            "5 piece(s) of Replenish order new requested for its backorder queue", note)
        self.assertIn("5 waiting, 0 free, 0 incoming, 0 already in requests for quotation",
                      note)

    def test_the_open_request_at_the_vendor_is_filled(self):
        first = self._create_part("Replenish order first")
        second = self._create_part("Replenish order second")
        self._create_positions(first, [(self.customers[0], 2)])
        self._create_positions(second, [(self.customers[1], 3)])
        self._wizard(first).action_order()
        self._wizard(second).action_order()
        order = self._requests(first)
        self.assertEqual(self._requests(second), order)
        # more waiting for the first part: its line grows, no second line
        self._create_positions(first, [(self.customers[2], 4)])
        self._wizard(first).action_order()
        self.assertEqual(sorted(order.order_line.mapped(
            lambda line: (line.product_id.name, line.product_qty))),
            [("Replenish order first", 6.0), ("Replenish order second", 3.0)])

    def test_staff_change_the_quantity_and_each_vendor_gets_its_parts(self):
        other_vendor = self._create_vendor("Replenish Other Wholesale")
        first = self._create_part("Replenish order vendor one")
        second = self._create_part("Replenish order vendor two", vendor=other_vendor)
        self._create_positions(first, [(self.customers[0], 2)])
        self._create_positions(second, [(self.customers[0], 3)])
        wizard = self._wizard(first | second)
        wizard.line_ids.filtered(lambda line: line.product_id == first).qty_to_order = 10
        action = wizard.action_order()
        orders = self._requests(first) | self._requests(second)
        self.assertEqual(action["domain"], [("id", "in", orders.ids)])
        self.assertEqual(sorted(orders.mapped(lambda order: (
            order.partner_id.name, order.order_line.product_qty))),
            [("Replenish Other Wholesale", 3.0), ("Replenish Parts Wholesale", 10.0)])

    def _assert_refused(self, wizard, message):
        before = self.env["purchase.order"].search_count([])
        with self.assertRaisesRegex(UserError, message):
            wizard.action_order()
        self.assertEqual(self.env["purchase.order"].search_count([]), before)

    def test_a_part_without_vendor_is_refused_before_anything_is_ordered(self):
        bought = self._create_part("Replenish order bought")
        unsourced = self._create_part("Replenish order unsourced", vendor=False)
        self._create_positions(bought, [(self.customers[0], 2)])
        self._create_positions(unsourced, [(self.customers[0], 2)])
        self._assert_refused(
            self._wizard(bought | unsourced),
            "Replenish order unsourced has no vendor to ask: add one on the Purchase tab")

    def test_nothing_or_a_negative_quantity_to_order_is_refused(self):
        part = self._create_part("Replenish order nothing")
        self._create_positions(part, [(self.customers[0], 2)])
        self._receive(part, 2)
        self._assert_refused(self._wizard(part), "Nothing to order")
        wizard = self._wizard(part)
        wizard.line_ids.qty_to_order = -3
        self._assert_refused(
            wizard, "The quantity to order of Replenish order nothing cannot be negative")

    def test_only_purchase_users_order(self):
        part = self._create_part("Replenish order rights")
        self._create_positions(part, [(self.customers[0], 2)])
        salesman = self.env["res.users"].create({
            "name": "Replenish Salesman", "login": "replenish-salesman",
            "groups_id": [(6, 0, [self.env.ref("sales_team.group_sale_salesman").id])]})
        with self.assertRaises(AccessError):
            self._wizard(part, user=salesman).action_order()
        buyer = self.env["res.users"].create({
            "name": "Replenish Buyer", "login": "replenish-buyer",
            "email": "buyer@example.com",
            "groups_id": [(6, 0, [self.env.ref("purchase.group_purchase_user").id])]})
        self._wizard(part, user=buyer).action_order()
        self.assertEqual(self._requests(part).order_line.product_qty, 2.0)
