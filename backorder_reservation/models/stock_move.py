# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class StockMove(models.Model):
    _inherit = "stock.move"

    def _backorder_leaving_and_arriving(self):
        """(these moves that take pieces out of the stock location of a
        company's shop warehouse, those that bring pieces into it). Held pieces
        wait in that location whatever the warehouse's steps: a delivery, the
        pick of a pick + ship, a transfer to another warehouse or a scrap takes
        them out of it; a receipt, the last step of a two-step reception or a
        return brings them in; shelving within it does neither."""
        stocks = {}

        def in_shop_stock(location):
            # The location's own company, as for its quants: a move of one
            # company's user may well be into another company's warehouse.
            company_id = location.company_id.id
            if company_id not in stocks:
                stocks[company_id] = location._backorder_shop_stock()
            return location._backorder_within(stocks[company_id])

        leaving = arriving = self.browse()
        for move in self:
            from_stock = in_shop_stock(move.location_id)
            into_stock = in_shop_stock(move.location_dest_id)
            if from_stock and not into_stock:
                leaving |= move
            elif into_stock and not from_stock:
                arriving |= move
        return leaving, arriving

    def _action_assign(self):
        # Moves taking stock out of the shop's stock location must leave held
        # pieces alone; moves within it may still shelve them.
        leaving, _arriving = self._backorder_leaving_and_arriving()
        super(StockMove, leaving.with_context(backorder_respect_holds=True))._action_assign()
        return super(StockMove, self - leaving)._action_assign()

    def _backorder_giving_back(self):
        """Those of these moves that give reserved pieces back when unreserved."""
        return self.filtered(
            lambda move: move.location_id.usage == "internal" and move.move_line_ids)

    def _action_cancel(self):
        # Odoo undoes the moves' reservations one move at a time: lock the
        # queued parts of all of them first, not each one after the quants of
        # the moves before it changed (see product.product._backorder_lock).
        self._backorder_giving_back().mapped("product_id")._backorder_lock_queued()
        return super(StockMove, self)._action_cancel()

    def _do_unreserve(self):
        # Pieces a move gives back (its order or picking cancelled, a reservation
        # undone) are free stock that waiting positions get at once, rather than
        # at the next run of the safety net.
        giving_back = self._backorder_giving_back()
        # Before the quants change, as every writer of both does (see
        # product.product._backorder_lock).
        giving_back.mapped("product_id")._backorder_lock_queued()
        result = super(StockMove, self)._do_unreserve()
        giving_back.mapped("product_id").backorder_allocate()
        return result

    def _action_done(self):
        # Stock that enters or leaves gives pieces to or takes them from holds
        # below: lock their queues before the quants change, as every writer of
        # both does (see product.product._backorder_lock).
        leaving, arriving = self._backorder_leaving_and_arriving()
        (leaving | arriving).mapped("product_id")._backorder_lock_queued()
        done = super(StockMove, self)._action_done()
        leaving, arriving = done.filtered(
            lambda move: move.state == "done")._backorder_leaving_and_arriving()
        arriving.mapped("product_id").backorder_allocate()
        # Stock that left anyway (forced, scrapped, lost) gives back holds.
        leaving.mapped("product_id")._backorder_release_excess()
        return done
