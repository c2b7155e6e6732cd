# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime

from ..lifecycle import OPEN_STATES, open_position_state
from .common import BackorderCase


class TestPositionStates(BackorderCase):
    """A position's state follows from its quantities by lifecycle's one rule,
    whichever way they changed (assignment, purchase, stock gone), and views ask
    "is it open" through one field."""

    @classmethod
    def setUpClass(cls):
        super(TestPositionStates, cls).setUpClass()
        cls.customer = cls._create_customer("State Motors")

    def assertStateFollowsQuantities(self, position):
        position.invalidate_cache()
        self.assertEqual(position.state, open_position_state(
            position.product_qty, position.qty_assigned, position.qty_done))

    def test_every_change_of_the_quantities_gives_the_state_of_the_rule(self):
        position = self._create_positions(self.product, [(self.customer, 5)])
        self.assertStateFollowsQuantities(position)
        self._receive(self.product, 3)
        self.assertEqual(position.qty_assigned, 3)
        self.assertStateFollowsQuantities(position)
        order = self._confirmed_order(self.customer, self.product, 1)
        self.assertEqual((position.qty_assigned, position.qty_done), (2, 1))
        self.assertStateFollowsQuantities(position)
        position._release(2, datetime.utcnow())
        self.assertEqual(position.qty_assigned, 0)
        self.assertStateFollowsQuantities(position)
        self.assertFalse(position.date_expiry)
        self._receive(self.product, 4)
        self.assertEqual(position.qty_assigned, 4)
        self._confirmed_order(self.customer, self.product, 4)
        self.assertStateFollowsQuantities(position)
        self.assertEqual(position.state, "done")
        self.assertTrue(position.date_closed)
        self.assertTrue(order)

    def test_is_open_answers_for_every_state(self):
        position = self._create_positions(self.product, [(self.customer, 1)])
        for state in dict(position._fields["state"].selection):
            position.sudo().write({"state": state})
            self.assertEqual(position.is_open, state in OPEN_STATES, state)
            self.assertEqual(
                bool(self.Position.search([("id", "=", position.id),
                                           ("is_open", "=", True)])),
                state in OPEN_STATES, state)
            self.assertEqual(
                bool(self.Position.search([("id", "=", position.id),
                                           ("is_open", "=", False)])),
                state not in OPEN_STATES, state)
