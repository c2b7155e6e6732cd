# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Browser steps shared by the Chromium tests."""
import html
import os
from urllib.parse import quote

from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

YELLOW = "rgba(255, 243, 176, 1)"
WAIT = 60


def wait_for(browser, css, clickable=False):
    """The element ``css`` once visible (or clickable). Chromium's errors about
    nodes of a page being left are transient: the wait goes on."""
    condition = (EC.element_to_be_clickable if clickable
                 else EC.visibility_of_element_located)
    return WebDriverWait(browser, WAIT, ignored_exceptions=[WebDriverException]).until(
        condition((By.CSS_SELECTOR, css)))


def wait_for_odoo_module(browser, name):
    """Wait until the page's script module ``name`` (odoo.define) has run: a
    widget it attaches at page load handles clicks only from then on."""
    WebDriverWait(browser, WAIT).until(lambda b: b.execute_script(
        "return document.readyState === 'complete' && !!(window.odoo && odoo.__DEBUG__"
        " && odoo.__DEBUG__.services[arguments[0]]);", name))


def log_in(browser, url, login, redirect):
    """Log in as ``login`` (password = login) and land on ``redirect``."""
    # Log the previous user out on the server and leave their page first: a
    # backend page still polling could otherwise set its session cookie again.
    browser.get(url + "/web/session/logout?redirect=/web/login")
    browser.delete_all_cookies()
    browser.get("%s/web/login?redirect=%s" % (url, quote(redirect, safe="/")))
    wait_for(browser, "input#login").send_keys(login)
    browser.find_element(By.CSS_SELECTOR, "input#password").send_keys(login)
    browser.find_element(By.CSS_SELECTOR, "form.oe_login_form button[type=submit]").click()
    WebDriverWait(browser, WAIT).until(lambda b: "/web/login" not in b.current_url)


def background(element):
    return element.value_of_css_property("background-color")


def click_backend_button(browser, label, container="o_form_statusbar"):
    """Click the visible button ``label`` inside the element of class
    ``container`` of a backend page once it has loaded (Odoo 11 renders
    buttons without their method name, and a form has several buttons of a
    label, hidden by state)."""
    def visible_button(browser):
        buttons = browser.find_elements(By.XPATH, (
            "//div[contains(@class, '%s')]//button[normalize-space() = '%s']")
            % (container, label))
        return next((b for b in buttons if b.is_displayed() and b.is_enabled()), False)
    WebDriverWait(browser, WAIT).until(visible_button).click()


def follow_link(browser, css, tries=3):
    """Click the link ``css`` and wait until the browser has left the page.
    While a page settles, Chromium may lose a click or answer it with a
    transient error: then the link is clicked again."""
    page = browser.current_url
    for attempt in range(tries):
        try:
            wait_for(browser, css, clickable=True).click()
            WebDriverWait(browser, WAIT // tries).until(lambda b: b.current_url != page)
            return
        except WebDriverException:  # a swallowed click times out
            if browser.current_url != page:
                return
            if attempt == tries - 1:
                raise


def show_mail(browser, artifacts_dir, name, subject, body, lang="en",
              subject_label="Subject"):
    """Screenshot ``name`` of the e-mail as a mail program shows it (its
    subject, then its HTML body); the text shown."""
    page = os.path.join(artifacts_dir, name.replace(".png", ".html"))
    with open(page, "w", encoding="utf-8") as page_file:
        page_file.write(
            '<!DOCTYPE html><html lang="%s"><head><meta charset="utf-8"></head><body>'
            '<div id="mail" style="width: 720px; margin: 16px; padding: 16px;'
            ' border: 1px solid #ccc;"><p style="font-family: Arial, sans-serif;">'
            "<b>%s:</b> %s</p><hr/>%s</div></body></html>"
            % (lang, subject_label, html.escape(subject), body))
    browser.get("file://" + page)
    mail = wait_for(browser, "#mail")
    mail.screenshot(os.path.join(artifacts_dir, name))
    return mail.text


def preview_arrival(browser, pieces):
    """On a product form's Sales tab: open Preview Allocation and preview
    ``pieces`` arriving."""
    click_backend_button(browser, "Preview Allocation", container="o_form_sheet")
    arriving = wait_for(browser, ".modal input[name=incoming_qty]")
    arriving.clear()
    arriving.send_keys(str(pieces))
    click_backend_button(browser, "Preview", container="modal-footer")


def preview_rows(browser):
    """The texts of the cells of the preview wizard's queue, row by row (the
    last is "Would Get")."""
    return [[cell.text.strip() for cell in row.find_elements(By.TAG_NAME, "td")]
            for row in browser.find_elements(
                By.CSS_SELECTOR, ".modal .o_list_view tr.o_data_row")]
