"""What staff can do to positions over Odoo's external API (XML-RPC), as the
demo sales user (Marc Demo): the engine's bookkeeping is out of reach, the
position's actions work and log (SPEC invariant 4)."""
import os
import xmlrpc.client

import pytest


@pytest.fixture(scope="module")
def salesman(shop):
    """(models proxy, database, uid, password) of the demo sales user."""
    database = os.environ["BACKORDER_HTTP_DB"]
    uid = xmlrpc.client.ServerProxy(shop.url + "/xmlrpc/2/common").authenticate(
        database, "demo", "demo", {})
    assert uid, "the demo sales user cannot log in"
    return xmlrpc.client.ServerProxy(shop.url + "/xmlrpc/2/object"), database, uid, "demo"


def call(salesman, method, *args):
    models, database, uid, password = salesman
    return models.execute_kw(database, uid, password, "backorder.position", method, list(args))


def test_sales_user_cannot_set_held_pieces_or_state_over_rpc(shop, salesman):
    product = shop.product("RPC caliper")
    _login, partner = shop.customer("RPC garage")
    position_id = call(salesman, "create", {
        "partner_id": partner, "product_id": product, "product_qty": 4})
    for vals in ({"qty_assigned": 4}, {"state": "done"}, {"qty_done": 2},
                 {"date_expiry": "2031-01-01 00:00:00"}):
        with pytest.raises(xmlrpc.client.Fault) as refused:
            call(salesman, "write", [position_id], vals)
        assert "cannot be set by hand" in refused.value.faultString
    with pytest.raises(xmlrpc.client.Fault):
        call(salesman, "create", {"partner_id": partner, "product_id": product,
                                  "product_qty": 4, "qty_assigned": 4})
    [(_name, requested, assigned, done, state)] = shop.positions(product_id=product)
    assert (requested, assigned, done, state) == (4, 0, 0, "waiting")
    # The action does it, and says so on the position.
    call(salesman, "action_cancel", [position_id])
    assert shop.positions(product_id=product)[0][4] == "cancelled"
    bodies = shop.odoo_env(lambda env: env["backorder.position"].browse(
        position_id).message_ids.mapped("body"))
    assert any("Position cancelled." in body for body in bodies)
