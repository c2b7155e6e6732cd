# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from .common import BackorderCase
from .spec_examples import SPEC_EXAMPLES


class TestAssignmentRule(BackorderCase):
    """Each SPEC example, played with real customers, positions and receipts."""

    @classmethod
    def setUpClass(cls):
        super(TestAssignmentRule, cls).setUpClass()
        cls.customers = [cls._create_customer("Garage %d" % i) for i in range(7)]

    def _play(self, needs, stock):
        product = self._create_product("Part for %s from %d" % (needs, stock))
        positions = self._create_positions(product, zip(self.customers, needs))
        self._receive(product, stock)
        return product, positions

    def test_spec_examples_through_receipts(self):
        for needs, stock, expected in SPEC_EXAMPLES:
            with self.subTest(needs=needs, stock=stock):
                product, positions = self._play(needs, stock)
                self.assertAssigned(positions, expected)
                self.assertEqual(
                    product._backorder_free_qty()[product.id], stock - sum(expected))

    def test_seed_seven_customers_three_each_nine_arrive(self):
        product, positions = self._play([3] * 7, 9)
        self.assertAssigned(positions, [3, 1, 1, 1, 1, 1, 1])
        self.assertEqual(positions.mapped("state"), ["assigned"] * 7)
        self.assertEqual(positions.mapped("qty_need"), [0, 2, 2, 2, 2, 2, 2])

    def test_second_receipt_continues_from_the_oldest(self):
        product, positions = self._play([4, 4, 4], 3)
        self.assertAssigned(positions, [3, 0, 0])
        self._receive(product, 5)
        # needs now 1, 4, 4 with 5 free: head gets 1, the others 1 each, then the
        # next head (second) gets the remaining 2.
        self.assertAssigned(positions, [4, 3, 1])

    def test_chatter_logs_each_assignment(self):
        product, positions = self._play([5, 3, 4, 2], 10)
        for position, qty in zip(positions, [5, 3, 1, 1]):
            bodies = position.message_ids.mapped("body")
            self.assertTrue(
                any("Assigned %d piece(s)" % qty in body for body in bodies), bodies)

    def test_unreleased_preorder_waits(self):
        product = self._create_product("Pre-order caliper", preorder_release_date="2999-01-01")
        positions = self._create_positions(product, [(self.customers[0], 2)])
        self._receive(product, 5)
        self.assertAssigned(positions, [0])
        product.preorder_release_date = "2000-01-01"
        product.backorder_allocate()
        self.assertAssigned(positions, [2])

    def test_policy_setting_selects_the_rule(self):
        params = self.env["ir.config_parameter"].sudo()
        for policy, expected in (("fifo", [5, 3, 2, 0]), ("fair_share", [3, 3, 2, 2])):
            with self.subTest(policy=policy):
                params.set_param("backorder_reservation.allocation_policy", policy)
                product, positions = self._play([5, 3, 4, 2], 10)
                self.assertAssigned(positions, expected)
