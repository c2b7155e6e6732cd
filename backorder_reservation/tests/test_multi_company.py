# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, ValidationError

from .common import BackorderCase, validate_receipt


class TestMultiCompany(BackorderCase):
    """Two companies share a product: each company's stock serves only its own
    company's positions, and its staff see only those."""

    @classmethod
    def setUpClass(cls):
        super(TestMultiCompany, cls).setUpClass()
        cls.main_company = cls.env.user.company_id
        # Odoo's stock module gives a new company a warehouse of its own.
        cls.second_company = cls.env["res.company"].create({"name": "Second Parts Co"})
        cls.customer = cls._create_customer("Two Shops Garage")
        # Eligibility is per company: this customer buys from both.
        cls._confirmed_order_in(cls.second_company, cls.customer)
        cls.other_customer = cls._create_customer("One Shop Garage")

    def _position(self, company, customer, product, qty):
        return self.Position.create({
            "partner_id": customer.id, "product_id": product.id,
            "product_qty": qty, "company_id": company.id,
        })

    def _receive_in(self, company, product, qty):
        env = self.env(context=dict(self.env.context, force_company=company.id))
        receipt = validate_receipt(env, product.with_env(env), qty)
        self.assertEqual(receipt.location_dest_id.company_id, company)
        return receipt

    def test_a_receipt_serves_the_positions_of_its_company(self):
        product = self._create_product("Shared caliper")
        second = self._position(self.second_company, self.customer, product, 2)
        main = self._position(self.main_company, self.other_customer, product, 2)
        self._receive_in(self.main_company, product, 3)
        self.assertAssigned(second | main, [0, 2])
        self._receive_in(self.second_company, product, 1)
        self.assertAssigned(second | main, [1, 2])
        free = product.with_context(force_company=self.second_company.id)._backorder_free_qty()
        self.assertEqual(free[product.id], 0)
        self.assertEqual(product._backorder_free_qty()[product.id], 1)

    def test_safety_net_serves_every_company_from_its_own_stock(self):
        product = self._create_product("Shared rotor")
        self._receive_in(self.main_company, product, 1)
        self._receive_in(self.second_company, product, 2)
        second = self._position(self.second_company, self.customer, product, 2)
        main = self._position(self.main_company, self.other_customer, product, 2)
        self.Position._cron_allocate()
        self.assertAssigned(second | main, [2, 1])
        self.assertEqual((second | main).mapped("state"), ["assigned", "assigned"])

    def test_queueing_keeps_one_open_position_per_company(self):
        product = self._create_product("Shared hose")
        main = self.Position._queue_for(self.customer, product, 1)
        self.assertEqual(main.company_id, self.main_company)
        second = self.Position._queue_for(
            self.customer, product, 2, company_id=self.second_company.id)
        self.assertNotEqual(second, main)
        self.assertEqual(second.company_id, self.second_company)
        self.assertEqual(self.Position._queue_for(self.customer, product, 1), main)
        self.assertEqual((main | second).mapped("product_qty"), [2, 2])

    def test_staff_see_the_positions_of_their_company_only(self):
        salesman = self.env["res.users"].create({
            "name": "Second Co Salesman", "login": "second.co.salesman",
            "company_id": self.second_company.id,
            "company_ids": [(6, 0, self.second_company.ids)],
            "groups_id": [(6, 0, [self.env.ref("sales_team.group_sale_salesman").id])],
        })
        second = self._position(self.second_company, self.customer, self.product, 1)
        main = self._position(self.main_company, self.customer, self.product, 1)
        Position = self.Position.sudo(salesman)
        self.assertEqual(Position.search([("id", "in", (second | main).ids)]), second)
        with self.assertRaises(AccessError):
            main.sudo(salesman).read(["product_qty"])
        self.env["backorder.position.report"].invalidate_cache()
        report = self.env["backorder.position.report"].sudo(salesman).search(
            [("product_id", "=", self.product.id)])
        self.assertEqual(report.mapped("company_id"), self.second_company)

    def test_a_website_of_the_second_company_queues_and_sells_its_stock(self):
        product = self._create_product("Shared clutch")
        self._receive_in(self.second_company, product, 1)
        website = self.env["website"].create({
            "name": "Second Parts Shop", "company_id": self.second_company.id})
        shop_env = self.env(context=dict(self.env.context, website_id=website.id))
        self.assertEqual(shop_env["backorder.position"]._backorder_company(),
                         self.second_company)
        warehouse = product.with_env(shop_env)._backorder_warehouse()
        self.assertEqual(warehouse.company_id, self.second_company)
        cart = shop_env["sale.order"].create({
            "partner_id": self.customer.id, "company_id": self.second_company.id,
            "warehouse_id": warehouse.id,
            "pricelist_id": self.env.ref("product.list0").id})
        cart._cart_update(product_id=product.id, add_qty=3)
        self.assertEqual(cart.order_line.product_uom_qty, 1)
        position = self.Position.search([("product_id", "=", product.id)])
        self.assertEqual((position.company_id, position.product_qty),
                         (self.second_company, 2))

    @classmethod
    def _confirmed_order_in(cls, company, customer):
        env = cls.env(context=dict(cls.env.context, force_company=company.id))
        warehouse = env["stock.warehouse"].search([("company_id", "=", company.id)], limit=1)
        order = env["sale.order"].create({
            "partner_id": customer.id, "company_id": company.id,
            "warehouse_id": warehouse.id,
            "order_line": [(0, 0, {
                "product_id": cls.service.id, "product_uom_qty": 1,
                "price_unit": 1.0, "name": "Service"})],
        })
        order.action_confirm()
        return order

    def test_eligibility_is_decided_per_company(self):
        """A purchase in one company makes the customer take part in that
        company's reservations, not in another's (issue 11, item 8)."""
        buyer = self._create_customer("Second Co Buyer", eligible=False)
        self._confirmed_order_in(self.second_company, buyer)
        product = self._create_product("Company-bound filter")
        second = self._position(self.second_company, buyer, product, 1)
        main = self._position(self.main_company, buyer, product, 1)
        self.assertEqual((second.notify_only, main.notify_only), (False, True))
        self._receive_in(self.main_company, product, 1)
        self._receive_in(self.second_company, product, 1)
        self.assertAssigned(second | main, [1, 0])
        in_second = buyer.with_context(force_company=self.second_company.id)
        self.assertTrue(in_second.backorder_eligible)
        self.assertFalse(buyer.with_context(force_company=self.main_company.id)
                         .backorder_eligible)

    def test_the_cap_counts_the_positions_of_its_company(self):
        product = self._create_product("Capped shared part", backorder_cap=2)
        self._position(self.main_company, self.customer, product, 2)
        second = self._position(self.second_company, self.other_customer, product, 2)
        self.assertEqual(second.product_qty, 2)
        with self.assertRaisesRegex(ValidationError, "at most 2 pieces"):
            self._position(self.main_company, self.other_customer, product, 1)
        room = product.with_context(force_company=self.second_company.id)._backorder_cap_room()
        self.assertEqual(room[product.id], 0)
