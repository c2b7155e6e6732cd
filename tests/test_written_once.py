# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Facts of the addon that are written in one place only (issue 10): a second
spelling would drift from the first. Reads the addon's files; needs no Odoo."""

import os
import re

from _allocation_loader import ADDON_DIR

# The open states spelled out as a list: ('waiting', 'assigned'), ['waiting',
# 'assigned'] of a script, states="waiting,assigned" of a view.
OPEN_STATES_SPELLED = re.compile(
    r"""['"]waiting['"]\s*,\s*['"]assigned['"]""" + '|"waiting,assigned"')


def addon_sources():
    """(path relative to the addon, text) of the addon's code, views and
    scripts; its tests and translations are not sources of these facts."""
    for folder, dirs, files in os.walk(ADDON_DIR):
        dirs[:] = [name for name in dirs if name not in ("tests", "i18n", "__pycache__")]
        for name in files:
            if name.endswith((".py", ".xml", ".js")):
                path = os.path.join(folder, name)
                with open(path, encoding="utf-8") as source:
                    yield os.path.relpath(path, ADDON_DIR), source.read()


def test_the_open_states_are_spelled_out_in_lifecycle_only():
    spelled = sorted(path for path, text in addon_sources()
                     if OPEN_STATES_SPELLED.search(text))
    assert spelled == ["lifecycle.py"]


def test_models_know_nothing_of_http_requests():
    """The basket protocol (what a visitor keeps for after login, the messages
    of the next page) is the controllers'; models return what they did."""
    importing = sorted(path for path, text in addon_sources()
                       # ir.http is Odoo's request dispatcher itself.
                       if path.startswith("models") and path != "models/ir_http.py"
                       and re.search(
                           r"^from odoo\.http import|^from odoo import .*\bhttp\b|"
                           r"\brequest\.session\b", text, re.M))
    assert importing == []


def test_whether_a_user_is_the_visitor_is_asked_in_one_place():
    """One predicate (res.partner._backorder_is_visitor) answers "is this the
    website's public visitor", for the models, the controllers and templates."""
    asking = sorted(path for path, text in addon_sources()
                    if re.search(r"website\.user_id|\buser_id\.partner_id\b", text))
    assert asking == ["models/res_partner.py"]


def test_core_shop_templates_are_extended_not_replaced():
    """Other addons edit the same nodes of website_sale (OCA's
    website_sale_hide_price, for one): a replaced node drops their changes or
    loses ours, depending on which addon loads last."""
    replacing = sorted(
        "%s: %s" % (path, match.group(0)) for path, text in addon_sources()
        if path.startswith("views") for match in re.finditer(
            r'<xpath expr="[^"]*"\s+position="replace"', text))
    assert replacing == []


def test_website_sale_stock_cart_cap_is_not_copied():
    """The cart lifts website_sale_stock's quantity cap (data-max) for parts that
    go on backorder; its own expression for the others stays its own."""
    copying = sorted(path for path, text in addon_sources()
                     if "virtual_available - line.product_id.cart_qty" in text)
    assert copying == []
