# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The date and settings rules of lifecycle.py (pure, no Odoo needed)."""

import doctest
from datetime import datetime, timedelta

import pytest

from _allocation_loader import load_pure

lifecycle = load_pure("lifecycle")


def test_docstring_examples():
    result = doctest.testmod(lifecycle)
    assert result.attempted > 0
    assert result.failed == 0


def test_settings_from_params_ignore_other_keys_and_keep_defaults():
    settings = lifecycle.Settings.from_params({
        "backorder_reservation.reputation_penalty": "30",
        "web.base.url": "http://localhost",
    })
    assert settings.reputation_penalty == 30
    assert settings.reputation_threshold == 50


@pytest.mark.parametrize("value", ["-1", "2.5", "many", ""])
def test_settings_refuse_what_is_not_a_whole_number(value):
    with pytest.raises(ValueError, match="hold_days_complete"):
        lifecycle.Settings({"hold_days_complete": value})


def test_unknown_setting_is_refused():
    with pytest.raises(ValueError, match="unknown settings: hold_weeks"):
        lifecycle.Settings({"hold_weeks": 1})


def test_deadline_never_moves_earlier():
    now = datetime(2026, 1, 1)
    settings = lifecycle.Settings()
    deadline = None
    for day, complete in [(0, False), (1, True), (2, False), (6, True)]:
        new = lifecycle.hold_deadline(now + timedelta(days=day), deadline, complete, settings)
        assert deadline is None or new >= deadline
        deadline = new
    assert deadline == datetime(2026, 1, 10)  # day 2 + 7 (partial) beats day 6 + 2


@pytest.mark.parametrize("product_qty, qty_assigned, qty_done, state", [
    (5, 0, 0, "waiting"),
    (5, 2, 0, "assigned"),
    (5, 5, 0, "assigned"),
    (5, 2, 3, "assigned"),
    (5, 0, 3, "waiting"),
    (5, 0, 5, "done"),
])
def test_open_position_state_follows_from_the_quantities(
        product_qty, qty_assigned, qty_done, state):
    assert lifecycle.open_position_state(product_qty, qty_assigned, qty_done) == state


@pytest.mark.parametrize("product_qty, qty_assigned, qty_done", [
    (5, 4, 2), (5, -1, 0), (5, 0, -1), (0, 0, 0),
])
def test_open_position_state_refuses_impossible_quantities(
        product_qty, qty_assigned, qty_done):
    with pytest.raises(ValueError):
        lifecycle.open_position_state(product_qty, qty_assigned, qty_done)


def test_open_states_are_the_first_of_a_positions_life():
    assert lifecycle.OPEN_STATES == ("waiting", "assigned")
    assert lifecycle.STATES[:2] == lifecycle.OPEN_STATES
    assert set(lifecycle.CLOSED_STATES) == set(lifecycle.STATES) - set(lifecycle.OPEN_STATES)


def test_notify_only_plan_mails_available_positions_then_removes_them():
    settings = lifecycle.Settings()
    start = datetime(2026, 5, 1)
    day = timedelta(days=1)
    positions = [
        (1, 0, None, True),             # first e-mail due
        (2, 0, None, False),            # nothing free: no e-mail
        (3, 1, start - 2 * day, True),  # second e-mail not due yet
        (4, 1, start - 3 * day, True),  # second e-mail due
        (5, 2, start - 7 * day, False),  # all e-mails sent a week ago: removed
        (6, 2, start - 6 * day, True),  # all e-mails sent, removal not due
    ]
    assert lifecycle.plan_notifications(positions, start, settings) == ([1, 4], [5])


def test_notify_only_plan_follows_the_settings():
    settings = lifecycle.Settings({"notification_count": 1, "notification_removal_days": 1})
    now = datetime(2026, 5, 10)
    positions = [(1, 1, now - timedelta(days=1), True), (2, 0, None, True)]
    assert lifecycle.plan_notifications(positions, now, settings) == ([2], [1])


def test_a_notify_only_position_told_once_ends_when_the_part_sells_out():
    """Issue 11, item 7: the part sold out after the first e-mail, so the second
    never comes; the position is removed 7 days after the first instead of
    staying open for ever."""
    settings = lifecycle.Settings()
    first_mail = datetime(2026, 5, 1)
    sold_out = [(1, 1, first_mail, False)]
    assert lifecycle.plan_notifications(
        sold_out, first_mail + timedelta(days=6), settings) == ([], [])
    assert lifecycle.plan_notifications(
        sold_out, first_mail + timedelta(days=7), settings) == ([], [1])
    # Back in stock in time: the second e-mail comes, and the removal waits for it.
    back = [(1, 1, first_mail, True)]
    assert lifecycle.plan_notifications(
        back, first_mail + timedelta(days=7), settings) == ([1], [])


def test_a_checkout_keeps_its_holds_for_the_payment_wait_only():
    settings = lifecycle.Settings({"payment_wait_days": 3})
    checkout = datetime(2026, 5, 1, 12, 0)
    assert not lifecycle.payment_overdue(checkout, checkout + timedelta(days=3, seconds=-1),
                                         settings)
    assert lifecycle.payment_overdue(checkout, checkout + timedelta(days=3), settings)
    assert lifecycle.Settings().payment_wait_days == 7
