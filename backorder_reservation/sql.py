# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The engine's bulk statements: one statement for many rows."""


def execute_values(cr, query, rows):
    """Run ``query``, whose one ``%s`` stands for the VALUES list of ``rows``
    (tuples of one length), as one statement.

    This is psycopg2's ``extras.execute_values`` for a single page, but the
    statement reaches ``cr.execute`` as text: Odoo 11's cursor, when it logs
    SQL (``--log-sql``, log level ``debug_sql``), reads the statement with text
    patterns and fails on the bytes psycopg2's version hands it."""
    if not rows:
        return
    row = "(%s)" % ", ".join(["%s"] * len(rows[0]))
    values = ", ".join(cr.mogrify(row, values).decode("utf-8") for values in rows)
    # Every value was quoted by the driver (mogrify); the query is the caller's.
    cr.execute(query % values)  # pylint: disable=sql-injection
