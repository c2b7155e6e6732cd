# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class StockMove(models.Model):
    _inherit = "stock.move"

    def _action_assign(self):
        # Moves that take stock out of the company (deliveries, scrap, losses)
        # must leave held pieces alone; internal moves may still shelve them.
        leaving = self.filtered(
            lambda move: move.location_dest_id.usage not in ("internal", "transit"))
        super(StockMove, leaving.with_context(backorder_respect_holds=True))._action_assign()
        return super(StockMove, self - leaving)._action_assign()

    def _do_unreserve(self):
        # Pieces a move gives back (its order or picking cancelled, a reservation
        # undone) are free stock that waiting positions get at once, rather than
        # at the next run of the safety net.
        giving_back = self.filtered(
            lambda move: move.location_id.usage == "internal" and move.move_line_ids)
        result = super(StockMove, self)._do_unreserve()
        giving_back.mapped("product_id").backorder_allocate()
        return result

    def _action_done(self):
        done = super(StockMove, self)._action_done()
        arrived = done.filtered(
            lambda move: move.state == "done"
            and move.location_dest_id.usage == "internal"
            and move.location_id.usage != "internal")
        arrived.mapped("product_id").backorder_allocate()
        gone = done.filtered(
            lambda move: move.state == "done"
            and move.location_id.usage == "internal"
            and move.location_dest_id.usage != "internal")
        gone.mapped("product_id")._backorder_release_excess()
        return done
