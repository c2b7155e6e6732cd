# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
# shellcheck shell=bash
# Shared by setup/bootstrap.sh, setup/demo.sh and setup/test.sh: paths, the virtualenv,
# the embedded PostgreSQL cluster, Odoo configuration and database helpers.
# Everything the project makes lives in ignored folders of the checkout:
#   .venv/  Python 3.7 virtualenv, lessc, stamp files
#   .pg/    embedded PostgreSQL cluster (data, socket, log, port)
#   .run/   Odoo configuration files, filestore, server logs
#   artifacts/  screenshots and logs written by the tests

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
VENV=${BACKORDER_VENV:-$ROOT/.venv}
RUN_DIR=$ROOT/.run
PG_DIR=$ROOT/.pg
PG_BIN=${BACKORDER_PG_BIN:-/usr/lib/postgresql/15/bin}
# Odoo modules every database of the project starts from (purchase for the
# bridge addon backorder_reservation_purchase).
BASE_MODULES=website_sale,sale_stock,sale_management,purchase
# The addon, and all of the repository's addons, which the test and demo
# databases install (the bridge brings the addon in as its dependency).
# shellcheck disable=SC2034  # used by the scripts that source this file
ADDON=backorder_reservation
# shellcheck disable=SC2034
ADDONS="backorder_reservation backorder_reservation_purchase"

say() { printf '\033[1m[backorder]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[backorder] error:\033[0m %s\n' "$*" >&2; exit 1; }

# --------------------------------------------------------------------- set-up
find_python37() {
    local candidate
    for candidate in "${BACKORDER_PYTHON:-}" "$(command -v python3.7 2>/dev/null)" \
            "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.7.*/bin/python3.7 \
            /root/.pyenv/versions/3.7.*/bin/python3.7; do
        if [ -n "$candidate" ] && [ -x "$candidate" ] \
                && "$candidate" -c 'import sys, venv; assert sys.version_info[:2] == (3, 7)' 2>/dev/null; then
            echo "$candidate"
            return 0
        fi
    done
    return 1
}

# Debian packages: a headless browser for the browser tests, PostgreSQL 15 for the
# embedded cluster, wkhtmltopdf for Odoo's PDF documents (a wire-transfer checkout
# e-mails the quotation as a PDF). Installed only when missing (apt needs root).
ensure_system_packages() {
    local missing=()
    command -v chromium >/dev/null || missing+=(chromium)
    command -v chromedriver >/dev/null || missing+=(chromium-driver)
    if [ -z "${BACKORDER_DB_HOST:-}" ] && [ ! -x "$PG_BIN/initdb" ]; then
        missing+=(postgresql-15)
    fi
    command -v npm >/dev/null || missing+=(npm)
    command -v wkhtmltopdf >/dev/null || missing+=(wkhtmltopdf)
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" != 0 ]; then
        die "missing Debian packages: ${missing[*]} (run as root, or: sudo apt-get install ${missing[*]})"
    fi
    say "installing Debian packages: ${missing[*]}"
    apt_get update -qq
    apt_get install -y -qq --no-install-recommends "${missing[@]}" fonts-dejavu-core
}

# apt_get ARGS...: apt-get that waits, up to 10 minutes, while another apt or
# dpkg process (an unattended upgrade, a second set-up) holds its locks, instead
# of failing at once: dpkg's own lock timeout covers installs, and the update's
# lists lock (which ignores it) is tried again every few seconds.
apt_get() {
    local waited=0 output
    while true; do
        if output=$(DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 "$@" 2>&1); then
            return 0
        fi
        if ! grep -q "Could not get lock" <<<"$output" || [ "$waited" -ge 600 ]; then
            printf '%s\n' "$output" >&2
            return 1
        fi
        [ "$waited" -eq 0 ] && say "another apt or dpkg process holds its lock: waiting for it"
        sleep 3
        waited=$((waited + 3))
    done
}

# install_pinned VENV REQUIREMENTS [PIP ARGS...]: the Python 3.7 virtualenv VENV
# with the packages of REQUIREMENTS (every one pinned) installed with --no-deps;
# done again only when REQUIREMENTS changed (a stamp per requirements file, so
# that one virtualenv can take several).
install_pinned() {
    local venv=$1 requirements=$2 python stamp want
    shift 2
    want=$(sha256sum <"$requirements" | cut -c1-16)
    stamp=$venv/.$(basename "$requirements" .txt).sha
    if [ -x "$venv/bin/python" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then
        return 0
    fi
    if [ ! -x "$venv/bin/python" ]; then
        python=$(find_python37) || die "Python 3.7 not found: Odoo 11 needs it. Install it \
(e.g. 'pyenv install 3.7.16') or point BACKORDER_PYTHON at a python3.7 binary."
        say "creating the virtualenv $venv with $python"
        "$python" -m venv "$venv"
    fi
    say "installing pinned Python packages ($(basename "$requirements"))"
    # setuptools < 58 builds feedparser 5.2.1 (use_2to3) without build isolation.
    # (the grep drops pip's notes about index folders this machine lacks)
    "$venv/bin/pip" install -q --disable-pip-version-check pip==24.0 setuptools==47.1.0 \
        wheel==0.42.0 2> >(grep -v 'is ignored: it is neither' >&2)
    "$venv/bin/pip" install -q --disable-pip-version-check --no-deps "$@" \
        -r "$requirements" 2> >(grep -v 'is ignored: it is neither' >&2)
    echo "$want" >"$stamp"
}

ensure_venv() {
    install_pinned "$VENV" "$ROOT/requirements.txt" --no-build-isolation
    install_pinned "$VENV" "$ROOT/setup/requirements-wheel.txt"
}

# Odoo 11 compiles the website's LESS with lessc found on PATH.
ensure_lessc() {
    if "$VENV/bin/lessc" --version 2>/dev/null | grep -q 'lessc 3.0.4'; then
        return 0
    fi
    say "installing lessc 3.0.4 (npm) into $VENV/node"
    npm install --silent --no-audit --no-fund --omit=optional --prefix "$VENV/node" less@3.0.4 >/dev/null
    ln -sf "$VENV/node/node_modules/.bin/lessc" "$VENV/bin/lessc"
}

bootstrap() {
    ensure_system_packages
    ensure_venv
    ensure_lessc
    "$VENV/bin/python" "$ROOT/setup/prune_addons.py" "$VENV/odoo-addons-unavailable"
}

odoo_addons_dir() {
    "$VENV/bin/python" -c 'import os, odoo.addons; print(os.path.dirname(odoo.addons.__file__))'
}

# ------------------------------------------------------------------ PostgreSQL
# An existing server is used when BACKORDER_DB_HOST is set; otherwise an embedded
# cluster in .pg/ is started on a free port, as an unprivileged user when run as root
# (PostgreSQL refuses to run as root).
PG_STARTED_HERE=

pg_owner() {
    if [ "$(id -u)" != 0 ]; then
        id -un
    elif id postgres >/dev/null 2>&1; then
        echo postgres
    else
        useradd --system --no-create-home --shell /usr/sbin/nologin backorder-pg
        echo backorder-pg
    fi
}

as_pg_owner() {
    if [ "$(id -u)" = 0 ]; then
        # from /: the owner may not be allowed into the current folder
        (cd / && runuser -u "$PG_OWNER" -- "$@")
    else
        "$@"
    fi
}

free_port() {
    "$VENV/bin/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Whether Odoo could listen on port $1: bound the way Odoo's server binds (all
# interfaces, SO_REUSEADDR), so that the connections of a run just stopped,
# lingering in TIME_WAIT, do not count while a listening process does.
port_is_free() {
    "$VENV/bin/python" -c 'import socket, sys
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("", int(sys.argv[1])))' "$1" 2>/dev/null
}

pg_running() {
    [ -f "$PG_DIR/data/postmaster.pid" ] && kill -0 "$(head -1 "$PG_DIR/data/postmaster.pid")" 2>/dev/null
}

# The unix socket lives in .pg/run unless that path is too long for a socket name.
pg_socket_dir() {
    local dir=$PG_DIR/run
    if [ ${#dir} -gt 80 ]; then
        dir=/tmp/backorder-pg-$(echo "$ROOT" | sha256sum | cut -c1-12)
    fi
    echo "$dir"
}

db_start() {
    if [ -n "${BACKORDER_DB_HOST:-}" ]; then
        export PGHOST=$BACKORDER_DB_HOST PGPORT=${BACKORDER_DB_PORT:-5432}
        export PGUSER=${BACKORDER_DB_USER:-odoo} PGPASSWORD=${BACKORDER_DB_PASSWORD:-}
        say "using the PostgreSQL server at $PGHOST:$PGPORT as $PGUSER"
        return 0
    fi
    PG_OWNER=$(pg_owner)
    local sock port
    mkdir -p "$PG_DIR"
    chown "$PG_OWNER" "$PG_DIR"
    if ! as_pg_owner test -w "$PG_DIR"; then
        # The checkout is in a folder the unprivileged owner cannot enter (root's
        # home, a private mktemp -d): the cluster gets a folder of its own,
        # named after the checkout so that two checkouts never share one.
        PG_DIR=/var/tmp/backorder-pg-$(echo "$ROOT" | sha256sum | cut -c1-12)
        mkdir -p "$PG_DIR"
        chown "$PG_OWNER" "$PG_DIR"
        chmod 700 "$PG_DIR"
        echo "$PG_DIR" >"$ROOT/.pg/location"
        as_pg_owner test -w "$PG_DIR" || die "user $PG_OWNER cannot write $PG_DIR: \
set BACKORDER_DB_HOST to use another PostgreSQL server"
    fi
    sock=$(pg_socket_dir)
    mkdir -p "$sock"
    chown "$PG_OWNER" "$sock"
    if [ ! -f "$PG_DIR/data/PG_VERSION" ]; then
        say "creating the embedded PostgreSQL cluster in $PG_DIR/data"
        as_pg_owner "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust \
            -E UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1 \
            || die "initdb failed, see $PG_DIR/initdb.log"
    fi
    if ! pg_running; then
        port=$(cat "$PG_DIR/port" 2>/dev/null || true)
        if [ -z "$port" ] || ! port_is_free "$port"; then
            port=$(free_port)
        fi
        echo "$port" >"$PG_DIR/port"
        as_pg_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
            -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$sock \
-c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null \
            || die "PostgreSQL did not start, see $PG_DIR/server.log"
        PG_STARTED_HERE=1
        say "PostgreSQL started on 127.0.0.1:$port (pid $(head -1 "$PG_DIR/data/postmaster.pid"))"
    fi
    export PGHOST=127.0.0.1 PGPORT
    PGPORT=$(cat "$PG_DIR/port")
    export PGUSER=odoo PGPASSWORD=
    if ! "$PG_BIN/psql" -U postgres -d postgres -Atqc "SELECT 1 FROM pg_roles WHERE rolname='odoo'" | grep -q 1; then
        "$PG_BIN/psql" -U postgres -d postgres -qc "CREATE ROLE odoo LOGIN CREATEDB" >/dev/null
    fi
}

# Stops the embedded cluster by the PID it wrote, if this run started it.
db_stop() {
    [ -n "$PG_STARTED_HERE" ] || return 0
    pg_running || return 0
    local pid waited=0
    pid=$(head -1 "$PG_DIR/data/postmaster.pid")
    kill -INT "$pid" 2>/dev/null || true  # "fast" shutdown
    while kill -0 "$pid" 2>/dev/null && [ $waited -lt 60 ]; do
        sleep 0.5
        waited=$((waited + 1))
    done
    say "PostgreSQL stopped (pid $pid)"
}

# --------------------------------------------------------------------- Odoo
# write_odoo_conf FILE [extra "key = value" lines...]
write_odoo_conf() {
    local file=$1
    shift
    mkdir -p "$RUN_DIR/data"
    {
        echo "[options]"
        echo "addons_path = $(odoo_addons_dir),$ROOT"
        echo "data_dir = $RUN_DIR/data"
        echo "db_host = $PGHOST"
        echo "db_port = $PGPORT"
        echo "db_user = $PGUSER"
        echo "db_password = ${PGPASSWORD:-False}"
        echo "admin_passwd = ${BACKORDER_MASTER_PASSWORD:-admin}"
        echo "list_db = False"
        printf '%s\n' "$@"
    } >"$file"
}

# Odoo 11 listens before it has loaded the database's registry. Its first
# request then imports every addon of the addons path in the HTTP thread while
# the main thread imports the installed ones for the registry; a concurrent
# circular import hands the registry a half-imported module, and the server
# answers HTTP 500 on every page until restarted (about one start in three when
# a browser asks at once). ODOO_PRELOAD_ADDONS=no is Odoo 11's own switch for
# this (see odoo/http.py, Root.load_addons; later versions never preload).
odoo() {
    TZ=UTC ODOO_PRELOAD_ADDONS=no PATH="$VENV/bin:$PATH" "$VENV/bin/python" \
        "$ROOT/setup/odoo-bin" "$@"
}

db_exists() {
    "$PG_BIN/psql" -d postgres -Atqc "SELECT 1 FROM pg_database WHERE datname='$1'" | grep -q 1
}

db_drop() {
    if db_exists "$1"; then
        "$PG_BIN/dropdb" "$1"
    fi
    rm -rf "$RUN_DIR/data/filestore/$1"
}

# A database and its filestore (Odoo keeps attachments such as compiled assets and
# product images on disk, so a database copy without them would be broken).
db_clone() {
    local src=$1 dst=$2
    db_drop "$dst"
    "$PG_BIN/createdb" -T "$src" "$dst"
    if [ -d "$RUN_DIR/data/filestore/$src" ]; then
        mkdir -p "$RUN_DIR/data/filestore"
        cp -a "$RUN_DIR/data/filestore/$src" "$RUN_DIR/data/filestore/$dst"
    fi
}

# The databases start from a template with Odoo's modules and demo data installed:
# that install takes minutes, so it is made once per set of pinned requirements.
# show_progress LOGFILE PID [SECONDS]: while process PID runs, say which module
# of how many the Odoo install logging to LOGFILE has reached (its
# odoo.modules.loading debug lines), each time it moves on.
show_progress() {
    local log=$1 pid=$2 every=${3:-5} line shown='' running
    while :; do
        # asked before reading the log, so the last look comes after the
        # process ended and reports the module it logged last
        running=
        if kill -0 "$pid" 2>/dev/null; then running=1; fi
        line=$(grep -o 'loading module [A-Za-z0-9_]* ([0-9]*/[0-9]*)' "$log" 2>/dev/null | tail -1) || true
        if [ -n "$line" ] && [ "$line" != "$shown" ]; then
            shown=$line
            line=${line#loading module }
            say "installing module $(echo "$line" | sed -E 's/^(.*) \(([0-9]+)\/([0-9]+)\)$/\2 of \3: \1/')"
        fi
        [ -n "$running" ] || break
        sleep "$every"
    done
}

# The template database's name, which changes with the pinned requirements and
# the base modules.
template_db_name() {
    echo "backorder_tmpl_$( (cat "$ROOT/requirements.txt"; echo "$BASE_MODULES") | sha256sum | cut -c1-10)"
}

ensure_template() {
    local conf=$1 template
    template=$(template_db_name)
    if ! db_exists "$template"; then
        say "creating the template database $template ($BASE_MODULES with demo data; takes a few minutes, once)"
        local stale
        for stale in $("$PG_BIN/psql" -d postgres -Atqc "SELECT datname FROM pg_database WHERE datname LIKE 'backorder_tmpl_%'"); do
            db_drop "$stale"
        done
        local log=$RUN_DIR/$template.log pid
        : >"$log"
        odoo -c "$conf" -d "${template}_tmp" -i "$BASE_MODULES" --stop-after-init \
            --log-level=warn --log-handler=odoo.modules.loading:DEBUG --logfile="$log" &
        pid=$!
        # A script's background job ignores Ctrl-C: pass it on.
        trap 'kill -INT "$pid" 2>/dev/null' INT
        show_progress "$log" "$pid"
        if ! wait "$pid"; then
            trap - INT
            db_drop "${template}_tmp"
            die "installing $BASE_MODULES failed, see $log"
        fi
        trap - INT
        # renamed only once complete, so an interrupted install is never reused
        "$PG_BIN/psql" -d postgres -qc "ALTER DATABASE ${template}_tmp RENAME TO $template"
        if [ -d "$RUN_DIR/data/filestore/${template}_tmp" ]; then
            mv "$RUN_DIR/data/filestore/${template}_tmp" "$RUN_DIR/data/filestore/$template"
        fi
    fi
    echo "$template"
}

# start_test_db DB: set up, start PostgreSQL (stopped when the script exits) and
# make the test database DB anew from the template, with the addon installed.
# Sets TEST_CONF, the Odoo configuration of the tests.
start_test_db() {
    local db=$1 template
    bootstrap
    trap db_stop EXIT
    db_start
    TEST_CONF=$RUN_DIR/odoo-test.conf
    write_odoo_conf "$TEST_CONF" "db_name = $db" "max_cron_threads = 0"
    template=$(ensure_template "$TEST_CONF")
    db_clone "$template" "$db"
    say "installing ${ADDONS// /, } in $db"
    odoo -c "$TEST_CONF" -d "$db" -i "${ADDONS// /,}" --stop-after-init --log-level=warn \
        || die "installing ${ADDONS// /, } failed"
}
