# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class BackorderLock(models.AbstractModel):
    """Rows that serialize the engine's runs, and nothing else.

    Odoo runs requests in REPEATABLE READ: a transaction that merely waited for
    a lock would then go on from a snapshot taken before the other one
    committed, and could assign the same pieces twice. Writing a row makes the
    second transaction fail with a serialization error instead: Odoo retries a
    request on a fresh snapshot; a scheduled action's failed batch is undone and
    done again at its next run.

    The rows live in a table of their own (not named after the model, whose
    table name Odoo checks against its fields), which no sale line, stock move
    or quant refers to: writing the product row instead made every order line and
    move of the product (their foreign keys lock it) collide with assignment
    runs, in deadlocks and retries.
    """
    _name = "backorder.lock"
    _description = "Backorder Engine Locks"

    @api.model_cr
    def init(self):
        self.env.cr.execute("""
            CREATE TABLE IF NOT EXISTS backorder_engine_lock (
                key varchar PRIMARY KEY,
                date_locked timestamp without time zone NOT NULL
            )
        """)

    @api.model
    def _acquire(self, keys):
        """Take the locks named ``keys`` (e.g. "product:42") until the end of the
        transaction, in sorted order so that two runs over several keys cannot
        deadlock; a concurrent holder that committed meanwhile makes this fail
        with a serialization error (see the class)."""
        if keys:
            self.env.cr.execute("""
                INSERT INTO backorder_engine_lock (key, date_locked)
                SELECT key, now() AT TIME ZONE 'UTC' FROM unnest(%s) AS key ORDER BY key
                ON CONFLICT (key) DO UPDATE SET date_locked = EXCLUDED.date_locked
            """, (sorted(set(keys)),))
