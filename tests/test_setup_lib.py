# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Functions of setup/lib.sh (issue 15, item 1). The port check: the demo
restarted at once after Ctrl-C finds its port free while the last run's
connections linger in TIME_WAIT, as Odoo's own server (which binds with
SO_REUSEADDR) would; a port something listens on is still reported in use. The
progress of a long install: the module Odoo is at, shown as it goes. apt
waits for another apt or dpkg process instead of failing."""
import fcntl
import os
import re
import socket
import subprocess
import threading
import time

import pytest

LIB = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                   "setup", "lib.sh")


def lib(function, *args, **options):
    """Run the function of setup/lib.sh with ``args``; the finished process."""
    return subprocess.run(["bash", "-c", '. "$0"; "$@"', LIB, function] + list(args),
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          universal_newlines=True, **options)


def port_is_free(port):
    return lib("port_is_free", str(port)).returncode == 0


def test_a_port_in_time_wait_is_free():
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    port = listener.getsockname()[1]
    client = socket.create_connection(("127.0.0.1", port))
    served, _address = listener.accept()
    # The server side closes first, as Odoo does when it stops: its end of the
    # connection, on the server's port, waits in TIME_WAIT.
    served.close()
    client.recv(1)
    client.close()
    listener.close()
    assert port_is_free(port)


def test_a_port_someone_listens_on_is_in_use():
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    try:
        assert not port_is_free(listener.getsockname()[1])
    finally:
        listener.close()


def test_the_progress_of_an_install_shows_each_module_reached(tmp_path):
    """A stand-in for Odoo logs three modules, the way its install does."""
    log = tmp_path / "install.log"
    log.write_text("")
    script = """
        set -euo pipefail  # as setup/test.sh and setup/demo.sh run
        . "$0"
        n=0
        for module in base web sale; do
            sleep 0.3
            echo "2026-11-26 01:00:00,000 1 DEBUG tmpl odoo.modules.loading:" \
                 "loading module $module ($((++n))/3)" >>"$1"
        done &
        show_progress "$1" $! 0.1"""
    shown = subprocess.run(["bash", "-c", script, LIB, str(log)],
                           stderr=subprocess.PIPE, universal_newlines=True, timeout=30)
    said = re.sub(r"\x1b\[[0-9;]*m", "", shown.stderr).splitlines()
    assert [line for line in said if "module" in line] == [
        "[backorder] installing module 1 of 3: base",
        "[backorder] installing module 2 of 3: web",
        "[backorder] installing module 3 of 3: sale"]


def test_the_progress_shows_the_module_logged_just_before_the_install_ended(tmp_path):
    """The install logs its last module and exits between two looks at the
    log (CI saw "3 of 3" missing once): the progress still reports where it
    ended. Here the stand-in has ended before the first look, the widest
    form of that window."""
    log = tmp_path / "install.log"
    log.write_text("")
    script = """
        set -euo pipefail
        . "$0"
        echo "2026-11-26 01:00:00,000 1 DEBUG tmpl odoo.modules.loading:" \
             "loading module sale (3/3)" >>"$1" &
        pid=$!
        wait $pid
        show_progress "$1" $pid 0.1"""
    shown = subprocess.run(["bash", "-c", script, LIB, str(log)],
                           stderr=subprocess.PIPE, universal_newlines=True, timeout=30)
    said = re.sub(r"\x1b\[[0-9;]*m", "", shown.stderr).splitlines()
    assert [line for line in said if "module" in line] == [
        "[backorder] installing module 3 of 3: sale"]


@pytest.mark.skipif(os.geteuid() != 0, reason="apt takes its locks as root only")
def test_apt_waits_for_another_apt_process_to_finish():
    """Another apt process (an unattended upgrade, a second set-up) holds the
    dpkg lock for a few seconds: the set-up's apt-get waits for it, where
    plain apt-get stops at once with "Could not get lock"."""
    lock_path = "/var/lib/dpkg/lock"
    held_for = 4

    def hold_lock(locked):
        with open(lock_path, "w") as lock:
            fcntl.lockf(lock, fcntl.LOCK_EX)
            locked.set()
            time.sleep(held_for)

    for command, succeeds in ((["apt-get", "check"], False),
                              (["bash", "-c", '. "$0"; apt_get check', LIB], True)):
        locked = threading.Event()
        holder = threading.Thread(target=hold_lock, args=(locked,))
        holder.start()
        locked.wait(5)
        started = time.time()
        done = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              universal_newlines=True, timeout=120)
        holder.join()
        assert (done.returncode == 0) == succeeds, done.stderr
        if succeeds:
            assert time.time() - started >= held_for - 1
        else:
            assert "Could not get lock" in done.stderr
