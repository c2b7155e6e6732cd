# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError

from .common import BackorderCase


class TestMassMessage(BackorderCase):
    """A message to the waiting customers of a product reaches exactly the
    customers of its open positions, on each position and by e-mail."""

    def test_message_reaches_exactly_the_open_positions_customers(self):
        waiting, assigned, cancelled, other_product = (
            self._create_customer("Mass Garage %s" % name)
            for name in ("Waiting", "Assigned", "Cancelled", "Other"))
        positions = self._create_positions(
            self.product, [(assigned, 1), (waiting, 4), (cancelled, 2)])
        positions[2].action_cancel()
        other = self._create_positions(self._create_product("Other disc"), [(other_product, 1)])
        self._receive(self.product, 1)
        self.assertEqual(positions.mapped("state"), ["assigned", "waiting", "cancelled"])
        wizard = self.env["backorder.mass.message"].create({
            "product_id": self.product.id, "subject": "New date for your brake pads",
            "body": "<p>They ship end of January.</p>", "expected_date": "2027-01-29",
        })
        self.assertEqual(wizard.position_count, 2)
        wizard.action_send()
        sent = self.env["mail.message"].search([("subject", "=", wizard.subject)])
        self.assertEqual(sorted(sent.mapped("res_id")), sorted(positions[:2].ids))
        self.assertEqual(sent.mapped("partner_ids"), assigned | waiting)
        for message in sent:
            position = self.Position.browse(message.res_id)
            self.assertEqual(message.partner_ids, position.partner_id)
            self.assertEqual(message.message_type, "comment")
        emails = self.env["mail.notification"].search(
            [("mail_message_id", "in", sent.ids), ("is_email", "=", True)])
        self.assertEqual(emails.mapped("res_partner_id"), assigned | waiting)
        self.assertFalse(self.env["mail.message"].search(
            [("subject", "=", wizard.subject), ("res_id", "in", (positions[2] | other).ids)]))
        self.assertEqual(self.product.backorder_expected_date, "2027-01-29")

    def test_nobody_waiting_is_refused(self):
        wizard = self.env["backorder.mass.message"].create({
            "product_id": self._create_product("Nobody waits").id,
            "subject": "Hello", "body": "<p>Hi</p>"})
        with self.assertRaises(UserError):
            wizard.action_send()
