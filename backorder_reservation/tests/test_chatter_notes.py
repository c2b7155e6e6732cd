# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime

from odoo.tools import plaintext2html

from .common import BackorderCase

# What differs between any two messages, however they were made.
OWN_TO_EACH_MESSAGE = {"id", "message_id", "date", "create_date", "write_date"}


class TestChatterNotes(BackorderCase):
    """The engine's notes, written many at once with one INSERT, are the rows
    message_post would make of the same text: the chatter and the portal show
    them alike."""

    @classmethod
    def setUpClass(cls):
        super(TestChatterNotes, cls).setUpClass()
        cls.customer = cls._create_customer("Chatter Garage")
        cls.position = cls._create_positions(cls.product, [(cls.customer, 2)])

    def _notes(self):
        text = 'Piece <b>"2"</b> & more\nsecond line'
        posted = self.position.message_post(body=plaintext2html(text))
        before = self.position.message_ids
        self.position._post_notes([(self.position.id, text)], datetime.utcnow())
        self.position.invalidate_cache()
        bulk = self.position.message_ids - before
        self.assertEqual(len(bulk), 1)
        return posted, bulk

    def test_a_bulk_note_is_the_row_message_post_makes(self):
        posted, bulk = self._notes()
        Message = self.env["mail.message"]
        stored = [name for name, field in Message._fields.items()
                  if field.store and field.column_type and name not in OWN_TO_EACH_MESSAGE]
        self.assertIn("website_published", stored)  # website_mail's, default True
        posted_values, bulk_values = posted.read(stored)[0], bulk.read(stored)[0]
        self.assertEqual(bulk_values.pop("id"), bulk.id)
        self.assertEqual(posted_values.pop("id"), posted.id)
        self.assertEqual(bulk_values, posted_values)
        self.assertIn("&lt;b&gt;", bulk.body)
        self.assertTrue(bulk.message_id and bulk.message_id != posted.message_id)

    def test_the_chatter_and_the_portal_show_them_alike(self):
        posted, bulk = self._notes()
        shown = [{key: value for key, value in message.items()
                  if key not in OWN_TO_EACH_MESSAGE}
                 for message in (posted | bulk).message_format()]
        self.assertEqual(shown[0], shown[1])
        history = self.position._customer_history()
        self.assertIn(posted, history)
        self.assertIn(bulk, history)
