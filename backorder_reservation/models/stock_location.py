# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class StockLocation(models.Model):
    _inherit = "stock.location"

    @api.multi
    def _backorder_within(self, parent):
        """Whether this location is ``parent`` or one of its sublocations."""
        self.ensure_one()
        return (parent.parent_left <= self.parent_left
                and self.parent_right <= parent.parent_right)

    @api.multi
    def _backorder_shop_stock(self):
        """The stock location of the shop warehouse of this location's company
        (of the environment's when it has none): where held pieces wait."""
        self.ensure_one()
        return self.env["product.product"].with_context(
            force_company=self.company_id.id)._backorder_warehouse().lot_stock_id
