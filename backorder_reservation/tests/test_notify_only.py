# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, timedelta

from odoo import fields

from .common import BackorderCase


class TestNotifyOnly(BackorderCase):
    """Notify-only positions get 2 availability e-mails, 3 days apart, and are
    removed 7 days after the last one (SPEC section 4)."""

    @classmethod
    def setUpClass(cls):
        super(TestNotifyOnly, cls).setUpClass()
        cls.stranger = cls._create_customer("Occasional Garage", eligible=False)

    def _mails(self, position):
        return self.env["mail.mail"].search([
            ("model", "=", "backorder.position"), ("res_id", "=", position.id)])

    def test_no_mail_while_nothing_is_free(self):
        position = self._create_positions(self.product, [(self.stranger, 1)])
        self.Position._cron_notify_only()
        self.assertEqual(position.notification_count, 0)
        self.assertFalse(self._mails(position))

    def test_two_mails_then_removal(self):
        position = self._create_positions(self.product, [(self.stranger, 2)])
        self._receive(self.product, 1)
        self.assertAssigned(position, [0])

        start = datetime.utcnow()
        self.Position._cron_notify_only(now=start)
        self.assertEqual(position.notification_count, 1)
        self.assertEqual(len(self._mails(position)), 1)
        self.assertIn("available now", self._mails(position).subject)

        # The second e-mail comes 3 days after the first, not earlier.
        self.Position._cron_notify_only(now=start + timedelta(days=3, seconds=-1))
        self.assertEqual(position.notification_count, 1)
        second = start + timedelta(days=3)
        self.Position._cron_notify_only(now=second)
        self.assertEqual(position.notification_count, 2)
        self.assertEqual(len(self._mails(position)), 2)
        self.assertEqual(fields.Datetime.from_string(position.date_last_notification),
                         second.replace(microsecond=0))

        # Removed 7 days after the last e-mail, not earlier.
        self.Position._cron_notify_only(now=second + timedelta(days=6))
        self.assertEqual(position.state, "waiting")
        self.assertEqual(position.notification_count, 2)
        removal = second + timedelta(days=7)
        self.Position._cron_notify_only(now=removal)
        self.assertEqual(position.state, "removed")
        self.assertEqual(fields.Datetime.from_string(position.date_closed),
                         removal.replace(microsecond=0))
        self.assertIn("closed", self._mails(position).sorted("id")[-1].subject)

    def test_a_part_sold_out_after_the_first_mail_still_ends_the_position(self):
        position = self._create_positions(self.product, [(self.stranger, 1)])
        self._receive(self.product, 1)
        start = datetime.utcnow()
        self.Position._cron_notify_only(now=start)
        self.assertEqual(position.notification_count, 1)
        # Someone else buys the piece: no second e-mail can be due.
        self._confirmed_order(self._create_customer("Quick Buyer"), self.product, 1)
        self.Position._cron_notify_only(now=start + timedelta(days=6))
        self.assertEqual((position.state, position.notification_count), ("waiting", 1))
        self.Position._cron_notify_only(now=start + timedelta(days=7))
        self.assertEqual(position.state, "removed")
        self.assertIn("closed", self._mails(position).sorted("id")[-1].subject)
