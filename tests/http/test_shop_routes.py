# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The shop's basket routes with backorders, through real HTTP requests to a
real Odoo server (SPEC 1 and 3): short quantities become positions, "+1" moves
reserved pieces into the cart, bad input changes nothing."""
import re

import pytest

from _shop import add_one, add_to_cart, cart_lines, csrf_token, update_json


def test_out_of_stock_part_goes_on_backorder_and_shows_yellow(shop):
    product = shop.product("Brake pad", stock=2)
    login, partner = shop.customer()
    client = shop.client(login)
    response = add_to_cart(shop, client, product, 5)
    assert response.status_code == 200 and response.url.endswith("/shop/cart")
    assert cart_lines(shop, partner) == {product: 2.0}
    [(name, requested, assigned, done, state)] = shop.positions(product_id=product)
    assert (requested, assigned, done, state) == (3, 0, 0, "waiting")
    assert 'class="o_backorder_position"' in response.text
    assert name in response.text
    # Adding more raises the same open position.
    add_to_cart(shop, client, product, 1)
    assert [p[1] for p in shop.positions(product_id=product)] == [4]


def test_shown_forecast_caps_only_cart_lines_that_cannot_be_backordered(shop):
    # website_sale_stock's "always" mode caps a cart line's quantity field at
    # the forecast; more of a part that can be backordered goes on backorder.
    backorderable = shop.product(
        "Shown-stock bearing", stock=2, inventory_availability="always")
    capped = shop.product("Shown-stock gasket", stock=2, inventory_availability="always",
                          backorder_allowed=False)
    login, partner = shop.customer()
    client = shop.client(login)
    add_to_cart(shop, client, backorderable, 5)
    response = add_to_cart(shop, client, capped, 1)
    assert cart_lines(shop, partner) == {backorderable: 2.0, capped: 1.0}
    assert [p[1] for p in shop.positions(product_id=backorderable)] == [3]
    fields = re.findall(r'<input[^>]*class="[^"]*js_quantity[^"]*"[^>]*>', response.text)
    max_by_product = {int(re.search(r'data-product-id="(\d+)"', field).group(1)):
                      re.search(r'data-max="([^"]*)"', field) for field in fields}
    assert max_by_product[backorderable] is None
    assert max_by_product[capped].group(1) == "2.0"


def test_json_basket_route_queues_the_short_quantity(shop):
    product = shop.product("Oil filter", stock=1)
    login, partner = shop.customer()
    client = shop.client(login)
    client.get(shop.url + "/shop")
    result = update_json(shop, client, product_id=product, add_qty=3)["result"]
    assert result["quantity"] == 1
    [(name, requested, _a, _d, _s)] = shop.positions(product_id=product)
    assert requested == 2 and name in result["warning"]
    assert cart_lines(shop, partner) == {product: 1.0}


def order_row_versions(shop, partner_id):
    """{(table, id): the row's version (xmin)} of the customer's draft orders
    and their lines: a version changes with every UPDATE of the row."""
    def work(env):
        env.cr.execute("""
            SELECT 'sale_order', o.id, o.xmin::text FROM sale_order o
             WHERE o.partner_id = %(partner)s AND o.state = 'draft'
            UNION ALL
            SELECT 'sale_order_line', l.id, l.xmin::text FROM sale_order_line l
              JOIN sale_order o ON o.id = l.order_id
             WHERE o.partner_id = %(partner)s AND o.state = 'draft'
        """, {"partner": partner_id})
        return {(table, row_id): version for table, row_id, version in env.cr.fetchall()}
    return shop.odoo_env(work)


def test_queue_message_shows_once_and_writes_nothing_to_the_cart(shop):
    # The message is the customer's, for the next cart page: kept in the
    # session, not written on the order, which staff confirming the cart or
    # another tab write too (each such write makes one of them start again).
    stocked = shop.product("Wiper arm", stock=5)
    product = shop.product("Wiper motor")
    login, partner = shop.customer()
    client = shop.client(login)
    add_to_cart(shop, client, stocked, 1)
    client.get(shop.url + "/shop/cart")
    cart = order_row_versions(shop, partner)
    for qty in (2, 1):  # queueing, then raising the position
        page = add_to_cart(shop, client, product, qty).text
        [(name, requested, _a, _d, _s)] = shop.positions(product_id=product)
        assert page.count("are not in stock: they are on backorder (%s)" % name) == 1
    assert requested == 3
    assert "are not in stock" not in client.get(shop.url + "/shop/cart").text
    assert order_row_versions(shop, partner) == cart
    assert cart_lines(shop, partner) == {stocked: 1.0}


@pytest.mark.parametrize("add_qty, message", [
    ("0", "at least 1"), ("-2", "at least 1"), ("1.5", "whole number"),
    ("two", "must be a number"), ("inf", "must be a number"), ("nan", "must be a number"),
    ("1e30", "at most 100000"),
])
def test_bad_quantities_change_nothing(shop, add_qty, message):
    product = shop.product("Air filter")
    login, partner = shop.customer()
    client = shop.client(login)
    response = add_to_cart(shop, client, product, add_qty)
    assert response.status_code == 200 and message in response.text
    assert "Traceback" not in response.text
    assert shop.positions(product_id=product) == []
    assert cart_lines(shop, partner) == {}


def test_bad_json_quantities_change_nothing(shop):
    product = shop.product("Fuel filter", stock=5)
    login, partner = shop.customer()
    client = shop.client(login)
    add_to_cart(shop, client, product, 2)
    line_id = shop.odoo_env(lambda env: env["sale.order.line"].search(
        [("order_id.partner_id", "=", partner), ("order_id.state", "=", "draft")]).id)
    for params in ({"add_qty": 0}, {"add_qty": 2.5}, {"set_qty": -1}, {"add_qty": "x"},
                   {"set_qty": 1.5}):
        result = update_json(shop, client, product_id=product, line_id=line_id, **params)
        assert "error" not in result, result
        result = result["result"]
        assert result["warning"] and result["quantity"] == 2
        # The cart page's script replaces its lines with these: the line stays.
        assert 'data-line-id="%d"' % line_id in result["website_sale.cart_lines"]
    assert shop.positions(product_id=product) == []
    assert cart_lines(shop, partner) == {product: 2.0}


def test_unknown_or_unpublished_products_change_nothing(shop):
    hidden = shop.product("Hidden part", website_published=False)
    login, partner = shop.customer()
    client = shop.client(login)
    for product_id in (hidden, 2 ** 31 - 2, 2 ** 40, "abc"):
        response = add_to_cart(shop, client, product_id, 1)
        assert response.status_code == 200
        assert "does not exist or is not sold in the shop" in response.text
    assert shop.positions(product_id=hidden) == []
    assert cart_lines(shop, partner) == {}


def test_basket_refuses_a_post_without_csrf_token(shop):
    product = shop.product("Spark plug")
    login, partner = shop.customer()
    client = shop.client(login)
    response = client.post(shop.url + "/shop/cart/update",
                           data={"product_id": product, "add_qty": 1})
    assert response.status_code == 400
    assert "Traceback" not in response.text
    assert shop.positions(product_id=product) == []
    assert cart_lines(shop, partner) == {}


def test_visitor_is_asked_to_log_in_and_the_choice_is_kept(shop):
    product = shop.product("Timing belt", stock=1)
    login, partner = shop.customer()
    client = shop.client()
    response = add_to_cart(shop, client, product, 3)
    assert "o_backorder_login" in response.text
    assert "/web/login?redirect=/shop/cart" in response.text
    assert shop.positions(product_id=product) == []
    # Logging in with the same browser session queues what was chosen.
    shop.log_in(client, login, "/shop/cart")
    response = client.get(shop.url + "/shop/cart")
    [(name, requested, _a, _d, state)] = shop.positions(product_id=product)
    assert (requested, state) == (2, "waiting")
    assert name in response.text
    assert cart_lines(shop, partner) == {product: 1.0}
    # Only once.
    client.get(shop.url + "/shop/cart")
    assert [p[1] for p in shop.positions(product_id=product)] == [2]


def test_plus_one_moves_reserved_pieces_into_the_cart(shop):
    product = shop.product("Wiper blade")
    login, partner = shop.customer()
    client = shop.client(login)
    add_to_cart(shop, client, product, 2)
    [(name, _r, _a, _d, _s)] = shop.positions(product_id=product)
    assert "o_backorder_flash" not in client.get(shop.url + "/shop").text
    shop.receive(product, 2)
    assert shop.positions(product_id=product) == [(name, 2, 2, 0, "assigned")]
    page = client.get(shop.url + "/shop")
    assert "o_backorder_flash" in page.text, "the cart icon does not flash"
    assert "o_backorder_add_one" in client.get(shop.url + "/shop/cart").text
    for expected in (1.0, 2.0):
        add_one(shop, client, name)
        assert cart_lines(shop, partner) == {product: expected}
    # Everything moved: no more button, no flashing, and a further "+1"
    # only explains why nothing happened.
    cart = client.get(shop.url + "/shop/cart").text
    assert "o_backorder_add_one" not in cart
    assert "o_backorder_flash" not in cart
    response = add_one(shop, client, name)
    assert "no reserved piece is waiting" in response.text
    assert cart_lines(shop, partner) == {product: 2.0}
    assert shop.positions(product_id=product) == [(name, 2, 2, 0, "assigned")]
    # Checkout: confirming the order consumes the hold.
    shop.odoo_env(lambda env: env["sale.order"].search([
        ("partner_id", "=", partner), ("state", "=", "draft")]).action_confirm())
    assert shop.positions(product_id=product) == [(name, 2, 0, 2, "done")]


def test_plus_one_refuses_other_customers_positions_and_missing_csrf(shop):
    product = shop.product("Clutch kit")
    owner_login, _owner = shop.customer("Owner")
    intruder_login, intruder = shop.customer("Intruder")
    owner = shop.client(owner_login)
    add_to_cart(shop, owner, product, 1)
    shop.receive(product, 1)
    [(name, _r, _a, _d, _s)] = shop.positions(product_id=product)
    intruder_client = shop.client(intruder_login)
    response = add_one(shop, intruder_client, name)
    assert "does not exist or is not yours" in response.text
    assert name not in response.text
    assert cart_lines(shop, intruder) == {}
    response = add_one(shop, owner, name, token=False)
    assert response.status_code == 400 and "Traceback" not in response.text
    assert shop.positions(product_id=product) == [(name, 1, 1, 0, "assigned")]


def test_plus_one_sends_visitors_to_the_login_page(shop):
    client = shop.client()
    page = client.get(shop.url + "/shop")
    response = client.post(shop.url + "/shop/backorder/add_one", data={
        "position_id": 1, "csrf_token": csrf_token(page.text)})
    assert response.url.split("?")[0].endswith("/web/login")


def test_visitor_json_basket_keeps_the_choice_for_after_login(shop):
    product = shop.product("Door seal")
    login, partner = shop.customer()
    client = shop.client()
    client.get(shop.url + "/shop")
    result = update_json(shop, client, product_id=product, add_qty=2)["result"]
    assert "log in or sign up" in result["warning"]
    assert shop.positions(product_id=product) == []
    shop.log_in(client, login, "/shop/cart")
    assert [p[1:] for p in shop.positions(product_id=product)] == [(2, 0, 0, "waiting")]
    assert cart_lines(shop, partner) == {}
