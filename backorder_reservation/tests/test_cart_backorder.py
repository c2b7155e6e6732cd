# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from .common import BackorderCase


class TestCartBackorder(BackorderCase):
    """The website basket keeps what free stock serves; the missing quantity
    becomes the customer's backorder position (SPEC 1)."""

    @classmethod
    def setUpClass(cls):
        super(TestCartBackorder, cls).setUpClass()
        cls.customer = cls._create_customer("Web Garage")
        cls.other = cls._create_customer("Other Web Garage")

    def _cart(self, partner):
        return self.env["sale.order"].create({
            "partner_id": partner.id, "pricelist_id": self.env.ref("product.list0").id})

    def test_short_quantity_goes_to_a_position(self):
        self._receive(self.product, 2)
        cart = self._cart(self.customer)
        values = cart._cart_update(product_id=self.product.id, add_qty=5)
        self.assertEqual(cart.order_line.product_uom_qty, 2)
        self.assertEqual(values["quantity"], 2)
        position = self.Position.search([("product_id", "=", self.product.id)])
        self.assertEqual((position.partner_id, position.product_qty), (self.customer, 3))
        self.assertIn(position.name, values["warning"])

    def test_nothing_in_stock_leaves_no_line_and_raises_the_open_position(self):
        cart = self._cart(self.customer)
        cart._cart_update(product_id=self.product.id, add_qty=2)
        self.assertFalse(cart.order_line)
        cart._cart_update(product_id=self.product.id, add_qty=1)
        position = self.Position.search([("product_id", "=", self.product.id)])
        self.assertEqual(position.product_qty, 3)

    def test_others_held_pieces_stay_out_of_the_basket(self):
        held = self._create_positions(self.product, [(self.other, 2)])
        self._receive(self.product, 3)
        self.assertAssigned(held, [2])
        cart = self._cart(self.customer)
        cart._cart_update(product_id=self.product.id, add_qty=3)
        self.assertEqual(cart.order_line.product_uom_qty, 1)

    def test_own_held_pieces_fit_in_the_basket(self):
        held = self._create_positions(self.product, [(self.customer, 2)])
        self._receive(self.product, 2)
        cart = self._cart(self.customer)
        cart._cart_update(product_id=self.product.id, add_qty=2)
        self.assertEqual(cart.order_line.product_uom_qty, 2)
        self.assertEqual(held.product_qty, 2)
        cart.action_confirm()
        self.assertEqual(held.state, "done")

    def test_forbidden_or_capped_products_are_trimmed_with_a_reason(self):
        forbidden = self._create_product("No backorder disc", backorder_allowed=False)
        capped = self._create_product("Capped disc", backorder_cap=2)
        cart = self._cart(self.customer)
        values = cart._cart_update(product_id=forbidden.id, add_qty=1)
        self.assertIn("cannot be backordered", values["warning"])
        values = cart._cart_update(product_id=capped.id, add_qty=3)
        self.assertIn("at most 2 pieces", values["warning"])
        self.assertFalse(cart.order_line)
        self.assertFalse(self.Position.search([("product_id", "in", (forbidden | capped).ids)]))

    def test_public_visitor_is_asked_to_log_in(self):
        public = self.env.ref("base.public_partner")
        cart = self._cart(public)
        values = cart._cart_update(product_id=self.product.id, add_qty=1)
        self.assertIn("log in", values["warning"])
        self.assertFalse(self.Position.search([("product_id", "=", self.product.id)]))

    def test_what_a_visitor_could_not_queue_goes_to_the_pending_pieces_given(self):
        """Outside any HTTP request: the basket adds what it could not queue to
        the pending pieces its caller gives (the shop keeps them in the session),
        up to what a position holds."""
        cart = self._cart(self.env.ref("base.public_partner"))
        pending = {str(self.product.id): 2}
        values = cart.with_context(backorder_pending=pending)._cart_update(
            product_id=self.product.id, add_qty=3)
        self.assertEqual(pending, {str(self.product.id): 5})
        self.assertIn("missing 3 piece(s)", values["warning"])
        values = cart.with_context(backorder_pending=pending)._cart_update(
            product_id=self.product.id, add_qty=99996)
        self.assertEqual(pending, {str(self.product.id): 5})
        self.assertIn("at most 100000 pieces", values["warning"])
        self.assertFalse(self.Position.search([("product_id", "=", self.product.id)]))

    def test_a_customer_is_never_taken_for_the_visitor(self):
        websites = self.env["website"].search([])
        self.assertTrue(all(website.user_id.partner_id._backorder_is_visitor()
                            for website in websites))
        self.assertFalse(self.customer._backorder_is_visitor())
        self.assertFalse(self.env.user.partner_id._backorder_is_visitor())

    def test_shown_forecast_cuts_nothing_off_a_part_that_can_be_backordered(self):
        # website_sale_stock's "always" mode cuts the line down to the forecast;
        # what it cut off goes on backorder like the rest.
        product = self._create_product("Shown-stock bearing", inventory_availability="always")
        self._receive(product, 2)
        cart = self._cart(self.customer)
        values = cart._cart_update(product_id=product.id, add_qty=5)
        self.assertEqual(cart.order_line.product_uom_qty, 2)
        position = self.Position.search([("product_id", "=", product.id)])
        self.assertEqual(position.product_qty, 3)
        self.assertIn(position.name, values["warning"])
        cart._cart_update(product_id=product.id, line_id=cart.order_line.id, set_qty=4)
        self.assertEqual(cart.order_line.product_uom_qty, 2)
        self.assertEqual(position.product_qty, 5)
        unstocked = self._create_product("Shown-stock seal", inventory_availability="threshold")
        cart._cart_update(product_id=unstocked.id, add_qty=3)
        self.assertFalse(cart.order_line.filtered(lambda line: line.product_id == unstocked))
        self.assertEqual(
            self.Position.search([("product_id", "=", unstocked.id)]).product_qty, 3)

    def test_shown_forecast_still_caps_a_part_that_cannot_be_backordered(self):
        """website_sale_stock's cap and its message stay for such a part."""
        product = self._create_product(
            "Shown-stock gasket", inventory_availability="always", backorder_allowed=False)
        self._receive(product, 2)
        cart = self._cart(self.customer)
        values = cart._cart_update(product_id=product.id, add_qty=5)
        self.assertEqual(cart.order_line.product_uom_qty, 2)
        self.assertIn("but only 2.0 is available", values["warning"])
        self.assertFalse(self.Position.search([("product_id", "=", product.id)]))

    def test_one_answer_to_which_parts_lift_the_forecast_cap(self):
        """Product page, cart and basket ask the same method: a stocked part in
        website_sale_stock's capping modes that customers may still queue."""
        lifted = self._create_product("Lifted cap", inventory_availability="always")
        threshold = self._create_product("Lifted threshold", inventory_availability="threshold")
        never = self._create_product("Never capped", inventory_availability="never")
        forbidden = self._create_product(
            "Forbidden cap", inventory_availability="always", backorder_allowed=False)
        full = self._create_product("Full cap", inventory_availability="always",
                                    backorder_cap=1)
        self._create_positions(full, [(self.other, 1)])
        consumable = self.env["product.product"].create({
            "name": "Consumable cap", "type": "consu", "inventory_availability": "always"})
        products = lifted | threshold | never | forbidden | full | consumable
        self.assertEqual(products._backorder_lifts_forecast_cap(), {
            lifted.id: True, threshold.id: True, never.id: False, forbidden.id: False,
            full.id: False, consumable.id: False})
