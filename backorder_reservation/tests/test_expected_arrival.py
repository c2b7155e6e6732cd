# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, timedelta

from odoo import fields

from .common import BackorderCase, planned_receipt


class TestExpectedArrival(BackorderCase):
    """Arrival dates from incoming stock (issue 13, item 2): the planned
    receipts of a part, shared by the rule over its queue, tell each waiting
    position the day its need is served; the product's own expected date is the
    fallback."""

    @classmethod
    def setUpClass(cls):
        super(TestExpectedArrival, cls).setUpClass()
        cls.customers = [cls._create_customer("Arrival Garage %d" % i) for i in range(3)]
        cls.lapsed = cls._create_customer("Arrival Lapsed Garage", eligible=False)
        cls.now = datetime.utcnow()

    def _day(self, days):
        return fields.Date.context_today(
            self.Position, timestamp=self.now + timedelta(days=days))

    def _plan(self, product, qty, days):
        return planned_receipt(self.env, product, qty, fields.Datetime.to_string(
            self.now + timedelta(days=days)))

    def _arrivals(self, positions):
        arrival = positions._expected_arrival(self.now)
        return [arrival.get(position.id) for position in positions]

    def test_each_receipt_serves_whom_the_rule_gives_it(self):
        product = self._create_product("Arrival part planned")
        positions = self._create_positions(product, zip(self.customers, (3, 2, 4)))
        self._plan(product, 6, days=10)
        self._plan(product, 4, days=5)
        # 4 on day 5 for needs 3, 2, 4: 3, 1, 0; then 6 on day 10 for the
        # remaining 0, 1, 4: everybody served.
        self.assertEqual(self._arrivals(positions),
                         [self._day(5), self._day(10), self._day(10)])

    def test_the_product_date_when_receipts_do_not_cover(self):
        product = self._create_product(
            "Arrival part short", backorder_expected_date=self._day(30))
        positions = self._create_positions(product, zip(self.customers, (3, 2, 4)))
        self._plan(product, 4, days=5)
        self.assertEqual(self._arrivals(positions),
                         [self._day(5), self._day(30), self._day(30)])
        bare = self._create_product("Arrival part without date")
        position = self._create_positions(bare, [(self.customers[0], 1)])
        self.assertEqual(self._arrivals(position), [None])

    def test_only_planned_receipts_into_the_shop_stock_count(self):
        product = self._create_product(
            "Arrival part other moves", backorder_expected_date=self._day(30))
        position = self._create_positions(product, [(self.customers[0], 2)])
        self._plan(product, 5, days=3).action_cancel()
        draft = self._plan(product, 5, days=4)
        draft.move_lines.write({"state": "draft"})
        self.assertEqual(self._arrivals(position), [self._day(30)])
        self._plan(product, 1, days=6)
        self._plan(product, 1, days=8)
        self.assertEqual(self._arrivals(position), [self._day(8)])

    def test_a_receipt_in_two_steps_counts_once_it_is_planned(self):
        """With receipts in two steps the vendor's pieces come into the
        warehouse's input first, and a second move planned with it takes them
        on to the stock: they are counted once."""
        self.warehouse.reception_steps = "two_steps"
        product = self._create_product("Arrival part two steps")
        position = self._create_positions(product, [(self.customers[0], 2)])
        supplier = self.env.ref("stock.stock_location_suppliers")
        receipt = self.env["stock.picking"].create({
            "picking_type_id": self.warehouse.in_type_id.id,
            "location_id": supplier.id,
            "location_dest_id": self.warehouse.wh_input_stock_loc_id.id,
            "scheduled_date": fields.Datetime.to_string(self.now + timedelta(days=4)),
            "move_lines": [(0, 0, {
                "name": product.name, "product_id": product.id,
                "product_uom_qty": 5, "product_uom": product.uom_id.id,
                "location_id": supplier.id,
                "location_dest_id": self.warehouse.wh_input_stock_loc_id.id,
                "date_expected": fields.Datetime.to_string(self.now + timedelta(days=4)),
            })],
        })
        receipt.action_confirm()
        self.assertEqual(self._arrivals(position), [self._day(4)])
        self.assertEqual(product._backorder_planned_receipts(),
                         {product.id: [(self._day(4), 5)]})

    def test_notify_only_and_served_positions_get_no_receipt_date(self):
        product = self._create_product(
            "Arrival part notify only", backorder_expected_date=self._day(30))
        held, lapsed = self._create_positions(
            product, [(self.customers[0], 2), (self.lapsed, 2)])
        self._receive(product, 2)
        self._plan(product, 5, days=2)
        self.assertEqual(held.qty_need, 0)
        arrival = (held | lapsed)._expected_arrival(self.now)
        self.assertEqual(arrival, {lapsed.id: self._day(30)})

    def test_a_pre_order_is_not_served_before_its_release(self):
        product = self._create_product(
            "Arrival pre-order", preorder_release_date=self._day(20))
        position = self._create_positions(product, [(self.customers[0], 2)])
        self._plan(product, 5, days=3)
        self.assertEqual(self._arrivals(position), [self._day(20)])

    def test_key_accounts_first_changes_who_is_served_first(self):
        self.env["res.config.settings"].create({"backorder_key_accounts_first": True}).execute()
        self.customers[2].backorder_priority = "key_account"
        product = self._create_product("Arrival part key account")
        positions = self._create_positions(product, zip(self.customers, (3, 2, 4)))
        self._plan(product, 4, days=5)
        self._plan(product, 5, days=10)
        # queue: key account (4), then 3, 2: 4 on day 5 serve the key account
        self.assertEqual(self._arrivals(positions),
                         [self._day(10), self._day(10), self._day(5)])

    def test_a_customer_sees_the_day_the_whole_queue_gives(self):
        """The shop asks as the customer, who may read only their own
        positions: the day still comes from everybody's queue."""
        portal_user = self.env.ref("backorder_reservation.user_portal2")
        workshop = portal_user.partner_id.commercial_partner_id
        self._confirmed_order(workshop, self.service, 1)
        product = self._create_product("Arrival part seen by the customer")
        _first, own = self._create_positions(
            product, [(self.customers[0], 3), (workshop, 2)])
        self._plan(product, 3, days=4)
        self._plan(product, 2, days=9)
        # 3 on day 4 all go to the older need of 3; 2 on day 9 serve the customer
        self.assertEqual(own.sudo(portal_user)._expected_arrival(self.now),
                         {own.id: self._day(9)})

    def test_staff_see_the_day_on_the_position_form(self):
        product = self._create_product("Arrival part on the form")
        position = self._create_positions(product, [(self.customers[0], 2)])
        self._plan(product, 2, days=6)
        form = self.Position.fields_view_get(
            self.env.ref("backorder_reservation.view_backorder_position_form").id, "form")
        self.assertIn('name="date_expected"', form["arch"])
        self.assertEqual(position.read(["date_expected"])[0]["date_expected"], self._day(6))

    def test_a_new_request_joins_the_end_of_the_queue(self):
        product = self._create_product(
            "Arrival part new request", backorder_expected_date=self._day(30))
        positions = self._create_positions(product, zip(self.customers, (3, 2)))
        self._plan(product, 4, days=5)
        self._plan(product, 2, days=10)
        # needs 3, 2 and a new 1: day 5 gives 3, 1, 0; day 10 serves the rest
        self.assertEqual(product._backorder_new_request_day(1, self.now), self._day(10))
        self.assertEqual(product._backorder_new_request_day(5, self.now), self._day(30))
        self.assertEqual(positions.mapped("date_expected"), [self._day(5), self._day(10)])

    def test_the_assignment_email_tells_when_the_rest_comes(self):
        product = self._create_product("Arrival part e-mailed")
        position = self._create_positions(product, [(self.customers[0], 5)])
        self._receive(product, 2)
        self._plan(product, 3, days=7)
        template = self.env.ref("backorder_reservation.mail_template_position_assigned")
        body = template.generate_email(position.id, fields=["body_html"])["body_html"]
        self.assertIn("The other 3 piece(s) are expected around", body)
        self.assertIn(fields.Date.from_string(self._day(7)).strftime("%m/%d/%Y"), body)
