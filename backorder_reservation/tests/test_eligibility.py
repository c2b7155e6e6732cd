# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, timedelta

from odoo import fields

from .common import BackorderCase


class TestEligibility(BackorderCase):
    """Only customers with a purchase in the last 30 days and enough reputation
    take part; the others are notify-only and never receive stock."""

    def test_no_recent_purchase_means_notify_only(self):
        regular = self._create_customer("Regular Garage")
        stranger = self._create_customer("New Garage", eligible=False)
        waiting_stranger, waiting_regular = self._create_positions(
            self.product, [(stranger, 2), (regular, 2)])
        self.assertTrue(waiting_stranger.notify_only)
        self.assertFalse(waiting_regular.notify_only)
        self._receive(self.product, 3)
        self.assertAssigned(waiting_stranger | waiting_regular, [0, 2])
        self.assertEqual(waiting_stranger.state, "waiting")

    def test_purchase_older_than_thirty_days_does_not_count(self):
        customer = self._create_customer("Old Garage")
        order = customer.sale_order_ids
        long_ago = fields.Datetime.to_string(datetime.utcnow() - timedelta(days=31))
        order.write({"confirmation_date": long_ago})
        self.assertFalse(customer.backorder_eligible)
        order.write({"confirmation_date": fields.Datetime.to_string(
            datetime.utcnow() - timedelta(days=29))})
        customer.invalidate_cache(["backorder_eligible"])
        self.assertTrue(customer.backorder_eligible)

    def test_contact_purchases_count_for_the_company(self):
        company = self._create_customer("Fleet Ltd", eligible=False)
        buyer = self.env["res.partner"].create({"name": "Kim Buyer", "parent_id": company.id})
        self._confirmed_order(buyer, self.service, 1)
        self.assertTrue(company.backorder_eligible)
        position = self.Position.create({
            "partner_id": buyer.id, "product_id": self.product.id, "product_qty": 1})
        self.assertEqual(position.partner_id, company)
        self.assertFalse(position.notify_only)

    def test_customer_becoming_eligible_joins_the_next_run(self):
        customer = self._create_customer("Late Garage", eligible=False)
        position = self._create_positions(self.product, [(customer, 1)])
        self.assertTrue(position.notify_only)
        self._confirmed_order(customer, self.service, 1)
        self._receive(self.product, 1)
        self.assertFalse(position.notify_only)
        self.assertAssigned(position, [1])
