# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Fixtures for the top-level tests: a real Odoo HTTP server and a real Chromium.

setup/test.sh prepares the database the server runs on (a copy of the test database,
so the browser's commits never meet pytest-odoo's rolled-back transactions) and
passes it in BACKORDER_HTTP_DB with the Odoo configuration in BACKORDER_ODOO_CONF.
"""
import os

import pytest

from _server import ARTIFACTS, ServerFailed, start_odoo, stop_odoo


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
    try:
        process, url = start_odoo(
            _required_env("BACKORDER_ODOO_CONF"), _required_env("BACKORDER_HTTP_DB"),
            os.path.join(ARTIFACTS, "odoo-http.log"))
    except ServerFailed as error:
        pytest.fail(str(error))
    try:
        yield url
    finally:
        stop_odoo(process)


@pytest.fixture(scope="module")
def counting_server():
    """A second server on the same database that logs every SQL statement:
    (base URL, log path), for :func:`_server.statements`."""
    log_path = os.path.join(ARTIFACTS, "odoo-sql.log")
    if os.path.exists(log_path):
        os.remove(log_path)
    process, url = start_odoo(
        _required_env("BACKORDER_ODOO_CONF"), _required_env("BACKORDER_HTTP_DB"), log_path,
        "--log-handler=odoo.sql_db:DEBUG")
    yield url, log_path
    stop_odoo(process)


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


@pytest.fixture(scope="session")
def shop(odoo_server, odoo_env):
    """Builds committed shop data and logged-in HTTP clients (see _shop.py)."""
    from _shop import Shop
    return Shop(odoo_server, odoo_env)
