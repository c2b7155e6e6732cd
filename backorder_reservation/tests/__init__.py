from . import test_install
from . import test_assignment_rule
from . import test_eligibility
from . import test_expiry
from . import test_held_stock
from . import test_notify_only
