# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from .common import ReplenishmentCase


class TestMultiCompany(ReplenishmentCase):
    """A buyer of a second company orders for that company's queues, from its
    warehouse: the figures are read as superuser, but for the buyer's
    company, not the superuser's."""

    @classmethod
    def setUpClass(cls):
        super(TestMultiCompany, cls).setUpClass()
        cls.second_company = cls.env["res.company"].create({"name": "Replenish Second Co"})
        cls.buyer = cls.env["res.users"].create({
            "name": "Replenish Second Buyer", "login": "replenish-second-buyer",
            "email": "second-buyer@example.com",
            "company_id": cls.second_company.id,
            "company_ids": [(6, 0, cls.second_company.ids)],
            "groups_id": [(6, 0, [cls.env.ref("purchase.group_purchase_user").id])]})

    def test_the_buyer_sees_and_orders_for_the_queues_of_its_company(self):
        part = self._create_part("Replenish shared part")
        # the vendor line for the second company (a new one is the creator's)
        self.env["product.supplierinfo"].create({
            "name": self.vendor.id, "product_tmpl_id": part.product_tmpl_id.id,
            "price": 2.5, "company_id": self.second_company.id})
        self._create_positions(part, [(self.customers[0], 5)])  # the main company's
        self.Position.create({"partner_id": self.customers[1].id, "product_id": part.id,
                              "product_qty": 2, "company_id": self.second_company.id})
        self.assertEqual(self._lines(self._wizard(None, user=self.buyer)),
                         {part: (2, 0, 0, 0, 2)})
        self._wizard(part, user=self.buyer).action_order()
        order = self._requests(part)
        self.assertEqual(order.company_id, self.second_company)
        self.assertEqual(order.picking_type_id.warehouse_id.company_id, self.second_company)
        self.assertEqual(order.order_line.product_qty, 2.0)
        # the main company's buyer (the test's user) sees its own 5, and no
        # request for quotation of its warehouse
        self.assertEqual(self._lines(self._wizard(part)), {part: (5, 0, 0, 0, 5)})
