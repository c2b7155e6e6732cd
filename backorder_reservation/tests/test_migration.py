# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import importlib.util
import os

from odoo.tests.common import TransactionCase

MIGRATION = os.path.join(os.path.dirname(os.path.dirname(__file__)),
                         "migrations", "11.0.1.1.0", "post-migration.py")


class TestMigration(TransactionCase):
    """Upgrading from 11.0.1.0.0 points the scheduled actions over positions at
    their batched runs, unless an admin changed their code."""

    def _migrate(self):
        spec = importlib.util.spec_from_file_location("post_migration", MIGRATION)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        module.migrate(self.env.cr, "11.0.1.0.0")
        return module

    def test_the_old_code_becomes_the_batched_run(self):
        crons = {}
        for xml_id, code in (
                ("ir_cron_expire_holds", "model._cron_expire_holds()"),
                ("ir_cron_notify_only", "model._cron_notify_only()"),
                ("ir_cron_assignment_notices", "model._cron_send_assignment_notices()"),
                ("ir_cron_allocate", "model._cron_allocate()")):
            crons[xml_id] = self.env.ref("backorder_reservation." + xml_id)
            crons[xml_id].code = code
        self._migrate()
        self.assertEqual({xml_id: cron.code for xml_id, cron in crons.items()}, {
            "ir_cron_expire_holds": "model._cron_expire_holds(commit=True)",
            "ir_cron_notify_only": "model._cron_notify_only(commit=True)",
            "ir_cron_assignment_notices":
                "model._cron_send_assignment_notices(commit=True)",
            "ir_cron_allocate": "model._cron_allocate(commit=True)",
        })

    def test_code_an_admin_changed_is_kept(self):
        cron = self.env.ref("backorder_reservation.ir_cron_expire_holds")
        cron.code = "model._cron_expire_holds()  # nightly only"
        self._migrate()
        self.assertEqual(cron.code, "model._cron_expire_holds()  # nightly only")
