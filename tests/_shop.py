# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Committed shop data and HTTP clients for the HTTP and browser tests."""
import re
import uuid

import requests

from odoo.addons.backorder_reservation.tests.common import validate_receipt


class Shop(object):
    """Builds committed shop data (products with real stock, customers with
    portal logins) and logs HTTP clients in, for the HTTP and browser tests."""

    def __init__(self, url, odoo_env):
        self.url = url
        self.odoo_env = odoo_env

    @staticmethod
    def tag():
        return uuid.uuid4().hex[:8]

    def product(self, name, stock=0, **values):
        """A published stocked part with ``stock`` pieces received; its id."""
        def work(env):
            product = env["product.product"].create(dict(
                dict(type="product", sale_ok=True, website_published=True,
                     list_price=12.5),
                name="%s %s" % (name, self.tag()), **values))
            if stock:
                validate_receipt(env, product, stock)
            return product.id
        return self.odoo_env(work)

    def product_with_sizes(self, name):
        """A published stocked part in sizes Small and Large, without stock:
        (template id, {size: variant id}, {size: attribute value id})."""
        def work(env):
            tag = self.tag()
            size = env["product.attribute"].create({"name": "Size %s" % tag})
            values = {name: env["product.attribute.value"].create(
                {"name": name, "attribute_id": size.id}) for name in ("Small", "Large")}
            template = env["product.template"].create({
                "name": "%s %s" % (name, tag), "type": "product", "sale_ok": True,
                "website_published": True, "list_price": 9.0,
                "attribute_line_ids": [(0, 0, {
                    "attribute_id": size.id,
                    "value_ids": [(6, 0, [value.id for value in values.values()])]})],
            })
            variants = {v.attribute_value_ids.name: v.id for v in template.product_variant_ids}
            return template.id, variants, {name: value.id for name, value in values.items()}
        return self.odoo_env(work)

    def receive(self, product_id, qty):
        self.odoo_env(lambda env: validate_receipt(
            env, env["product.product"].browse(product_id), qty) and None)

    def customer(self, name="Garage", eligible=True):
        """A portal user whose password is its login, eligible for reservations
        through an order confirmed today; returns (login, partner id)."""
        login = "%s-%s" % (name.lower().replace(" ", "-"), self.tag())

        def work(env):
            user = env["res.users"].with_context(no_reset_password=True).create({
                "name": "%s %s" % (name, login[-8:]), "login": login, "password": login,
                "email": "%s@example.com" % login,
                "groups_id": [(6, 0, [env.ref("base.group_portal").id])],
            })
            if eligible:
                service = env["product.product"].create({
                    "name": "Service for %s" % login, "type": "service"})
                order = env["sale.order"].create({
                    "partner_id": user.partner_id.id,
                    "order_line": [(0, 0, {"product_id": service.id, "name": "Service",
                                           "product_uom_qty": 1, "price_unit": 1.0})],
                })
                order.action_confirm()
            return login, user.partner_id.id
        return self.odoo_env(work)

    def customer_with_positions(self, name, count):
        """A customer (see :meth:`customer`) with ``count`` open positions, each
        of 2 pieces of a part of its own; returns its login."""
        login, partner_id = self.customer(name)

        def work(env):
            Position = env["backorder.position"]
            for index in range(count):
                product = env["product.product"].create({
                    "name": "%s part %d %s" % (name, index, self.tag()),
                    "type": "product", "sale_ok": True, "website_published": True,
                    "list_price": 3.0})
                Position.create({"partner_id": partner_id, "product_id": product.id,
                                 "product_qty": 2})
        self.odoo_env(work)
        return login

    def positions(self, **domain):
        """[(name, product_qty, qty_assigned, qty_done, state)] matching
        ``domain`` (field=value), oldest first."""
        def work(env):
            found = env["backorder.position"].search(
                [(field, "=", value) for field, value in domain.items()])
            return [(p.name, p.product_qty, p.qty_assigned, p.qty_done, p.state)
                    for p in found]
        return self.odoo_env(work)

    def client(self, login=None):
        """A requests session, logged in as ``login`` unless None (a visitor)."""
        session = requests.Session()
        if login:
            self.log_in(session, login)
        return session

    def log_in(self, session, login, redirect="/my/home"):
        """Log ``session`` in as ``login`` (password = login), as the login form
        does; returns the answer to the form."""
        page = session.get(self.url + "/web/login")
        response = session.post(self.url + "/web/login", data={
            "login": login, "password": login, "redirect": redirect,
            "csrf_token": csrf_token(page.text)}, allow_redirects=False)
        # Odoo 11 answers a successful login with a page that redirects by
        # script; a failed one shows the login form again.
        assert "oe_login_form" not in response.text, "login %s failed" % login
        return response


def csrf_token(html):
    """The CSRF token of the first form of an Odoo page."""
    match = re.search(r'name="csrf_token"\s+value="([^"]+)"', html)
    assert match, "the page has no CSRF token"
    return match.group(1)


def cart_lines(shop, partner_id):
    """{product id: quantity} of the customer's draft orders."""
    def work(env):
        lines = env["sale.order"].search([
            ("partner_id", "=", partner_id), ("state", "=", "draft")]).mapped("order_line")
        return {line.product_id.id: line.product_uom_qty for line in lines}
    return shop.odoo_env(work)


def add_to_cart(shop, client, product_id, add_qty, **extra):
    """Post the shop's basket form: ``add_qty`` pieces of the product."""
    page = client.get(shop.url + "/shop")
    data = dict(product_id=product_id, add_qty=add_qty, csrf_token=csrf_token(page.text))
    data.update(extra)
    return client.post(shop.url + "/shop/cart/update", data=data)


def update_json(shop, client, **params):
    """Call the cart page's basket route with ``params``; its JSON-RPC answer."""
    response = client.post(shop.url + "/shop/cart/update_json", json={
        "jsonrpc": "2.0", "method": "call", "params": params})
    assert response.status_code == 200
    return response.json()


def add_one(shop, client, position_name, token=True):
    """Press "+1" of the position named ``position_name`` (with the page's CSRF
    token unless ``token`` is false)."""
    position_id = shop.odoo_env(lambda env: env["backorder.position"].search(
        [("name", "=", position_name)]).id)
    data = {"position_id": position_id}
    if token:
        data["csrf_token"] = csrf_token(client.get(shop.url + "/shop").text)
    return client.post(shop.url + "/shop/backorder/add_one", data=data)
