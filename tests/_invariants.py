# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""SPEC's invariants read from committed data, for the runs that commit real
operations and then look: the mixed load benchmark and the soak. Each function
returns what is broken, [(what it is about, what broke)], so that a run reports
all of it instead of stopping at the first."""
from collections import Counter, defaultdict

from odoo.addons.backorder_reservation.lifecycle import CLOSED_STATES, OPEN_STATES


def broken_invariants(env, product_ids):
    """The stock and pieces of these products and their positions (SPEC
    invariants 1, 2 and 4, and the states): per product, held pieces within
    stock on hand, and held plus reserved for moves too, and what open
    positions still ask for within the product's cap; per position, pieces
    within the request, the need they leave, the state they call for; one open
    position per customer, product and company."""
    broken = []
    Position = env["backorder.position"]
    for product in env["product.product"].browse(product_ids):
        on_hand, reserved = stock_on_hand(product)
        positions = Position.search([("product_id", "=", product.id)])
        held = sum(positions.filtered(lambda p: p.state in OPEN_STATES).mapped("qty_assigned"))
        if held > on_hand:
            broken.append((product.name, "held %s > on hand %s" % (held, on_hand)))
        if held + reserved > on_hand:
            broken.append((product.name, "held %s + reserved %s > on hand %s" % (
                held, reserved, on_hand)))
        for position in positions:
            broken.extend((position.name, what) for what in _broken_position(position))
        queued = sum(position.product_qty - position.qty_done
                     for position in positions if position.state in OPEN_STATES)
        if product.backorder_cap and queued > product.backorder_cap:
            broken.append((product.name, "%d pieces on backorder, over the cap of %d" % (
                queued, product.backorder_cap)))
        open_per_customer = Counter(
            (position.partner_id.id, position.company_id.id)
            for position in positions if position.state in OPEN_STATES)
        broken.extend(
            (product.name, "%d open positions of customer %d in company %d" % (
                count, customer_id, company_id))
            for (customer_id, company_id), count in sorted(open_per_customer.items())
            if count > 1)
    return broken


def stock_on_hand(product):
    """(pieces on hand, those of them reserved for moves) of ``product`` in the
    stock of the shop's warehouse, whose stock backorder positions are served
    from."""
    stock = product._backorder_warehouse().lot_stock_id
    quants = product.env["stock.quant"].sudo().search([
        ("product_id", "=", product.id), ("location_id", "child_of", stock.id)])
    return sum(quants.mapped("quantity")), sum(quants.mapped("reserved_quantity"))


def _broken_position(position):
    """What is wrong with one position's pieces and state."""
    requested, assigned, done = position.product_qty, position.qty_assigned, position.qty_done
    state = position.state
    if assigned + done > requested:
        yield "more than requested: %d held + %d bought > %d" % (assigned, done, requested)
    if position.qty_need != requested - assigned - done:
        yield "need %d, but %d requested - %d held - %d bought" % (
            position.qty_need, requested, assigned, done)
    if state in CLOSED_STATES and assigned:
        yield "%s but holding %d" % (state, assigned)
    if state == "waiting" and assigned:
        yield "waiting but holding %d" % assigned
    if state == "assigned" and not assigned:
        yield "assigned but holding nothing"
    if state == "assigned" and not position.date_expiry:
        yield "assigned without a deadline"
    if state == "done" and done != requested:
        yield "done with %d of %d bought" % (done, requested)
    if state in OPEN_STATES and done == requested:
        yield "%s with everything bought" % state


def broken_history(env, product_ids, last_seen, since_message_id):
    """What changed wrongly in the positions of these products since
    ``last_seen`` ({position id: (state, deadline)}, as read before): a state
    change needs a chatter message newer than ``since_message_id``, an end one
    that names the end (SPEC invariant 4); closed positions stay as they ended
    and none disappears; a hold's deadline is never brought forward (SPEC 3).
    Returns (broken, what is seen now)."""
    positions = env["backorder.position"].search([("product_id", "in", list(product_ids))])
    seen = {position.id: (position.state, position.date_expiry) for position in positions}
    broken = []
    for position_id, (state, deadline) in sorted(last_seen.items()):
        about = "position %d" % position_id
        if position_id not in seen:
            broken.append((about, "disappeared (was %s)" % state))
            continue
        state_now, deadline_now = seen[position_id]
        if state in CLOSED_STATES and state_now != state:
            broken.append((about, "reopened: %s after %s" % (state_now, state)))
        if state == state_now == "assigned" and deadline and deadline_now \
                and deadline_now < deadline:
            broken.append((about, "hold shortened from %s to %s" % (deadline, deadline_now)))
    changed = positions.filtered(
        lambda p: last_seen.get(p.id, (None, None))[0] != p.state)
    if not changed:
        return broken, seen
    bodies = defaultdict(list)
    for message in env["mail.message"].search_read([
            ("model", "=", positions._name), ("res_id", "in", changed.ids),
            ("id", ">", since_message_id)], ["res_id", "body"]):
        bodies[message["res_id"]].append((message["body"] or "").lower())
    for position in changed:
        was = last_seen.get(position.id, ("new", None))[0]
        if not bodies[position.id]:
            broken.append((position.name, "%s -> %s without a chatter message" % (
                was, position.state)))
        elif position.state in CLOSED_STATES and not any(
                position.state in body for body in bodies[position.id]):
            broken.append((position.name, "%s -> %s without a message naming the end" % (
                was, position.state)))
    return broken, seen


def broken_assignment_run(env, product_ids, now):
    """Free stock of these products left idle by an assignment run at ``now``
    while eligible positions still need pieces (SPEC 2: the rule gives until
    nothing is left or nobody eligible needs more). Only true right after a
    run over the products."""
    products = env["product.product"].browse(product_ids)
    positions = env["backorder.position"].search(
        env["backorder.position"]._open_domain(products, products._backorder_company()))
    eligible = positions._eligible_customers(now)
    free = products._backorder_free_qty(now)
    needing = Counter(
        position.product_id.id for position in positions
        if position.qty_need > 0
        and (position.partner_id.id, position.company_id.id) in eligible)
    return [(product.name, "%d free after an assignment run while %d eligible position(s) "
             "need pieces" % (free[product.id], needing[product.id]))
            for product in products if free[product.id] > 0 and needing[product.id]]


def broken_visibility(env, user_ids):
    """Positions a customer's user can read that are not their customer's
    (SPEC invariant 5)."""
    broken = []
    for user in env["res.users"].browse(user_ids):
        customer = user.partner_id.commercial_partner_id
        seen = env["backorder.position"].sudo(user).search([])
        broken.extend((position.name, "readable by %s, a user of another customer"
                       % user.login)
                      for position in seen.sudo() if position.partner_id != customer)
    return broken
