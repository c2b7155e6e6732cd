# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The scheduled actions over positions commit batch by batch (the safety net
product by product) from this version on: their code asks for it. Scheduled
actions are data the admins may edit (noupdate), so an upgrade changes the code
only where it is still the old one."""
from odoo import SUPERUSER_ID, api

# xml id of the scheduled action: (old code, new code)
BATCHED = {
    "backorder_reservation.ir_cron_expire_holds": (
        "model._cron_expire_holds()", "model._cron_expire_holds(commit=True)"),
    "backorder_reservation.ir_cron_notify_only": (
        "model._cron_notify_only()", "model._cron_notify_only(commit=True)"),
    "backorder_reservation.ir_cron_assignment_notices": (
        "model._cron_send_assignment_notices()",
        "model._cron_send_assignment_notices(commit=True)"),
    "backorder_reservation.ir_cron_allocate": (
        "model._cron_allocate()", "model._cron_allocate(commit=True)"),
}


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    for xml_id, (old_code, new_code) in BATCHED.items():
        cron = env.ref(xml_id, raise_if_not_found=False)
        if cron and (cron.code or "").strip() == old_code:
            cron.code = new_code
