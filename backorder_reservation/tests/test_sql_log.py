# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The engine works with Odoo's SQL log on (``--log-sql``, log level
``debug_sql``), as an integrator turns it on to look into a slow page: its
bulk statements (assignments, chatter notes, e-mails, reputation) went through
psycopg2's execute_values, whose statement of bytes the logging cursor could
not read ("cannot use a string pattern on a bytes-like object")."""
from .common import BackorderCase


class TestSqlLog(BackorderCase):

    def setUp(self):
        super(TestSqlLog, self).setUp()
        # What a cursor opened with the SQL log on does (sql_db.Cursor).
        self.cr.sql_log = True
        self.addCleanup(setattr, self.cr, "sql_log", False)

    def test_receipt_notices_and_expiry_with_the_sql_log_on(self):
        customers = [self._create_customer("Logged Garage %d" % number)
                     for number in range(2)]
        positions = self._create_positions(self.product, [
            (customer, 1) for customer in customers])
        self._receive(self.product, 2)
        self.assertAssigned(positions, [1, 1])
        self.Position._cron_send_assignment_notices()
        self.Position._cron_expire_holds(now=self._after_hold(positions))
        self.assertEqual(positions.mapped("state"), ["expired"] * 2)
        self.assertEqual([customer.backorder_reputation for customer in customers],
                         [80, 80])
        self.assertEqual(self.env["mail.mail"].search_count([
            ("model", "=", "backorder.position"), ("res_id", "in", positions.ids)]), 4)
