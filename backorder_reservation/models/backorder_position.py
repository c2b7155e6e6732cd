# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging
import time
from collections import defaultdict, namedtuple
from datetime import datetime, timedelta

from odoo import SUPERUSER_ID, _, api, fields, models, tools
from odoo.exceptions import UserError, ValidationError
from odoo.tools import config

from .. import allocation, lifecycle
from ..sql import execute_values, sums_by

_logger = logging.getLogger(__name__)

# Pieces one position may request: more than a parts customer waits for, far
# below the integer columns' limit.
MAX_POSITION_QTY = 100000
# Kept by the engine alone, which runs as superuser: the state and the pieces
# follow from the rule and from orders (SPEC invariants 1, 2 and 4). Staff
# change them through the position's actions, which log what they do.
ENGINE_FIELDS = frozenset([
    "state", "qty_assigned", "qty_done", "qty_need", "date_assigned", "date_expiry",
    "date_closed", "notify_only", "notification_count", "date_last_notification",
    "assignment_notice_pending", "date_queued",
])
HOLD_ENDS_SOON = timedelta(hours=24)
# Payment transaction states of a checkout whose payment is still to come.
AWAITING_PAYMENT = ("pending", "authorized")
STATE_SELECTION = list(zip(lifecycle.STATES, (
    "Waiting", "Assigned", "Done", "Expired", "Removed", "Cancelled")))
# Part of Odoo's time limit of a scheduled action a batched run uses: it starts
# no batch after it, so that the run ends by itself, its batches committed,
# rather than being killed half-way through one.
CRON_TIME_SHARE = 0.8
# What the engine reads of a position (:meth:`BackorderPosition._queue_entries`):
# its ids, pieces, deadline and flag as stored, nothing else. Dates are the
# strings the ORM stores.
QueueEntry = namedtuple("QueueEntry", [
    "id", "name", "partner_id", "company_id", "product_id", "product_qty",
    "qty_assigned", "qty_done", "qty_need", "date_expiry", "notify_only",
])


def cron_time_budget():
    """Seconds a scheduled action may work: a share of Odoo's limit of a cron
    run (--limit-time-real-cron, else --limit-time-real), None without one."""
    limit = config.get("limit_time_real_cron") or 0
    if limit <= 0:
        limit = config.get("limit_time_real") or 0
    return limit * CRON_TIME_SHARE if limit > 0 else None


def prefetch_fields(records, names=None):
    """Read into the cache the fields ``names`` of ``records`` (default: those
    a first access to a field reads, their stored fields; Odoo's
    ``_prefetch_field``), for all of them with one statement, as ``read()``
    does, without building its result: for a thousand customers that took two
    thirds of the time. Without ``names``, not for a model that inherits
    fields of another (``_inherits``): those would be read one record at a
    time later."""
    records.check_access_rights("read")
    names = records.check_field_access_rights("read", names or [
        name for name, field in records._fields.items() if field.prefetch])
    records._read_from_database(
        [name for name in names if records._fields[name].store],
        [name for name in names if not records._fields[name].store
         and records._fields[name].base_field.store])


# {model: fields} that a position's row in the cart or in My backorders shows
# or that its expected day is computed from (see _read_shop_rows).
SHOP_ROW_FIELDS = {
    "backorder.position": [
        "name", "partner_id", "company_id", "product_id", "state", "product_qty",
        "qty_assigned", "qty_done", "qty_need", "notify_only", "date_expiry"],
    "product.product": ["product_tmpl_id", "default_code"],
    "product.template": ["name", "preorder_release_date", "backorder_expected_date"],
}


class BackorderPosition(models.Model):
    _name = "backorder.position"
    _description = "Backorder Position"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    # The queue order (allocation.queue_sort_key): key accounts first when the
    # shop puts them first, then the oldest request, then by id (SPEC: queue).
    # A position's request dates from its creation, or from the last time it
    # was raised.
    _order = "queue_priority desc, date_queued, id"

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/")
    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, index=True,
        readonly=True, states={"waiting": [("readonly", False)]},
        help="The commercial partner (company or individual) the position "
             "belongs to; contacts of a company share its positions.")
    product_id = fields.Many2one(
        "product.product", string="Product", required=True, index=True,
        readonly=True, states={"waiting": [("readonly", False)]},
        domain=[("type", "=", "product")])
    product_tmpl_id = fields.Many2one(
        related="product_id.product_tmpl_id", store=True, readonly=True)
    product_qty = fields.Integer(
        string="Requested", required=True, default=1,
        track_visibility="onchange",
        help="Pieces the customer asked for.")
    qty_assigned = fields.Integer(
        string="Assigned", readonly=True, default=0, copy=False,
        help="Pieces set aside for this position and not bought yet, "
             "including pieces moved into the customer's cart.")
    qty_done = fields.Integer(
        string="Bought", readonly=True, default=0, copy=False,
        help="Pieces bought through confirmed orders.")
    qty_need = fields.Integer(
        string="Need", compute="_compute_qty_need", store=True, copy=False,
        help="Requested - assigned - bought: what the position still waits for.")
    state = fields.Selection(
        STATE_SELECTION, string="Status", required=True, default="waiting",
        readonly=True, index=True, copy=False, group_expand="_expand_states")
    # Set by create(), not by a default: a default would also be given to the
    # positions of a database being upgraded, which init() dates from their
    # creation instead.
    date_queued = fields.Datetime(
        string="Queued Since", readonly=True, copy=False, index=True,
        help="The position's place in its product's queue: when it was created, "
             "or when its requested quantity was last raised (more pieces wait "
             "behind those asked for before).")
    date_assigned = fields.Datetime(
        string="First Assigned", readonly=True, copy=False,
        help="When the position first received pieces.")
    date_expiry = fields.Datetime(
        string="Held Until", readonly=True, copy=False, index=True,
        help="When the assigned pieces go back to free stock if not bought.")
    date_closed = fields.Datetime(
        string="Closed On", readonly=True, copy=False,
        help="When the position became done, expired, removed or cancelled.")
    notify_only = fields.Boolean(
        readonly=True, copy=False,
        help="The customer takes no part in reservations (no recent purchase "
             "or low reputation): the position only gets availability e-mails.")
    notification_count = fields.Integer(
        string="Notifications Sent", readonly=True, copy=False,
        help="Availability e-mails sent to a notify-only position.")
    date_last_notification = fields.Datetime(
        string="Last Notification", readonly=True, copy=False)
    assignment_notice_pending = fields.Boolean(
        readonly=True, copy=False,
        help="Pieces were assigned and the customer has not been e-mailed yet.")
    company_id = fields.Many2one(
        "res.company", string="Company", required=True, index=True,
        default=lambda self: self._backorder_company())
    website_id = fields.Many2one("website", string="Website", index=True)
    sale_line_ids = fields.Many2many(
        "sale.order.line", "backorder_position_sale_line_rel", "position_id",
        "sale_line_id", string="Order Lines", readonly=True, copy=False,
        help="The quotation lines whose missing pieces this position waits for.")
    cart_url = fields.Char(
        compute="_compute_cart_url", string="Cart Link",
        help="Where the customer moves assigned pieces into the cart (e-mails).")
    hold_ends_soon = fields.Boolean(
        string="Hold Ends Within 24 h", compute="_compute_hold_ends_soon",
        search="_search_hold_ends_soon",
        help="Assigned pieces go back to free stock within the next 24 hours.")
    is_open = fields.Boolean(
        string="Open", compute="_compute_is_open", search="_search_is_open",
        help="The position waits for pieces or holds some.")
    customer_reputation = fields.Integer(
        related="partner_id.backorder_reputation", string="Reputation",
        readonly=True)
    customer_priority = fields.Selection(
        related="partner_id.backorder_priority", string="Customer Priority",
        readonly=True)
    queue_priority = fields.Integer(
        compute="_compute_queue_priority", store=True, readonly=True,
        help="The group the position queues in: with key accounts first (a "
             "setting), key accounts' positions are in a higher group and come "
             "before normal customers' in their queue.")
    date_expected = fields.Date(
        string="Expected Around", compute="_compute_date_expected",
        help="When the rest of what the position waits for should arrive: from "
             "the planned receipts of the product shared by the assignment rule "
             "over its queue, else the product's expected arrival date.")
    queue_place = fields.Integer(
        string="Place in Queue", compute="_compute_queue_place",
        help="Where the open position stands in its product's queue: 1 is served "
             "first when stock arrives.")

    _sql_constraints = [
        ("product_qty_positive", "CHECK(product_qty > 0)",
         "The requested quantity of a backorder position must be positive."),
        ("qty_assigned_positive", "CHECK(qty_assigned >= 0)",
         "The assigned quantity of a backorder position cannot be negative."),
        ("qty_within_request", "CHECK(qty_assigned + qty_done <= product_qty)",
         "A backorder position cannot get more than it requested."),
    ]

    def init(self):
        # Positions from before the queue date queue from their creation, and
        # keep the one order line they were made of.
        self.env.cr.execute("""
            UPDATE backorder_position SET date_queued = create_date
             WHERE date_queued IS NULL
        """)
        self.env.cr.execute("""
            SELECT 1 FROM information_schema.columns
             WHERE table_name = 'backorder_position' AND column_name = 'sale_line_id'
        """)
        if self.env.cr.fetchone():
            self.env.cr.execute("""
                INSERT INTO backorder_position_sale_line_rel (position_id, sale_line_id)
                SELECT id, sale_line_id FROM backorder_position
                 WHERE sale_line_id IS NOT NULL
                ON CONFLICT DO NOTHING
            """)
        # The last word on one open position per customer, product and company
        # (_check_one_open_position), for two transactions that each checked
        # before the other wrote. A database that already has twins keeps
        # working; they are named in the log for staff to merge.
        self.env.cr.execute("""
            SELECT array_agg(name) FROM backorder_position WHERE state IN %s
             GROUP BY partner_id, product_id, company_id HAVING count(*) > 1
        """, [lifecycle.OPEN_STATES])
        twins = self.env.cr.fetchall()
        if twins:
            _logger.warning("open backorder positions to merge: %s", twins)
            return
        self.env.cr.execute("""
            CREATE UNIQUE INDEX IF NOT EXISTS backorder_position_one_open_index
                ON backorder_position (partner_id, product_id, company_id)
             WHERE state IN %s
        """, [lifecycle.OPEN_STATES])

    @api.model
    def _expand_states(self, states, domain, order):
        """Every status is a column of the dashboard, in the order of a
        position's life, even when no position has it."""
        return [state for state, _label in STATE_SELECTION]

    @api.model
    def read_group(self, domain, fields, groupby, offset=0, limit=None, orderby=False,
                   lazy=True):
        """Groups of the field named by the context key ``backorder_largest_first``
        come largest first, by the first measure asked for (else their count):
        the dashboard's graph shows the longest queues first. Odoo 11's graph
        view cannot order its bars (later versions have ``order="desc"``)."""
        groups = super(BackorderPosition, self).read_group(
            domain, fields, groupby, offset=offset, limit=limit, orderby=orderby, lazy=lazy)
        groupbys = [groupby] if isinstance(groupby, str) else list(groupby)
        largest_first = self.env.context.get("backorder_largest_first")
        if not groups or not groupbys or groupbys[0] != largest_first:
            return groups
        measures = [name.split(":")[0] for name in fields]
        measure = next((name for name in measures if name not in groupbys and name in
                        self._fields and self._fields[name].type in ("integer", "float")),
                       "__count" if "__count" in groups[0] else largest_first + "_count")
        totals = defaultdict(float)
        for group in groups:
            totals[repr(group[largest_first])] += group.get(measure) or 0
        return sorted(groups, key=lambda group: -totals[repr(group[largest_first])])

    @api.model
    def read_progress_bar(self, domain, group_by, progress_bar):
        """Odoo 11's kanban looks the counts of a column grouped by a selection
        field up by the column's label, while this method keys them by value:
        key them by label as well, so that the dashboard's bars fill in."""
        data = super(BackorderPosition, self).read_progress_bar(
            domain, group_by, progress_bar)
        field = self._fields.get(group_by.partition(":")[0])
        if field is not None and field.type == "selection":
            labels = dict(field._description_selection(self.env))
            data.update({labels[key]: counts for key, counts in list(data.items())
                         if key in labels})
        return data

    @api.depends("product_qty", "qty_assigned", "qty_done")
    def _compute_qty_need(self):
        for position in self:
            position.qty_need = (
                position.product_qty - position.qty_assigned - position.qty_done)

    @api.depends("state")
    def _compute_is_open(self):
        for position in self:
            position.is_open = position.state in lifecycle.OPEN_STATES

    @api.model
    def _search_is_open(self, operator, value):
        if operator not in ("=", "!="):
            raise UserError(_("Open positions are searched with = or !=."))
        wanted = (operator == "=") == bool(value)
        return [("state", "in" if wanted else "not in", lifecycle.OPEN_STATES)]

    @api.depends("partner_id.backorder_priority")
    def _compute_queue_priority(self):
        key_accounts_first = self._backorder_settings().key_accounts_first
        for position in self:
            position.queue_priority = allocation.queue_priority(
                position.partner_id.backorder_priority or allocation.PRIORITY_NORMAL,
                key_accounts_first)

    @api.model
    def _requeue_priorities(self):
        """Give every position the group of its customer's priority under the
        current setting: one statement per priority, whatever the number of
        positions (turning key accounts first on or off reorders every queue)."""
        key_accounts_first = self._backorder_settings().key_accounts_first
        for priority, _label in allocation.PRIORITY_SELECTION:
            self.env.cr.execute("""
                UPDATE backorder_position SET queue_priority = %s
                 WHERE queue_priority IS DISTINCT FROM %s
                   AND partner_id IN (SELECT id FROM res_partner
                                       WHERE backorder_priority = %s)
            """, (allocation.queue_priority(priority, key_accounts_first),) * 2 + (priority,))
        self.invalidate_cache(["queue_priority"])

    @api.multi
    def _compute_queue_place(self):
        """One query for all: the place of each open position among the open
        positions of its product and company, in queue order (``_order``)."""
        places = {}
        open_positions = self.filtered("is_open")
        if open_positions:
            self.env.cr.execute("""
                SELECT id, place FROM (
                    SELECT id, row_number() OVER (
                               PARTITION BY product_id, company_id ORDER BY %s) AS place
                      FROM backorder_position
                     WHERE state IN %%s AND product_id IN %%s) AS queue
                 WHERE id IN %%s
            """ % self._order, (lifecycle.OPEN_STATES,
                                tuple(open_positions.mapped("product_id").ids),
                                tuple(open_positions.ids)))
            places = dict(self.env.cr.fetchall())
        for position in self:
            position.queue_place = places.get(position.id, 0)

    @api.multi
    def _compute_date_expected(self):
        expected = self._expected_arrival()
        for position in self:
            position.date_expected = expected.get(position.id, False)

    @api.multi
    def _expected_arrival(self, now=None):
        """{position id: day} of those of these positions that wait for pieces
        and have a day to expect them: the day the planned receipts of their
        product serve the rest of their need, by the rule over their queue as
        it stands at ``now`` (default: the clock; see
        ``product.product._backorder_arrival_days``); else the product's
        expected arrival date, when staff set one. Notify-only positions get no
        pieces from receipts: theirs is the product's date.

        The queues are read as superuser: a customer asking in the shop may
        read their own positions only, and their day depends on everybody's."""
        now = now or datetime.utcnow()
        waiting = self.sudo().filtered(lambda p: p.is_open and p.qty_need > 0)
        served_on = {}
        for company in waiting.mapped("company_id"):
            products = waiting.env["product.product"].with_context(
                force_company=company.id).browse(
                waiting.filtered(lambda p: p.company_id == company).mapped("product_id").ids)
            entries = waiting._queue_entries(waiting._open_domain(products, company))
            queues = dict(products._backorder_queues(
                entries, waiting._eligible_among(entries, now)))
            days = products._backorder_arrival_days(
                {product.id: [entry.qty_need for entry in queue]
                 for product, queue in queues.items()}, now)
            for product, queue in queues.items():
                served_on.update(zip([entry.id for entry in queue], days[product.id]))
        # The products' own dates in one read: a page of positions of many
        # parts asks for them all at once.
        templates = waiting.mapped("product_id.product_tmpl_id")
        own_date = dict(zip(templates.ids, templates.mapped("backorder_expected_date")))
        expected = {
            position.id: served_on.get(position.id)
            or own_date[position.product_id.product_tmpl_id.id]
            for position in waiting
        }
        return {position_id: day for position_id, day in expected.items() if day}

    @api.depends("state", "date_expiry")
    def _compute_hold_ends_soon(self):
        soon = fields.Datetime.to_string(datetime.utcnow() + HOLD_ENDS_SOON)
        for position in self:
            position.hold_ends_soon = (
                position.state == "assigned" and bool(position.date_expiry)
                and position.date_expiry <= soon)

    @api.model
    def _search_hold_ends_soon(self, operator, value):
        soon = fields.Datetime.to_string(datetime.utcnow() + HOLD_ENDS_SOON)
        if (operator == "=") == bool(value):
            return ["&", ("state", "=", "assigned"), ("date_expiry", "<=", soon)]
        return ["|", "|", ("state", "!=", "assigned"), ("date_expiry", "=", False),
                ("date_expiry", ">", soon)]

    @api.constrains("partner_id")
    def _check_commercial_partner(self):
        for position in self:
            if position.partner_id != position.partner_id.commercial_partner_id:
                raise ValidationError(_(
                    "Backorder positions belong to the commercial partner: use "
                    "%(customer)s instead of %(contact)s.") % {
                        "customer": position.partner_id.commercial_partner_id.display_name,
                        "contact": position.partner_id.display_name})

    @api.constrains("product_qty")
    def _check_product_qty(self):
        if any(position.product_qty > MAX_POSITION_QTY for position in self):
            raise ValidationError(_(
                "A backorder position holds at most %d pieces.") % MAX_POSITION_QTY)

    @api.constrains("partner_id", "product_id", "company_id", "state")
    def _check_one_open_position(self):
        for position in self.filtered("is_open"):
            self._check_no_open_position(
                position.partner_id, position.product_id, position.company_id, position)

    @api.model
    def _check_no_open_position(self, customer, product, company, but=None):
        """Refuse a second open position of ``customer`` for ``product`` in
        ``company`` (besides ``but``), naming the first."""
        other = self.sudo().search([
            ("id", "!=", but.id if but else False),
            ("partner_id", "=", customer.commercial_partner_id.id),
            ("product_id", "=", product.id), ("company_id", "=", company.id),
            ("is_open", "=", True),
        ], limit=1)
        if other:
            raise ValidationError(_(
                "%(customer)s already waits for %(product)s in backorder position "
                "%(position)s: raise its quantity instead of opening another.") % {
                    "customer": customer.commercial_partner_id.display_name,
                    "product": product.display_name, "position": other.name})

    @api.constrains("product_id")
    def _check_product_accepts_backorders(self):
        for position in self:
            if not position.product_id.backorder_allowed:
                raise ValidationError(
                    _("%s cannot be backordered.") % position.product_id.display_name)

    @api.model
    def _check_engine_fields(self, vals, create=False):
        """Refuse ``vals`` that set what only the engine may set, unless the
        engine (superuser) writes them. A new position may be given what every
        new position has (waiting, nothing held): a copy or an import does."""
        touched = {name for name in ENGINE_FIELDS.intersection(vals)
                   if not create or vals[name] not in (False, 0, None, "waiting")}
        if touched and self.env.uid != SUPERUSER_ID:
            labels = sorted(self._fields[name].string for name in touched)
            raise UserError(_(
                "%s of a backorder position follow from the assignment rule and "
                "from orders and cannot be set by hand. Use the position's "
                "actions (Cancel, Extend Hold, Re-run Assignment).") % ", ".join(labels))

    @api.model
    def create(self, vals):
        self._check_engine_fields(vals, create=True)
        if vals.get("partner_id"):
            # Contacts of a company share its positions (SPEC: commercial partner).
            vals["partner_id"] = self.env["res.partner"].browse(
                vals["partner_id"]).commercial_partner_id.id
        if vals.get("name", "/") == "/":
            vals["name"] = self.env["ir.sequence"].next_by_code(
                "backorder.position") or "/"
        vals.setdefault("company_id", self._backorder_company().id)
        vals["date_queued"] = vals.get("date_queued") or fields.Datetime.now()
        # Checked before creating, so a refused position leaves nothing behind
        # even inside a transaction that goes on (and the database's index of
        # open positions does not answer first, without a message).
        product = self.env["product.product"].with_context(
            force_company=vals["company_id"]).browse(vals.get("product_id"))
        if vals.get("state", "waiting") in lifecycle.OPEN_STATES:
            self._check_no_open_position(
                self.env["res.partner"].browse(vals.get("partner_id")), product,
                self.env["res.company"].browse(vals["company_id"]))
        product._check_backorder_cap(extra_qty=vals.get("product_qty", 1))
        position = super(BackorderPosition, self).create(vals)
        now = datetime.utcnow()
        position._refresh_notify_only(now)
        position._post_notes([(position.id, _(
            "Position created: %(qty)d x %(product)s, waiting.") % {
                "qty": position.product_qty,
                "product": position.product_id.display_name})], now)
        return position

    @api.multi
    def write(self, vals):
        self._check_engine_fields(vals)
        # Only a new quantity raises (and reads the positions to know it).
        raised = self.filtered(lambda position: position.is_open
                               and vals["product_qty"] > position.product_qty) \
            if "product_qty" in vals else self.browse()
        if "product_qty" in vals:
            # The cap check below locks capped parts: before the positions
            # change (see product.product._backorder_lock).
            self.mapped("product_id")._backorder_capped()._backorder_lock()
        result = super(BackorderPosition, self).write(vals)
        if "product_qty" in vals:
            for company in self.mapped("company_id"):
                self.filtered(lambda p: p.company_id == company).mapped("product_id") \
                    .with_context(force_company=company.id)._check_backorder_cap()
        raised._requeue(datetime.utcnow())
        return result

    @api.multi
    def _requeue(self, now):
        """Put these positions at the back of their queues: more pieces were
        asked for, and wait behind everyone who asked before. Written to the
        microsecond (the ORM keeps seconds), so that a raise queues behind a
        request of the same second."""
        if not self:
            return
        self.env.cr.execute(
            "UPDATE backorder_position SET date_queued = %s WHERE id IN %s",
            (now, tuple(self.ids)))
        self.invalidate_cache(["date_queued"])

    @api.multi
    def unlink(self):
        if any(position.state != "cancelled" for position in self):
            raise UserError(_(
                "Backorder positions are kept as history: cancel them instead."))
        return super(BackorderPosition, self).unlink()

    @api.model
    def _queue_for(self, partner, product, qty, sale_line=None, **values):
        """Add ``qty`` pieces to the customer's open position of ``product`` in
        the company of ``values`` (default: :meth:`_backorder_company`), or open
        one; ``sale_line``: the quotation line they are missing from. Returns
        the position."""
        company_id = values.get("company_id") or self._backorder_company().id
        # Two requests of the same customer at once (two tabs, a double click)
        # would each open a position: the second has to start again and raise
        # the first's. Other customers queueing the part do not wait.
        self.env["backorder.lock"]._acquire(
            ["queue:%d:%d" % (partner.commercial_partner_id.id, product.id)])
        position = self.search([
            ("partner_id", "=", partner.commercial_partner_id.id),
            ("product_id", "=", product.id), ("is_open", "=", True),
            ("company_id", "=", company_id),
        ], limit=1)
        lines = {"sale_line_ids": [(4, sale_line.id)]} if sale_line else {}
        if not position:
            values.update(lines, partner_id=partner.id, product_id=product.id,
                          product_qty=qty, company_id=company_id)
            return self.create(values)
        product.with_context(force_company=company_id)._check_backorder_cap(extra_qty=qty)
        position.write(dict(lines, product_qty=position.product_qty + qty))
        position._post_notes([(position.id, _(
            "%(qty)d more piece(s) requested, %(total)d in all; what is still "
            "needed waits behind the requests made before.") % {
                "qty": qty, "total": position.product_qty})],
            datetime.utcnow())
        return position

    # ------------------------------------------------------------ settings
    @api.model
    def _backorder_settings(self):
        params = self.env["ir.config_parameter"].sudo().search_read(
            [("key", "=like", lifecycle.PARAM_PREFIX + "%")], ["key", "value"])
        return lifecycle.Settings.from_params(
            {param["key"]: param["value"] for param in params})

    # ------------------------------------------------------------ queue
    @api.model
    def _open_domain(self, products, company=None):
        """Open positions of ``products``; only those of ``company`` when given:
        a company's stock serves its own company's positions."""
        domain = [("product_id", "in", products.ids), ("is_open", "=", True)]
        if company:
            domain.append(("company_id", "=", company.id))
        return domain

    @api.model
    def _backorder_company(self):
        """The company whose warehouse and queues this environment works on:
        ``force_company`` of the context (Odoo's way to act for another company;
        runs that span companies set it per company), else the website's on a
        shop page (whose code may run as superuser), else the user's."""
        context = self.env.context
        if context.get("force_company"):
            return self.env["res.company"].browse(context["force_company"])
        if context.get("website_id"):
            return self.env["website"].sudo().browse(context["website_id"]).company_id
        return self.env.user.company_id

    @api.model
    def _queue_entries(self, domain):
        """[:class:`QueueEntry`] of the positions of ``domain`` that the user
        may read, in queue order (``_order``): one statement reading only the
        columns the engine uses. A receipt of a popular part serves thousands
        of positions; their records would read every column of them, and of
        their customers, a thousand at a time."""
        self.check_access_rights("read")
        query = self._where_calc(domain)
        self._apply_ir_rules(query, "read")
        order_by = self._generate_order_by(None, query)
        from_clause, where_clause, params = query.get_sql()
        # The statement is built by the ORM from the domain, as search() does.
        self.env.cr.execute(  # pylint: disable=sql-injection
            "SELECT %s FROM %s WHERE %s %s" % (
                ", ".join('"%s"."%s"' % (self._table, name) for name in QueueEntry._fields),
                from_clause, where_clause or "TRUE", order_by), params)
        return [QueueEntry(*row) for row in self.env.cr.fetchall()]

    @api.multi
    def _entries(self):
        """:meth:`_queue_entries` of these positions."""
        return self._queue_entries([("id", "in", self.ids)]) if self else []

    @api.model
    def _eligible_among(self, entries, now):
        """{(customer id, company id)} of the customers of ``entries``
        (:class:`QueueEntry`) that take part in reservations at ``now`` in the
        positions' companies: a purchase counts in the company it was made in
        (SPEC: eligible). One query per company."""
        customers = defaultdict(set)
        for entry in entries:
            customers[entry.company_id].add(entry.partner_id)
        eligible = set()
        for company_id, partner_ids in customers.items():
            eligible.update(
                (customer_id, company_id) for customer_id in self.env["res.partner"].browse(
                    sorted(partner_ids))._backorder_eligible_partners(
                    now, self.env["res.company"].browse(company_id)).ids)
        return eligible

    @api.multi
    def _eligible_customers(self, now):
        """:meth:`_eligible_among` the customers of these positions."""
        return self._eligible_among(self._entries(), now)

    @api.model
    def _refresh_notify_only_of(self, entries, now):
        """Set notify_only of the positions of ``entries`` from their
        customers' eligibility at ``now``, one statement per value changed;
        returns :meth:`_eligible_among`."""
        eligible = self._eligible_among(entries, now)
        changed = defaultdict(list)
        for entry in entries:
            notify_only = (entry.partner_id, entry.company_id) not in eligible
            if notify_only != entry.notify_only:
                changed[notify_only].append(entry.id)
        for notify_only, ids in changed.items():
            # As the engine's write would (nothing depends on the flag).
            self.env.cr.execute("""
                UPDATE backorder_position
                   SET notify_only = %s, write_uid = %s, write_date = now() AT TIME ZONE 'UTC'
                 WHERE id = ANY(%s)
            """, (notify_only, self.env.uid, ids))
            self.browse(ids).invalidate_cache(["notify_only", "write_uid", "write_date"])
        return eligible

    @api.multi
    def _refresh_notify_only(self, now):
        """:meth:`_refresh_notify_only_of` these positions."""
        return self._refresh_notify_only_of(self._entries(), now)

    # ------------------------------------------------------------ assignment
    @api.model
    def _apply_assignments(self, assignments, now):
        """Write what the rule gave, in bulk: ``assignments`` are pairs of a
        :class:`QueueEntry` and the pieces it receives now. One UPDATE and one
        chatter INSERT, whatever the number of positions.
        """
        if not assignments:
            return
        settings = self._backorder_settings()
        rows = []
        for entry, qty in assignments:
            deadline = lifecycle.hold_deadline(
                now, fields.Datetime.from_string(entry.date_expiry), qty == entry.qty_need,
                settings)
            state = lifecycle.open_position_state(
                entry.product_qty, entry.qty_assigned + qty, entry.qty_done)
            rows.append((entry.id, qty, fields.Datetime.to_string(deadline), state))
        now_str = fields.Datetime.to_string(now)
        execute_values(self.env.cr, """
            UPDATE backorder_position AS p
               SET qty_assigned = p.qty_assigned + v.qty,
                   qty_need = p.qty_need - v.qty,
                   state = v.state,
                   date_expiry = v.deadline::timestamp,
                   date_assigned = COALESCE(p.date_assigned, v.now::timestamp),
                   assignment_notice_pending = TRUE,
                   write_date = v.now::timestamp, write_uid = v.uid
              FROM (VALUES %s) AS v(id, qty, deadline, state, now, uid)
             WHERE p.id = v.id
        """, [row + (now_str, self.env.uid) for row in rows])
        self.browse([row[0] for row in rows]).invalidate_cache(
            ["qty_assigned", "qty_need", "state", "date_expiry", "date_assigned",
             "assignment_notice_pending", "write_date", "write_uid"])
        note = _("Assigned %(qty)d piece(s), held until %(deadline)s (UTC).")
        self._post_notes([
            (position_id, note % {"qty": qty, "deadline": deadline})
            for position_id, qty, deadline, _state in rows
        ], now, names={entry.id: entry.name for entry, _qty in assignments})

    @api.model
    def _post_notes(self, messages, now, names=None):
        """Post chatter notes on many positions with one INSERT.

        ``messages``: [(position id, plain text)]; ``names``: {position id:
        its name} when the caller read them already. Each row is the one
        ``message_post(body=plaintext2html(text))`` would make at ``now``:
        mail.message's defaults (and those other addons add, such as
        website_mail's), the escaped body, the sender, reply-to, message id
        and thread parent. Notes notify nobody, so the per-message follower
        work of message_post is not needed here.
        """
        if not messages:
            return
        Message = self.env["mail.message"]
        position_ids = list({position_id for position_id, _text in messages})
        email_from = Message._get_default_from() if self.env.user.email else False
        if names is None:
            # Their names only: a first read of a thousand positions' every
            # field, their chatter and followers included, took a second.
            names = dict(self.browse(position_ids).sudo().with_context(
                prefetch_fields=False).name_get())
        reply_to = self.message_get_reply_to(position_ids, default=email_from)
        parents = self._thread_parents(position_ids)
        bodies = {text: tools.plaintext2html(text) for text in {text for _id, text in messages}}
        note = {
            "model": self._name, "message_type": "notification", "subject": False,
            "subtype_id": self.env.ref("mail.mt_note").id,
            "author_id": Message._get_default_author().id, "email_from": email_from,
            "date": fields.Datetime.to_string(now),
        }
        Message._backorder_insert([dict(
            note, res_id=position_id, record_name=names[position_id], body=bodies[text],
            reply_to=reply_to[position_id] or False,
            parent_id=parents.get(position_id, False),
        ) for position_id, text in messages])

    @api.model
    def _thread_parents(self, position_ids):
        """{position id: the message a new message of its chatter hangs under}:
        its first e-mail, else its first message, as message_post does for a
        flat thread."""
        self.env.cr.execute("""
            SELECT DISTINCT ON (res_id) res_id, id FROM mail_message
             WHERE model = %s AND res_id IN %s
             ORDER BY res_id, message_type = 'email' DESC, id
        """, (self._name, tuple(position_ids)))
        return dict(self.env.cr.fetchall())

    @api.multi
    def _close(self, state, message, now):
        """End these open positions in ``state`` at ``now``, giving their holds
        back to the queues of their products. One UPDATE, as the engine's other
        writes (:meth:`_apply_assignments`): the ORM's write of a thousand
        expiring holds spent most of its time checking that closed positions
        are not a second open one."""
        if not self:
            return
        # The queues that get pieces back, locked before the positions change
        # (see product.product._backorder_lock).
        self.filtered("qty_assigned").mapped("product_id")._backorder_lock()
        now_str = fields.Datetime.to_string(now)
        self.env.cr.execute("""
            UPDATE backorder_position AS p
               SET state = %s, qty_assigned = 0, qty_need = p.product_qty - p.qty_done,
                   date_closed = %s, assignment_notice_pending = FALSE,
                   write_date = %s, write_uid = %s
              FROM (SELECT id, qty_assigned FROM backorder_position WHERE id IN %s
                    FOR UPDATE) AS held
             WHERE p.id = held.id
         RETURNING p.product_id, held.qty_assigned
        """, (state, now_str, now_str, self.env.uid, tuple(self.ids)))
        released = {product_id for product_id, qty in self.env.cr.fetchall() if qty}
        self.invalidate_cache(["state", "qty_assigned", "qty_need", "date_closed",
                               "assignment_notice_pending", "write_date", "write_uid"])
        self._post_notes([(position_id, message) for position_id in self.ids], now)
        self.env["product.product"].browse(sorted(released)).backorder_allocate(now)

    @api.multi
    def _set_pieces(self, qty_assigned, qty_done, now):
        """Give this open position these held and bought pieces, and the state
        that follows from them (:func:`lifecycle.open_position_state`): a
        position holding nothing has no deadline and nothing to announce."""
        self.ensure_one()
        state = lifecycle.open_position_state(self.product_qty, qty_assigned, qty_done)
        vals = {"qty_assigned": qty_assigned, "qty_done": qty_done, "state": state}
        if state != "assigned":
            vals.update(date_expiry=False, assignment_notice_pending=False)
        if state == "done":
            vals["date_closed"] = fields.Datetime.to_string(now)
        self.sudo().write(vals)

    @api.multi
    def _record_purchase(self, from_hold, from_need, order, now):
        """``from_hold`` held pieces and ``from_need`` pieces of the rest of the
        need were bought at ``now`` through the confirmed ``order``."""
        self.ensure_one()
        self._set_pieces(self.qty_assigned - from_hold,
                         self.qty_done + from_hold + from_need, now)
        states = dict(self._fields["state"]._description_selection(self.env))
        self._post_notes([(self.id, _(
            "%(qty)d piece(s) bought with order %(order)s, %(held)d of them held "
            "for this position; status %(state)s.") % {
                "qty": from_hold + from_need, "order": order.name, "held": from_hold,
                "state": states[self.state]})], now)

    @api.multi
    def _release(self, qty, now):
        """Give ``qty`` held pieces back because the stock is gone."""
        self.ensure_one()
        self._set_pieces(self.qty_assigned - qty, self.qty_done, now)
        self._post_notes([(self.id, _(
            "%d held piece(s) released: the stock on hand fell below what was "
            "held. The position keeps its place in the queue.") % qty)], now)

    # ------------------------------------------------------------ actions
    @api.multi
    def action_cancel(self):
        opened = self.filtered(lambda p: p.state in lifecycle.OPEN_STATES)
        if opened != self:
            raise UserError(_("Only waiting or assigned positions can be cancelled."))
        opened._close("cancelled", _("Position cancelled."), datetime.utcnow())
        return True

    @api.multi
    def action_allocate_product(self):
        self.mapped("product_id").backorder_allocate()
        return True

    # ------------------------------------------------------------ website
    @api.model
    def _customer_position(self, position_id):
        """The position of id ``position_id`` if it belongs to the current user's
        customer (commercial partner), as superuser; else an empty set. What
        the shop and the portal act on: a customer only ever sees and changes
        their own positions (SPEC invariant 5)."""
        if not position_id:
            return self.browse()
        return self.sudo().search([
            ("id", "=", position_id),
            ("partner_id", "=", self.env.user.partner_id.commercial_partner_id.id),
        ])

    @api.model
    def _of_customer(self, customer, company=None, products=None, held=False):
        """The open positions of ``customer`` (its commercial partner) in
        ``company`` (default :meth:`_backorder_company`), of ``products`` when
        given, as superuser; only those holding pieces when ``held``. A
        company's shop serves and sells its own warehouse's holds only."""
        return self.sudo().search(
            self._of_customer_domain(customer, company, products, held))

    @api.model
    def _of_customer_domain(self, customer, company=None, products=None, held=False):
        """The domain of :meth:`_of_customer`."""
        domain = [
            ("partner_id", "=", customer.commercial_partner_id.id),
            ("company_id", "=", (company or self._backorder_company()).id),
            ("state", "=", "assigned") if held else ("is_open", "=", True),
        ]
        if products is not None:
            domain.append(("product_id", "in", products.ids))
        return domain

    @api.model
    def _cart_listing(self, customer, limit):
        """(positions, count of the others): the first ``limit`` open positions
        of ``customer`` as the cart lists them, those holding pieces first
        ("+1" is there), then in queue order. Only the listed ones are read,
        and of them and their parts only the fields the page asks for (see
        :meth:`_shop_rows`): a customer may wait for hundreds of parts."""
        Position = self._shop_rows().sudo()
        open_domain = self._of_customer_domain(customer)
        listed = Position.search(self._of_customer_domain(customer, held=True), limit=limit)
        if len(listed) < limit:
            listed |= Position.search(open_domain + [("state", "!=", "assigned")],
                                      limit=limit - len(listed))
        return listed._read_shop_rows(), Position.search_count(open_domain) - len(listed)

    @api.model
    def _shop_rows(self):
        """This model for the rows of a shop or portal page: each field a row
        shows is read for all rows at once, and only those fields. Reading the
        whole records of a page of parts (Odoo's default) costs several times
        what their names cost. :meth:`_read_shop_rows` reads them."""
        return self.with_context(prefetch_fields=False)

    @api.multi
    def _read_shop_rows(self):
        """Read the fields the rows of these positions on a shop or portal page
        show or compute theirs from (the expected day), with one statement for
        the positions, one for their parts and one for the parts' templates:
        read when first used, each field would cost a statement of its own."""
        prefetch_fields(self, SHOP_ROW_FIELDS["backorder.position"])
        products = self.mapped("product_id")
        prefetch_fields(products, SHOP_ROW_FIELDS["product.product"])
        prefetch_fields(products.mapped("product_tmpl_id"),
                        SHOP_ROW_FIELDS["product.template"])
        return self

    @api.model
    def _action_view(self, domain, context=None):
        """The positions action of the menu, showing the positions of ``domain``."""
        action = self.env.ref("backorder_reservation.action_backorder_position").read()[0]
        action.update(domain=domain, context=context or {})
        return action

    @api.multi
    def _customer_history(self):
        """The chatter the customer may read: the position's own log and the
        messages sent to them, not the staff's internal notes."""
        self.ensure_one()
        comment = self.env.ref("mail.mt_comment")
        return self.sudo().message_ids.filtered(
            lambda message: message.message_type == "notification"
            or message.subtype_id == comment)

    @api.multi
    def _qty_to_move(self, order):
        """{position id: held pieces neither in the cart ``order`` nor in an
        order of the customer awaiting payment}: what "+1" can still move into
        that cart."""
        ordered, kept = (
            order.sudo() | self._orders_awaiting_payment())._backorder_ordered_pieces()
        return {
            position.id: max(position.qty_assigned - max(
                ordered[position.partner_id.id, position.product_id.id]
                - kept[position.partner_id.id, position.product_id.id], 0), 0)
            if position.state == "assigned" else 0
            for position in self
        }

    @api.multi
    def _lock_customer_cart(self):
        """Serialize the "+1" clicks of these positions' customers (see
        ``backorder.lock``): each finds the cart the one before made."""
        self.env["backorder.lock"]._acquire(
            ["cart:%d" % partner_id for partner_id in self.mapped("partner_id").ids])

    @api.multi
    def action_move_one_to_cart(self, order):
        """"+1": one held piece of this position becomes one more piece of its
        product in the customer's cart ``order``. The piece stays held until the
        order is confirmed (SPEC 3)."""
        self.ensure_one()
        if order.partner_id.commercial_partner_id != self.partner_id:
            raise UserError(_("This backorder position belongs to another customer."))
        if not self._qty_to_move(order)[self.id]:
            raise UserError(_(
                "%s: no reserved piece is waiting to be moved into your cart.")
                % self.product_id.display_name)
        order._cart_update(product_id=self.product_id.id, add_qty=1)
        self._post_notes([(self.id, _("1 reserved piece moved into cart %s.") % order.name)],
                         datetime.utcnow())
        return True

    # ------------------------------------------------------------ crons
    @api.model
    def _run_in_batches(self, domain, process, commit):
        """Call ``process(positions)`` on the positions of ``domain``, at most the
        batch size of the settings at a time and each once, in the order of
        their ids, until none is left (see :meth:`_commit_each`). Returns the
        number of batches.

        The positions read each field when it is first used, for the whole
        batch: a first use reading all their fields, chatter and followers
        included, would cost a thousand positions a second."""
        size = self._backorder_settings().cron_batch_size
        lean = self.with_context(prefetch_fields=False)

        def batches():
            last_id = 0
            while True:
                positions = lean.search(domain + [("id", ">", last_id)], order="id",
                                        limit=size)
                if not positions:
                    return
                last_id = positions.ids[-1]
                yield positions

        return self._commit_each(batches(), process, commit)

    @api.model
    def _commit_each(self, batches, process, commit):
        """Call ``process(batch)`` on each of ``batches``; their number.

        When ``commit`` (the scheduled actions ask for it), each batch ends with
        a commit, so a run killed or failing half-way keeps the batches it
        finished and the next run does the rest, nothing twice; the run then
        starts no batch after its share of Odoo's time limit
        (:func:`cron_time_budget`)."""
        budget = cron_time_budget() if commit else None
        started = time.time()
        done = 0
        for batch in batches:
            process(batch)
            done += 1
            if commit:
                # Each batch is a unit of work of its own (see the docstring).
                self.env.cr.commit()  # pylint: disable=invalid-commit
                if budget is not None and time.time() - started >= budget:
                    break
        return done

    @api.model
    def _cron_expire_holds(self, now=None, commit=False):
        """Expire positions whose hold ran out by ``now`` (default: the clock):
        state expired, pieces back to free stock (and assigned again),
        reputation lowered once per position. A hold whose pieces are in an
        order awaiting its payment waits for it, up to the payment wait of the
        settings; then that quotation is told the pieces are no longer held.
        In batches (:meth:`_run_in_batches`); returns their number."""
        now = now or datetime.utcnow()
        settings = self._backorder_settings()

        def expire(due):
            awaiting = due._orders_awaiting_payment()
            overdue = awaiting.filtered(lambda order: lifecycle.payment_overdue(
                order._backorder_checkout_date(), now, settings))
            expired = due - due._in_orders(awaiting - overdue)
            if not expired:
                return
            self.env["res.partner"]._backorder_lower_reputation(
                expired, settings.reputation_penalty)
            expired._close("expired", _(
                "Hold expired: the assigned pieces went back to free stock and the "
                "customer lost %d reputation points.") % settings.reputation_penalty,
                now)
            expired._send_mail("backorder_reservation.mail_template_position_expired")
            for order in overdue:
                positions = expired._in_orders(order)
                if positions:
                    order._backorder_tell_holds_expired(positions, settings)

        return self._run_in_batches([
            ("state", "=", "assigned"), ("qty_assigned", ">", 0),
            ("date_expiry", "<=", fields.Datetime.to_string(now)),
        ], expire, commit)

    @api.multi
    def _orders_awaiting_payment(self):
        """The orders of these positions' customers and products that were
        checked out and wait for their payment (a wire transfer): confirming
        them consumes the holds."""
        if not self:
            return self.env["sale.order"]
        return self.env["sale.order"].sudo().search([
            ("state", "=", "sent"),
            ("partner_id", "child_of", self.mapped("partner_id").ids),
            ("order_line.product_id", "in", self.mapped("product_id").ids),
            ("payment_tx_ids.state", "in", AWAITING_PAYMENT),
        ])

    @api.multi
    def _in_orders(self, orders):
        """Those of these positions whose customer, company and product are in
        one of ``orders``."""
        if not orders:  # most runs: no checkout waits for its payment
            return self.browse()
        ordered = {
            (order.partner_id.commercial_partner_id.id, order.company_id.id, product.id)
            for order in orders for product in order.order_line.mapped("product_id")
        }
        return self.filtered(lambda position: (
            position.partner_id.id, position.company_id.id, position.product_id.id)
            in ordered)

    @api.model
    def _cron_allocate(self, now=None, commit=False):
        """Safety net: run the rule for every product with open positions, one
        product at a time (:meth:`_commit_each`), so that a run locks one
        product's queue at a time, not all of them for its whole length.
        Returns the number of products."""
        products = self.env["product.product"].browse(sorted(sums_by(
            self, [("state", "in", lifecycle.OPEN_STATES)], "product_id", [])))
        return self._commit_each(
            products, lambda product: product.backorder_allocate(now), commit)

    @api.model
    def _cron_send_assignment_notices(self, commit=False):
        """E-mail customers about the pieces assigned to them since the last
        run, in batches (:meth:`_run_in_batches`); returns their number."""
        def send(pending):
            pending._send_mail("backorder_reservation.mail_template_position_assigned")
            pending.sudo().write({"assignment_notice_pending": False})

        return self._run_in_batches(
            [("assignment_notice_pending", "=", True)], send, commit)

    @api.model
    def _cron_notify_only(self, now=None, commit=False):
        """Availability e-mails for notify-only positions, then their removal
        (:func:`lifecycle.plan_notifications` at ``now``, default the clock),
        in batches (:meth:`_run_in_batches`); returns their number."""
        now = now or datetime.utcnow()
        settings = self._backorder_settings()

        def notify(positions):
            positions._refresh_notify_only(now)
            positions = positions.filtered("notify_only")
            free = {}
            for company in positions.mapped("company_id"):
                free.update(
                    ((company.id, product_id), qty) for product_id, qty in
                    positions.filtered(lambda p: p.company_id == company).mapped("product_id")
                    .with_context(force_company=company.id)._backorder_free_qty(now).items())
            notify_ids, remove_ids = lifecycle.plan_notifications([
                (position.id, position.notification_count,
                 fields.Datetime.from_string(position.date_last_notification),
                 free[position.company_id.id, position.product_id.id] > 0)
                for position in positions], now, settings)
            to_notify, to_remove = positions.browse(notify_ids), positions.browse(remove_ids)
            # One write per e-mail number, one insert for all the chatter notes.
            for count in set(to_notify.mapped("notification_count")):
                to_notify.filtered(lambda p: p.notification_count == count).sudo().write({
                    "notification_count": count + 1,
                    "date_last_notification": fields.Datetime.to_string(now),
                })
            note = _("Availability e-mail %(number)d of %(count)d sent.")
            to_notify._post_notes([
                (position.id, note % {"number": position.notification_count,
                                      "count": settings.notification_count})
                for position in to_notify], now)
            to_notify._send_mail("backorder_reservation.mail_template_position_available")
            if to_remove:
                to_remove._close("removed", _(
                    "Removed %d days after the last availability e-mail.")
                    % settings.notification_removal_days, now)
                to_remove._send_mail(
                    "backorder_reservation.mail_template_position_removed")

        return self._run_in_batches(
            [("state", "=", "waiting"), ("notify_only", "=", True)], notify, commit)

    @api.multi
    def _compute_cart_url(self):
        base_url = self.env["ir.config_parameter"].sudo().get_param("web.base.url")
        for position in self:
            position.cart_url = "%s/shop/cart" % base_url

    @api.multi
    def _send_mail(self, template_xmlid):
        """Queue the template's e-mail for each of these positions, sent by
        Odoo's mail queue; rendered and inserted for all of them at once."""
        # A template reads its record's customer, part and company one record at
        # a time, each alone in its prefetch set: read here for all at once (the
        # customers, many, without read()'s result).
        prefetch_fields(self.mapped("partner_id"))
        for related in ("product_id", "company_id"):
            self.mapped(related).mapped("name")
        # The template reads the positions in an environment of its own: as
        # lean as these positions' (a scheduled action's batch, see
        # _run_in_batches).
        self.env.ref(template_xmlid).with_context(
            prefetch_fields=self.env.context.get("prefetch_fields", True),
        )._backorder_send_mails(self.ids)
