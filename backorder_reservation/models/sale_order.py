# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import api, models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    @api.multi
    def _action_confirm(self):
        # Before super(): the delivery created there must find the held pieces
        # already handed over to this order.
        self._backorder_consume_holds()
        return super(SaleOrder, self)._action_confirm()

    @api.multi
    def _backorder_consume_holds(self):
        """The customer's held pieces of the ordered products count as bought:
        qty_done rises, qty_assigned falls, oldest position first."""
        Position = self.env["backorder.position"].sudo()
        for order in self:
            ordered = defaultdict(int)
            for line in order.order_line.filtered("product_id"):
                ordered[line.product_id.id] += int(line.product_uom._compute_quantity(
                    line.product_uom_qty, line.product_id.uom_id))
            positions = Position.search([
                ("partner_id", "=", order.partner_id.commercial_partner_id.id),
                ("product_id", "in", list(ordered)),
                ("state", "=", "assigned"),
            ])
            for position in positions:
                qty = min(ordered[position.product_id.id], position.qty_assigned)
                if not qty:
                    continue
                ordered[position.product_id.id] -= qty
                position._record_purchase(qty, order)
