#!/usr/bin/env bash
# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
# Command 0: the quality gate. Installs the Odoo community's linters (flake8,
# pylint with pylint-odoo for 11.0, OCA's module and translation checks, XML and
# YAML checks, shellcheck), pinned in setup/requirements-lint.txt, into
# .venv-lint/, then runs every hook of .pre-commit-config.yaml on every file of
# the repository. Exits non-zero when a check fails. Arguments go to
# `pre-commit run` (default: --all-files).
set -euo pipefail
# shellcheck source=setup/lib.sh
. "$(dirname "$0")/lib.sh"

LINT_VENV=$ROOT/.venv-lint

install_pinned "$LINT_VENV" "$ROOT/setup/requirements-lint.txt"
cd "$ROOT"
[ $# -eq 0 ] && set -- --all-files
# The hooks are local commands of the linters' virtualenv; pre-commit keeps its
# own state beside it instead of in the user's home.
PATH=$LINT_VENV/bin:$PATH PRE_COMMIT_HOME=$LINT_VENV/pre-commit-home \
    exec pre-commit run --show-diff-on-failure --color=never "$@"
