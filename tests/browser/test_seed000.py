# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Seed 000 end to end, in a real headless Chromium against a real Odoo server:
a customer puts an out-of-stock part in the basket and sees it yellow; staff
validate a receipt; the customer logs in, the cart icon flashes, "+1" moves the
reserved piece into the cart, checkout places the order; staff confirm it and
the position is done. Each step leaves a screenshot in artifacts/browser/."""
import os
import time

from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from _browser import (WAIT, YELLOW, background, click_backend_button, follow_link, log_in,
                      wait_for, wait_for_odoo_module)


def snap(browser, artifacts_dir, name):
    path = os.path.join(artifacts_dir, "seed000-%s.png" % name)
    browser.save_screenshot(path)
    return path


def test_seed_000_end_to_end(shop, browser, artifacts_dir):
    product = shop.product("Brake master cylinder",
                           backorder_note="In production, ships end of January")
    login, partner = shop.customer("Seed Garage")
    shop.odoo_env(lambda env: env["res.partner"].browse(partner).write({
        "street": "1 Workshop Road", "city": "Leeds", "zip": "LS1 1AA",
        "country_id": env.ref("base.uk").id, "phone": "+44 113 000 000"}))
    template, product_name = shop.odoo_env(lambda env: (
        env["product.product"].browse(product).product_tmpl_id.id,
        env["product.product"].browse(product).name))

    # 1. The customer finds the part out of stock and puts 2 in the basket.
    log_in(browser, shop.url, login, "/shop/product/%d" % template)
    button = wait_for(browser, "#add_to_cart")
    assert button.text.strip() == "Backorder"
    stock = browser.find_element(By.CSS_SELECTOR, "#product_details .o_backorder_stock")
    assert stock.get_attribute("data-level") == "empty"
    snap(browser, artifacts_dir, "01-product-out-of-stock")
    quantity = browser.find_element(By.CSS_SELECTOR, "#product_details input[name=add_qty]")
    quantity.clear()
    quantity.send_keys("2")
    button.click()
    row = wait_for(browser, ".o_backorder_cart tr.o_backorder_position")
    assert product_name in row.text
    assert background(row.find_element(By.TAG_NAME, "td")) == YELLOW
    assert not browser.find_elements(By.CSS_SELECTOR, ".o_backorder_add_one")
    snap(browser, artifacts_dir, "02-cart-backorder-yellow")
    [(name, requested, assigned, _done, state)] = shop.positions(product_id=product)
    assert (requested, assigned, state) == (2, 0, "waiting")

    # 2. Staff validate a receipt of 2 pieces in the backend.
    picking = shop.odoo_env(lambda env: _ready_receipt(env, product, 2))
    log_in(browser, shop.url, "admin", "/web#id=%d&model=stock.picking&view_type=form"
           % picking)
    click_backend_button(browser, "Validate")
    click_backend_button(browser, "Apply", container="modal-footer")
    WebDriverWait(browser, WAIT).until(
        lambda b: shop.positions(product_id=product)[0][4] == "assigned")
    snap(browser, artifacts_dir, "03-staff-validated-receipt")
    assert shop.positions(product_id=product) == [(name, 2, 2, 0, "assigned")]

    # 3. The customer logs in: the cart icon flashes.
    log_in(browser, shop.url, login, "/shop")
    cart_link = wait_for(browser, "#my_cart.o_backorder_flash > a")
    assert cart_link.value_of_css_property("animation-name") == "o_backorder_flash"
    colours = set()
    for _sample in range(8):
        colours.add(background(cart_link))
        time.sleep(0.15)
    assert len(colours) > 1, "the cart icon does not change colour: %s" % colours
    snap(browser, artifacts_dir, "04-cart-icon-flashing")

    # 4. "+1" twice: both reserved pieces become a cart line.
    cart_link.click()
    for expected in ("1", "2"):
        wait_for(browser, ".o_backorder_add_one", clickable=True).click()
        # The cart page comes back with the line; Chromium may be asked about
        # the old page's nodes while it goes: those answers are skipped.
        WebDriverWait(browser, WAIT, ignored_exceptions=[WebDriverException]).until(
            lambda b: b.find_element(By.CSS_SELECTOR, ".js_cart_lines input.js_quantity")
            .get_attribute("value") == expected)
    assert not browser.find_elements(By.CSS_SELECTOR, ".o_backorder_add_one")
    assert not browser.find_elements(By.CSS_SELECTOR, "#my_cart.o_backorder_flash")
    snap(browser, artifacts_dir, "05-plus-one-in-cart")

    # 5. Checkout with wire transfer: the order is placed.
    follow_link(browser, "a[href='/shop/checkout']")
    follow_link(browser, "a[href='/shop/confirm_order']")
    # Clicked before the payment form's script is attached, the button does
    # nothing (seen in a full run on a busy machine).
    wait_for_odoo_module(browser, "payment.payment_form")
    wait_for(browser, "#o_payment_form_pay", clickable=True).click()
    WebDriverWait(browser, WAIT).until(lambda b: "/shop/confirmation" in b.current_url)
    # The reserved pieces are in the order awaiting payment: nothing flashes.
    wait_for(browser, "header")
    assert not browser.find_elements(By.CSS_SELECTOR, "#my_cart.o_backorder_flash")
    snap(browser, artifacts_dir, "06-order-placed")
    order = shop.odoo_env(lambda env: env["sale.order"].search(
        [("partner_id", "=", partner), ("state", "!=", "cancel")], order="id desc",
        limit=1).id)

    # 6. Staff confirm the paid order: it consumes the hold, the position is done.
    log_in(browser, shop.url, "admin", "/web#id=%d&model=sale.order&view_type=form"
           % order)
    click_backend_button(browser, "Confirm Sale")
    WebDriverWait(browser, WAIT).until(
        lambda b: shop.positions(product_id=product)[0][4] == "done")
    assert shop.positions(product_id=product) == [(name, 2, 0, 2, "done")]

    # 7. The customer's portal shows the position done.
    log_in(browser, shop.url, login, "/my/backorders?filterby=all")
    row = wait_for(browser, "tr[data-position-id]")
    assert "Done" in row.text and name in row.text
    assert background(row.find_element(By.TAG_NAME, "td")) != YELLOW
    snap(browser, artifacts_dir, "07-my-backorders-done")


def _ready_receipt(env, product_id, qty):
    """A receipt waiting in the warehouse for staff to validate; its id."""
    product = env["product.product"].browse(product_id)
    warehouse = product._backorder_warehouse()
    supplier = env.ref("stock.stock_location_suppliers")
    picking = env["stock.picking"].create({
        "picking_type_id": warehouse.in_type_id.id,
        "location_id": supplier.id, "location_dest_id": warehouse.lot_stock_id.id,
        "move_lines": [(0, 0, {
            "name": product.name, "product_id": product.id, "product_uom_qty": qty,
            "product_uom": product.uom_id.id, "location_id": supplier.id,
            "location_dest_id": warehouse.lot_stock_id.id})],
    })
    picking.action_confirm()
    picking.action_assign()
    return picking.id
