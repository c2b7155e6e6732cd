/* Copyright 2026 backorder_reservation developers
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
odoo.define('backorder_reservation.BackorderPositionListView', function (require) {
'use strict';

/* Open backorder positions (field is_open) are yellow rows: list views only
   know text-colour decorations, so this list marks the rows itself. */
var ListRenderer = require('web.ListRenderer');
var ListView = require('web.ListView');
var viewRegistry = require('web.view_registry');

var BackorderPositionListRenderer = ListRenderer.extend({
    _setDecorationClasses: function (record, $tr) {
        this._super.apply(this, arguments);
        $tr.toggleClass('o_backorder_open', !!record.data.is_open);
    },
});

var BackorderPositionListView = ListView.extend({
    config: _.extend({}, ListView.prototype.config, {
        Renderer: BackorderPositionListRenderer,
    }),
});

viewRegistry.add('backorder_position_list', BackorderPositionListView);

return BackorderPositionListView;
});
