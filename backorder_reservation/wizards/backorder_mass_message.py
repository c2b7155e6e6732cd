# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError


class BackorderMassMessage(models.TransientModel):
    """One message to every customer waiting for a product (seed 001: a new
    expected date, a delay), posted on each open position and e-mailed."""
    _name = "backorder.mass.message"
    _description = "Backorder Mass Message"

    product_id = fields.Many2one(
        "product.product", string="Product", required=True,
        domain=[("type", "=", "product")])
    subject = fields.Char(required=True)
    body = fields.Html(string="Message", required=True)
    expected_date = fields.Date(
        string="New Expected Arrival",
        help="Also set as the product's expected arrival, shown in the shop.")
    position_count = fields.Integer(
        compute="_compute_position_count", string="Open Positions")

    @api.depends("product_id")
    def _compute_position_count(self):
        Position = self.env["backorder.position"]
        for wizard in self:
            wizard.position_count = Position.search_count(
                Position._open_domain(wizard.product_id)) if wizard.product_id else 0

    @api.multi
    def action_send(self):
        self.ensure_one()
        Position = self.env["backorder.position"]
        positions = Position.search(Position._open_domain(self.product_id))
        if not positions:
            raise UserError(_("Nobody is waiting for %s.") % self.product_id.display_name)
        if self.expected_date:
            self.product_id.backorder_expected_date = self.expected_date
        for position in positions:
            position.message_post(
                body=self.body, subject=self.subject, message_type="comment",
                subtype="mail.mt_comment", partner_ids=[position.partner_id.id])
        return {"type": "ir.actions.act_window_close"}
