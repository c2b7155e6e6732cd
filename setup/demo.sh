#!/usr/bin/env bash
# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
# Command 1: the demo shop. Sets everything up, starts the embedded PostgreSQL, makes
# the database backorder_demo (Odoo's demo data, website_sale + sale_stock + purchase +
# backorder_reservation + backorder_reservation_purchase) on first use, updates the
# addons on later ones when their files changed, and serves it on http://localhost:${BACKORDER_HTTP_PORT:-8069}. Ctrl-C stops Odoo and PostgreSQL.
set -euo pipefail
# shellcheck source=setup/lib.sh
. "$(dirname "$0")/lib.sh"

DEMO_DB=${BACKORDER_DEMO_DB:-backorder_demo}
HTTP_PORT=${BACKORDER_HTTP_PORT:-8069}

bootstrap
port_is_free "$HTTP_PORT" || die "port $HTTP_PORT is in use: set BACKORDER_HTTP_PORT to a free one"
trap db_stop EXIT
db_start
conf=$RUN_DIR/odoo-$DEMO_DB.conf
write_odoo_conf "$conf" "db_name = $DEMO_DB" "dbfilter = ^$DEMO_DB\$" "http_port = $HTTP_PORT"

# The addons' files and the pinned packages, as one hash. Updating the addons takes
# most of a start's minute, so the demo updates them only when they changed.
# shellcheck disable=SC2086  # ADDONS is a list of folder names
addon_hash=$( (cat "$ROOT/requirements.txt"
    cd "$ROOT" && find $ADDONS -type f ! -name '*.pyc' -print0 | LC_ALL=C sort -z \
        | xargs -0 sha256sum) | sha256sum | cut -c1-16)
updated_file=$RUN_DIR/$DEMO_DB.updated
modules=${ADDONS// /,}
if ! db_exists "$DEMO_DB"; then
    template=$(ensure_template "$conf")
    db_clone "$template" "$DEMO_DB"
    say "installing $modules in $DEMO_DB"
    odoo -c "$conf" -i "$modules" --stop-after-init --log-level=warn
elif [ "$(cat "$updated_file" 2>/dev/null)" = "$addon_hash" ]; then
    say "$modules have not changed since $DEMO_DB was last updated"
else
    # -i as well: a demo database made before an addon joined the repository
    # installs it; -u updates those it has.
    say "updating $modules in $DEMO_DB"
    odoo -c "$conf" -i "$modules" -u "$modules" --stop-after-init --log-level=warn
fi
echo "$addon_hash" >"$updated_file"

cat >&2 <<BANNER

  backorder_reservation demo shop (database $DEMO_DB)
    shop     http://localhost:$HTTP_PORT/shop
    backend  http://localhost:$HTTP_PORT/web/login

  logins (password = login)
    admin     administrator, settings
    demo      sales user (Marc Demo)
    portal    customer (Joel Willis)
    portal2   customer (Sam Ortiz, Parts Workshop Ltd)

  Ctrl-C stops the server and the database.

BANNER
odoo -c "$conf" --log-level=info
