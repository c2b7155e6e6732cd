"""Load ``backorder_reservation/allocation.py`` straight from its file.

The addon's ``__init__`` imports odoo, so the pure rule is loaded on its own,
the way the SPEC's public contract promises it can be.
"""

import importlib.util
import os
import sys

ALLOCATION_PATH = os.path.join(
    os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
    "backorder_reservation",
    "allocation.py",
)
# Not "backorder_reservation.allocation": that name belongs to the addon package.
MODULE_NAME = "backorder_reservation_allocation"


def load_allocation():
    """The allocation module, loaded once per process."""
    if MODULE_NAME not in sys.modules:
        spec = importlib.util.spec_from_file_location(MODULE_NAME, ALLOCATION_PATH)
        module = importlib.util.module_from_spec(spec)
        sys.modules[MODULE_NAME] = module
        spec.loader.exec_module(module)
    return sys.modules[MODULE_NAME]
