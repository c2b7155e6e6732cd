# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Backorder Reservation",
    "summary": "Backorder positions for out-of-stock parts, assigned to waiting "
               "customers by a fixed queue rule, with holds, expiry and reputation",
    "version": "11.0.1.2.0",
    "category": "Website",
    "license": "AGPL-3",
    "author": "backorder_reservation developers",
    "development_status": "Alpha",
    # What the code imports, inherits and overrides, each named even where
    # another one already brings it.
    "depends": [
        "mail",
        "payment",
        "portal",
        "sale_management",
        "sale_stock",
        "stock",
        "website",
        "website_sale",
        "website_sale_stock",
    ],
    "data": [
        "security/ir.model.access.csv",
        "security/backorder_security.xml",
        "data/ir_sequence_data.xml",
        "data/mail_template_data.xml",
        "data/ir_cron_data.xml",
        "views/assets.xml",
        "wizards/backorder_hold_extension_views.xml",
        "views/backorder_position_views.xml",
        "views/res_config_settings_views.xml",
        "views/sale_order_views.xml",
        "views/product_template_views.xml",
        "views/website_templates.xml",
        "views/portal_templates.xml",
        "views/res_partner_views.xml",
        "wizards/backorder_allocation_preview_views.xml",
        "wizards/backorder_mass_message_views.xml",
        "report/backorder_position_report_views.xml",
    ],
    "demo": [
        "demo/res_users_demo.xml",
        "demo/backorder_demo.xml",
    ],
    "images": ["static/description/shop_cart.png"],
    "installable": True,
}
