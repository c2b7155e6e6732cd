# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import json

from odoo import api, fields, models

from ..lifecycle import OPEN_STATES


class ProductTemplate(models.Model):
    _inherit = "product.template"

    backorder_allowed = fields.Boolean(
        string="Backorders Allowed", default=True,
        help="Customers may put this product in the basket when it is out of "
             "stock: the missing quantity becomes a backorder position.")
    backorder_cap = fields.Integer(
        default=0,
        help="Most pieces that may wait in open backorder positions of this "
             "product, all customers together. 0 means no cap.")
    backorder_expected_date = fields.Date(
        string="Expected Arrival",
        help="When new stock is expected; shown to customers.")
    backorder_note = fields.Text(
        translate=True,
        help="Shown to customers on backorders, e.g. \"This item is in production "
             "and is scheduled to ship end of January.\"")
    preorder_release_date = fields.Date(
        string="Pre-order Release Date",
        help="A pre-order: positions wait, and receive no stock, until this date.")
    backorder_open_count = fields.Integer(
        string="Backorders", compute="_compute_backorder_open_count",
        help="Open backorder positions of this product's variants.")

    @api.multi
    def _compute_backorder_open_count(self):
        Position = self.env["backorder.position"]
        groups = Position.read_group(
            [("product_tmpl_id", "in", self.ids), ("state", "in", OPEN_STATES)],
            ["product_tmpl_id"], ["product_tmpl_id"])
        counts = {g["product_tmpl_id"][0]: g["product_tmpl_id_count"] for g in groups}
        for template in self:
            template.backorder_open_count = counts.get(template.id, 0)

    @api.multi
    def action_view_backorder_queue(self):
        """The product's open positions in queue order (oldest first)."""
        return self.env["backorder.position"]._action_view(
            [("product_tmpl_id", "in", self.ids)], {"search_default_open": 1})

    @api.multi
    def action_backorder_preview(self):
        return self._backorder_wizard_action(
            "backorder_reservation.action_backorder_allocation_preview")

    @api.multi
    def action_backorder_mass_message(self):
        return self._backorder_wizard_action(
            "backorder_reservation.action_backorder_mass_message")

    @api.multi
    def _backorder_wizard_action(self, xmlid):
        self.ensure_one()
        action = self.env.ref(xmlid).read()[0]
        action["context"] = {"default_product_id": self.product_variant_id.id}
        return action

    @api.multi
    def _backorder_grid_variant(self, free_qty=None):
        """The variant the shop grid shows the stock of: the one with the most
        free stock, so that a template reads "Backorder" only when no variant
        is in stock. ``free_qty``: {variant id: free pieces} of the whole page,
        read by the caller; else read here."""
        self.ensure_one()
        variants = self.sudo().product_variant_ids
        if len(variants) < 2:
            return self.product_variant_id
        if free_qty is None:
            free_qty = variants._backorder_free_qty()
        return max(variants, key=lambda variant: free_qty.get(variant.id, 0))

    @api.multi
    def _backorder_shop_variants_json(self):
        """The stock bar and add button of each variant, for the product page's
        script to show the chosen variant's: {variant id: shop info} as JSON."""
        self.ensure_one()
        variants = self.sudo().product_variant_ids
        free_qty = variants._backorder_free_qty()
        return json.dumps({
            str(variant.id): variant._backorder_shop_info(free_qty) for variant in variants})
