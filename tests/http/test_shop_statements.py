# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What the shop pages cost in SQL statements (issue 12, item 3), counted on
a server that logs every statement: the cart update, the cart page and My
backorders read a customer's positions in as many statements for 25
positions as for 5, and putting a part that is not in stock in the cart costs
at most half again the statements of putting an in-stock one there, as
the positions cost the cart page at most half again its statements
without."""
from _server import statements
from _shop import Shop, add_to_cart, update_json


def _counting_client(shop, counting_server, login, product_id):
    """(Shop of the counting server, a session of ``login`` on it with the
    product in its cart)."""
    server = Shop(counting_server[0], shop.odoo_env)
    session = server.client(login)
    add_to_cart(server, session, product_id, 1)
    return server, session


def _warm_statements(log_path, request):
    """Statements of ``request()`` once caches and the session are warm: a
    cart update that queues a part opens a position the first time and raises
    it the second, and each way reads its message's translation once per
    server."""
    request()
    request()
    return statements(log_path, request)


def test_shop_pages_read_positions_in_a_constant_number_of_statements(
        shop, counting_server):
    in_stock = shop.product("Statement count stocked part", stock=1000)
    counts = {}
    for count in (5, 25):
        # A part of its own for each customer: the pages read the queues of
        # the customer's parts, and another customer's position in the same
        # queue is data of its own, not one more of this customer's positions.
        queued = shop.product("Statement count queued part")
        login = shop.customer_with_positions("Statement count garage", count)
        server, session = _counting_client(shop, counting_server, login, in_stock)
        counts[count] = [_warm_statements(counting_server[1], request) for request in (
            lambda: update_json(server, session, product_id=queued, add_qty=1),
            lambda: session.get(server.url + "/shop/cart"),
            lambda: session.get(server.url + "/my/backorders"),
        )]
    assert counts[25] == counts[5]


def test_a_part_out_of_stock_costs_the_cart_update_half_again_at_most(
        shop, counting_server):
    in_stock = shop.product("Statement ratio stocked part", stock=1000)
    queued = shop.product("Statement ratio queued part")
    login = shop.customer_with_positions("Statement ratio garage", 5)
    server, session = _counting_client(shop, counting_server, login, in_stock)
    queue, add = [_warm_statements(counting_server[1], lambda product_id=product_id: (
        update_json(server, session, product_id=product_id, add_qty=1)))
        for product_id in (queued, in_stock)]
    assert queue <= 1.5 * add, (queue, add)


def test_positions_cost_the_cart_page_half_again_at_most(shop, counting_server):
    in_stock = shop.product("Statement ratio cart stocked part", stock=1000)
    pages = []
    for login in (shop.customer_with_positions("Statement ratio cart garage", 5),
                  shop.customer("Statement ratio cart plain garage")[0]):
        server, session = _counting_client(shop, counting_server, login, in_stock)
        pages.append(_warm_statements(
            counting_server[1], lambda: session.get(server.url + "/shop/cart")))
    with_positions, without = pages
    assert with_positions <= 1.5 * without, (with_positions, without)
