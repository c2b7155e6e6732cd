# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import api, models

from .mail_message import insert_as_create, insert_relations


class MailTemplate(models.Model):
    _inherit = "mail.template"

    @api.multi
    def _backorder_send_mails(self, res_ids):
        """Queue this template's e-mail for each record of ``res_ids``, sent by
        Odoo's mail queue: the mail.mail ``send_mail`` makes, made for all the
        records at once. ``generate_email`` renders them together (grouped by
        the recipients' languages), and each table gets one INSERT.

        A template with attachments or a report goes through ``send_mail``,
        one record at a time: those are files made per record anyway."""
        self.ensure_one()
        if not res_ids:
            return
        if self.attachment_ids or self.report_template:
            for res_id in res_ids:
                self.send_mail(res_id)
            return
        Message, Mail = self.env["mail.message"], self.env["mail.mail"]
        rendered = self._backorder_generate(res_ids)
        record_names = dict(self.env[self.model].sudo().browse(res_ids).name_get())
        default_from = None
        messages, mails = [], []
        for res_id in res_ids:
            values = rendered[res_id]
            if not values.get("email_from"):
                # send_mail drops a void sender; mail.message then takes its default
                if default_from is None:
                    default_from = Message._get_default_from()
                values["email_from"] = default_from
            messages.append({
                "model": values["model"], "res_id": res_id,
                "record_name": record_names[res_id],
                "subject": values.get("subject"), "body": values.get("body", ""),
                "email_from": values["email_from"], "reply_to": values.get("reply_to"),
                "mail_server_id": values["mail_server_id"],
            })
            mails.append({
                "body_html": values.get("body_html"), "email_to": values.get("email_to"),
                "email_cc": values.get("email_cc"), "auto_delete": values["auto_delete"],
                "scheduled_date": values.get("scheduled_date"),
            })
        message_ids = Message._backorder_insert(messages)
        for mail, message_id in zip(mails, message_ids):
            mail["mail_message_id"] = message_id
        mail_ids = insert_as_create(Mail, mails)
        insert_relations(Mail, "recipient_ids", [
            (mail_id, partner_id) for mail_id, res_id in zip(mail_ids, res_ids)
            for partner_id in rendered[res_id].get("partner_ids", [])])

    @api.multi
    def _backorder_generate(self, res_ids):
        """{res_id: the values ``generate_email(res_id)`` gives}, for all of
        ``res_ids`` at once: each language's records rendered together. The
        template's partners (``partner_to``) are rendered here and checked with
        one query, where ``generate_email`` checks each record's apart."""
        self.ensure_one()
        rendered = {}
        for template, lang_res_ids in self._backorder_by_language(res_ids):
            rendered.update(template.generate_email(lang_res_ids, fields=[
                "subject", "body_html", "email_from", "email_to", "email_cc",
                "reply_to", "scheduled_date"]))
        if not self.partner_to:
            return rendered
        partner_to = self.render_template(self.partner_to, self.model, res_ids)
        # placeholders may render '', 3, 2 for empty values, as generate_email says
        wanted = {res_id: [int(partner_id) for partner_id in
                           (partner_to[res_id] or "").split(",") if partner_id]
                  for res_id in res_ids}
        existing = set(self.env["res.partner"].sudo().browse(
            {partner_id for ids in wanted.values() for partner_id in ids}).exists().ids)
        for res_id in res_ids:
            rendered[res_id]["partner_ids"] = rendered[res_id].get("partner_ids", []) + [
                partner_id for partner_id in wanted[res_id] if partner_id in existing]
        return rendered

    @api.multi
    def _backorder_by_language(self, res_ids):
        """[(this template in a language, the records of ``res_ids`` whose
        e-mail is written in it)]. ``generate_email`` of many records groups
        them by the template in each one's language in a dict, but the template
        in two languages is one record, equal to itself, so all would get the
        first one's language; hence a list."""
        self.ensure_one()
        languages = (self.render_template(self.lang, self.model, res_ids) if self.lang
                     else dict.fromkeys(res_ids, False))
        by_language = defaultdict(list)
        for res_id in res_ids:
            by_language[languages[res_id] or False].append(res_id)
        return [(self.with_context(lang=language) if language else self, ids)
                for language, ids in by_language.items()]
