"""The main flows with the keyboard alone: Tab, Enter and Space (and typing text)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.browser.conftest import PASSPHRASE, Server, Visit, tab_to


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    with Server(tmp_path / "vault") as running:
        yield running


def test_first_run_write_check_in_and_questionnaire_by_keyboard(
    server: Server, open_page: Callable[[Server], Visit]
) -> None:
    visit = open_page(server)
    page = visit.page
    keys = page.keyboard
    visit.go("/")

    # The skip link is the first stop, and it moves to the content.
    keys.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"

    tab_to(page, "#passphrase")
    keys.type(PASSPHRASE)
    tab_to(page, "#confirm")
    keys.type(PASSPHRASE)
    tab_to(page, "button[type=submit]")
    keys.press("Enter")
    page.wait_for_url("**/welcome")
    tab_to(page, "#written")
    keys.press("Space")
    tab_to(page, "form button[type=submit]")
    keys.press("Enter")
    page.wait_for_url(visit.base + "/")

    # Quick write.
    tab_to(page, "#quick-text")
    keys.type("She really listened and I felt heard and understood.")
    tab_to(page, "form[action='/write'] button[type=submit]")
    keys.press("Enter")
    page.wait_for_url("**/journal/*")
    assert page.locator("mark.theme-heard").count() == 1

    # Mood check-in: Space picks the quadrant, then the first word of it.
    tab_to(page, "a[href='/']")
    keys.press("Enter")
    page.wait_for_url(visit.base + "/")
    tab_to(page, "input[name=quadrant]")
    keys.press("Space")
    chosen = page.evaluate("document.activeElement.value")
    tab_to(page, "input[name=emotion]")
    keys.press("Space")
    feeling = page.evaluate("document.activeElement.value")
    tab_to(page, "form[action='/checkins'] button[type=submit]")
    keys.press("Enter")
    page.wait_for_url("**/#checkin-heading")
    assert page.is_visible(f"text=Check-in saved: {feeling}.")
    assert chosen == "high_unpleasant"

    # A questionnaire: Tab into each item's radio group, Space answers it.
    tab_to(page, "nav a[href='/measures']")
    keys.press("Enter")
    page.wait_for_url("**/measures")
    tab_to(page, "a[href='/measures/phq9/take']")
    keys.press("Enter")
    page.wait_for_url("**/phq9/take")
    for item in range(9):
        tab_to(page, f"fieldset.item:nth-of-type({item + 1}) input[type=radio]")
        keys.press("Space")
    tab_to(page, "form.questionnaire button[type=submit]")
    keys.press("Enter")
    page.wait_for_url("**/measures/phq9?taken=*")
    assert page.is_visible("text=Saved: 0")

    # Focus is always visible: the focused element draws an outline.
    tab_to(page, "a.help-now")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"
    keys.press("Enter")
    page.wait_for_url("**/help")
    visit.check("help-by-keyboard")
