# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The shop side of backorders: the basket routes refuse bad input, the cart
page lists the customer's positions with their "+1" buttons, and what a visitor
chose on backorder before logging in is queued after login."""
import math
import re
from contextlib import contextmanager

from werkzeug.urls import url_encode

from odoo import _, http
from odoo.exceptions import UserError, ValidationError
from odoo.http import request

from odoo.addons.website.controllers.main import Website
from odoo.addons.website_sale.controllers.main import WebsiteSale

from ..models.backorder_position import MAX_POSITION_QTY as MAX_QUANTITY
from ..models.product_product import FORECAST_CAPPED_MODES

# Session key of the messages the next cart page shows (after a redirect).
MESSAGES_SESSION_KEY = "backorder_messages"
# Session key of the pieces a visitor chose on backorder before logging in:
# {product id (str): pieces}.
PENDING_SESSION_KEY = "backorder_pending"
MAX_RECORD_ID = 2 ** 31 - 1  # PostgreSQL integer ids
# Positions the cart lists; My backorders pages through all of them.
CART_POSITIONS = 20
# ASCII digits only: Python's int() and float() also read "4_5", " 45 " and
# other scripts' digits ("\u0664\u0665"), which the ORM and PostgreSQL do not.
ID_PATTERN = r"[0-9]{1,10}"
RECORD_ID_TEXT = re.compile(ID_PATTERN + r"\Z")
QUANTITY_TEXT = re.compile(r"[+-]?[0-9]+(\.[0-9]*)?([eE][+-]?[0-9]+)?\Z")
# Two ids: website_sale's names of the untracked attributes a basket form posts
# (attribute-<product id>-<attribute id> = <attribute value id>), and the
# shop's filters in its query string (attrib=<attribute id>-<value id>).
ID_PAIR_PATTERN = ID_PATTERN + "-" + ID_PATTERN
ATTRIBUTE_KEY = re.compile("attribute-" + ID_PAIR_PATTERN + r"\Z")
SHOP_ATTRIB = re.compile(ID_PAIR_PATTERN + r"\Z")
# The shop's sort order in its query string: order=<field> [asc|desc].
SHOP_ORDER = re.compile(r"([a-z_][a-z0-9_]*)( (asc|desc))?\Z")


def parse_quantity(value, allow_zero=False):
    """The whole number of pieces in ``value`` (a form or JSON value), or
    ValueError with the message the customer sees."""
    if isinstance(value, bool) or not (
            isinstance(value, (int, float))
            or isinstance(value, str) and QUANTITY_TEXT.match(value)):
        raise ValueError(_("The quantity must be a number."))
    try:
        number = float(value)
    except OverflowError:  # an integer of hundreds of digits
        number = math.inf
    # An infinite float was sent as such (JSON's Infinity); a text or an
    # integer too large for a float is just too many pieces.
    if math.isnan(number) or math.isinf(number) and isinstance(value, float):
        raise ValueError(_("The quantity must be a number."))
    if number > MAX_QUANTITY:
        raise ValueError(_("The quantity can be at most %d.") % MAX_QUANTITY)
    if number != int(number):
        raise ValueError(_("Parts are sold by the piece: the quantity must be a "
                           "whole number."))
    if number < 0 or not allow_zero and number == 0:
        raise ValueError(_("The quantity must be at least 1."))
    return int(number)


def parse_record_id(value):
    """The database id in ``value`` (a JSON integer, or a text of ASCII digits),
    or None when it cannot be one."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        record_id = value
    elif isinstance(value, str) and RECORD_ID_TEXT.match(value):
        record_id = int(value)
    else:
        return None
    return record_id if 0 < record_id <= MAX_RECORD_ID else None


def is_given(value):
    """Whether a basket parameter was sent: forms send "" for an empty field."""
    return not (value is None or value is False or value == "")


def flash(message):
    """Show ``message`` on the next cart page."""
    request.session[MESSAGES_SESSION_KEY] = (
        request.session.get(MESSAGES_SESSION_KEY) or []) + [message]


def is_visitor():
    """Whether the request comes from the website's visitor (not logged in)."""
    return request.env.user.partner_id._backorder_is_visitor()


@contextmanager
def website_context(**values):
    """Around website_sale's route: the website, and so the cart it gets, in a
    context with ``values``."""
    website = request.website
    request.website = website.with_context(**values)
    try:
        yield
    finally:
        request.website = website


@contextmanager
def pending_of_visitor():
    """Around a basket change: a visitor's basket adds the pieces it cannot
    queue to what the session keeps for after login (see
    ``sale.order._backorder_queue_short_qty``)."""
    if not is_visitor():
        yield
        return
    pending = dict(request.session.get(PENDING_SESSION_KEY) or {})
    with website_context(backorder_pending=pending):
        yield
    if pending:
        request.session[PENDING_SESSION_KEY] = pending


@contextmanager
def messages_flashed():
    """Around a basket change of a form: the basket's messages (see
    ``sale.order._backorder_tell``) go to the next cart page."""
    messages = []
    with website_context(backorder_messages=messages):
        yield
    for message in messages:
        flash(message)


def queue_pending(website):
    """Queue what the visitor chose on backorder before logging in, for the
    user of ``website``'s environment; the messages go to the next cart page."""
    pending = request.session.pop(PENDING_SESSION_KEY, None)
    if pending:
        order = website.sale_get_order(force_create=True)
        for message in order._backorder_queue_pending(pending):
            flash(message)


class WebsiteBackorderLogin(Website):

    @http.route(website=True, auth="public")
    def web_login(self, redirect=None, *args, **kw):
        response = super(WebsiteBackorderLogin, self).web_login(
            redirect=redirect, *args, **kw)
        if request.params.get("login_success"):
            # The request still runs as the visitor: act as who just logged in.
            queue_pending(request.website.sudo(request.session.uid))
        return response


class WebsiteSaleBackorder(WebsiteSale):

    def _backorder_shop_product(self, product_id):
        """The variant of id ``product_id`` if the shop sells it (active, its
        template active, sold and published), as superuser; else an empty set."""
        product_id = parse_record_id(product_id)
        product = request.env["product.product"].sudo().browse(product_id or []).exists()
        if (product and product.active and product.product_tmpl_id.active
                and product.sale_ok and product.website_published):
            return product
        return product.browse()

    def _backorder_cart_input(self, product_id, line_id=None, add_qty=None, set_qty=None,
                              attributes=None):
        """This basket change as website_sale is to get it: (values, None), or
        (None, the message that refuses it).

        ``values``: ``product_id`` and ``line_id`` as ids (``line_id`` None when
        not sent), ``add_qty`` and ``set_qty`` as whole numbers (None when not
        sent). Refused: a product the shop does not sell, a line id that cannot
        be one, quantities that are not whole numbers (a set quantity may be 0,
        which removes the line; an added one is at least 1) and options that are
        not the product's. Every value sent is checked, not only the one
        website_sale would use: it reads a set quantity of 0 as "not set" and
        then uses the quantity added."""
        product = self._backorder_shop_product(product_id)
        if not product:
            return None, _("This product does not exist or is not sold in the shop.")
        values = {"product_id": product.id, "line_id": None, "add_qty": None,
                  "set_qty": None}
        if is_given(line_id):
            values["line_id"] = parse_record_id(line_id)
            if not values["line_id"]:
                return None, _("This cart line does not exist.")
        try:
            if is_given(set_qty):
                values["set_qty"] = parse_quantity(set_qty, allow_zero=True)
            if is_given(add_qty):
                values["add_qty"] = parse_quantity(add_qty)
        except ValueError as error:
            return None, str(error)
        options = product.product_tmpl_id.attribute_line_ids.mapped("value_ids").ids
        for key, value in (attributes or {}).items():
            if not ATTRIBUTE_KEY.match(key) or parse_record_id(value) not in options:
                return None, _("This option does not exist for %s.") % product.display_name
        return values, None

    @http.route(csrf=True)
    def cart_update(self, product_id=None, add_qty=1, set_qty=0, **kw):
        # CSRF is on: the basket creates backorder positions, whose expiry costs
        # the customer reputation, so no other site may post to it.
        values, error = self._backorder_cart_input(
            product_id, add_qty=add_qty, set_qty=set_qty,
            attributes=self._filter_attributes(**kw))
        if error:
            flash(error)
            return request.redirect("/shop/cart")
        if values["add_qty"] is None and not values["set_qty"]:
            values["add_qty"] = 1  # an empty quantity field adds one, as in website_sale
        with pending_of_visitor(), messages_flashed():
            return super(WebsiteSaleBackorder, self).cart_update(
                values["product_id"], add_qty=values["add_qty"] or 0,
                set_qty=values["set_qty"] or 0, **kw)

    @http.route()
    def cart_update_json(self, product_id=None, line_id=None, add_qty=None, set_qty=None,
                         display=True, **kw):
        # Parameters website_sale does not know (**kw) are ignored, as the form
        # route does, instead of failing the call.
        values, error = self._backorder_cart_input(product_id, line_id, add_qty, set_qty)
        if error:
            return self._backorder_refuse_json(error, line_id, display)
        with pending_of_visitor():
            return super(WebsiteSaleBackorder, self).cart_update_json(
                values["product_id"], line_id=values["line_id"],
                add_qty=values["add_qty"], set_qty=values["set_qty"], display=display)

    def _backorder_refuse_json(self, error, line_id, display):
        """The answer to a refused JSON basket change: the warning, and the cart
        as it is, which the cart page's script puts back in place of its lines."""
        order = request.website.sale_get_order()
        line_id = parse_record_id(line_id)
        line = order.order_line.filtered(lambda order_line: order_line.id == line_id)
        value = {"warning": error, "quantity": line.product_uom_qty if line else 0,
                 "cart_quantity": order.cart_quantity if order else 0}
        if display and order:
            from_currency = order.company_id.currency_id
            to_currency = order.pricelist_id.currency_id
            value["website_sale.cart_lines"] = request.env["ir.ui.view"].render_template(
                "website_sale.cart_lines", {
                    "website_sale_order": order,
                    "compute_currency": lambda price: from_currency.compute(
                        price, to_currency),
                    "suggested_products": order._cart_accessories(),
                })
        return value

    def get_attribute_value_ids(self, product):
        """website_sale_stock's "always" and "threshold" modes make the product
        page cap the quantity at the forecast and disable the button without
        one. A part that lifts that cap takes any quantity: its script is told
        to leave such variants alone; the stock bar shows their stock. For the
        others, pieces held for backorders are not offered as available."""
        values = super(WebsiteSaleBackorder, self).get_attribute_value_ids(product)
        variants = request.env["product.product"].sudo().browse(
            [value[0] for value in values])
        shown = [(value[4], variant) for value, variant in zip(values, variants)
                 if len(value) > 4 and isinstance(value[4], dict)
                 and value[4].get("inventory_availability") in FORECAST_CAPPED_MODES
                 and variant.type == "product"]
        if not shown:
            return values
        stocked = variants.browse([variant.id for _info, variant in shown])
        lifted = stocked._backorder_lifts_forecast_cap()
        free = stocked._backorder_free_qty()
        for stock_info, variant in shown:
            if lifted[variant.id]:
                stock_info["inventory_availability"] = "never"
            else:
                stock_info["virtual_available"] = min(
                    stock_info["virtual_available"], max(free[variant.id], 0))
        return values

    def _backorder_bad_shop_args(self):
        """The query parameters of this shop page that website_sale would fail
        on (HTTP 500): ``attrib`` not of the form <attribute id>-<value id>,
        ``category`` and ``page`` not ids, an ``order`` that is not a field of
        products with an optional direction."""
        args = request.httprequest.args
        bad = [name for name in ("category", "page")
               if name in args and not RECORD_ID_TEXT.match(args[name])]
        if any(not SHOP_ATTRIB.match(value) for value in args.getlist("attrib") if value):
            bad.append("attrib")
        order = args.get("order")
        if order is not None:
            match = SHOP_ORDER.match(order)
            if not match or match.group(1) not in request.env["product.template"]._fields:
                bad.append("order")
        return bad

    @http.route()
    def shop(self, page=0, category=None, search="", ppg=False, **post):
        bad = self._backorder_bad_shop_args()
        if bad:
            # The same page without what cannot be read, as a link would give it.
            args = request.httprequest.args.copy()
            for name in bad:
                args.poplist(name)
            return request.redirect(request.httprequest.path + (
                "?" + url_encode(args) if args else ""))
        response = super(WebsiteSaleBackorder, self).shop(
            page=page, category=category, search=search, ppg=ppg, **post)
        products = getattr(response, "qcontext", {}).get("products")
        if products:
            # The stock bars of the whole page from two queries.
            response.qcontext["backorder_free_qty"] = products.sudo().mapped(
                "product_variant_ids")._backorder_free_qty()
        return response

    @http.route()
    def cart(self, access_token=None, revive="", **post):
        visitor = is_visitor()
        if not visitor:
            queue_pending(request.website)
        response = super(WebsiteSaleBackorder, self).cart(
            access_token=access_token, revive=revive, **post)
        if getattr(response, "qcontext", None) is not None:
            response.qcontext.update(self._backorder_cart_values(
                request.session.pop(MESSAGES_SESSION_KEY, None) or [], visitor))
        return response

    def _backorder_cart_values(self, messages, visitor):
        signup = request.env["ir.config_parameter"].sudo().get_param(
            "auth_signup.allow_uninvited")
        values = {"backorder_messages": messages,
                  "backorder_signup_enabled": signup == "True",
                  "backorder_login_needed": bool(request.session.get(PENDING_SESSION_KEY)),
                  "backorder_positions": request.env["backorder.position"],
                  "backorder_qty_to_move": {}, "backorder_hidden_count": 0}
        if visitor:
            return values
        shown, hidden_count = request.env["backorder.position"]._cart_listing(
            request.env.user.partner_id, CART_POSITIONS)
        order = request.website.sale_get_order()
        values.update(backorder_positions=shown, backorder_hidden_count=hidden_count,
                      backorder_qty_to_move=shown._qty_to_move(order))
        return values

    def checkout_redirection(self, order):
        # Every checkout step asks this first: a cart whose pieces are no longer
        # served goes back to the cart page before the customer gets further.
        redirection = super(WebsiteSaleBackorder, self).checkout_redirection(order)
        if redirection or not self._backorder_return_unserved_pieces():
            return redirection
        return request.redirect("/shop/cart")

    @http.route()
    def payment_transaction(self, acquirer_id, save_token=False, so_id=None,
                            access_token=None, token=None, **kwargs):
        # "Pay Now" of the shop's cart, the moment before the payment provider
        # takes the money.
        if not so_id and self._backorder_return_unserved_pieces():
            return request.env["ir.ui.view"].render_template(
                "backorder_reservation.payment_back_to_cart")
        return super(WebsiteSaleBackorder, self).payment_transaction(
            acquirer_id, save_token=save_token, so_id=so_id, access_token=access_token,
            token=token, **kwargs)

    @http.route()
    def payment_token(self, pm_id=None, **kwargs):
        # Paying with a saved card charges it at once.
        if self._backorder_return_unserved_pieces():
            return request.redirect("/shop/cart")
        return super(WebsiteSaleBackorder, self).payment_token(pm_id=pm_id, **kwargs)

    def _backorder_return_unserved_pieces(self):
        """Put the pieces of the website's draft cart that are neither free nor
        held for its customer back on backorder, the messages for the cart
        page; whether the cart changed."""
        with pending_of_visitor():
            order = request.website.sale_get_order()
            if not order or order.state != "draft":
                return False
            messages = order._backorder_return_unserved_pieces()
        for message in messages:
            flash(message)
        return bool(messages)

    @http.route(["/shop/backorder/add_one"], type="http", auth="user",
                methods=["POST"], website=True)
    def backorder_add_one(self, position_id=None, **post):
        """"+1": move one reserved piece of the customer's position into the cart."""
        position = request.env["backorder.position"]._customer_position(
            parse_record_id(position_id))
        if not position:
            flash(_("This backorder position does not exist or is not yours."))
            return request.redirect("/shop/cart")
        # Before the cart is looked up: a second "+1" at the same moment (a
        # double click, two tabs) would make a second cart and move a second
        # piece; it has to start again and find the first one's cart.
        position._lock_customer_cart()
        order = request.website.sale_get_order(force_create=True)
        if order.state != "draft":
            request.website.sale_reset()
            order = request.website.sale_get_order(force_create=True)
        try:
            position.action_move_one_to_cart(order)
        except (UserError, ValidationError) as error:
            flash(error.name)
        return request.redirect("/shop/cart")
