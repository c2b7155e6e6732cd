# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Backorder Reservation - Purchase",
    "summary": "Order what the backorder queues need: requests for quotation at "
               "the parts' vendors for the waiting pieces not yet incoming",
    "version": "11.0.1.0.0",
    "category": "Purchases",
    "license": "AGPL-3",
    "author": "backorder_reservation developers",
    "development_status": "Alpha",
    "depends": [
        "backorder_reservation",
        "purchase",
    ],
    "data": [
        "wizards/backorder_replenishment_views.xml",
        "views/product_template_views.xml",
    ],
    "demo": [
        "demo/product_supplierinfo_demo.xml",
    ],
    "installable": True,
}
