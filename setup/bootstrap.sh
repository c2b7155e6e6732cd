#!/usr/bin/env bash
# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
# Makes (or checks, in seconds, when nothing changed) everything the project needs:
# Debian packages (chromium, chromium-driver, PostgreSQL 15 when missing), the Python
# 3.7 virtualenv in .venv with requirements.txt, lessc for Odoo's website assets, and
# Odoo's addons folder without the bridge addons that can never be installed here.
# setup/demo.sh and setup/test.sh run it first; running it alone is optional.
set -euo pipefail
# shellcheck source=setup/lib.sh
. "$(dirname "$0")/lib.sh"
bootstrap
say "ready: $VENV"
