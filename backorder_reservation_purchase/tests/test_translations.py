# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import os

from odoo.tests.common import TransactionCase

from odoo.addons.backorder_reservation.tests.test_translation_template import \
    check_pot_is_export

I18N = os.path.join(os.path.dirname(os.path.dirname(__file__)), "i18n")


class TestTranslations(TransactionCase):
    """The .pot is Odoo's export of the installed bridge; its German
    translation, loaded like Odoo loads a language, names the wizard's
    figures in German."""

    def test_the_pot_is_the_export_of_the_installed_module(self):
        check_pot_is_export(self, "backorder_reservation_purchase",
                            os.path.join(I18N, "backorder_reservation_purchase.pot"))

    def test_the_german_translation_names_the_figures(self):
        self.env["res.lang"].load_lang("de_DE")
        self.env["ir.translation"].load_module_terms(
            ["backorder_reservation_purchase"], ["de_DE"])
        german = self.env["backorder.replenishment.line"].with_context(lang="de_DE")
        labels = german.fields_get(["waiting", "incoming", "qty_to_order"])
        self.assertEqual([labels[name]["string"] for name in ("waiting", "incoming",
                                                              "qty_to_order")],
                         ["Wartend", "Im Zulauf", "Zu bestellen"])
