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
