# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Scheduled actions work in batches that commit on their own (issue 12, item
2): a run stopped half-way (killed at Odoo's time limit, or failing) keeps the
batches it finished, and the next run does the rest, nothing twice.

These tests commit real data, on the database of the browser tests' server, as
tests/test_concurrency.py does; the failure of a batch is real too: another
transaction holds a row the batch has to change, and the batch gives up."""
import threading
from contextlib import contextmanager
from datetime import timedelta

import pytest
from psycopg2 import OperationalError

import odoo
from odoo import fields

from test_concurrency import make_queue, receive

LOCK_NOT_AVAILABLE = "55P03"
BATCH_KEY = "backorder_reservation.cron_batch_size"


@pytest.fixture
def batch_size_2(odoo_env):
    def set_size(env, size):
        before = env["ir.config_parameter"].get_param(BATCH_KEY)
        env["ir.config_parameter"].set_param(BATCH_KEY, size)
        return before
    before = odoo_env(lambda env: set_size(env, "2"))
    yield
    # No parameter before: set_param(False) removes it again.
    odoo_env(lambda env: set_size(env, before or False))


def five_expired_holds(odoo_env):
    """Five customers holding one piece each: (position ids in the order the
    expiry takes them, a time after their holds ended)."""
    product, position_ids = odoo_env(lambda env: make_queue(env, [1] * 5))
    odoo_env(receive(product, 5))

    def hold_ends(env):
        positions = env["backorder.position"].browse(position_ids)
        assert positions.mapped("state") == ["assigned"] * 5
        return [fields.Datetime.from_string(date) for date in positions.mapped("date_expiry")]
    ends = odoo_env(hold_ends)
    # Holds of the session's earlier tests that end before these are expired
    # first, so that the batches below are made of these five alone.
    odoo_env(lambda env: env["backorder.position"]._cron_expire_holds(
        now=min(ends) - timedelta(seconds=1)))
    return position_ids, max(ends) + timedelta(hours=1)


def run_cron(registry, method, lock_timeout=None, **arguments):
    """The scheduled action ``method`` of backorder.position as its scheduled
    action calls it (commit=True), in a transaction of its own; what it
    returns (the number of batches it committed)."""
    with odoo.api.Environment.manage(), registry.cursor() as cr:
        if lock_timeout:
            cr.execute("SET lock_timeout = %s", (lock_timeout,))
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        try:
            return getattr(env["backorder.position"], method)(commit=True, **arguments)
        except Exception:
            # What the failed batch left to recompute goes with it, as when
            # Odoo's scheduler ends a failed job.
            env.clear()
            raise


def expire(registry, now, lock_timeout=None):
    return run_cron(registry, "_cron_expire_holds", lock_timeout, now=now)


@contextmanager
def held_elsewhere(registry, lock):
    """While inside, another transaction holds what ``lock(env)`` locks."""
    locked, release = threading.Event(), threading.Event()

    def hold():
        with odoo.api.Environment.manage(), registry.cursor() as cr:
            lock(odoo.api.Environment(cr, odoo.SUPERUSER_ID, {}))
            locked.set()
            release.wait(60)

    holder = threading.Thread(target=hold)
    holder.start()
    try:
        assert locked.wait(30)
        yield
    finally:
        release.set()
        holder.join()


def committed(odoo_env, position_ids):
    """[(state, e-mails sent about the expiry, reputation of the customer)]."""
    def read(env):
        positions = env["backorder.position"].browse(position_ids)
        return [(position.state,
                 env["mail.mail"].search_count([
                     ("model", "=", "backorder.position"), ("res_id", "=", position.id),
                     ("subject", "ilike", "expired")]),
                 position.partner_id.backorder_reputation)
                for position in positions]
    return odoo_env(read)


def test_five_due_positions_take_three_batches(registry, odoo_env, batch_size_2):
    position_ids, now = five_expired_holds(odoo_env)
    assert expire(registry, now) == 3
    assert committed(odoo_env, position_ids) == [("expired", 1, 80)] * 5
    # Nothing is due any more: a second run does nothing.
    assert expire(registry, now) == 0
    assert committed(odoo_env, position_ids) == [("expired", 1, 80)] * 5


def test_a_failing_batch_leaves_the_finished_ones_done(registry, odoo_env, batch_size_2):
    position_ids, now = five_expired_holds(odoo_env)
    with held_elsewhere(registry, lambda env: env.cr.execute(
            "SELECT id FROM backorder_position WHERE id = %s FOR UPDATE",
            (position_ids[2],))):
        with pytest.raises(OperationalError) as failure:
            expire(registry, now, lock_timeout="2s")
        assert failure.value.pgcode == LOCK_NOT_AVAILABLE
    # The first batch is done and stays done; the second was undone whole.
    assert committed(odoo_env, position_ids) == (
        [("expired", 1, 80)] * 2 + [("assigned", 0, 100)] * 3)
    # The next run does the rest, and nothing twice.
    assert expire(registry, now) == 2
    assert committed(odoo_env, position_ids) == [("expired", 1, 80)] * 5


def stock_behind_the_engine(product_id, qty):
    """Pieces that reach the shop's stock without the engine hearing of it (an
    import, a repair in SQL): what the safety net is there for."""
    def work(env):
        warehouse = env["product.product"]._backorder_warehouse()
        env.cr.execute("""
            INSERT INTO stock_quant (product_id, location_id, company_id, quantity,
                                     reserved_quantity, in_date)
            VALUES (%s, %s, %s, %s, 0, now() AT TIME ZONE 'UTC')
        """, (product_id, warehouse.lot_stock_id.id, warehouse.company_id.id, qty))
    return work


def test_the_safety_net_takes_one_product_at_a_time(registry, odoo_env):
    """Products are assigned and committed one by one: a product whose queue
    another transaction holds stops the run there, and the products before it
    stay assigned."""
    queues = [odoo_env(lambda env: make_queue(env, [1])) for _product in range(2)]
    (first, first_positions), (second, second_positions) = sorted(queues)
    for product_id, _position_ids in queues:
        odoo_env(stock_behind_the_engine(product_id, 1))

    def states(position_ids):
        return odoo_env(lambda env: env["backorder.position"].browse(
            position_ids).mapped("state"))

    with held_elsewhere(registry, lambda env: env["backorder.lock"]._acquire(
            ["product:%d" % second])):
        with pytest.raises(OperationalError) as failure:
            run_cron(registry, "_cron_allocate", lock_timeout="2s")
        assert failure.value.pgcode == LOCK_NOT_AVAILABLE
        assert states(first_positions) == ["assigned"]
        assert states(second_positions) == ["waiting"]
    assert run_cron(registry, "_cron_allocate") >= 2
    assert states(second_positions) == ["assigned"]
