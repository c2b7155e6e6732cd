# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import backorder_allocation_preview
from . import backorder_hold_extension
from . import backorder_mass_message
