# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import fields
from odoo.exceptions import UserError

from .common import BackorderCase


class TestHoldExtension(BackorderCase):
    """Staff extend holds with a reason; a shorter hold, a position without a
    hold or a missing reason is refused and nothing changes."""

    @classmethod
    def setUpClass(cls):
        super(TestHoldExtension, cls).setUpClass()
        customer = cls._create_customer("Extension Garage")
        waiting_customer = cls._create_customer("Extension Waiting Garage")
        cls.held, cls.waiting = cls._create_positions(
            cls.product, [(customer, 2), (waiting_customer, 5)])
        cls._receive(cls.product, 3)

    def _extend(self, positions, days, reason="Customer on holiday", notify=False):
        deadline = fields.Datetime.from_string(self.held.date_expiry) + timedelta(days=days)
        return self.env["backorder.hold.extension"].with_context(
            active_ids=positions.ids).create({
                "date_expiry": fields.Datetime.to_string(deadline), "reason": reason,
                "notify_customer": notify,
            }).action_extend(), fields.Datetime.to_string(deadline)

    def test_the_reason_stays_internal_unless_staff_tell_the_customer(self):
        _result, deadline = self._extend(self.held, 3, "Credit check of Mr <b>X</b>")
        history = self.held._customer_history()
        self.assertTrue(any(deadline in message.body for message in history))
        self.assertFalse(any("Credit check" in message.body for message in history))
        note = self.held.message_ids.filtered(lambda m: "Credit check" in m.body)
        self.assertEqual(note.subtype_id, self.env.ref("mail.mt_note"))
        self.assertIn("&lt;b&gt;X", note.body)  # plain text, not markup
        self._extend(self.held, 4, "Parts held at customs, sorry", notify=True)
        told = self.held._customer_history().filtered(lambda m: "customs" in m.body)
        self.assertEqual(told.partner_ids, self.held.partner_id)

    def test_later_date_is_set_and_the_reason_logged(self):
        self.assertEqual(self.held.state, "assigned")
        _result, deadline = self._extend(self.held, 3)
        self.assertEqual(self.held.date_expiry, deadline)
        self.assertIn("Customer on holiday", self.held.message_ids[0].body)

    def test_refusals_change_nothing(self):
        before = self.held.date_expiry
        refused = ((self.held, -1, "Earlier"), (self.held, 0, "Same"),
                   (self.held, 2, "   "), (self.held | self.waiting, 2, "Both"))
        for positions, days, reason in refused:
            with self.assertRaises(UserError):
                self._extend(positions, days, reason)
            self.assertEqual(self.held.date_expiry, before)
