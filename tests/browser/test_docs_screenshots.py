# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The screens the role guides of docs/ show that no other browser test
takes (issue 15, docs per role): the customer's cart with "+1", a position
in the portal and the four e-mails in English; the staff's product queue,
position form, quotation line put on backorder, customer reputation, the
mass message, key accounts first and ordering what a queue needs; the
admin's settings and scheduled
actions. Each step checks what the guide says about the screen, then leaves a
screenshot in
artifacts/browser/ under the name docs/screenshots/ gives it."""
import os
from datetime import datetime, timedelta

from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from _browser import (
    WAIT, YELLOW, background, click_backend_button, log_in, preview_arrival, preview_rows,
    show_mail, wait_for)
from odoo import fields

from odoo.addons.backorder_reservation.tests.common import planned_receipt

from _shop import add_to_cart

WINDOW = (1280, 1000)


def snap(browser, artifacts_dir, name):
    """Save the window as ``name`` once the backend's "Loading" notice is
    gone, without the pulsing tips of Odoo's onboarding tours (web_tour),
    which a fresh database shows the admin, which the tours draw again while
    a page lives, and which are no part of the screens the guides explain."""
    browser.execute_script(
        "if (!document.getElementById('docs_no_tour_tips')) {"
        " var style = document.createElement('style');"
        " style.id = 'docs_no_tour_tips';"
        " style.textContent = '.o_tooltip { display: none !important; }';"
        " document.head.appendChild(style); }")
    WebDriverWait(browser, WAIT, ignored_exceptions=[StaleElementReferenceException]).until(
        lambda b: not any(notice.is_displayed() for notice in b.find_elements(
            By.CSS_SELECTOR, ".o_loading")))
    path = os.path.join(artifacts_dir, name)
    browser.save_screenshot(path)
    return path


def product_template(shop, product_id):
    return shop.odoo_env(
        lambda env: env["product.product"].browse(product_id).product_tmpl_id.id)


def position_id(shop, product_id):
    return shop.odoo_env(lambda env: env["backorder.position"].search(
        [("product_id", "=", product_id)]).id)


# ------------------------------------------------------------------ customer
def test_customer_cart_plus_one_and_position_page(shop, browser, artifacts_dir):
    pump = shop.product("Fuel pump")
    filter_ = shop.product("Cabin filter")
    login, _partner = shop.customer("Harbour Garage")
    client = shop.client(login)
    add_to_cart(shop, client, pump, 3)
    shop.receive(pump, 2)
    add_to_cart(shop, client, filter_, 1)
    # The third pump is on its way: a receipt planned in 5 days.
    arrival = (datetime.utcnow() + timedelta(days=5)).replace(hour=12)
    shop.odoo_env(lambda env: planned_receipt(
        env, env["product.product"].browse(pump), 1,
        fields.Datetime.to_string(arrival)) and None)
    expected = "Expected around %s" % arrival.strftime("%m/%d/%Y")

    log_in(browser, shop.url, login, "/shop/cart")
    rows = {row.get_attribute("data-state"): row for row in browser.find_elements(
        By.CSS_SELECTOR, ".o_backorder_cart tr.o_backorder_position")}
    assert set(rows) == {"assigned", "waiting"}
    plus_one = rows["assigned"].find_element(By.CSS_SELECTOR, ".o_backorder_add_one")
    assert plus_one.text == "+1"
    assert plus_one.get_attribute("title") == \
        "Move one of the 2 reserved piece(s) into the cart"
    assert "Waiting" in rows["waiting"].text
    assert expected in rows["assigned"].text and "Expected" not in rows["waiting"].text
    assert not rows["waiting"].find_elements(By.CSS_SELECTOR, ".o_backorder_add_one")
    for row in rows.values():
        assert background(row.find_element(By.TAG_NAME, "td")) == YELLOW
    badge = wait_for(browser, "#my_cart .o_backorder_flash_badge")
    assert badge.text.strip() == "2 reserved"
    snap(browser, artifacts_dir, "shop-cart-plus-one.png")

    browser.get("%s/my/backorders/%d" % (shop.url, position_id(shop, pump)))
    panel = wait_for(browser, ".o_backorder_portal_position")
    assert "Reserved for you" in panel.text and "Still waiting for" in panel.text
    assert expected in panel.text
    assert panel.find_element(By.CSS_SELECTOR, "a[href='/shop/cart']").text == \
        "Go to the cart"
    assert panel.find_element(By.CSS_SELECTOR, ".o_backorder_cancel button").text == \
        "Cancel this backorder"
    history = panel.find_element(By.CSS_SELECTOR, ".o_backorder_history").text
    assert "Assigned 2 piece(s)" in history
    snap(browser, artifacts_dir, "portal-my-backorder.png")


def queued_mail(env, position, template=None):
    """(subject, HTML body) of the newest e-mail queued for ``position``,
    queued first from ``template`` (the xml id the scheduled action uses)."""
    if template:
        position._send_mail(template)
    mail = env["mail.mail"].search([
        ("model", "=", "backorder.position"), ("res_id", "=", position.id)],
        order="id desc", limit=1)
    return mail.subject, mail.body_html


def test_customer_emails_in_english(shop, browser, artifacts_dir):
    caliper = shop.product(
        "Brake caliper", backorder_note="In production, ships end of January")
    _login, customer = shop.customer("Leeds Garage")
    _login, lapsed = shop.customer("Lapsed Garage", eligible=False)
    positions = shop.odoo_env(lambda env: {
        name: env["backorder.position"].create(
            {"partner_id": partner, "product_id": caliper, "product_qty": qty}).id
        for name, partner, qty in (("held", customer, 3), ("notify", lapsed, 1))})
    shop.receive(caliper, 2)

    def mails(env):
        Position = env["backorder.position"]
        held, notify = Position.browse(positions["held"]), Position.browse(
            positions["notify"])
        assert (held.state, held.qty_assigned, notify.notify_only) == \
            ("assigned", 2, True)
        # What the scheduled action "e-mail customers about assigned pieces"
        # sends; the other three templates rendered for the same positions.
        Position._cron_send_assignment_notices()
        return {
            "assigned": queued_mail(env, held),
            "available": queued_mail(
                env, notify, "backorder_reservation.mail_template_position_available"),
            "expired": queued_mail(
                env, held, "backorder_reservation.mail_template_position_expired"),
            "removed": queued_mail(
                env, notify, "backorder_reservation.mail_template_position_removed"),
        }
    rendered = shop.odoo_env(mails)

    text = show_mail(browser, artifacts_dir, "mail-assigned.png", *rendered["assigned"])
    assert "Good news: 2 of the 3 piece(s)" in text
    assert "In production, ships end of January" in text
    assert "Open my cart" in text
    text = show_mail(browser, artifacts_dir, "mail-available.png", *rendered["available"])
    assert "is in stock now. It is not reserved for you" in text
    text = show_mail(browser, artifacts_dir, "mail-expired.png", *rendered["expired"])
    assert "were not ordered in time" in text
    text = show_mail(browser, artifacts_dir, "mail-removed.png", *rendered["removed"])
    assert "is closed now" in text


# ------------------------------------------------------------------ staff
def test_staff_product_queue_position_and_mass_message(shop, browser, artifacts_dir):
    product = shop.product(
        "Clutch kit", backorder_cap=20, backorder_note="Next delivery early March")
    customers = [shop.customer("Clutch Garage %d" % i)[1] for i in range(3)]
    ids = shop.odoo_env(lambda env: [env["backorder.position"].create(
        {"partner_id": partner, "product_id": product, "product_qty": qty}).id
        for partner, qty in zip(customers, (4, 2, 1))])
    shop.receive(product, 5)
    template = product_template(shop, product)
    form = "/web#id=%d&model=product.template&view_type=form" % template

    # The product form: its Backorders settings on the Sales tab.
    log_in(browser, shop.url, "admin", form)
    open_sales_tab(browser)
    group = wait_for(browser, ".o_form_sheet .o_group .o_horizontal_separator")
    assert group.is_displayed()
    labels = [label.text for label in browser.find_elements(
        By.CSS_SELECTOR, ".o_form_sheet label.o_form_label") if label.is_displayed()]
    for label in ("Backorders Allowed", "Backorder Cap", "Pre-order Release Date",
                  "Expected Arrival", "Backorder Note"):
        assert label in labels, labels
    scroll_to(browser, "//button[normalize-space() = 'Preview Allocation']")
    snap(browser, artifacts_dir, "backend-product-backorders.png")

    # Its Backorders button: the queue, oldest first.
    stat_button(browser, "Backorders").click()
    WebDriverWait(browser, WAIT, ignored_exceptions=[StaleElementReferenceException]).until(
        lambda b: len(b.find_elements(By.CSS_SELECTOR, ".o_list_view tr.o_data_row")) == 3)
    rows = browser.find_elements(By.CSS_SELECTOR, ".o_list_view tr.o_data_row")
    # 5 pieces for needs 4, 2, 1: the oldest gets all 4, the next one 1.
    assert [row.find_elements(By.TAG_NAME, "td")[7].text for row in rows] == \
        ["4", "1", "0"]
    snap(browser, artifacts_dir, "backend-product-queue.png")

    # A position's form: status bar, buttons and history.
    browser.get("%s/web#id=%d&model=backorder.position&view_type=form" % (shop.url, ids[1]))
    wait_for(browser, ".o_form_statusbar .o_statusbar_status")
    wait_for(browser, ".o_thread_message")
    buttons = [button.text.upper() for button in browser.find_elements(
        By.CSS_SELECTOR, ".o_form_statusbar .o_statusbar_buttons button")
        if button.is_displayed()]
    assert buttons == ["EXTEND HOLD", "ASSIGN STOCK NOW", "CANCEL"], buttons
    snap(browser, artifacts_dir, "backend-position-form.png")

    # Message Waiting Customers: one message to every open position.
    browser.get(shop.url + form)
    open_sales_tab(browser)
    click_backend_button(browser, "Message Waiting Customers", container="o_form_sheet")
    wait_for(browser, ".modal input[name=subject]").send_keys(
        "New delivery date for your clutch kit")
    wait_for(browser, ".modal .note-editable").send_keys(
        "Our supplier ships the next clutch kits on 20 March; they are "
        "assigned to you in the order you asked for them.")
    count = wait_for(browser, ".modal span[name=position_count]").text
    assert count == "3"
    snap(browser, artifacts_dir, "backend-mass-message.png")
    click_backend_button(browser, "Send", container="modal-footer")
    WebDriverWait(browser, WAIT).until(lambda b: not b.find_elements(By.CSS_SELECTOR, ".modal"))
    sent = shop.odoo_env(lambda env: [
        position.message_ids.filtered(
            lambda m: m.subject == "New delivery date for your clutch kit").partner_ids.ids
        for position in env["backorder.position"].browse(ids)])
    assert sent == [[partner] for partner in customers]


def set_key_accounts_first(shop, value):
    """Turn the setting on or off as saving it does, without saving the whole
    settings page: in the database the other HTTP tests share, that would also
    rewrite website_sale_stock's defaults for new products (the low-stock
    threshold the product page tests rely on)."""
    def work(env):
        env["ir.config_parameter"].sudo().set_param(
            "backorder_reservation.key_accounts_first", value)
        env["backorder.position"]._requeue_priorities()
    shop.odoo_env(work)


def test_staff_key_accounts_first(shop, browser, artifacts_dir):
    product = shop.product("Injector nozzle")
    garages = [shop.customer("Injector Garage %d" % i)[1] for i in range(2)]
    fleets = [shop.customer("Injector Fleet %d" % i)[1] for i in range(2)]
    # Queued in this order; the fleets are key accounts.
    requests = [(garages[0], 3), (fleets[0], 2), (garages[1], 2), (fleets[1], 1)]
    shop.odoo_env(lambda env: [env["backorder.position"].create(
        {"partner_id": partner, "product_id": product, "product_qty": qty})
        for partner, qty in requests] and env["res.partner"].browse(fleets).write(
        {"backorder_priority": "key_account"}) and None)
    set_key_accounts_first(shop, True)
    try:
        log_in(browser, shop.url, "admin", "/web#id=%d&model=product.template&view_type=form"
               % product_template(shop, product))
        open_sales_tab(browser)
        preview_arrival(browser, 5)
        # The key accounts first, each group oldest first; then the rule as
        # ever: needs 2, 1, 3, 2 with 5 arriving give 2, 1, 1, 1.
        WebDriverWait(browser, WAIT, ignored_exceptions=[StaleElementReferenceException]).until(
            lambda b: [cells[-1] for cells in preview_rows(b)] == ["2", "1", "1", "1"])
        rows = preview_rows(browser)
        assert [cells[0] for cells in rows] == ["1", "2", "3", "4"]
        names = shop.odoo_env(lambda env: {
            partner.id: partner.name for partner in env["res.partner"].browse(
                [partner for partner, _qty in requests])})
        assert [cells[2] for cells in rows] == [
            names[fleets[0]], names[fleets[1]], names[garages[0]], names[garages[1]]]
        assert [cells[3] for cells in rows] == ["Key account"] * 2 + ["Normal"] * 2
        snap(browser, artifacts_dir, "backend-key-account-preview.png")

        # The older garage's form: its open positions and their places.
        browser.get("%s/web#id=%d&model=res.partner&view_type=form" % (shop.url, garages[0]))
        wait_for(browser, ".o_form_sheet").find_element(By.XPATH, (
            "//ul[contains(@class, 'nav-tabs')]//a[normalize-space() = 'Backorders']")).click()
        table = wait_for(browser, ".o_form_sheet div[name=backorder_open_position_ids] "
                                  ".o_list_view tr.o_data_row")
        cells = [cell.text for cell in table.find_elements(By.TAG_NAME, "td")]
        assert "Injector nozzle" in cells[1] and cells[6] == "3", cells
        snap(browser, artifacts_dir, "backend-customer-backorders.png")
    finally:
        set_key_accounts_first(shop, False)


def test_staff_orders_what_the_queue_needs(shop, browser, artifacts_dir):
    """The purchase bridge: the product's queue of 5 pieces, 1 already
    incoming, asks its vendor for 4 in a request for quotation."""
    product = shop.product("Glow plug")
    garages = [shop.customer("Glow Garage %d" % i)[1] for i in range(2)]

    def prepare(env):
        vendor = env["res.partner"].create({
            "name": "Glow Parts Wholesale %s" % shop.tag(), "is_company": True,
            "supplier": True})
        part = env["product.product"].browse(product)
        env["product.supplierinfo"].create({
            "name": vendor.id, "product_tmpl_id": part.product_tmpl_id.id,
            "price": 3.4, "delay": 6})
        for partner, qty in zip(garages, (3, 2)):
            env["backorder.position"].create(
                {"partner_id": partner, "product_id": product, "product_qty": qty})
        planned_receipt(env, part, 1)
        return vendor.name
    vendor = shop.odoo_env(prepare)

    log_in(browser, shop.url, "admin", "/web#id=%d&model=product.template&view_type=form"
           % product_template(shop, product))
    open_sales_tab(browser)
    click_backend_button(browser, "Order What the Queue Needs", container="o_form_sheet")
    row = wait_for(browser, ".modal .o_list_view tr.o_data_row")
    cells = [cell.text for cell in row.find_elements(By.TAG_NAME, "td")]
    # part, vendor, waiting, free, incoming, in requests, suggested, to order
    assert cells[1:8] == [vendor, "5", "0", "1", "0", "4", "4"], cells
    assert "Glow plug" in cells[0]
    snap(browser, artifacts_dir, "backend-order-queue-need.png")

    click_backend_button(browser, "Order", container="modal-footer")
    partner = wait_for(browser, ".o_form_view .o_field_widget[name=partner_id]")
    WebDriverWait(browser, WAIT).until(lambda b: vendor in partner.text)
    note = wait_for(browser, ".o_thread_message .o_thread_message_content")
    assert "4 piece(s) of" in note.text and "5 waiting, 0 free, 1 incoming" in note.text, \
        note.text
    browser.execute_script("arguments[0].scrollIntoView({block: 'end'});", note)
    snap(browser, artifacts_dir, "backend-order-queue-rfq.png")
    assert shop.odoo_env(lambda env: env["purchase.order.line"].search(
        [("product_id", "=", product)]).mapped("product_qty")) == [4.0]


def open_sales_tab(browser):
    tab = wait_for(browser, ".o_form_sheet")
    tab.find_element(
        By.XPATH, "//ul[contains(@class, 'nav-tabs')]//a[normalize-space() = 'Sales']").click()


def stat_button(browser, label):
    return WebDriverWait(browser, WAIT).until(lambda b: b.find_element(By.XPATH, (
        "//button[contains(@class, 'oe_stat_button')][.//span[normalize-space() = "
        "'%s']]" % label)))


def scroll_to(browser, xpath):
    element = WebDriverWait(browser, WAIT).until(lambda b: b.find_element(By.XPATH, xpath))
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'});", element)
    return element


def test_staff_quotation_line_and_customer_reputation(shop, browser, artifacts_dir):
    product = shop.product("Wheel bearing", stock=1)
    _login, partner = shop.customer("Quarry Garage")
    order = shop.odoo_env(lambda env: env["sale.order"].create({
        "partner_id": partner,
        "order_line": [(0, 0, {"product_id": product, "name": "Wheel bearing",
                               "product_uom_qty": 3, "price_unit": 18.0})],
    }).id)

    # The hourglass button of a quotation line: what stock cannot serve goes
    # on the customer's backorder position, the line keeps the rest.
    log_in(browser, shop.url, "admin", "/web#id=%d&model=sale.order&view_type=form" % order)
    wait_for(browser, ".o_form_view .o_list_view button.o_icon_button"
             "[title='Backorder the quantity not in stock']", clickable=True).click()
    WebDriverWait(browser, WAIT).until(lambda b: shop.positions(product_id=product))
    [(_name, requested, _held, _bought, state)] = shop.positions(product_id=product)
    assert (requested, state) == (2, "waiting")
    # The order's Backorders button appears and counts the new position.
    WebDriverWait(browser, WAIT, ignored_exceptions=[StaleElementReferenceException]).until(
        lambda b: stat_button(b, "Backorders").find_element(
            By.CSS_SELECTOR, ".o_stat_value").text == "1")
    snap(browser, artifacts_dir, "backend-quotation-backorder.png")

    # The customer's form: reputation and whether they take part.
    shop.odoo_env(lambda env: env["res.partner"].browse(partner).write(
        {"backorder_reputation": 60}) and None)
    browser.get("%s/web#id=%d&model=res.partner&view_type=form" % (shop.url, partner))
    wait_for(browser, ".o_form_sheet").find_element(By.XPATH, (
        "//ul[contains(@class, 'nav-tabs')]//a[normalize-space() = "
        "'Sales & Purchases']")).click()
    reputation = wait_for(browser, ".o_form_sheet span[name=backorder_reputation]")
    assert reputation.text == "60"
    scroll_to(browser, "//span[@name='backorder_reputation']")
    snap(browser, artifacts_dir, "backend-customer-reputation.png")


# ------------------------------------------------------------------ admin
def test_admin_settings_and_scheduled_actions(shop, browser, artifacts_dir):
    log_in(browser, shop.url, "admin", "/web#action=sale.action_sale_config_settings")
    block = wait_for(browser, "#backorder_reservation_settings")
    labels = [label.text for label in block.find_elements(By.CSS_SELECTOR, "label")]
    assert labels == [
        "Allocation Policy", "Key Accounts First", "Hold Days (complete)",
        "Hold Days (partial)", "Purchase Within (days)", "Starting Reputation",
        "Expiry Penalty", "Reputation Threshold", "Availability E-mails",
        "Days Between E-mails", "Removal After (days)", "Payment Wait (days)",
        "Scheduled Action Batch Size"]
    browser.set_window_size(1280, 1300)
    try:
        heading = block.find_element(By.XPATH, "preceding-sibling::h2[1]")
        assert heading.text == "Backorders"
        browser.execute_script("arguments[0].scrollIntoView();", heading)
        snap(browser, artifacts_dir, "admin-settings.png")
    finally:
        browser.set_window_size(*WINDOW)

    # Settings > Technical > Automation > Scheduled Actions, searched for ours.
    browser.get(shop.url + "/web?debug=1#action=base.ir_cron_act")
    search = wait_for(browser, ".o_searchview_input")
    wait_for(browser, ".o_list_view tr.o_data_row")
    search.send_keys("Backorders:", Keys.ENTER)
    WebDriverWait(browser, WAIT, ignored_exceptions=[StaleElementReferenceException]).until(
        lambda b: len(b.find_elements(By.CSS_SELECTOR, ".o_list_view tr.o_data_row")) == 4)
    names = sorted(row.find_elements(By.TAG_NAME, "td")[2].text for row in
                   browser.find_elements(By.CSS_SELECTOR, ".o_list_view tr.o_data_row"))
    assert names == [
        "Backorders: assign free stock (safety net)",
        "Backorders: availability e-mails and removal of notify-only positions",
        "Backorders: e-mail customers about assigned pieces",
        "Backorders: expire holds",
    ]
    snap(browser, artifacts_dir, "admin-scheduled-actions.png")

    # One of them: what it runs, how often.
    browser.find_element(By.XPATH, (
        "//tr[contains(@class, 'o_data_row')][td[normalize-space() = "
        "'Backorders: expire holds']]/td[3]")).click()
    code = wait_for(browser, ".o_form_view .ace_content")
    WebDriverWait(browser, WAIT).until(
        lambda b: "model._cron_expire_holds(commit=True)" in code.text)
    snap(browser, artifacts_dir, "admin-scheduled-action-form.png")
