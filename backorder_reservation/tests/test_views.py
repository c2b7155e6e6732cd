# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests.common import TransactionCase


class TestViews(TransactionCase):
    """Every backend view of the addon, and each view it extends, renders;
    every website template combines with the templates it extends."""

    def test_every_view_renders(self):
        views = self.env["ir.ui.view"].browse(self.env["ir.model.data"].search([
            ("module", "=", "backorder_reservation"), ("model", "=", "ir.ui.view"),
        ]).mapped("res_id"))
        self.assertGreaterEqual(len(views), 5)
        for view in views:
            root = view
            while root.inherit_id:
                root = root.inherit_id
            with self.subTest(view=view.xml_id):
                if root.type == "qweb":
                    # Website and portal templates: their inheritance applies
                    # here; tests/http renders them in real requests.
                    self.assertTrue(root.read_combined(["arch"])["arch"])
                    continue
                result = self.env[root.model].fields_view_get(
                    view_id=root.id, view_type=root.type)
                self.assertIn(view.model, (result["model"], root.model))
                self.assertTrue(result["arch"])
