# OCA-style packaging: `pip install setup/backorder_reservation` (needs
# setuptools-odoo) makes a wheel odoo11-addon-backorder_reservation.
import setuptools

setuptools.setup(
    setup_requires=["setuptools-odoo"],
    odoo_addon=True,
)
