# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import test_queue_need
from . import test_order_request
from . import test_arrival_from_purchase
from . import test_entry_points
from . import test_doctests
from . import test_translations
from . import test_multi_company
from . import test_demo
