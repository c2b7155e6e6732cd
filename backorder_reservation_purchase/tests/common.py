# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.addons.backorder_reservation.tests.common import BackorderCase


class ReplenishmentCase(BackorderCase):
    """The backorder fixtures, plus a parts vendor and the wizard as a
    purchase user opens it."""

    @classmethod
    def setUpClass(cls):
        super(ReplenishmentCase, cls).setUpClass()
        cls.vendor = cls._create_vendor("Replenish Parts Wholesale")
        cls.customers = [cls._create_customer("Replenish Garage %d" % i) for i in range(3)]

    @classmethod
    def _create_vendor(cls, name):
        return cls.env["res.partner"].create(
            {"name": name, "is_company": True, "supplier": True, "customer": False})

    @classmethod
    def _create_part(cls, name, vendor=None, price=2.0, delay=7, **values):
        """A stockable part bought from ``vendor`` (default: the class's
        vendor; False for none)."""
        product = cls._create_product(name, **values)
        if vendor is not False:
            cls.env["product.supplierinfo"].create({
                "name": (vendor or cls.vendor).id,
                "product_tmpl_id": product.product_tmpl_id.id,
                "price": price, "delay": delay})
        return product

    def _wizard(self, records, user=None):
        """The wizard opened from ``records`` (parts, templates or positions;
        none: from the menu), as ``user`` (default: the test's user)."""
        Wizard = self.env["backorder.replenishment"]
        if user:
            Wizard = Wizard.sudo(user)
        if records:
            Wizard = Wizard.with_context(active_model=records._name, active_ids=records.ids)
        return Wizard.create({})

    @staticmethod
    def _lines(wizard):
        """{part: (waiting, free, incoming, requested, suggested)}"""
        return {line.product_id: (line.waiting, line.free, line.incoming, line.requested,
                                  line.qty_to_order) for line in wizard.line_ids}

    def _requests(self, product):
        """The open requests for quotation holding ``product``."""
        return self.env["purchase.order"].search([
            ("state", "=", "draft"), ("order_line.product_id", "=", product.id)])
