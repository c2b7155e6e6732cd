# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, timedelta

from odoo import fields

from .common import BackorderCase


class TestExpiry(BackorderCase):
    """Holds of 2 days (complete) or 7 days (partial), never shortened; expiry
    gives the pieces back, re-assigns them and costs reputation."""

    @classmethod
    def setUpClass(cls):
        super(TestExpiry, cls).setUpClass()
        cls.first = cls._create_customer("First Garage")
        cls.second = cls._create_customer("Second Garage")

    def _hold_days(self, position):
        held_until = fields.Datetime.from_string(position.date_expiry)
        return (held_until - datetime.utcnow()).total_seconds() / 86400.0

    def test_complete_assignment_is_held_two_days_partial_seven(self):
        complete, partial = self._create_positions(
            self.product, [(self.first, 2), (self.second, 5)])
        self._receive(self.product, 3)
        self.assertAssigned(complete | partial, [2, 1])
        self.assertAlmostEqual(self._hold_days(complete), 2, places=2)
        self.assertAlmostEqual(self._hold_days(partial), 7, places=2)

    def test_later_complete_assignment_never_shortens_the_deadline(self):
        position = self._create_positions(self.product, [(self.first, 4)])
        self._receive(self.product, 1)
        partial_deadline = position.date_expiry
        self.assertAlmostEqual(self._hold_days(position), 7, places=2)
        self._receive(self.product, 3)
        self.assertAssigned(position, [4])
        self.assertEqual(position.date_expiry, partial_deadline)

    def test_expiry_releases_reassigns_and_lowers_reputation(self):
        late, next_in_line = self._create_positions(
            self.product, [(self.first, 2), (self.second, 2)])
        self._receive(self.product, 2)
        self.assertAssigned(late | next_in_line, [2, 0])

        self.Position._cron_expire_holds(now=self._after_hold(late))

        self.assertEqual(late.state, "expired")
        self.assertEqual(late.qty_assigned, 0)
        self.assertTrue(late.date_closed)
        self.assertEqual(self.first.backorder_reputation, 80)
        self.assertEqual(self.second.backorder_reputation, 100)
        self.assertAssigned(next_in_line, [2])
        self.assertEqual(next_in_line.state, "assigned")
        self.assertTrue(any("Hold expired" in body for body in late.message_ids.mapped("body")))
        mail = self.env["mail.mail"].search([
            ("model", "=", "backorder.position"), ("res_id", "=", late.id)])
        self.assertEqual(len(mail), 1)
        self.assertIn("expired", mail.subject)

    def test_holds_not_yet_due_stay(self):
        position = self._create_positions(self.product, [(self.first, 2)])
        self._receive(self.product, 2)
        self.Position._cron_expire_holds(now=self._after_hold(position, hours=-1))
        self.assertEqual(position.state, "assigned")
        self.assertEqual(self.first.backorder_reputation, 100)

    def test_reputation_below_threshold_makes_customer_notify_only(self):
        self.first.backorder_reputation = 60
        self.assertTrue(self.first.backorder_eligible)
        position, other = self._create_positions(
            self.product, [(self.first, 1), (self.second, 1)])
        self._receive(self.product, 1)
        self.Position._cron_expire_holds(now=self._after_hold(position))
        self.assertEqual(self.first.backorder_reputation, 40)
        self.assertFalse(self.first.backorder_eligible)
        # A new position of that customer takes no part in assignments.
        newer = self._create_positions(self.product, [(self.first, 1)])
        self.assertTrue(newer.notify_only)
        self._receive(self.product, 2)
        self.assertAssigned(other | newer, [1, 0])

    def test_expiry_date_rules_use_the_settings(self):
        self.env["ir.config_parameter"].sudo().set_param(
            "backorder_reservation.hold_days_complete", "5")
        position = self._create_positions(self.product, [(self.first, 1)])
        self._receive(self.product, 1)
        self.assertAlmostEqual(self._hold_days(position), 5, places=2)
        self.assertLess(
            fields.Datetime.from_string(position.date_expiry),
            datetime.utcnow() + timedelta(days=5, minutes=1))

    def test_reputation_of_many_customers_is_lowered_at_once(self):
        """Per commercial partner, the penalty once per expired position, never
        below 0, for the same number of statements however many customers."""
        Partner = self.env["res.partner"]
        others = [self._create_customer("Reputation Garage %d" % number)
                  for number in range(6)]
        others[0].backorder_reputation = 10
        positions = self._create_positions(
            self._create_product("Reputation part"), [(self.first, 1)]
        ) | self._create_positions(self.product, [
            (self.first, 1), (self.second, 1)] + [(customer, 1) for customer in others])

        def statements(expired):
            expired.invalidate_cache()
            Partner.invalidate_cache()
            before = self.cr.sql_log_count
            Partner._backorder_lower_reputation(expired, 20)
            return self.cr.sql_log_count - before

        self.assertEqual(statements(positions[:2]), statements(positions[2:]))
        self.assertEqual(self.first.backorder_reputation, 60)
        self.assertEqual(self.second.backorder_reputation, 80)
        self.assertEqual(others[0].backorder_reputation, 0)
        self.assertEqual([customer.backorder_reputation for customer in others[1:]],
                         [80] * 5)
