# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The shop's cart page on a multi-company database (issue 10, item 3): a
website shows, flashes and offers "+1" for the holds of its own company only.
Pieces held in another company's warehouse cannot be sold by this shop."""

from odoo.addons.backorder_reservation.tests.common import validate_receipt


def hold_in_second_company(shop, partner_id, qty):
    """A position of the customer in a second company, holding ``qty`` pieces
    received into that company's warehouse; its name."""
    def work(env):
        # Its warehouse code (and picking names) comes from the first letters.
        company = env["res.company"].create({"name": "%s Second Parts Co" % shop.tag()})
        company_env = env(context=dict(env.context, force_company=company.id))
        product = company_env["product.product"].create({
            "name": "Second company part %s" % shop.tag(), "type": "product",
            "sale_ok": True, "website_published": True, "list_price": 7.0})
        # Reservations are per company: the customer buys there too.
        warehouse = company_env["stock.warehouse"].search(
            [("company_id", "=", company.id)], limit=1)
        company_env["sale.order"].create({
            "partner_id": partner_id, "company_id": company.id,
            "warehouse_id": warehouse.id,
            "order_line": [(0, 0, {"product_id": company_env["product.product"].create({
                "name": "Second company service", "type": "service"}).id,
                "product_uom_qty": 1, "price_unit": 1.0, "name": "Service"})],
        }).action_confirm()
        position = company_env["backorder.position"].create({
            "partner_id": partner_id, "product_id": product.id, "product_qty": qty,
            "company_id": company.id})
        validate_receipt(company_env, product, qty)
        assert (position.state, position.qty_assigned) == ("assigned", qty)
        return position.name
    return shop.odoo_env(work)


def test_holds_of_another_company_neither_flash_nor_offer_plus_one(shop):
    login, partner = shop.customer("Two Company Garage")
    name = hold_in_second_company(shop, partner, 2)
    client = shop.client(login)
    assert "o_backorder_flash" not in client.get(shop.url + "/shop").text
    cart = client.get(shop.url + "/shop/cart").text
    assert "o_backorder_flash" not in cart
    assert "o_backorder_add_one" not in cart
    assert name not in cart


def test_holds_of_the_websites_company_still_flash(shop):
    """The same customer's hold in the website's company does flash (so the
    test above fails for the right reason, not for a customer who never has)."""
    login, partner = shop.customer("One Company Garage")
    hold_in_second_company(shop, partner, 1)
    product = shop.product("Main company part")
    shop.odoo_env(lambda env: env["backorder.position"].create({
        "partner_id": partner, "product_id": product, "product_qty": 1}) and None)
    shop.receive(product, 1)
    client = shop.client(login)
    cart = client.get(shop.url + "/shop/cart").text
    assert "o_backorder_flash" in cart
    assert cart.count("o_backorder_add_one") == 1
