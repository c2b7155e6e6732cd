# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A failing browser test leaves a screenshot of where it stopped."""
import os

import pytest


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.when == "call" and report.failed and "browser" in item.fixturenames:
        browser = item.funcargs["browser"]
        directory = item._request.getfixturevalue("artifacts_dir")
        browser.save_screenshot(os.path.join(directory, "failure-%s.png" % item.name))
        with open(os.path.join(directory, "failure-%s.html" % item.name), "w") as page:
            page.write(browser.page_source)
