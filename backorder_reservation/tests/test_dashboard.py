# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tools.safe_eval import safe_eval

from ..models.backorder_position import STATE_SELECTION
from .common import BackorderCase


class TestDashboard(BackorderCase):
    """The dashboard's graph lists the longest queues first; its kanban keeps
    one column per status in the order of a position's life."""

    @classmethod
    def setUpClass(cls):
        super(TestDashboard, cls).setUpClass()
        cls.big = cls._create_product("AAA one big request")
        cls.many = cls._create_product("ZZZ three small requests")
        customers = [cls._create_customer("Queue Garage %d" % i) for i in range(3)]
        # One position of 7 pieces against three of 2: the measure decides.
        cls._create_positions(cls.big, [(customers[0], 7)])
        cls._create_positions(cls.many, [(customer, 2) for customer in customers])
        cls.domain = [("product_id", "in", (cls.big | cls.many).ids)]
        action = cls.env.ref("backorder_reservation.action_backorder_dashboard")
        cls.Dashboard = cls.Position.with_context(**safe_eval(action.context))

    def _product_order(self, groups):
        return [group["product_id"][0] for group in groups]

    def test_graph_lists_the_longest_queue_first(self):
        # As the graph view asks: both group-bys at once, one measure.
        by_pieces = self.Dashboard.read_group(
            self.domain, ["product_id", "state", "product_qty"], ["product_id", "state"],
            lazy=False)
        self.assertEqual(self._product_order(by_pieces), [self.big.id, self.many.id])
        by_count = self.Dashboard.read_group(self.domain, ["product_id"], ["product_id"])
        self.assertEqual(self._product_order(by_count), [self.many.id, self.big.id])

    def test_other_views_keep_odoo_order(self):
        plain = self.Position.read_group(self.domain, ["product_id"], ["product_id"])
        self.assertEqual(self._product_order(plain), [self.big.id, self.many.id])
        columns = self.Dashboard.read_group(self.domain, ["state"], ["state"])
        self.assertEqual([group["state"] for group in columns],
                         [state for state, _label in STATE_SELECTION])

    def test_progress_bars_count_each_status_column(self):
        # The kanban reads a selection column's counts under its label.
        progress_bar = {"field": "state", "colors": {"waiting": "warning"}}
        counts = self.Position.read_progress_bar(self.domain, "state", progress_bar)
        labels = dict(STATE_SELECTION)
        self.assertEqual(counts[labels["waiting"]], {"waiting": 4})
        self.assertEqual(counts["waiting"], {"waiting": 4})
