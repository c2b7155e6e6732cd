# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The cart of a customer with many backorder positions (issue 12, item 3)
lists the positions that hold pieces first and at most a page of them; the
rest are counted and a link leads to My backorders, which pages through all."""
import re


def test_the_cart_shows_held_positions_first_and_counts_the_rest(shop):
    login, partner_id = shop.customer("Many positions garage")
    products = [shop.product("Many positions part %d" % index) for index in range(25)]

    def queue(env):
        Position = env["backorder.position"]
        return [Position.create({"partner_id": partner_id, "product_id": product_id,
                                 "product_qty": 2}).id for product_id in products]
    position_ids = shop.odoo_env(queue)
    # The last two in the queue get pieces.
    for product_id in products[-2:]:
        shop.receive(product_id, 1)

    html = shop.client(login).get(shop.url + "/shop/cart").text
    rows = re.findall(r'data-position-id="(\d+)"\s+data-state="(\w+)"', html)
    assert len(rows) == 20
    assert rows[:2] == [(str(position_id), "assigned") for position_id in position_ids[-2:]]
    assert [int(position_id) for position_id, _state in rows[2:]] == position_ids[:18]
    assert html.count("o_backorder_add_one") == 2
    more = re.search(r'o_backorder_more">\s*(\d+) more', html)
    assert more and more.group(1) == "5"
    assert 'href="/my/backorders"' in html
