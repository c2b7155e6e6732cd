# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class StockQuant(models.Model):
    _inherit = "stock.quant"

    @api.model
    def _get_available_quantity(self, product_id, location_id, lot_id=None,
                                package_id=None, owner_id=None, strict=False,
                                allow_negative=False):
        """Pieces held by backorder positions are not available to moves that take
        stock out of the stock location of the shop's warehouse (see
        stock.move._action_assign)."""
        available = super(StockQuant, self)._get_available_quantity(
            product_id, location_id, lot_id=lot_id, package_id=package_id,
            owner_id=owner_id, strict=strict, allow_negative=allow_negative)
        if not self.env.context.get("backorder_respect_holds") \
                or not location_id._backorder_within(location_id._backorder_shop_stock()):
            return available
        if location_id.company_id:
            # The holds of the company whose stock this is.
            product_id = product_id.with_context(force_company=location_id.company_id.id)
        free = product_id._backorder_free_qty()[product_id.id]
        if free >= available:
            return available
        return free if allow_negative else max(free, 0)
