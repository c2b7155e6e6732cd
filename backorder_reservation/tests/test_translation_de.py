# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The German translation stays complete and safe: every term of the .pot is
translated, nothing else is in the file, and each translation keeps what the
code needs of its term (a lost ``%(qty)d`` breaks the message at run time, a
lost ``${...}``, Mako line or tag breaks the e-mail or the page). Odoo loads
the file, and a German customer's e-mail comes out German."""
import os
import re
import unittest

from babel.messages.pofile import read_po

from odoo.tools.translate import trans_load

from .common import BackorderCase

I18N = os.path.join(os.path.dirname(os.path.dirname(__file__)), "i18n")
POT = os.path.join(I18N, "backorder_reservation.pot")
GERMAN = os.path.join(I18N, "de.po")

# %s, %d, %(name)s ... as Python's % operator reads them.
PRINTF = re.compile(r"%(?:\((?P<name>[^)]*)\))?[-#0 +]*[0-9]*(?:\.[0-9]+)?[sdifrxXeEgGc%]")
MAKO_EXPRESSION = re.compile(r"\$\{[^}]*\}")
MAKO_LINE = re.compile(r"^[ \t]*%[ \t]*(?:if|elif|else|endif|for|endfor)\b.*$", re.MULTILINE)
TAG = re.compile(r"<[^<>]*>")


def read_terms(path):
    """({msgid: msgstr}, [obsolete msgids]) of a .po or .pot file."""
    with open(path, "rb") as po_file:
        catalog = read_po(po_file)
    terms = {message.id: message.string for message in catalog if message.id}
    return terms, list(catalog.obsolete)


def kept_parts(text):
    """What a translation must keep of its term, by kind: named placeholders
    (any order), positional ones (in order), Mako expressions and lines, and
    tags with their attributes."""
    # Python never formats a template's Mako ("% if", "format='%Y-%m-%d'").
    printf = list(PRINTF.finditer(MAKO_EXPRESSION.sub("", MAKO_LINE.sub("", text))))
    return {
        "named placeholders": sorted(m.group() for m in printf if m.group("name") is not None),
        "positional placeholders": [m.group() for m in printf if m.group("name") is None],
        "Mako expressions": sorted(MAKO_EXPRESSION.findall(text)),
        "Mako lines": [line.strip() for line in MAKO_LINE.findall(text)],
        "tags": sorted(TAG.findall(text)),
    }


def translation_problems(template_terms, translated_terms, obsolete=()):
    """Every way the translation falls short of the template, one line each."""
    problems = []
    for msgid in sorted(template_terms):
        msgstr = translated_terms.get(msgid)
        if msgid not in translated_terms:
            problems.append("missing: %r" % msgid)
        elif not msgstr or not msgstr.strip():
            problems.append("not translated: %r" % msgid)
        else:
            expected, found = kept_parts(msgid), kept_parts(msgstr)
            problems.extend(
                "%s differ: %r has %s, its translation %s" % (
                    kind, msgid, expected[kind], found[kind])
                for kind in sorted(expected) if expected[kind] != found[kind])
    problems.extend("not in the .pot: %r" % msgid for msgid in sorted(
        set(translated_terms) - set(template_terms)))
    problems.extend("obsolete entry: %r" % msgid for msgid in obsolete)
    return problems


class TestGermanTranslationFile(unittest.TestCase):

    def test_every_term_is_translated_with_its_placeholders_and_markup(self):
        template_terms, _obsolete = read_terms(POT)
        german_terms, obsolete = read_terms(GERMAN)
        problems = translation_problems(template_terms, german_terms, obsolete)
        if problems:
            self.fail("i18n/de.po does not match the .pot:\n" + "\n".join(problems))

    def test_the_check_finds_what_a_translation_lacks(self):
        template = {
            "%(qty)d piece(s) of %(product)s": "",
            "<strong>Log in</strong>": "",
            "Hello ${object.name}\n% if object.note:\n${object.note}\n% endif\n": "",
            "%s of %s": "",
            "Untouched": "",
        }
        problems = translation_problems(template, {
            "%(qty)d piece(s) of %(product)s": "%(product)s: %(qty)s Stück",
            "<strong>Log in</strong>": "<b>Anmelden</b>",
            "Hello ${object.name}\n% if object.note:\n${object.note}\n% endif\n":
                "Hallo ${object.name}\n${object.note}\n",
            "%s of %s": "%d von %s",
            "Gone": "Weg",
        }, obsolete=["Old"])
        self.assertEqual(problems, [
            "named placeholders differ: '%(qty)d piece(s) of %(product)s' has "
            "['%(product)s', '%(qty)d'], its translation ['%(product)s', '%(qty)s']",
            "positional placeholders differ: '%s of %s' has ['%s', '%s'], "
            "its translation ['%d', '%s']",
            "tags differ: '<strong>Log in</strong>' has ['</strong>', '<strong>'], "
            "its translation ['</b>', '<b>']",
            "Mako lines differ: 'Hello ${object.name}\\n% if object.note:\\n"
            "${object.note}\\n% endif\\n' has ['% if object.note:', '% endif'], "
            "its translation []",
            "missing: 'Untouched'",
            "not in the .pot: 'Gone'",
            "obsolete entry: 'Old'",
        ])
        self.assertEqual(translation_problems({"Bought": ""}, {"Bought": " "}),
                         ["not translated: 'Bought'"])


class TestGermanEmails(BackorderCase):
    """Odoo reads de.po, and the assignment e-mail speaks the customer's
    language (the templates render in ``object.partner_id.lang``)."""

    @classmethod
    def setUpClass(cls):
        super(TestGermanEmails, cls).setUpClass()
        # Only this addon's terms: installing German for every module takes
        # minutes (the browser test tests/browser/test_german_shop.py does that).
        trans_load(cls.env.cr, GERMAN, "de_DE", verbose=False,
                   module_name="backorder_reservation")

    @classmethod
    def tearDownClass(cls):
        # The rollback takes German away; the caches (installed languages,
        # translated terms) must not keep it for the tests that follow.
        cls.env["res.lang"].clear_caches()
        super(TestGermanEmails, cls).tearDownClass()

    def _assignment_mail(self, customer):
        position = self._create_positions(self.product, [(customer, 3)])
        self._receive(self.product, 2)
        self.Position._cron_send_assignment_notices()
        return self.env["mail.mail"].search([
            ("model", "=", "backorder.position"), ("res_id", "=", position.id)])

    def test_a_german_customer_gets_the_assignment_email_in_german(self):
        customer = self._create_customer("Werkstatt Krause", lang="de_DE")
        mail = self._assignment_mail(customer)
        self.assertEqual(len(mail), 1)
        self.assertIn(": 2 Stück für Sie reserviert (BO", mail.subject)
        self.assertIn("Hallo Werkstatt Krause,", mail.body_html)
        self.assertIn("2 der 3 Stück", mail.body_html)
        self.assertIn("Zu meinem Warenkorb", mail.body_html)
        self.assertNotIn("reserved for you", mail.subject + mail.body_html)

    def test_an_english_customer_still_gets_it_in_english(self):
        customer = self._create_customer("Leeds Garage", lang="en_US")
        mail = self._assignment_mail(customer)
        self.assertIn("2 piece(s) reserved for you", mail.subject)
        self.assertIn("Hello Leeds Garage,", mail.body_html)

    def test_one_run_writes_to_each_customer_in_their_language(self):
        # The German customer first: the e-mails of one batch are rendered
        # together, and must not all take the first one's language.
        german = self._create_customer("Werkstatt Braun", lang="de_DE")
        english = self._create_customer("York Garage", lang="en_US")
        positions = self._create_positions(self.product, [(german, 1), (english, 1)])
        self._receive(self.product, 2)
        self.Position._cron_send_assignment_notices()
        mails = self.env["mail.mail"].search([
            ("model", "=", "backorder.position"), ("res_id", "in", positions.ids)])
        subjects = {mail.res_id: mail.subject for mail in mails}
        self.assertIn("Stück für Sie reserviert", subjects[positions[0].id])
        self.assertIn("piece(s) reserved for you", subjects[positions[1].id])
