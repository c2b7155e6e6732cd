#!/usr/bin/env bash
# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
# Command 2: every test. Sets everything up, starts the embedded PostgreSQL, makes a
# fresh test database from the template (Odoo demo data) with backorder_reservation
# installed, and a copy of it for the browser tests' HTTP server, then runs pytest:
# the pure, concurrency and browser tests in tests/, the addon's Odoo tests and
# Odoo's own sale, sale_stock and website_sale tests through pytest-odoo.
# Arguments replace that list and go to pytest. Exits with pytest's status.
set -euo pipefail
# shellcheck source=setup/lib.sh
. "$(dirname "$0")/lib.sh"

TEST_DB=${BACKORDER_TEST_DB:-backorder_test}

start_test_db "$TEST_DB"
conf=$TEST_CONF
db_clone "$TEST_DB" "${TEST_DB}_http"

cd "$ROOT"
if [ $# -eq 0 ]; then
    # Everything: ours, and Odoo's own tests of the flows our overrides touch
    # (orders, deliveries, the website basket) as a regression suite.
    addons=$(odoo_addons_dir)
    set -- tests "$ADDON/tests" "${ADDON}_purchase/tests" "$addons/sale/tests" "$addons/sale_stock/tests" \
        "$addons/website_sale/tests"
fi
set +e
BACKORDER_ODOO_CONF=$conf BACKORDER_HTTP_DB=${TEST_DB}_http \
    "$VENV/bin/python" -m pytest --odoo-config="$conf" --odoo-database="$TEST_DB" "$@"
status=$?
set -e
exit $status
