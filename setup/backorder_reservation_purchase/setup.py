# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
# OCA-style packaging: `pip wheel --no-deps --no-build-isolation
# setup/backorder_reservation_purchase` with the project's .venv (setuptools-odoo and
# setuptools-scm pinned in setup/requirements-wheel.txt) makes the wheel
# odoo11_addon_backorder_reservation_purchase-<manifest version>-py3-none-any.whl.
import setuptools

setuptools.setup(
    setup_requires=["setuptools-odoo"],
    odoo_addon={
        # The manifest's version as it stands, not setuptools-odoo's default
        # <version>.99.devN counting git commits since the last bump: N
        # depends on how much history the clone has (a shallow clone counts
        # fewer), so the same source would make differently named wheels.
        "post_version_strategy_override": "none",
    },
)
