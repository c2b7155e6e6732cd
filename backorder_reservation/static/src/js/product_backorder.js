/* Copyright 2026 backorder_reservation developers
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
odoo.define('backorder_reservation.product_backorder', function (require) {
'use strict';

require('web.dom_ready');

/* The product page follows the customer's choice: the add button says
   "Backorder" as soon as the chosen quantity is more than the free stock
   (data-free), and "Add to Cart" again when it fits; with variants, the stock
   bar, the button and the reason shown are those of the chosen variant
   (data-backorder-variants). The button's state (data-backorder-state: add,
   backorder or blocked) gives its look. Labels and texts come translated from
   the page. */
var $details = $('#product_details');
var $button = $details.find('#add_to_cart[data-backorder-state]');
if (!$button.length) {
    return $.Deferred().reject("no backorder-aware add button on this page");
}

function showVariant() {
    var variants = $button.data('backorder-variants');
    var info = variants && variants[$details.find('.product_id').first().val()];
    if (!info) {
        return;
    }
    $button.data('free', info.free || 0)
        .data('backorder-possible', info.backorder_possible ? '1' : '')
        .data('blocked', !!info.blocked);
    $details.find('.o_backorder_blocked').text(info.blocked || '');
    var $stock = $details.find('.o_backorder_stock');
    $stock.attr('data-level', info.bar_level).attr('data-free', info.free);
    $stock.find('.progress-bar')
        .removeClass('o_backorder_level_empty o_backorder_level_low o_backorder_level_full')
        .addClass('o_backorder_level_' + info.bar_level)
        .css('width', info.bar_percent + '%');
    $stock.find('.o_backorder_stock_text').text(info.stock_text);
}

function refresh() {
    showVariant();
    var qty = parseInt($details.find('input[name="add_qty"]').val() || 1, 10);
    var free = parseInt($button.data('free'), 10);
    var backorder = $button.data('backorder-possible') && (isNaN(qty) ? 1 : qty) > free;
    var blocked = $button.data('blocked');
    if (blocked === undefined) {  // the page's own variant until one is chosen
        blocked = $button.attr('data-backorder-state') === 'blocked';
    }
    $button.text($button.data(backorder ? 'label-backorder' : 'label-add'))
        .attr('data-backorder-state', blocked ? 'blocked' : backorder ? 'backorder' : 'add')
        .toggleClass('btn-warning o_backorder_add', !!backorder)
        .toggleClass('btn-primary', !backorder)
        .toggleClass('disabled', !!blocked);
}

$details.on('change keyup', 'input[name="add_qty"]', refresh);
// After website_sale's own handler of the same events has set the variant.
$details.on('change', 'input.js_variant_change, select.js_variant_change, ' +
            'ul[data-attribute_value_ids]', function () {
    setTimeout(refresh);
});
refresh();
});
