# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from .common import BackorderCase


class TestAssignmentNotice(BackorderCase):
    """Customers are e-mailed once per assignment, through the mail queue."""

    def test_assigned_pieces_are_emailed_once(self):
        customer = self._create_customer("Notified Garage")
        position = self._create_positions(self.product, [(customer, 3)])
        self._receive(self.product, 2)
        self.assertTrue(position.assignment_notice_pending)

        self.Position._cron_send_assignment_notices()
        self.Position._cron_send_assignment_notices()

        mail = self.env["mail.mail"].search([
            ("model", "=", "backorder.position"), ("res_id", "=", position.id)])
        self.assertEqual(len(mail), 1)
        self.assertEqual(mail.state, "outgoing")
        self.assertIn("2 piece(s) reserved for you", mail.subject)
        self.assertIn(customer, mail.recipient_ids)
        self.assertIn("/shop/cart", mail.body_html)
        self.assertIn(position.date_expiry[:10], mail.body_html)
        self.assertFalse(position.assignment_notice_pending)
