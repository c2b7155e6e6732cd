# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The soak of ``soak/soak_flows.py``, short enough for every run: 100 steps of
a fixed seed (``SOAK_SEED`` replaces it), every invariant checked after each
step. The long soak is run on demand (see that file)."""
import os

from soak.soak_flows import run_soak

SHORT_STEPS = 100
SHORT_SEED = 11


def test_a_short_soak_keeps_every_invariant(odoo_env):
    run_soak(odoo_env, SHORT_STEPS, int(os.environ.get("SOAK_SEED", SHORT_SEED)))
