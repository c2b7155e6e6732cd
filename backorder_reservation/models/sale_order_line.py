# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare, float_round


def whole_pieces(product, qty):
    """``qty`` (in the product's unit) as a whole number of pieces, or UserError."""
    if float_compare(qty, float_round(qty, precision_digits=0),
                     precision_rounding=product.uom_id.rounding):
        raise UserError(_("Backorders are made of whole pieces: %(qty)s %(unit)s of "
                          "%(product)s is not one.") % {
                              "qty": qty, "unit": product.uom_id.name,
                              "product": product.display_name})
    return int(round(qty))


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    backorder_position_ids = fields.Many2many(
        "backorder.position", "backorder_position_sale_line_rel", "sale_line_id",
        "position_id", string="Backorder Positions", readonly=True, copy=False,
        help="Positions made of the quantity of this line that was not in stock.")
    backorder_kept_qty = fields.Integer(
        string="Kept From Stock", readonly=True, copy=False,
        help="Pieces this line kept from free stock when the rest of the quantity "
             "went on backorder: they are bought apart from the backorder position, "
             "which waits for the rest.")

    @api.multi
    def action_backorder_short_qty(self):
        """Turn the quantity of these quotation lines that free stock cannot serve
        into backorder positions: each line keeps what is free (for this customer,
        their own held pieces included); the rest waits in the queue, in the
        customer's open position of the product if there is one."""
        positions = self.env["backorder.position"]
        for line in self:
            qty, free = line._backorder_qty_and_free()
            short = qty - max(free, 0)
            if short <= 0:
                raise UserError(_("%s is in stock for this order: nothing to "
                                  "backorder.") % line.product_id.display_name)
            positions |= positions._queue_for(
                line.order_id.partner_id, line.product_id, short, sale_line=line,
                company_id=line.order_id.company_id.id)
            line.write({
                "product_uom_qty": line.product_id.uom_id._compute_quantity(
                    qty - short, line.product_uom),
                "backorder_kept_qty": qty - short,
            })
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
        return whole_pieces(product, qty), self._backorder_free_for_customer()

    @api.multi
    def _backorder_free_for_customer(self):
        """Free pieces of the line's product plus those held for its customer."""
        self.ensure_one()
        return self.order_id._backorder_free_for_customer(self.product_id)

    @api.onchange("product_uom_qty", "product_uom", "route_id")
    def _onchange_product_id_check_availability(self):
        """Warn the salesperson when pieces held for other customers' backorders
        are what would make the quantity available."""
        result = super(SaleOrderLine, self)._onchange_product_id_check_availability()
        if (result.get("warning") or self.product_id.type != "product"
                or not self.product_uom_qty or not self.order_id.partner_id):
            return result
        qty = self.product_uom._compute_quantity(self.product_uom_qty, self.product_id.uom_id)
        free = self._backorder_free_for_customer()
        if qty <= free:
            return result
        return {"warning": {
            "title": _("Pieces held for backorders"),
            "message": _(
                "Only %(free)d of the %(qty)s %(unit)s of %(product)s can be "
                "delivered now: the rest is held for customers waiting on "
                "backorders. Use the hourglass button of the line to put the "
                "missing quantity on backorder.") % {
                    "free": max(free, 0), "qty": self.product_uom_qty,
                    "unit": self.product_uom.name,
                    "product": self.product_id.display_name},
        }}
