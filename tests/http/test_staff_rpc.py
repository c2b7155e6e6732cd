# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What staff can do to positions over Odoo's external API (XML-RPC), as the
demo sales user (Marc Demo): the engine's bookkeeping is out of reach, the
position's actions work and log (SPEC invariant 4)."""
import os
import threading
import time
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


def test_a_confirmation_retried_after_a_concurrent_update_succeeds(shop, registry):
    """Confirming an order consumes the customer's hold; when another
    transaction commits a change of that position meanwhile, Odoo retries the
    call, and the retry must not fail on the failed try's closed cursor."""
    import odoo
    from odoo.addons.backorder_reservation.tests.common import validate_receipt

    product = shop.product("RPC retried bearing")
    _login, partner = shop.customer("RPC retried garage")

    def held_and_ordered(env):
        position = env["backorder.position"].create({
            "partner_id": partner, "product_id": product, "product_qty": 2})
        validate_receipt(env, env["product.product"].browse(product), 2)
        order = env["sale.order"].create({
            "partner_id": partner, "order_line": [(0, 0, {
                "product_id": product, "product_uom_qty": 2})]})
        return position.id, order.id
    position_id, order_id = shop.odoo_env(held_and_ordered)
    database = os.environ["BACKORDER_HTTP_DB"]
    uid = xmlrpc.client.ServerProxy(shop.url + "/xmlrpc/2/common").authenticate(
        database, "admin", "admin", {})
    models = xmlrpc.client.ServerProxy(shop.url + "/xmlrpc/2/object")
    outcome = {}

    def confirm():
        try:
            models.execute_kw(database, uid, "admin", "sale.order", "action_confirm",
                              [[order_id]])
            outcome["confirmed"] = True
        except xmlrpc.client.Fault as fault:
            outcome["fault"] = fault.faultString

    with odoo.api.Environment.manage(), registry.cursor() as cr:
        # Another transaction changes the position and keeps it locked...
        cr.execute("UPDATE backorder_position SET write_date = now() at time zone 'UTC' "
                   "WHERE id = %s", (position_id,))
        caller = threading.Thread(target=confirm)
        caller.start()
        # ...until the confirmation waits for it; then it commits.
        deadline = time.time() + 60
        while time.time() < deadline and not waiting_for_position(registry):
            time.sleep(0.2)
        assert waiting_for_position(registry), "the confirmation never reached the position"
    caller.join(120)
    assert outcome == {"confirmed": True}
    [(_name, requested, assigned, done, state)] = shop.positions(product_id=product)
    assert (requested, assigned, done, state) == (2, 0, 2, "done")


def waiting_for_position(registry):
    """Whether a transaction waits for a lock to update a backorder position."""
    with registry.cursor() as cr:
        cr.execute("""SELECT count(*) FROM pg_stat_activity
                       WHERE wait_event_type = 'Lock'
                         AND query LIKE 'UPDATE "backorder_position"%%'""")
        return bool(cr.fetchone()[0])
