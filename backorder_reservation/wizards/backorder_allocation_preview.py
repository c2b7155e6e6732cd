# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime

from odoo import _, api, fields, models
from odoo.exceptions import UserError


class BackorderAllocationPreview(models.TransientModel):
    """"If 40 arrive now, who gets what": the rule run on the product's queue
    with today's free stock plus the incoming pieces. Nothing is written."""
    _name = "backorder.allocation.preview"
    _description = "Backorder Allocation Preview"

    product_id = fields.Many2one(
        "product.product", string="Product", required=True,
        domain=[("type", "=", "product")])
    incoming_qty = fields.Integer(
        string="Arriving Pieces", default=1,
        help="Pieces that would arrive now, on top of today's free stock.")
    free_qty = fields.Integer(string="Free Stock Now", readonly=True)
    line_ids = fields.One2many(
        "backorder.allocation.preview.line", "preview_id", string="Queue", readonly=True)

    @api.multi
    def action_preview(self):
        self.ensure_one()
        if self.incoming_qty < 0:
            raise UserError(_("The arriving quantity cannot be negative."))
        product = self.product_id
        Position = self.env["backorder.position"]
        entries = Position._queue_entries(
            Position._open_domain(product, product._backorder_company()))
        now = datetime.utcnow()
        eligible = Position._eligible_among(entries, now)
        free_now = product._backorder_free_qty(now)[product.id]
        given = {}
        for _product, queue, quantities in product._backorder_plan(
                entries, eligible, {product.id: free_now + self.incoming_qty}, now):
            given = dict(zip([entry.id for entry in queue], quantities))
        self.write({
            "free_qty": free_now,
            "line_ids": [(5, 0, 0)] + [(0, 0, {
                "position_id": entry.id,
                "queue_place": place,
                "notify_only": (entry.partner_id, entry.company_id) not in eligible,
                "qty_preview": given.get(entry.id, 0),
            }) for place, entry in enumerate(entries, 1)],
        })
        return {
            "type": "ir.actions.act_window", "res_model": self._name,
            "res_id": self.id, "view_mode": "form", "target": "new",
            "name": _("Allocation Preview"),
        }


class BackorderAllocationPreviewLine(models.TransientModel):
    _name = "backorder.allocation.preview.line"
    _description = "Backorder Allocation Preview Line"
    _order = "id"

    preview_id = fields.Many2one(
        "backorder.allocation.preview", required=True, ondelete="cascade")
    position_id = fields.Many2one("backorder.position", string="Position", readonly=True)
    queue_place = fields.Integer(string="Place", readonly=True)
    partner_id = fields.Many2one(related="position_id.partner_id", readonly=True)
    customer_priority = fields.Selection(
        related="position_id.customer_priority", readonly=True)
    date_queued = fields.Datetime(
        related="position_id.date_queued", string="Queued Since", readonly=True)
    qty_need = fields.Integer(related="position_id.qty_need", readonly=True)
    qty_assigned = fields.Integer(
        related="position_id.qty_assigned", string="Held Now", readonly=True)
    notify_only = fields.Boolean(readonly=True)
    qty_preview = fields.Integer(string="Would Get", readonly=True)
