# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Time the assignment engine in real Odoo for growing queues.

Usage, from the repository root (sets up the test database like the tests)::

    setup/test.sh tests/benchmarks/bench_engine.py -s

For each queue length it builds eligible customers and their positions of one
product, then times, with the number of SQL queries:

- a receipt of as many pieces as the queue is long, validated like a stock user
  does (the assignment runs inside it);
- the safety-net scheduled action over the same queue when nothing changed;
- the expiry run once every hold has ended (pieces go back and are assigned
  again, customers lose reputation, each gets an e-mail);
- the notify-only run for as many customers who cannot reserve (no recent
  order) waiting for a part in stock: each gets an availability e-mail.

It prints the figures and their ratios to the shortest queue: queries of the
receipt and the safety net should stay flat, times should grow about linearly.
Everything runs in one transaction that is rolled back.
"""
import time
from datetime import datetime, timedelta

import odoo

from odoo.addons.backorder_reservation.tests.common import validate_receipt

SIZES = (10, 100, 1000)


def _customers(env, count, tag):
    return env["res.partner"].browse([env["res.partner"].create({
        "name": "Bench Garage %s %d" % (tag, i), "is_company": True,
        "email": "bench-%s-%d@example.com" % (tag, i)}).id for i in range(count)])


def _eligible_customers(env, count, tag):
    """``count`` companies, each with an order confirmed today (written as
    confirmed: the benchmark is about positions, not about order workflows)."""
    partners = _customers(env, count, tag)
    now = odoo.fields.Datetime.now()
    for partner in partners:
        env["sale.order"].create({
            "partner_id": partner.id, "state": "sale", "confirmation_date": now})
    return partners


def _waiting_notify_only(env, count):
    """``count`` notify-only positions of a part with a piece in stock."""
    product = env["product.product"].create({
        "name": "Bench notify part %d" % count, "type": "product"})
    positions = env["backorder.position"].browse([env["backorder.position"].create({
        "partner_id": customer.id, "product_id": product.id, "product_qty": 1}).id
        for customer in _customers(env, count, "notify-%d" % count)])
    assert set(positions.mapped("notify_only")) == {True}
    validate_receipt(env, product, 1)
    return positions


def _measure(cr, work):
    """(seconds, queries) of ``work()``."""
    queries = cr.sql_log_count
    start = time.perf_counter()
    work()
    return time.perf_counter() - start, cr.sql_log_count - queries


def test_engine_figures(registry):
    rows = []
    with odoo.api.Environment.manage():
        cr = registry.cursor()
        try:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            Position = env["backorder.position"]
            for size in SIZES:
                product = env["product.product"].create({
                    "name": "Bench part %d" % size, "type": "product"})
                customers = _eligible_customers(env, size, size)
                positions = Position.browse([Position.create({
                    "partner_id": customer.id, "product_id": product.id,
                    "product_qty": 2}).id for customer in customers])
                receipt = _measure(cr, lambda product=product, size=size: validate_receipt(
                    env, product, size))
                assert sum(positions.mapped("qty_assigned")) == size
                safety_net = _measure(cr, Position._cron_allocate)
                held = positions.filtered(lambda position: position.state == "assigned")
                past = odoo.fields.Datetime.to_string(datetime.utcnow() - timedelta(hours=1))
                held.write({"date_expiry": past})
                expiry = _measure(cr, Position._cron_expire_holds)
                assert set(held.mapped("state")) == {"expired"}
                waiting = _waiting_notify_only(env, size)
                notify_only = _measure(cr, Position._cron_notify_only)
                assert set(waiting.mapped("notification_count")) == {1}
                rows.append((size, receipt, safety_net, expiry, notify_only))
        finally:
            cr.rollback()
            cr.close()

    base = rows[0]
    print("\nAssignment engine, real Odoo %s (times in ms, q = SQL queries)" %
          odoo.release.version)
    print("%8s  %22s  %22s  %22s  %22s" % (
        "queue", "receipt", "safety net", "expiry", "notify-only"))
    for size, *figures in rows:
        cells = []
        for (seconds, queries), (base_seconds, base_queries) in zip(figures, base[1:]):
            cells.append("%7.0f %6dq x%5.1f/%4.1fq" % (
                seconds * 1000, queries, seconds / base_seconds, queries / base_queries))
        print("%8d  %s" % (size, "  ".join(cells)))
    print("(x = time / queries relative to a queue of %d)" % base[0])
