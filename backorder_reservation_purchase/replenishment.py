# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""How many pieces a backorder queue asks the vendor for; free of Odoo.

A queue *waits* for the pieces its open positions still need. Part of that is
covered already: by the stock that is free (on hand, not reserved, not held;
negative when holds exceed what is left, so those pieces are missing too), by
receipts planned into the warehouse (confirmed purchases), and by requests for
quotation not yet confirmed. The rest is what to order.
"""


def qty_to_order(waiting, free, incoming, requested):
    """Pieces to order for a queue that waits for ``waiting`` pieces, with
    ``free`` pieces of free stock, ``incoming`` planned to arrive and
    ``requested`` in requests for quotation; never less than 0.

    >>> qty_to_order(waiting=10, free=2, incoming=3, requested=1)
    4
    >>> qty_to_order(waiting=3, free=0, incoming=5, requested=0)
    0

    Holds beyond the stock left (stock lost after it was assigned) are pieces
    the queue misses as well:

    >>> qty_to_order(waiting=5, free=-2, incoming=0, requested=0)
    7
    """
    return max(0, waiting - free - incoming - requested)
