# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Tests of the pure allocation rule (no Odoo needed).

Run from the repository root: ``pytest tests/test_allocation.py``.
"""

import doctest
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from _allocation_loader import load_allocation, load_spec_examples
from literal_allocation import literal_allocate

allocation = load_allocation()
allocate = allocation.allocate

# No example database: the tests must not write into the repository.
property_settings = settings(max_examples=500, deadline=None, database=None)

needs_lists = st.lists(st.integers(min_value=0, max_value=12), max_size=12)
stocks = st.integers(min_value=0, max_value=100)
policies = st.sampled_from(allocation.POLICIES)

SPEC_TABLE = load_spec_examples()


@pytest.mark.parametrize("needs, stock, expected", SPEC_TABLE)
def test_default_policy_gives_spec_table(needs, stock, expected):
    assert allocate(needs, stock) == expected
    assert allocation.allocate_head_first(needs, stock) == expected
    assert allocate(needs, stock, policy=allocation.POLICY_HEAD_FIRST) == expected


@pytest.mark.parametrize("needs, stock, expected", SPEC_TABLE)
def test_literal_reference_gives_spec_table(needs, stock, expected):
    assert literal_allocate(needs, stock) == expected


def test_default_policy_is_head_first():
    assert allocation.DEFAULT_POLICY == allocation.POLICY_HEAD_FIRST


def test_docstring_examples_pass():
    result = doctest.testmod(allocation)
    assert result.attempted > 0
    assert result.failed == 0


@property_settings
@given(needs=needs_lists, stock=stocks)
def test_head_first_matches_literal_rule(needs, stock):
    assert allocate(needs, stock) == literal_allocate(needs, stock)


@pytest.mark.parametrize("seed", range(20))
def test_head_first_matches_literal_rule_on_long_queues(seed):
    """Longer queues and larger needs than hypothesis draws: many rounds."""
    rng = random.Random(seed)
    needs = [rng.choice([0, rng.randint(1, 5), rng.randint(1, 60)]) for _ in range(200)]
    stock = rng.randint(0, sum(needs))
    assert allocate(needs, stock) == literal_allocate(needs, stock)


@pytest.mark.parametrize(
    "needs, stock, expected",
    [
        ([0, 4, 0, 4], 5, [0, 4, 0, 1]),
        ([0, 0, 3], 2, [0, 0, 2]),
        ([0, 0, 0], 5, [0, 0, 0]),
        ([], 5, []),
        ([3, 3], 0, [0, 0]),
        ([1, 9, 9], 4, [1, 2, 1]),
    ],
)
def test_head_first_edge_cases(needs, stock, expected):
    assert allocate(needs, stock) == expected


@property_settings
@given(needs=needs_lists, stock=stocks, policy=policies)
def test_every_policy_serves_within_needs_and_uses_all_stock(needs, stock, policy):
    assigned = allocate(needs, stock, policy=policy)
    assert len(assigned) == len(needs)
    assert all(type(qty) is int for qty in assigned)
    assert all(0 <= qty <= need for qty, need in zip(assigned, needs))
    assert sum(assigned) == min(stock, sum(needs))


@property_settings
@given(needs=needs_lists, stock=stocks, policy=policies)
def test_every_policy_is_deterministic_and_keeps_its_input(needs, stock, policy):
    needs_before = list(needs)
    first = allocate(needs, stock, policy=policy)
    assert allocate(tuple(needs), stock, policy=policy) == first
    assert allocate(iter(needs), stock, policy=policy) == first
    assert needs == needs_before


@property_settings
@given(needs=needs_lists, stock=stocks)
def test_head_first_head_gets_all_it_can(needs, stock):
    assigned = allocate(needs, stock)
    waiting = [position for position, need in enumerate(needs) if need > 0]
    if waiting:
        head = waiting[0]
        assert assigned[head] == min(needs[head], stock)


@property_settings
@given(needs=needs_lists, stock=stocks)
def test_fifo_serves_each_position_from_what_older_ones_left(needs, stock):
    assigned = allocation.allocate_fifo(needs, stock)
    for position, need in enumerate(needs):
        left = max(stock - sum(needs[:position]), 0)
        assert assigned[position] == min(need, left)
    assert allocate(needs, stock, policy=allocation.POLICY_FIFO) == assigned


@property_settings
@given(needs=needs_lists, stock=stocks)
def test_fair_share_levels_waiting_positions(needs, stock):
    assigned = allocation.allocate_fair_share(needs, stock)
    assert allocate(needs, stock, policy=allocation.POLICY_FAIR_SHARE) == assigned
    waiting = [qty for qty, need in zip(assigned, needs) if qty < need]
    if waiting:
        assert max(waiting) - min(waiting) <= 1
        # Nobody, served in full or not, is more than 1 above a waiting one.
        assert max(assigned) <= min(waiting) + 1


@property_settings
@given(needs=needs_lists, stock=stocks)
def test_fair_share_never_favours_younger_with_same_need(needs, stock):
    assigned = allocation.allocate_fair_share(needs, stock)
    for older in range(len(needs)):
        for younger in range(older + 1, len(needs)):
            if needs[older] == needs[younger]:
                assert assigned[older] >= assigned[younger]


def test_fair_share_examples():
    assert allocation.allocate_fair_share([5, 3, 4, 2], 10) == [3, 3, 2, 2]
    assert allocation.allocate_fair_share([1, 8, 8, 8], 10) == [1, 3, 3, 3]
    assert allocation.allocate_fair_share([6, 0, 6, 6], 4) == [2, 0, 1, 1]
    assert allocation.allocate_fair_share([2, 5], 20) == [2, 5]


def test_policy_selection_lists_every_policy_once():
    keys = [key for key, _label in allocation.POLICY_SELECTION]
    assert keys == list(allocation.POLICIES)
    assert all(label for _key, label in allocation.POLICY_SELECTION)


def test_unknown_policy_names_the_valid_ones():
    with pytest.raises(ValueError, match="head_first, fifo, fair_share"):
        allocate([1], 1, policy="lottery")
    with pytest.raises(ValueError, match="unknown allocation policy"):
        allocate([1], 1, policy=None)


@pytest.mark.parametrize("bad_need", [-1, 2.0, 1.5, True, False, "3", None])
@pytest.mark.parametrize("policy", allocation.POLICIES)
def test_bad_need_is_refused(bad_need, policy):
    with pytest.raises(ValueError, match=r"needs\[1\] must be a whole number >= 0"):
        allocate([1, bad_need, 2], 5, policy=policy)


@pytest.mark.parametrize("bad_stock", [-1, 2.0, True, "3", None])
@pytest.mark.parametrize("policy", allocation.POLICIES)
def test_bad_stock_is_refused(bad_stock, policy):
    with pytest.raises(ValueError, match="stock must be a whole number >= 0"):
        allocate([1, 2], bad_stock, policy=policy)


@pytest.mark.parametrize("bad_needs", [None, 5, "123"])
def test_needs_that_are_not_a_sequence_are_refused(bad_needs):
    with pytest.raises(ValueError, match="needs must be a sequence of quantities"):
        allocate(bad_needs, 5)


class WholeNumber:
    """An integer type that is not int, like numpy.int64."""

    def __init__(self, value):
        self.value = value

    def __index__(self):
        return self.value


def test_integer_types_other_than_int_are_accepted():
    assigned = allocate([WholeNumber(5), 3, WholeNumber(4), 2], WholeNumber(10))
    assert assigned == [5, 3, 1, 1]
    assert all(type(qty) is int for qty in assigned)
