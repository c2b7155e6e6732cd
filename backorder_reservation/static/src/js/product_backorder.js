odoo.define('backorder_reservation.product_backorder', function (require) {
'use strict';

require('web.dom_ready');

/* The add button of the product page says "Backorder" as soon as the chosen
   quantity is more than the free stock (data-free), and "Add to Cart" again
   when it fits. The labels come translated from the page. */
var $button = $('#product_details #add_to_cart[data-free]');
if (!$button.length) {
    return $.Deferred().reject("no backorder-aware add button on this page");
}

function refresh() {
    var qty = parseInt($('#product_details input[name="add_qty"]').val() || 1, 10);
    var free = parseInt($button.data('free'), 10);
    var backorder = $button.data('backorder-possible') && (isNaN(qty) ? 1 : qty) > free;
    $button.text($button.data(backorder ? 'label-backorder' : 'label-add'))
        .toggleClass('btn-warning o_backorder_add', !!backorder)
        .toggleClass('btn-primary', !backorder);
}

$('#product_details').on('change keyup', 'input[name="add_qty"]', refresh);
refresh();
});
