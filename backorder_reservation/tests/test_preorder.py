# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from .common import BackorderCase


class TestPreorder(BackorderCase):
    """Pieces of a pre-order that arrive before its release date are sold to
    nobody: the shop queues every order on backorder, and on release they go
    to the customers who pre-ordered, in queue order (SPEC 5, seed 004)."""

    def test_stock_before_release_waits_for_the_preorders(self):
        product = self._create_product(
            "Pre-order wallbox", preorder_release_date="2999-01-01")
        early, late = (self._create_customer("Pre-order Garage %s" % name)
                       for name in ("Early", "Late"))
        position = self._create_positions(product, [(early, 2)])
        self._receive(product, 3)
        self.assertEqual(product._backorder_free_qty()[product.id], 0)
        self.assertAssigned(position, [0])
        cart = self.env["sale.order"].create({
            "partner_id": late.id, "pricelist_id": self.env.ref("product.list0").id})
        cart._cart_update(product_id=product.id, add_qty=1)
        self.assertFalse(cart.order_line, "a pre-order piece was sold before release")
        queue = self.Position.search([("product_id", "=", product.id)])
        self.assertEqual(queue.mapped("partner_id"), early | late)
        product.preorder_release_date = "2000-01-01"
        product.backorder_allocate()
        self.assertAssigned(queue, [2, 1])
        self.assertEqual(product._backorder_free_qty()[product.id], 0)
