# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A German-speaking customer's shop and e-mail (issue 15): German installed
the way staff install it (Settings > Translations > Load a Translation, which
loads the addon's i18n/de.po and Odoo's own German from the wheels) and
offered by the website beside English; the cart page in Chromium and the
assignment e-mail in German, with a screenshot of each in artifacts/browser/.
English stays the website's default: users and visitors keep their language."""
import os

import pytest
from selenium.webdriver.common.by import By

from _browser import YELLOW, background, log_in, show_mail, wait_for
from _shop import add_to_cart

GERMAN = "de_DE"


@pytest.fixture(scope="module")
def german(shop, registry):
    """German installed in the server's database and added to its websites."""
    def install(env):
        def user_languages():
            return {user.id: user.lang for user in env["res.users"].with_context(
                active_test=False).search([])}
        before = user_languages()
        wizard = env["base.language.install"].create({
            "lang": GERMAN, "website_ids": [(6, 0, env["website"].search([]).ids)]})
        wizard.lang_install()
        return {
            "languages": env["res.lang"].search([]).mapped("code"),
            "default": env["website"].search([]).mapped("default_lang_id.code"),
            "users kept their language": user_languages() == before,
            # Odoo's own German, from the wheels' website_sale/i18n/de.po.
            "website_sale": env["ir.translation"].search([
                ("lang", "=", GERMAN), ("module", "=", "website_sale"),
                ("src", "=", "Shopping Cart")]).mapped("value"),
            "addon": env["ir.translation"].search_count([
                ("lang", "=", GERMAN), ("module", "=", "backorder_reservation")]),
        }
    installed = shop.odoo_env(install)
    # The server is another process: its caches (the websites' languages)
    # are cleared at its next request when told through the database.
    registry.signal_changes()
    return installed


@pytest.fixture
def fresh_browser(browser, odoo_server):
    """The shared browser, left without the German pages' cookies (the
    frontend_lang cookie would show the next test's pages in German)."""
    yield browser
    browser.get(odoo_server + "/web/session/logout?redirect=/web/login")
    browser.delete_all_cookies()


def german_customer(shop, name):
    login, partner = shop.customer(name)
    shop.odoo_env(lambda env: env["res.partner"].browse(partner).write({"lang": GERMAN}))
    return login, partner


def put_on_backorder(shop, browser, product_id, qty):
    """On the German product page of an out-of-stock part: its button says
    so; ``qty`` pieces go in the basket, and the German cart page comes back."""
    template = shop.odoo_env(
        lambda env: env["product.product"].browse(product_id).product_tmpl_id.id)
    browser.get("%s/%s/shop/product/%d" % (shop.url, GERMAN, template))
    button = wait_for(browser, "#add_to_cart")
    assert button.text.strip() == "Rückstand"
    details = browser.find_element(By.CSS_SELECTOR, "#product_details").text
    assert "Nicht auf Lager: Was Sie bestellen, wartet in der Rückstands-Warteschlange" \
        in details
    quantity = browser.find_element(By.CSS_SELECTOR, "#product_details input[name=add_qty]")
    quantity.clear()
    quantity.send_keys(str(qty))
    button.click()
    wait_for(browser, ".o_backorder_cart tr[data-position-id='%d']" % shop.odoo_env(
        lambda env: env["backorder.position"].search([("product_id", "=", product_id)]).id))
    assert "/%s/shop/cart" % GERMAN in browser.current_url


def assignment_mail(shop, product_id):
    """(subject, HTML body) of the assignment e-mail the scheduled action
    queues for the position of the part."""
    def send(env):
        position = env["backorder.position"].search([("product_id", "=", product_id)])
        env["backorder.position"]._cron_send_assignment_notices()
        mail = env["mail.mail"].search([
            ("model", "=", "backorder.position"), ("res_id", "=", position.id)])
        return mail.subject, mail.body_html
    return shop.odoo_env(send)


def test_german_is_installed_beside_english(german):
    assert GERMAN in german["languages"] and "en_US" in german["languages"]
    assert set(german["default"]) == {"en_US"}
    assert german["users kept their language"]
    assert german["website_sale"] == ["Warenkorb"]
    assert german["addon"] > 250


def test_a_german_customer_sees_the_cart_and_the_email_in_german(
        shop, german, fresh_browser, artifacts_dir):
    browser = fresh_browser
    caliper = shop.product("Bremssattel vorne")
    filter_ = shop.product("Luftfilter")
    login, _partner = german_customer(shop, "Werkstatt Krause")
    log_in(browser, shop.url, login, "/%s/shop" % GERMAN)

    # 1. Three calipers on backorder: the cart says so, in German.
    put_on_backorder(shop, browser, caliper, 3)
    [(caliper_position, _, _, _, _)] = shop.positions(product_id=caliper)
    # The basket's message, once on the next cart page, tells what happened.
    message = wait_for(browser, "#wrap .o_backorder_message").text
    assert "Nicht auf Lager: 3 Stück von Bremssattel vorne" in message
    assert "als Rückstand vorgemerkt (%s)" % caliper_position in message

    # 2. Two arrive: they are assigned, and the e-mail is German.
    shop.receive(caliper, 2)
    subject, body = assignment_mail(shop, caliper)
    assert subject.endswith(": 2 Stück für Sie reserviert (%s)" % caliper_position)
    assert subject.startswith("Bremssattel vorne")
    assert "Hallo Werkstatt Krause" in body
    assert "<strong>2 der 3 Stück</strong>" in body
    assert "Schaltfläche „+1“ in Ihren Warenkorb" in body
    assert "Zu meinem Warenkorb</a>" in body
    for english in ("Hello", "Good news", "reserved for you", "Open my cart"):
        assert english not in subject + body

    # 3. An air filter on backorder too: the cart lists both, yellow.
    put_on_backorder(shop, browser, filter_, 1)
    page = browser.page_source
    headings = [th.text for th in browser.find_elements(
        By.CSS_SELECTOR, ".o_backorder_cart thead th")]
    assert headings == ["Produkt", "Angefordert", "Reserviert", "Gekauft", "Reserviert bis", ""]
    title = browser.find_element(By.CSS_SELECTOR, ".o_backorder_cart h4").text
    assert title.startswith("Rückstände")
    assert "die älteste Anforderung zuerst" in title
    assigned, waiting = browser.find_elements(By.CSS_SELECTOR, "tr.o_backorder_position")
    plus_one = assigned.find_element(By.CSS_SELECTOR, ".o_backorder_add_one")
    assert plus_one.get_attribute("title") == \
        "Ein reserviertes Stück (von 2) in den Warenkorb legen"
    assert "Wartend" in waiting.text
    assert background(assigned.find_element(By.TAG_NAME, "td")) == YELLOW
    assert background(waiting.find_element(By.TAG_NAME, "td")) == YELLOW
    assert "Nicht auf Lager: 1 Stück von Luftfilter" in wait_for(
        browser, "#wrap .o_backorder_message").text
    badge = browser.find_element(By.CSS_SELECTOR, "#my_cart .o_backorder_flash_badge")
    assert badge.text.strip() == "2 reserviert"
    assert badge.get_attribute("title") == "Für Sie reserviert: 2 Stück"
    assert "Alle meine Rückstände" in page
    # Odoo's own German (the wheels' website_sale) around the addon's.
    assert browser.find_element(By.CSS_SELECTOR, "#wrap h2").text == "Warenkorb"
    # (Odoo 11 leaves the page's <title>, "Shopping Cart", untranslated.)
    text = browser.find_element(By.TAG_NAME, "body").text
    for english in ("Backorders", "Requested", "Held until", "Shopping Cart", "reserved"):
        assert english not in text
    assert "Move one" not in page
    browser.save_screenshot(os.path.join(artifacts_dir, "shop-cart-de.png"))

    # 4. The e-mail as a mail program shows it: subject, then the HTML body.
    text = show_mail(browser, artifacts_dir, "mail-assigned-de.png", subject, body,
                     lang="de", subject_label="Betreff")
    assert "gute Nachricht: 2 der 3 Stück" in text


def test_english_customers_keep_english(shop, german):
    """English stays the default: a customer of the default language gets
    the English cart, titles included, at the same URLs as before."""
    product = shop.product("Brake caliper")
    login, _partner = shop.customer("Leeds Garage")
    client = shop.client(login)
    add_to_cart(shop, client, product, 2)
    shop.receive(product, 2)
    response = client.get(shop.url + "/shop/cart")
    assert response.url == shop.url + "/shop/cart"
    assert 'title="Move one of the 2 reserved piece(s) into the cart"' in response.text
    assert 'title="2 reserved piece(s) wait for you"' in response.text
    assert "<th>Held until</th>" in response.text
    assert "Rückstand" not in response.text
    subject, _body = assignment_mail(shop, product)
    assert "2 piece(s) reserved for you" in subject
