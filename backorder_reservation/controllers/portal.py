# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""My backorders: the customer's own positions in the portal, with their
history, hold deadlines and a cancel button for open ones."""
from odoo import _, http
from odoo.exceptions import UserError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal, pager as portal_pager

from .main import parse_record_id


class BackorderPortal(CustomerPortal):

    def _backorder_domain(self):
        return [("partner_id", "=",
                 request.env.user.partner_id.commercial_partner_id.id)]

    def _prepare_portal_layout_values(self):
        values = super(BackorderPortal, self)._prepare_portal_layout_values()
        values["backorder_count"] = request.env["backorder.position"].sudo().search_count(
            self._backorder_domain() + [("is_open", "=", True)])
        return values

    def _backorder_message(self, key):
        """The alert for ``?message=`` of a redirect: only known keys, so no
        text of the URL is ever shown."""
        messages = {
            "cancelled": ("success", _("The backorder position was cancelled.")),
            "not_found": ("danger", _("This backorder position does not exist "
                                      "or is not yours.")),
            "not_open": ("danger", _("Only waiting or assigned positions can be "
                                     "cancelled.")),
        }
        level, text = messages.get(key, (None, None))
        return {"backorder_message": text, "backorder_message_level": level}

    @http.route(["/my/backorders", "/my/backorders/page/<int:page>"], type="http",
                auth="user", website=True)
    def portal_my_backorders(self, page=1, sortby=None, filterby=None, message=None,
                             **kw):
        values = self._prepare_portal_layout_values()
        Position = request.env["backorder.position"]._shop_rows().sudo()
        searchbar_sortings = {
            "date": {"label": _("Newest"), "order": "create_date desc, id desc"},
            "product": {"label": _("Product"), "order": "product_id, create_date"},
            "state": {"label": _("Status"), "order": "state, create_date desc"},
        }
        searchbar_filters = {
            "open": {"label": _("Open"), "domain": [("is_open", "=", True)]},
            "all": {"label": _("All"), "domain": []},
            "closed": {"label": _("Closed"),
                       "domain": [("is_open", "=", False)]},
        }
        page = parse_record_id(page) or 1  # "?page=" of a hand-made link
        sortby = sortby if sortby in searchbar_sortings else "date"
        filterby = filterby if filterby in searchbar_filters else "open"
        domain = self._backorder_domain() + searchbar_filters[filterby]["domain"]
        pager = portal_pager(
            url="/my/backorders", url_args={"sortby": sortby, "filterby": filterby},
            total=Position.search_count(domain), page=page, step=self._items_per_page)
        positions = Position.search(
            domain, order=searchbar_sortings[sortby]["order"],
            limit=self._items_per_page, offset=pager["offset"])._read_shop_rows()
        values.update(self._backorder_message(message))
        values.update({
            "positions": positions,
            "page_name": "backorder",
            "pager": pager,
            "default_url": "/my/backorders",
            "searchbar_sortings": searchbar_sortings,
            "searchbar_filters": searchbar_filters,
            "sortby": sortby,
            "filterby": filterby,
        })
        return request.render("backorder_reservation.portal_my_backorders", values)

    @http.route(["/my/backorders/<int:position_id>"], type="http", auth="user",
                website=True)
    def portal_my_backorder(self, position_id, message=None, **kw):
        position = request.env["backorder.position"]._customer_position(
            parse_record_id(position_id))
        if not position:
            return request.redirect("/my/backorders?message=not_found")
        values = self._prepare_portal_layout_values()
        values.update(self._backorder_message(message))
        values.update({
            "position": position,
            "history": position._customer_history(),
            "page_name": "backorder",
        })
        return request.render("backorder_reservation.portal_my_backorder", values)

    @http.route(["/my/backorders/<int:position_id>/cancel"], type="http",
                auth="user", methods=["POST"], website=True)
    def portal_my_backorder_cancel(self, position_id, **kw):
        position = request.env["backorder.position"]._customer_position(
            parse_record_id(position_id))
        if not position:
            return request.redirect("/my/backorders?message=not_found")
        try:
            position.action_cancel()
        except UserError:
            return request.redirect("/my/backorders/%d?message=not_open" % position.id)
        return request.redirect("/my/backorders/%d?message=cancelled" % position.id)
