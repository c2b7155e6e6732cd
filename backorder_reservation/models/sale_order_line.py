# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare, float_round


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    backorder_position_ids = fields.One2many(
        "backorder.position", "sale_line_id", string="Backorder Positions",
        help="Positions made of the quantity of this line that was not in stock.")

    @api.multi
    def action_backorder_short_qty(self):
        """Turn the quantity of these quotation lines that free stock cannot serve
        into backorder positions: each line keeps what is free (for this customer,
        their own held pieces included); the rest waits in the queue."""
        positions = self.env["backorder.position"]
        for line in self:
            qty, free = line._backorder_qty_and_free()
            short = qty - max(free, 0)
            if short <= 0:
                raise UserError(_("%s is in stock for this order: nothing to "
                                  "backorder.") % line.product_id.display_name)
            positions |= positions.create(line._prepare_backorder_position(short))
            line.product_uom_qty = line.product_id.uom_id._compute_quantity(
                qty - short, line.product_uom)
        return positions

    @api.multi
    def _backorder_qty_and_free(self):
        """(ordered pieces, free pieces for this line's customer), or UserError."""
        self.ensure_one()
        if self.order_id.state not in ("draft", "sent"):
            raise UserError(_("Only quotation lines can be turned into backorders."))
        product = self.product_id
        if product.type != "product":
            raise UserError(_("%s is not a stocked product.") % product.display_name)
        qty = self.product_uom._compute_quantity(self.product_uom_qty, product.uom_id)
        if float_compare(qty, float_round(qty, precision_digits=0),
                         precision_rounding=product.uom_id.rounding):
            raise UserError(_("Backorders are made of whole pieces: %s %s of %s is "
                              "not one.") % (qty, product.uom_id.name, product.display_name))
        customer = self.order_id.partner_id.commercial_partner_id
        own_held = sum(self.env["backorder.position"].search([
            ("partner_id", "=", customer.id), ("product_id", "=", product.id),
            ("state", "=", "assigned"),
        ]).mapped("qty_assigned"))
        return int(round(qty)), product._backorder_free_qty()[product.id] + own_held

    @api.multi
    def _prepare_backorder_position(self, qty):
        self.ensure_one()
        return {
            "partner_id": self.order_id.partner_id.commercial_partner_id.id,
            "product_id": self.product_id.id,
            "product_qty": qty,
            "sale_line_id": self.id,
            "company_id": self.order_id.company_id.id,
        }
