# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ProductTemplate(models.Model):
    _inherit = "product.template"

    backorder_allowed = fields.Boolean(
        string="Backorders Allowed", default=True,
        help="Customers may put this product in the basket when it is out of "
             "stock: the missing quantity becomes a backorder position.")
    backorder_cap = fields.Integer(
        string="Backorder Cap", default=0,
        help="Most pieces that may wait in open backorder positions of this "
             "product, all customers together. 0 means no cap.")
    backorder_expected_date = fields.Date(
        string="Expected Arrival",
        help="When new stock is expected; shown to customers.")
    backorder_note = fields.Text(
        string="Backorder Note", translate=True,
        help="Shown to customers on backorders, e.g. \"This item is in production "
             "and is scheduled to ship end of January.\"")
    preorder_release_date = fields.Date(
        string="Pre-order Release Date",
        help="A pre-order: positions wait, and receive no stock, until this date.")
