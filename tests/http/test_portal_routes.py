# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""My backorders in the portal (SPEC 5, invariant 5): a customer sees and
cancels only their own positions; visitors are sent to the login page."""
import re

from _shop import csrf_token


def queue(shop, partner_id, product_id, qty):
    """A position of ``qty`` pieces for the customer, made by staff; its id."""
    return shop.odoo_env(lambda env: env["backorder.position"].create({
        "partner_id": partner_id, "product_id": product_id, "product_qty": qty}).id)


def state(shop, position_id):
    return shop.odoo_env(lambda env: env["backorder.position"].browse(position_id).state)


def cancel(shop, client, position_id, token=True):
    data = {}
    if token:
        data["csrf_token"] = csrf_token(client.get(shop.url + "/shop").text)
    return client.post(shop.url + "/my/backorders/%s/cancel" % position_id, data=data)


def test_home_counts_and_list_shows_own_open_positions_only(shop):
    product = shop.product("Brake disc")
    login, partner = shop.customer()
    _other_login, other = shop.customer("Other")
    own = [queue(shop, partner, product, qty) for qty in (1,)]
    other_position = queue(shop, other, product, 2)
    client = shop.client(login)
    home = client.get(shop.url + "/my/home").text
    entry = re.search(r'o_backorder_home_entry">\s*<span class="badge">(\d+)</span>', home)
    assert entry and entry.group(1) == "1"
    listing = client.get(shop.url + "/my/backorders").text
    names = shop.odoo_env(lambda env: env["backorder.position"].browse(
        own + [other_position]).mapped("name"))
    assert names[0] in listing and names[1] not in listing
    assert 'data-position-id="%d"' % own[0] in listing


def test_detail_shows_history_and_refuses_other_customers(shop):
    product = shop.product("Brake caliper", backorder_note="Ships end of January")
    login, partner = shop.customer()
    _other_login, other = shop.customer("Other")
    own = queue(shop, partner, product, 2)
    others = queue(shop, other, product, 1)
    client = shop.client(login)
    detail = client.get(shop.url + "/my/backorders/%d" % own)
    assert "Position created: 2 x" in detail.text
    assert "Ships end of January" in detail.text
    for position_id in (others, 2 ** 31 - 2, 2 ** 40):
        response = client.get(shop.url + "/my/backorders/%d" % position_id)
        assert response.status_code == 200
        assert "does not exist or is not yours" in response.text
        assert "Traceback" not in response.text


def test_cancel_own_open_position_only(shop):
    product = shop.product("Shock absorber")
    login, partner = shop.customer()
    _other_login, other = shop.customer("Other")
    own = queue(shop, partner, product, 1)
    others = queue(shop, other, product, 1)
    client = shop.client(login)
    response = cancel(shop, client, others)
    assert "does not exist or is not yours" in response.text
    assert state(shop, others) == "waiting"
    response = cancel(shop, client, own, token=False)
    assert response.status_code == 400 and "Traceback" not in response.text
    assert state(shop, own) == "waiting"
    response = cancel(shop, client, own)
    assert "was cancelled" in response.text
    assert state(shop, own) == "cancelled"
    response = cancel(shop, client, own)
    assert "Only waiting or assigned positions can be cancelled" in response.text
    assert state(shop, own) == "cancelled"


def test_visitors_are_sent_to_the_login_page(shop):
    client = shop.client()
    for path in ("/my/backorders", "/my/backorders/1"):
        response = client.get(shop.url + path)
        assert response.url.split("?")[0].endswith("/web/login"), path


def test_staff_reason_for_a_longer_hold_stays_out_of_the_portal(shop):
    product = shop.product("Clutch cable")
    login, partner = shop.customer()
    position_id = queue(shop, partner, product, 1)
    shop.receive(product, 1)

    def extend(env, date, reason, notify):
        env["backorder.hold.extension"].with_context(active_ids=[position_id]).create({
            "date_expiry": date, "reason": reason, "notify_customer": notify,
        }).action_extend()
    shop.odoo_env(lambda env: extend(env, "2031-06-01 12:00:00", "Customer owes us money",
                                     False))
    client = shop.client(login)
    page = client.get(shop.url + "/my/backorders/%d" % position_id).text
    assert "2031-06-01 12:00:00" in page
    assert "owes us money" not in page
    shop.odoo_env(lambda env: extend(env, "2031-07-01 12:00:00", "Held at customs, sorry",
                                     True))
    assert "Held at customs" in client.get(
        shop.url + "/my/backorders/%d" % position_id).text
