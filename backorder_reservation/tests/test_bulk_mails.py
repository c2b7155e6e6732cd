# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The position e-mails of a batch are rendered and queued in bulk (issue 12,
item 2): the same mails Odoo's ``mail.template.send_mail`` queues one by one,
for a number of statements that does not grow with the batch."""
import base64

from .common import BackorderCase

TEMPLATES = (
    "backorder_reservation.mail_template_position_assigned",
    "backorder_reservation.mail_template_position_available",
    "backorder_reservation.mail_template_position_expired",
    "backorder_reservation.mail_template_position_removed",
)
# What a queued e-mail is: its mail.mail and the mail.message it extends.
MAIL_FIELDS = (
    "subject", "body_html", "body", "email_from", "email_to", "email_cc", "reply_to",
    "recipient_ids", "partner_ids", "model", "res_id", "record_name", "message_type",
    "subtype_id", "author_id", "auto_delete", "mail_server_id", "state",
    "notification", "scheduled_date", "parent_id", "attachment_ids", "headers",
    "references", "create_uid", "needaction_partner_ids", "channel_ids",
)


class TestBulkMails(BackorderCase):
    maxDiff = None

    @classmethod
    def setUpClass(cls):
        super(TestBulkMails, cls).setUpClass()
        cls.customers = [cls._create_customer("Bulk Mail Garage %d" % number)
                         for number in range(8)]
        cls.positions = cls._create_positions(
            cls.product, [(customer, 2) for customer in cls.customers])
        cls._receive(cls.product, 9)

    def _queued(self, position):
        return self.env["mail.mail"].search(
            [("model", "=", position._name), ("res_id", "=", position.id)], order="id")

    def _described(self, mail):
        described = {name: mail[name] for name in MAIL_FIELDS}
        # The body as stored: the e-mail's inherited ``body`` would sanitize
        # the message's on its way into the e-mail's cache.
        described["body"] = mail.mail_message_id.body
        return described

    def test_each_mail_is_the_one_send_mail_queues(self):
        for xmlid in TEMPLATES:
            template = self.env.ref(xmlid)
            for position in self.positions[:2]:
                template.send_mail(position.id)
                one_by_one = self._queued(position)[-1:]
                position._send_mail(xmlid)
                in_bulk = self._queued(position)[-1:]
                self.assertNotEqual(in_bulk, one_by_one)
                self.assertEqual(self._described(in_bulk), self._described(one_by_one),
                                 xmlid)
                self.assertNotEqual(in_bulk.message_id, one_by_one.message_id)

    def test_an_edited_body_is_stored_as_send_mail_stores_it(self):
        """The chatter keeps a message body stricter than an e-mail body (no
        classes, only some styles): an admin's classes and styles are stored
        as send_mail stores them, not as the template renders them."""
        template = self.env.ref(TEMPLATES[2])
        template.body_html = (
            '<p class="o_backorder_lead" style="position: fixed; color: #ff0000">'
            'Hello ${object.partner_id.name}</p>')
        position = self.positions[2]
        template.send_mail(position.id)
        one_by_one = self._queued(position)[-1:]
        position._send_mail(TEMPLATES[2])
        in_bulk = self._queued(position)[-1:]
        self.assertNotIn("o_backorder_lead", one_by_one.mail_message_id.body)
        self.assertEqual(self._described(in_bulk), self._described(one_by_one))

    def test_many_positions_in_one_call(self):
        self.positions._send_mail(TEMPLATES[0])
        for position, customer in zip(self.positions, self.customers):
            mail = self._queued(position)
            self.assertEqual(len(mail), 1)
            self.assertEqual(mail.recipient_ids, customer)
            self.assertIn(position.name, mail.subject)
            self.assertEqual(mail.state, "outgoing")

    def test_statements_do_not_grow_with_the_batch(self):
        def statements(positions):
            positions.invalidate_cache()
            before = self.cr.sql_log_count
            positions._send_mail(TEMPLATES[1])
            return self.cr.sql_log_count - before

        statements(self.positions[:1])  # the template's first use reads more
        self.assertEqual(statements(self.positions[6:8]), statements(self.positions[:6]))

    def test_a_template_with_an_attachment_still_sends_it(self):
        template = self.env.ref(TEMPLATES[0])
        template.attachment_ids = self.env["ir.attachment"].create({
            "name": "terms.txt", "datas_fname": "terms.txt",
            "datas": base64.b64encode(b"Terms of backorders")})
        self.positions[:2]._send_mail(TEMPLATES[0])
        for position in self.positions[:2]:
            self.assertEqual(
                self._queued(position).attachment_ids.mapped("name"), ["terms.txt"])
