# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from .common import BackorderCase


class TestOrderCancel(BackorderCase):
    """Stock that a cancelled order gives back is free stock like a receipt's:
    waiting positions get it at once, not at the next safety-net run."""

    @classmethod
    def setUpClass(cls):
        super(TestOrderCancel, cls).setUpClass()
        cls.buyer = cls._create_customer("Cancelling Garage")
        cls.waiting_customer = cls._create_customer("Patient Garage")

    def test_cancelled_order_of_held_pieces_feeds_the_queue(self):
        held = self._create_positions(self.product, [(self.buyer, 2)])
        self._receive(self.product, 2)
        self.assertAssigned(held, [2])
        order = self._confirmed_order(self.buyer, self.product, 2)
        self.assertEqual((held.state, held.qty_done), ("done", 2))
        waiting = self._create_positions(self.product, [(self.waiting_customer, 3)])
        self.assertAssigned(waiting, [0])
        order.action_cancel()
        self.assertAssigned(waiting, [2])
        self.assertEqual(waiting.state, "assigned")

    def test_undone_reservation_feeds_the_queue(self):
        self._receive(self.product, 3)
        order = self._confirmed_order(self.buyer, self.product, 3)
        waiting = self._create_positions(self.product, [(self.waiting_customer, 1)])
        self.product.backorder_allocate()
        self.assertAssigned(waiting, [0])  # all 3 reserved for the order
        order.picking_ids.do_unreserve()
        self.assertAssigned(waiting, [1])
