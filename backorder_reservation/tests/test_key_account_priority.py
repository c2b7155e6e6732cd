# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError

from .common import BackorderCase, count_inventory


class TestKeyAccountPriority(BackorderCase):
    """Key accounts first (issue 13, item 1): with the setting on, the positions
    of key-account customers come before those of normal customers in their
    product's queue, each group oldest first, and the rule runs over that order
    unchanged. The queue order is what the engine, the preview, the positions
    list and the customer's form show."""

    @classmethod
    def setUpClass(cls):
        super(TestKeyAccountPriority, cls).setUpClass()
        cls.normal_old = cls._create_customer("Priority Garage A")
        cls.key_young = cls._create_customer(
            "Priority Fleet B", backorder_priority="key_account")
        cls.normal_young = cls._create_customer("Priority Garage C")
        cls.key_youngest = cls._create_customer(
            "Priority Fleet D", backorder_priority="key_account")

    def _set_key_accounts_first(self, value):
        self.env["res.config.settings"].create(
            {"backorder_key_accounts_first": value}).execute()

    def _queue(self, product):
        """Queued oldest first: normal (4), key account (5), normal (2), key
        account (3)."""
        return self._create_positions(product, [
            (self.normal_old, 4), (self.key_young, 5),
            (self.normal_young, 2), (self.key_youngest, 3)])

    def _search_queue(self, product):
        return self.Position.search(self.Position._open_domain(product))

    def test_off_by_default_the_queue_is_oldest_first(self):
        product = self._create_product("Priority part off")
        positions = self._queue(product)
        self.assertEqual(self._search_queue(product), positions)
        self._receive(product, 10)
        # needs 4, 5, 2, 3 in queue order, 10 arrive (the rule of SPEC 2)
        self.assertAssigned(positions, [4, 4, 1, 1])

    def test_key_accounts_first_then_the_rule_unchanged(self):
        self._set_key_accounts_first(True)
        product = self._create_product("Priority part on")
        normal_old, key_young, normal_young, key_youngest = positions = self._queue(product)
        queue = key_young | key_youngest | normal_old | normal_young
        self.assertEqual(list(self._search_queue(product)), list(queue))
        self._receive(product, 10)
        # SPEC's first example over the new order: needs 5, 3, 4, 2 -> 5, 3, 1, 1
        self.assertAssigned(queue, [5, 3, 1, 1])
        self.assertAssigned(positions, [1, 5, 1, 3])

    def test_turning_the_setting_on_and_off_reorders_open_queues(self):
        product = self._create_product("Priority part toggled")
        normal_old, key_young, normal_young, key_youngest = positions = self._queue(product)
        self.assertEqual(positions.mapped("queue_place"), [1, 2, 3, 4])
        self._set_key_accounts_first(True)
        positions.invalidate_cache()
        self.assertEqual(positions.mapped("queue_place"), [3, 1, 4, 2])
        self._set_key_accounts_first(False)
        positions.invalidate_cache()
        self.assertEqual(positions.mapped("queue_place"), [1, 2, 3, 4])

    def test_marking_a_customer_moves_their_positions_up(self):
        self._set_key_accounts_first(True)
        product = self._create_product("Priority part promoted")
        normal_old, key_young, normal_young, key_youngest = positions = self._queue(product)
        self.normal_young.write({"backorder_priority": "key_account"})
        self.assertEqual(
            list(self._search_queue(product)),
            list(key_young | normal_young | key_youngest | normal_old))
        self.assertEqual(positions.mapped("queue_place"), [4, 1, 2, 3])

    def test_the_preview_lists_the_queue_in_its_order(self):
        self._set_key_accounts_first(True)
        product = self._create_product("Priority part preview")
        normal_old, key_young, normal_young, key_youngest = self._queue(product)
        wizard = self.env["backorder.allocation.preview"].create({
            "product_id": product.id, "incoming_qty": 10})
        wizard.action_preview()
        self.assertEqual(
            [(line.position_id, line.queue_place, line.customer_priority, line.qty_preview)
             for line in wizard.line_ids],
            [(key_young, 1, "key_account", 5), (key_youngest, 2, "key_account", 3),
             (normal_old, 3, "normal", 1), (normal_young, 4, "normal", 1)])

    def test_the_customer_form_lists_open_positions_with_their_place(self):
        self._set_key_accounts_first(True)
        product = self._create_product("Priority part form")
        other = self._create_product("Priority part form 2")
        normal_old, _key_young, _normal_young, _key_youngest = self._queue(product)
        second = self._create_positions(other, [(self.key_young, 1), (self.normal_old, 2)])[1]
        open_positions = self.normal_old.backorder_open_position_ids
        self.assertEqual(open_positions, normal_old | second)
        self.assertEqual(open_positions.mapped("queue_place"), [3, 2])
        normal_old.action_cancel()
        self.normal_old.invalidate_cache()
        self.assertEqual(self.normal_old.backorder_open_position_ids, second)

    def test_only_staff_set_the_priority(self):
        portal_user = self.env.ref("backorder_reservation.user_portal2")
        workshop = portal_user.partner_id.commercial_partner_id
        with self.assertRaises(AccessError):
            workshop.sudo(portal_user).write({"backorder_priority": "key_account"})
        self.assertEqual(workshop.backorder_priority, "normal")

    def test_loss_gives_back_from_the_end_of_the_queue(self):
        """Stock lost after assignment: the last in queue order gives back first,
        so a key account keeps its pieces before an older normal customer."""
        self._set_key_accounts_first(True)
        product = self._create_product("Priority part lost")
        normal_old, key_young = self._create_positions(
            product, [(self.normal_old, 2), (self.key_young, 2)])
        self._receive(product, 4)
        self.assertAssigned(normal_old | key_young, [2, 2])
        count_inventory(self.env, product, 3)
        self.assertAssigned(normal_old | key_young, [1, 2])
