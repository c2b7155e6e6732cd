# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import plaintext2html


class BackorderHoldExtension(models.TransientModel):
    """Staff give customers more time to buy their held pieces, for a reason
    that is logged on each position: an internal note, unless staff choose to
    tell the customer."""
    _name = "backorder.hold.extension"
    _description = "Backorder Hold Extension"

    position_ids = fields.Many2many(
        "backorder.position", string="Positions", required=True,
        default=lambda self: self.env.context.get("active_ids"),
        domain=[("state", "=", "assigned")])
    date_expiry = fields.Datetime(string="Hold Until", required=True)
    reason = fields.Text(required=True)
    notify_customer = fields.Boolean(
        string="Tell the Customer",
        help="Also e-mail the reason to the customer and show it in their "
             "backorder history. Otherwise it stays an internal note, and the "
             "customer only sees the new date.")

    @api.multi
    def action_extend(self):
        self.ensure_one()
        if not self.reason or not self.reason.strip():
            raise UserError(_("Give the reason for the extension."))
        not_assigned = self.position_ids.filtered(lambda p: p.state != "assigned")
        if not_assigned:
            raise UserError(_("Only assigned positions hold pieces: %s.") % ", ".join(
                not_assigned.mapped("name")))
        shorter = self.position_ids.filtered(
            lambda p: p.date_expiry and p.date_expiry >= self.date_expiry)
        if shorter:
            raise UserError(_(
                "The new date must be later than the current hold of %s.") % ", ".join(
                    shorter.mapped("name")))
        reason = plaintext2html(self.reason.strip())
        subtype = "mail.mt_comment" if self.notify_customer else "mail.mt_note"
        for position in self.position_ids:
            position.message_post(body=_(
                "Hold extended from %(old)s to %(new)s (UTC).") % {
                    "old": position.date_expiry, "new": self.date_expiry})
            position.message_post(
                body=reason, message_type="comment", subtype=subtype,
                partner_ids=position.partner_id.ids if self.notify_customer else [])
        # The engine's field: the extension is this logged action.
        self.position_ids.sudo().write({"date_expiry": self.date_expiry})
        return {"type": "ir.actions.act_window_close"}
