# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What a backorder queue asks the vendor for (replenishment.py of the
purchase bridge; pure, no Odoo needed)."""

import doctest

from hypothesis import given
from hypothesis import strategies as st

from _allocation_loader import load_pure

replenishment = load_pure("replenishment", addon="backorder_reservation_purchase")

pieces = st.integers(min_value=0, max_value=10 ** 6)


def test_docstring_examples():
    result = doctest.testmod(replenishment)
    assert result.attempted > 0
    assert result.failed == 0


@given(waiting=pieces, free=st.integers(min_value=-10 ** 6, max_value=10 ** 6),
       incoming=pieces, requested=pieces)
def test_ordered_and_covering_pieces_together_meet_the_need(
        waiting, free, incoming, requested):
    """After ordering, what covers the queue reaches what it waits for (and
    pieces beyond what it waits for are never ordered)."""
    ordered = replenishment.qty_to_order(waiting, free, incoming, requested)
    assert ordered >= 0
    assert free + incoming + requested + ordered >= waiting
    if ordered:
        assert free + incoming + requested + ordered == waiting
