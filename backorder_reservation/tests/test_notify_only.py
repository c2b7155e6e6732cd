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

    def _days_ago(self, position, days):
        position.write({"date_last_notification": fields.Datetime.to_string(
            datetime.utcnow() - timedelta(days=days))})

    def test_no_mail_while_nothing_is_free(self):
        position = self._create_positions(self.product, [(self.stranger, 1)])
        self.Position._cron_notify_only()
        self.assertEqual(position.notification_count, 0)
        self.assertFalse(self._mails(position))

    def test_two_mails_then_removal(self):
        position = self._create_positions(self.product, [(self.stranger, 2)])
        self._receive(self.product, 1)
        self.assertAssigned(position, [0])

        self.Position._cron_notify_only()
        self.assertEqual(position.notification_count, 1)
        self.assertEqual(len(self._mails(position)), 1)
        self.assertIn("available now", self._mails(position).subject)

        self.Position._cron_notify_only()  # too early for the second
        self.assertEqual(position.notification_count, 1)

        self._days_ago(position, 3)
        self.Position._cron_notify_only()
        self.assertEqual(position.notification_count, 2)
        self.assertEqual(len(self._mails(position)), 2)

        self._days_ago(position, 6)
        self.Position._cron_notify_only()
        self.assertEqual(position.state, "waiting")
        self.assertEqual(position.notification_count, 2)

        self._days_ago(position, 7)
        self.Position._cron_notify_only()
        self.assertEqual(position.state, "removed")
        self.assertTrue(position.date_closed)
        self.assertIn("closed", self._mails(position).sorted("id")[-1].subject)
