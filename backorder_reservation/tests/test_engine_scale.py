# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""An assignment run over thousands of positions (issue 12, item 1) costs the
statements of a run over three: the ORM reads records a thousand at a time,
so an engine reading its queue through records costs more statements past a
thousand positions."""
from .common import BackorderCase, bulk_customers, bulk_positions


class TestEngineScale(BackorderCase):

    def _statements_of_run(self, count):
        """Statements of the assignment run of a part that ``count`` eligible
        customers and as many who cannot reserve (no order; their positions
        still marked as taking part) wait for, 2 pieces each, ``count``
        pieces free; checks what it assigned."""
        product = self._create_product("Scale part %d" % count)
        eligible = bulk_customers(self.env, count, "scale eligible %d" % count)
        others = bulk_customers(self.env, count, "scale other %d" % count, eligible=False)
        position_ids = bulk_positions(self.env, product, eligible + others, 2)
        self.env["stock.quant"]._update_available_quantity(
            product, self.stock_location, count)
        self.env.cache.invalidate()
        before = self.cr.sql_log_count
        product.backorder_allocate()
        statements = self.cr.sql_log_count - before
        positions = self.Position.browse(position_ids)
        positions.invalidate_cache()
        self.assertEqual(sum(positions.mapped("qty_assigned")), count)
        self.assertEqual(positions.mapped("notify_only"), [False] * count + [True] * count)
        self.assertEqual(set(positions[count:].mapped("qty_assigned")), {0})
        return statements

    def test_statements_of_a_run_do_not_grow_past_a_thousand_positions(self):
        self._statements_of_run(2)  # the first run reads more (Odoo's caches)
        self.assertEqual(self._statements_of_run(1500), self._statements_of_run(3))
