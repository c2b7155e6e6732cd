# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Concurrent stock arrivals never over-assign (SPEC invariants 1 and 2), and
customers queueing at once stay within a product's cap.

Odoo runs each request in a REPEATABLE READ transaction: a transaction sees the
database as it was at its first statement. Two receipts validated at the same
moment each start from a snapshot that lacks the other's pieces and holds.
The second one must fail with a serialization error instead of assigning on a
stale snapshot, and be retried on a fresh one, as Odoo retries requests and cron
jobs (``odoo.service.model.execute_cr``). Overlapping receipts already collide on
quant and position rows; ``product.product._backorder_lock`` also writes a
row of the addon's own lock table at the start of every assignment run, so runs
that would touch disjoint rows collide too, while order lines and stock moves of
the product never wait for it.

These tests commit real data, so they run on the database of the browser tests'
server (``BACKORDER_HTTP_DB``, a copy made by setup/test.sh), never on the
database of pytest-odoo's rolled-back tests. Each test makes its own product.
"""
import threading
import uuid

from psycopg2 import OperationalError

import odoo
from odoo.exceptions import UserError, ValidationError
from odoo.service.model import PG_CONCURRENCY_ERRORS_TO_RETRY

from odoo.addons.backorder_reservation.tests.common import validate_receipt

from _allocation_loader import load_allocation

allocate = load_allocation().allocate
MAX_RETRIES = 5
BARRIER_TIMEOUT = 60


def in_transaction(registry, work, barrier=None):
    """Run ``work(env)`` in its own committed transaction, retried like Odoo
    retries a request on a serialization failure. With ``barrier``, the first
    try takes its snapshot, then waits for the other transaction to take its
    own before doing anything. Returns the number of retries."""
    for attempt in range(MAX_RETRIES):
        try:
            with odoo.api.Environment.manage(), registry.cursor() as cr:
                env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
                cr.execute("SELECT 1")  # the snapshot is taken here
                if barrier is not None and attempt == 0:
                    barrier.wait(BARRIER_TIMEOUT)
                work(env)
            return attempt
        except OperationalError as error:
            if error.pgcode not in PG_CONCURRENCY_ERRORS_TO_RETRY:
                raise
    raise AssertionError("still conflicting after %d tries" % MAX_RETRIES)


def concurrently(registry, *works):
    """Run each work in its own thread and transaction, overlapping; returns
    the retries of each."""
    barrier = threading.Barrier(len(works))
    retries = [None] * len(works)
    errors = []

    def run(index, work):
        try:
            retries[index] = in_transaction(registry, work, barrier)
        except Exception as error:  # reported in the main thread
            barrier.abort()
            errors.append(error)

    threads = [threading.Thread(target=run, args=(index, work))
               for index, work in enumerate(works)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(BARRIER_TIMEOUT * 2)
    if errors:
        raise errors[0]
    return retries


def make_queue(env, needs):
    """A new product and one eligible customer per need, positions in order."""
    tag = uuid.uuid4().hex[:8]
    product = env["product.product"].create({
        "name": "Concurrent part %s" % tag, "type": "product"})
    service = env["product.product"].create({
        "name": "Concurrent service %s" % tag, "type": "service"})
    positions = env["backorder.position"]
    for index, need in enumerate(needs):
        customer = env["res.partner"].create({
            "name": "Concurrent garage %s-%d" % (tag, index), "is_company": True})
        order = env["sale.order"].create({
            "partner_id": customer.id,
            "order_line": [(0, 0, {"product_id": service.id, "product_uom_qty": 1,
                                   "name": service.name, "price_unit": 1.0})],
        })
        order.action_confirm()
        positions |= positions.create({
            "partner_id": customer.id, "product_id": product.id, "product_qty": need})
    return product.id, positions.ids


def receive(product_id, qty):
    def work(env):
        validate_receipt(env, env["product.product"].browse(product_id), qty)
    return work


def state_of(registry, product_id, position_ids):
    """(on hand, [(requested, assigned, bought, state)]) as committed."""
    result = {}

    def read(env):
        product = env["product.product"].browse(product_id)
        result["on_hand"] = product.with_context(
            warehouse=product._backorder_warehouse().id).qty_available
        result["positions"] = [
            (p.product_qty, p.qty_assigned, p.qty_done, p.state)
            for p in env["backorder.position"].browse(position_ids)]
    in_transaction(registry, read)
    return result["on_hand"], result["positions"]


def assert_invariants(on_hand, positions):
    held = sum(assigned for _requested, assigned, _done, state in positions
               if state in ("waiting", "assigned"))
    assert held <= on_hand, "held %s > on hand %s" % (held, on_hand)
    for requested, assigned, done, _state in positions:
        assert assigned + done <= requested


def test_two_receipts_at_once_assign_like_two_in_a_row(registry):
    needs = [5, 3, 4, 2]
    created = {}
    in_transaction(registry, lambda env: created.update(
        zip(("product", "positions"), make_queue(env, needs))))

    retries = concurrently(registry, receive(created["product"], 5),
                           receive(created["product"], 5))

    on_hand, positions = state_of(registry, created["product"], created["positions"])
    assert on_hand == 10
    assert_invariants(on_hand, positions)
    first = allocate(needs, 5)
    second = allocate([need - qty for need, qty in zip(needs, first)], 5)
    assert [assigned for _r, assigned, _d, _s in positions] == [
        a + b for a, b in zip(first, second)]
    # The runs really overlapped: one of them had to start again.
    assert sorted(retries)[-1] >= 1


def test_cancel_and_receipt_at_once_never_over_assign(registry):
    needs = [3, 3, 3]
    created = {}
    in_transaction(registry, lambda env: created.update(
        zip(("product", "positions"), make_queue(env, needs))))
    in_transaction(registry, receive(created["product"], 4))
    _on_hand, before = state_of(registry, created["product"], created["positions"])
    assert [assigned for _r, assigned, _d, _s in before] == allocate(needs, 4)

    def cancel_first(env):
        env["backorder.position"].browse(created["positions"][0]).action_cancel()

    concurrently(registry, cancel_first, receive(created["product"], 2))

    on_hand, positions = state_of(registry, created["product"], created["positions"])
    assert on_hand == 6
    assert_invariants(on_hand, positions)
    assert positions[0][3] == "cancelled"
    # Everything on hand went to the two positions left: 3 each.
    assert [assigned for _r, assigned, _d, _s in positions] == [0, 3, 3]


def test_two_customers_queueing_at_once_keep_within_the_cap(registry):
    created = {}

    def make_capped_product(env):
        tag = uuid.uuid4().hex[:8]
        created["product"] = env["product.product"].create({
            "name": "Capped part %s" % tag, "type": "product", "backorder_cap": 3}).id
        created["customers"] = [env["res.partner"].create({
            "name": "Capped garage %s-%d" % (tag, index), "is_company": True}).id
            for index in range(2)]
    in_transaction(registry, make_capped_product)
    refused = []

    def queue_two(customer_id):
        def work(env):
            try:
                with env.cr.savepoint():
                    env["backorder.position"].create({
                        "partner_id": customer_id, "product_id": created["product"],
                        "product_qty": 2})
            except ValidationError:
                refused.append(customer_id)
        return work

    concurrently(registry, *[queue_two(customer) for customer in created["customers"]])

    queued = {}
    in_transaction(registry, lambda env: queued.update(
        (position.partner_id.id, position.product_qty)
        for position in env["backorder.position"].search(
            [("product_id", "=", created["product"])])))
    assert len(refused) == 1
    assert sum(queued.values()) == 2 and refused[0] not in queued


def test_one_customer_queueing_twice_at_once_raises_one_position(registry):
    # Two basket requests of the same customer (two tabs, a double click).
    created = {}

    def make_part_and_customer(env):
        tag = uuid.uuid4().hex[:8]
        created["product"] = env["product.product"].create({
            "name": "Double-click part %s" % tag, "type": "product"}).id
        created["customer"] = env["res.partner"].create({
            "name": "Double-click garage %s" % tag, "is_company": True}).id
    in_transaction(registry, make_part_and_customer)

    def queue_one(env):
        env["backorder.position"]._queue_for(
            env["res.partner"].browse(created["customer"]),
            env["product.product"].browse(created["product"]), 1)

    concurrently(registry, queue_one, queue_one)

    requested = []
    in_transaction(registry, lambda env: requested.extend(env["backorder.position"].search(
        [("product_id", "=", created["product"])]).mapped("product_qty")))
    assert requested == [2]


def test_plus_one_twice_at_once_moves_one_held_piece(registry):
    created = {}

    def make_held_piece_and_cart(env):
        product_id, [position_id] = make_queue(env, [1])
        validate_receipt(env, env["product.product"].browse(product_id), 1)
        position = env["backorder.position"].browse(position_id)
        assert position.qty_assigned == 1
        created["position"] = position_id
        created["cart"] = env["sale.order"].create({
            "partner_id": position.partner_id.id,
            "pricelist_id": env.ref("product.list0").id}).id
    in_transaction(registry, make_held_piece_and_cart)
    refused = []

    def plus_one(env):
        try:
            with env.cr.savepoint():
                env["backorder.position"].browse(created["position"]).action_move_one_to_cart(
                    env["sale.order"].browse(created["cart"]))
        except UserError:
            refused.append(True)

    concurrently(registry, plus_one, plus_one)

    in_cart = []
    in_transaction(registry, lambda env: in_cart.extend(
        env["sale.order"].browse(created["cart"]).order_line.mapped("product_uom_qty")))
    assert sum(in_cart) == 1 and len(refused) == 1


def test_orders_and_moves_of_a_product_do_not_wait_for_its_assignment_run(registry):
    created = {}

    def make_held_stock(env):
        created["product"], created["positions"] = make_queue(env, [2])
        validate_receipt(env, env["product.product"].browse(created["product"]), 5)
        created["buyer"] = env["res.partner"].create({
            "name": "Walk-in buyer %s" % uuid.uuid4().hex[:8], "is_company": True}).id
    in_transaction(registry, make_held_stock)
    run_open, order_done = threading.Event(), threading.Event()

    def assignment_run(env):
        env["product.product"].browse(created["product"]).backorder_allocate()
        run_open.set()
        # The run keeps its locks until the order below is through.
        assert order_done.wait(BARRIER_TIMEOUT)

    def order_of_three(env):
        assert run_open.wait(BARRIER_TIMEOUT)
        # Waiting on the run would block until it ends: fail fast instead.
        env.cr.execute("SET LOCAL lock_timeout = '5s'")
        product = env["product.product"].browse(created["product"])
        order = env["sale.order"].create({
            "partner_id": created["buyer"],
            "order_line": [(0, 0, {"product_id": product.id, "product_uom_qty": 3,
                                   "name": product.name, "price_unit": 1.0})],
        })
        order.action_confirm()
        created["reserved"] = order.picking_ids.mapped("move_lines.reserved_availability")
        order_done.set()

    run = threading.Thread(target=lambda: created.update(
        run_retries=in_transaction(registry, assignment_run)))
    run.start()
    created["order_retries"] = in_transaction(registry, order_of_three)
    run.join(BARRIER_TIMEOUT * 2)
    assert created["order_retries"] == 0 and created["run_retries"] == 0
    assert created["reserved"] == [3.0]  # 5 on hand, 2 held
    on_hand, positions = state_of(registry, created["product"], created["positions"])
    assert_invariants(on_hand, positions)
