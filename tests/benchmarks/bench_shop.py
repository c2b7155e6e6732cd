# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The shop pages of a customer with many positions against their plain
counterparts (issue 12, item 3), over real HTTP.

Usage, from the repository root (sets up the test database like the tests)::

    setup/test.sh tests/benchmarks/bench_shop.py -s

A customer with POSITIONS open positions (parts out of stock) and one with
none, each with an in-stock part in the cart. For each pair it prints the
median time of REPEAT requests on the test server, the SQL statements of one
request (counted on a second server that logs every statement), and the
ratios to the plain counterpart:

- the cart update of a queued part against the same call for an in-stock part;
- the cart page of the customer with positions against the one without;
- *My backorders* against *My orders*, of the customer with positions.

Figures, not a timed test: the machine is shared and noisy.
"""
import os
import statistics
import time

import pytest

from _server import ARTIFACTS, start_odoo, stop_odoo
from _shop import Shop, csrf_token

POSITIONS = int(os.environ.get("BENCH_SHOP_POSITIONS", 200))
REPEAT = 5
SQL_LINE = "odoo.sql_db: query:"


@pytest.fixture(scope="module")
def counting_server():
    """A second server on the same database that logs every SQL statement:
    (base URL, log path)."""
    log_path = os.path.join(ARTIFACTS, "odoo-sql.log")
    if os.path.exists(log_path):
        os.remove(log_path)
    process, url = start_odoo(
        os.environ["BACKORDER_ODOO_CONF"], os.environ["BACKORDER_HTTP_DB"], log_path,
        "--log-handler=odoo.sql_db:DEBUG")
    yield url, log_path
    stop_odoo(process)


def _statements(log_path, request):
    """SQL statements the server logged while answering ``request()``."""
    def logged():
        with open(log_path, encoding="utf-8", errors="replace") as log:
            return log.read().count(SQL_LINE)
    before = logged()
    request()
    time.sleep(0.5)  # the log line of the last statement is flushed
    return logged() - before


def _median_ms(request):
    request()  # warm: assets, caches, the session's first look-ups
    durations = []
    for _attempt in range(REPEAT):
        start = time.perf_counter()
        request()
        durations.append((time.perf_counter() - start) * 1000)
    return statistics.median(durations)


def _customer_with_positions(shop, count):
    login, partner_id = shop.customer("Bench shop garage")

    def work(env):
        Position = env["backorder.position"]
        for index in range(count):
            product = env["product.product"].create({
                "name": "Bench shop part %d %s" % (index, shop.tag()),
                "type": "product", "sale_ok": True, "website_published": True,
                "list_price": 3.0})
            Position.create({"partner_id": partner_id, "product_id": product.id,
                             "product_qty": 2})
    shop.odoo_env(work)
    return login


def test_shop_page_figures(shop, counting_server):
    counting_url, log_path = counting_server
    in_stock = shop.product("Bench shop stocked part", stock=100000)
    queued = shop.product("Bench shop queued part")
    busy_login = _customer_with_positions(shop, POSITIONS)
    plain_login, _partner_id = shop.customer("Bench shop plain garage")

    def client(url, login):
        """A session of ``login`` on the server at ``url`` with an in-stock
        part in its cart."""
        session = Shop(url, shop.odoo_env).client(login)
        token = csrf_token(session.get(url + "/shop").text)
        session.post(url + "/shop/cart/update", data={
            "product_id": in_stock, "add_qty": 1, "csrf_token": token})
        return session

    def update_json(session, url, product_id):
        def request():
            answer = session.post(url + "/shop/cart/update_json", json={
                "jsonrpc": "2.0", "method": "call", "id": 1,
                "params": {"product_id": product_id, "add_qty": 1}})
            assert answer.status_code == 200 and "error" not in answer.json(), answer.text
        return request

    def get(session, url, path):
        def request():
            answer = session.get(url + path)
            assert answer.status_code == 200, (path, answer.status_code)
        return request

    rows = []
    for url in (shop.url, counting_url):
        busy, plain = client(url, busy_login), client(url, plain_login)
        pairs = [
            ("cart update, queued / in-stock part",
             update_json(busy, url, queued), update_json(busy, url, in_stock)),
            ("cart page, %d positions / none" % POSITIONS,
             get(busy, url, "/shop/cart"), get(plain, url, "/shop/cart")),
            ("My backorders / My orders",
             get(busy, url, "/my/backorders"), get(busy, url, "/my/orders")),
        ]
        if url == shop.url:
            rows = [[name, _median_ms(page), _median_ms(counterpart)]
                    for name, page, counterpart in pairs]
        else:
            for row, (_name, page, counterpart) in zip(rows, pairs):
                page(), counterpart()  # warm, as for the times
                row += [_statements(log_path, page), _statements(log_path, counterpart)]

    print("\nShop pages, real Odoo over HTTP (median of %d, ms; q = SQL statements)"
          % REPEAT)
    print("%-40s %10s %10s %7s %7s %7s %7s" % (
        "page / plain counterpart", "page", "plain", "x time", "page q", "plain q",
        "x q"))
    for name, page_ms, plain_ms, page_q, plain_q in rows:
        print("%-40s %8.0fms %8.0fms %7.2f %7d %7d %7.2f" % (
            name, page_ms, plain_ms, page_ms / plain_ms, page_q, plain_q,
            page_q / max(plain_q, 1)))
