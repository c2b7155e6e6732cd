# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from .common import ReplenishmentCase


class TestDemo(ReplenishmentCase):
    """The demo shop's queues can be ordered at once from the menu: every
    demo part with a queue has a vendor."""

    def test_the_demo_queues_are_ordered_from_their_vendors(self):
        demo_parts = self.env["product.product"].browse([
            self.env.ref("backorder_reservation.%s" % name).id for name in (
                "product_brake_pads", "product_oil_filter", "product_timing_belt",
                "product_wallbox")])
        wizard = self._wizard(None)
        self.assertLessEqual(demo_parts, wizard.line_ids.mapped("product_id"))
        wizard.line_ids.filtered(lambda line: line.product_id not in demo_parts).unlink()
        action = wizard.action_order()
        orders = self.env["purchase.order"].search(action["domain"])
        self.assertEqual(sorted(orders.mapped("partner_id.name")),
                         ["Northern Parts Wholesale", "Volt Chargers AG"])
        self.assertEqual(orders.mapped("order_line.product_id"), demo_parts)
