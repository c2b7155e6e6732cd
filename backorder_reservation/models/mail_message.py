# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models, tools

from ..sql import execute_values


def insert_as_create(model, rows):
    """Insert ``rows`` into the table of ``model`` with one statement, stored
    as ``model.create`` would store them; the new ids, in the order of rows.

    ``rows`` are dicts of values of the model's own stored columns, the same
    keys in each. The other columns get the model's defaults (``default_get``,
    asked once) and the creation stamps; each value is converted to its column
    as the ORM does (an HTML value sanitized, False stored as NULL), a value
    that many rows share converted once. Only for records whose ``create``
    does nothing more: no field to recompute, no other table to fill."""
    if not rows:
        return []
    own = {name: field for name, field in model._fields.items()
           if field.store and field.column_type and not field.inherited}
    given = sorted(rows[0])
    now = fields.Datetime.now()
    common = {name: value for name, value in model.default_get([
        name for name in own if name not in given
        and name not in models.MAGIC_COLUMNS]).items() if name in own}
    common.update(create_uid=model.env.uid, write_uid=model.env.uid,
                  create_date=now, write_date=now)
    converted = {}

    def column_value(name, value):
        try:
            key = (name, value)
            if key not in converted:
                converted[key] = own[name].convert_to_column(value, model)
            return converted[key]
        except TypeError:  # an unhashable value: converted each time
            return own[name].convert_to_column(value, model)

    cr = model.env.cr
    cr.execute("SELECT nextval(%s) FROM generate_series(1, %s)",
               (model._sequence, len(rows)))
    ids = [row[0] for row in cr.fetchall()]
    shared = tuple(column_value(name, common[name]) for name in sorted(common))
    execute_values(cr, 'INSERT INTO "%s" (id, %s) VALUES %%s' % (
        model._table, ", ".join('"%s"' % name for name in sorted(common) + given)), [
        (record_id,) + shared + tuple(column_value(name, row[name]) for name in given)
        for record_id, row in zip(ids, rows)])
    return ids


def insert_relations(model, field_name, pairs):
    """Link records of ``model`` to records of the comodel of its many2many
    ``field_name`` with one statement: ``pairs`` are (record id, comodel id)."""
    if not pairs:
        return
    field = model._fields[field_name]
    execute_values(model.env.cr, 'INSERT INTO "%s" ("%s", "%s") VALUES %%s' % (
        field.relation, field.column1, field.column2), pairs)


class MailMessage(models.Model):
    _inherit = "mail.message"

    @api.model
    def _backorder_insert(self, rows):
        """Messages posted on records without notifying anyone, one statement
        for all (:func:`insert_as_create`); their ids. Each row gives the
        message's ``model``, ``res_id`` and content; its message id is made
        here as ``create`` makes it."""
        for row in rows:
            row["message_id"] = tools.generate_tracking_message_id(
                "%s-%s" % (row["res_id"], row["model"]))
        ids = insert_as_create(self, rows)
        # Rows written behind the ORM's back: chatter read later must see them.
        for model in {row["model"] for row in rows}:
            self.env[model].browse(
                [row["res_id"] for row in rows if row["model"] == model]
            ).invalidate_cache(["message_ids"])
        return ids
