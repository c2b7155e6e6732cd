# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from psycopg2 import sql

from odoo import fields, models, tools

from ..lifecycle import OPEN_STATES
from ..models.backorder_position import STATE_SELECTION

SECONDS_PER_DAY = 86400.0


class BackorderPositionReport(models.Model):
    """Backorder analysis (seed 003, lost sales): one row per position with the
    figures staff group by product, customer and month in pivot and graph views.
    Averages are per position."""
    _name = "backorder.position.report"
    _description = "Backorder Analysis"
    _auto = False
    _rec_name = "date"
    _order = "date desc"

    date = fields.Datetime(string="Queued On", readonly=True)
    product_id = fields.Many2one("product.product", string="Product", readonly=True)
    product_tmpl_id = fields.Many2one(
        "product.template", string="Product Template", readonly=True)
    categ_id = fields.Many2one("product.category", string="Product Category", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    company_id = fields.Many2one("res.company", string="Company", readonly=True)
    state = fields.Selection(STATE_SELECTION, string="Status", readonly=True)
    is_open = fields.Boolean(string="Open", readonly=True)
    nbr = fields.Integer(string="# Positions", readonly=True)
    product_qty = fields.Integer(string="Requested", readonly=True)
    qty_assigned = fields.Integer(string="Held", readonly=True)
    qty_done = fields.Integer(string="Bought", readonly=True)
    qty_filled = fields.Integer(
        string="Assigned or Bought", readonly=True,
        help="Pieces the position holds or has bought.")
    fill_rate = fields.Float(
        string="Fill Rate (%)", readonly=True, group_operator="avg",
        help="Assigned or bought pieces over requested pieces, in percent.")
    days_to_assign = fields.Float(
        string="Days to First Assignment", readonly=True, group_operator="avg",
        help="From the request to the first assigned piece; empty until then.")
    days_to_purchase = fields.Float(
        string="Days to Purchase", readonly=True, group_operator="avg",
        help="From the request to the purchase of the last piece (done positions).")
    lost = fields.Integer(
        string="# Lost", readonly=True,
        help="Positions that expired or were removed: sales lost.")
    qty_lost = fields.Integer(
        string="Pieces Lost", readonly=True,
        help="Requested pieces not bought by positions that expired or were removed.")

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(sql.SQL("""
            CREATE VIEW {} AS (
                SELECT p.id,
                       p.create_date AS date,
                       p.product_id,
                       p.product_tmpl_id,
                       t.categ_id,
                       p.partner_id,
                       p.company_id,
                       p.state,
                       p.state IN %s AS is_open,
                       1 AS nbr,
                       p.product_qty,
                       p.qty_assigned,
                       p.qty_done,
                       p.qty_assigned + p.qty_done AS qty_filled,
                       100.0 * (p.qty_assigned + p.qty_done) / p.product_qty AS fill_rate,
                       EXTRACT(EPOCH FROM p.date_assigned - p.create_date) / %s
                           AS days_to_assign,
                       CASE WHEN p.state = 'done'
                            THEN EXTRACT(EPOCH FROM p.date_closed - p.create_date) / %s
                       END AS days_to_purchase,
                       CASE WHEN p.state IN ('expired', 'removed') THEN 1 ELSE 0 END AS lost,
                       CASE WHEN p.state IN ('expired', 'removed')
                            THEN p.product_qty - p.qty_done ELSE 0 END AS qty_lost
                  FROM backorder_position p
                  JOIN product_template t ON t.id = p.product_tmpl_id
            )
        """).format(sql.Identifier(self._table)),
            (OPEN_STATES, SECONDS_PER_DAY, SECONDS_PER_DAY))
