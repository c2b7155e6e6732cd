# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A mixed load on Odoo's prefork server (2 HTTP workers), counting deadlocks,
retries and HTTP 500s, then checking SPEC's invariants.

Usage, from the repository root (sets up the test database like the tests)::

    setup/test.sh tests/benchmarks/load_mixed.py -s

Customers use the shop over HTTP (basket requests of parts in and out of stock,
"+1" on the cart page); staff use XML-RPC as admin (stock arriving through
"Update Quantity", backend orders confirmed, customers' carts confirmed, orders
and positions cancelled). CLIENTS threads send OPERATIONS operations in all, in
a seeded random mix. Odoo logs every retry of a request that failed with a
serialization error or a deadlock ("<error>, retry <n>/5"); the script reads
the server's log and prints how many requests needed how many attempts.

The same mix runs twice in one run, and a table shows both side by side:

- *addon*: the test server's database, the addons installed;
- *plain Odoo*: a copy of the template database (website_sale, sale_stock,
  purchase, demo data) without the addons, served the same way. What only the
  addon offers becomes its nearest plain counterpart: "+1" reads the cart
  page, cancelling a position does nothing. The retries and deadlocks left
  there are Odoo's own under this load.

Goal (issue "Hostile input and parallel clicks"): 0 deadlocks, 0 HTTP 500, no
request needing more than 2 attempts, every invariant kept. It prints figures;
it is not a timed test. LOAD_OPERATIONS and LOAD_SEED change the run;
LOAD_MODES=addon (or =plain) runs one of the two.
"""
import collections
import os
import random
import re
import threading
import time
import xmlrpc.client

import subprocess

import pytest

from odoo.service.wsgi_server import RPC_FAULT_CODE_WARNING

from _invariants import broken_invariants
from _server import ARTIFACTS, ROOT, free_port, start_odoo, stop_odoo
from _shop import Shop, csrf_token

OPERATIONS = int(os.environ.get("LOAD_OPERATIONS", 2700))
SEED = int(os.environ.get("LOAD_SEED", 11))
MODES = os.environ.get("LOAD_MODES", "addon,plain").split(",")
LIB = os.path.join(ROOT, "setup", "lib.sh")
CLIENTS = 4
CUSTOMERS = 12
PARTS = 4
MIX = (("basket", 30), ("plus_one", 20), ("receipt", 12), ("backend_sale", 12),
       ("confirm_cart", 10), ("cancel_order", 8), ("cancel_position", 8))
RETRY_LINE = re.compile(r"(\w+), retry (\d)/\d in")
# The statement that failed, logged by odoo.sql_db before Odoo retries.
BAD_QUERY = re.compile(
    r"bad query: b['\"](?:\\n|\s)*(?:UPDATE|INSERT INTO|DELETE FROM|SELECT .*? FROM) \"?(\w+)")


def lib(*command):
    """Run a function of setup/lib.sh with ``command``'s arguments."""
    subprocess.run(["bash", "-c", '. "$0"; "$@"', LIB] + list(command), check=True,
                   stdout=subprocess.PIPE, universal_newlines=True)


# What each mode's run met, for the table that compares them.
RESULTS = collections.OrderedDict()


@pytest.fixture(scope="module", params=MODES)
def mode(request):
    return request.param


@pytest.fixture(scope="module")
def load_database(mode):
    """The database the load runs on: the test server's, or for plain Odoo a
    copy of the template database without the addons (dropped afterwards)."""
    if mode == "addon":
        yield os.environ["BACKORDER_HTTP_DB"]
        return
    database = os.environ["BACKORDER_HTTP_DB"] + "_baseline"
    template = subprocess.run(["bash", "-c", '. "$0"; template_db_name', LIB], check=True,
                              stdout=subprocess.PIPE, universal_newlines=True).stdout.strip()
    lib("db_clone", template, database)
    try:
        yield database
    finally:
        # this process's own connections to it (load_env's) go first
        import odoo
        odoo.modules.registry.Registry.delete(database)
        odoo.sql_db.close_db(database)
        lib("db_drop", database)


@pytest.fixture(scope="module")
def load_env(load_database):
    """``load_env(work)``: ``work(env)`` as superuser on the load's database,
    committed (as the ``odoo_env`` fixture does for the test server's)."""
    import odoo
    registry = odoo.registry(load_database)

    def run(work):
        with odoo.api.Environment.manage(), registry.cursor() as cr:
            return work(odoo.api.Environment(cr, odoo.SUPERUSER_ID, {}))
    return run


@pytest.fixture(scope="module")
def prefork_server(mode, load_database):
    """(URL, log path) of an Odoo with 2 HTTP workers on the load's database,
    logging its retries (artifacts/odoo-load-<mode>.log, kept for reading)."""
    log_path = os.path.join(ARTIFACTS, "odoo-load-%s.log" % mode)
    if os.path.exists(log_path):
        os.remove(log_path)
    process, url = start_odoo(
        os.environ["BACKORDER_ODOO_CONF"], load_database, log_path,
        "--workers=2", "--longpolling-port=%d" % free_port(),
        "--log-handler=odoo.service.model:INFO")
    try:
        yield url, log_path
    finally:
        stop_odoo(process)


class Load(object):
    """The shop's customers and staff, and what they met."""

    def __init__(self, url, shop, database, plain):
        self.url = url
        self.database = database
        self.plain = plain  # plain Odoo: no positions, no "+1"
        self.parts = [self.part(shop, "Load part %d" % index, stock)
                      for index, stock in enumerate([0, 0, 3, 6][:PARTS])]
        self.customers = []
        for index in range(CUSTOMERS):
            login, partner = shop.customer("Load garage %d" % index)
            client = shop.client(login)
            token = csrf_token(client.get(url + "/shop").text)
            self.customers.append((client, token, partner))
        self.counts = collections.Counter()
        self.lock = threading.Lock()
        self.admin_uid = xmlrpc.client.ServerProxy(url + "/xmlrpc/2/common").authenticate(
            database, "admin", "admin", {})

    @staticmethod
    def part(shop, name, stock):
        """A published stocked part with ``stock`` pieces counted in, with
        Odoo's own "Update Quantity" (the baseline has no addon helpers)."""
        def work(env):
            product = env["product.product"].create({
                "name": "%s %s" % (name, shop.tag()), "type": "product", "sale_ok": True,
                "website_published": True, "list_price": 12.5})
            if stock:
                wizard = env["stock.change.product.qty"].create(
                    {"product_id": product.id, "new_quantity": stock})
                wizard.change_product_qty()
            return product.id
        return shop.odoo_env(work)

    def count(self, what):
        with self.lock:
            self.counts[what] += 1

    def rpc(self, model, method, *args, **kwargs):
        proxy = xmlrpc.client.ServerProxy(self.url + "/xmlrpc/2/object", allow_none=True)
        return proxy.execute_kw(self.database, self.admin_uid, "admin", model, method,
                                list(args), kwargs)

    # ------------------------------------------------------------ operations
    def basket(self, rng):
        client, token, _partner = rng.choice(self.customers)
        response = client.post(self.url + "/shop/cart/update", data={
            "product_id": rng.choice(self.parts), "add_qty": rng.randint(1, 3),
            "csrf_token": token})
        return response.status_code

    def plus_one(self, rng):
        client, token, _partner = rng.choice(self.customers)
        page = client.get(self.url + "/shop/cart")
        if page.status_code != 200 or self.plain:
            return page.status_code
        movable = re.findall(r'name="position_id" value="(\d+)"', page.text)
        if not movable:
            return 200
        return client.post(self.url + "/shop/backorder/add_one", data={
            "position_id": rng.choice(movable), "csrf_token": token}).status_code

    def receipt(self, rng):
        product = rng.choice(self.parts)
        wizard = self.rpc("stock.change.product.qty", "create", {"product_id": product})
        [values] = self.rpc("stock.change.product.qty", "read", [wizard], ["location_id"])
        [on_hand] = self.rpc("product.product", "read", [product], ["qty_available"],
                             context={"location": values["location_id"][0]})
        self.rpc("stock.change.product.qty", "write", [wizard], {
            "new_quantity": on_hand["qty_available"] + rng.randint(1, 4)})
        self.rpc("stock.change.product.qty", "change_product_qty", [wizard])

    def backend_sale(self, rng):
        _client, _token, partner = rng.choice(self.customers)
        order = self.rpc("sale.order", "create", {
            "partner_id": partner, "order_line": [(0, 0, {
                "product_id": rng.choice(self.parts), "product_uom_qty": rng.randint(1, 2)})]})
        self.rpc("sale.order", "action_confirm", [order])

    def confirm_cart(self, rng):
        _client, _token, partner = rng.choice(self.customers)
        carts = self.rpc("sale.order", "search", [
            ("partner_id", "=", partner), ("state", "=", "draft"),
            ("order_line", "!=", False)], limit=1)
        if carts:
            self.rpc("sale.order", "action_confirm", carts)

    def cancel_order(self, rng):
        orders = self.rpc("sale.order", "search", [
            ("partner_id", "in", [partner for _c, _t, partner in self.customers]),
            ("state", "=", "sale"), ("order_line.product_id", "in", self.parts)])
        if orders:
            self.rpc("sale.order", "action_cancel", [rng.choice(orders)])

    def cancel_position(self, rng):
        if self.plain:
            return None
        positions = self.rpc("backorder.position", "search", [
            ("product_id", "in", self.parts), ("state", "in", ["waiting", "assigned"])])
        if positions:
            self.rpc("backorder.position", "action_cancel", [rng.choice(positions)])

    def run(self, worker, operations):
        rng = random.Random(SEED * 100 + worker)
        names = [name for name, weight in MIX for _ in range(weight)]
        for _index in range(operations):
            name = rng.choice(names)
            try:
                status = getattr(self, name)(rng)
            except xmlrpc.client.Fault as fault:
                # A refusal (UserError, ValidationError: Odoo's warning fault
                # code) is an answer, e.g. cancelling a position another client
                # closed meanwhile; anything else is a failure.
                kind = "refused" if fault.faultCode == RPC_FAULT_CODE_WARNING \
                    else "rpc failure"
                self.count(kind)
                if kind == "rpc failure":
                    self.count("rpc failure: %s" % fault.faultString.strip().splitlines()[-1])
                continue
            self.count(name)
            if status is not None and status >= 500:
                self.count("HTTP %d" % status)


def retries_by_table(log_text):
    """{table: [attempt that failed, for each retry]} from the server's log."""
    tables = collections.defaultdict(list)
    table = "?"
    for line in log_text.splitlines():
        failed = BAD_QUERY.search(line)
        if failed:
            table = failed.group(1)
        retry = RETRY_LINE.search(line)
        if retry:
            tables[table].append(int(retry.group(2)))
            table = "?"
    return tables


def test_mixed_load(mode, prefork_server, load_env, load_database):
    url, log_path = prefork_server
    plain = mode == "plain"
    load = Load(url, Shop(url, load_env), load_database, plain)
    share = OPERATIONS // CLIENTS
    started = time.time()
    threads = [threading.Thread(target=load.run, args=(worker, share))
               for worker in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.time() - started
    with open(log_path) as log:
        text = log.read()
    retries = collections.Counter(
        (error, int(attempt)) for error, attempt in RETRY_LINE.findall(text))
    by_table = retries_by_table(text)
    deadlocks = text.count("ERROR: deadlock detected")  # one line per failed statement
    given_up = text.count("maximum number of tries reached")
    broken = [] if plain else load_env(lambda env: broken_invariants(env, load.parts))
    print("\nmixed load%s: %d operations from %d clients on 2 workers in %.0f s"
          % (" on plain Odoo" if plain else "", share * CLIENTS, CLIENTS, elapsed))
    for name, count in sorted(load.counts.items()):
        print("  %-60s %6d" % (name, count))
    print("  retries by error and attempt:")
    for (error, attempt), count in sorted(retries.items()):
        print("    %-30s attempt %d: %5d" % (error, attempt + 1, count))
    print("  retries by the table of the statement that failed (most attempts):")
    for table, attempts in sorted(by_table.items()):
        print("    %-30s %5d (%d)" % (table, len(attempts), max(attempts) + 1))
    most = max([attempt + 1 for _e, attempt in retries] or [1])
    print("  deadlocks: %d; requests given up after 5 tries: %d; most attempts of a "
          "request: %d; HTTP 500: %d; RPC failures: %d; broken invariants: %d" % (
              deadlocks, given_up, most, load.counts["HTTP 500"], load.counts["rpc failure"],
              len(broken)))
    for item in broken:
        print("    broken: %s: %s" % item)
    RESULTS[mode] = collections.OrderedDict([
        ("deadlocks", deadlocks), ("retries", sum(retries.values())),
        ("requests needing 3+ attempts",
         sum(count for (_e, attempt), count in retries.items() if attempt == 2)),
        ("most attempts of a request", most), ("given up after 5 tries", given_up),
        ("HTTP 500", load.counts["HTTP 500"]), ("RPC failures", load.counts["rpc failure"]),
        ("seconds", round(elapsed)),
    ])
    assert not broken


def test_side_by_side():
    """The figures of both modes in one table (after both ran)."""
    if len(RESULTS) < 2:
        pytest.skip("one mode ran (LOAD_MODES)")
    modes = list(RESULTS)
    print("\nmixed load, %d operations, seed %d, side by side:" % (OPERATIONS, SEED))
    print("  %-32s %s" % ("", "".join("%12s" % name for name in modes)))
    for figure in RESULTS[modes[0]]:
        print("  %-32s %s" % (figure, "".join(
            "%12s" % RESULTS[name][figure] for name in modes)))
