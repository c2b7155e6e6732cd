# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from .common import BackorderCase


class TestWarehouseSteps(BackorderCase):
    """Held pieces stay in the warehouse's stock location whatever the
    warehouse's steps (issue 11, item 1): a move that takes stock out of it (a
    pick, a transfer to another warehouse, a scrap) cannot reserve them; stock
    that leaves anyway gives back the youngest holds; stock that reaches it
    through more than one step is assigned when it gets there."""

    @classmethod
    def setUpClass(cls):
        super(TestWarehouseSteps, cls).setUpClass()
        cls.holder = cls._create_customer("Holding Garage")
        cls.other = cls._create_customer("Walk-in Garage")

    def _held(self, qty):
        position = self._create_positions(self.product, [(self.holder, qty)])
        self._receive(self.product, qty)
        self.assertAssigned(position, [qty])
        return position

    def _first_move(self, order):
        """The move of ``order`` that takes its pieces out of the stock location:
        the delivery, the pick or the pick of a pick + pack + ship."""
        moves = order.picking_ids.mapped("move_lines").filtered(
            lambda move: move.location_id == self.stock_location)
        self.assertEqual(len(moves), 1)
        return moves

    def _check_delivery_steps(self, steps, first_step_name):
        self.warehouse.delivery_steps = steps
        position = self._held(2)
        other_order = self._confirmed_order(self.other, self.product, 2)
        self.assertEqual(len(other_order.picking_ids.mapped("move_lines")),
                         {"ship_only": 1, "pick_ship": 2, "pick_pack_ship": 3}[steps])
        first = self._first_move(other_order)
        self.assertIn(first_step_name, first.picking_type_id.name)
        first._action_assign()
        self.assertEqual(first.reserved_availability, 0)
        self.assertAssigned(position, [2])
        # The holder's own order takes them.
        own = self._first_move(self._confirmed_order(self.holder, self.product, 2))
        own._action_assign()
        self.assertEqual(own.reserved_availability, 2)
        self.assertEqual((position.state, position.qty_done), ("done", 2))

    def test_one_step_delivery_leaves_held_pieces_alone(self):
        self._check_delivery_steps("ship_only", "Delivery")

    def test_pick_then_ship_leaves_held_pieces_alone(self):
        self._check_delivery_steps("pick_ship", "Pick")

    def test_pick_pack_ship_leaves_held_pieces_alone(self):
        self._check_delivery_steps("pick_pack_ship", "Pick")

    def test_a_forced_pick_gives_back_the_youngest_hold(self):
        self.warehouse.delivery_steps = "pick_ship"
        position = self._held(2)
        pick = self._first_move(self._confirmed_order(self.other, self.product, 1))
        pick.quantity_done = 1
        pick.picking_id.action_done()
        self.assertEqual(pick.state, "done")
        self.assertAssigned(position, [1])

    def _internal_move(self, destination, qty):
        move = self.env["stock.move"].create({
            "name": "Internal", "product_id": self.product.id,
            "product_uom_qty": qty, "product_uom": self.product.uom_id.id,
            "location_id": self.stock_location.id, "location_dest_id": destination.id,
            "picking_type_id": self.warehouse.int_type_id.id,
        })
        move._action_confirm()
        move._action_assign()
        return move

    def test_a_transfer_to_another_warehouse_leaves_held_pieces_alone(self):
        position = self._held(2)
        other_warehouse = self.env["stock.warehouse"].create(
            {"name": "Branch warehouse", "code": "BRW"})
        move = self._internal_move(other_warehouse.lot_stock_id, 2)
        self.assertEqual(move.reserved_availability, 0)
        self.assertAssigned(position, [2])

    def test_shelving_within_the_stock_moves_held_pieces(self):
        position = self._held(2)
        shelf = self.env["stock.location"].create(
            {"name": "Shelf B2", "location_id": self.stock_location.id})
        move = self._internal_move(shelf, 2)
        self.assertEqual(move.reserved_availability, 2)
        move.move_line_ids.qty_done = 2
        move._action_done()
        self.assertAssigned(position, [2])

    def test_a_scrap_gives_back_the_youngest_hold(self):
        position = self._held(2)
        self.env["stock.scrap"].create({
            "product_id": self.product.id, "scrap_qty": 1,
            "product_uom_id": self.product.uom_id.id,
            "location_id": self.stock_location.id,
        }).do_scrap()
        self.assertAssigned(position, [1])

    def test_two_step_reception_assigns_when_the_pieces_reach_the_stock(self):
        self.warehouse.reception_steps = "two_steps"
        position = self._create_positions(self.product, [(self.holder, 2)])
        receipt_type = self.warehouse.in_type_id
        receipt = self.env["stock.picking"].create({
            "picking_type_id": receipt_type.id,
            "location_id": self.env.ref("stock.stock_location_suppliers").id,
            "location_dest_id": receipt_type.default_location_dest_id.id,
            "move_lines": [(0, 0, {
                "name": self.product.name, "product_id": self.product.id,
                "product_uom_qty": 2, "product_uom": self.product.uom_id.id,
                "location_id": self.env.ref("stock.stock_location_suppliers").id,
                "location_dest_id": receipt_type.default_location_dest_id.id,
            })],
        })
        self.assertNotEqual(receipt.location_dest_id, self.stock_location)
        receipt.action_confirm()
        receipt.move_lines.quantity_done = 2
        receipt.action_done()
        # In the input area: not stock yet.
        self.assertAssigned(position, [0])
        store = self.env["stock.move"].search([
            ("product_id", "=", self.product.id),
            ("location_dest_id", "=", self.stock_location.id),
            ("state", "not in", ("done", "cancel"))])
        self.assertEqual(len(store), 1)
        store._action_assign()
        store.quantity_done = 2
        store._action_done()
        self.assertAssigned(position, [2])
