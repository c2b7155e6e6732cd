# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import fields
from odoo.tests.common import SavepointCase


def planned_receipt(env, product, qty, scheduled=None):
    """A confirmed receipt of ``qty`` pieces from the vendor into the shop's
    warehouse, expected at ``scheduled`` (a datetime string; default now)."""
    warehouse = product._backorder_warehouse()
    supplier = env.ref("stock.stock_location_suppliers")
    move = {
        "name": product.name, "product_id": product.id,
        "product_uom_qty": qty, "product_uom": product.uom_id.id,
        "location_id": supplier.id,
        "location_dest_id": warehouse.lot_stock_id.id,
    }
    if scheduled:
        move["date_expected"] = scheduled
    picking = env["stock.picking"].create({
        "picking_type_id": warehouse.in_type_id.id,
        "location_id": supplier.id,
        "location_dest_id": warehouse.lot_stock_id.id,
        "scheduled_date": scheduled or fields.Datetime.now(),
        "move_lines": [(0, 0, move)],
    })
    picking.action_confirm()
    return picking


def validate_receipt(env, product, qty):
    """Validate a receipt of ``qty`` pieces into the shop's warehouse, the way a
    stock user does (also used by the top-level concurrency tests)."""
    picking = planned_receipt(env, product, qty)
    picking.action_assign()
    for move_line in picking.move_line_ids:
        move_line.qty_done = move_line.product_uom_qty
    picking.action_done()
    return picking


def count_inventory(env, product, qty):
    """Count ``qty`` pieces of ``product`` in the shop's warehouse stock with an
    inventory adjustment, the way a stock manager does (also used by the soak):
    fewer pieces than on hand are a loss, more are found stock."""
    location = product._backorder_warehouse().lot_stock_id
    inventory = env["stock.inventory"].create({
        "name": "Count %s" % product.name, "filter": "product",
        "product_id": product.id, "location_id": location.id,
    })
    inventory.action_start()
    if not inventory.line_ids:  # nothing on hand yet: count it anyway
        inventory.line_ids.create({
            "inventory_id": inventory.id, "product_id": product.id,
            "location_id": location.id, "product_uom_id": product.uom_id.id,
        })
    inventory.line_ids.write({"product_qty": qty})
    inventory.action_done()
    return inventory


def clone_rows(record, count, keys=None, **columns):
    """Ids of ``count`` copies of the table row of ``record``, inserted with one
    statement behind the ORM's back: fixtures of thousands of records (the
    scale tests and benchmarks) that the ORM would take minutes to create.
    ``columns`` give SQL expressions for the columns that differ, over ``n``
    (1 to count) and ``key``: the n-th of ``keys``, integers; when ``keys``
    are pairs of integers, ``key`` and ``key2``. E.g. ``name="'Garage ' ||
    n"``, ``partner_id="key"``. The ids come in the order of n. Nothing the
    ORM does on create is done: give every column that needs its own value."""
    keys = list(keys or range(1, count + 1))[:count]
    pairs = bool(keys) and isinstance(keys[0], tuple)
    arrays = [[key[0] for key in keys], [key[1] for key in keys]] if pairs else [keys]
    cr = record.env.cr
    cr.execute("""
        SELECT column_name FROM information_schema.columns
         WHERE table_name = %s AND column_name != 'id' ORDER BY ordinal_position
    """, [record._table])
    names = [name for name, in cr.fetchall()]
    selected = [columns.pop(name, 'src."%s"' % name) for name in names]
    assert not columns, "no such columns: %s" % sorted(columns)
    # The expressions are the caller's, a fixture's; the values are parameters.
    query = """
        INSERT INTO "{table}" ({names})
        SELECT {selected} FROM "{table}" AS src,
               unnest({arrays}) WITH ORDINALITY AS g({keys}, n)
         WHERE src.id = %s ORDER BY g.n RETURNING id
    """.format(table=record._table, names=", ".join('"%s"' % name for name in names),
               selected=", ".join(selected), arrays=", ".join(["%s::int[]"] * len(arrays)),
               keys="key, key2" if pairs else "key")
    cr.execute(query, arrays + [record.id])  # pylint: disable=sql-injection
    record.invalidate_cache()
    return sorted(record_id for record_id, in cr.fetchall())


def bulk_positions(env, products, customer_ids, qty, **values):
    """Ids of open positions of each of ``products`` for each customer of
    ``customer_ids`` (commercial partners), each requesting ``qty`` pieces,
    each product's queue in the order of ``customer_ids``: the first made by
    the ORM, the others copied from it with one statement
    (:func:`clone_rows`); then ``values`` (column: value, e.g.
    ``state="assigned"``) written to all of them with one statement. Only the
    first has a chatter note."""
    first = env["backorder.position"].create({
        "partner_id": customer_ids[0], "product_id": products[0].id, "product_qty": qty})
    pairs = [(customer_id, product.id) for product in products
             for customer_id in customer_ids][1:]
    ids = [first.id] + clone_rows(
        first, len(pairs), keys=pairs, partner_id="key", product_id="key2",
        product_tmpl_id="(SELECT product_tmpl_id FROM product_product WHERE id = key2)",
        name="src.name || '-' || n",
        date_queued="src.date_queued + n * interval '1 microsecond'")
    if values:
        names = sorted(values)
        env.cr.execute(  # the column names are the caller's, a fixture's
            "UPDATE backorder_position SET %s WHERE id = ANY(%%s)" % ", ".join(
                '"%s" = %%s' % name for name in names),  # pylint: disable=sql-injection
            [values[name] for name in names] + [ids])
    first.invalidate_cache()
    return ids


def bulk_products(env, count, name, **values):
    """``count`` stockable products (their templates) named ``name`` and a
    number, made like :func:`clone_rows` from one the ORM makes with
    ``values``."""
    first = env["product.product"].create(dict(values, name=name, type="product"))
    templates = [first.product_tmpl_id.id] + clone_rows(
        first.product_tmpl_id, count - 1, name="src.name || ' ' || n")
    return first | first.browse(clone_rows(
        first, count - 1, keys=templates[1:], product_tmpl_id="key"))


def bulk_customers(env, count, tag, eligible=True):
    """Ids of ``count`` company customers named after ``tag``, made like
    :func:`clone_rows`; ``eligible``: each with an order confirmed now
    (written as confirmed, as :func:`clone_rows` copies it)."""
    first = env["res.partner"].create({
        "name": "Bench %s" % tag, "is_company": True, "email": "bench-%s@example.com" % tag})
    ids = [first.id] + clone_rows(
        first, count - 1, name="src.name || ' ' || n",
        display_name="src.display_name || ' ' || n", email="n || '.' || src.email")
    env.cr.execute(
        "UPDATE res_partner SET commercial_partner_id = id WHERE id = ANY(%s)", [ids])
    if eligible:
        order = env["sale.order"].create({
            "partner_id": first.id, "state": "sale",
            "confirmation_date": fields.Datetime.now()})
        clone_rows(order, count - 1, keys=ids[1:], partner_id="key",
                   partner_invoice_id="key", partner_shipping_id="key",
                   name="src.name || '-' || n")
    env["res.partner"].invalidate_cache()
    return ids


def check_out_by_transfer(order, tx_state="pending"):
    """``order`` after a checkout paid by wire transfer whose transaction is in
    ``tx_state``: the quotation sent, as website_sale leaves it (also used by
    the soak). Returns the transaction."""
    transaction = order.env["payment.transaction"].create({
        "acquirer_id": order.env.ref("payment.payment_acquirer_transfer").id,
        "amount": order.amount_total, "currency_id": order.currency_id.id,
        "partner_id": order.partner_id.id, "reference": order.name,
        "sale_order_id": order.id, "state": tx_state,
    })
    order.write({"state": "sent", "payment_tx_id": transaction.id})
    return transaction


class BackorderCase(SavepointCase):
    """Fixtures built once per class: the main warehouse, an eligible-making
    service product, and builders for products, customers, positions and real
    receipts through stock pickings."""

    @classmethod
    def setUpClass(cls):
        super(BackorderCase, cls).setUpClass()
        cls.Position = cls.env["backorder.position"]
        cls.warehouse = cls.env["product.product"]._backorder_warehouse()
        cls.stock_location = cls.warehouse.lot_stock_id
        cls.customer_location = cls.env.ref("stock.stock_location_customers")
        cls.service = cls.env["product.product"].create({
            "name": "Workshop hour", "type": "service", "list_price": 10.0,
        })
        cls.product = cls._create_product("Brake pad BP-100")

    @classmethod
    def _create_product(cls, name, **values):
        values.update(name=name, type="product", list_price=values.get("list_price", 5.0))
        return cls.env["product.product"].create(values)

    @classmethod
    def _create_customer(cls, name, eligible=True, **values):
        """A company customer; ``eligible`` gives it an order confirmed today."""
        email = "%s@example.com" % name.lower().replace(" ", ".")
        values.update(name=name, is_company=True, email=email)
        customer = cls.env["res.partner"].create(values)
        if eligible:
            cls._confirmed_order(customer, cls.service, 1)
        return customer

    @classmethod
    def _confirmed_order(cls, customer, product, qty):
        order = cls.env["sale.order"].create({
            "partner_id": customer.id,
            "warehouse_id": cls.warehouse.id,
            "order_line": [(0, 0, {
                "product_id": product.id, "product_uom_qty": qty,
                "product_uom": product.uom_id.id, "price_unit": product.list_price,
                "name": product.name,
            })],
        })
        order.action_confirm()
        return order

    @classmethod
    def _create_positions(cls, product, requests):
        """Positions in queue order: ``requests`` is [(customer, qty)]."""
        positions = cls.env["backorder.position"]
        for customer, qty in requests:
            positions |= cls.env["backorder.position"].create({
                "partner_id": customer.id, "product_id": product.id, "product_qty": qty,
            })
        return positions

    @classmethod
    def _receive(cls, product, qty):
        return validate_receipt(cls.env, product, qty)

    @staticmethod
    def _after_hold(positions, hours=1):
        """A time ``hours`` after the last of these positions' holds ended: what
        the scheduled actions are given to see the holds run out."""
        return max(fields.Datetime.from_string(date)
                   for date in positions.mapped("date_expiry")) + timedelta(hours=hours)

    def assertAssigned(self, positions, quantities):
        positions.invalidate_cache()
        self.assertEqual(positions.mapped("qty_assigned"), list(quantities))
