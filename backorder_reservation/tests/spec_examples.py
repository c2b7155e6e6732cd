# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The worked examples of SPEC section 2, shared by the pure tests of the rule
(``tests/test_allocation.py``) and the addon's tests that play them through real
receipts. No imports: both load it as it is.

Each example: needs in queue order, free stock, assigned quantity per position.
"""

SPEC_EXAMPLES = [
    ([5, 3, 4, 2], 10, [5, 3, 1, 1]),
    ([3, 3, 3, 3, 3, 3, 3], 9, [3, 1, 1, 1, 1, 1, 1]),
    ([4, 4, 4], 3, [3, 0, 0]),
    ([6, 6, 6, 6], 14, [6, 6, 1, 1]),
    ([4, 2, 3], 6, [4, 1, 1]),
    ([2, 5, 1, 3], 20, [2, 5, 1, 3]),
]
