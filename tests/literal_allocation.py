# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The SPEC section 2 rule transcribed line by line, as the reference.

It follows the pseudo-code word for word and is quadratic on purpose: the
tests compare ``allocation.allocate`` against it, and the benchmark times it.
Never use it in the addon.

SPEC section 2::

    left = free stock of the product
    head = none
    while left > 0 and some eligible position has need > 0:
        head = the next eligible position after head, in queue order, with need > 0
        give head min(need, left)
        for every other eligible position with need > 0, in queue order:
            if left == 0: stop
            give it 1
"""


def literal_allocate(needs, stock):
    """Assigned quantity per position, by the SPEC pseudo-code."""
    need = list(needs)
    assigned = [0] * len(need)
    positions = range(len(need))

    left = stock
    head = None
    while left > 0 and any(need[position] > 0 for position in positions):
        after_head = positions if head is None else positions[head + 1:]
        head = next(position for position in after_head if need[position] > 0)
        given = min(need[head], left)
        assigned[head] += given
        need[head] -= given
        left -= given
        for position in positions:
            if position == head or need[position] == 0:
                continue
            if left == 0:
                break
            assigned[position] += 1
            need[position] -= 1
            left -= 1
    return assigned
