# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What the product page and the shop grid tell customers about stock and
backorder terms (SPEC 5, seed 001)."""
import json
import re
from html import unescape


def product_page(shop, product_id, login=None):
    client = shop.client(login)
    template_id = shop.odoo_env(
        lambda env: env["product.product"].browse(product_id).product_tmpl_id.id)
    response = client.get(shop.url + "/shop/product/%d" % template_id)
    assert response.status_code == 200
    return response.text


def stock_bar(html):
    match = re.search(r'o_backorder_stock" data-level="(\w+)" data-free="(\d+)"', html)
    assert match, "no stock level bar"
    return match.group(1), int(match.group(2))


def add_button(html):
    return re.search(r'id="add_to_cart"[^>]*>\s*(.*?)\s*</a>', html, re.S).group(1)


def test_in_stock_part_has_a_full_bar_and_add_to_cart(shop):
    html = product_page(shop, shop.product("Head gasket", stock=20))
    assert stock_bar(html) == ("full", 20)
    assert add_button(html) == "Add to Cart"


def test_out_of_stock_part_has_an_empty_bar_a_backorder_button_and_terms(shop):
    product = shop.product(
        "Turbocharger", backorder_note="In production, ships end of January",
        backorder_expected_date="2027-01-29")
    html = product_page(shop, product)
    assert stock_bar(html) == ("empty", 0)
    assert add_button(html) == "Backorder"
    assert "In production, ships end of January" in html
    assert "o_backorder_expected" in html and "01/29/2027" in html


def test_low_stock_part_has_a_low_bar(shop):
    assert stock_bar(product_page(shop, shop.product("Glow plug", stock=2))) == ("low", 2)


def test_forbidden_or_full_backorders_are_explained(shop):
    forbidden = shop.product("Discontinued pump", backorder_allowed=False)
    html = product_page(shop, forbidden)
    assert "cannot be backordered" in html
    assert re.search(r'<a [^>]*id="add_to_cart"[^>]*data-backorder-state="blocked"', html)
    capped = shop.product("Rare sensor", backorder_cap=1)
    _login, partner = shop.customer()
    shop.odoo_env(lambda env: env["backorder.position"].create({
        "partner_id": partner, "product_id": capped, "product_qty": 1}) and None)
    assert "backorder list of this part is full" in product_page(shop, capped)


def test_preorder_shows_its_release_date_in_page_and_grid(shop):
    product = shop.product("New model ECU", preorder_release_date="2027-03-01")
    html = product_page(shop, product)
    assert "o_backorder_preorder" in html and "03/01/2027" in html
    name = shop.odoo_env(lambda env: env["product.product"].browse(product).name)
    grid = shop.client().get(shop.url + "/shop", params={"search": name}).text
    assert "Pre-order" in grid and 'data-level="empty"' in grid


def test_grid_shows_the_variant_with_the_most_stock(shop):
    template, variants, _values = shop.product_with_sizes("Wheel bearing")
    first = shop.odoo_env(lambda env: env["product.template"].browse(
        template).product_variant_id.id)
    in_stock = [variant for variant in variants.values() if variant != first]
    shop.receive(in_stock[0], 10)
    name = shop.odoo_env(lambda env: env["product.template"].browse(template).name)
    grid = shop.client().get(shop.url + "/shop", params={"search": name}).text
    assert stock_bar(grid) == ("full", 10)
    assert "o_backorder_label" not in grid


def test_staff_see_the_shop_with_templates_without_active_variants(shop):
    product = shop.product("Archived variant part")
    shop.odoo_env(lambda env: env["product.product"].browse(product).write(
        {"active": False}) and None)
    staff = shop.client("admin")
    for path in ("/shop", "/shop?search=Archived+variant+part"):
        response = staff.get(shop.url + path)
        assert response.status_code == 200, path
        assert "Traceback" not in response.text


def shown_inventory(html):
    """What website_sale_stock's script is told of the product's only variant."""
    match = re.search(r'data-attribute_value_ids="([^"]*)"', html)
    assert match, "no variant data"
    [variant] = json.loads(unescape(match.group(1)))
    return variant[4]


def test_shown_inventory_leaves_a_part_that_can_be_backordered_to_the_stock_bar(shop):
    product = shop.product("Shown-stock hub", stock=1, inventory_availability="always")
    html = product_page(shop, product)
    assert shown_inventory(html)["inventory_availability"] == "never"
    assert stock_bar(html) == ("low", 1)


def test_shown_inventory_does_not_offer_pieces_held_for_backorders(shop):
    product = shop.product("Held hub", inventory_availability="always")
    _login, partner = shop.customer()
    shop.odoo_env(lambda env: env["backorder.position"].create(
        {"partner_id": partner, "product_id": product, "product_qty": 2}) and None)
    shop.receive(product, 3)
    shop.odoo_env(lambda env: env["product.product"].browse(product).write(
        {"backorder_allowed": False}))
    info = shown_inventory(product_page(shop, product))
    assert (info["inventory_availability"], info["virtual_available"]) == ("always", 1)


def test_cart_lifts_the_forecast_cap_of_parts_that_go_on_backorder_only(shop):
    """website_sale_stock's cap on a cart line (data-max, its "always" mode)
    goes for a part that can be backordered and stays, its own, for the others."""
    from _shop import csrf_token
    lifted = shop.product("Cart lifted hub", stock=1, inventory_availability="always")
    capped = shop.product("Cart capped hub", stock=2, inventory_availability="always",
                          backorder_allowed=False)
    login, _partner = shop.customer()
    client = shop.client(login)
    token = csrf_token(client.get(shop.url + "/shop").text)
    for product in (lifted, capped):
        client.post(shop.url + "/shop/cart/update",
                    data={"product_id": product, "add_qty": 1, "csrf_token": token})
    cart = client.get(shop.url + "/shop/cart").text
    inputs = {int(product): tag for tag, product in re.findall(
        r'(<input[^>]*\bquantity\b[^>]*data-product-id="(\d+)"[^>]*>)', cart)}
    assert set(inputs) == {lifted, capped}
    assert "data-max" not in inputs[lifted]
    # website_sale_stock's: in the cart (1) + forecast (2) - in carts (1).
    assert re.search(r'data-max="2(\.0)?"', inputs[capped])
