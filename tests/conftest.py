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


@pytest.fixture(scope="session")
def shop(odoo_server, odoo_env):
    """Builds committed shop data and logged-in HTTP clients (see _shop.py)."""
    from _shop import Shop
    return Shop(odoo_server, odoo_env)
