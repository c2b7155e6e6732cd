# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict
from datetime import datetime, timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.backorder_reservation.models.product_product import whole_pieces_in
from odoo.addons.backorder_reservation.sql import sums_by

from ..replenishment import qty_to_order

# Requests for quotation: purchases not confirmed yet, so without moves.
RFQ_STATES = ("draft", "sent", "to approve")


class ProductProduct(models.Model):
    _inherit = "product.product"

    @api.multi
    def _backorder_replenishment(self):
        """{product id: {"waiting", "free", "incoming", "requested",
        "to_order"}}: the pieces each product's queue in the shop's company
        still needs, what covers them (free stock, planned receipts, requests
        for quotation) and the rest to order (:func:`qty_to_order`).

        Read as superuser (purchase users see the figures of queues whose
        positions they may not read), for the user's company."""
        company = self._backorder_company()
        products = self.sudo().with_context(force_company=company.id)
        Position = products.env["backorder.position"]
        waiting = {product_id: need for product_id, (need,) in sums_by(
            Position, Position._open_domain(products, company),
            "product_id", ["qty_need"]).items()}
        free = products._backorder_unheld_qty()
        incoming = {product_id: sum(qty for _day, qty in receipts)
                    for product_id, receipts in products._backorder_planned_receipts().items()}
        requested = products._backorder_requested_qty()
        figures = {}
        for product in self:
            figure = {
                "waiting": waiting.get(product.id, 0), "free": free[product.id],
                "incoming": incoming.get(product.id, 0),
                "requested": requested.get(product.id, 0),
            }
            figure["to_order"] = qty_to_order(**figure)
            figures[product.id] = figure
        return figures

    @api.multi
    def _backorder_requested_qty(self):
        """{product id: pieces} in requests for quotation (purchases not
        confirmed yet) of the shop's company into the shop's warehouse, in the
        products' units."""
        warehouse = self._backorder_warehouse()
        lines = self.env["purchase.order.line"].search([
            ("product_id", "in", self.ids),
            ("order_id.state", "in", RFQ_STATES),
            ("order_id.company_id", "=", warehouse.company_id.id),
            ("order_id.picking_type_id.warehouse_id", "=", warehouse.id)])
        requested = defaultdict(float)
        for line in lines:
            requested[line.product_id.id] += line.product_uom._compute_quantity(
                line.product_qty, line.product_id.uom_id, round=False)
        return {product_id: whole_pieces_in(qty) for product_id, qty in requested.items()}

    @api.multi
    def _backorder_seller(self):
        """The vendor line (product.supplierinfo) the warehouse's buy rule
        takes for this product: the first of its vendors for the shop's
        company, in the order of its *Purchase* tab."""
        self.ensure_one()
        company = self._backorder_company()
        return self.seller_ids.filtered(
            lambda seller: seller.company_id in (company, company.browse())
            and seller.product_id in (self, self.browse()))[:1]

    @api.multi
    def _backorder_buy(self, qty):
        """Ask this product's vendor for ``qty`` pieces through the shop
        warehouse's buy rule, as a reordering rule does: its open request for
        quotation at that vendor gets them (on the product's line when there
        is one), else a new one. Returns that request."""
        self.ensure_one()
        warehouse = self._backorder_warehouse()
        rule = warehouse.buy_pull_id
        if not rule:
            raise UserError(_(
                "The warehouse %(warehouse)s does not buy: tick \"Purchase to "
                "resupply this warehouse\" on it first.") % {"warehouse": warehouse.name})
        seller = self._backorder_seller()
        # The date a procurement names is when the pieces are needed, and the
        # order is dated that long before: the queue needs them now, so they
        # are wanted as soon as the vendor and the purchase lead time allow.
        wanted = datetime.utcnow() + timedelta(
            days=seller.delay + warehouse.company_id.po_lead)
        self.env["procurement.group"].run(
            self, qty, self.uom_id, rule.location_id, self.display_name, _("Backorder queue"),
            {"warehouse_id": warehouse, "route_ids": rule.route_id,
             "company_id": warehouse.company_id,
             "date_planned": fields.Datetime.to_string(wanted)})
        return self.env["purchase.order"].search([
            ("partner_id", "=", seller.name.id), ("state", "=", "draft"),
            ("picking_type_id", "=", rule.picking_type_id.id),
            ("company_id", "=", warehouse.company_id.id),
            ("order_line.product_id", "=", self.id)], limit=1)
