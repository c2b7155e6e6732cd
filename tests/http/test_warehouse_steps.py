# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A customer's reserved pieces survive a warehouse on pick + ship (issue 11,
item 1): another customer's order, picked meanwhile, cannot take them, so the
customer still moves them into the cart and checks out. Real HTTP requests to a
real server; the warehouse goes back to its steps afterwards."""
import pytest

from _shop import add_one, cart_lines


@pytest.fixture
def pick_ship(shop):
    """The shop's warehouse delivering in two steps (pick, then ship)."""
    def set_steps(env, steps):
        warehouse = env["product.product"]._backorder_warehouse()
        before, warehouse.delivery_steps = warehouse.delivery_steps, steps
        return before
    before = shop.odoo_env(lambda env: set_steps(env, "pick_ship"))
    yield
    shop.odoo_env(lambda env: set_steps(env, before))


def picked_for_walk_in(shop, product, qty):
    """A backend order of ``qty`` pieces for a customer who never queued,
    confirmed and its pick reserved as far as it can: the pieces reserved."""
    def work(env):
        walk_in = env["res.partner"].create({"name": "Walk-in %s" % shop.tag()})
        order = env["sale.order"].create({
            "partner_id": walk_in.id,
            "order_line": [(0, 0, {"product_id": product, "product_uom_qty": qty,
                                   "price_unit": 12.5, "name": "Walk-in"})],
        })
        order.action_confirm()
        stock = env["product.product"]._backorder_warehouse().lot_stock_id
        pick = order.picking_ids.filtered(lambda picking: picking.location_id == stock)
        assert pick.picking_type_id.name == "Pick", pick.picking_type_id.name
        pick.action_assign()
        return sum(pick.mapped("move_lines.reserved_availability"))
    return shop.odoo_env(work)


def test_a_pick_for_someone_else_leaves_the_reserved_pieces_to_the_customer(
        shop, pick_ship):
    product = shop.product("Pick-ship caliper")
    login, partner = shop.customer("Waiting Garage")
    shop.odoo_env(lambda env: env["backorder.position"].create(
        {"partner_id": partner, "product_id": product, "product_qty": 2}) and None)
    shop.receive(product, 2)
    [(name, _qty, held, _done, state)] = shop.positions(partner_id=partner)
    assert (held, state) == (2, "assigned")

    assert picked_for_walk_in(shop, product, 2) == 0

    client = shop.client(login)
    assert "o_backorder_add_one" in client.get(shop.url + "/shop/cart").text
    for _piece in range(2):
        add_one(shop, client, name)
    assert cart_lines(shop, partner) == {product: 2.0}
    # Checking out finds the pieces still reserved: nothing goes back.
    response = client.get(shop.url + "/shop/payment", allow_redirects=False)
    assert response.status_code == 200
    assert cart_lines(shop, partner) == {product: 2.0}
