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
    stock on hand, and held plus reserved for moves too; per position, pieces
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


def broken_history(env, product_ids, last_states, since_message_id):
    """Position states of these products that changed since ``last_states``
    ({position id: state}, as read before) without being logged: each change
    needs a chatter message newer than ``since_message_id``, and an end one
    that names the end (SPEC invariant 4); closed positions stay as they
    ended, and none disappears. Returns (broken, the states now)."""
    positions = env["backorder.position"].search([("product_id", "in", list(product_ids))])
    states = {position.id: position.state for position in positions}
    broken = []
    for position_id, state in sorted(last_states.items()):
        if position_id not in states:
            broken.append(("position %d" % position_id, "disappeared (was %s)" % state))
        elif state in CLOSED_STATES and states[position_id] != state:
            broken.append(("position %d" % position_id, "reopened: %s after %s" % (
                states[position_id], state)))
    changed = positions.filtered(lambda p: last_states.get(p.id) != p.state)
    if not changed:
        return broken, states
    bodies = defaultdict(list)
    for message in env["mail.message"].search_read([
            ("model", "=", positions._name), ("res_id", "in", changed.ids),
            ("id", ">", since_message_id)], ["res_id", "body"]):
        bodies[message["res_id"]].append((message["body"] or "").lower())
    for position in changed:
        was = last_states.get(position.id, "new")
        if not bodies[position.id]:
            broken.append((position.name, "%s -> %s without a chatter message" % (
                was, position.state)))
        elif position.state in CLOSED_STATES and not any(
                position.state in body for body in bodies[position.id]):
            broken.append((position.name, "%s -> %s without a message naming the end" % (
                was, position.state)))
    return broken, states


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
