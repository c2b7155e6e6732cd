# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The product page's add button follows the chosen quantity in the browser:
"Backorder" once it is more than the free stock (SPEC 1)."""
import os

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait


def choose_quantity(browser, qty):
    field = browser.find_element(By.CSS_SELECTOR, "#product_details input[name=add_qty]")
    field.clear()
    field.send_keys(str(qty))


def button_label(browser, expected):
    """Wait until the add button shows ``expected``; return its classes."""
    button = browser.find_element(By.CSS_SELECTOR, "#add_to_cart")
    WebDriverWait(browser, 30).until(lambda b: button.text.strip() == expected)
    return button.get_attribute("class").split()


def open_product_page(shop, browser, product):
    """The shop page of the variant ``product``, seen by a visitor."""
    template = shop.odoo_env(
        lambda env: env["product.product"].browse(product).product_tmpl_id.id)
    browser.delete_all_cookies()
    browser.get("%s/shop/product/%d" % (shop.url, template))


def test_button_says_backorder_beyond_free_stock(shop, browser):
    product = shop.product("Radiator hose", stock=2)
    open_product_page(shop, browser, product)
    assert "btn-primary" in button_label(browser, "Add to Cart")
    choose_quantity(browser, 3)
    assert "btn-warning" in button_label(browser, "Backorder")
    choose_quantity(browser, 2)
    assert "btn-primary" in button_label(browser, "Add to Cart")


def test_button_stays_add_to_cart_when_backorders_are_forbidden(shop, browser):
    product = shop.product("Last-stock gasket", stock=1, backorder_allowed=False)
    open_product_page(shop, browser, product)
    choose_quantity(browser, 5)
    browser.find_element(By.CSS_SELECTOR, "#product_details h1").click()
    assert "btn-primary" in button_label(browser, "Add to Cart")


def test_variants_show_their_own_stock_and_button(shop, browser):
    template, variants, values = shop.product_with_sizes("Brake hose")
    small, large = values["Small"], values["Large"]
    shop.receive(variants["Small"], 10)
    browser.delete_all_cookies()
    browser.get("%s/shop/product/%d" % (shop.url, template))

    def choose(value_id):
        browser.find_element(
            By.CSS_SELECTOR, "input.js_variant_change[value='%d']" % value_id).click()

    def bar():
        return browser.find_element(
            By.CSS_SELECTOR, "#product_details .o_backorder_stock").get_attribute("data-level")

    choose(large)
    assert "btn-warning" in button_label(browser, "Backorder")
    assert bar() == "empty"
    choose(small)
    assert "btn-primary" in button_label(browser, "Add to Cart")
    assert bar() == "full"
    assert "10 in stock" in browser.find_element(
        By.CSS_SELECTOR, "#product_details .o_backorder_stock_text").text


def test_shown_forecast_does_not_cap_a_part_that_can_be_backordered(
        shop, browser, artifacts_dir):
    # website_sale_stock's "show inventory" modes cap the quantity at the
    # forecast and disable the button without one.
    product = shop.product("Shown-stock bearing", stock=1, inventory_availability="always")
    open_product_page(shop, browser, product)
    choose_quantity(browser, 3)
    browser.find_element(By.CSS_SELECTOR, "#product_details h1").click()
    assert "disabled" not in button_label(browser, "Backorder")
    assert browser.find_element(
        By.CSS_SELECTOR, "#product_details input[name=add_qty]").get_attribute("value") == "3"
    browser.save_screenshot(os.path.join(artifacts_dir, "shop-product-shown-inventory.png"))
