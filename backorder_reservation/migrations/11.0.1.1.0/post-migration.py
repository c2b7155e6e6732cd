# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The expiry's scheduled action commits batch by batch from this version on:
its code asks for it. Scheduled actions are data the admins may edit (noupdate),
so an upgrade changes the code only where it is still the old one."""
from odoo import SUPERUSER_ID, api

OLD_CODE = "model._cron_expire_holds()"
NEW_CODE = "model._cron_expire_holds(commit=True)"


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    cron = env.ref("backorder_reservation.ir_cron_expire_holds", raise_if_not_found=False)
    if cron and (cron.code or "").strip() == OLD_CODE:
        cron.code = NEW_CODE
