# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError


class BackorderReplenishment(models.TransientModel):
    """"Order what the queue needs" (seed 001: use backorders to know how much
    to order): for each part, the pieces its queue waits for, what already
    covers them, and the rest, which staff may change before the parts'
    vendors are asked for it in requests for quotation."""
    _name = "backorder.replenishment"
    _description = "Order What the Backorder Queues Need"

    line_ids = fields.One2many(
        "backorder.replenishment.line", "replenishment_id", string="Parts")

    @api.model
    def default_get(self, fields_list):
        values = super(BackorderReplenishment, self).default_get(fields_list)
        if "line_ids" in fields_list:
            products = self._products_asked()
            figures = products._backorder_replenishment()
            values["line_ids"] = [(0, 0, dict(
                figures[product.id], product_id=product.id,
                vendor_id=product._backorder_seller().name.id,
                qty_to_order=figures[product.id]["to_order"],
            )) for product in products]
        return values

    @api.model
    def _products_asked(self):
        """The parts of the records the wizard was opened from (products, their
        templates, or backorder positions), else every part with a queue in
        the shop's company."""
        model, ids = self.env.context.get("active_model"), self.env.context.get("active_ids")
        Product = self.env["product.product"]
        if model == "product.product" and ids:
            products = Product.browse(ids)
        elif model == "product.template" and ids:
            products = self.env["product.template"].browse(ids).mapped("product_variant_ids")
        elif model == "backorder.position" and ids:
            products = self.env["backorder.position"].browse(ids).mapped("product_id")
        else:
            Position = self.env["backorder.position"]
            company = Position._backorder_company()
            groups = Position.sudo().read_group(
                [("is_open", "=", True), ("company_id", "=", company.id)],
                ["product_id"], ["product_id"])
            products = Product.browse([group["product_id"][0] for group in groups])
        return products.filtered(lambda product: product.type == "product")

    @api.multi
    def action_order(self):
        """Ask each part's vendor for the pieces to order, in requests for
        quotation (see ``product.product._backorder_buy``), and open them.
        Checked before anything is written, so a refusal changes nothing."""
        self.ensure_one()
        self.env["purchase.order"].check_access_rights("create")
        lines = self.line_ids.filtered(lambda line: line.qty_to_order)
        negative = lines.filtered(lambda line: line.qty_to_order < 0)
        if negative:
            raise UserError(_("The quantity to order of %(product)s cannot be negative.")
                            % {"product": negative[0].product_id.display_name})
        if not lines:
            raise UserError(_(
                "Nothing to order: free stock, planned receipts and requests for "
                "quotation already cover the waiting pieces."))
        without_vendor = lines.filtered(lambda line: not line.product_id._backorder_seller())
        if without_vendor:
            raise UserError(_(
                "%(product)s has no vendor to ask: add one on the Purchase tab of "
                "the product.") % {"product": without_vendor[0].product_id.display_name})
        # the figures as they are now, not as the wizard showed them
        figures = lines.mapped("product_id")._backorder_replenishment()
        orders = self.env["purchase.order"]
        for line in lines:
            order = line.product_id._backorder_buy(line.qty_to_order)
            order.message_post(body=_(
                "%(qty)s piece(s) of %(product)s requested for its backorder queue: "
                "%(waiting)s waiting, %(free)s free, %(incoming)s incoming, "
                "%(requested)s already in requests for quotation.") % dict(
                    figures[line.product_id.id], qty=line.qty_to_order,
                    product=line.product_id.display_name))
            orders |= order
        action = self.env.ref("purchase.purchase_rfq").read()[0]
        if len(orders) == 1:
            action.update(res_id=orders.id, view_mode="form", views=[(False, "form")])
        else:
            action["domain"] = [("id", "in", orders.ids)]
        return action


class BackorderReplenishmentLine(models.TransientModel):
    _name = "backorder.replenishment.line"
    _description = "Order What a Backorder Queue Needs"

    replenishment_id = fields.Many2one(
        "backorder.replenishment", required=True, ondelete="cascade")
    product_id = fields.Many2one("product.product", string="Part", required=True, readonly=True)
    vendor_id = fields.Many2one(
        "res.partner", string="Vendor", readonly=True,
        help="The first vendor of the part for this company, on its Purchase tab: "
             "the one the warehouse's buy rule asks.")
    waiting = fields.Integer(
        readonly=True,
        help="Pieces the part's open backorder positions still need.")
    free = fields.Integer(
        readonly=True,
        help="Free stock: on hand, not reserved, not held. Negative when holds "
             "exceed the stock left.")
    incoming = fields.Integer(
        readonly=True,
        help="Pieces planned to arrive in the warehouse (confirmed purchases and "
             "other receipts).")
    requested = fields.Integer(
        string="In Requests for Quotation", readonly=True,
        help="Pieces in requests for quotation not confirmed yet.")
    to_order = fields.Integer(string="Suggested", readonly=True)
    qty_to_order = fields.Integer(
        string="To Order",
        help="Pieces to ask the vendor for; the suggestion is what waits minus "
             "what covers it.")
