# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
# OCA-style packaging: `pip install setup/backorder_reservation` (needs
# setuptools-odoo) makes a wheel odoo11-addon-backorder_reservation.
import setuptools

setuptools.setup(
    setup_requires=["setuptools-odoo"],
    odoo_addon=True,
)
