"""The main flows in a real browser, with axe-core and a screenshot on every page."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.browser.conftest import PASSPHRASE, Server, Visit, unlock
from tests.browser.seed import seed_vault

HEARD = "She really listened and I felt heard and understood."
CRISIS = "I have the pills saved up."


@pytest.fixture
def empty_server(tmp_path: Path) -> Iterator[Server]:
    with Server(tmp_path / "vault") as server:
        yield server


@pytest.fixture
def lived_in_server(tmp_path: Path) -> Iterator[Server]:
    home = tmp_path / "vault"
    seed_vault(home, PASSPHRASE)
    with Server(home) as server:
        yield server


def create_vault(visit: Visit) -> str:
    page = visit.page
    visit.go("/")
    assert page.url.endswith("/setup")
    visit.check("setup")
    page.fill("#passphrase", PASSPHRASE)
    page.fill("#confirm", PASSPHRASE)
    page.click("text=Create my vault")
    page.wait_for_url("**/welcome")
    key = page.inner_text("#recovery-key").strip()
    visit.check("recovery-key")
    page.check("#written")
    page.click("text=Continue")
    page.wait_for_url(visit.base + "/")
    return key


def test_first_run_shows_the_recovery_key_once(
    empty_server: Server, open_page: Callable[[Server], Visit]
) -> None:
    visit = open_page(empty_server)
    key = create_vault(visit)
    assert len(key.replace("-", "")) >= 40
    assert visit.page.is_visible("text=Your vault is ready")
    visit.check("today-empty")
    visit.go("/welcome")
    assert visit.page.url == visit.base + "/"
    assert key not in visit.page.content()
    visit.page.click("button:has-text('Lock')")
    visit.page.wait_for_url("**/unlock")
    visit.page.fill("#passphrase", "not my passphrase")
    visit.page.click("button:has-text('Unlock')")
    assert visit.page.is_visible("text=That passphrase does not open this vault.")
    visit.check("unlock-wrong-passphrase")


def test_write_an_entry_and_see_its_themes(
    empty_server: Server, open_page: Callable[[Server], Visit]
) -> None:
    visit = open_page(empty_server)
    create_vault(visit)
    visit.page.fill("#quick-text", f"A long week. {HEARD}")
    visit.page.click("text=Save entry")
    visit.page.wait_for_url("**/journal/*")
    mark = visit.page.locator("mark.theme-heard")
    assert mark.inner_text() == HEARD
    assert "[heard" in visit.page.locator(".mark-label").first.inner_text()
    assert visit.page.is_visible(".legend >> text=heard")
    visit.check("entry")


def test_a_crisis_text_shows_the_resources(
    empty_server: Server, open_page: Callable[[Server], Visit]
) -> None:
    visit = open_page(empty_server)
    create_vault(visit)
    visit.page.fill("#quick-text", CRISIS)
    visit.page.click("text=Save entry")
    visit.page.wait_for_url("**/journal/*")
    resources = visit.page.locator("section.resources")
    assert resources.is_visible()
    assert "988" in resources.inner_text() and "116 123" in resources.inner_text()
    assert CRISIS in visit.page.inner_text(".entry-body")  # the entry is never hidden
    visit.check("entry-crisis")
    visit.go("/help")
    visit.check("help")


def test_take_phq9_and_see_the_chart_change(
    empty_server: Server, open_page: Callable[[Server], Visit]
) -> None:
    visit = open_page(empty_server)
    create_vault(visit)
    page = visit.page

    def take(answers: list[int]) -> None:
        visit.go("/measures/phq9/take")
        fieldsets = page.locator("fieldset.item")
        assert fieldsets.count() == 9
        assert "Little interest or pleasure in doing things" in fieldsets.first.inner_text()
        for index, answer in enumerate(answers):
            fieldsets.nth(index).locator(f"input[value='{answer}']").check()
        page.click("text=Save my answers")
        page.wait_for_url("**/measures/phq9?taken=*")

    take([3, 2, 2, 2, 2, 2, 2, 1, 0])
    assert page.locator("svg.chart-svg rect[width='10']").count() >= 1  # the intake square
    first_rows = page.locator("figure.chart table tbody tr").count()
    take([1, 1, 0, 1, 0, 1, 0, 0, 0])
    assert page.locator("figure.chart table tbody tr").count() == first_rows + 1
    desc = page.locator("svg.chart-svg desc").text_content() or ""
    assert "2 score(s)" in desc and "Latest 4" in desc
    assert page.is_visible("text=reliable improvement")
    visit.check("measure-phq9")


def test_a_session_feedback_drop_raises_an_alert(
    empty_server: Server, open_page: Callable[[Server], Visit]
) -> None:
    visit = open_page(empty_server)
    create_vault(visit)
    page = visit.page

    def session_with_feedback(when: str, key: str) -> None:
        visit.go("/sessions")
        page.fill("#at", when)
        page.click("text=Add session")
        page.wait_for_url("**/sessions/*")
        for slider in page.locator("input[type=range]").all():
            slider.focus()
            page.keyboard.press(key)  # End: 10, Home: 0
        page.click("text=Save Session Feedback")
        page.wait_for_load_state("load")

    session_with_feedback("2026-01-05T10:00", "End")
    assert not page.is_visible("article.alert h3:text-is('A relationship check-in')")
    session_with_feedback("2026-01-12T10:00", "Home")
    assert page.is_visible("article.alert h3:text-is('A relationship check-in')")
    visit.check("session-alert")
    visit.go("/")
    assert page.is_visible("article.alert h3:text-is('A relationship check-in')")


def test_every_page_of_a_lived_in_vault(
    lived_in_server: Server, open_page: Callable[[Server], Visit]
) -> None:
    visit = open_page(lived_in_server)
    unlock(visit)
    visit.check("today")
    for name, path in (
        ("journal", "/journal"),
        ("journal-search", "/journal?q=listened"),
        ("journal-filtered", "/journal?theme=rupture"),
        ("sessions", "/sessions"),
        ("session", "/sessions/2"),
        ("measures", "/measures"),
        ("measure-take", "/measures/phq9/take"),
        ("measure-gad7", "/measures/gad7"),
        ("insights", "/insights"),
        ("help-signed-in", "/help"),
        ("not-found", "/journal/ffffffff"),
    ):
        if name == "not-found":
            visit.page.goto(visit.base + path)
        else:
            visit.go(path)
        visit.check(name)
    visit.go("/journal")
    visit.page.locator(".entry-item a").first.click()
    visit.page.wait_for_url("**/journal/*")
    visit.check("entry-lived-in")


def test_pages_run_under_the_content_security_policy(
    lived_in_server: Server, browser: object
) -> None:
    """Without bypassing the CSP: the script and styles load, nothing is refused."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})  # type: ignore[attr-defined]
    page = context.new_page()
    refused: list[str] = []
    page.on(
        "console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None
    )
    try:
        page.goto(lived_in_server.url + "/unlock")
        page.fill("#passphrase", PASSPHRASE)
        page.click("button:has-text('Unlock')")
        page.wait_for_url(lived_in_server.url + "/")
        # The check-in script runs: only the chosen quadrant's words show.
        assert page.locator("fieldset[data-quadrant]:visible").count() == 0
        page.check("#q-low_pleasant")
        assert page.locator("fieldset[data-quadrant]:visible").count() == 1
        for path in ("/journal", "/sessions/1", "/measures", "/insights"):
            page.goto(lived_in_server.url + path)
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        assert background == "rgb(246, 244, 239)"  # the stylesheet applied
    finally:
        context.close()
    assert refused == []


def test_the_axe_check_does_find_violations(browser: object) -> None:
    """The accessibility check is live: a bare unlabelled field fails it."""
    from tests.browser.conftest import AXE

    context = browser.new_context()  # type: ignore[attr-defined]
    try:
        page = context.new_page()
        page.set_content('<html lang="en"><title>t</title><main><input type="text"></main></html>')
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
        impacts = {v["id"]: v["impact"] for v in result["violations"]}
        assert impacts.get("label") == "critical"
    finally:
        context.close()
