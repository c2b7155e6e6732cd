# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime

from .common import BackorderCase


class TestCronBatches(BackorderCase):
    """Every scheduled action over positions works in batches of the setting's
    size and goes on until nothing is due (issue 12, item 2). The commits
    between batches are tested with committed data in tests/test_cron_batches.py."""

    def _batches_of_2(self, domain):
        """Batches of 2 over what ``domain`` finds (the demo data's positions
        take part too)."""
        count = self.Position.search_count(domain)
        self.assertGreaterEqual(count, 5)
        return (count + 1) // 2

    @classmethod
    def setUpClass(cls):
        super(TestCronBatches, cls).setUpClass()
        cls.env["ir.config_parameter"].set_param(
            "backorder_reservation.cron_batch_size", "2")

    def test_availability_emails_go_out_in_batches(self):
        strangers = [self._create_customer("Stranger %d" % index, eligible=False)
                     for index in range(5)]
        positions = self._create_positions(
            self.product, [(stranger, 1) for stranger in strangers])
        self._receive(self.product, 1)
        batches = self._batches_of_2([("state", "=", "waiting"), ("notify_only", "=", True)])
        self.assertEqual(self.Position._cron_notify_only(now=datetime.utcnow()), batches)
        self.assertEqual(positions.mapped("notification_count"), [1] * 5)

    def test_assignment_emails_go_out_in_batches(self):
        customers = [self._create_customer("Garage %d" % index) for index in range(5)]
        positions = self._create_positions(
            self.product, [(customer, 1) for customer in customers])
        self._receive(self.product, 5)
        self.assertEqual(positions.mapped("assignment_notice_pending"), [True] * 5)
        batches = self._batches_of_2([("assignment_notice_pending", "=", True)])
        self.assertEqual(self.Position._cron_send_assignment_notices(), batches)
        self.assertEqual(positions.mapped("assignment_notice_pending"), [False] * 5)
        self.assertEqual(self.env["mail.mail"].search_count([
            ("model", "=", "backorder.position"), ("res_id", "in", positions.ids)]), 5)

    def test_expiry_goes_out_in_batches(self):
        customers = [self._create_customer("Holder %d" % index) for index in range(5)]
        positions = self._create_positions(
            self.product, [(customer, 1) for customer in customers])
        self._receive(self.product, 5)
        now = self._after_hold(positions)
        batches = self._batches_of_2([("state", "=", "assigned"), ("qty_assigned", ">", 0),
                                      ("date_expiry", "<=", str(now))])
        self.assertEqual(self.Position._cron_expire_holds(now=now), batches)
        self.assertEqual(positions.mapped("state"), ["expired"] * 5)
