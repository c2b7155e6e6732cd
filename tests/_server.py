# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A real Odoo server for the tests and benchmarks that talk to it over HTTP:
started on a free port of 127.0.0.1 on a database of setup/test.sh's, stopped
afterwards."""
import os
import socket
import subprocess
import sys
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ARTIFACTS = os.path.join(ROOT, "artifacts")
SERVER_START_TIMEOUT = 180  # the first request compiles the website's assets
REGISTRY_LOADED = b"odoo.modules.loading: Modules loaded."
# What a server started with --log-handler=odoo.sql_db:DEBUG logs per statement.
SQL_LINE = "odoo.sql_db: query:"


class ServerFailed(Exception):
    pass


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_odoo(conf, database, log_path, *options):
    """(process, base URL) of an Odoo serving ``database`` with configuration
    file ``conf`` and extra command-line ``options``, once it answers."""
    port = free_port()
    os.makedirs(os.path.dirname(log_path), exist_ok=True)
    log_start = os.path.getsize(log_path) if os.path.exists(log_path) else 0
    env = dict(os.environ, TZ="UTC",
               PATH=os.path.dirname(sys.executable) + os.pathsep + os.environ["PATH"])
    process = subprocess.Popen(
        [sys.executable, os.path.join(ROOT, "setup", "odoo-bin"), "-c", conf,
         "-d", database, "--db-filter=^%s$" % database, "--http-port=%d" % port,
         "--max-cron-threads=0", "--log-level=warn",
         # its line "Modules loaded." tells when the registry is ready
         "--log-handler=odoo.modules.loading:INFO", "--logfile=%s" % log_path]
        + list(options), env=env)
    url = "http://127.0.0.1:%d" % port
    try:
        _wait_until_serving(url + "/web/login", process, log_path, log_start)
    except ServerFailed:
        stop_odoo(process)
        raise
    return process, url


def statements(log_path, request):
    """SQL statements a server started with ``--log-handler=odoo.sql_db:DEBUG``
    logged to ``log_path`` while answering ``request()``."""
    def logged():
        with open(log_path, encoding="utf-8", errors="replace") as log:
            return log.read().count(SQL_LINE)
    before = logged()
    request()
    time.sleep(0.5)  # the log line of the last statement is flushed
    return logged() - before


def stop_odoo(process):
    process.terminate()
    try:
        process.wait(timeout=60)
    except subprocess.TimeoutExpired:
        process.kill()


def _registry_loaded(log_path, log_start):
    """Whether the server logging to ``log_path`` (from byte ``log_start`` on)
    has loaded its database's registry."""
    try:
        with open(log_path, "rb") as log:
            log.seek(log_start)
            return REGISTRY_LOADED in log.read()
    except OSError:
        return False


def _wait_until_serving(url, process, log_path, log_start):
    deadline = time.time() + SERVER_START_TIMEOUT
    # Odoo starts serving before it has loaded the registry of the database it
    # was given: a first request meanwhile imports the addons in a second
    # thread, and that import race leaves models out of the registry ("'website'
    # object has no attribute 'sale_get_order'" on every page). Ask only once
    # the registry is loaded.
    while not _registry_loaded(log_path, log_start):
        if process.poll() is not None:
            raise ServerFailed("Odoo exited with %s, see %s" % (process.returncode, log_path))
        if time.time() > deadline:
            raise ServerFailed("Odoo did not load %s within %ss" % (
                log_path, SERVER_START_TIMEOUT))
        time.sleep(0.5)
    while time.time() < deadline:
        if process.poll() is not None:
            raise ServerFailed("Odoo exited with %s, see %s" % (process.returncode, log_path))
        try:
            # One request at a time, however long it takes: a request given up
            # while Odoo still loads its registry would make a second thread
            # load it concurrently, and that import race breaks the registry.
            timeout = max(deadline - time.time(), 1)
            with urllib.request.urlopen(url, timeout=timeout) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise ServerFailed("Odoo did not answer %s within %ss" % (url, SERVER_START_TIMEOUT))
