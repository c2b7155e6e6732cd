# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from werkzeug.exceptions import BadRequest
from werkzeug.wrappers import Response

from odoo import models
from odoo.http import request


class IrHttp(models.AbstractModel):
    _inherit = "ir.http"

    @classmethod
    def _handle_exception(cls, exception):
        """A shop form posted with an expired or missing CSRF token (a page left
        open for hours, a form of another site) gets a page that says so and
        leads back, instead of Odoo's bare "400: Bad Request"."""
        if cls._is_expired_form(exception):
            if not request.uid:
                cls._auth_method_public()
            html = request.env["ir.ui.view"].render_template(
                "backorder_reservation.form_expired", {"back_url": cls._back_url()})
            return Response(html, status=400, content_type="text/html;charset=utf-8")
        return super(IrHttp, cls)._handle_exception(exception)

    @classmethod
    def _is_expired_form(cls, exception):
        # odoo.http.HttpRequest.dispatch refuses the token with this BadRequest.
        return (isinstance(exception, BadRequest) and "CSRF" in str(exception.description)
                and getattr(request, "is_frontend", False)
                and bool(getattr(request, "website", False)))

    @classmethod
    def _back_url(cls):
        """The page the form was on when it is one of this site's, else the shop."""
        referrer = request.httprequest.referrer or ""
        host_url = request.httprequest.host_url
        if referrer.startswith(host_url):
            return "/" + referrer[len(host_url):]
        return "/shop"
