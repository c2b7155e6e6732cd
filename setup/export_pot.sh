#!/usr/bin/env bash
# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
# Re-export each addon's translation template (i18n/<addon>.pot) from the addons
# installed in a fresh test database, as Odoo exports them (the addon's test
# test_translation_template.py checks that it stays so). Run it after changing
# a translatable string: code, views, e-mails or data.
set -euo pipefail
# shellcheck source=setup/lib.sh
. "$(dirname "$0")/lib.sh"

TEST_DB=${BACKORDER_TEST_DB:-backorder_test}

start_test_db "$TEST_DB"
for addon in $ADDONS; do
    pot=$ROOT/$addon/i18n/$addon.pot
    # Odoo names the format by the extension, and has none for .pot.
    export=$RUN_DIR/$addon.po
    odoo -c "$TEST_CONF" -d "$TEST_DB" --i18n-export="$export" --modules="$addon" \
        --stop-after-init --log-level=warn || die "exporting the translation template of $addon failed"
    mkdir -p "$(dirname "$pot")"
    mv "$export" "$pot"
    say "exported $pot"
done
