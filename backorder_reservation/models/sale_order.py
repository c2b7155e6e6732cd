# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict
from datetime import datetime

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import plaintext2html

from .. import lifecycle
from .backorder_position import AWAITING_PAYMENT, MAX_POSITION_QTY
from .product_product import FORECAST_CAPPED_MODES
from .sale_order_line import whole_pieces


class SaleOrder(models.Model):
    _inherit = "sale.order"

    backorder_position_count = fields.Integer(
        string="Backorders", compute="_compute_backorder_position_count",
        help="Backorder positions made of the quantity of this order's lines "
             "that was not in stock.")

    @api.multi
    def _compute_backorder_position_count(self):
        for order in self:
            order.backorder_position_count = len(order.order_line.mapped(
                "backorder_position_ids"))

    @api.multi
    def action_view_backorder_positions(self):
        return self.env["backorder.position"]._action_view(
            [("sale_line_ids.order_id", "in", self.ids)])

    @api.multi
    def _action_confirm(self):
        # Before super(): the delivery created there must find the held pieces
        # already handed over to this order.
        self._backorder_consume_holds()
        return super(SaleOrder, self)._action_confirm()

    @api.multi
    def _backorder_consume_holds(self):
        """The ordered pieces count as bought against the customer's open
        position of each product (:func:`lifecycle.purchase_pieces`): held
        pieces first, then the rest of the need."""
        now = datetime.utcnow()
        Position = self.env["backorder.position"]
        positions_of = {order: Position._of_customer(
            order.partner_id, order.company_id, order.order_line.mapped("product_id"))
            for order in self}
        # Before writing the positions and, in super(), reserving the stock
        # (see product.product._backorder_lock). Orders of customers without
        # positions do not wait for assignment runs.
        Position.union(*positions_of.values()).mapped("product_id")._backorder_lock()
        for order in self:
            ordered, kept = order._backorder_ordered_pieces()
            positions = positions_of[order]
            if not positions:
                continue
            products = positions.mapped("product_id").with_context(
                force_company=order.company_id.id)
            free = products._backorder_free_qty(now)
            for position in positions:
                key = position.partner_id.id, position.product_id.id
                from_hold, from_need = lifecycle.purchase_pieces(
                    ordered[key], kept[key], position.qty_assigned,
                    free[position.product_id.id], position.qty_need)
                if from_hold or from_need:
                    position._record_purchase(from_hold, from_need, order, now)

    @api.multi
    def _backorder_checkout_date(self):
        """When the customer checked this order out: the newest of its payment
        transactions still awaiting the payment."""
        self.ensure_one()
        return max(fields.Datetime.from_string(transaction.create_date)
                   for transaction in self.payment_tx_ids
                   if transaction.state in AWAITING_PAYMENT)

    @api.multi
    def _backorder_tell_holds_expired(self, positions, settings):
        """Tell this quotation (chatter) and its customer (e-mail) that the
        pieces held for ``positions`` went back to the shop: its payment did
        not come within the payment wait of the settings."""
        self.ensure_one()
        self.message_post(body=plaintext2html(_(
            "The payment did not arrive within %(days)d days: the reserved pieces "
            "of %(products)s are no longer held for this order (backorders "
            "%(positions)s). It can still be paid; the pieces are then delivered "
            "as they come.") % {
                "days": settings.payment_wait_days,
                "products": ", ".join(positions.mapped("product_id.display_name")),
                "positions": ", ".join(positions.mapped("name"))}),
            subtype="mail.mt_comment", partner_ids=[self.partner_id.id])

    @api.multi
    def _backorder_ordered_pieces(self):
        """({(commercial partner id, product id): pieces ordered},
        {same key: those of them the lines kept from free stock when the rest
        went on backorder}), in the products' own units."""
        ordered, kept = defaultdict(int), defaultdict(int)
        for order in self:
            customer = order.partner_id.commercial_partner_id.id
            for line in order.order_line.filtered("product_id"):
                key = customer, line.product_id.id
                ordered[key] += int(line.product_uom._compute_quantity(
                    line.product_uom_qty, line.product_id.uom_id))
                kept[key] += line.backorder_kept_qty
        return ordered, kept

    @api.multi
    def _cart_update(self, product_id=None, line_id=None, add_qty=0, set_qty=0, **kwargs):
        """The basket keeps what free stock (and the customer's own held pieces)
        can serve; the rest of the quantity asked for becomes, or raises, the
        customer's backorder position of the product (SPEC 1)."""
        change = self._backorder_cart_change(product_id, line_id, add_qty, set_qty, **kwargs)
        asked = self._backorder_asked_before_forecast_cut(change)
        all_short = self._backorder_all_short(change, bool(asked))
        if all_short:
            # website_sale would make the line only for it to be taken out
            # again: twice its whole update (prices, taxes, the order's totals).
            warning = self._backorder_tell(self._backorder_queue_short_qty(*all_short))
            return {"line_id": False, "quantity": 0, "warning": warning}
        values = super(SaleOrder, self)._cart_update(
            product_id, line_id, add_qty, set_qty, **kwargs)
        line = self.env["sale.order.line"].browse(values.get("line_id")).exists()
        if asked:
            product, qty = asked
            free = self._backorder_free_for_customer(product)
        elif line and line.product_id.type == "product":
            product = line.product_id
            qty, free = line.sudo()._backorder_qty_and_free()
        else:
            return values
        in_cart = line.product_uom_qty if line else 0
        keep = min(qty, max(free, 0))
        if in_cart != keep:
            values.update(super(SaleOrder, self)._cart_update(
                product.id, line.id or None, add_qty=keep - in_cart, **kwargs))
            line = self.env["sale.order.line"].browse(values.get("line_id")).exists()
        short = qty - (line.product_uom_qty if line else 0)
        if short <= 0:
            return values
        values["warning"] = self._backorder_tell(
            self._backorder_queue_short_qty(product, short))
        if line.exists():
            line.backorder_kept_qty = qty - short
        return values

    @api.model
    def _backorder_tell(self, message):
        """Add the basket's ``message`` to the ``backorder_messages`` list of the
        context, when the caller gives one to show them on the next page;
        returns the message. Not stored on the order as website_sale_stock
        stores its warnings: the cart page would write the order again to
        clear it, and every write of the order makes a request that writes it
        too (staff confirming the cart, the customer's other tab) start again."""
        messages = self.env.context.get("backorder_messages")
        if messages is not None:
            messages.append(message)
        return message

    @api.multi
    def _backorder_return_unserved_pieces(self):
        """Before this cart is paid: its pieces that are neither free nor held
        for its customer any more (a hold that ran out went to the next
        customer) go back on the customer's backorder position, as the basket
        does with what is not in stock. Returns the messages for the cart page,
        none when nothing changed."""
        self.ensure_one()
        warnings = []
        changed = self.env["sale.order.line"]
        for line in self.order_line.filtered(lambda line: line.product_id.type == "product"):
            qty, free = line._backorder_qty_and_free()
            if qty > max(free, 0):
                warnings.append(self._cart_update(
                    product_id=line.product_id.id, line_id=line.id, set_qty=qty)["warning"])
                changed |= line
        if not warnings:
            return []
        # The cart page shows these messages once, as the caller flashes them:
        # not again as website_sale_stock's stock warnings of the lines the
        # basket left, or of the order for the lines it removed.
        changed.exists().write({"warning_stock": False})
        if changed - changed.exists():
            self.warning_stock = False
        return [_("Your cart changed before payment: some pieces in it are no longer "
                  "in stock or reserved for you.")] + warnings

    @api.multi
    def _backorder_cart_change(self, product_id, line_id, add_qty, set_qty, **kwargs):
        """(line, product, quantity) of a change of this basket, worked out the
        way website_sale's _cart_update does: the line it changes (empty when it
        makes one), the product and the quantity the line is asked to hold, in
        the line's unit and never negative. None when the product does not
        exist or a quantity cannot be read (website_sale then takes 1 piece)."""
        self.ensure_one()
        line = self.env["sale.order.line"]
        if line_id is not False:
            line = self._cart_find_product_line(product_id, line_id, **kwargs)[:1]
        product = line.product_id or self.env["product.product"].browse(
            int(product_id or 0)).exists()
        if not product:
            return None
        try:
            set_qty = float(set_qty) if set_qty else set_qty
            add_qty = float(add_qty) if add_qty else add_qty
        except ValueError:
            return None
        if set_qty:
            qty = set_qty
        elif add_qty is None:
            qty = 0
        elif line:
            qty = line.product_uom_qty + (add_qty or 0)
        else:
            qty = add_qty or 1  # a new line starts with one piece
        return line, product, max(qty, 0)

    @api.multi
    def _backorder_asked_before_forecast_cut(self, change):
        """(product, pieces) the basket change ``change`` (see
        :meth:`_backorder_cart_change`) asks the line of a part to hold when
        website_sale_stock would cut that line down to the forecast and the
        part lifts that cap (:meth:`product.product.
        _backorder_lifts_forecast_cap`); else None. The pieces it cuts off are
        then served from free stock or queued like any other."""
        if not change:
            return None
        _line, product, qty = change
        if not product._backorder_lifts_forecast_cap()[product.id]:
            return None
        return product, whole_pieces(product, qty)

    @api.multi
    def _backorder_all_short(self, change, forecast_cap_lifted):
        """(product, pieces) when the basket change ``change`` (see
        :meth:`_backorder_cart_change`) makes a new line of a stocked part and
        nothing of it is free for this order's customer: every piece goes on
        backorder and no line stays. Else None, also for a part whose new line
        website_sale_stock cuts down to the forecast (its cap not lifted):
        what it cuts off is not queued."""
        if not change or self.state != "draft":
            return None  # website_sale refuses a confirmed order's change
        line, product, qty = change
        if line or product.type != "product" or qty <= 0 or (
                product.inventory_availability in FORECAST_CAPPED_MODES
                and not forecast_cap_lifted):
            return None
        if self._backorder_free_for_customer(product) > 0:
            return None
        return product, whole_pieces(product, qty)

    @api.multi
    def _backorder_free_for_customer(self, product):
        """Free pieces of ``product`` in this order's company plus those held for
        its customer there."""
        self.ensure_one()
        own_held = sum(self.env["backorder.position"]._of_customer(
            self.partner_id, self.company_id, product, held=True).mapped("qty_assigned"))
        product = product.with_context(force_company=self.company_id.id)
        return product._backorder_free_qty()[product.id] + own_held

    @api.multi
    def _backorder_queue_short_qty(self, product, qty):
        """Queue ``qty`` missing pieces for this basket's customer; returns the
        message the customer sees.

        Nothing is queued for the website's visitor: the pieces are added to
        the ``backorder_pending`` dict of the context ({product id (str):
        pieces}) when the caller gives one, to be queued once they log in."""
        self.ensure_one()
        customer = self.partner_id.commercial_partner_id
        if customer._backorder_is_visitor():
            pending = self.env.context.get("backorder_pending")
            if pending is not None:
                wanted = pending.get(str(product.id), 0) + qty
                if wanted > MAX_POSITION_QTY:
                    return _("Only the quantity in stock was added: a backorder "
                             "position holds at most %d pieces.") % MAX_POSITION_QTY
                pending[str(product.id)] = wanted
            return _("Only the quantity in stock was added: log in or sign up to "
                     "put the missing %(qty)d piece(s) of %(product)s on "
                     "backorder.") % {"qty": qty, "product": product.name}
        if not product.backorder_allowed:
            return _("Only the quantity in stock was added: %s cannot be "
                     "backordered.") % product.name
        try:
            with self.env.cr.savepoint():
                position = self.env["backorder.position"].sudo()._queue_for(
                    customer, product, qty, company_id=self.company_id.id,
                    website_id=self.env.context.get("website_id"))
        except ValidationError as error:
            return _("Only the quantity in stock was added: %s") % error.name
        return _("%(qty)d piece(s) of %(product)s are not in stock: they are on "
                 "backorder (%(position)s) and reserved for you as soon as they "
                 "arrive.") % {"qty": qty, "product": product.name,
                               "position": position.name}

    @api.multi
    def _backorder_queue_pending(self, pending):
        """Queue what the customer chose on backorder before logging in
        (``pending``: {product id: pieces}); returns the messages to show."""
        self.ensure_one()
        products = self.env["product.product"].browse(
            [int(product_id) for product_id in pending]).exists()
        return [self._backorder_queue_short_qty(product, int(pending[str(product.id)]))
                for product in products]
