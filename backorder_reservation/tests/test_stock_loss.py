# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from .common import BackorderCase, count_inventory


class TestStockLoss(BackorderCase):
    """Holds never exceed stock on hand (invariant 1), even when an inventory
    adjustment finds fewer pieces than were held."""

    def _count_inventory(self, product, qty):
        count_inventory(self.env, product, qty)

    def test_loss_releases_the_youngest_holds_first(self):
        first = self._create_customer("Old Garage")
        second = self._create_customer("Young Garage")
        older, younger = self._create_positions(self.product, [(first, 3), (second, 3)])
        self._receive(self.product, 4)
        self.assertAssigned(older | younger, [3, 1])

        self._count_inventory(self.product, 2)

        self.assertAssigned(older | younger, [2, 0])
        self.assertEqual(younger.state, "waiting")
        self.assertFalse(younger.date_expiry)
        self.assertEqual(self.product._backorder_free_qty()[self.product.id], 0)
        self.assertEqual(self.product.qty_available, 2)

    def test_found_stock_is_assigned(self):
        customer = self._create_customer("Counting Garage")
        position = self._create_positions(self.product, [(customer, 3)])
        self._count_inventory(self.product, 2)
        self.assertAssigned(position, [2])
