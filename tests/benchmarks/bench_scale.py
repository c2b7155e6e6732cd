# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Issue 12 (scale) in one run: receipts feeding 1,000 and 10,000 positions,
the scheduled actions over 100,000, and the shop pages.

Usage, from the repository root (sets up the test database like the tests)::

    setup/test.sh tests/benchmarks/bench_scale.py -s

Receipts. For each N of SIZES, N eligible customers wait for 2 pieces each
of one part, and an inventory adjustment adds N pieces: the positions are
fed by the assignment run inside it. Beside it, in the same run:

- *plain*: the same adjustment of a part nobody waits for;
- *bulk SQL*: a hand-written version of the addon's own work, the floor of
  what it can cost: one SELECT of the queue, ``allocation.allocate()``, one
  ``UPDATE ... FROM (VALUES ...)`` and one chatter INSERT (in a savepoint
  rolled back before the receipt).

The goal: receipt <= 3 x (plain + bulk SQL), and the statements of the
addon's part (receipt - plain) the same for every N.

Scheduled actions. CRON_SIZE due positions (CRON_PRODUCTS parts, as many
customers each) for the expiry run (holds ended) and for the notify-only run
(customers who cannot reserve, a piece of each part in stock), then the
safety net over the same parts: time in all, batches and time per batch (the
batch size of the settings). Beside each batch, in the same run: what Odoo's
own ``generate_email`` takes to render that many of the run's e-mails, with
nothing written or queued (the floor of a run that e-mails each position).
The goal: expiry and notify-only under 60 s.

The fixtures are made with a few statements each (``clone_rows``), so that
making them does not outlast what is measured. Everything of the engine runs
in one transaction rolled back at the end; the shop pages are
``bench_shop.py``'s, run after these on the test server.

``BENCH_SCALE_SIZES=1000,10000``, ``BENCH_SCALE_CRON=100000`` change the
sizes; ``BENCH_SCALE_PROFILE=1`` prints profiles (cProfile) of the receipt
of the largest N and of the expiry and notify-only runs, by cumulative time
(``=tottime``: by time inside each function). Figures, not a timed test:
the machine is shared and noisy.
"""
import cProfile
import io
import os
import pstats
import time
from datetime import datetime, timedelta

import odoo

from odoo.addons.backorder_reservation import allocation
from odoo.addons.backorder_reservation.lifecycle import OPEN_STATES, hold_deadline
from odoo.addons.backorder_reservation.sql import execute_values
from odoo.addons.backorder_reservation.tests.common import (
    bulk_customers, bulk_positions, bulk_products, clone_rows, count_inventory)

from bench_engine import _measure
from bench_shop import test_shop_page_figures  # noqa: F401  (run after these)

SIZES = [int(size) for size in os.environ.get("BENCH_SCALE_SIZES", "1000,10000").split(",")]
CRON_SIZE = int(os.environ.get("BENCH_SCALE_CRON", 100000))
CRON_PRODUCTS = 100
PROFILE = os.environ.get("BENCH_SCALE_PROFILE")


def _profiled(name, wanted, work):
    """``work``, printing its profile (cProfile) when BENCH_SCALE_PROFILE is
    set and ``wanted``."""
    if not (PROFILE and wanted):
        return work

    def profiled():
        profile = cProfile.Profile()
        profile.runcall(work)
        out = io.StringIO()
        pstats.Stats(profile, stream=out).sort_stats(
            "cumulative" if PROFILE == "1" else PROFILE).print_stats(45)
        print("\nProfile of %s:\n%s" % (name, out.getvalue()))
    return profiled


def bulk_sql_baseline(env, product, qty, now):
    """The addon's work of a receipt of ``qty`` pieces of ``product``, written
    by hand in bulk SQL: the floor the real run is compared with."""
    cr = env.cr
    settings = env["backorder.position"]._backorder_settings()
    cr.execute("""
        SELECT id, qty_need, date_expiry FROM backorder_position
         WHERE product_id = %s AND state IN %s AND qty_need > 0
         ORDER BY queue_priority DESC, date_queued, id
    """, [product.id, OPEN_STATES])
    queue = cr.fetchall()
    given = allocation.allocate([need for _id, need, _date in queue], qty,
                                settings.allocation_policy)
    rows = [(position_id, pieces, hold_deadline(now, date, pieces == need, settings))
            for (position_id, need, date), pieces in zip(queue, given) if pieces]
    execute_values(cr, """
        UPDATE backorder_position AS p
           SET qty_assigned = p.qty_assigned + v.qty, qty_need = p.qty_need - v.qty,
               state = 'assigned', date_expiry = v.deadline,
               date_assigned = COALESCE(p.date_assigned, v.now),
               assignment_notice_pending = TRUE, write_date = v.now
          FROM (VALUES %s) AS v(id, qty, deadline, now) WHERE p.id = v.id
    """, [row + (now,) for row in rows])
    subtype = env.ref("mail.mt_note").id
    execute_values(cr, """
        INSERT INTO mail_message (model, res_id, body, message_type, subtype_id, date)
        VALUES %s
    """, [("backorder.position", position_id,
           "<p>Assigned %d piece(s), held until %s (UTC).</p>" % (pieces, deadline),
           "notification", subtype, now) for position_id, pieces, deadline in rows])


def _receipt_row(env, size):
    """(size, plain, baseline, receipt), each (seconds, statements)."""
    cr = env.cr
    product = env["product.product"].create({"name": "Bench part %d" % size, "type": "product"})
    plain_product = env["product.product"].create({
        "name": "Bench plain part %d" % size, "type": "product"})
    customers = bulk_customers(env, size, "receipt %d" % size, eligible=True)
    position_ids = bulk_positions(env, product, customers, 2)
    env.cache.invalidate()
    plain = _measure(cr, lambda: count_inventory(env, plain_product, size))
    cr.execute("SAVEPOINT bench_baseline")
    baseline = _measure(cr, lambda: bulk_sql_baseline(env, product, size, datetime.utcnow()))
    cr.execute("ROLLBACK TO SAVEPOINT bench_baseline")
    env.cache.invalidate()
    receipt = _measure(cr, _profiled(
        "the receipt feeding %d positions" % size, size == max(SIZES),
        lambda: count_inventory(env, product, size)))
    positions = env["backorder.position"].browse(position_ids)
    assert sum(positions.mapped("qty_assigned")) == size
    return size, plain, baseline, receipt


def _cron_positions(env, notify_only):
    """CRON_SIZE due positions of CRON_PRODUCTS parts, pieces of each in
    stock: holds that ended an hour ago, or notify-only positions."""
    per_product = CRON_SIZE // CRON_PRODUCTS
    tag = "notify" if notify_only else "expiry"
    customers = bulk_customers(env, per_product, tag, eligible=not notify_only)
    products = bulk_products(env, CRON_PRODUCTS, "Bench %s part" % tag)
    stock = env["product.product"]._backorder_warehouse().lot_stock_id
    env["stock.quant"]._update_available_quantity(
        products[0], stock, 1 if notify_only else per_product)
    quant = env["stock.quant"].search([("product_id", "=", products[0].id)])
    clone_rows(quant, len(products) - 1, keys=products[1:].ids, product_id="key")
    ended = datetime.utcnow() - timedelta(hours=1)
    due = dict(notify_only=True) if notify_only else dict(
        state="assigned", qty_assigned=1, qty_need=0, date_assigned=ended,
        date_expiry=ended)
    bulk_positions(env, products, customers, 1, **due)
    env.cache.invalidate()
    return products


def _odoo_rendering(env, template_xmlid, domain, size):
    """Seconds Odoo's own ``generate_email`` takes to render the e-mails of
    ``size`` of the positions of ``domain`` (what ``send_mail`` renders, all
    ids in one call, default fields): the floor of a batch that e-mails them,
    with nothing done or queued."""
    ids = env["backorder.position"].search(domain, order="id", limit=size).ids
    template = env.ref(template_xmlid)
    env.cache.invalidate()
    seconds = _measure(env.cr, lambda: template.generate_email(ids))[0]
    env.cache.invalidate()
    return seconds


def _cron_row(env, name, cron, rendering=None):
    """(name, seconds, statements, batches, rendering) of the scheduled action
    ``cron()``; ``rendering``: Odoo's rendering of a batch's e-mails."""
    batches = []
    figures = _measure(env.cr, _profiled(
        "the %s run" % name, name != "safety net", lambda: batches.append(cron())))
    env.cache.invalidate()
    return (name,) + figures + (batches[0], rendering)


def test_scale_figures(registry):
    with odoo.api.Environment.manage():
        cr = registry.cursor()
        try:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            Position = env["backorder.position"]
            # The first adjustment of a session reads more (caches): not measured.
            count_inventory(env, env["product.product"].create({
                "name": "Bench warm-up part", "type": "product"}), 1)
            receipts = [_receipt_row(env, size) for size in SIZES]
            setup = time.perf_counter()
            last_mail = env["mail.mail"].search([], order="id desc", limit=1)
            _cron_positions(env, notify_only=False)
            _cron_positions(env, notify_only=True)
            setup = time.perf_counter() - setup
            batch_size = Position._backorder_settings().cron_batch_size
            crons = [
                _cron_row(env, "expiry", Position._cron_expire_holds, _odoo_rendering(
                    env, "backorder_reservation.mail_template_position_expired",
                    [("state", "=", "assigned"),
                     ("date_expiry", "<=", odoo.fields.Datetime.now())], batch_size)),
                _cron_row(env, "notify-only", Position._cron_notify_only, _odoo_rendering(
                    env, "backorder_reservation.mail_template_position_available",
                    [("state", "=", "waiting"), ("notify_only", "=", True)], batch_size)),
                _cron_row(env, "safety net", Position._cron_allocate),
            ]
            queued = env["mail.mail"].search_count([("id", ">", last_mail.id)])
        finally:
            cr.rollback()
            cr.close()

    print("\nReceipts, real Odoo %s (ms; q = SQL statements; goal: x <= 3)"
          % odoo.release.version)
    print("%7s %15s %15s %15s %7s %12s" % (
        "N", "plain adjust.", "bulk SQL", "receipt", "x", "addon q"))
    for size, plain, baseline, receipt in receipts:
        print("%7d %9.0f %4dq %9.0f %4dq %9.0f %4dq %7.2f %12d" % (
            size, plain[0] * 1000, plain[1], baseline[0] * 1000, baseline[1],
            receipt[0] * 1000, receipt[1], receipt[0] / (plain[0] + baseline[0]),
            receipt[1] - plain[1]))
    print("(x = receipt / (plain + bulk SQL); addon q = receipt q - plain q)")
    print("\nScheduled actions over %d due positions of %d parts, batches of %d "
          "(fixtures made in %.1f s; goal: expiry, notify-only < 60 s)"
          % (CRON_SIZE, CRON_PRODUCTS, batch_size, setup))
    print("%-12s %10s %8s %8s %14s %14s %6s" % (
        "action", "total", "q", "batches", "per batch", "Odoo renders", "x"))
    for name, seconds, statements, batches, rendering in crons:
        per_batch = seconds / max(batches, 1)
        print("%-12s %9.1fs %8d %8d %12.0fms %14s %6s" % (
            name, seconds, statements, batches, per_batch * 1000,
            "%.0fms" % (rendering * 1000) if rendering else "-",
            "%.2f" % (per_batch / rendering) if rendering else "-"))
    print("(Odoo renders = Odoo's generate_email of one batch's e-mails, nothing "
          "written; x = per batch / Odoo renders)")
    print("e-mails queued: %d (expiry and notify-only: %d expected)" % (
        queued, 2 * CRON_SIZE))
