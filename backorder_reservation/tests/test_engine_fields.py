# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError, ValidationError

from .common import BackorderCase


class TestEngineFields(BackorderCase):
    """What the engine keeps (state, held and bought pieces, deadlines,
    notification counters) cannot be set by staff, whatever the client: only
    the position's actions change it, and they log what they do."""

    @classmethod
    def setUpClass(cls):
        super(TestEngineFields, cls).setUpClass()
        cls.salesman = cls.env.ref("base.user_demo")
        customer = cls._create_customer("Bookkeeping Garage")
        cls.position = cls._create_positions(cls.product, [(customer, 4)])
        cls.customer = customer

    def test_staff_cannot_write_the_engine_fields(self):
        position = self.position.sudo(self.salesman)
        for vals in ({"qty_assigned": 4}, {"state": "done"}, {"qty_done": 1},
                     {"date_expiry": "2030-01-01 00:00:00"}, {"notify_only": True},
                     {"notification_count": 2}, {"state": "assigned", "qty_assigned": 4}):
            with self.assertRaisesRegex(UserError, "cannot be set by hand"):
                position.write(vals)
        self.position.invalidate_cache()
        self.assertEqual((self.position.state, self.position.qty_assigned,
                          self.position.qty_done, self.position.date_expiry),
                         ("waiting", 0, 0, False))

    def test_staff_cannot_create_a_position_already_held_or_done(self):
        Position = self.env["backorder.position"].sudo(self.salesman)
        other = self._create_customer("Bookkeeping Other Garage")
        for vals in ({"qty_assigned": 2}, {"state": "done"}, {"qty_done": 1}):
            vals.update(partner_id=other.id, product_id=self.product.id, product_qty=2)
            with self.assertRaisesRegex(UserError, "cannot be set by hand"):
                Position.create(vals)
        self.assertFalse(self.Position.search([("partner_id", "=", other.id)]))

    def test_staff_actions_still_work_and_log(self):
        position = self.position.sudo(self.salesman)
        position.write({"product_qty": 5})  # the request itself stays editable
        position.action_cancel()
        self.assertEqual(self.position.state, "cancelled")
        self.assertIn("Position cancelled.", self.position.message_ids[0].body)

    def test_a_copy_starts_with_nothing_held_or_bought(self):
        self._receive(self.product, 4)
        self.assertAssigned(self.position, [4])
        # The same customer has one open position of the product: a plain copy
        # is refused; a copy for another customer starts afresh.
        with self.assertRaisesRegex(ValidationError, self.position.name):
            self.position.sudo(self.salesman).copy()
        other = self._create_customer("Copy Garage")
        copy = self.position.sudo(self.salesman).copy({"partner_id": other.id})
        self.assertEqual((copy.state, copy.qty_assigned, copy.qty_done, copy.qty_need),
                         ("waiting", 0, 0, 4))
