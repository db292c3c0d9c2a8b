"""The goals, ending and reports pages of the demo vault in a real browser: axe-core finds no
serious or critical violation, a 1280x800 screenshot of each goes to artifacts/screenshots/,
and the pages work under the real Content-Security-Policy (nothing refused)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.browser.conftest import PASSPHRASE, Server, Visit, unlock
from tests.browser.conftest import browser as browser  # a module fixture
from tests.browser.conftest import open_page as open_page
from tests.reports.builders import fill_demo_with_ending

pytestmark = pytest.mark.slow


def demo_vault(home: Path) -> None:
    from alliance.services.vault import init_vault

    vault, _recovery = init_vault(PASSPHRASE, home)
    try:
        fill_demo_with_ending(vault)
    finally:
        vault.close()


@pytest.fixture
def demo_server(tmp_path: Path) -> Iterator[Server]:
    pytest.importorskip("alliance.demo", reason="the demo (issue 5) is not installed")
    home = tmp_path / "vault"
    demo_vault(home)
    with Server(home) as server:
        yield server


def test_goals_ending_and_reports_pages(
    demo_server: Server, open_page: Callable[[Server], Visit]
) -> None:
    visit = open_page(demo_server)
    page = visit.page
    unlock(visit)
    visit.go("/goals")
    assert page.locator("table.data-table tbody tr").count() == 3
    visit.check("goals")
    page.locator("table.data-table tbody a").first.click()
    page.wait_for_url("**/goals/*")
    visit.check("goal")
    visit.go("/ending")
    assert page.is_visible("text=the client and therapist decide together")
    assert page.locator("#plan-warning_signs").input_value().count("\n") == 3
    visit.check("ending")
    visit.go("/reports")
    visit.check("reports")
    page.locator("input[name=include]").first.check()
    page.check("#audience-therapist")
    page.click("text=Open the report")
    page.wait_for_url("**/reports/view?*")
    assert page.is_visible("text=Therapy summary, prepared by the client")
    visit.check("report-view")


def test_the_report_view_runs_under_the_csp(demo_server: Server, browser: object) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 800})  # type: ignore[attr-defined]
    page = context.new_page()
    refused: list[str] = []
    page.on(
        "console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None
    )
    try:
        page.goto(demo_server.url + "/unlock")
        page.fill("#passphrase", PASSPHRASE)
        page.click("button:has-text('Unlock')")
        page.wait_for_url(demo_server.url + "/")
        for path in ("/goals", "/ending", "/reports", "/reports/view?paper=letter"):
            page.goto(demo_server.url + path)
        width = page.evaluate("getComputedStyle(document.body).maxWidth")
        assert width != "none"  # the report stylesheet applied
    finally:
        context.close()
    assert refused == []
