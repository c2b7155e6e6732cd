# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Hostile and broken input on every route the addon serves or overrides, over
real HTTP (SPEC 1: bad input gets a clear error and changes nothing).

Each case is one request; it must get a clear answer (a message, a redirect,
a "form expired" page or a not-found page), never an HTTP 500 or a traceback,
and leave every position, order, order line and the customer's reputation as
they were. Ids are written the ways Python's int() reads but the database does
not ("4_5", Arabic-Indic digits, " 45 "), quantities the ways float() reads.
"""
import pytest

from _shop import csrf_token

ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
NOT_SOLD = "does not exist or is not sold in the shop"
NOT_A_NUMBER = "must be a number"
AT_LEAST_ONE = "at least 1"
WHOLE = "whole number"
AT_MOST = "at most 100000"
NO_OPTION = "This option does not exist"
NO_LINE = "This cart line does not exist"
NOT_YOURS = "does not exist or is not yours"
EXPIRED = "This form has expired"


@pytest.fixture(scope="module")
def world(shop):
    """Committed data the cases refer to, and the clients that send them."""
    out_of_stock = shop.product("Hostile bearing")
    in_stock = shop.product("Hostile gasket", stock=50)
    unpublished = shop.product("Hostile hidden part", website_published=False)
    template_id, variants, values = shop.product_with_sizes("Hostile sized part")
    shop.odoo_env(lambda env: env["product.product"].browse(variants["Large"]).write(
        {"active": False}))
    login, partner = shop.customer("Hostile garage")
    _other_login, other = shop.customer("Hostile neighbour")

    def queue(env, customer, product, qty):
        return env["backorder.position"].create({
            "partner_id": customer, "product_id": product, "product_qty": qty}).id
    own_position = shop.odoo_env(lambda env: queue(env, partner, out_of_stock, 2))
    other_position = shop.odoo_env(lambda env: queue(env, other, out_of_stock, 3))
    customer = shop.client(login)
    token = csrf_token(customer.get(shop.url + "/shop").text)
    # A cart line of the customer's, for the JSON cases that name a line.
    customer.post(shop.url + "/shop/cart/update", data={
        "product_id": in_stock, "add_qty": 2, "csrf_token": token})
    line_id = shop.odoo_env(lambda env: env["sale.order.line"].search([
        ("order_id.partner_id", "=", partner), ("order_id.state", "=", "draft")]).id)
    visitor = shop.client()
    visitor_token = csrf_token(visitor.get(shop.url + "/shop").text)
    return {
        "out": out_of_stock, "in": in_stock, "unpublished": unpublished,
        "archived": variants["Large"], "sized": variants["Small"],
        "size_value": values["Small"], "partner": partner,
        "own": own_position, "other": other_position, "line": line_id,
        "clients": {"customer": (customer, token), "visitor": (visitor, visitor_token)},
    }


def snapshot(shop, partner):
    """What no refused request may change."""
    def work(env):
        positions = env["backorder.position"].search([])
        return {
            "positions": [(p.id, p.product_qty, p.qty_assigned, p.qty_done, p.state)
                          for p in positions],
            "orders": env["sale.order"].search_count([]),
            "lines": [(line.id, line.product_id.id, line.product_uom_qty)
                      for line in env["sale.order.line"].search([])],
            "reputation": env["res.partner"].browse(partner).backorder_reputation,
        }
    return shop.odoo_env(work)


def underscored(number):
    text = str(number)
    return text[0] + "_" + text[1:] if len(text) > 1 else "0_" + text


# ---------------------------------------------------------------- the cases
# (id, client, kind, route, params, expected)
# kind: "form" posts params to route with the client's CSRF token (and follows
# the redirect); "json" calls route as JSON-RPC; "get" reads route with params
# as query; "post-raw" posts params as they are (no token added).
# Params and routes name the world's records as "{out}", "{own}", ...
# expected: ("text", words) on the final page; ("warning", words) in the JSON
# result; ("status", code, words); ("redirect", path) not followed.
CASES = []


def case(case_id, client, kind, route, params, expected):
    CASES.append(pytest.param(client, kind, route, params, expected, id=case_id))


for quantity, words in [
        ("0", AT_LEAST_ONE), ("-1", AT_LEAST_ONE), ("-2", AT_LEAST_ONE),
        ("1.5", WHOLE), ("2.5", WHOLE), ("0.0001", WHOLE), ("two", NOT_A_NUMBER),
        ("inf", NOT_A_NUMBER), ("-inf", NOT_A_NUMBER), ("nan", NOT_A_NUMBER),
        ("NaN", NOT_A_NUMBER), ("Infinity", NOT_A_NUMBER), ("1e9", AT_MOST),
        ("3e9", AT_MOST), ("1e30", AT_MOST), ("1e400", AT_MOST),
        ("100001", AT_MOST), ("٣", NOT_A_NUMBER), ("1_0", NOT_A_NUMBER),
        (" 3 ", NOT_A_NUMBER), ("0x10", NOT_A_NUMBER), ("1,5", NOT_A_NUMBER),
        ("3;", NOT_A_NUMBER), ("3 OR 1=1", NOT_A_NUMBER)]:
    case("form add_qty=%r" % quantity, "customer", "form", "/shop/cart/update",
         {"product_id": "{out}", "add_qty": quantity}, ("text", words))

# website_sale reads a set quantity of 0 as "not set" and adds add_qty instead.
for params, words in [
        ({"set_qty": "0", "add_qty": "1e9"}, AT_MOST),
        ({"set_qty": "0", "add_qty": "3e9"}, AT_MOST),
        ({"set_qty": "0", "add_qty": "nan"}, NOT_A_NUMBER),
        ({"set_qty": "0", "add_qty": "inf"}, NOT_A_NUMBER),
        ({"set_qty": "0", "add_qty": "-5"}, AT_LEAST_ONE),
        ({"set_qty": "0", "add_qty": "2.5", "product_id": "{in}"}, WHOLE),
        ({"set_qty": "-1"}, AT_LEAST_ONE), ({"set_qty": "1.5"}, WHOLE),
        ({"set_qty": "abc"}, NOT_A_NUMBER), ({"set_qty": "1e9"}, AT_MOST),
        ({"set_qty": "2", "add_qty": "abc"}, NOT_A_NUMBER)]:
    params = dict({"product_id": "{out}"}, **params)
    case("form %s" % "&".join("%s=%s" % item for item in sorted(params.items())),
         "customer", "form", "/shop/cart/update", params, ("text", words))

for product_id in ["{underscored_out}", "{arabic_out}", "{out}.7", " {out} ", "abc", "",
                   "-1", "0", str(2 ** 31), str(2 ** 40), "{unpublished}", "{archived}",
                   "{out}abc", "[{out}]"]:
    case("form product_id=%r" % product_id, "customer", "form", "/shop/cart/update",
         {"product_id": product_id, "add_qty": "1"}, ("text", NOT_SOLD))
case("form without product_id", "customer", "form", "/shop/cart/update",
     {"add_qty": "1"}, ("text", NOT_SOLD))

for key, value in [("attribute-{sized}-1", "abc"), ("attribute-x", "{size_value}"),
                   ("attribute-{sized}-1", "999999"), ("attribute", "1"),
                   ("attribute-{sized}-1", "{size_value}.5")]:
    case("form %s=%s" % (key, value), "customer", "form", "/shop/cart/update",
         {"product_id": "{sized}", "add_qty": "1", key: value}, ("text", NO_OPTION))

for params, words in [
        ({"add_qty": 0}, AT_LEAST_ONE), ({"add_qty": 2.5}, WHOLE),
        ({"add_qty": "x"}, NOT_A_NUMBER), ({"add_qty": 1e9}, AT_MOST),
        ({"add_qty": 10 ** 30}, AT_MOST), ({"add_qty": 10 ** 400}, AT_MOST),
        ({"add_qty": True}, NOT_A_NUMBER), ({"add_qty": [1]}, NOT_A_NUMBER),
        ({"add_qty": {"qty": 1}}, NOT_A_NUMBER), ({"set_qty": -1}, AT_LEAST_ONE),
        ({"set_qty": 1.5}, WHOLE), ({"set_qty": "1e9"}, AT_MOST),
        ({"set_qty": 0, "add_qty": 1e9}, AT_MOST),
        ({"set_qty": 0, "add_qty": "nan"}, NOT_A_NUMBER),
        ({"add_qty": 1, "product_id": "{underscored_out}"}, NOT_SOLD),
        ({"add_qty": 1, "product_id": "{arabic_out}"}, NOT_SOLD),
        ({"add_qty": 1, "product_id": "{out}.7"}, NOT_SOLD),
        ({"add_qty": 1, "product_id": " {out} "}, NOT_SOLD),
        ({"add_qty": 1, "product_id": None}, NOT_SOLD),
        ({"add_qty": 1, "product_id": True}, NOT_SOLD),
        ({"add_qty": 1, "product_id": ["{out}"]}, NOT_SOLD),
        ({"add_qty": 1, "product_id": "{archived}"}, NOT_SOLD),
        ({"set_qty": 3, "line_id": "abc"}, NO_LINE),
        ({"set_qty": 3, "line_id": 1.5}, NO_LINE),
        ({"set_qty": 3, "line_id": -1}, NO_LINE),
        ({"set_qty": 3, "line_id": [1]}, NO_LINE)]:
    params = dict({"product_id": "{in}", "line_id": "{line}"}, **params)
    case("json %r" % sorted(params.items(), key=str), "customer", "json",
         "/shop/cart/update_json", params, ("warning", words))
case("json without product_id", "customer", "json", "/shop/cart/update_json",
     {"add_qty": 1}, ("warning", NOT_SOLD))

for position_id in ["abc", "", "-1", "0", "1.5", "{other}", str(2 ** 31 - 1), "{arabic_own}",
                    "{underscored_own}", " {own} "]:
    case("+1 position_id=%r" % position_id, "customer", "form", "/shop/backorder/add_one",
         {"position_id": position_id}, ("text", NOT_YOURS))
case("+1 without position_id", "customer", "form", "/shop/backorder/add_one", {},
     ("text", NOT_YOURS))
case("+1 without CSRF token", "customer", "post-raw", "/shop/backorder/add_one",
     {"position_id": "{own}"}, ("status", 400, EXPIRED))
case("+1 with a forged CSRF token", "customer", "post-raw", "/shop/backorder/add_one",
     {"position_id": "{own}", "csrf_token": "forged"}, ("status", 400, EXPIRED))
case("basket without CSRF token", "customer", "post-raw", "/shop/cart/update",
     {"product_id": "{out}", "add_qty": "1"}, ("status", 400, EXPIRED))
case("+1 as GET", "customer", "get", "/shop/backorder/add_one", {"position_id": "{own}"},
     ("status", 405, ""))

for params in [{"page": "abc"}, {"page": "-1"}, {"sortby": "junk"}, {"filterby": "junk"},
               {"message": "<script>alert(1)</script>"}, {"page": "٣"}]:
    case("my backorders %r" % params, "customer", "get", "/my/backorders", params,
         ("status", 200, "o_backorder_portal_table"))
case("my backorder of another customer", "customer", "get", "/my/backorders/{other}", {},
     ("redirect", "/my/backorders?message=not_found"))
case("my backorder of no one", "customer", "get", "/my/backorders/%d" % (2 ** 31 - 1), {},
     ("redirect", "/my/backorders?message=not_found"))
case("my backorder beyond ids", "customer", "get", "/my/backorders/%d" % 2 ** 40, {},
     ("redirect", "/my/backorders?message=not_found"))
case("my backorder not an id", "customer", "get", "/my/backorders/abc", {},
     ("status", 404, ""))
case("cancel another customer's position", "customer", "form",
     "/my/backorders/{other}/cancel", {}, ("text", NOT_YOURS))
case("cancel without CSRF token", "customer", "post-raw", "/my/backorders/{own}/cancel",
     {}, ("status", 400, EXPIRED))

for params in [{"attrib": "junk"}, {"attrib": "1-x"}, {"attrib": "1"}, {"category": "abc"},
               {"page": "abc"}, {"order": "junk"}, {"order": "name;drop table x"},
               {"order": "name sideways"}, {"ppg": "abc"}]:
    case("shop %r" % params, "customer", "get", "/shop", params,
         ("status", 200, 'id="products_grid"'))
# website_sale answers an unknown abandoned-cart token with its "not found" page.
case("cart with a junk access token", "customer", "get", "/shop/cart",
     {"access_token": "junk"}, ("status", 200, "404: Page not found!"))
case("cart with a junk revive", "customer", "get", "/shop/cart", {"revive": "junk"},
     ("status", 200, "{in_name}"))

for params, words in [
        ({"add_qty": "1e9"}, AT_MOST), ({"set_qty": "0", "add_qty": "1e9"}, AT_MOST),
        ({"add_qty": "nan"}, NOT_A_NUMBER), ({"product_id": "{arabic_out}"}, NOT_SOLD),
        ({"product_id": "{archived}"}, NOT_SOLD)]:
    params = dict({"product_id": "{out}", "add_qty": "1"}, **params)
    case("visitor form %r" % sorted(params.items()), "visitor", "form",
         "/shop/cart/update", params, ("text", words))
case("visitor json 1e9", "visitor", "json", "/shop/cart/update_json",
     {"product_id": "{out}", "set_qty": 0, "add_qty": 1e9}, ("warning", AT_MOST))
case("visitor +1", "visitor", "form", "/shop/backorder/add_one", {"position_id": "{own}"},
     ("text", "oe_login_form"))
case("visitor my backorders", "visitor", "get", "/my/backorders", {},
     ("text", "oe_login_form"))
case("login with a stale CSRF token", "visitor", "post-raw", "/web/login",
     {"login": "nobody", "password": "x", "csrf_token": "stale"}, ("status", 400, EXPIRED))


def fill(value, names):
    """``value`` with the world's names put in, recursively."""
    if isinstance(value, str):
        return value.format(**names)
    if isinstance(value, list):
        return [fill(item, names) for item in value]
    if isinstance(value, dict):
        return {fill(key, names): fill(item, names) for key, item in value.items()}
    return value


@pytest.fixture(scope="module")
def names(shop, world):
    product_names = shop.odoo_env(lambda env: {
        product.id: product.name
        for product in env["product.product"].browse([world["out"], world["in"]])})
    values = {name: world[name] for name in (
        "out", "in", "unpublished", "archived", "sized", "size_value", "own", "other",
        "line")}
    values.update(
        underscored_out=underscored(world["out"]), underscored_own=underscored(world["own"]),
        arabic_out=str(world["out"]).translate(ARABIC_INDIC),
        arabic_own=str(world["own"]).translate(ARABIC_INDIC),
        out_name=product_names[world["out"]], in_name=product_names[world["in"]])
    return values


def send(shop, client, token, kind, route, params, follow=True):
    url = shop.url + route
    if kind == "form":
        return client.post(url, data=dict(params, csrf_token=token))
    if kind == "post-raw":
        return client.post(url, data=params, allow_redirects=False)
    if kind == "json":
        return client.post(url, json={"jsonrpc": "2.0", "method": "call", "params": params})
    return client.get(url, params=params, allow_redirects=follow)


@pytest.mark.parametrize("client_name, kind, route, params, expected", CASES)
def test_bad_input_gets_a_clear_answer_and_changes_nothing(
        shop, world, names, client_name, kind, route, params, expected):
    client, token = world["clients"][client_name]
    before = snapshot(shop, world["partner"])
    response = send(shop, client, token, kind, fill(route, names), fill(params, names),
                    follow=expected[0] != "redirect")
    assert response.status_code != 500 and "Traceback" not in response.text
    if expected[0] == "warning":
        assert response.status_code == 200
        body = response.json()
        assert "error" not in body, body["error"]
        assert expected[1] in body["result"]["warning"]
    elif expected[0] == "redirect":
        assert response.status_code in (301, 302, 303)
        assert response.headers["Location"].endswith(expected[1])
    elif expected[0] == "status":
        assert response.status_code == expected[1]
        assert fill(expected[2], names) in response.text
    else:
        assert response.status_code == 200
        assert fill(expected[1], names) in response.text
    assert snapshot(shop, world["partner"]) == before


def test_the_table_covers_at_least_eighty_cases():
    assert len(CASES) >= 80


def test_a_visitor_refused_before_login_logs_in_normally(shop):
    product = shop.product("Hostile visitor part")
    login, partner = shop.customer("Hostile visitor")
    client = shop.client()
    token = csrf_token(client.get(shop.url + "/shop").text)
    client.post(shop.url + "/shop/cart/update", data={
        "product_id": product, "set_qty": "0", "add_qty": "1e9", "csrf_token": token})
    response = shop.log_in(client, login, "/shop/cart")
    assert response.status_code == 200 and "Traceback" not in response.text
    assert client.get(shop.url + "/shop/cart").status_code == 200
    assert shop.positions(product_id=product) == []


def test_a_visitor_cannot_pile_up_more_than_a_position_holds(shop):
    product = shop.product("Hostile pile part")
    login, _partner = shop.customer("Hostile piler")
    client = shop.client()
    token = csrf_token(client.get(shop.url + "/shop").text)
    for add_qty, words in (("100000", "log in or sign up"), ("1", AT_MOST)):
        response = client.post(shop.url + "/shop/cart/update", data={
            "product_id": product, "add_qty": add_qty, "csrf_token": token})
        assert words in response.text
    response = shop.log_in(client, login, "/shop/cart")
    assert response.status_code == 200
    assert [p[1:] for p in shop.positions(product_id=product)] == [
        (100000, 0, 0, "waiting")]


def test_json_basket_ignores_parameters_it_does_not_know(shop, world):
    client, _token = world["clients"]["customer"]
    product = shop.product("Hostile extra-parameter part", stock=3)
    response = client.post(shop.url + "/shop/cart/update_json", json={
        "jsonrpc": "2.0", "method": "call",
        "params": {"product_id": product, "add_qty": 1, "unknown": "x"}})
    body = response.json()
    assert "error" not in body, body.get("error")
    assert body["result"]["quantity"] == 1


def test_expired_form_page_leads_back_to_the_page_it_came_from(shop, world):
    client, _token = world["clients"]["customer"]
    response = client.post(
        shop.url + "/shop/cart/update", data={"product_id": world["out"], "add_qty": 1},
        headers={"Referer": shop.url + "/shop/cart"})
    assert response.status_code == 400 and EXPIRED in response.text
    assert 'href="/shop/cart"' in response.text
    # Another site's page is not linked: back to the shop.
    response = client.post(
        shop.url + "/shop/cart/update", data={"product_id": world["out"], "add_qty": 1},
        headers={"Referer": "http://evil.example/form"})
    assert 'href="/shop"' in response.text and "evil.example" not in response.text
