# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import fields

from .common import BackorderCase, check_out_by_transfer


class TestPaymentPending(BackorderCase):
    """A checked-out order that waits for its payment (wire transfer) keeps the
    hold of its pieces past the deadline for a set number of days (setting,
    default 7; then the hold expires as usual and the quotation says so in its
    chatter and to the customer: issue 11, item 3), its pieces are no longer
    offered for the cart, and its confirmation consumes them."""

    @classmethod
    def setUpClass(cls):
        super(TestPaymentPending, cls).setUpClass()
        cls.customer = cls._create_customer("Transfer Garage")

    def _checked_out(self, product, qty, tx_state="pending"):
        """The customer's order of ``qty`` pieces after a checkout paid by
        ``tx_state`` transaction: a quotation sent, as website_sale leaves it."""
        order = self.env["sale.order"].create({
            "partner_id": self.customer.id,
            "warehouse_id": self.warehouse.id,
            "order_line": [(0, 0, {
                "product_id": product.id, "product_uom_qty": qty,
                "product_uom": product.uom_id.id, "price_unit": product.list_price,
                "name": product.name,
            })],
        })
        check_out_by_transfer(order, tx_state)
        return order

    def _held(self, product, qty):
        position = self._create_positions(product, [(self.customer, qty)])
        self._receive(product, qty)
        self.assertAssigned(position, [qty])
        return position

    def test_the_hold_waits_for_the_payment_and_the_order_consumes_it(self):
        product = self._create_product("Transfer caliper")
        position = self._held(product, 2)
        reputation = self.customer.backorder_reputation
        no_cart = self.env["sale.order"]
        self.assertEqual(self.customer._backorder_qty_to_move(no_cart), 2)
        order = self._checked_out(product, 2)
        # Nothing left to move into a new cart: no flashing icon, no "+1".
        self.assertEqual(self.customer._backorder_qty_to_move(no_cart), 0)
        self.Position._cron_expire_holds(now=self._after_hold(position))
        self.assertEqual(position.state, "assigned")
        self.assertEqual(self.customer.backorder_reputation, reputation)
        order.action_confirm()
        self.assertEqual((position.state, position.qty_done), ("done", 2))

    def test_a_cancelled_payment_or_another_product_does_not_keep_the_hold(self):
        cancelled_product = self._create_product("Unpaid caliper")
        other_product = self._create_product("Other caliper")
        cancelled = self._held(cancelled_product, 1)
        other = self._held(other_product, 1)
        self._checked_out(cancelled_product, 1, tx_state="cancel")
        self._checked_out(self.service, 1)
        self.assertEqual(self.customer._backorder_qty_to_move(self.env["sale.order"]), 2)
        self.Position._cron_expire_holds(now=self._after_hold(cancelled | other))
        self.assertEqual((cancelled | other).mapped("state"), ["expired", "expired"])

    def _held_through_checkout(self, name, qty, wait_days):
        """A hold of ``qty`` pieces checked out and awaiting its payment: it
        stays until ``wait_days`` after the checkout and expires then."""
        product = self._create_product(name)
        position = self._held(product, qty)
        order = self._checked_out(product, qty)
        overdue = fields.Datetime.from_string(
            order.payment_tx_id.create_date) + timedelta(days=wait_days)
        self.Position._cron_expire_holds(now=overdue - timedelta(seconds=1))
        self.assertEqual(position.state, "assigned")
        self.Position._cron_expire_holds(now=overdue)
        self.assertEqual((position.state, position.qty_assigned), ("expired", 0))
        return position, order

    def test_the_hold_expires_when_the_payment_is_overdue(self):
        position, order = self._held_through_checkout("Slow transfer caliper", 2, 7)
        told = order.message_ids.filtered(lambda m: "no longer held" in (m.body or ""))
        self.assertEqual(len(told), 1)
        self.assertEqual(told.subtype_id, self.env.ref("mail.mt_comment"))
        self.assertIn(self.customer, told.partner_ids)
        self.assertIn(position.name, told.body)

    def test_the_wait_is_a_setting(self):
        self.env["ir.config_parameter"].sudo().set_param(
            "backorder_reservation.payment_wait_days", "3")
        self._held_through_checkout("Quick transfer caliper", 1, 3)
