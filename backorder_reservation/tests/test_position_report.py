# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import fields

from .common import BackorderCase


class TestPositionReport(BackorderCase):
    """The analysis's figures equal those computed from the positions: counts,
    lost positions and pieces, fill rate, waiting times, by product and month."""

    @classmethod
    def setUpClass(cls):
        super(TestPositionReport, cls).setUpClass()
        cls.other_product = cls._create_product("Report disc")
        customers = [cls._create_customer("Report Garage %d" % i) for i in range(4)]
        cls.positions = cls._create_positions(cls.product, [
            (customers[0], 2), (customers[1], 3), (customers[2], 1), (customers[3], 4)])
        cls.positions |= cls._create_positions(cls.other_product, [(customers[0], 5)])
        cls._receive(cls.product, 4)  # 2 / 1 / 1 / 0 under the default rule
        cls._confirmed_order(customers[0], cls.product, 2)  # first one done
        expiring = cls.positions[1]
        expiring.date_expiry = fields.Datetime.to_string(
            fields.Datetime.from_string(fields.Datetime.now()) - timedelta(hours=1))
        cls.Position._cron_expire_holds()  # second one expired, its piece reassigned
        # Spread the requests over time so that waiting times differ.
        for days, position in zip((10, 8, 6, 4, 2), cls.positions):
            cls.env.cr.execute(
                "UPDATE backorder_position"
                "   SET create_date = create_date - %s * interval '1 day' WHERE id = %s",
                (days, position.id))
        cls.positions.invalidate_cache()

    def _expected(self, positions):
        def days(start, end):
            delta = fields.Datetime.from_string(end) - fields.Datetime.from_string(start)
            return delta.total_seconds() / 86400.0

        assigned = positions.filtered("date_assigned")
        done = positions.filtered(lambda p: p.state == "done")
        lost = positions.filtered(lambda p: p.state in ("expired", "removed"))
        return {
            "nbr": len(positions),
            "lost": len(lost),
            "qty_lost": sum(p.product_qty - p.qty_done for p in lost),
            "fill_rate": sum(100.0 * (p.qty_assigned + p.qty_done) / p.product_qty
                             for p in positions) / len(positions),
            "days_to_assign": sum(days(p.create_date, p.date_assigned) for p in assigned)
            / len(assigned) if assigned else False,
            "days_to_purchase": sum(days(p.create_date, p.date_closed) for p in done)
            / len(done) if done else False,
        }

    def test_figures_by_product_equal_the_positions(self):
        self.assertEqual(sorted(set(self.positions.mapped("state"))),
                         ["assigned", "done", "expired", "waiting"])
        measures = ["nbr", "lost", "qty_lost", "fill_rate", "days_to_assign",
                    "days_to_purchase"]
        groups = self.env["backorder.position.report"].read_group(
            [("product_id", "in", (self.product | self.other_product).ids)],
            measures + ["product_id"], ["product_id"])
        self.assertEqual(len(groups), 2)
        for group in groups:
            expected = self._expected(self.positions.filtered(
                lambda p: p.product_id.id == group["product_id"][0]))
            for measure in measures:
                if expected[measure] is False:
                    self.assertFalse(group[measure], measure)
                else:
                    self.assertAlmostEqual(group[measure], expected[measure], places=3,
                                           msg=measure)

    def test_lost_by_customer_and_month(self):
        lost = self.positions.filtered(lambda p: p.state == "expired")
        groups = self.env["backorder.position.report"].read_group(
            [("product_id", "=", self.product.id), ("lost", "=", 1)],
            ["qty_lost", "partner_id", "date"], ["partner_id", "date:month"], lazy=False)
        self.assertEqual([(g["partner_id"][0], g["qty_lost"]) for g in groups],
                         [(lost.partner_id.id, lost.product_qty - lost.qty_done)])
