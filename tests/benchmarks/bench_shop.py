# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The shop pages of a customer with many positions against their plain
counterparts (issue 12, item 3), over real HTTP.

Usage, from the repository root (sets up the test database like the tests)::

    setup/test.sh tests/benchmarks/bench_shop.py -s

A customer with POSITIONS open positions (parts out of stock) and one with
none, each with an in-stock part in the cart. For each pair it prints the
median time of REPEAT requests of each on the test server (the two in
turn), the SQL statements of one request (counted on a second server that
logs every statement), and the ratios to the plain counterpart:

- the cart update of a queued part against the same call for an in-stock part;
- the cart page of the customer with positions against the one without;
- *My backorders* against *My orders*, of the customer with positions.

Figures, not a timed test: the machine is shared and noisy.
"""
import os
import statistics
import time

from _server import statements
from _shop import Shop, add_to_cart, update_json

POSITIONS = int(os.environ.get("BENCH_SHOP_POSITIONS", 200))
REPEAT = 15


def _median_ms(page, counterpart):
    """(median ms of ``page()``, of ``counterpart()``), the two requested in
    turn: the host's speed drifts within seconds, and a drift between a run
    of one and a run of the other would show in their ratio."""
    durations = ([], [])
    for request in (page, counterpart):
        request()  # warm: assets, caches, the session's first look-ups
    for _attempt in range(REPEAT):
        for request, measured in zip((page, counterpart), durations):
            start = time.perf_counter()
            request()
            measured.append((time.perf_counter() - start) * 1000)
    return [statistics.median(measured) for measured in durations]


def test_shop_page_figures(shop, counting_server):
    counting_url, log_path = counting_server
    in_stock = shop.product("Bench shop stocked part", stock=100000)
    queued = shop.product("Bench shop queued part")
    busy_login = shop.customer_with_positions("Bench shop garage", POSITIONS)
    plain_login, _partner_id = shop.customer("Bench shop plain garage")

    def client(server, login):
        """A session of ``login`` on ``server`` with an in-stock part in its cart."""
        session = server.client(login)
        add_to_cart(server, session, in_stock, 1)
        return session

    def update(server, session, product_id):
        def request():
            answer = update_json(server, session, product_id=product_id, add_qty=1)
            assert "error" not in answer, answer
        return request

    def get(server, session, path):
        def request():
            answer = session.get(server.url + path)
            assert answer.status_code == 200, (path, answer.status_code)
        return request

    rows = []
    for server in (shop, Shop(counting_url, shop.odoo_env)):
        busy, plain = client(server, busy_login), client(server, plain_login)
        pairs = [
            ("cart update, queued / in-stock part",
             update(server, busy, queued), update(server, busy, in_stock)),
            ("cart page, %d positions / none" % POSITIONS,
             get(server, busy, "/shop/cart"), get(server, plain, "/shop/cart")),
            ("My backorders / My orders",
             get(server, busy, "/my/backorders"), get(server, busy, "/my/orders")),
        ]
        if server is shop:
            rows = [[name] + _median_ms(page, counterpart)
                    for name, page, counterpart in pairs]
        else:
            for row, (_name, page, counterpart) in zip(rows, pairs):
                page(), counterpart()  # warm, as for the times
                row += [statements(log_path, page), statements(log_path, counterpart)]

    print("\nShop pages, real Odoo over HTTP (median of %d, ms; q = SQL statements)"
          % REPEAT)
    print("%-40s %10s %10s %7s %7s %7s %7s" % (
        "page / plain counterpart", "page", "plain", "x time", "page q", "plain q",
        "x q"))
    for name, page_ms, plain_ms, page_q, plain_q in rows:
        print("%-40s %8.0fms %8.0fms %7.2f %7d %7d %7.2f" % (
            name, page_ms, plain_ms, page_ms / plain_ms, page_q, plain_q,
            page_q / max(plain_q, 1)))
