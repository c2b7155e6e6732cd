# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Load the addons' pure modules (``allocation.py``, ``lifecycle.py``, the SPEC
examples of its tests) straight from their files.

The addon's ``__init__`` imports odoo, so the pure modules are loaded on their
own, the way the SPEC's public contract promises they can be.
"""

import importlib.util
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ADDON_DIR = os.path.join(ROOT, "backorder_reservation")


def load_pure(name, addon="backorder_reservation"):
    """The module ``name`` ("allocation", "tests.spec_examples") of ``addon``,
    loaded once per process under a name of its own (not "<addon>.<name>":
    that belongs to the addon package)."""
    module_name = "%s_%s" % (addon, name.replace(".", "_"))
    if module_name not in sys.modules:
        spec = importlib.util.spec_from_file_location(
            module_name, os.path.join(ROOT, addon, *name.split(".")) + ".py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[module_name] = module
        spec.loader.exec_module(module)
    return sys.modules[module_name]


def load_allocation():
    """The allocation module."""
    return load_pure("allocation")


def load_spec_examples():
    """SPEC section 2's worked examples: (needs, stock, expected) triples."""
    return load_pure("tests.spec_examples").SPEC_EXAMPLES
