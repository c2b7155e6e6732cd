# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Odoo 11 retries an external API call (XML-RPC, JSON-RPC) that failed with a
serialization error on a new cursor, but keeps the thread's environments of
the failed try: what that try left to recompute still points at its closed
cursor, and the retry fails with "Unable to use a closed cursor". Later Odoo
versions start each try with ``odoo.api.Environment.reset()`` in
``odoo.service.model.execute_cr``; this module does the same on 11.0.

The engine makes such retries common: a sale confirmed while an assignment
run of its product commits fails once with a serialization error, by design,
and must then succeed. Drop this module when porting to a later version."""
from odoo import api
from odoo.service import model

_execute_cr = model.execute_cr


def execute_cr(cr, uid, obj, method, *args, **kw):
    api.Environment.reset()  # clean caches and recomputations of a failed try
    return _execute_cr(cr, uid, obj, method, *args, **kw)


if not getattr(model.execute_cr, "backorder_resets_environments", False):
    execute_cr.backorder_resets_environments = True
    model.execute_cr = execute_cr
