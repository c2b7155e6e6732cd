# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from .common import BackorderCase


class TestHeldStock(BackorderCase):
    """Held pieces are not sold to anyone else; the holder's order consumes them."""

    @classmethod
    def setUpClass(cls):
        super(TestHeldStock, cls).setUpClass()
        cls.holder = cls._create_customer("Holding Garage")
        cls.other = cls._create_customer("Other Garage")

    def _delivery_move(self, order):
        return order.picking_ids.mapped("move_lines").filtered(
            lambda move: move.product_id == self.product)

    def test_other_customers_delivery_cannot_reserve_held_pieces(self):
        position = self._create_positions(self.product, [(self.holder, 2)])
        self._receive(self.product, 3)
        self.assertAssigned(position, [2])

        order = self._confirmed_order(self.other, self.product, 3)
        move = self._delivery_move(order)
        move._action_assign()
        self.assertEqual(move.reserved_availability, 1)
        self.assertEqual(self.product._backorder_free_qty()[self.product.id], 0)
        self.assertAssigned(position, [2])

    def test_holders_order_consumes_the_hold_and_reserves_it(self):
        position = self._create_positions(self.product, [(self.holder, 2)])
        self._receive(self.product, 2)
        order = self._confirmed_order(self.holder, self.product, 2)
        self.assertEqual(position.qty_done, 2)
        self.assertEqual(position.qty_assigned, 0)
        self.assertEqual(position.qty_need, 0)
        self.assertEqual(position.state, "done")
        self.assertTrue(position.date_closed)
        move = self._delivery_move(order)
        move._action_assign()
        self.assertEqual(move.reserved_availability, 2)

    def test_partial_purchase_keeps_the_rest_waiting(self):
        position = self._create_positions(self.product, [(self.holder, 5)])
        self._receive(self.product, 2)
        self._confirmed_order(self.holder, self.product, 1)
        self.assertEqual((position.qty_assigned, position.qty_done, position.qty_need),
                         (1, 1, 3))
        self.assertEqual(position.state, "assigned")
        self._confirmed_order(self.holder, self.product, 1)
        self.assertEqual((position.qty_assigned, position.qty_done, position.qty_need),
                         (0, 2, 3))
        self.assertEqual(position.state, "waiting")
        self.assertFalse(position.date_expiry)

    def test_cancelling_gives_the_pieces_to_the_next_in_line(self):
        first, second = self._create_positions(
            self.product, [(self.holder, 2), (self.other, 2)])
        self._receive(self.product, 2)
        self.assertAssigned(first | second, [2, 0])
        first.action_cancel()
        self.assertEqual(first.state, "cancelled")
        self.assertAssigned(first | second, [0, 2])

    def test_salesperson_is_warned_about_held_pieces(self):
        self._create_positions(self.product, [(self.holder, 2)])
        self._receive(self.product, 3)
        order = self.env["sale.order"].create({"partner_id": self.other.id})
        line = self.env["sale.order.line"].new({
            "order_id": order.id, "product_id": self.product.id,
            "product_uom": self.product.uom_id.id, "product_uom_qty": 1})
        self.assertEqual(line._onchange_product_id_check_availability(), {})
        line.product_uom_qty = 2
        warning = line._onchange_product_id_check_availability()["warning"]
        self.assertIn("Only 1 of the 2.0", warning["message"])
        self.assertIn("held", warning["message"])


class TestBulkQueries(BackorderCase):
    """The number of queries of one run does not grow with the queue."""

    def _queries_of_one_run(self, positions_count):
        product = self._create_product("Bulk part %d" % positions_count)
        customers = [self._create_customer("Bulk %d-%d" % (positions_count, i))
                     for i in range(positions_count)]
        self._create_positions(product, [(customer, 3) for customer in customers])
        self.env["stock.quant"]._update_available_quantity(
            product, self.stock_location, positions_count * 2)
        product.invalidate_cache()  # no args: the whole cache
        before = self.cr.sql_log_count
        product.backorder_allocate()
        return self.cr.sql_log_count - before

    def test_query_count_is_independent_of_queue_length(self):
        # The first run after Odoo's caches were cleared also looks up the
        # translation of its chatter note.
        self._queries_of_one_run(2)
        small = self._queries_of_one_run(3)
        large = self._queries_of_one_run(40)
        self.assertEqual(small, large)
