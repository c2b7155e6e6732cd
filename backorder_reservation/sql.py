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


def sums_by(model, domain, group_column, sum_columns):
    """{value of ``group_column``: [sum of each of ``sum_columns``]} of the
    records of ``model`` (a recordset) that ``domain`` finds, access rules
    applied as a search applies them; records without a value of
    ``group_column`` are left out. This is ``read_group`` grouped by a
    many2one, without naming the groups: read_group calls ``name_get`` on
    every group's record, and a product variant's name reads its attributes,
    which cost the shop's pages more than the sums themselves."""
    query = model._where_calc(domain)
    model._apply_ir_rules(query, "read")
    from_clause, where_clause, params = query.get_sql()
    table = model._table
    selected = ", ".join(['"%s"."%s"' % (table, group_column)] + [
        'COALESCE(SUM("%s"."%s"), 0)' % (table, column) for column in sum_columns])
    # The table and column names are the caller's, the values parameters.
    model.env.cr.execute(  # pylint: disable=sql-injection
        "SELECT %s FROM %s WHERE %s GROUP BY 1" % (
            selected, from_clause, where_clause or "TRUE"), params)
    return {row[0]: list(row[1:]) for row in model.env.cr.fetchall()
            if row[0] is not None}
