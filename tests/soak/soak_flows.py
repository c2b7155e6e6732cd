# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A soak: random mixes of the shop's and the staff's flows, each in a
committed transaction of its own, with SPEC's invariants checked after every
step (issue 11).

Usage, from the repository root (sets up the test database like the tests)::

    setup/test.sh tests/soak/soak_flows.py -s
    SOAK_STEPS=5000 SOAK_SEED=42 setup/test.sh tests/soak/soak_flows.py -s

``SOAK_STEPS`` (default 1000) is the number of steps; ``SOAK_SEED`` (default: a
new one, printed at the start) replays a run. Like the benchmarks, the file is
not named test_*.py, so the default run does not collect it;
``tests/test_soak_short.py`` runs a short soak there.

A handful of parts (one capped, one whose shop page shows the forecast) and
eight customers: five regulars, who confirmed an order at the start and buy
a workshop service now and then (eligible), three occasional ones (notify-only
until they buy something); one of the eight is a contact of a company. Each
step picks a flow of ``MIX`` with a seeded ``random.Random``: the basket, a
staff quotation's "back-order the short part", staff positions, receipts,
inventory losses, "+1" and checkout, orders bought outside a hold, orders
awaiting a wire transfer and its arrival, cancellations, deliveries, the
scheduled actions and the public assignment run, as the user who does it
(portal customer, salesperson, stock user or manager, the crons' superuser).
Refusals (UserError, ValidationError: cap reached, nothing to backorder, one
open position, nothing held to move) are answers and are counted; any other
exception fails the soak at once. After each step, the invariants of
``_invariants.py``: held pieces within stock on hand (also with what moves
reserved), open backorder pieces within a product's cap, pieces within the
request, need = requested - held - bought, states that match the pieces, one
open position per customer, product and company, every state change logged
(an end by a note naming it), closed positions staying closed, holds never
brought forward, customers reading their own positions only; and after an
assignment run (a receipt, the safety net, "Re-run Assignment"), no free
stock left while eligible positions need pieces.

The clock is simulated: it starts at the real clock and moves on by minutes
to days between steps, and the scheduled actions and assignment runs are
given it (``now=``). Odoo stamps two things of its own with the real clock,
which nobody can pass in: an order's confirmation date (eligibility) and a
payment transaction's creation (the payment wait); the soak dates them at its
clock. What the addon reads the real clock for itself stays so (the holds
given when a receipt arrives, a position is cancelled or an order gives its
pieces back): with the simulated clock ahead, such holds run out at the next
expiry run. Customers lose reputation fast that way, so staff now and then
give a customer below the threshold their points back (``forgive``).

It commits, so it runs on the database of the browser tests' server
(``BACKORDER_HTTP_DB``, a copy made by setup/test.sh). The scheduled actions
see every position of that database; the invariants are checked on the
soak's own parts.
"""
import collections
import os
import random
import re
import time
import uuid
from datetime import datetime, timedelta

from odoo import fields
from odoo.exceptions import UserError, ValidationError

from odoo.addons.backorder_reservation.models.backorder_position import AWAITING_PAYMENT
from odoo.addons.backorder_reservation.tests.common import (
    check_out_by_transfer, count_inventory, validate_receipt)

from _invariants import (
    broken_assignment_run, broken_history, broken_invariants, broken_visibility,
    stock_on_hand)

STEPS = int(os.environ.get("SOAK_STEPS", 1000))
# (name, initial stock, product values): a plain part, a capped one, one whose
# shop page shows the forecast (website_sale_stock's "always", whose cap the
# addon lifts), and one that starts empty.
PARTS = (
    ("Soak brake pad", 3, {}),
    ("Soak capped filter", 2, {"backorder_cap": 8}),
    ("Soak shown-stock disc", 4, {"inventory_availability": "always"}),
    ("Soak rare gasket", 0, {}),
)
CUSTOMERS = 8
REGULARS = 5  # customers 0-4 bought before the start and buy services now and then
CONTACT_OF_A_COMPANY = 3  # this customer's user is a contact of a company
# Flows and their weights, out of 100.
MIX = (
    ("basket", 12), ("quotation_backorder", 6), ("staff_position", 3),
    ("receipt", 10), ("stock_loss", 4), ("plus_one", 10), ("confirm_quotation", 4),
    ("purchase_outside_hold", 5), ("cancel_order", 3), ("cancel_position", 3),
    ("deliver", 8), ("checkout", 4), ("payment_arrives", 3),
    ("cron_expire_holds", 5), ("cron_notify_only", 4), ("cron_allocate", 3),
    ("cron_assignment_notices", 2), ("allocate", 2), ("service_order", 5),
    ("forgive", 2), ("warehouse_steps", 2),
)
# The warehouse's delivery settings the soak switches between (issue 11, item 1).
DELIVERY_STEPS = ("ship_only", "pick_ship", "pick_pack_ship")
# Marks of the soak's own orders, for the flows to find them again.
CART_REF = "Soak web cart"
QUOTATION_REF = "Soak staff quotation"

Customer = collections.namedtuple("Customer", "user_id partner_id commercial_id regular")


class SoakFailure(AssertionError):
    pass


class Soak(object):
    """The shop's parts, customers and staff; the flows they play, the
    simulated clock, and what the steps met."""

    def __init__(self, odoo_env, seed):
        self.odoo_env = odoo_env
        self.seed = seed
        self.rng = random.Random(seed)
        self.now = datetime.utcnow().replace(microsecond=0)
        self.started_at = self.now
        self.names = [name for name, weight in MIX for _ in range(weight)]
        self.counts = collections.Counter()  # (flow, kind)
        self.answers = collections.Counter()  # (flow, kind, detail)
        self.breaks = []  # (step, flow, what it is about, what broke)
        self.open_breaks = set()
        self.last_seen = {}
        # ([product id], now) of the assignment run the step's flow made, to
        # check that it left no free stock idle; None: the real clock's.
        self.assignment_run = None
        self.since_message_id = 0
        self.tag = uuid.uuid4().hex[:6]
        odoo_env(self._set_up)
        odoo_env(self._check)  # the starting point of the history

    # ------------------------------------------------------------ set-up
    def _set_up(self, env):
        ref = env.ref
        self.website_id = ref("website.default_website").id
        self.pricelist_id = ref("product.list0").id
        self.threshold = env["backorder.position"]._backorder_settings().reputation_threshold
        self.reputation_start = env["backorder.position"]._backorder_settings().reputation_start
        self.staff = {role: self._user(env, "soak-%s" % role, [
            ref("base.group_user").id] + [ref(group).id for group in groups]).id
            for role, groups in (
                ("sales", ["sales_team.group_sale_salesman_all_leads"]),
                ("stock", ["stock.group_stock_user"]),
                ("stock-manager", ["stock.group_stock_manager"]))}
        self.service_id = env["product.product"].create({
            "name": "Soak workshop hour %s" % self.tag, "type": "service",
            "list_price": 10.0}).id
        self.product_ids = []
        for name, stock, values in PARTS:
            product = env["product.product"].create(dict(
                values, name="%s %s" % (name, self.tag), type="product", sale_ok=True,
                list_price=5.0))
            if stock:
                validate_receipt(env, product, stock)
            self.product_ids.append(product.id)
        self.customers = []
        company = env["res.partner"].create({
            "name": "Soak Workshop Ltd %s" % self.tag, "is_company": True,
            "email": "workshop-%s@example.com" % self.tag})
        for index in range(CUSTOMERS):
            values = {}
            if index == CONTACT_OF_A_COMPANY:
                values["partner_id"] = env["res.partner"].create({
                    "name": "Soak buyer %s" % self.tag, "parent_id": company.id,
                    "email": "buyer-%s@example.com" % self.tag}).id
            user = self._user(env, "soak-garage-%d" % index,
                              [ref("base.group_portal").id], **values)
            customer = Customer(user.id, user.partner_id.id,
                                user.partner_id.commercial_partner_id.id, index < REGULARS)
            if customer.regular:
                self._service_order(env, customer)
            self.customers.append(customer)

    def _user(self, env, login, group_ids, **values):
        login = "%s-%s" % (login, self.tag)
        values.setdefault("name", login)
        return env["res.users"].with_context(no_reset_password=True).create(dict(
            values, login=login, password=login, email="%s@example.com" % login,
            groups_id=[(6, 0, group_ids)]))

    # ------------------------------------------------------------ helpers
    def _as(self, env, role):
        return env(user=self.staff[role])

    def _customer(self):
        return self.rng.choice(self.customers)

    def _part(self, env):
        return env["product.product"].browse(self.rng.choice(self.product_ids))

    def _pick(self, records):
        """One of ``records`` (in id order), or None."""
        return self.rng.choice(records.sorted("id")) if records else None

    def _orders(self, env, states, ref=None):
        """The soak customers' orders in ``states``, with lines; only those
        marked ``ref`` (carts, staff quotations) when given."""
        domain = [("partner_id", "child_of", [c.commercial_id for c in self.customers]),
                  ("state", "in", states), ("order_line", "!=", False)]
        if ref:
            domain.append(("client_order_ref", "=", ref))
        return env["sale.order"].search(domain, order="id")

    def _soak_positions(self, env, domain=()):
        return env["backorder.position"].search(
            [("product_id", "in", self.product_ids)] + list(domain), order="id")

    def _open_positions(self, env):
        return self._soak_positions(env, [("is_open", "=", True)])

    def _customer_of(self, position):
        return next(c for c in self.customers if c.commercial_id == position.partner_id.id)

    def _cart(self, env, customer):
        """The customer's web cart (a draft order), made as website_sale makes
        it. The shop works on it as superuser (website_sale's sale_get_order
        gives it sudo()), in the website's context."""
        Order = env["sale.order"].with_context(website_id=self.website_id)
        cart = Order.search([("partner_id", "=", customer.partner_id), ("state", "=", "draft"),
                             ("client_order_ref", "=", CART_REF)], order="id desc", limit=1)
        if cart:
            return cart
        return Order.create({
            "partner_id": customer.partner_id, "pricelist_id": self.pricelist_id,
            "team_id": env["website"].browse(self.website_id).salesteam_id.id,
            "client_order_ref": CART_REF})

    def _confirm(self, order):
        order.action_confirm()
        self._date_confirmation(order)

    def _date_confirmation(self, order):
        """Odoo stamps a confirmation, which eligibility reads, with the real
        clock: the soak's is ahead."""
        order.sudo().write({"confirmation_date": fields.Datetime.to_string(self.now)})

    def _sales_order(self, env, customer, product, qty, ref=False):
        """A quotation made by the salesperson for ``customer``."""
        return self._as(env, "sales")["sale.order"].create({
            "partner_id": customer.partner_id, "client_order_ref": ref,
            "order_line": [(0, 0, {
                "product_id": product.id, "product_uom_qty": qty,
                "product_uom": product.uom_id.id, "price_unit": product.list_price,
                "name": product.name})]})

    def _service_order(self, env, customer):
        self._confirm(self._sales_order(
            env, customer, env["product.product"].browse(self.service_id), 1))

    # ------------------------------------------------------------ flows
    # Each returns (kind, detail): kind "done" (it changed something), "idle"
    # (nothing to act on) or "refused" (an answer that changed nothing).
    def basket(self, env):
        """A customer adds pieces to the basket, or sets a line's quantity
        higher: what free stock cannot serve goes on (or raises) their
        position. Now and then they lower a line instead, or take it out
        (the cart page's quantity field sends a set quantity, 0 included)."""
        customer, product = self._customer(), self._part(env)
        cart = self._cart(env, customer)
        line = cart.order_line.filtered(lambda l: l.product_id == product)
        roll = self.rng.random()
        if line and roll < 0.15:
            cart._cart_update(product_id=product.id, line_id=line.id, add_qty=None,
                              set_qty=self.rng.randint(0, int(line.product_uom_qty) - 1))
            return "done", "line lowered"
        if line and roll < 0.4:
            values = cart._cart_update(product_id=product.id, line_id=line.id,
                                       set_qty=line.product_uom_qty + self.rng.randint(1, 4))
        else:
            values = cart._cart_update(product_id=product.id, add_qty=self.rng.randint(1, 6))
        warning = values.get("warning")
        if not warning:
            return "done", "served from stock"
        if "on backorder (" in warning:
            return "done", "short part queued"
        return "refused", warning

    def quotation_backorder(self, env):
        """The salesperson saves a quotation, then backorders its short part
        (a refused button leaves the saved quotation)."""
        quotation = self._sales_order(env, self._customer(), self._part(env),
                                      self.rng.randint(1, 8), QUOTATION_REF)
        try:
            with env.cr.savepoint():
                quotation.order_line.action_backorder_short_qty()
        except (UserError, ValidationError) as error:
            return "refused", error.name
        return "done", "short part queued"

    def staff_position(self, env):
        customer, product = self._customer(), self._part(env)
        self._as(env, "sales")["backorder.position"].create({
            "partner_id": customer.commercial_id, "product_id": product.id,
            "product_qty": self.rng.randint(1, 4)})
        return "done", "position created"

    def receipt(self, env):
        product = self._part(self._as(env, "stock"))
        validate_receipt(product.env, product, self.rng.randint(1, 6))
        self.assignment_run = [product.id], None  # a receipt reads the real clock
        return "done", "received"

    def stock_loss(self, env):
        """Pieces found missing: scrapped, or counted lower (sometimes higher)
        by an inventory adjustment."""
        product = self._part(self._as(env, "stock-manager"))
        on_hand = int(stock_on_hand(product)[0])
        stock = product._backorder_warehouse().lot_stock_id
        if on_hand and self.rng.random() < 0.4:
            scrap = product.env["stock.scrap"].create({
                "product_id": product.id, "product_uom_id": product.uom_id.id,
                "scrap_qty": self.rng.randint(1, on_hand), "location_id": stock.id})
            if scrap.action_validate() is not True:
                return "refused", "scrap: insufficient quantity"
            return "done", "scrapped"
        counted = max(on_hand + self.rng.choice((-3, -2, -1, -1, 1)), 0)
        count_inventory(product.env, product, counted)
        return "done", "counted %s" % (
            "lower" if counted < on_hand else "higher" if counted > on_hand else "the same")

    def plus_one(self, env):
        """"+1" on the cart page, as a customer told of held pieces: they move
        into the cart one by one; half the time the cart is then bought."""
        position = self._pick(self._soak_positions(env, [("state", "=", "assigned")]))
        if position is None:
            return "idle", "nothing held"
        customer = self._customer_of(position)
        position = env(user=customer.user_id)["backorder.position"]._customer_position(
            position.id)
        position._lock_customer_cart()
        cart = self._cart(env, customer)
        movable = position._qty_to_move(cart)[position.id]
        # Nothing movable still clicks once: the refusal is an answer too.
        for _click in range(max(min(self.rng.randint(1, 3), movable), 1)):
            position.action_move_one_to_cart(cart)
        if self.rng.random() < 0.5:
            self._confirm(cart)
            return "done", "moved and bought"
        return "done", "moved"

    def confirm_quotation(self, env):
        quotation = self._pick(self._orders(self._as(env, "sales"), ["draft"], QUOTATION_REF))
        if quotation is None:
            return "idle", "no quotation"
        self._confirm(quotation)
        return "done", "confirmed"

    def purchase_outside_hold(self, env):
        """A customer with an open position buys the part through a plain
        order (lifecycle.purchase_pieces counts it against the position)."""
        position = self._pick(self._open_positions(env))
        if position is None:
            return "idle", "no open position"
        customer = self._customer_of(position)
        state = position.state
        self._confirm(self._sales_order(env, customer, position.product_id,
                                        self.rng.randint(1, 4)))
        return "done", "bought while its position was %s" % state

    def cancel_order(self, env):
        order = self._pick(self._orders(self._as(env, "sales"), ["draft", "sent", "sale"]))
        if order is None:
            return "idle", "no order"
        state = order.state
        order.action_cancel()
        return "done", "cancelled an order in state %s" % state

    def cancel_position(self, env):
        position = self._pick(self._open_positions(self._as(env, "sales")))
        if position is None:
            return "idle", "no open position"
        state = position.state
        position.action_cancel()
        return "done", "cancelled a position in state %s" % state

    def deliver(self, env):
        """The stock user reserves a transfer of a confirmed order (the
        delivery, or its pick, pack or ship with more than one step) and
        validates what could be reserved (the rest stays as a backorder
        picking): stock leaves the stock location, then the warehouse."""
        pickings = self._orders(env, ["sale", "done"]).mapped("picking_ids").filtered(
            lambda p: p.state not in ("done", "cancel"))
        picking = self._pick(pickings)
        if picking is None:
            return "idle", "nothing to deliver"
        picking = picking.sudo(self.staff["stock"])
        picking.action_assign()
        lines = picking.move_line_ids.filtered(lambda line: line.product_uom_qty > 0)
        if not lines:
            return "idle", "nothing reserved"
        for line in lines:
            line.qty_done = line.product_uom_qty
        picking.action_done()
        return "done", "delivered"

    def checkout(self, env):
        """A customer checks the cart out paying by wire transfer: the order
        is sent and waits for the payment (test_payment_pending.py)."""
        customer = self._customer()
        cart = self._orders(env, ["draft"], CART_REF).filtered(
            lambda order: order.partner_id.id == customer.partner_id)
        if not cart:
            return "idle", "empty cart"
        # What the shop's checkout does first: pieces neither free nor held
        # for the customer any more go back on backorder (issue 11, item 4).
        if cart[-1]._backorder_return_unserved_pieces():
            return "done", "cart sent back: pieces no longer served"
        transaction = check_out_by_transfer(cart[-1])
        # The payment wait counts from the checkout, at the simulated clock.
        env.cr.execute("UPDATE payment_transaction SET create_date = %s WHERE id = %s",
                       (self.now, transaction.id))
        return "done", "awaiting payment"

    def warehouse_steps(self, env):
        """The warehouse manager changes the delivery steps: orders confirmed
        from then on are picked (and packed) before they ship."""
        warehouse = env["product.product"]._backorder_warehouse()
        steps = self.rng.choice([steps for steps in DELIVERY_STEPS
                                 if steps != warehouse.delivery_steps])
        warehouse.delivery_steps = steps
        return "done", steps

    def payment_arrives(self, env):
        """Staff mark a transfer as paid: the order is confirmed; or the
        customer cancels the payment."""
        orders = self._orders(self._as(env, "sales"), ["sent"], CART_REF).filtered(
            lambda order: order.payment_tx_id.state in AWAITING_PAYMENT)
        order = self._pick(orders)
        if order is None:
            return "idle", "no payment awaited"
        if self.rng.random() < 0.2:
            # The customer gives up: the order no longer keeps holds.
            order.payment_tx_id.state = "cancel"
            return "done", "payment cancelled"
        order.action_mark_as_paid()
        self._date_confirmation(order)
        return "done", "paid"

    def cron_expire_holds(self, env):
        due = self._soak_positions(env, [
            ("state", "=", "assigned"),
            ("date_expiry", "<=", fields.Datetime.to_string(self.now))])
        env["backorder.position"]._cron_expire_holds(now=self.now)
        if not due:
            return "done", "no hold due"
        if any(position.state == "assigned" for position in due):
            # Only an order awaiting its payment keeps a hold past its deadline.
            return "done", "holds expired, some kept for a payment awaited"
        return "done", "holds expired"

    def cron_notify_only(self, env):
        notified = self._notifications(env)
        removed = self._soak_positions(env, [("state", "=", "removed")])
        env["backorder.position"]._cron_notify_only(now=self.now)
        what = [word for word, happened in (
            ("e-mailed", self._notifications(env) > notified),
            ("removed", self._soak_positions(env, [("state", "=", "removed")]) != removed))
            if happened]
        return "done", " and ".join(what) or "nothing due"

    def _notifications(self, env):
        return sum(self._soak_positions(env).mapped("notification_count"))

    def cron_allocate(self, env):
        held = self._held(env)
        env["backorder.position"]._cron_allocate(now=self.now)
        self.assignment_run = self.product_ids, self.now
        return "done", "assigned" if self._held(env) > held else "nothing to assign"

    def _held(self, env):
        return sum(self._open_positions(env).mapped("qty_assigned"))

    def cron_assignment_notices(self, env):
        env["backorder.position"]._cron_send_assignment_notices()
        return "done", "ran"

    def allocate(self, env):
        """The public assignment run of one part, as staff's "Re-run
        Assignment" does, at the simulated clock."""
        held = self._held(env)
        product = self._part(self._as(env, "sales"))
        product.backorder_allocate(now=self.now)
        self.assignment_run = [product.id], self.now
        return "done", "assigned" if self._held(env) > held else "nothing to assign"

    def service_order(self, env):
        """A regular customer buys a workshop hour: they stay eligible."""
        customer = self.rng.choice(self.customers[:REGULARS])
        self._service_order(env, customer)
        return "done", "bought"

    def forgive(self, env):
        """Staff give the customer lowest below the threshold their starting
        reputation back."""
        below = env["res.partner"].browse([c.commercial_id for c in self.customers]).filtered(
            lambda partner: partner.backorder_reputation < self.threshold)
        if not below:
            return "idle", "nobody below the threshold"
        min(below, key=lambda p: (p.backorder_reputation, p.id)).backorder_reputation = \
            self.reputation_start
        return "done", "reputation given back"

    # ------------------------------------------------------------ the run
    def _check(self, env):
        """What the last step broke; moves the history on."""
        broken = broken_invariants(env, self.product_ids)
        history, self.last_seen = broken_history(
            env, self.product_ids, self.last_seen, self.since_message_id)
        broken.extend(history)
        broken.extend(broken_visibility(env, [c.user_id for c in self.customers]))
        env.cr.execute("SELECT COALESCE(MAX(id), 0) FROM mail_message")
        self.since_message_id = env.cr.fetchone()[0]
        return broken

    def _pause(self):
        """Time between two steps: minutes to hours, now and then days."""
        if self.rng.random() < 0.1:
            return timedelta(hours=self.rng.randint(24, 72))
        return timedelta(minutes=self.rng.randint(0, 360))

    def step(self, number):
        self.now += self._pause()
        name = self.rng.choice(self.names)
        self.assignment_run = None
        try:
            kind, detail = self.odoo_env(getattr(self, name))
        except (UserError, ValidationError) as error:
            kind, detail = "refused", error.name
            self.assignment_run = None
        except Exception as error:
            raise SoakFailure("step %d (seed %d, flow %s) failed: %r" % (
                number, self.seed, name, error)) from error
        self.counts[name, kind] += 1
        self.answers[name, kind, self._shorten(detail)] += 1
        broken = set(self.odoo_env(self._check))
        if self.assignment_run:
            product_ids, now = self.assignment_run
            broken.update(self.odoo_env(lambda env: broken_assignment_run(
                env, product_ids, now or datetime.utcnow())))
        for about, what in sorted(broken - self.open_breaks):
            self.breaks.append((number, name, about, what))
            print("BROKEN at step %d (seed %d, flow %s): %s: %s" % (
                number, self.seed, name, about, what))
        self.open_breaks = broken

    def _shorten(self, detail):
        """An answer without the run's names and numbers, for counting."""
        detail = re.sub(r"\d+", "N", re.sub(r"[ -]%s" % self.tag, "", detail or ""))
        return detail.splitlines()[0][:90] if detail else ""

    def run(self, steps):
        print("\nsoak: seed %d, %d steps (replay with SOAK_SEED=%d SOAK_STEPS=%d)" % (
            self.seed, steps, self.seed, steps))
        started = time.time()
        delivery_steps = self.odoo_env(
            lambda env: env["product.product"]._backorder_warehouse().delivery_steps)
        try:
            for number in range(1, steps + 1):
                self.step(number)
        finally:
            self.report(time.time() - started)
            # The database is shared with the other tests of the run.
            self.odoo_env(lambda env: env["product.product"]._backorder_warehouse().write(
                {"delivery_steps": delivery_steps}))
        if self.breaks:
            number, name, about, what = self.breaks[0]
            raise SoakFailure(
                "%d invariant break(s), the first at step %d (seed %d, flow %s): %s: %s"
                % (len(self.breaks), number, self.seed, name, about, what))

    def report(self, elapsed):
        steps = sum(self.counts.values())
        print("\nsoak: %d steps, seed %d, %.0f s (%.2f s a step), %d simulated days" % (
            steps, self.seed, elapsed, elapsed / max(steps, 1),
            (self.now - self.started_at).days))
        print("  %-26s %6s %6s %6s %8s" % ("flow", "steps", "done", "idle", "refused"))
        for name, _weight in MIX:
            kinds = [self.counts[name, kind] for kind in ("done", "idle", "refused")]
            print("  %-26s %6d %6d %6d %8d" % ((name, sum(kinds)) + tuple(kinds)))
        totals = [sum(n for (_f, k), n in self.counts.items() if k == kind)
                  for kind in ("done", "idle", "refused")]
        print("  %-26s %6d %6d %6d %8d" % (("all", steps) + tuple(totals)))
        print("  answers:")
        for (name, kind, detail), count in sorted(self.answers.items()):
            print("    %5d  %-22s %-7s %s" % (count, name, kind, detail))
        states = self.odoo_env(lambda env: collections.Counter(env["backorder.position"].search(
            [("product_id", "in", self.product_ids)]).mapped("state")))
        print("  positions at the end: %s" % ", ".join(
            "%s %d" % (state, states[state]) for state in sorted(states)))
        print("  invariant breaks: %d" % len(self.breaks))
        for number, name, about, what in self.breaks:
            print("    step %d (seed %d, flow %s): %s: %s" % (
                number, self.seed, name, about, what))


def run_soak(odoo_env, steps, seed=None):
    """Play ``steps`` steps of seed ``seed`` (default: a new one); fails on an
    invariant break or an exception other than a refusal."""
    if seed is None:
        seed = random.SystemRandom().randrange(10 ** 6)
    soak = Soak(odoo_env, seed)
    soak.run(steps)
    return soak


def test_soak(odoo_env):
    seed = os.environ.get("SOAK_SEED")
    run_soak(odoo_env, STEPS, int(seed) if seed else None)
