# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Impatient customers: the same click sent several times at once, over real
parallel HTTP requests to the threaded test server. Odoo retries a request that
fails with a serialization error; none may end in an HTTP 500, and the shop
must end as if the clicks had come one after the other."""
import threading

import requests

from _shop import csrf_token

TIMEOUT = 120


def in_parallel(shop, client, path, data, count):
    """POST ``data`` to ``path`` ``count`` times at once with ``client``'s
    session cookie; returns the status codes."""
    barrier = threading.Barrier(count)
    statuses = [None] * count

    def click(index):
        session = requests.Session()
        session.cookies.update(client.cookies)
        barrier.wait(TIMEOUT)
        statuses[index] = session.post(shop.url + path, data=data, timeout=TIMEOUT).status_code

    threads = [threading.Thread(target=click, args=(index,)) for index in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(TIMEOUT * 2)
    return statuses


def carts_of(shop, partner, product):
    """[pieces of ``product``] in each draft order of the customer that has it."""
    def work(env):
        lines = env["sale.order.line"].search([
            ("order_id.partner_id", "=", partner), ("order_id.state", "=", "draft"),
            ("product_id", "=", product)])
        return sorted(lines.mapped("product_uom_qty"))
    return shop.odoo_env(work)


def test_plus_one_clicked_at_once_without_a_cart_moves_one_piece(shop):
    product = shop.product("Impatient wiper")
    login, partner = shop.customer("Impatient garage")
    client = shop.client(login)
    position_id = shop.odoo_env(lambda env: env["backorder.position"].create({
        "partner_id": partner, "product_id": product, "product_qty": 1}).id)
    shop.receive(product, 1)  # 1 piece held, and the customer has no cart
    token = csrf_token(client.get(shop.url + "/shop").text)
    statuses = in_parallel(shop, client, "/shop/backorder/add_one",
                           {"position_id": position_id, "csrf_token": token}, 4)
    assert statuses == [200] * 4
    assert carts_of(shop, partner, product) == [1.0]
    assert [p[1:] for p in shop.positions(product_id=product)] == [(1, 1, 0, "assigned")]


# A burst a customer makes (a double click, a few tabs). All of them change
# the one cart row, which website_sale writes several times per request: ten
# at once on the threaded test server can still use up Odoo's five tries on
# that row now and then, so a test of ten would be flaky.
BURST = 4


def test_queueing_clicked_at_once_raises_one_position_by_every_click(shop):
    queued = shop.product("Impatient bearing")
    in_stock = shop.product("Impatient washer", stock=5)
    login, partner = shop.customer("Impatient workshop")
    client = shop.client(login)
    token = csrf_token(client.get(shop.url + "/shop").text)
    client.post(shop.url + "/shop/cart/update",
                data={"product_id": in_stock, "add_qty": 1, "csrf_token": token})
    statuses = in_parallel(shop, client, "/shop/cart/update",
                           {"product_id": queued, "add_qty": 1, "csrf_token": token}, BURST)
    assert statuses == [200] * BURST
    assert [p[1:] for p in shop.positions(product_id=queued)] == [
        (BURST, 0, 0, "waiting")]
    assert carts_of(shop, partner, queued) == []
