"""Fixtures for the top-level tests: a real Odoo HTTP server and a real Chromium.

setup/test.sh prepares the database the server runs on (a copy of the test database,
so the browser's commits never meet pytest-odoo's rolled-back transactions) and
passes it in BACKORDER_HTTP_DB with the Odoo configuration in BACKORDER_ODOO_CONF.
"""
import os
import socket
import subprocess
import sys
import time
import urllib.request
import uuid

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ARTIFACTS = os.path.join(ROOT, "artifacts")
SERVER_START_TIMEOUT = 180  # the first request compiles the website's assets


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _required_env(name):
    value = os.environ.get(name)
    if not value:
        pytest.fail("%s is not set: run the tests through setup/test.sh" % name)
    return value


@pytest.fixture(scope="session")
def artifacts_dir():
    path = os.path.join(ARTIFACTS, "browser")
    os.makedirs(path, exist_ok=True)
    return path


@pytest.fixture(scope="session")
def odoo_server():
    """Base URL of an Odoo server started for this test session, stopped after it."""
    conf = _required_env("BACKORDER_ODOO_CONF")
    database = _required_env("BACKORDER_HTTP_DB")
    port = _free_port()
    os.makedirs(ARTIFACTS, exist_ok=True)
    log_path = os.path.join(ARTIFACTS, "odoo-http.log")
    env = dict(os.environ, TZ="UTC",
               PATH=os.path.dirname(sys.executable) + os.pathsep + os.environ["PATH"])
    process = subprocess.Popen(
        [sys.executable, os.path.join(ROOT, "setup", "odoo-bin"), "-c", conf,
         "-d", database, "--db-filter=^%s$" % database, "--http-port=%d" % port,
         "--max-cron-threads=0", "--log-level=warn", "--logfile=%s" % log_path],
        env=env)
    url = "http://127.0.0.1:%d" % port
    try:
        _wait_until_serving(url + "/web/login", process, log_path)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()


def _wait_until_serving(url, process, log_path):
    deadline = time.time() + SERVER_START_TIMEOUT
    while time.time() < deadline:
        if process.poll() is not None:
            pytest.fail("Odoo exited with %s, see %s" % (process.returncode, log_path))
        try:
            # One request at a time, however long it takes: a request given up
            # while Odoo still loads its registry would make a second thread
            # load it concurrently, and that import race breaks the registry.
            with urllib.request.urlopen(url, timeout=max(deadline - time.time(), 1)) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    pytest.fail("Odoo did not answer %s within %ss" % (url, SERVER_START_TIMEOUT))


@pytest.fixture(scope="session")
def browser(tmp_path_factory):
    """Headless Debian Chromium driven by selenium; nothing is downloaded."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu",
                 "--disable-dev-shm-usage", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--window-size=1280,1000",
                 "--user-data-dir=%s" % tmp_path_factory.mktemp("chromium-profile")):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(120)
    yield driver
    driver.quit()


@pytest.fixture(scope="session")
def registry():
    """The Odoo registry of the test server's database, for tests that commit
    the data they then look at through HTTP or a browser."""
    import odoo
    return odoo.registry(_required_env("BACKORDER_HTTP_DB"))


@pytest.fixture(scope="session")
def odoo_env(registry):
    """``odoo_env(work)`` runs ``work(env)`` as superuser in a transaction of
    its own, commits it and returns what ``work`` returned."""
    import odoo

    def run(work):
        with odoo.api.Environment.manage(), registry.cursor() as cr:
            return work(odoo.api.Environment(cr, odoo.SUPERUSER_ID, {}))
    return run


class Shop(object):
    """Builds committed shop data (products with real stock, customers with
    portal logins) and logs HTTP clients in, for the HTTP and browser tests."""

    def __init__(self, url, odoo_env):
        self.url = url
        self.odoo_env = odoo_env

    @staticmethod
    def tag():
        return uuid.uuid4().hex[:8]

    def product(self, name, stock=0, **values):
        """A published stocked part with ``stock`` pieces received; its id."""
        from odoo.addons.backorder_reservation.tests.common import validate_receipt

        def work(env):
            product = env["product.product"].create(dict(
                dict(type="product", sale_ok=True, website_published=True,
                     list_price=12.5),
                name="%s %s" % (name, self.tag()), **values))
            if stock:
                validate_receipt(env, product, stock)
            return product.id
        return self.odoo_env(work)

    def receive(self, product_id, qty):
        from odoo.addons.backorder_reservation.tests.common import validate_receipt
        self.odoo_env(lambda env: validate_receipt(
            env, env["product.product"].browse(product_id), qty) and None)

    def customer(self, name="Garage", eligible=True):
        """A portal user whose password is its login, eligible for reservations
        through an order confirmed today; returns (login, partner id)."""
        login = "%s-%s" % (name.lower().replace(" ", "-"), self.tag())

        def work(env):
            user = env["res.users"].with_context(no_reset_password=True).create({
                "name": "%s %s" % (name, login[-8:]), "login": login, "password": login,
                "email": "%s@example.com" % login,
                "groups_id": [(6, 0, [env.ref("base.group_portal").id])],
            })
            if eligible:
                service = env["product.product"].create({
                    "name": "Service for %s" % login, "type": "service"})
                order = env["sale.order"].create({
                    "partner_id": user.partner_id.id,
                    "order_line": [(0, 0, {"product_id": service.id, "name": "Service",
                                           "product_uom_qty": 1, "price_unit": 1.0})],
                })
                order.action_confirm()
            return login, user.partner_id.id
        return self.odoo_env(work)

    def positions(self, **domain):
        """[(name, product_qty, qty_assigned, qty_done, state)] matching
        ``domain`` (field=value), oldest first."""
        def work(env):
            found = env["backorder.position"].search(
                [(field, "=", value) for field, value in domain.items()])
            return [(p.name, p.product_qty, p.qty_assigned, p.qty_done, p.state)
                    for p in found]
        return self.odoo_env(work)

    def client(self, login=None):
        """A requests session, logged in as ``login`` unless None (a visitor)."""
        import requests
        session = requests.Session()
        if login:
            page = session.get(self.url + "/web/login")
            response = session.post(self.url + "/web/login", data={
                "login": login, "password": login, "redirect": "/my/home",
                "csrf_token": csrf_token(page.text)}, allow_redirects=False)
            # Odoo 11 answers a successful login with a page that redirects
            # by script; a failed one shows the login form again.
            assert "oe_login_form" not in response.text, "login %s failed" % login
        return session


def csrf_token(html):
    """The CSRF token of the first form of an Odoo page."""
    import re
    match = re.search(r'name="csrf_token"\s+value="([^"]+)"', html)
    assert match, "the page has no CSRF token"
    return match.group(1)


@pytest.fixture(scope="session")
def shop(odoo_server, odoo_env):
    return Shop(odoo_server, odoo_env)
