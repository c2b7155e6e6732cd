# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from psycopg2 import IntegrityError

from odoo.exceptions import ValidationError

from .common import BackorderCase


class TestOneOpenPosition(BackorderCase):
    """A customer has one open position per product in a company: every way in
    raises it, or is refused with a message that names it (issue 11, item 6)."""

    @classmethod
    def setUpClass(cls):
        super(TestOneOpenPosition, cls).setUpClass()
        cls.customer = cls._create_customer("Single Queue Garage")
        cls.first = cls._create_positions(cls.product, [(cls.customer, 2)])

    def _positions(self):
        return self.Position.search([("product_id", "=", self.product.id)])

    def test_a_second_create_is_refused_and_creates_nothing(self):
        with self.assertRaisesRegex(ValidationError, self.first.name):
            self.Position.create({"partner_id": self.customer.id,
                                  "product_id": self.product.id, "product_qty": 1})
        self.assertEqual(self._positions(), self.first)

    def test_a_contact_of_the_customer_shares_its_open_position(self):
        contact = self.env["res.partner"].create({
            "name": "Buyer", "parent_id": self.customer.id, "type": "contact"})
        with self.assertRaisesRegex(ValidationError, self.first.name):
            self.Position.create({"partner_id": contact.id,
                                  "product_id": self.product.id, "product_qty": 1})
        self.assertEqual(self.Position._queue_for(contact, self.product, 1), self.first)
        self.assertEqual((self._positions(), self.first.product_qty), (self.first, 3))

    def test_an_import_of_a_second_is_refused(self):
        result = self.Position.load(
            ["partner_id/.id", "product_id/.id", "product_qty"],
            [[str(self.customer.id), str(self.product.id), "3"]])
        self.assertFalse(result["ids"])
        self.assertTrue(any(self.first.name in message["message"]
                            for message in result["messages"]), result["messages"])
        self.assertEqual(self._positions(), self.first)

    def test_quotation_lines_raise_the_open_position(self):
        lines = self.env["sale.order.line"]
        for qty in (3, 4):
            order = self.env["sale.order"].create({
                "partner_id": self.customer.id,
                "order_line": [(0, 0, {
                    "product_id": self.product.id, "product_uom_qty": qty,
                    "product_uom": self.product.uom_id.id, "price_unit": 5.0,
                    "name": self.product.name})],
            })
            lines |= order.order_line
        for line in lines:
            self.assertEqual(line.action_backorder_short_qty(), self.first)
        self.assertEqual((self._positions(), self.first.product_qty), (self.first, 9))
        self.assertEqual(lines.mapped("product_uom_qty"), [0, 0])

    def test_a_closed_position_leaves_room_for_a_new_one(self):
        self.first.action_cancel()
        second = self.Position.create({"partner_id": self.customer.id,
                                       "product_id": self.product.id, "product_qty": 1})
        self.assertEqual(self._positions(), self.first | second)
        self.assertEqual(second.state, "waiting")

    def test_the_database_refuses_a_second_that_bypasses_the_checks(self):
        """Two transactions at once each pass the check before the other has
        written: the database's unique index has the last word."""
        with self.assertRaisesRegex(IntegrityError, "backorder_position_one_open_index"), \
                self.env.cr.savepoint():
            self.env.cr.execute("""
                INSERT INTO backorder_position (name, partner_id, product_id, product_qty,
                                                qty_assigned, qty_done, qty_need, state,
                                                company_id, date_queued)
                SELECT 'BO/twin', partner_id, product_id, 1, 0, 0, 1, 'waiting',
                       company_id, now() at time zone 'UTC'
                  FROM backorder_position WHERE id = %s
            """, [self.first.id])
        self.assertEqual(self._positions(), self.first)
