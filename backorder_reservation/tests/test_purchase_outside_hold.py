# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from .common import BackorderCase


class TestPurchaseOutsideHold(BackorderCase):
    """A confirmed order of a product counts against its customer's open
    position of the product: held pieces first, then the rest of the need.
    What a basket or quotation line kept from free stock when the rest went on
    backorder is bought apart from the position."""

    @classmethod
    def setUpClass(cls):
        super(TestPurchaseOutsideHold, cls).setUpClass()
        cls.stranger = cls._create_customer("Occasional Garage", eligible=False)
        cls.regular = cls._create_customer("Regular Garage")

    def _pieces(self, position):
        position.invalidate_cache()
        return position.state, position.qty_assigned, position.qty_done, position.qty_need

    def _cart(self, customer):
        return self.env["sale.order"].create({
            "partner_id": customer.id, "pricelist_id": self.env.ref("product.list0").id})

    def test_notify_only_customer_buying_everything_ends_the_position(self):
        position = self._create_positions(self.product, [(self.stranger, 3)])
        self._receive(self.product, 5)
        self.assertTrue(position.notify_only)
        order = self._confirmed_order(self.stranger, self.product, 3)
        self.assertEqual(self._pieces(position), ("done", 0, 3, 0))
        self.assertTrue(position.date_closed)
        self.assertIn(order.name, position.message_ids[0].body)
        # The order made them eligible: nothing more is held for them.
        self.product.backorder_allocate()
        self.assertEqual(self._pieces(position), ("done", 0, 3, 0))

    def test_buying_part_of_the_need_leaves_the_rest_in_the_queue(self):
        position = self._create_positions(self.product, [(self.stranger, 5)])
        self._receive(self.product, 4)
        self._confirmed_order(self.stranger, self.product, 2)
        self.assertEqual(self._pieces(position), ("waiting", 0, 2, 3))
        # Eligible now: the next run holds the 2 pieces left for the 3 still needed.
        self.product.backorder_allocate()
        self.assertEqual(self._pieces(position), ("assigned", 2, 2, 1))

    def test_held_pieces_go_first_then_the_need(self):
        position = self._create_positions(self.product, [(self.regular, 4)])
        self._receive(self.product, 2)
        self.assertAssigned(position, [2])
        self._confirmed_order(self.regular, self.product, 3)
        self.assertEqual(self._pieces(position), ("waiting", 0, 3, 1))
        self._confirmed_order(self.regular, self.product, 2)
        self.assertEqual(self._pieces(position), ("done", 0, 4, 0))

    def _split_basket(self):
        """A basket of 5 pieces with 2 in stock: (the cart keeping 2, the
        position of the 3 others)."""
        self._receive(self.product, 2)
        cart = self._cart(self.regular)
        cart._cart_update(product_id=self.product.id, add_qty=5)
        self.assertEqual(cart.order_line.product_uom_qty, 2)
        return cart, self.Position.search([("product_id", "=", self.product.id)])

    def test_basket_split_leaves_the_position_alone(self):
        cart, position = self._split_basket()
        cart.action_confirm()
        self.assertEqual(self._pieces(position), ("waiting", 0, 0, 3))

    def test_staff_split_leaves_the_position_alone(self):
        self._receive(self.product, 2)
        quotation = self._cart(self.regular)
        quotation.write({"order_line": [(0, 0, {
            "product_id": self.product.id, "product_uom_qty": 5,
            "product_uom": self.product.uom_id.id, "price_unit": 5.0,
            "name": self.product.name})]})
        position = quotation.order_line.action_backorder_short_qty()
        quotation.action_confirm()
        self.assertEqual(self._pieces(position), ("waiting", 0, 0, 3))

    def test_plus_one_after_a_split_moves_and_buys_one_held_piece(self):
        cart, position = self._split_basket()
        self._receive(self.product, 3)
        self.assertAssigned(position, [3])
        # The 2 pieces the basket kept are not held pieces: all 3 can move.
        self.assertEqual(position._qty_to_move(cart)[position.id], 3)
        position.action_move_one_to_cart(cart)
        self.assertEqual(cart.order_line.product_uom_qty, 3)
        self.assertEqual(position._qty_to_move(cart)[position.id], 2)
        cart.action_confirm()
        self.assertEqual(self._pieces(position), ("assigned", 2, 1, 0))
        move = cart.picking_ids.move_lines
        move._action_assign()
        self.assertEqual(move.reserved_availability, 3)

    def test_another_customers_order_leaves_the_position_alone(self):
        position = self._create_positions(self.product, [(self.stranger, 3)])
        self._receive(self.product, 5)
        self._confirmed_order(self.regular, self.product, 3)
        self.assertEqual(self._pieces(position), ("waiting", 0, 0, 3))
