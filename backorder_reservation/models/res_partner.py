# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict
from datetime import datetime, timedelta

from odoo import api, fields, models

from .. import allocation, lifecycle
from ..sql import execute_values
from ..lifecycle import OPEN_STATES


class ResPartner(models.Model):
    _inherit = "res.partner"

    backorder_reputation = fields.Integer(
        default=lambda self: self.env["backorder.position"]._backorder_settings()
        .reputation_start,
        help="Points lost each time a backorder hold expires unbought; below the "
             "threshold of the settings the customer gets e-mails only. Kept on "
             "the commercial partner.")
    backorder_eligible = fields.Boolean(
        string="Takes Part in Reservations", compute="_compute_backorder_eligible",
        help="A sale order confirmed recently enough and a reputation at or above "
             "the threshold: backorder positions of this customer receive stock.")
    backorder_priority = fields.Selection(
        allocation.PRIORITY_SELECTION, required=True,
        default=allocation.PRIORITY_NORMAL,
        help="With key accounts first (a setting), the backorder positions of key "
             "accounts come before those of normal customers in each product's "
             "queue, each group oldest first. Kept on the commercial partner.")
    backorder_position_ids = fields.One2many(
        "backorder.position", "partner_id", string="Backorder Positions")
    backorder_open_position_ids = fields.One2many(
        "backorder.position", "partner_id", string="Open Backorder Positions",
        domain=[("state", "in", OPEN_STATES)], readonly=True)
    backorder_open_count = fields.Integer(
        string="Open Backorders", compute="_compute_backorder_open_count")

    @api.multi
    def _compute_backorder_eligible(self):
        """In the company the user works in (or ``force_company``)."""
        eligible = self._backorder_eligible_partners()
        for partner in self:
            partner.backorder_eligible = partner.commercial_partner_id in eligible

    @api.multi
    def _backorder_eligible_partners(self, now=None, company=None):
        """The commercial partners among these partners' that are eligible at
        ``now`` (default: the clock) in ``company`` (default: the company the
        environment works on): orders of other companies do not count.

        One query for the reputation and the last confirmed order of all of
        them, whatever their number (SPEC: eligible): an assignment run asks for
        thousands of customers and reads nothing else of them.
        """
        if not self.ids:
            return self.browse()
        Position = self.env["backorder.position"]
        settings = Position._backorder_settings()
        company = company or Position._backorder_company()
        now = now or datetime.utcnow()
        since = fields.Datetime.to_string(
            now - timedelta(days=settings.eligibility_days))
        self.env.cr.execute("""
            SELECT customer.id, customer.backorder_reputation,
                   MAX(so.confirmation_date)
              FROM res_partner partner
              JOIN res_partner customer ON customer.id = partner.commercial_partner_id
              LEFT JOIN res_partner buyer
                     ON buyer.commercial_partner_id = customer.id
              LEFT JOIN sale_order so
                     ON so.partner_id = buyer.id
                    AND so.state IN ('sale', 'done')
                    AND so.confirmation_date >= %s
                    AND so.company_id = %s
             WHERE partner.id IN %s
             GROUP BY customer.id, customer.backorder_reputation
        """, (since, company.id, tuple(self.ids)))
        return self.browse([
            customer_id for customer_id, reputation, last_order in self.env.cr.fetchall()
            if lifecycle.is_eligible(
                fields.Datetime.from_string(last_order)
                if isinstance(last_order, str) else last_order,
                reputation or 0, now, settings)
        ])

    @api.model
    def _backorder_lower_reputation(self, positions, penalty):
        """Lower the reputation of the commercial partners of ``positions`` by
        ``penalty`` per position (never below 0)."""
        lost = defaultdict(int)
        # A position's customer is a commercial partner (its constraint); its
        # id is on the position, no partner needs to be read.
        for position in positions:
            lost[position.partner_id.id] += penalty
        if not lost:
            return
        # One statement for all: a write per partner reads and writes every
        # partner apart (res.partner's write syncs contacts and followers),
        # most of an expiry run's time. Nothing stored depends on the points.
        execute_values(self.env.cr, """
            UPDATE res_partner
               SET backorder_reputation = GREATEST(0, backorder_reputation - lost.points),
                   write_uid = lost.uid, write_date = now() AT TIME ZONE 'UTC'
              FROM (VALUES %s) AS lost (id, points, uid)
             WHERE res_partner.id = lost.id
        """, [(partner_id, points, self.env.uid) for partner_id, points in lost.items()])
        self.browse(list(lost)).invalidate_cache(
            ["backorder_reputation", "write_uid", "write_date"])

    @api.multi
    def action_view_backorder_positions(self):
        return self.env["backorder.position"]._action_view(
            [("partner_id", "in", self.mapped("commercial_partner_id").ids)],
            {"search_default_open": 1})

    @api.multi
    def _backorder_is_visitor(self):
        """Whether this is the partner of a website's public user: a visitor who
        has not logged in, whom nothing can be reserved for."""
        self.ensure_one()
        return self in self.env["website"].sudo().search([]).mapped("user_id.partner_id")

    @api.multi
    def _backorder_qty_to_move(self, order):
        """Held pieces of this customer in the shop's company that are not in the
        cart ``order`` yet: while there are some, the cart icon flashes (SPEC 3)."""
        self.ensure_one()
        positions = self.env["backorder.position"]._of_customer(self, held=True)
        return sum(positions._qty_to_move(order or self.env["sale.order"]).values())

    @api.multi
    def _compute_backorder_open_count(self):
        groups = self.env["backorder.position"].read_group(
            [("partner_id", "in", self.mapped("commercial_partner_id").ids),
             ("state", "in", OPEN_STATES)],
            ["partner_id"], ["partner_id"])
        counts = {g["partner_id"][0]: g["partner_id_count"] for g in groups}
        for partner in self:
            partner.backorder_open_count = counts.get(partner.commercial_partner_id.id, 0)
