# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests.common import TransactionCase, at_install, post_install


@at_install(False)
@post_install(True)
class TestInstall(TransactionCase):
    """The addon is installed in the test database with what it depends on.
    After the install: while Odoo's own runner installs or updates it, its
    state is still "to install" or "to upgrade"."""

    def test_addon_and_its_dependencies_are_installed(self):
        modules = self.env["ir.module.module"].search([
            ("name", "in", ["backorder_reservation", "website_sale_stock",
                            "sale_management", "sale_stock"]),
        ])
        self.assertEqual(
            {m.name: m.state for m in modules},
            {"backorder_reservation": "installed", "website_sale_stock": "installed",
             "sale_management": "installed", "sale_stock": "installed"})

    def test_second_demo_customer_is_a_portal_user_of_a_company(self):
        user = self.env.ref("backorder_reservation.user_portal2")
        self.assertTrue(user.has_group("base.group_portal"))
        self.assertFalse(user.has_group("base.group_user"))
        self.assertEqual(user.partner_id.commercial_partner_id,
                         self.env.ref("backorder_reservation.partner_parts_workshop"))
        uid = self.env["res.users"].authenticate(
            self.env.cr.dbname, "portal2", "portal2", {})
        self.assertEqual(uid, user.id)

    def test_scheduled_actions_are_visible_to_admins(self):
        admin = self.env.ref("base.user_root")  # "admin" in Odoo 11
        crons = self.env["ir.cron"].sudo(admin).search([("name", "=like", "Backorders:%")])
        self.assertEqual(len(crons), 4)
        self.assertTrue(all(crons.mapped("active")))
        self.assertEqual(set(crons.mapped("model_id.model")), {"backorder.position"})
        for cron in crons:
            method = cron.code.split("model.")[1].split("(")[0]
            self.assertTrue(callable(getattr(self.env["backorder.position"], method)))
