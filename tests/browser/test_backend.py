# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The staff's screens in a real browser (SPEC 5): open positions are yellow
rows, the dashboard shows positions by status, the analysis opens as a pivot.
Screenshots go to artifacts/browser/backend-*.png."""
import os

from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from _browser import (
    WAIT, YELLOW, background, click_backend_button, log_in, preview_arrival, preview_rows,
    wait_for)

OPEN_LABELS = ("Waiting", "Assigned")


def row_colours(browser):
    """[(state, open, yellow)] of the list's rows, or None before closed
    positions are listed."""
    rows = []
    for row in browser.find_elements(By.CSS_SELECTOR, ".o_list_view tr.o_data_row"):
        cells = row.find_elements(By.TAG_NAME, "td")
        state = cells[-1].text.strip()
        rows.append((state, state in OPEN_LABELS, background(cells[1]) == YELLOW))
    return rows if any(state == "Cancelled" for state, _o, _y in rows) else None


def wait_until_bars_stop_growing(browser):
    """The graph's bars grow in one after the other: wait until two looks
    agree, so that the screenshot shows their full heights."""
    last = []

    def bars_still(browser):
        heights = [bar.get_attribute("height") for bar in browser.find_elements(
            By.CSS_SELECTOR, ".o_graph svg .nv-bar")]
        still, last[:] = heights == last, heights
        return still

    WebDriverWait(browser, WAIT, poll_frequency=0.3, ignored_exceptions=[
        StaleElementReferenceException]).until(bars_still)


def open_action(browser, url, xmlid):
    log_in(browser, url, "admin", "/web#action=%s" % xmlid)


def test_positions_list_has_yellow_open_rows(shop, browser, artifacts_dir):
    product = shop.product("Yellow row part")
    _login, partner = shop.customer("Yellow Garage")
    _login, other = shop.customer("Grey Garage")
    shop.odoo_env(lambda env: (
        env["backorder.position"].create(
            {"partner_id": partner, "product_id": product, "product_qty": 2}),
        env["backorder.position"].create(
            {"partner_id": other, "product_id": product, "product_qty": 1}).action_cancel(),
    ) and None)
    open_action(browser, shop.url, "backorder_reservation.action_backorder_position")
    wait_for(browser, ".o_list_view tr.o_data_row")
    # Drop the default "Open" filter: closed positions show too.
    wait_for(browser, ".o_searchview .o_facet_remove", clickable=True).click()
    # The list renders again once the filter is gone: read it when it has.
    rows = WebDriverWait(browser, WAIT, ignored_exceptions=[
        StaleElementReferenceException]).until(lambda b: row_colours(b))
    assert {is_open for _state, is_open, _yellow in rows} == {True, False}
    for state, is_open, yellow in rows:
        assert yellow == is_open, "row in state %s" % state
    browser.save_screenshot(os.path.join(artifacts_dir, "backend-positions-list.png"))


def test_dashboard_shows_positions_by_status_and_longest_queue_first(
        shop, browser, artifacts_dir):
    product = shop.product("Dashboard part")
    _login, partner = shop.customer("Dashboard Garage")
    # Longer than the queues of the test database's demo data; tests run
    # before this one may have made longer ones (tests/http piles up 100000
    # pieces): the first bar is the longest queue of the database.
    shop.odoo_env(lambda env: env["backorder.position"].create(
        {"partner_id": partner, "product_id": product, "product_qty": 40}))
    name = shop.odoo_env(longest_queue)
    open_action(browser, shop.url, "backorder_reservation.action_backorder_dashboard")
    wait_for(browser, ".o_kanban_view .o_kanban_group")
    titles = [title.text for title in browser.find_elements(
        By.CSS_SELECTOR, ".o_kanban_group .o_column_title")]
    assert "Waiting" in titles, titles
    card = wait_for(browser, ".oe_kanban_card.o_backorder_open")
    assert background(card) == YELLOW
    # The columns' progress bars fill in once their counts have arrived.
    wait_for(browser, ".o_kanban_counter_progress .o_bar_has_records")
    browser.save_screenshot(os.path.join(artifacts_dir, "backend-dashboard.png"))
    wait_for(browser, ".o_cp_switch_graph", clickable=True).click()
    wait_for(browser, ".o_graph svg .nv-bar")
    first_bar_label = wait_for(browser, ".o_graph svg .nv-x .tick text").text
    assert first_bar_label == name
    wait_until_bars_stop_growing(browser)
    browser.save_screenshot(os.path.join(artifacts_dir, "backend-dashboard-graph.png"))


def longest_queue(env):
    """Display name of the product whose positions request the most pieces."""
    groups = env["backorder.position"].read_group(
        [], ["product_id", "product_qty"], ["product_id"])
    longest = max(groups, key=lambda group: group["product_qty"])
    return env["product.product"].browse(longest["product_id"][0]).display_name


def test_analysis_opens_as_pivot(shop, browser, artifacts_dir):
    open_action(browser, shop.url, "backorder_reservation.action_backorder_position_report")
    table = wait_for(browser, ".o_pivot table")
    assert "# Positions" in table.text
    browser.save_screenshot(os.path.join(artifacts_dir, "backend-analysis-pivot.png"))


def test_product_form_opens_the_queue_and_previews_an_arrival(shop, browser, artifacts_dir):
    product = shop.product("Preview part")
    customers = [shop.customer("Preview Garage %d" % i)[1] for i in range(3)]
    template = shop.odoo_env(lambda env: [env["backorder.position"].create(
        {"partner_id": partner, "product_id": product, "product_qty": qty})
        for partner, qty in zip(customers, (3, 2, 2))][0].product_tmpl_id.id)
    log_in(browser, shop.url, "admin",
           "/web#id=%d&model=product.template&view_type=form" % template)
    count = WebDriverWait(browser, WAIT).until(lambda b: b.find_element(By.XPATH, (
        "//button[contains(@class, 'oe_stat_button')][.//span[normalize-space() = "
        "'Backorders']]//span[contains(@class, 'o_stat_value')]")))
    assert count.text.strip() == "3"
    browser.find_element(
        By.XPATH, "//ul[contains(@class, 'nav-tabs')]//a[normalize-space() = 'Sales']").click()
    preview_arrival(browser, 4)
    # The rule: the oldest gets all it needs (3), the next one piece, then nothing.
    WebDriverWait(browser, WAIT, ignored_exceptions=[StaleElementReferenceException]).until(
        lambda b: [cells[-1] for cells in preview_rows(b)] == ["3", "1", "0"])
    browser.save_screenshot(os.path.join(artifacts_dir, "backend-allocation-preview.png"))
    assert [p[2] for p in shop.positions(product_id=product)] == [0, 0, 0]


def test_hold_extension_keeps_the_reason_internal_unless_staff_tell(
        shop, browser, artifacts_dir):
    product = shop.product("Extension part")
    _login, partner = shop.customer("Extension Garage")
    position_id = shop.odoo_env(lambda env: env["backorder.position"].create(
        {"partner_id": partner, "product_id": product, "product_qty": 1}).id)
    shop.receive(product, 1)
    log_in(browser, shop.url, "admin",
           "/web#id=%d&model=backorder.position&view_type=form" % position_id)
    click_backend_button(browser, "Extend Hold")
    wait_for(browser, ".modal textarea[name=reason]").send_keys(
        "Customer is on holiday until Monday")
    checkbox = wait_for(browser, ".modal div[name=notify_customer] input", clickable=True)
    assert not checkbox.is_selected(), "the reason must stay internal by default"
    labels = [label.text for label in browser.find_elements(
        By.CSS_SELECTOR, ".modal label.o_form_label")]
    assert "Tell the Customer" in labels, labels
    browser.save_screenshot(os.path.join(artifacts_dir, "backend-hold-extension.png"))
    click_backend_button(browser, "Cancel", container="modal-footer")
