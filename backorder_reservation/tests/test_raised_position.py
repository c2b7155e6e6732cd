# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from .common import BackorderCase


class TestRaisedPosition(BackorderCase):
    """More pieces asked for on an open position queue at the back of the line:
    its queue place becomes the time of the raise; what it holds stays held
    with its deadline (issue 11, item 5)."""

    @classmethod
    def setUpClass(cls):
        super(TestRaisedPosition, cls).setUpClass()
        cls.first = cls._create_customer("Early Garage")
        cls.second = cls._create_customer("Later Garage")

    def test_more_pieces_for_a_held_position_wait_behind_earlier_requests(self):
        held, waiting = self._create_positions(
            self.product, [(self.first, 2), (self.second, 3)])
        self._receive(self.product, 2)
        self.assertAssigned(held | waiting, [2, 0])
        deadline = held.date_expiry
        self.assertEqual(self.Position._queue_for(self.first, self.product, 3), held)
        self.assertEqual((held.product_qty, held.qty_need, held.date_expiry), (5, 3, deadline))
        # The later customer asked before the raise: first in line now, they get
        # all 3 (before the fix, the raised position took them).
        self._receive(self.product, 3)
        self.assertAssigned(held | waiting, [2, 3])
        self.assertEqual(held.date_expiry, deadline)

    def test_raising_a_waiting_position_moves_it_behind_later_requests(self):
        raised, other = self._create_positions(
            self.product, [(self.first, 1), (self.second, 1)])
        self.assertEqual(self.Position.search([("id", "in", (raised | other).ids)]),
                         raised | other)
        raised.product_qty = 2
        self.assertEqual(self.Position.search([("id", "in", (raised | other).ids)]),
                         other | raised)

    def test_lowering_keeps_the_place(self):
        lowered, other = self._create_positions(
            self.product, [(self.first, 3), (self.second, 1)])
        place = lowered.date_queued
        lowered.product_qty = 2
        self.assertEqual(lowered.date_queued, place)
        self._receive(self.product, 2)
        self.assertAssigned(lowered | other, [2, 0])

    def test_positions_from_before_the_queue_date_queue_from_their_creation(self):
        """An upgraded database: its positions had no queue date."""
        old, new = self._create_positions(self.product, [(self.first, 1), (self.second, 1)])
        self.env.cr.execute("""
            UPDATE backorder_position
               SET date_queued = NULL, create_date = create_date - interval '3 days'
             WHERE id = %s
        """, [old.id])
        self.Position.init()
        old.invalidate_cache()
        self.assertEqual(old.date_queued, old.create_date)
        self.assertEqual(self.Position.search([("id", "in", (old | new).ids)]), old | new)
