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
    env = dict(os.environ, TZ="UTC",
               PATH=os.path.dirname(sys.executable) + os.pathsep + os.environ["PATH"])
    process = subprocess.Popen(
        [sys.executable, os.path.join(ROOT, "setup", "odoo-bin"), "-c", conf,
         "-d", database, "--db-filter=^%s$" % database, "--http-port=%d" % port,
         "--max-cron-threads=0", "--log-level=warn", "--logfile=%s" % log_path]
        + list(options), env=env)
    url = "http://127.0.0.1:%d" % port
    try:
        _wait_until_serving(url + "/web/login", process, log_path)
    except ServerFailed:
        stop_odoo(process)
        raise
    return process, url


def stop_odoo(process):
    process.terminate()
    try:
        process.wait(timeout=60)
    except subprocess.TimeoutExpired:
        process.kill()


def _wait_until_serving(url, process, log_path):
    deadline = time.time() + SERVER_START_TIMEOUT
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
