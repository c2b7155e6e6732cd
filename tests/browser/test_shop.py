# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The shop as a visitor's real browser shows it."""
import os

from selenium.webdriver.common.by import By


def test_shop_lists_published_products(odoo_server, browser, artifacts_dir):
    browser.get(odoo_server + "/shop")
    products = browser.find_elements(By.CSS_SELECTOR, "#products_grid .oe_product")
    screenshot = os.path.join(artifacts_dir, "shop.png")
    browser.save_screenshot(screenshot)
    assert products, "the shop grid shows no product"
    names = [p.find_element(By.CSS_SELECTOR, "h5").text for p in products]
    assert all(names), "a product card has no name"
    assert os.path.getsize(screenshot) > 10000


def test_shop_has_its_stylesheet(odoo_server, browser):
    """LESS is compiled (lessc on PATH): the header is styled, not raw HTML."""
    browser.get(odoo_server + "/shop")
    header = browser.find_element(By.CSS_SELECTOR, "header .navbar")
    assert header.value_of_css_property("display") != "inline"
    assert header.value_of_css_property("min-height") not in ("", "0px", "auto")


def test_a_form_sent_too_late_says_so_and_leads_back(
        shop, odoo_server, browser, artifacts_dir):
    """A product page left open until its form's token ran out (here: a token
    that is not valid) gets a page saying the form expired, with a way back."""
    from _browser import log_in, wait_for

    product = shop.product("Expired-form filter", stock=2)
    template_id = shop.odoo_env(
        lambda env: env["product.product"].browse(product).product_tmpl_id.id)
    page = "/shop/product/%d" % template_id
    login, _partner = shop.customer("Expired-form garage")
    log_in(browser, odoo_server, login, page)
    browser.execute_script(
        "document.querySelector('form[action=\"/shop/cart/update\"] "
        "input[name=csrf_token]').value = 'expired';")
    wait_for(browser, "#add_to_cart", clickable=True).click()
    back = wait_for(browser, ".o_backorder_form_expired_back")
    browser.save_screenshot(os.path.join(artifacts_dir, "shop-form-expired.png"))
    assert "This form has expired" in browser.page_source
    assert shop.positions(product_id=product) == []
    back.click()
    wait_for(browser, "#add_to_cart")
    # The product page, under the name Odoo gives it (/shop/product/<slug>-<id>).
    assert "/shop/product/" in browser.current_url
    assert browser.current_url.endswith("-%d" % template_id)


def test_a_cart_with_many_backorders_lists_a_page_of_them(
        shop, odoo_server, browser, artifacts_dir):
    """22 open backorders: the cart shows 20 yellow rows, the one holding a
    piece (with "+1") on top, and how many more My backorders lists."""
    from _browser import YELLOW, background, log_in, wait_for

    login, partner_id = shop.customer("Many-backorders garage")
    products = [shop.product("Wiper blade %d" % index) for index in range(22)]
    shop.odoo_env(lambda env: [env["backorder.position"].create({
        "partner_id": partner_id, "product_id": product_id, "product_qty": 2})
        for product_id in products] and None)
    shop.receive(products[-1], 1)
    log_in(browser, odoo_server, login, "/shop/cart")
    more = wait_for(browser, ".o_backorder_more")
    rows = browser.find_elements(By.CSS_SELECTOR, "tr.o_backorder_position")
    browser.execute_script("arguments[0].scrollIntoView();", more)
    browser.save_screenshot(os.path.join(artifacts_dir, "shop-cart-many-backorders.png"))
    assert len(rows) == 20
    assert rows[0].get_attribute("data-state") == "assigned"
    assert rows[0].find_elements(By.CSS_SELECTOR, ".o_backorder_add_one")
    assert {background(row.find_element(By.TAG_NAME, "td")) for row in rows} == {YELLOW}
    assert more.text == "2 more backorder positions are not listed here."
