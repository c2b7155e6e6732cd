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

ensure_lint_venv() {
    local python stamp want
    want=$(sha256sum <"$ROOT/setup/requirements-lint.txt" | cut -c1-16)
    stamp=$LINT_VENV/.requirements.sha
    if [ -x "$LINT_VENV/bin/pre-commit" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then
        return 0
    fi
    if [ ! -x "$LINT_VENV/bin/python" ]; then
        python=$(find_python37) || die "Python 3.7 not found (see README)."
        say "creating the linters' virtualenv $LINT_VENV with $python"
        "$python" -m venv "$LINT_VENV"
    fi
    say "installing the pinned linters (setup/requirements-lint.txt)"
    "$LINT_VENV/bin/pip" install -q --disable-pip-version-check pip==24.0 \
        2> >(grep -v 'is ignored: it is neither' >&2)
    "$LINT_VENV/bin/pip" install -q --disable-pip-version-check --no-deps \
        -r "$ROOT/setup/requirements-lint.txt" 2> >(grep -v 'is ignored: it is neither' >&2)
    echo "$want" >"$stamp"
}

ensure_lint_venv
cd "$ROOT"
[ $# -eq 0 ] && set -- --all-files
# The hooks are local commands of the linters' virtualenv; pre-commit keeps its
# own state beside it instead of in the user's home.
PATH=$LINT_VENV/bin:$PATH PRE_COMMIT_HOME=$LINT_VENV/pre-commit-home \
    exec pre-commit run --show-diff-on-failure --color=never "$@"
