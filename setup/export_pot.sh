#!/usr/bin/env bash
# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
# Re-export the addon's translation template (i18n/backorder_reservation.pot)
# from the addon installed in a fresh test database, as Odoo exports it (the
# addon's test test_translation_template.py checks that it stays so). Run it
# after changing a translatable string: code, views, e-mails or data.
set -euo pipefail
# shellcheck source=setup/lib.sh
. "$(dirname "$0")/lib.sh"

TEST_DB=${BACKORDER_TEST_DB:-backorder_test}

bootstrap
trap db_stop EXIT
db_start
conf=$RUN_DIR/odoo-test.conf
write_odoo_conf "$conf" "db_name = $TEST_DB" "max_cron_threads = 0"
fresh_addon_db "$conf" "$TEST_DB"
pot=$ROOT/$ADDON/i18n/$ADDON.pot
# Odoo names the format by the extension, and has none for .pot.
export=$RUN_DIR/$ADDON.po
odoo -c "$conf" -d "$TEST_DB" --i18n-export="$export" --modules="$ADDON" \
    --stop-after-init --log-level=warn || die "exporting the translation template failed"
mv "$export" "$pot"
say "exported $pot"
