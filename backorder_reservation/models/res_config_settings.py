# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .. import allocation, lifecycle

_HELP = {name: help_text for name, _default, help_text in lifecycle.SETTINGS}
# settings field -> lifecycle setting; each is stored as the ir.config_parameter
# backorder_reservation.<setting> (Odoo 11 has no config_parameter= on fields).
_FIELD_SETTING = {"backorder_" + name: name for name in lifecycle.DEFAULTS}


def _number_setting(name, string):
    return fields.Integer(string=string, help=_HELP[name], default=lifecycle.DEFAULTS[name])


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    backorder_allocation_policy = fields.Selection(
        allocation.POLICY_SELECTION, string="Allocation Policy",
        default=allocation.DEFAULT_POLICY, help=_HELP["allocation_policy"])
    backorder_key_accounts_first = fields.Boolean(
        string="Key Accounts First", help=_HELP["key_accounts_first"])
    backorder_hold_days_complete = _number_setting(
        "hold_days_complete", "Hold Days (complete)")
    backorder_hold_days_partial = _number_setting(
        "hold_days_partial", "Hold Days (partial)")
    backorder_eligibility_days = _number_setting(
        "eligibility_days", "Purchase Within (days)")
    backorder_reputation_start = _number_setting(
        "reputation_start", "Starting Reputation")
    backorder_reputation_penalty = _number_setting(
        "reputation_penalty", "Expiry Penalty")
    backorder_reputation_threshold = _number_setting(
        "reputation_threshold", "Reputation Threshold")
    backorder_notification_count = _number_setting(
        "notification_count", "Availability E-mails")
    backorder_notification_interval_days = _number_setting(
        "notification_interval_days", "Days Between E-mails")
    backorder_notification_removal_days = _number_setting(
        "notification_removal_days", "Removal After (days)")
    backorder_payment_wait_days = _number_setting(
        "payment_wait_days", "Payment Wait (days)")
    backorder_cron_batch_size = _number_setting(
        "cron_batch_size", "Scheduled Action Batch Size")

    @api.model
    def get_values(self):
        values = super(ResConfigSettings, self).get_values()
        settings = self.env["backorder.position"]._backorder_settings()
        values.update({
            field_name: getattr(settings, name)
            for field_name, name in _FIELD_SETTING.items()
        })
        return values

    @api.multi
    def set_values(self):
        result = super(ResConfigSettings, self).set_values()
        try:
            settings = lifecycle.Settings({
                name: self[field_name] for field_name, name in _FIELD_SETTING.items()
            })
        except ValueError as error:
            raise ValidationError(_("Backorder settings: %s") % error)
        params = self.env["ir.config_parameter"].sudo()
        Position = self.env["backorder.position"]
        was_first = Position._backorder_settings().key_accounts_first
        reorder = settings.key_accounts_first != was_first
        for name in lifecycle.DEFAULTS:
            params.set_param(lifecycle.Settings.param_key(name), getattr(settings, name))
        if reorder:
            Position._requeue_priorities()
        return result
