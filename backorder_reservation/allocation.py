# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""How incoming stock of one product is shared among its backorder positions.

This module is the rule and nothing else: it imports no Odoo, reads no clock and
no database. The models build the queue (the open, eligible positions of one
product, oldest first), call :func:`allocate` with each position's need and the
product's free stock, and write back the quantities it returns.

Input and output
================

``needs`` lists the need of each position in queue order (requested quantity
minus what was already assigned or bought), ``stock`` is the free stock to
share out. Both are whole numbers ``>= 0``. The answer is a list of the same
length: the quantity to assign to each position. Whatever the policy:

* no position gets more than its need;
* all the stock is used while some need remains, so the answer adds up to
  ``min(stock, sum(needs))``;
* a position whose need is 0 takes no part: it gets 0;
* the same input always gives the same answer.

The default policy: head first
==============================

The original rule of the shop (SPEC section 2) reads: *the first person who
added the product to the backorder receives all, everybody else receives one
piece; then the next person receives all, everybody else one piece; and so on
until all parts are assigned.* Every run starts again at the oldest position.

Precisely, each round has a *head*: round 1's head is the oldest position with
some need, each later round's head is the next position in the queue, after
the previous head, that still has some need. The head gets its whole remaining
need, or all that is left if that is less. Then every other position that still
has some need gets one piece, in queue order, while stock is left. Rounds go on
until the stock or the needs run out.

The SPEC worked examples (needs in queue order, free stock, assigned):

>>> allocate([5, 3, 4, 2], 10)
[5, 3, 1, 1]
>>> allocate([3, 3, 3, 3, 3, 3, 3], 9)
[3, 1, 1, 1, 1, 1, 1]
>>> allocate([4, 4, 4], 3)
[3, 0, 0]
>>> allocate([6, 6, 6, 6], 14)
[6, 6, 1, 1]
>>> allocate([4, 2, 3], 6)
[4, 1, 1]

When the stock covers every need, everybody is served and the rest stays free:

>>> allocate([2, 5, 1, 3], 20)
[2, 5, 1, 3]

Other policies
==============

Offered as settings (:data:`POLICY_SELECTION` feeds an Odoo selection field):

* ``fifo``: strict first come, first served; each position in queue order
  takes its whole need from what is left.
* ``fair_share``: everybody is filled up to the same level, capped by their
  need; the few pieces that cannot go to everybody go one each to the oldest.

>>> allocate([5, 3, 4, 2], 10, policy=POLICY_FIFO)
[5, 3, 2, 0]
>>> allocate([5, 3, 4, 2], 10, policy=POLICY_FAIR_SHARE)
[3, 3, 2, 2]

Bad input is refused with :class:`ValueError`:

>>> allocate([1, -2], 3)
Traceback (most recent call last):
...
ValueError: needs[1] must be a whole number >= 0, got -2
>>> allocate([1, 2], 3, policy="lottery")
Traceback (most recent call last):
...
ValueError: unknown allocation policy 'lottery', expected one of: head_first, \
fifo, fair_share

The queue order
===============

A queue is the open positions of one product, oldest first (SPEC: queue). A
shop may put key accounts first (a setting, off by default): staff mark a
customer's backorder priority, and within one queue the positions of key
accounts come before those of normal customers, each group oldest first. The
rule above then runs over that order unchanged. :func:`queue_priority` gives a
position's group; a queue is sorted by it (highest first), then by the date the
position queued, then by its id (``backorder.position``'s ``_order`` says the
same in SQL):

>>> queue = [  # (position id, queued at, customer's priority)
...     (1, "2026-01-01 09:00", PRIORITY_NORMAL),
...     (2, "2026-01-02 09:00", PRIORITY_KEY_ACCOUNT),
...     (3, "2026-01-02 09:00", PRIORITY_NORMAL),
...     (4, "2026-01-03 09:00", PRIORITY_KEY_ACCOUNT),
... ]
>>> def queue_order(key_accounts_first):
...     return [pid for pid, queued, priority in sorted(queue, key=lambda p: (
...         -queue_priority(p[2], key_accounts_first), p[1], p[0]))]
>>> queue_order(False)
[1, 2, 3, 4]
>>> queue_order(True)
[2, 4, 1, 3]
"""

import operator
from collections import Counter
from itertools import compress, islice
from typing import Iterable, List

POLICY_HEAD_FIRST = "head_first"
POLICY_FIFO = "fifo"
POLICY_FAIR_SHARE = "fair_share"

POLICIES = (POLICY_HEAD_FIRST, POLICY_FIFO, POLICY_FAIR_SHARE)
POLICY_SELECTION = [
    (POLICY_HEAD_FIRST, "Head first: oldest gets all, everybody else 1 piece"),
    (POLICY_FIFO, "First come, first served"),
    (POLICY_FAIR_SHARE, "Fair share: same quantity for everybody"),
]
DEFAULT_POLICY = POLICY_HEAD_FIRST

PRIORITY_NORMAL = "normal"
PRIORITY_KEY_ACCOUNT = "key_account"
PRIORITY_SELECTION = [
    (PRIORITY_NORMAL, "Normal"),
    (PRIORITY_KEY_ACCOUNT, "Key account"),
]
# A position's group in its queue, by its customer's priority, when the shop
# puts key accounts first; higher groups are served first.
_PRIORITY_GROUP = {PRIORITY_NORMAL: 0, PRIORITY_KEY_ACCOUNT: 1}


def queue_priority(customer_priority: str, key_accounts_first: bool) -> int:
    """The group of a customer's positions in their queues: key accounts come
    first (a higher group) only when the shop puts them first; otherwise every
    position is in group 0 and the queue is oldest first.

    >>> queue_priority(PRIORITY_KEY_ACCOUNT, True), queue_priority(PRIORITY_NORMAL, True)
    (1, 0)
    >>> queue_priority(PRIORITY_KEY_ACCOUNT, False)
    0
    >>> queue_priority("gold", True)
    Traceback (most recent call last):
    ...
    ValueError: unknown backorder priority 'gold', expected one of: normal, key_account
    """
    if customer_priority not in _PRIORITY_GROUP:
        raise ValueError("unknown backorder priority %r, expected one of: %s" % (
            customer_priority, ", ".join(_PRIORITY_GROUP)))
    return _PRIORITY_GROUP[customer_priority] if key_accounts_first else 0


def allocate(
    needs: Iterable[int], stock: int, policy: str = DEFAULT_POLICY
) -> List[int]:
    """Share ``stock`` among ``needs`` (queue order) by ``policy``.

    ``policy`` is one of :data:`POLICIES`; the default is the SPEC rule,
    :func:`allocate_head_first`.

    >>> allocate([4, 2, 3], 6)
    [4, 1, 1]
    >>> allocate([4, 2, 3], 6, policy="fifo")
    [4, 2, 0]
    >>> allocate([4, 2, 3], 6, policy="fair_share")
    [2, 2, 2]
    """
    if policy not in POLICIES:
        raise ValueError(
            "unknown allocation policy %r, expected one of: %s"
            % (policy, ", ".join(POLICIES))
        )
    return _ALLOCATORS[policy](needs, stock)


def served_by(
    needs: Iterable[int], stock: int, arrivals: Iterable[int], policy: str = DEFAULT_POLICY
) -> List:
    """Which arrival completes each position: ``needs`` in queue order,
    ``stock`` the pieces free now, ``arrivals`` the pieces of each planned
    receipt in date order. Each arrival is shared by the rule among what the
    earlier ones left, as the assignment runs will do when it comes in.

    Returns, for each position, the index in ``[stock] + arrivals`` of the
    arrival after which its whole need is served (0: the stock free now), or
    None when the planned arrivals do not cover it. A position that needs
    nothing is served now (0).

    >>> served_by([5, 3, 4, 2], 0, [10, 4])
    [1, 1, 2, 2]
    >>> served_by([5, 3, 4, 2], 2, [8, 1])
    [1, 1, None, None]
    >>> served_by([0, 2], 0, [])
    [0, None]
    """
    needs = _checked_needs(needs)
    arrivals = [_checked_quantity(qty, "arrivals[%d]" % index)
                for index, qty in enumerate(arrivals)]
    served = [0 if need == 0 else None for need in needs]
    for index, qty in enumerate([_checked_quantity(stock, "stock")] + arrivals):
        if all(need == 0 for need in needs):
            break
        given = allocate(needs, qty, policy)
        needs = [need - pieces for need, pieces in zip(needs, given)]
        for position, need in enumerate(needs):
            if need == 0 and served[position] is None:
                served[position] = index
    return served


def allocate_head_first(needs: Iterable[int], stock: int) -> List[int]:
    """The SPEC rule: each round, the head gets all, everybody else 1 piece.

    See the module documentation for the rule in words. Positions with need 0
    are never head and get nothing:

    >>> allocate_head_first([0, 4, 0, 4], 5)
    [0, 4, 0, 1]

    The head of a round that runs out of stock gets what is left:

    >>> allocate_head_first([1, 9, 9], 4)
    [1, 2, 1]

    Run literally, the rule costs a pass over the queue per round, so
    quadratic time for long queues. This function gets the same answer in
    linear time from one fact: while rounds are complete, at the start of
    round ``r`` every position that has not been head yet has received one
    piece per past round, capped by its need, i.e. ``min(need, r - 1)``. So:

    * the head of round ``r`` is the first position after the previous head
      whose need is at least ``r``;
    * round ``r`` uses ``need(head) - (r - 1)`` pieces for the head plus one
      piece for each position after the head whose need is at least ``r``.

    That count of positions is kept up to date as the head moves on and as
    ``r`` grows past each need; the round that runs out of stock is then
    settled in one pass.
    """
    needs = _checked_needs(needs)
    stock = _checked_quantity(stock, "stock")
    if stock >= sum(needs):
        return needs

    # Positions after the current head, counted by need.
    after_head_by_need = Counter(needs)
    # Positions after the current head that take part in the current round.
    taking_part = len(needs) - after_head_by_need[0]

    left = stock
    head = -1
    round_number = 1
    while True:
        # Since stock < sum(needs), some position after the previous head still
        # has need left whenever stock is left: the scan stays in the queue.
        # The positions it skips were fully served in past rounds and already
        # dropped out of the count.
        head += 1
        while needs[head] < round_number:
            head += 1
        after_head_by_need[needs[head]] -= 1
        taking_part -= 1

        head_rest = needs[head] - (round_number - 1)
        if head_rest + taking_part >= left:
            break
        left -= head_rest + taking_part
        # Positions needing exactly this round's piece are now fully served.
        taking_part -= after_head_by_need.get(round_number, 0)
        round_number += 1

    # The round that runs out of stock. Positions before its head were fully
    # served in complete rounds; positions after it received one piece per
    # complete round, and the first ones still taking part get one more.
    received_before = round_number - 1
    if left <= head_rest:
        head_qty = received_before + left
        extra_end = head + 1
    else:
        head_qty = needs[head]
        extra_end = _end_of_nth_taking_part(
            needs, head + 1, round_number, left - head_rest
        )
    return (
        needs[:head]
        + [head_qty]
        + [
            round_number if need >= round_number else need
            for need in needs[head + 1:extra_end]
        ]
        + [
            received_before if need > received_before else need
            for need in needs[extra_end:]
        ]
    )


def allocate_fifo(needs: Iterable[int], stock: int) -> List[int]:
    """Strict first come, first served: in queue order, each position takes
    its whole need from what is left.

    >>> allocate_fifo([5, 3, 4, 2], 10)
    [5, 3, 2, 0]
    >>> allocate_fifo([0, 4, 4], 5)
    [0, 4, 1]
    """
    needs = _checked_needs(needs)
    left = _checked_quantity(stock, "stock")
    allocation = []
    for need in needs:
        if need > left:
            break
        allocation.append(need)
        left -= need
    else:
        return allocation
    # The position where stock runs out takes the rest; younger ones get none.
    allocation.append(left)
    return allocation + [0] * (len(needs) - len(allocation))


def allocate_fair_share(needs: Iterable[int], stock: int) -> List[int]:
    """Water filling: everybody gets the same quantity, capped by their need.

    The common level is the highest one the stock can pay for everybody
    (positions needing less than the level get their need). The pieces left
    over, fewer than the positions still waiting, go one each to the oldest
    of them, so the answer is deterministic and never favours a younger
    position over an older one with the same need.

    >>> allocate_fair_share([5, 3, 4, 2], 10)
    [3, 3, 2, 2]
    >>> allocate_fair_share([1, 8, 8, 8], 10)
    [1, 3, 3, 3]
    >>> allocate_fair_share([6, 0, 6, 6], 4)
    [2, 0, 1, 1]
    """
    needs = _checked_needs(needs)
    stock = _checked_quantity(stock, "stock")
    if stock >= sum(needs):
        return needs

    # Walk the needs from small to large: while the stock can serve every
    # position up to the next need, the positions below it are fully served.
    fully_served_qty = 0
    waiting_count = len(needs)
    for need in sorted(needs):
        if fully_served_qty + need * waiting_count > stock:
            break
        fully_served_qty += need
        waiting_count -= 1
    # stock < sum(needs) guarantees the break, with waiting_count >= 1.
    level, pieces_left = divmod(stock - fully_served_qty, waiting_count)

    extra_end = _end_of_nth_taking_part(needs, 0, level + 1, pieces_left)
    return [level + 1 if need > level else need for need in needs[:extra_end]] + [
        level if need > level else need for need in needs[extra_end:]
    ]


def _end_of_nth_taking_part(needs, start, threshold, count):
    """Index just after the ``count``-th position from ``start`` on whose need
    is at least ``threshold`` (``start`` if ``count`` is 0).

    The caller knows that many positions exist. Done with iterator tools, not
    a Python loop, because it may walk the whole queue.
    """
    if not count:
        return start
    taking_part = compress(
        range(start, len(needs)), map(threshold.__le__, islice(needs, start, None))
    )
    return next(islice(taking_part, count - 1, None)) + 1


_ALLOCATORS = {
    POLICY_HEAD_FIRST: allocate_head_first,
    POLICY_FIFO: allocate_fifo,
    POLICY_FAIR_SHARE: allocate_fair_share,
}


def _checked_quantity(value, name: str) -> int:
    """``value`` as a plain int, or ValueError if it is not a whole number >= 0.

    Floats and bools are refused even when they look whole (``2.0``,
    ``True``): a quantity of that type is a bug upstream, not a quantity.
    Integer types other than int (such as numpy integers) are accepted through
    ``__index__``.
    """
    if isinstance(value, bool):
        quantity = None
    else:
        try:
            quantity = operator.index(value)
        except TypeError:
            quantity = None
    if quantity is None or quantity < 0:
        raise ValueError("%s must be a whole number >= 0, got %r" % (name, value))
    return quantity


def _checked_needs(needs: Iterable[int]) -> List[int]:
    """``needs`` as a new list of plain ints, or ValueError naming the bad one."""
    if isinstance(needs, (str, bytes)):
        raise ValueError("needs must be a sequence of quantities, got %r" % (needs,))
    try:
        needs = list(needs)
    except TypeError:
        raise ValueError(
            "needs must be a sequence of quantities, got %r" % (needs,)
        ) from None
    # Plain non-negative ints are the usual case: check them at C speed.
    if not needs or (set(map(type, needs)) == {int} and min(needs) >= 0):
        return needs
    return [
        _checked_quantity(need, "needs[%d]" % position)
        for position, need in enumerate(needs)
    ]
