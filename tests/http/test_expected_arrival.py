# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Arrival dates from incoming stock (issue 13, item 2) where the customer
reads them: the product page, the cart's backorder table and My backorders
say "Expected around" the day the planned receipts serve the customer's
request, by the rule over the product's queue."""
import re
from datetime import datetime, timedelta

from odoo import fields

from odoo.addons.backorder_reservation.tests.common import planned_receipt

from _shop import add_to_cart


def _plan(shop, product_id, qty, days):
    """A confirmed receipt of ``qty`` pieces expected at noon (UTC) in ``days``
    days; returns the day as the English shop prints it."""
    noon = (datetime.utcnow() + timedelta(days=days)).replace(hour=12)
    shop.odoo_env(lambda env: planned_receipt(
        env, env["product.product"].browse(product_id), qty,
        fields.Datetime.to_string(noon)) and None)
    return noon.strftime("%m/%d/%Y")


def _expected(html):
    """The days the page says to expect, in its order."""
    return re.findall(r"Expected around\s*(?:<span[^>]*>)?\s*([0-9/]+)", html)


def test_the_customer_reads_the_day_the_planned_receipts_serve_them(shop):
    product = shop.product("Arrival injector")
    first_login, _first = shop.customer("Arrival first garage")
    login, _partner = shop.customer("Arrival second garage")
    add_to_cart(shop, shop.client(first_login), product, 3)
    client = shop.client(login)
    add_to_cart(shop, client, product, 2)
    soon = _plan(shop, product, 3, days=4)
    later = _plan(shop, product, 3, days=9)
    # 3 on the first day: all 3 to the older request (the rule's head), none
    # to this customer; 3 on the second day serve their 2.
    cart = client.get(shop.url + "/shop/cart").text
    assert _expected(cart) == [later]
    listing = client.get(shop.url + "/my/backorders").text
    assert later in listing and soon not in listing
    position_id = re.search(r'href="/my/backorders/(\d+)"', listing).group(1)
    detail = client.get(shop.url + "/my/backorders/%s" % position_id).text
    assert _expected(detail) == [later]
    # A new request joins the end of the queue: the 1 piece left on the
    # second day is for it.
    template_id = shop.odoo_env(
        lambda env: env["product.product"].browse(product).product_tmpl_id.id)
    page = client.get(shop.url + "/shop/product/%d" % template_id).text
    assert _expected(page) == [later]
    # Without planned receipts, the product's own date.
    bare = shop.product("Arrival bare part", backorder_expected_date="2027-03-15")
    template_id = shop.odoo_env(
        lambda env: env["product.product"].browse(bare).product_tmpl_id.id)
    page = client.get(shop.url + "/shop/product/%d" % template_id).text
    assert _expected(page) == ["03/15/2027"]
