# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The numbers and date rules of a backorder position's life, free of Odoo.

Like :mod:`allocation`, this module reads no clock and no database: the models
pass ``now`` and the settings in. Every number of SPEC is a setting; their
defaults and the ``ir.config_parameter`` keys they are stored under live here.

>>> settings = Settings()
>>> settings.hold_days_complete, settings.hold_days_partial
(2, 7)
>>> Settings.param_key("hold_days_partial")
'backorder_reservation.hold_days_partial'
"""

from datetime import timedelta

PARAM_PREFIX = "backorder_reservation."

# A position's states in the order of its life. An open position waits for
# pieces or holds some; the others are closed for good.
OPEN_STATES = ("waiting", "assigned")
CLOSED_STATES = ("done", "expired", "removed", "cancelled")
STATES = OPEN_STATES + CLOSED_STATES

# name: (default, help) -- the order is the one of the settings page.
SETTINGS = (
    ("allocation_policy", "head_first",
     "How arriving stock is shared among waiting positions."),
    ("key_accounts_first", False,
     "Within a product's queue, positions of key accounts (a customer's "
     "backorder priority) come before those of normal customers, each group "
     "oldest first."),
    ("hold_days_complete", 2,
     "Days a position that received all it needs is held."),
    ("hold_days_partial", 7,
     "Days a position that received only part of what it needs is held."),
    ("eligibility_days", 30,
     "A customer takes part in reservations only with a sale order confirmed "
     "within this many days."),
    ("reputation_start", 100, "Reputation points of a new customer."),
    ("reputation_penalty", 20, "Points a customer loses when a hold expires."),
    ("reputation_threshold", 50,
     "Below this reputation a customer gets e-mails only, no reservations."),
    ("notification_count", 2,
     "E-mails a notify-only position gets when the product is available."),
    ("notification_interval_days", 3, "Days between those e-mails."),
    ("notification_removal_days", 7,
     "Days after the last of those e-mails when the position is removed."),
    ("payment_wait_days", 7,
     "Days a checked-out order awaiting its payment (a wire transfer) keeps the "
     "holds of its pieces past their deadline; then they expire as usual."),
    ("cron_batch_size", 1000,
     "Positions a scheduled action handles per transaction: each batch is "
     "committed on its own, so a run stopped half-way keeps the batches it "
     "finished and the next run does the rest."),
)
DEFAULTS = {name: default for name, default, _help in SETTINGS}
# Settings that must be more than 0 (the others may be 0).
POSITIVE = frozenset(["cron_batch_size"])


class Settings(object):
    """Typed settings; unknown names are refused, missing ones take defaults.

    >>> Settings({"hold_days_partial": "10"}).hold_days_partial
    10
    >>> Settings({"hold_days_partial": "-1"})
    Traceback (most recent call last):
    ...
    ValueError: setting hold_days_partial must be a whole number >= 0, got '-1'
    >>> Settings({"cron_batch_size": "0"})
    Traceback (most recent call last):
    ...
    ValueError: setting cron_batch_size must be a whole number >= 1, got '0'

    Yes/no settings take what ``ir.config_parameter`` stores of a boolean:

    >>> Settings({"key_accounts_first": "True"}).key_accounts_first
    True
    >>> Settings().key_accounts_first
    False
    >>> Settings({"key_accounts_first": "maybe"})
    Traceback (most recent call last):
    ...
    ValueError: setting key_accounts_first must be True or False, got 'maybe'
    """

    __slots__ = tuple(DEFAULTS)

    def __init__(self, values=None):
        values = dict(values or {})
        unknown = set(values) - set(DEFAULTS)
        if unknown:
            raise ValueError("unknown settings: %s" % ", ".join(sorted(unknown)))
        for name, default in DEFAULTS.items():
            value = values.get(name, default)
            if isinstance(default, bool):
                value = _yes_no(name, value)
            elif isinstance(default, int):
                value = _whole_number(name, value, 1 if name in POSITIVE else 0)
            setattr(self, name, value)

    @staticmethod
    def param_key(name):
        return PARAM_PREFIX + name

    @classmethod
    def from_params(cls, params):
        """From ``{ir.config_parameter key: value}``, ignoring other keys; a
        blank value (a parameter emptied by hand) is the default.

        >>> Settings.from_params({"backorder_reservation.cron_batch_size": " ",
        ...                       "web.base.url": "x"}).cron_batch_size
        1000
        """
        return cls({
            key[len(PARAM_PREFIX):]: value for key, value in params.items()
            if key.startswith(PARAM_PREFIX) and key[len(PARAM_PREFIX):] in DEFAULTS
            and str(value).strip()
        })


def _yes_no(name, value):
    text = str(value).strip().lower()
    if text in ("true", "1"):
        return True
    if text in ("false", "0"):
        return False
    raise ValueError("setting %s must be True or False, got %r" % (name, value))


def _whole_number(name, value, minimum):
    try:
        number = int(str(value).strip())
    except ValueError:
        number = minimum - 1
    if number < minimum:
        raise ValueError("setting %s must be a whole number >= %d, got %r"
                         % (name, minimum, value))
    return number


def open_position_state(product_qty, qty_assigned, qty_done):
    """The state of an open position after its pieces changed (assigned, bought,
    given back): done when everything requested is bought, assigned while it
    holds pieces, else waiting.

    >>> open_position_state(5, 2, 0)
    'assigned'
    >>> open_position_state(5, 0, 3)
    'waiting'
    >>> open_position_state(5, 0, 5)
    'done'
    >>> open_position_state(5, 3, 3)
    Traceback (most recent call last):
    ...
    ValueError: a position of 5 piece(s) cannot hold 3 and have bought 3
    """
    if product_qty <= 0 or qty_assigned < 0 or qty_done < 0 \
            or qty_assigned + qty_done > product_qty:
        raise ValueError("a position of %d piece(s) cannot hold %d and have bought %d"
                         % (product_qty, qty_assigned, qty_done))
    if qty_done == product_qty:
        return "done"
    return "assigned" if qty_assigned else "waiting"


def purchase_pieces(ordered, kept, held, free, need):
    """How a confirmed order's pieces of a product count against its
    customer's open position of the product: (pieces bought from the hold,
    pieces bought of the rest of the need).

    ``ordered``: pieces of the product in the order; ``kept``: those of them
    its lines kept from free stock when the rest went on backorder, which are
    bought apart from the position as long as free stock still serves them;
    ``held``, ``need``: the position's held pieces and need; ``free``: the
    product's free stock. Held pieces go first, so that the order's delivery
    can reserve them; the rest of the order's own pieces is the need bought
    outside the hold.

    A notify-only customer buys 3 of their 5 pieces through a normal order:

    >>> purchase_pieces(ordered=3, kept=0, held=0, free=8, need=5)
    (0, 3)

    An order for more than the position needs buys all of it, held pieces first:

    >>> purchase_pieces(ordered=4, kept=0, held=2, free=6, need=1)
    (2, 1)

    A basket of 5 with 2 in stock kept 2 and queued 3: its 2 pieces leave the
    position alone, and a held piece moved into it with "+1" counts as bought:

    >>> purchase_pieces(ordered=2, kept=2, held=0, free=2, need=3)
    (0, 0)
    >>> purchase_pieces(ordered=3, kept=2, held=3, free=2, need=0)
    (1, 0)

    When the kept pieces were sold meanwhile, the customer's own held pieces
    serve them:

    >>> purchase_pieces(ordered=3, kept=2, held=3, free=0, need=0)
    (3, 0)
    """
    from_hold = min(held, max(ordered - kept, ordered - max(free, 0), 0))
    return from_hold, min(need, max(ordered - kept - from_hold, 0))


def hold_deadline(now, current_deadline, complete, settings):
    """When the hold of a position that just received pieces ends.

    ``complete``: the position now holds all it needs. A later assignment never
    shortens a deadline already given.

    >>> from datetime import datetime
    >>> now = datetime(2026, 1, 10, 12, 0)
    >>> hold_deadline(now, None, True, Settings())
    datetime.datetime(2026, 1, 12, 12, 0)
    >>> partial = hold_deadline(now, None, False, Settings())
    >>> partial
    datetime.datetime(2026, 1, 17, 12, 0)
    >>> hold_deadline(now + timedelta(days=1), partial, True, Settings())
    datetime.datetime(2026, 1, 17, 12, 0)
    """
    days = settings.hold_days_complete if complete else settings.hold_days_partial
    deadline = now + timedelta(days=days)
    if current_deadline and current_deadline > deadline:
        return current_deadline
    return deadline


def payment_overdue(checkout_date, now, settings):
    """Whether an order checked out at ``checkout_date`` and still awaiting its
    payment has waited too long to keep holds past their deadline.

    >>> from datetime import datetime
    >>> payment_overdue(datetime(2026, 5, 1), datetime(2026, 5, 7, 23), Settings())
    False
    >>> payment_overdue(datetime(2026, 5, 1), datetime(2026, 5, 8), Settings())
    True
    """
    return checkout_date + timedelta(days=settings.payment_wait_days) <= now


def is_eligible(last_order_date, reputation, now, settings):
    """Whether a customer takes part in reservations (not notify-only).

    >>> from datetime import datetime
    >>> now = datetime(2026, 3, 31)
    >>> is_eligible(datetime(2026, 3, 2), 100, now, Settings())
    True
    >>> is_eligible(datetime(2026, 2, 28), 100, now, Settings())
    False
    >>> is_eligible(datetime(2026, 3, 30), 40, now, Settings())
    False
    >>> is_eligible(None, 100, now, Settings())
    False
    """
    if reputation < settings.reputation_threshold or not last_order_date:
        return False
    return last_order_date >= now - timedelta(days=settings.eligibility_days)


def notification_due(count, last_date, now, settings):
    """Whether a notify-only position whose product is available gets an e-mail.

    >>> from datetime import datetime
    >>> now = datetime(2026, 5, 10)
    >>> notification_due(0, None, now, Settings())
    True
    >>> notification_due(1, datetime(2026, 5, 8), now, Settings())
    False
    >>> notification_due(1, datetime(2026, 5, 7), now, Settings())
    True
    >>> notification_due(2, datetime(2026, 5, 1), now, Settings())
    False
    """
    if count >= settings.notification_count:
        return False
    if not count:
        return True
    return last_date + timedelta(days=settings.notification_interval_days) <= now


def removal_due(count, last_date, now, settings):
    """Whether a notify-only position is removed: its last e-mail is
    ``notification_removal_days`` old, however many were sent. A position told
    once that the part is available ends even when the part sells out before
    the next e-mail would be due (else it would stay open for ever); one never
    e-mailed waits for the part like any position.

    >>> from datetime import datetime
    >>> removal_due(2, datetime(2026, 5, 1), datetime(2026, 5, 8), Settings())
    True
    >>> removal_due(2, datetime(2026, 5, 2), datetime(2026, 5, 8), Settings())
    False
    >>> removal_due(1, datetime(2026, 5, 1), datetime(2026, 5, 8), Settings())
    True
    >>> removal_due(0, None, datetime(2026, 5, 8), Settings())
    False
    """
    if not count or not last_date:
        return False
    return last_date + timedelta(days=settings.notification_removal_days) <= now


def plan_notifications(positions, now, settings):
    """What the notify-only run does at ``now``: (ids to e-mail, ids to remove).

    ``positions``: (id, e-mails sent, date of the last one, whether the product
    has free stock) of the waiting notify-only positions. A position gets an
    e-mail when its product is available and :func:`notification_due`; else it
    is removed once :func:`removal_due`.

    >>> from datetime import datetime
    >>> now = datetime(2026, 5, 10)
    >>> plan_notifications([
    ...     (1, 0, None, True),
    ...     (2, 0, None, False),
    ...     (3, 2, datetime(2026, 5, 3), False),
    ...     (4, 1, datetime(2026, 5, 3), False),
    ...     (5, 1, datetime(2026, 5, 3), True),
    ... ], now, Settings())
    ([1, 5], [3, 4])
    """
    to_notify, to_remove = [], []
    for position_id, count, last_date, available in positions:
        if available and notification_due(count, last_date, now, settings):
            to_notify.append(position_id)
        elif removal_due(count, last_date, now, settings):
            to_remove.append(position_id)
    return to_notify, to_remove
