# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import fields

from odoo.addons.backorder_reservation.tests.common import count_inventory, planned_receipt

from .common import ReplenishmentCase


class TestQueueNeed(ReplenishmentCase):
    """What a part's queue waits for and what already covers it: free stock,
    planned receipts, requests for quotation. The rest is suggested."""

    def test_the_waiting_pieces_of_every_open_position_are_suggested(self):
        part = self._create_part("Replenish part plain")
        lapsed = self._create_customer("Replenish Lapsed Garage", eligible=False)
        self._create_positions(part, [(self.customers[0], 3), (self.customers[1], 2),
                                      (lapsed, 4)])
        # notify-only customers wait too: their pieces are ordered as well
        self.assertEqual(self._lines(self._wizard(part)), {part: (9, 0, 0, 0, 9)})

    def test_held_pieces_are_not_ordered_again(self):
        part = self._create_part("Replenish part held")
        self._create_positions(part, [(self.customers[0], 3), (self.customers[1], 4)])
        self._receive(part, 2)
        # the 2 arriving go to the oldest, who needs 3: 1 + 4 still needed
        self.assertEqual(self._lines(self._wizard(part)), {part: (5, 0, 0, 0, 5)})

    def test_free_stock_and_planned_receipts_cover_part_of_the_queue(self):
        part = self._create_part("Replenish part covered")
        lapsed = self._create_customer("Replenish Lapsed Garage 2", eligible=False)
        self._create_positions(part, [(lapsed, 6)])
        self._receive(part, 1)  # free: a notify-only customer holds nothing
        planned_receipt(self.env, part, 2)
        self.assertEqual(self._lines(self._wizard(part)), {part: (6, 1, 2, 0, 3)})

    def test_stock_kept_for_a_pre_order_covers_it(self):
        """Before its release a pre-order's stock is free for nobody, yet it
        is there for the queue: only the rest is ordered."""
        release = fields.Date.to_string(fields.Date.from_string(fields.Date.today())
                                        + timedelta(days=20))
        part = self._create_part("Replenish pre-order", preorder_release_date=release)
        self._create_positions(part, [(self.customers[0], 5)])
        self._receive(part, 3)
        self.assertEqual(self._lines(self._wizard(part)), {part: (5, 3, 0, 0, 2)})

    def test_held_pieces_lost_from_stock_are_ordered_too(self):
        part = self._create_part("Replenish part lost")
        position = self._create_positions(part, [(self.customers[0], 5)])
        self._receive(part, 3)
        self.assertEqual(position.qty_assigned, 3)
        # A count finds one piece fewer: the hold gives it back, and the
        # queue needs it again.
        count_inventory(self.env, part, 2)
        waiting, free, _incoming, _requested, suggested = self._lines(self._wizard(part))[part]
        self.assertEqual(waiting - free, 3)
        self.assertEqual(suggested, 3)

    def test_requests_for_quotation_count_once_and_confirmed_ones_as_incoming(self):
        part = self._create_part("Replenish part requested")
        self._create_positions(part, [(self.customers[0], 5)])
        self._wizard(part).action_order()
        self.assertEqual(self._lines(self._wizard(part)), {part: (5, 0, 0, 5, 0)})
        self._requests(part).button_confirm()
        self.assertEqual(self._lines(self._wizard(part)), {part: (5, 0, 5, 0, 0)})

    def test_cancelled_requests_and_other_warehouses_do_not_count(self):
        part = self._create_part("Replenish part elsewhere")
        self._create_positions(part, [(self.customers[0], 4)])
        self._wizard(part).action_order()
        self._requests(part).button_cancel()
        other = self.env["stock.warehouse"].create({"name": "Replenish Far Depot",
                                                    "code": "RFD"})
        self.env["purchase.order"].create({
            "partner_id": self.vendor.id, "picking_type_id": other.in_type_id.id,
            "order_line": [(0, 0, {
                "product_id": part.id, "name": part.name, "product_qty": 4,
                "product_uom": part.uom_po_id.id, "price_unit": 2.0,
                "date_planned": fields.Datetime.now()})]})
        self.assertEqual(self._lines(self._wizard(part)), {part: (4, 0, 0, 0, 4)})

    def test_requests_in_the_purchase_unit_count_in_pieces(self):
        dozen = self.env.ref("product.product_uom_dozen")
        part = self._create_part("Replenish part by the dozen", uom_po_id=dozen.id)
        self._create_positions(part, [(self.customers[0], 30)])
        self._wizard(part).action_order()
        line = self._requests(part).order_line
        self.assertEqual((line.product_uom, line.product_qty), (dozen, 2.5))
        self.assertEqual(self._lines(self._wizard(part)), {part: (30, 0, 0, 30, 0)})

    def test_a_receipt_planned_in_two_steps_is_incoming_once(self):
        self.warehouse.reception_steps = "two_steps"
        part = self._create_part("Replenish part two steps")
        self._create_positions(part, [(self.customers[0], 4)])
        self._wizard(part).action_order()
        order = self._requests(part)
        order.button_confirm()
        self.assertEqual(order.picking_ids.location_dest_id,
                         self.warehouse.wh_input_stock_loc_id)
        self.assertEqual(self._lines(self._wizard(part)), {part: (4, 0, 4, 0, 0)})
