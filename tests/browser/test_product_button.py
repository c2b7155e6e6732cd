"""The product page's add button follows the chosen quantity in the browser:
"Backorder" once it is more than the free stock (SPEC 1)."""
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


def test_button_says_backorder_beyond_free_stock(shop, browser):
    product = shop.product("Radiator hose", stock=2)
    template = shop.odoo_env(
        lambda env: env["product.product"].browse(product).product_tmpl_id.id)
    browser.delete_all_cookies()
    browser.get("%s/shop/product/%d" % (shop.url, template))
    assert "btn-primary" in button_label(browser, "Add to Cart")
    choose_quantity(browser, 3)
    assert "btn-warning" in button_label(browser, "Backorder")
    choose_quantity(browser, 2)
    assert "btn-primary" in button_label(browser, "Add to Cart")


def test_button_stays_add_to_cart_when_backorders_are_forbidden(shop, browser):
    product = shop.product("Last-stock gasket", stock=1, backorder_allowed=False)
    template = shop.odoo_env(
        lambda env: env["product.product"].browse(product).product_tmpl_id.id)
    browser.delete_all_cookies()
    browser.get("%s/shop/product/%d" % (shop.url, template))
    choose_quantity(browser, 5)
    browser.find_element(By.CSS_SELECTOR, "#product_details h1").click()
    assert "btn-primary" in button_label(browser, "Add to Cart")
