# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from .common import ReplenishmentCase


class TestEntryPoints(ReplenishmentCase):
    """The wizard lists the parts it was opened for: a product's variants from
    its form, the selected positions' parts from their Action menu, and from
    the menu beside the dashboard every part with a queue."""

    @classmethod
    def setUpClass(cls):
        super(TestEntryPoints, cls).setUpClass()
        cls.queued = cls._create_part("Replenish entry queued")
        cls.other = cls._create_part("Replenish entry other")
        cls.idle = cls._create_part("Replenish entry idle")
        cls.positions = cls._create_positions(cls.queued, [(cls.customers[0], 2)]) \
            | cls._create_positions(cls.other, [(cls.customers[1], 1)])

    def test_from_the_product_form(self):
        lines = self._lines(self._wizard(self.queued.product_tmpl_id))
        self.assertEqual(lines, {self.queued: (2, 0, 0, 0, 2)})
        # a part without a queue: listed, nothing suggested
        self.assertEqual(self._lines(self._wizard(self.idle.product_tmpl_id)),
                         {self.idle: (0, 0, 0, 0, 0)})

    def test_from_selected_positions(self):
        lines = self._lines(self._wizard(self.positions[1]))
        self.assertEqual(list(lines), [self.other])

    def test_from_the_menu_every_part_with_a_queue(self):
        lines = self._lines(self._wizard(None))
        self.assertIn(self.queued, lines)
        self.assertIn(self.other, lines)
        self.assertNotIn(self.idle, lines)
        self.assertEqual(lines[self.other], (1, 0, 0, 0, 1))

    def test_the_actions_are_for_purchase_users(self):
        purchase_user = self.env.ref("purchase.group_purchase_user")
        menu = self.env.ref("backorder_reservation_purchase.menu_backorder_replenishment")
        self.assertEqual(menu.groups_id, purchase_user)
        action = self.env.ref("backorder_reservation_purchase.action_backorder_replenishment")
        self.assertEqual(menu.action, action)
        self.assertEqual(action.binding_model_id.model, "backorder.position")
        self.assertEqual(action.groups_id, purchase_user)
