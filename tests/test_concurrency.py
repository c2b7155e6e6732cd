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
that would touch disjoint rows collide too, while order lines and reservations
of the product never wait for it.

A transaction that writes both positions and quants takes that lock first, so
that none holds a position while it waits for a quant another one holds, or
the reverse: conflicts end in a retry, never in a deadlock.

These tests commit real data, so they run on the database of the browser tests'
server (``BACKORDER_HTTP_DB``, a copy made by setup/test.sh), never on the
database of pytest-odoo's rolled-back tests. Each test makes its own product.
"""
import threading
import time
import uuid

import pytest
from psycopg2 import OperationalError
from psycopg2.errorcodes import DEADLOCK_DETECTED

import odoo
from odoo.exceptions import UserError, ValidationError
from odoo.service.model import PG_CONCURRENCY_ERRORS_TO_RETRY

from odoo.addons.backorder_reservation.tests.common import count_inventory, validate_receipt

from _allocation_loader import load_allocation

allocate = load_allocation().allocate
MAX_RETRIES = 5
BARRIER_TIMEOUT = 60


def in_transaction(registry, work, barrier=None, conflicts=None):
    """Run ``work(env)`` in its own committed transaction, retried like Odoo
    retries a request on a serialization failure or a deadlock. With
    ``barrier``, the first try takes its snapshot, then waits for the other
    transaction to take its own before doing anything. Each conflict's
    PostgreSQL error code goes into the list ``conflicts``. Returns the number
    of retries."""
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
            if conflicts is not None:
                conflicts.append(error.pgcode)
    raise AssertionError("still conflicting after %d tries" % MAX_RETRIES)


def concurrently(registry, *works):
    """Run each work in its own thread and transaction, overlapping; returns
    the retries of each."""
    barrier = threading.Barrier(len(works))
    retries = [None] * len(works)

    def run(index, work):
        try:
            retries[index] = in_transaction(registry, work, barrier)
        except Exception:
            barrier.abort()  # the others stop waiting for this one
            raise

    join_all([in_thread(lambda index=index, work=work: run(index, work))
              for index, work in enumerate(works)])
    return retries


def in_thread(run):
    """Start ``run()`` in a thread; returns a function that joins it and
    returns what ``run`` raised, if anything."""
    errors = []

    def target():
        try:
            run()
        except Exception as error:  # reported in the main thread
            errors.append(error)
    thread = threading.Thread(target=target)
    thread.start()

    def join():
        thread.join(BARRIER_TIMEOUT * 2)
        return errors[0] if errors else None
    return join


def join_all(joins):
    """Join the threads of :func:`in_thread`, all of them, then raise the
    first error one of them raised."""
    errors = [error for error in [join() for join in joins] if error]
    if errors:
        raise errors[0]


def wait_until_waiting_for_a_lock(registry, started):
    """Wait until the first try of a transaction (``started``: an event set
    with the PostgreSQL backend's pid in ``started.pid``) waits for a lock
    another transaction holds."""
    assert started.wait(BARRIER_TIMEOUT)
    deadline = time.time() + BARRIER_TIMEOUT
    while time.time() < deadline:
        # A new transaction each time: one sees the activity as it was at its start.
        with registry.cursor() as cr:
            cr.execute("SELECT wait_event_type FROM pg_stat_activity WHERE pid = %s",
                       (started.pid,))
            if cr.fetchone() == ("Lock",):
                return
        time.sleep(0.05)
    raise AssertionError("transaction %s never waited for a lock" % started.pid)


def started_at_first_try(started, work):
    """``work``, telling ``started`` (see :func:`wait_until_waiting_for_a_lock`)
    when its first try starts."""
    def run(env):
        if not started.is_set():
            env.cr.execute("SELECT pg_backend_pid()")
            [started.pid] = env.cr.fetchone()
            started.set()
        work(env)
    return run


def make_queue(env, needs, before_queue=None):
    """A new product and one eligible customer per need, positions in order;
    ``before_queue(env, product)`` runs before they queue."""
    tag = uuid.uuid4().hex[:8]
    product = env["product.product"].create({
        "name": "Concurrent part %s" % tag, "type": "product"})
    service = env["product.product"].create({
        "name": "Concurrent service %s" % tag, "type": "service"})
    if before_queue:
        before_queue(env, product)
    positions = env["backorder.position"]
    for index, need in enumerate(needs):
        customer = env["res.partner"].create({
            "name": "Concurrent garage %s-%d" % (tag, index), "is_company": True})
        confirmed_order(env, customer.id, service, 1)
        positions |= positions.create({
            "partner_id": customer.id, "product_id": product.id, "product_qty": need})
    return product.id, positions.ids


def confirmed_order(env, partner_id, product, qty):
    return confirmed_order_of(env, partner_id, [(product, qty)])


def confirmed_order_of(env, partner_id, lines):
    """The customer's confirmed order of ``lines`` ([(product, qty)]), in that order."""
    order = env["sale.order"].create({
        "partner_id": partner_id,
        "order_line": [(0, 0, {"product_id": product.id, "product_uom_qty": qty,
                               "name": product.name, "price_unit": 1.0})
                       for product, qty in lines],
    })
    order.action_confirm()
    return order


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
        order = confirmed_order(
            env, created["buyer"], env["product.product"].browse(created["product"]), 3)
        created["reserved"] = order.picking_ids.mapped("move_lines.reserved_availability")
        order_done.set()

    join_run = in_thread(lambda: created.update(
        run_retries=in_transaction(registry, assignment_run)))
    created["order_retries"] = in_transaction(registry, order_of_three)
    join_all([join_run])
    assert created["order_retries"] == 0 and created["run_retries"] == 0
    assert created["reserved"] == [3.0]  # 5 on hand, 2 held
    on_hand, positions = state_of(registry, created["product"], created["positions"])
    assert_invariants(on_hand, positions)


def walk_in_order(env, product):
    """One piece on hand, reserved by a walk-in buyer's order."""
    validate_receipt(env, product, 1)
    buyer = env["res.partner"].create({
        "name": "Walk-in buyer %s" % uuid.uuid4().hex[:8], "is_company": True})
    assert confirmed_order(env, buyer.id, product, 1).picking_ids.mapped(
        "move_lines.reserved_availability") == [1.0]


def lose_all_but_one(env, product, _position):
    count_inventory(env, product, 1)


def receive_one(env, product, _position):
    validate_receipt(env, product, 1)


def cancel_walk_in_order(env, product, _position):
    env["sale.order"].search([("order_line.product_id", "=", product.id),
                              ("partner_id.name", "=like", "Walk-in buyer %")]).action_cancel()


def cancel_position(_env, _product, position):
    position.action_cancel()


def buy_two(env, product, position):
    confirmed_order(env, position.partner_id.id, product, 2)


@pytest.mark.parametrize("need, before_queue, received, stock_change, position_after", [
    # 3 on hand, 2 held: the count takes one of them back.
    (2, None, 3, lose_all_but_one, (2, 0, 2, "done")),
    # 3 on hand, all held: the receipt assigns one more piece.
    (4, None, 3, receive_one, (4, 2, 2, "assigned")),
    # 3 on hand, 2 held, 1 reserved: the cancelled order gives it to the queue.
    (4, walk_in_order, 2, cancel_walk_in_order, (4, 1, 2, "assigned")),
], ids=["loss", "receipt", "cancelled order"])
def test_stock_changing_while_an_order_buys_held_pieces_does_not_deadlock(
        registry, need, before_queue, received, stock_change, position_after):
    # Stock entering or leaving writes the quants, then the holds it feeds or
    # takes back (positions); an order buying held pieces writes its
    # customer's position, then reserves the stock of its delivery. Both wait
    # for an assignment run of the part in progress: when it ends, neither may
    # hold what the other needs next.
    conflicts, created = in_turn_after_an_assignment_run(
        registry, [need], before_queue, received, [stock_change, buy_two])
    assert DEADLOCK_DETECTED not in conflicts
    on_hand, positions = state_of(registry, created["product"], created["positions"])
    assert_invariants(on_hand, positions)
    # Whichever went first, the same end.
    assert positions == [position_after]


def test_a_customer_cancelling_a_position_while_buying_from_it_does_not_deadlock(registry):
    # The order buys 2 of the 3 pieces held for the customer, who cancels the
    # position at the same moment; a piece goes to the next customer. The
    # cancellation must not write the position before it has the lock: when
    # the order got the lock first, each would wait for the other. Which one
    # gets it when the run ends is up to PostgreSQL: five rounds.
    for _round in range(5):
        conflicts, created = in_turn_after_an_assignment_run(
            registry, [4, 1], None, 3, [buy_two, cancel_position])
        assert DEADLOCK_DETECTED not in conflicts
        on_hand, positions = state_of(registry, created["product"], created["positions"])
        assert_invariants(on_hand, positions)
        # Either the order bought 2 held pieces before the position closed, or
        # it bought 2 free ones after.
        assert positions[0] in [(4, 0, 2, "cancelled"), (4, 0, 0, "cancelled")]
        assert positions[1] == (1, 1, 0, "assigned")


def walk_in_order_of_a_spare_and_the_part(env, product):
    """A walk-in buyer's order of one piece of a spare part (2 on hand), then
    one of ``product`` (1 on hand), both reserved; its moves come in that
    order."""
    spare = env["product.product"].create({
        "name": "Concurrent spare %s" % uuid.uuid4().hex[:8], "type": "product"})
    validate_receipt(env, spare, 2)
    validate_receipt(env, product, 1)
    buyer = env["res.partner"].create({
        "name": "Walk-in buyer %s" % uuid.uuid4().hex[:8], "is_company": True})
    order = confirmed_order_of(env, buyer.id, [(spare, 1), (product, 1)])
    assert order.picking_ids.mapped("move_lines.reserved_availability") == [1.0, 1.0]


def buy_two_and_a_spare(env, product, position):
    """The customer of ``position`` buys 2 of ``product`` and the spare part of
    the walk-in order, one piece."""
    spare = env["sale.order.line"].search([
        ("order_id.partner_id.name", "=like", "Walk-in buyer %"),
        ("product_id.name", "=like", "Concurrent spare %")], order="id desc", limit=1)
    confirmed_order_of(env, position.partner_id.id, [(product, 2), (spare.product_id, 1)])


def test_an_order_of_two_parts_cancelled_while_one_is_bought_does_not_deadlock(registry):
    # Odoo cancels an order's moves one at a time: the spare part's
    # reservation is undone (its quant written) before the next move asks for
    # the queued part's lock. The order buying held pieces of that part holds
    # its lock, then reserves the spare: each would wait for the other.
    for _round in range(3):
        conflicts, created = in_turn_after_an_assignment_run(
            registry, [2], walk_in_order_of_a_spare_and_the_part, 2,
            [buy_two_and_a_spare, cancel_walk_in_order])
        assert DEADLOCK_DETECTED not in conflicts
        on_hand, positions = state_of(registry, created["product"], created["positions"])
        assert_invariants(on_hand, positions)
        assert positions == [(2, 0, 2, "done")]


def cap_at_ten(_env, product):
    product.backorder_cap = 10


def raise_to_five(_env, _product, position):
    position.write({"product_qty": 5})


def test_staff_raising_a_capped_position_while_stock_arrives_does_not_deadlock(registry):
    # A raised position of a capped part counts against the cap under the
    # part's lock; the receipt assigns under that lock too, and gives the
    # position a piece. The raise must not write the position before it has
    # the lock: when the receipt got it first, each would wait for the other.
    # Which one gets it when the run ends is up to PostgreSQL: five rounds.
    for _round in range(5):
        conflicts, created = in_turn_after_an_assignment_run(
            registry, [4], cap_at_ten, 3, [receive_one, raise_to_five])
        assert DEADLOCK_DETECTED not in conflicts
        on_hand, positions = state_of(registry, created["product"], created["positions"])
        assert on_hand == 4
        assert_invariants(on_hand, positions)
        # The receipt assigned its piece whichever went first.
        assert positions == [(5, 4, 0, "assigned")]


def in_turn_after_an_assignment_run(registry, needs, before_queue, received, works):
    """A queue of ``needs`` of a new part (after ``before_queue``, see
    :func:`make_queue`) given the ``received`` pieces. While an assignment run
    of the part holds its lock, each of ``works`` (``work(env, product, first
    position)``) starts in a transaction of its own, in turn, once the one
    before waits for a lock; then the run ends without a change. Returns (the
    conflicts of the works, as :func:`in_transaction`, the ids created)."""
    created = {}

    def make_hold(env):
        created["product"], created["positions"] = make_queue(env, needs, before_queue)
        validate_receipt(env, env["product.product"].browse(created["product"]), received)
        positions = env["backorder.position"].browse(created["positions"])
        assert positions.mapped("qty_assigned") == allocate(needs, received)
    in_transaction(registry, make_hold)

    def on_the_part(work):
        return lambda env: work(env, env["product.product"].browse(created["product"]),
                                env["backorder.position"].browse(created["positions"][0]))

    run_open, run_over = threading.Event(), threading.Event()

    def assignment_run():
        with odoo.api.Environment.manage(), registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            env["product.product"].browse(created["product"])._backorder_lock()
            run_open.set()
            run_over.wait(BARRIER_TIMEOUT)
            cr.rollback()  # it found nothing to assign

    conflicts = []
    joins = [in_thread(assignment_run)]
    assert run_open.wait(BARRIER_TIMEOUT)
    for work in works:
        started = threading.Event()
        joins.append(in_thread(lambda started=started, work=work: in_transaction(
            registry, started_at_first_try(started, on_the_part(work)),
            conflicts=conflicts)))
        wait_until_waiting_for_a_lock(registry, started)
    run_over.set()
    join_all(joins)
    return conflicts, created
