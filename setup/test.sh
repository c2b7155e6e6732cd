#!/usr/bin/env bash
# Command 2: every test. Sets everything up, starts the embedded PostgreSQL, makes a
# fresh test database from the template (Odoo demo data) with backorder_reservation
# installed, and a copy of it for the browser tests' HTTP server, then runs pytest:
# the pure tests and browser tests in tests/, the addon's Odoo tests through
# pytest-odoo. Extra arguments go to pytest. Exits with pytest's status.
set -euo pipefail
# shellcheck source=setup/lib.sh
. "$(dirname "$0")/lib.sh"

TEST_DB=${BACKORDER_TEST_DB:-backorder_test}

bootstrap
trap db_stop EXIT
db_start
conf=$RUN_DIR/odoo-test.conf
write_odoo_conf "$conf" "db_name = $TEST_DB" "max_cron_threads = 0"
template=$(ensure_template "$conf")
db_clone "$template" "$TEST_DB"
say "installing $ADDON in $TEST_DB"
odoo -c "$conf" -i "$ADDON" --stop-after-init --log-level=warn \
    || die "installing $ADDON failed"
db_clone "$TEST_DB" "${TEST_DB}_http"

cd "$ROOT"
set +e
BACKORDER_ODOO_CONF=$conf BACKORDER_HTTP_DB=${TEST_DB}_http \
    "$VENV/bin/python" -m pytest --odoo-config="$conf" --odoo-database="$TEST_DB" "$@"
status=$?
set -e
exit $status
