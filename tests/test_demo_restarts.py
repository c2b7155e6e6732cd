# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The demo command, started and stopped 20 times in a row (issue 15, item 1):
every start serves /web/login and /shop, asked for the moment the port opens,
as a browser left open on the shop would.

Once in about seven starts the served shop used to answer HTTP 500 on every
page ("'website' object has no attribute 'sale_get_order'") until restarted.
Odoo 11 opens its port before it loads the database's registry; the first
request then imported every addon in the HTTP thread while the main thread
imported the installed ones for the registry, and a concurrent circular
import handed the registry a half-imported website_sale.

The test runs ``setup/demo.sh`` itself, on a database and port of its own, in
the cluster setup/test.sh started, and stops it as Ctrl-C does: SIGINT to its
process group."""
import os
import shutil
import signal
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request

from _server import ARTIFACTS, ROOT, free_port

RESTARTS = 20
DEMO_DB = "backorder_demo_restarts"
START_TIMEOUT = 600  # the first start installs the addon
PAGE_TIMEOUT = 300  # the first request compiles the website's assets


def _wait_for_port(port, demo, deadline):
    while time.time() < deadline:
        if demo.poll() is not None:
            return False
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return True
        except OSError:
            time.sleep(0.02)
    return False


def _get(url, answers):
    try:
        with urllib.request.urlopen(url, timeout=PAGE_TIMEOUT) as response:
            answers[url] = (response.status, response.read())
    except urllib.error.HTTPError as error:
        answers[url] = (error.code, error.read())
    except OSError as error:
        answers[url] = (None, repr(error).encode())


def _ask_at_once(port):
    """{path: (status, body)} of /web/login and /shop asked in parallel."""
    answers = {}
    urls = ["http://127.0.0.1:%d%s" % (port, path) for path in ("/web/login", "/shop")]
    threads = [threading.Thread(target=_get, args=(url, answers)) for url in urls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return {url.split(str(port), 1)[1]: answer for url, answer in answers.items()}


def _stop_like_ctrl_c(demo):
    """Whether SIGINT to the demo's process group stopped it within 2 minutes."""
    os.killpg(demo.pid, signal.SIGINT)
    try:
        demo.wait(timeout=120)
        return True
    except subprocess.TimeoutExpired:
        os.killpg(demo.pid, signal.SIGKILL)
        demo.wait()
        return False


def _drop_demo_database():
    subprocess.run(["bash", "-c", '. "$0"; db_drop "$1"',
                    os.path.join(ROOT, "setup", "lib.sh"), DEMO_DB], check=True)


def test_every_start_of_the_demo_serves():
    log_dir = os.path.join(ARTIFACTS, "demo-restarts")
    shutil.rmtree(log_dir, ignore_errors=True)
    os.makedirs(log_dir)
    _drop_demo_database()
    port = free_port()
    env = dict(os.environ, BACKORDER_DEMO_DB=DEMO_DB, BACKORDER_HTTP_PORT=str(port))
    failures = []
    try:
        for start in range(1, RESTARTS + 1):
            log_path = os.path.join(log_dir, "start-%02d.log" % start)
            with open(log_path, "wb") as log:
                demo = subprocess.Popen([os.path.join(ROOT, "setup", "demo.sh")],
                                        stdout=log, stderr=subprocess.STDOUT,
                                        env=env, start_new_session=True)
            try:
                if not _wait_for_port(port, demo, time.time() + START_TIMEOUT):
                    failures.append("start %d: never listened on %d (exit %s), see %s"
                                    % (start, port, demo.poll(), log_path))
                    continue
                answers = _ask_at_once(port)
            finally:
                stopped = _stop_like_ctrl_c(demo)
            login_status, login_page = answers["/web/login"]
            shop_status, shop_page = answers["/shop"]
            if login_status != 200 or b'name="login"' not in login_page:
                failures.append("start %d: /web/login answered %s, see %s"
                                % (start, login_status, log_path))
            if shop_status != 200 or b"oe_website_sale" not in shop_page:
                failures.append("start %d: /shop answered %s, see %s"
                                % (start, shop_status, log_path))
            if not stopped:
                failures.append("start %d: Ctrl-C did not stop the demo" % start)
    finally:
        _drop_demo_database()
    assert not failures, "\n".join(failures)
