# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import mute_logger

from .common import BackorderCase


class TestPositionRules(BackorderCase):
    """Bad input is refused with a clear error; access follows the groups."""

    @classmethod
    def setUpClass(cls):
        super(TestPositionRules, cls).setUpClass()
        cls.customer = cls._create_customer("Rules Garage")

    def test_quantity_must_be_positive(self):
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            with self.cr.savepoint():
                self._create_positions(self.product, [(self.customer, 0)])

    def test_forbidden_product_is_refused(self):
        product = self._create_product("Discontinued hub", backorder_allowed=False)
        with self.assertRaisesRegex(ValidationError, "cannot be backordered"):
            self._create_positions(product, [(self.customer, 1)])

    def test_cap_counts_every_customer(self):
        product = self._create_product("Rare gasket", backorder_cap=5)
        other = self._create_customer("Second Rules Garage")
        self._create_positions(product, [(self.customer, 3)])
        with self.assertRaisesRegex(ValidationError, "at most 5 pieces"):
            self._create_positions(product, [(other, 3)])
        self.assertEqual(
            self.Position.search_count([("product_id", "=", product.id)]), 1)
        self._create_positions(product, [(other, 2)])

    def test_history_is_kept(self):
        position = self._create_positions(self.product, [(self.customer, 1)])
        with self.assertRaisesRegex(UserError, "kept as history"):
            position.unlink()
        position.action_cancel()
        with self.assertRaisesRegex(UserError, "Only waiting or assigned"):
            position.action_cancel()

    def test_settings_refuse_negative_numbers(self):
        settings = self.env["res.config.settings"].create({
            "backorder_hold_days_partial": -3})
        with self.assertRaisesRegex(ValidationError, "hold_days_partial"):
            settings.execute()
        self.assertEqual(self.Position._backorder_settings().hold_days_partial, 7)

    def test_settings_are_stored_as_parameters(self):
        self.env["res.config.settings"].create({
            "backorder_reputation_penalty": 30,
            "backorder_allocation_policy": "fifo"}).execute()
        params = self.env["ir.config_parameter"].sudo()
        self.assertEqual(params.get_param("backorder_reservation.reputation_penalty"), "30")
        self.assertEqual(self.Position._backorder_settings().allocation_policy, "fifo")

    def test_portal_customer_sees_only_their_own_positions(self):
        portal_user = self.env.ref("backorder_reservation.user_portal2")
        workshop = portal_user.partner_id.commercial_partner_id
        own = self._create_positions(self.product, [(workshop, 1)])
        others = self._create_positions(self.product, [(self.customer, 1)])
        visible = self.Position.sudo(portal_user).search(
            [("id", "in", (own | others).ids)])
        self.assertEqual(visible, own)
        with self.assertRaises(AccessError):
            others.sudo(portal_user).read(["product_qty"])
        with self.assertRaises(AccessError):
            own.sudo(portal_user).write({"product_qty": 5})

    def test_sales_user_manages_positions_from_the_menu(self):
        salesman = self.env.ref("base.user_demo")
        self.assertTrue(salesman.has_group("sales_team.group_sale_salesman"))
        menu = self.env.ref("backorder_reservation.menu_backorder_position")
        self.assertIn(menu, self.env["ir.ui.menu"].sudo(salesman).search([]))
        position = self.Position.sudo(salesman).create({
            "partner_id": self.customer.id, "product_id": self.product.id,
            "product_qty": 2})
        self.assertEqual(position.state, "waiting")
