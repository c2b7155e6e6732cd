"""The port check of setup/lib.sh (issue 15, item 1): the demo restarted at once
after Ctrl-C finds its port free while the last run's connections linger in
TIME_WAIT, as Odoo's own server (which binds with SO_REUSEADDR) would; a port
something listens on is still reported in use."""
import os
import socket
import subprocess

LIB = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                   "setup", "lib.sh")


def port_is_free(port):
    return subprocess.run(
        ["bash", "-c", '. "$0"; port_is_free "$1"', LIB, str(port)]).returncode == 0


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
