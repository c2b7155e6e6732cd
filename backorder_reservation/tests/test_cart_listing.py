# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from .common import BackorderCase


class TestCartListing(BackorderCase):
    """The cart lists a page of the customer's positions, those holding pieces
    first, and counts the rest without reading them (issue 12, item 3): a
    customer may wait for hundreds of parts."""

    @classmethod
    def setUpClass(cls):
        super(TestCartListing, cls).setUpClass()
        cls.customer = cls._create_customer("Listing Garage")
        cls.products = [cls._create_product("Listing part %d" % index) for index in range(6)]
        cls.positions = cls.env["backorder.position"]
        for product in cls.products:
            cls.positions |= cls._create_positions(product, [(cls.customer, 2)])
        # The last two in the queue get pieces.
        for product in cls.products[-2:]:
            cls._receive(product, 1)

    def test_held_positions_first_then_the_queue_and_the_rest_counted(self):
        listed, more = self.Position._cart_listing(self.customer, 4)
        self.assertEqual(listed.ids, self.positions[4:].ids + self.positions[:2].ids)
        self.assertEqual(more, 2)
        listed, more = self.Position._cart_listing(self.customer, 1)
        self.assertEqual((listed.ids, more), (self.positions[4:5].ids, 5))

    def test_only_the_listed_positions_are_read(self):
        self.env.cache.invalidate()
        listed, _more = self.Position._cart_listing(self.customer, 4)
        listed.mapped("product_id.display_name")
        product_field = self.Position._fields["product_id"]
        self.assertEqual(
            [position.id for position in self.positions
             if self.env.cache.contains(position.sudo(), product_field)],
            sorted(listed.ids))

    def test_of_the_listed_parts_only_what_the_cart_shows_is_read(self):
        self.env.cache.invalidate()
        listed, _more = self.Position._cart_listing(self.customer, 4)
        products = listed.mapped("product_id")
        products.mapped("display_name")
        barcode = products._fields["barcode"]  # a field of a part the cart does not show
        self.assertFalse([product for product in products.sudo()
                          if self.env.cache.contains(product, barcode)])
