# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from .common import BackorderCase


class TestCheckoutAfterExpiry(BackorderCase):
    """Pieces a cart holds that are neither free nor held for its customer any
    more (the hold ran out and went to the next customer) go back on backorder
    before the payment, with a message for the cart (issue 11, item 4)."""

    @classmethod
    def setUpClass(cls):
        super(TestCheckoutAfterExpiry, cls).setUpClass()
        cls.customer = cls._create_customer("Late Garage")
        cls.next_customer = cls._create_customer("Next Garage")

    def _cart_with_held_pieces(self, qty):
        """The customer's cart holding ``qty`` reserved pieces moved in with
        "+1"; returns (cart, position)."""
        position = self._create_positions(self.product, [(self.customer, qty)])
        self._receive(self.product, qty)
        cart = self.env["sale.order"].create({
            "partner_id": self.customer.id,
            "pricelist_id": self.env.ref("product.list0").id})
        for _piece in range(qty):
            position.action_move_one_to_cart(cart)
        self.assertEqual(cart.order_line.product_uom_qty, qty)
        return cart, position

    def _open_position(self, customer):
        return self.Position.search([
            ("partner_id", "=", customer.id), ("product_id", "=", self.product.id),
            ("is_open", "=", True)])

    def test_pieces_gone_to_the_next_customer_go_back_on_backorder(self):
        cart, position = self._cart_with_held_pieces(2)
        waiting = self._create_positions(self.product, [(self.next_customer, 2)])
        self.Position._cron_expire_holds(now=self._after_hold(position))
        self.assertEqual(position.state, "expired")
        self.assertAssigned(waiting, [2])

        messages = cart._backorder_return_unserved_pieces()
        self.assertFalse(cart.order_line)
        requeued = self._open_position(self.customer)
        self.assertEqual((requeued.product_qty, requeued.state), (2, "waiting"))
        self.assertIn("no longer in stock or reserved for you", messages[0])
        self.assertIn(self.product.name, messages[1])
        self.assertIn(requeued.name, messages[1])
        self.assertEqual(len(messages), 2)
        # The other customer's hold is untouched.
        self.assertAssigned(waiting, [2])

    def test_only_the_pieces_no_longer_served_go_back(self):
        cart, position = self._cart_with_held_pieces(3)
        self._create_positions(self.product, [(self.next_customer, 1)])
        self.Position._cron_expire_holds(now=self._after_hold(position))
        messages = cart._backorder_return_unserved_pieces()
        self.assertEqual(cart.order_line.product_uom_qty, 2)
        self.assertEqual(self._open_position(self.customer).product_qty, 1)
        self.assertEqual(len(messages), 2)

    def test_a_cart_still_served_is_left_as_it_is(self):
        cart, position = self._cart_with_held_pieces(2)
        self.assertEqual(cart._backorder_return_unserved_pieces(), [])
        # The hold ran out but nobody else waits: the pieces are free stock.
        self.Position._cron_expire_holds(now=self._after_hold(position))
        self.assertEqual(cart._backorder_return_unserved_pieces(), [])
        self.assertEqual(cart.order_line.product_uom_qty, 2)
        self.assertFalse(self._open_position(self.customer))
