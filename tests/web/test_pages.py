"""Every page, with data, through the same flows a person uses."""

from __future__ import annotations

import re

import pytest

from tests.web.conftest import Browser, count_rows

HEARD = "She really listened and I felt heard and understood."
RUPTURE = "I felt judged and she brushed me off. I almost cancelled."
URGENT = "I have the pills saved up."
CONCERN = "Sometimes I wish I could just disappear."


def write(browser: Browser, text: str, **fields: str) -> str:
    page = browser.post("/write", {"text": text, **fields})
    assert page.status_code == 200, page.text
    assert page.url.path.startswith("/journal/")
    return page.url.path.rsplit("/", 1)[1]


def add_session(browser: Browser, when: str) -> int:
    page = browser.post("/sessions", {"at": when, "kind": "individual"})
    assert page.status_code == 200, page.text
    return int(page.url.path.rsplit("/", 1)[1])


def sf4(browser: Browser, number: int, value: int) -> object:
    fields = {item: str(value) for item in ("connection", "focus", "approach", "overall")}
    return browser.post(f"/sessions/{number}/feedback", fields)


def phq9(browser: Browser, answers: list[int]) -> object:
    ids = ("interest", "down", "sleep", "tired", "appetite", "self_worth", "concentration",
           "psychomotor", "self_harm")  # fmt: skip
    fields = {f"item-{i}": str(a) for i, a in zip(ids, answers, strict=True)}
    return browser.post("/measures/phq9/take", fields)


@pytest.fixture
def lived_in(browser: Browser) -> Browser:
    """A vault with entries, sessions with feedback and reflections, measures, check-ins."""
    for week, value in enumerate((9, 8, 7, 9)):  # totals 36, 32, 28, 36, then 16
        number = add_session(browser, f"2026-01-{5 + 7 * week:02d}T10:00")
        sf4(browser, number, value)
        browser.post(f"/sessions/{number}/reflection", {"text": HEARD})
    low = add_session(browser, "2026-02-02T10:00")
    sf4(browser, low, 4)
    browser.post(f"/sessions/{low}/reflection", {"text": RUPTURE})
    write(browser, "Quiet day #sleep")
    phq9(browser, [2, 2, 2, 2, 1, 1, 1, 0, 0])
    browser.post("/checkins", {"quadrant": "low_pleasant", "emotion": "calm", "note": "walk"})
    return browser


def test_every_page_shows_its_data(lived_in: Browser) -> None:
    today = lived_in.get("/").text
    assert "Quiet day" in today and "calm" in today and "A relationship check-in" in today
    journal = lived_in.get("/journal").text
    assert "Quiet day" in journal and "#sleep" in journal and ">heard<" in journal
    sessions = lived_in.get("/sessions").text
    assert "Session 5" in sessions and "16 of 40" in sessions and "<svg" in sessions
    measures = lived_in.get("/measures").text
    assert "PHQ-9" in measures and "Latest: <strong>11</strong>" in measures
    insights = lived_in.get("/insights").text
    assert "Themes per week" in insights and "goes with" in insights
    for path in ("/measures/phq9", "/measures/phq9/take", "/sessions/1", "/help"):
        assert lived_in.get(path).status_code == 200


def test_an_entry_highlights_the_sentences_that_carry_its_themes(browser: Browser) -> None:
    entry_id = write(browser, f"Long day at work. {HEARD} Then I went home.")
    page = browser.get(f"/journal/{entry_id}").text
    marked = re.search(r'<mark class="theme-mark theme-heard">([^<]*)</mark>', page)
    assert marked and marked.group(1) == HEARD
    label = page[marked.end() :].split("</span>")[0]
    assert "[heard" in label
    assert "Long day at work." not in (marked.group(1))
    assert "Being listened to" in page  # the legend names the theme in words


def test_a_crisis_text_shows_the_resources_and_the_entry(browser: Browser) -> None:
    for text in (URGENT, CONCERN):
        entry_id = write(browser, text)
        page = browser.get(f"/journal/{entry_id}").text
        assert "988" in page and "116 123" in page and "findahelpline.com" in page
        assert text in page  # never hidden
        assert "never contacts anyone" in page
        assert "urgent" not in page.lower()
    calm = write(browser, "A calm walk by the river.")
    assert "988" not in browser.get(f"/journal/{calm}").text


def test_phq9_item_nine_above_zero_shows_the_resources(browser: Browser) -> None:
    page = phq9(browser, [1, 1, 1, 1, 1, 1, 1, 1, 1])
    assert page.status_code == 200 and "/measures/phq9" in str(page.url)
    assert "Thank you for answering honestly" in page.text and "988" in page.text
    today = browser.get("/").text
    assert "About your answer on thoughts of death or self-harm" in today and "988" in today


def test_a_refused_questionnaire_stores_nothing_and_keeps_the_answers(browser: Browser) -> None:
    page = browser.post("/measures/phq9/take", {"item-interest": "2", "item-down": "7"})
    assert page.status_code == 400
    assert count_rows(browser, "measure_responses") == 0
    assert re.search(r'value="2" checked', page.text)


def test_a_session_feedback_drop_raises_an_alert_on_the_session_page(browser: Browser) -> None:
    first = add_session(browser, "2026-01-05T10:00")
    sf4(browser, first, 9)
    second = add_session(browser, "2026-01-12T10:00")
    assert "A relationship check-in" not in browser.get(f"/sessions/{first}").text
    page = sf4(browser, second, 6)
    assert "A relationship check-in" in page.text  # 36 -> 24, items below 7
    assert "What this is based on" in page.text


def test_the_journal_filters_pages_and_searches(browser: Browser) -> None:
    for n in range(23):
        browser.api("POST", "/api/v1/entries", json={"text": f"note number {n} #daily"})
    browser.api("POST", "/api/v1/entries", json={"text": HEARD, "starred": True})
    first = browser.get("/journal").text
    assert first.count('class="entry-item"') == 20 and "Older entries" in first
    older = re.search(r'href="(/journal\?[^"]+)" rel="next"', first)
    assert older is not None
    second = browser.get(older.group(1).replace("&amp;", "&")).text
    assert second.count('class="entry-item"') == 4 and "Back to the newest" in second
    assert "Older entries" not in second
    shown = re.findall(r'href="/journal/([0-9a-f-]{36})"', first + second)
    assert len(set(shown)) == 24  # every entry once, none twice
    starred = browser.get("/journal", params={"starred": "yes"}).text
    assert starred.count('class="entry-item"') == 1 and "felt heard" in starred
    themed = browser.get("/journal", params={"theme": "heard"}).text
    assert themed.count('class="entry-item"') == 1
    tagged = browser.get("/journal", params={"tag": "daily"}).text
    assert tagged.count('class="entry-item"') == 20
    found = browser.get("/journal", params={"q": "listened"}).text
    assert "1 result" in found and "<mark>listened</mark>" in found
    bad = browser.get("/journal", params={"from": "the day after never"})
    assert bad.status_code == 400 and "Cannot read" in bad.text


def test_a_mood_checkin_is_a_quadrant_then_a_word(browser: Browser) -> None:
    saved = browser.post("/checkins", {"quadrant": "high_unpleasant", "emotion": "anxious"})
    assert "Check-in saved: anxious." in saved.text
    inferred = browser.post("/checkins", {"emotion": "proud"})
    assert "Check-in saved: proud." in inferred.text
    wrong = browser.post("/checkins", {"quadrant": "low_pleasant", "emotion": "anxious"})
    assert wrong.status_code == 400 and "not one of the feelings" in wrong.text
    assert count_rows(browser, "mood_checkins") == 2


def test_a_refused_quick_write_keeps_the_text(browser: Browser) -> None:
    page = browser.post("/write", {"text": "tomorrow 9pm: a plan for later"})
    assert page.status_code == 400 and "future" in page.text
    assert "a plan for later</textarea>" in page.text
    assert count_rows(browser, "entries") == 0


def test_what_goes_with_better_sessions_shows_its_numbers(lived_in: Browser) -> None:
    """Median 32: sessions at 36 and 36 above it, 28 and 16 below, 32 itself left out."""
    page = lived_in.get("/insights").text
    assert "5 sessions have Session Feedback; the middle (median) total is 32 of 40." in page
    assert "1 exactly at it, left out" in page

    def cells(name: str) -> list[str]:
        row = re.search(
            rf"{name} <span class=\"muted\">\(theme\)</span></th>(.*?)</tr>", page, re.S
        )
        assert row is not None, name
        return re.findall(r"<td>(.*?)</td>", row.group(1))

    assert cells("rupture") == ["0 of 2", "1 of 2", "goes with lower-rated sessions"]
    assert cells("heard") == ["2 of 2", "1 of 2", "goes with better-rated sessions"]
    assert "does not say that one causes the other" in page


def test_a_session_that_did_not_take_place_takes_no_feedback(browser: Browser) -> None:
    page = browser.post("/sessions", {"at": "2026-01-05T10:00", "status": "cancelled"})
    assert "there is no Session Feedback for it" in page.text
    assert 'type="range"' not in page.text
    refused = sf4(browser, 1, 9)
    assert refused.status_code == 400  # a hand-made post is refused the same way
    ahead = browser.post("/sessions", {"at": "2030-01-05T10:00"})
    assert "opens once the session has begun" in ahead.text
    assert count_rows(browser, "measure_responses") == 0
