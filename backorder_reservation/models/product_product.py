# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import math
from collections import defaultdict
from datetime import datetime

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .. import allocation
from ..lifecycle import OPEN_STATES
from ..sql import sums_by

# website_sale_stock's availability modes that cap the quantity in the basket
# at the forecast.
FORECAST_CAPPED_MODES = ("always", "threshold")


def whole_pieces_in(qty):
    """The whole pieces in ``qty``, a sum of stock quantities (floats):
    rounded down, past float noise such as 2.9999999999."""
    return int(math.floor(qty + 1e-9))


class ProductProduct(models.Model):
    _inherit = "product.product"

    backorder_position_ids = fields.One2many(
        "backorder.position", "product_id", string="Backorder Positions")

    @api.multi
    def backorder_allocate(self, now=None):
        """Assign free stock of these products to their waiting positions at
        ``now`` (default: the clock), which dates the holds.

        Public: called when free stock rises (receipts, inventory adjustments,
        released holds) and by the safety-net scheduled action. Reads every queue
        in one query, runs the rule of :mod:`allocation` per product and writes
        all results in bulk, so the number of queries does not grow with the
        number of positions.
        """
        now = now or datetime.utcnow()
        Position = self.env["backorder.position"]
        assignments = []
        for products in self._backorder_locked_by_company():
            entries = Position._queue_entries(
                Position._open_domain(products, products._backorder_company()))
            if not entries:  # none of this company's that the user may see
                continue
            eligible = Position._refresh_notify_only_of(entries, now)
            free_qty = products._backorder_free_qty(now)
            for _product, queue, given in products._backorder_plan(
                    entries, eligible, free_qty, now):
                assignments.extend((entry, qty) for entry, qty in zip(queue, given) if qty)
        Position._apply_assignments(assignments, now)

    @api.multi
    def _backorder_plan(self, entries, eligible, free_qty, now):
        """What the rule gives, without writing anything: yields (product, queue,
        pieces per queued position) for each of these products that has a queue
        and free stock and is not a pre-order still to be released.

        ``entries``: the products' open positions in queue order
        (``backorder.position._queue_entries``); ``eligible``:
        {(customer id, company id)} that take part in reservations (the others are
        notify-only); ``free_qty``: {product id: free pieces}; ``now``: when the
        pieces would be assigned (a pre-order's release). Shared by the
        assignment run and its preview, so that the preview is what assignment
        then does."""
        policy = self.env["backorder.position"]._backorder_settings().allocation_policy
        today = fields.Date.context_today(self, timestamp=now)
        for product, queue in self._backorder_queues(entries, eligible):
            if (not queue or free_qty.get(product.id, 0) <= 0
                    or product.preorder_release_date and product.preorder_release_date > today):
                continue
            yield product, queue, allocation.allocate(
                [entry.qty_need for entry in queue], free_qty[product.id], policy)

    @api.multi
    def _backorder_queues(self, entries, eligible):
        """Yields (product, queue) for each of these products: those of
        ``entries`` (``backorder.position._queue_entries`` of open positions,
        in queue order) of the product whose customer takes part in
        reservations (``eligible``: {(customer id, company id)}) and that need
        pieces; the positions the rule runs over."""
        queues = defaultdict(list)
        for entry in entries:
            if (entry.partner_id, entry.company_id) in eligible and entry.qty_need > 0:
                queues[entry.product_id].append(entry)
        for product in self:
            yield product, queues[product.id]

    @api.multi
    def _backorder_arrival_days(self, needs, now):
        """{product id: [day or None]}: for each of ``needs`` ({product id:
        needs in queue order}), the day the planned receipts of the product
        serve it (:func:`allocation.served_by`, the stock free at ``now``
        first), a pre-order not before its release; None when they do not."""
        today = fields.Date.context_today(self, timestamp=now)
        free_qty = self._backorder_free_qty(now)
        planned = self._backorder_planned_receipts()
        policy = self.env["backorder.position"]._backorder_settings().allocation_policy
        days = {}
        for product in self:
            receipts = planned.get(product.id, [])
            arrivals = [today] + [day for day, _qty in receipts]
            days[product.id] = [
                None if index is None
                else max(arrivals[index], product.preorder_release_date or today)
                for index in allocation.served_by(
                    needs.get(product.id, []), max(free_qty[product.id], 0),
                    [qty for _day, qty in receipts], policy)
            ]
        return days

    @api.multi
    def _backorder_new_request_day(self, qty=1, now=None):
        """The day a request of ``qty`` more pieces of this product, queued now
        at the end of its queue, would be served (see
        :meth:`_backorder_arrival_days`), else the product's expected arrival
        date (or False): what the product page tells a customer about to
        backorder it."""
        self.ensure_one()
        now = now or datetime.utcnow()
        product = self.sudo()
        Position = product.env["backorder.position"]
        entries = Position._queue_entries(
            Position._open_domain(product, product._backorder_company()))
        queues = dict(product._backorder_queues(
            entries, Position._eligible_among(entries, now)))
        needs = [entry.qty_need for entry in queues[product]] + [qty]
        day = product._backorder_arrival_days({product.id: needs}, now)[product.id][-1]
        return day or product.backorder_expected_date

    @api.multi
    def _backorder_planned_receipts(self):
        """{product id: [(day, pieces)]}, earliest day first: the pieces of these
        products planned to come into the shop's stock (incoming moves not done
        nor cancelled, from outside that stock), by expected day."""
        stock = self._backorder_warehouse().lot_stock_id
        moves = self.env["stock.move"].sudo().search([
            ("product_id", "in", self.ids),
            ("state", "not in", ("draft", "cancel", "done")),
            ("location_dest_id", "child_of", stock.id)])
        planned = defaultdict(lambda: defaultdict(float))
        for move in moves:
            if not move.location_id._backorder_within(stock):
                day = fields.Date.context_today(
                    self, timestamp=fields.Datetime.from_string(move.date_expected))
                planned[move.product_id.id][day] += move.product_qty
        return {
            product_id: [(day, whole_pieces_in(qty))
                         for day, qty in sorted(days.items())]
            for product_id, days in planned.items()
        }

    @api.multi
    def _backorder_release_excess(self, now=None):
        """Keep holds within stock on hand (invariant 1) after stock left the
        warehouse unplanned (inventory loss, scrap): the youngest holds give back
        what is missing."""
        now = now or datetime.utcnow()
        for products in self._backorder_locked_by_company():
            free_qty = products._backorder_free_qty(now)
            short = {pid: -qty for pid, qty in free_qty.items() if qty < 0}
            if not short:
                continue
            holding = self.env["backorder.position"].search(
                [("product_id", "in", list(short)), ("state", "=", "assigned"),
                 ("company_id", "=", products._backorder_company().id)])
            for position in reversed(holding):  # from the end of each queue
                qty = min(short[position.product_id.id], position.qty_assigned)
                if qty:
                    short[position.product_id.id] -= qty
                    position._release(qty, now)

    @api.multi
    def _backorder_locked_by_company(self):
        """Lock those of these products that have open positions (see
        :meth:`_backorder_lock_queued`), then yield them per company that has
        open positions of them, in that company's context: each company's
        queues are served from its own warehouse."""
        for company_id, product_ids in self._backorder_lock_queued():
            yield self.browse(product_ids).with_context(force_company=company_id)

    @api.multi
    def _backorder_lock_queued(self):
        """Lock those of these products that have open positions (see
        :meth:`_backorder_lock`). Returns [(company id, [product ids])] of the
        companies that have open positions of them."""
        if not self.ids:
            return []
        self.env.cr.execute("""
            SELECT company_id, array_agg(DISTINCT product_id) FROM backorder_position
             WHERE product_id IN %s AND state IN %s
             GROUP BY company_id ORDER BY company_id
        """, (tuple(self.ids), OPEN_STATES))
        queued = self.env.cr.fetchall()
        if queued:
            product_ids = set().union(*(ids for _company, ids in queued))
            self.browse(sorted(product_ids))._backorder_lock()
        return queued

    @api.multi
    def _backorder_lock(self):
        """Serialize assignment runs and cap checks per product (see
        ``backorder.lock``). A transaction that writes both a product's
        positions and its stock (quants) takes the lock before it writes
        either: two that wrote them in opposite orders (a receipt or a loss:
        quants, then holds; an order buying held pieces: its position, then the
        quants its delivery reserves) would each wait for what the other holds.
        Quotations, order lines and the reservations of moves do not take
        part, nor does the confirmation of an order whose customer has no open
        position of the product."""
        self.env["backorder.lock"]._acquire(
            ["product:%d" % product_id for product_id in self.ids])

    @api.model
    def _backorder_company(self):
        return self.env["backorder.position"]._backorder_company()

    @api.model
    def _backorder_warehouse(self):
        """The shop's warehouse, whose stock backorder positions are served from:
        the first of :meth:`_backorder_company`."""
        return self.env["stock.warehouse"].search(
            [("company_id", "=", self._backorder_company().id)], limit=1)

    @api.multi
    def _backorder_held_qty(self):
        """{product id: pieces held by open positions of the company}."""
        Position = self.env["backorder.position"]
        return {product_id: held for product_id, (held,) in sums_by(
            Position, Position._open_domain(self, self._backorder_company()),
            "product_id", ["qty_assigned"]).items()}

    @api.multi
    def _backorder_free_qty(self, now=None):
        """{product id: free stock} (SPEC): :meth:`_backorder_unheld_qty`, but
        none for a pre-order before its release date (at ``now``, default the
        clock)."""
        unheld = self._backorder_unheld_qty()
        today = fields.Date.context_today(self, timestamp=now or datetime.utcnow())
        free_qty = {}
        for product in self:
            free = unheld[product.id]
            if product.preorder_release_date and product.preorder_release_date > today:
                # Before its release a pre-order sells nothing from stock: the
                # pieces wait for the customers who pre-ordered them.
                free = min(free, 0)
            free_qty[product.id] = free
        return free_qty

    @api.multi
    def _backorder_unheld_qty(self):
        """{product id: pieces} on hand in the shop's warehouse, minus what is
        reserved for outgoing moves, minus what positions hold. Whole pieces;
        negative when holds exceed what is left."""
        warehouse = self._backorder_warehouse()
        unreserved = {product_id: quantity - reserved for product_id, (quantity, reserved)
                      in sums_by(self.env["stock.quant"].sudo(), [
                          ("product_id", "in", self.ids),
                          ("location_id", "child_of", warehouse.lot_stock_id.id)],
                          "product_id", ["quantity", "reserved_quantity"]).items()}
        held = self._backorder_held_qty()
        return {
            product.id: whole_pieces_in(unreserved.get(product.id, 0.0))
            - held.get(product.id, 0)
            for product in self
        }

    @api.multi
    def _backorder_cap_room(self):
        """{product id: pieces that may still be queued}, None when uncapped.

        The cap counts what open positions of the company (see
        :meth:`_backorder_company`) still wait for or hold, all customers
        together (requested minus bought): each company's warehouse serves its
        own queues."""
        room = {product.id: None for product in self}
        capped = self._backorder_capped()
        if not capped:
            return room
        Position = self.env["backorder.position"].sudo()
        queued = {product_id: requested - bought for product_id, (requested, bought)
                  in sums_by(Position, Position._open_domain(
                      capped, self._backorder_company()),
                      "product_id", ["product_qty", "qty_done"]).items()}
        for product in capped:
            room[product.id] = product.backorder_cap - queued.get(product.id, 0)
        return room

    @api.multi
    def _backorder_queue_open(self):
        """{product id: whether customers may still queue pieces of it}:
        backorders allowed and room left under the cap."""
        room = self._backorder_cap_room()
        return {product.id: product.backorder_allowed
                and (room[product.id] is None or room[product.id] > 0)
                for product in self}

    @api.multi
    def _backorder_lifts_forecast_cap(self):
        """{product id: whether website_sale_stock's forecast cap is lifted}:
        in its "always" and "threshold" modes the shop sells a stocked part up
        to its forecast only; a part customers may still queue goes on
        backorder beyond it instead. The product page, the cart and the basket
        all ask this."""
        queue_open = self._backorder_queue_open()
        return {product.id: product.type == "product"
                and product.inventory_availability in FORECAST_CAPPED_MODES
                and queue_open[product.id]
                for product in self}

    @api.multi
    def _backorder_capped(self):
        """Those of these products with a cap (0 = no cap)."""
        return self.filtered(lambda product: product.backorder_cap > 0)

    @api.multi
    def _check_backorder_cap(self, extra_qty=0):
        """Refuse open positions beyond the product's cap (0 = no cap), counting
        ``extra_qty`` more pieces about to be queued."""
        capped = self._backorder_capped()
        if capped:
            # Two customers queueing at once would each see room for their own
            # pieces: the second has to start again and count the first's.
            capped._backorder_lock()
        room = self._backorder_cap_room()
        for product in self:
            if room[product.id] is not None and extra_qty > room[product.id]:
                raise ValidationError(_(
                    "%(product)s accepts at most %(cap)d pieces on backorder, all "
                    "customers together; %(waiting)d would be waiting.") % {
                        "product": product.display_name, "cap": product.backorder_cap,
                        "waiting": product.backorder_cap - room[product.id] + extra_qty})

    @api.multi
    def _backorder_shop_info(self, free_qty=None):
        """What the shop shows of this product's stock and backorder terms.

        ``free_qty`` is the result of :meth:`_backorder_free_qty` when the caller
        already read it for a whole page of products. Returns a dict: ``free``
        (whole pieces, never negative), ``stock_text`` (what the customer reads
        under the bar), ``bar_percent`` and ``bar_level`` of the
        stock level bar (0 and "empty" when nothing is on hand), ``backorder``
        (one piece already goes on backorder), ``backorder_possible`` (more than
        the free stock may be queued), ``blocked`` (why the customer can neither
        buy nor queue it, or False)."""
        product = self.sudo()
        # No variant (a template whose variants are archived, which staff see in
        # the shop) or no stock kept: no bar, nothing to backorder.
        if not product or product.type != "product":
            return {"free": None, "stock_text": "", "bar_percent": 100, "bar_level": "full",
                    "backorder": False, "backorder_possible": False, "blocked": False}
        product.ensure_one()
        if free_qty is None:
            free_qty = product._backorder_free_qty()
        free = max(free_qty.get(product.id, 0), 0)
        # website_sale_stock's "low stock" threshold; the bar is full at twice it.
        threshold = max(product.available_threshold or 0, 1)
        if not free:
            level = "empty"
        elif free < threshold:
            level = "low"
        else:
            level = "full"
        possible = product._backorder_queue_open()[product.id]
        blocked = False
        if not free and not product.backorder_allowed:
            blocked = _("Out of stock. This part cannot be backordered.")
        elif not free and not possible:
            blocked = _("Out of stock, and the backorder list of this part is full.")
        return {
            "free": free,
            "stock_text": _("%d in stock") % free if free else _("Out of stock"),
            "bar_percent": min(100, int(100 * free / (2 * threshold))),
            "bar_level": level,
            "backorder": not free and possible,
            "backorder_possible": possible,
            "blocked": blocked,
        }
