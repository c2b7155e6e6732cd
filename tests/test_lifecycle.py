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
