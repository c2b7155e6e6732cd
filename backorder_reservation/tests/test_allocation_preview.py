# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from .common import BackorderCase


class TestAllocationPreview(BackorderCase):
    """The preview ("if 40 arrive now, who gets what") is what assignment then
    does after a real receipt of the same quantity, and changes nothing."""

    @classmethod
    def setUpClass(cls):
        super(TestAllocationPreview, cls).setUpClass()
        cls.customers = [cls._create_customer("Preview Garage %d" % i) for i in range(4)]
        cls.notify_only = cls._create_customer("Preview Lapsed Garage", eligible=False)

    def _queue(self, product):
        return self._create_positions(product, [
            (self.customers[0], 5), (self.notify_only, 3), (self.customers[1], 4),
            (self.customers[2], 2), (self.customers[3], 6)])

    def _preview(self, product, incoming):
        wizard = self.env["backorder.allocation.preview"].create({
            "product_id": product.id, "incoming_qty": incoming})
        wizard.action_preview()
        return {line.position_id: line.qty_preview for line in wizard.line_ids}

    def _assert_preview_then_receipt_agree(self, product, positions, incoming):
        held_before = {p: p.qty_assigned for p in positions}
        preview = self._preview(product, incoming)
        self.assertEqual(set(preview), set(positions))
        self._receive(product, incoming)
        positions.invalidate_cache()
        for position in positions:
            self.assertEqual(
                position.qty_assigned - held_before[position], preview[position],
                position.partner_id.name)
        return preview

    def test_preview_equals_assignment_for_each_policy(self):
        for policy in ("head_first", "fifo", "fair_share"):
            self.env["ir.config_parameter"].sudo().set_param(
                "backorder_reservation.allocation_policy", policy)
            product = self._create_product("Preview part %s" % policy)
            positions = self._queue(product)
            preview = self._assert_preview_then_receipt_agree(product, positions, 9)
            self.assertEqual(preview[positions[1]], 0, "notify-only got pieces")
            self.assertEqual(sum(preview.values()), 9)

    def test_preview_counts_free_stock_and_twice_in_a_row_agrees(self):
        product = self._create_product("Preview part stocked")
        positions = self._queue(product)
        self._assert_preview_then_receipt_agree(product, positions, 3)
        self._assert_preview_then_receipt_agree(product, positions, 40)

    def test_preview_changes_nothing(self):
        product = self._create_product("Preview part untouched")
        positions = self._queue(product)
        messages = self.env["mail.message"].search_count(
            [("model", "=", "backorder.position"), ("res_id", "in", positions.ids)])
        before = positions.read(["qty_assigned", "state", "notify_only", "date_expiry"])
        self._preview(product, 12)
        positions.invalidate_cache()
        self.assertEqual(positions.read(
            ["qty_assigned", "state", "notify_only", "date_expiry"]), before)
        self.assertEqual(self.env["mail.message"].search_count(
            [("model", "=", "backorder.position"), ("res_id", "in", positions.ids)]),
            messages)

    def test_preorder_preview_gives_nothing_before_release(self):
        product = self._create_product(
            "Preview pre-order", preorder_release_date="2999-01-01")
        positions = self._queue(product)
        self.assertEqual(set(self._preview(product, 10).values()), {0})
        self._receive(product, 10)
        self.assertAssigned(positions, [0] * 5)
