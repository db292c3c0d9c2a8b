"""The JSON API: its OpenAPI schema, and each endpoint over the same services as the pages."""

from __future__ import annotations

from tests.web.conftest import Browser, count_rows

HEARD = "She really listened and I felt heard and understood."


def test_the_openapi_schema_lists_the_api_with_its_models(browser: Browser) -> None:
    schema = browser.get("/api/v1/openapi.json").json()
    paths = schema["paths"]
    for path in (
        "/api/v1/entries",
        "/api/v1/entries/{entry_id}",
        "/api/v1/search",
        "/api/v1/sessions",
        "/api/v1/measures/{instrument_id}",
        "/api/v1/measures",
        "/api/v1/alerts",
        "/api/v1/checkins",
        "/api/v1/insights/trends",
        "/api/v1/insights/sessions",
        "/api/v1/analyze",
    ):
        assert path in paths, path
    assert not any(not p.startswith("/api/v1/") for p in paths), "pages stay out of the schema"
    models = schema["components"]["schemas"]
    assert {"EntryIn", "EntryWithReading", "MeasureIn", "MeasureResult", "Reading"} <= set(models)
    assert browser.get("/docs").status_code == 404  # the interactive docs would need a CDN


def test_entries_create_get_list_and_search(browser: Browser) -> None:
    created = browser.api("POST", "/api/v1/entries", json={"text": HEARD, "tags": ["therapy"]})
    assert created.status_code == 201
    entry = created.json()
    assert entry["tags"] == ["#therapy"]
    assert [t["theme"] for t in entry["reading"]["themes"]] == ["heard"]
    assert entry["crisis_resources"] is None
    fetched = browser.get(f"/api/v1/entries/{entry['id']}").json()
    assert fetched["body"] == HEARD and fetched["reading"] == entry["reading"]
    page = browser.get("/api/v1/entries", params={"theme": "heard"}).json()
    assert [e["id"] for e in page["entries"]] == [entry["id"]] and page["next"] is None
    hits = browser.get("/api/v1/search", params={"q": "listened"}).json()
    assert hits[0]["id"] == entry["id"]
    assert {"text": "listened", "match": True} in hits[0]["snippet"]


def test_a_refused_entry_is_a_one_line_error_and_nothing_is_stored(browser: Browser) -> None:
    refused = browser.api("POST", "/api/v1/entries", json={"text": "   "})
    assert refused.status_code == 400 and isinstance(refused.json()["detail"], str)
    invalid = browser.api("POST", "/api/v1/entries", json={"text": "x", "mood": 9})
    assert invalid.status_code == 422
    assert "input" not in invalid.json()["detail"][0]  # the typed text is not echoed back
    assert count_rows(browser, "entries") == 0
    missing = browser.get("/api/v1/entries/abcdef12")
    assert missing.status_code == 404


def test_a_crisis_entry_comes_back_with_the_resources(browser: Browser) -> None:
    entry = browser.api("POST", "/api/v1/entries", json={"text": "I have the pills saved up."})
    resources = entry.json()["crisis_resources"]
    assert resources is not None and "never contacts anyone" in resources["text"]
    assert any("988" in r["contact"] for r in resources["resources"])


def test_sessions_measures_alerts(browser: Browser) -> None:
    first = browser.api("POST", "/api/v1/sessions", json={"at": "2026-01-05 10:00"}).json()
    browser.api("POST", "/api/v1/sessions", json={"at": "2026-01-12 10:00"})
    assert [s["number"] for s in browser.get("/api/v1/sessions").json()] == [1, 2]
    browser.api("POST", "/api/v1/entries", json={"text": HEARD, "session": "1"})
    detail = browser.get("/api/v1/sessions/1").json()
    assert detail["id"] == first["id"] and len(detail["reflections"]) == 1

    taken = browser.api(
        "POST", "/api/v1/measures/sf4", json={"answers": [9, 9, 9, 9], "session": "1"}
    )
    assert taken.status_code == 201 and taken.json()["response"]["total"] == 36
    dropped = browser.api(
        "POST", "/api/v1/measures/sf4", json={"answers": [5, 6, 6, 5], "session": "2"}
    )
    assert "session_feedback" in [a["kind"] for a in dropped.json()["alerts"]]
    assert "session_feedback" in [a["kind"] for a in browser.get("/api/v1/alerts").json()]

    phq = browser.api("POST", "/api/v1/measures/phq9", json={"answers": [1] * 9})
    assert phq.json()["crisis_resources"]["heading"] == "Thank you for answering honestly"
    refused = browser.api("POST", "/api/v1/measures/phq9", json={"answers": [1] * 8})
    assert refused.status_code == 400
    history = browser.get("/api/v1/measures", params={"instrument": "phq9"}).json()
    assert len(history[0]["responses"]) == 1
    assert {i["instrument"] for i in browser.get("/api/v1/instruments").json()} >= {"phq9", "sf4"}


def test_checkins_trends_contrast_and_analyze(browser: Browser) -> None:
    saved = browser.api("POST", "/api/v1/checkins", json={"emotion": "calm", "note": "tea"})
    assert saved.status_code == 201 and saved.json()["quadrant"] == "low_pleasant"
    assert browser.get("/api/v1/checkins").json()[0]["emotion"] == "calm"
    browser.api("POST", "/api/v1/entries", json={"text": HEARD})
    weeks = browser.get("/api/v1/insights/trends").json()
    assert weeks[-1]["entries"] == 1 and weeks[-1]["themes"] == {"heard": 1}
    assert weeks[-1]["checkins"] == {"low_pleasant": 1}
    contrast = browser.get("/api/v1/insights/sessions").json()
    assert contrast["sessions_rated"] == 0 and contrast["enough"] is False
    before = count_rows(browser, "entries")
    read = browser.api("POST", "/api/v1/analyze", json={"text": HEARD}).json()
    assert [t["theme"] for t in read["themes"]] == ["heard"]
    assert count_rows(browser, "entries") == before  # analysing stores nothing


def test_the_session_endpoint_gives_this_browser_its_token(browser: Browser) -> None:
    state = browser.get("/api/v1/session").json()
    assert state == {"unlocked": True, "csrf_token": browser.csrf()}


def test_pages_follow_each_other_through_entries_written_at_the_same_moment(
    browser: Browser,
) -> None:
    """45 entries at one time and 3 later: every one exactly once over three pages."""
    for n in range(45):
        browser.api("POST", "/api/v1/entries", json={"text": f"same {n}", "at": "2026-01-05 10:00"})
    for n in range(3):
        browser.api(
            "POST", "/api/v1/entries", json={"text": f"later {n}", "at": "2026-01-06 10:00"}
        )
    seen: list[str] = []
    params: dict[str, object] = {}
    for _ in range(5):
        page = browser.get("/api/v1/entries", params=params).json()
        seen += [e["body"] for e in page["entries"]]
        if page["next"] is None:
            break
        params = page["next"]
    assert len(seen) == 48 and len(set(seen)) == 48
    assert set(seen[:3]) == {"later 0", "later 1", "later 2"}  # newest first
    bad = browser.get("/api/v1/entries", params={"before": "not a time"})
    assert bad.status_code == 400
