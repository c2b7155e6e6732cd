# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import difflib
import io
import os
import re

from odoo.tests.common import TransactionCase
from odoo.tools.translate import trans_export

POT = os.path.join(
    os.path.dirname(os.path.dirname(__file__)), "i18n", "backorder_reservation.pot")
# The only lines of an export that change from one export to the next.
EXPORT_DATES = re.compile(r'^"(POT-Creation|PO-Revision)-Date: .*\n', re.MULTILINE)


def check_pot_is_export(case, module, pot):
    """Fail ``case`` unless the file ``pot`` is Odoo's export of the installed
    ``module`` (the bridge addon's test asks too)."""
    buffer = io.BytesIO()
    trans_export(False, [module], buffer, "po", case.env.cr)
    exported = EXPORT_DATES.sub("", buffer.getvalue().decode("utf-8"))
    with open(pot, encoding="utf-8") as text:
        current = EXPORT_DATES.sub("", text.read())
    if current != exported:
        diff = "".join(list(difflib.unified_diff(
            current.splitlines(True), exported.splitlines(True),
            "i18n/%s.pot" % module, "export"))[:60])
        case.fail("The .pot differs from Odoo's export; run setup/export_pot.sh.\n" + diff)


class TestTranslationTemplate(TransactionCase):
    """The .pot is what Odoo exports from the installed module, not a
    hand-written file: every translatable string of the code, the views, the
    e-mail templates and the data is in it, and nothing else."""

    def test_the_pot_is_the_export_of_the_installed_module(self):
        check_pot_is_export(self, "backorder_reservation", POT)
