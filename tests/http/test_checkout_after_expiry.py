# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Checkout after a hold ran out (issue 11, item 4): pieces in the cart that are
neither free nor held for the customer any more go back on backorder before any
payment is taken, and the cart says so. Real HTTP requests to a real server."""
from datetime import timedelta

from odoo import fields

from _shop import add_one, cart_lines

TRANSFER = "payment.payment_acquirer_transfer"


def cart_of_expired_hold(shop, name):
    """A customer whose 2 reserved pieces were moved into the cart with "+1",
    then the hold ran out and the pieces went to the next customer in line:
    (logged-in client, partner id, product id)."""
    product = shop.product(name)
    login, partner = shop.customer("Late Garage")
    _next_login, next_partner = shop.customer("Next Garage")

    def queue(env, partner_id):
        env["backorder.position"].create(
            {"partner_id": partner_id, "product_id": product, "product_qty": 2})
    shop.odoo_env(lambda env: queue(env, partner))
    shop.receive(product, 2)
    shop.odoo_env(lambda env: queue(env, next_partner))
    client = shop.client(login)
    [(held, _qty, _assigned, _done, _state)] = shop.positions(partner_id=partner)
    for _piece in range(2):
        add_one(shop, client, held)
    assert cart_lines(shop, partner) == {product: 2.0}

    def expire(env):
        position = env["backorder.position"].search([("name", "=", held)])
        env["backorder.position"]._cron_expire_holds(
            now=fields.Datetime.from_string(position.date_expiry) + timedelta(hours=1))
    shop.odoo_env(expire)
    assert [p[2:] for p in shop.positions(product_id=product)] == [
        (0, 0, "expired"), (2, 0, "assigned")]
    return client, partner, product


def assert_moved_back(shop, partner, product):
    assert cart_lines(shop, partner) == {}
    assert [p[1:] for p in shop.positions(partner_id=partner)] == [
        (2, 0, 0, "expired"), (2, 0, 0, "waiting")]
    transactions = shop.odoo_env(lambda env: env["payment.transaction"].search_count(
        [("partner_id", "=", partner)]))
    assert transactions == 0, "a payment was started for pieces no longer there"


def test_checkout_page_sends_the_customer_back_to_the_cart(shop):
    client, partner, product = cart_of_expired_hold(shop, "Expired hold caliper")
    response = client.get(shop.url + "/shop/payment", allow_redirects=False)
    assert response.status_code in (302, 303)
    assert response.headers["Location"].endswith("/shop/cart")
    assert_moved_back(shop, partner, product)
    cart = client.get(shop.url + "/shop/cart").text
    # Each message once: the cart's flash, not again as website_sale_stock's
    # stock warning of the order.
    assert cart.count("no longer in stock or reserved for you") == 1
    assert cart.count("are on backorder") == 1


def test_pay_now_takes_no_payment_and_leads_to_the_cart(shop):
    client, partner, product = cart_of_expired_hold(shop, "Expired hold disc")
    acquirer = shop.odoo_env(lambda env: env.ref(TRANSFER).id)
    response = client.post(shop.url + "/shop/payment/transaction/", json={
        "jsonrpc": "2.0", "method": "call", "params": {"acquirer_id": acquirer}})
    assert response.status_code == 200
    form = response.json()["result"]
    # website_sale's payment script posts the form it gets to its action URL.
    assert 'data-action-url="/shop/cart"' in form
    assert 'name="csrf_token"' in form
    assert_moved_back(shop, partner, product)
    assert "no longer in stock or reserved for you" in client.get(
        shop.url + "/shop/cart").text


def test_a_saved_card_is_not_charged(shop):
    client, partner, product = cart_of_expired_hold(shop, "Expired hold pad")

    def saved_card(env):
        return env["payment.token"].create({
            "name": "Saved card", "partner_id": partner,
            "acquirer_id": env.ref(TRANSFER).id, "acquirer_ref": "saved-card"}).id
    response = client.get(shop.url + "/shop/payment/token", params={
        "pm_id": shop.odoo_env(saved_card)}, allow_redirects=False)
    assert response.status_code in (302, 303)
    assert response.headers["Location"].endswith("/shop/cart")
    assert_moved_back(shop, partner, product)
