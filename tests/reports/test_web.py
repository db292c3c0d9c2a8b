"""The goals, ending and reports pages and their API, through the web app's own flows."""

from __future__ import annotations

import re

import pytest

from tests.web import conftest as web
from tests.web.conftest import Browser

# The web app's own fixtures: an app on a temporary vault, and a browser on it.
make_app = web.make_app
fresh = web.fresh


@pytest.fixture
def site(fresh: Browser) -> Browser:
    """A browser that created the vault through the app's pages and confirmed its key."""
    return web.create_vault(fresh)


CANARY = "CANARY-web-5b1d-not-selected"
LEVELS = {
    "much_less": "awake every night",
    "less": "awake most nights",
    "expected": "asleep by midnight most nights",
    "more": "asleep by 11 most nights",
    "much_more": "asleep by 11 every night",
}


def write(browser: Browser, text: str) -> str:
    page = browser.post("/write", {"text": text})
    assert page.status_code == 200 and page.url.path.startswith("/journal/"), page.text
    return str(page.url.path.rsplit("/", 1)[1])


def test_the_new_pages_are_in_the_navigation(site: Browser) -> None:
    nav = site.get("/").text
    for label, path in (("Goals", "/goals"), ("Ending", "/ending"), ("Reports", "/reports")):
        assert f'<a href="{path}">{label}</a>' in nav


def test_add_rate_and_link_a_goal(site: Browser) -> None:
    refused = site.post("/goals", {"title": "Sleep", **LEVELS, "more": ""})
    assert refused.status_code == 400 and "level +1" in refused.text
    page = site.post("/goals", {"title": "Sleep", **LEVELS, "importance": "3"})
    assert page.status_code == 200 and page.url.path.startswith("/goals/")
    goal_id = page.url.path.rsplit("/", 1)[1]
    assert "asleep by 11 every night" in page.text
    rated = site.post(f"/goals/{goal_id}/rate", {"level": "-1", "note": "mine", "private": "y"})
    assert rated.status_code == 200 and "left out of the therapist" in rated.text
    entry = write(site, "Slept badly again.")
    linked = site.post(f"/goals/{goal_id}/link", {"entry": entry})
    assert f'href="/journal/{entry}"' in linked.text
    listing = site.get("/goals").text
    assert "Goal Attainment Scaling T-score over time" in listing
    assert "(n = 1 goals rated)" in listing
    api = site.api("GET", "/api/v1/goals").json()
    assert api["goals"][0]["latest"]["level"] == -1 and api["t_score"]["n"] == 1
    created = site.api(
        "POST", "/api/v1/goals", json={"title": "Work", "levels": list(LEVELS.values())}
    )
    assert created.status_code == 201
    rating = site.api("POST", f"/api/v1/goals/{created.json()['id']}/ratings", json={"level": 2})
    assert rating.status_code == 201
    progress = site.api("GET", "/api/v1/goals/progress").json()
    assert progress["points"][-1]["n"] == 2


def test_the_ending_workspace(site: Browser) -> None:
    page = site.get("/ending")
    assert page.status_code == 200
    assert "the client and therapist decide together" in page.text
    assert "Not enough data yet" in page.text
    saved = site.post(
        "/ending/plan",
        {
            "last_session": "2027-01-26",
            "taper_start": "2026-12-01",
            "taper": "fortnightly:2",
            "followup_months": "1, 3",
            "warning_signs": "Waking at 3 a.m.\nSkipping lunch",
            "coping": "A run",
            "people": "Sam",
            "if_worse": "Call the practice",
            "come_back": "Email the practice",
        },
    )
    assert saved.status_code == 200 and "2026-12-15 (fortnightly)" in saved.text
    plan = site.api("GET", "/api/v1/ending").json()["plan"]
    assert plan["relapse_plan"]["warning_signs"] == ["Waking at 3 a.m.", "Skipping lunch"]
    assert plan["gaps"] == [] and plan["final_session"] == "2027-01-26"
    bad = site.post("/ending/plan", {"taper": "daily:2", "taper_start": "2026-12-01"})
    assert bad.status_code == 400 and "cadence" in bad.text
    assert site.post("/ending/feeling", {"value": "6"}).status_code == 200
    assert site.post("/ending/feeling", {"value": "12"}).status_code == 400
    reflection = site.post("/ending/reflection", {"prompt": "changed", "text": "I sleep now."})
    assert reflection.url.path.startswith("/journal/") and "#ending" in reflection.text
    site.post("/ending/coping", {"text": "Telling Sam early"})
    coping = site.api("GET", "/api/v1/ending").json()["plan"]["relapse_plan"]["coping"]
    assert coping == ["A run", "Telling Sam early"]
    changed = site.api("PUT", "/api/v1/ending/plan", json={"people": ["Sam", "Ines"]})
    assert changed.json()["relapse_plan"]["people"] == ["Sam", "Ines"]
    follow = site.api("GET", "/api/v1/ending/followups").json()
    assert [c["day"] for c in follow["check_ins"]][::2] == ["2027-02-26", "2027-04-26"]


def test_reports_hold_only_the_ticked_entries(site: Browser) -> None:
    chosen = write(site, "Bring this: the Sunday visits.")
    write(site, f"Private: {CANARY}")
    form = site.get("/reports").text
    assert f'value="{chosen}"' in form
    query = {"include": chosen, "audience": "therapist", "paper": "letter"}
    page = site.get("/reports/view", params=query)
    assert page.status_code == 200
    assert "Bring this: the Sunday visits." in page.text and CANARY not in page.text
    assert "<style" not in page.text
    assert 'href="/reports/report.css?paper=letter&amp;audience=therapist"' in page.text
    csp = page.headers.get("content-security-policy", "")
    assert "unsafe-inline" not in csp
    css = site.get("/reports/report.css", params={"paper": "letter"})
    assert css.headers["content-type"].startswith("text/css") and "size: letter" in css.text
    pdf = site.get("/reports/pdf", params=query)
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF-")
    assert re.search(r'attachment; filename="alliance-report-[\d-]+\.pdf"',
                     pdf.headers["content-disposition"])  # fmt: skip
    api = site.api("GET", "/api/v1/report", params={"include": chosen})
    assert api.status_code == 200 and CANARY not in api.text and "Sunday visits" in api.text
    unknown = site.get("/reports/view", params={"include": "abcdef01"})
    assert unknown.status_code == 404


def test_the_api_is_in_the_openapi_schema_and_the_pages_are_not(site: Browser) -> None:
    paths = set(site.get("/api/v1/openapi.json").json()["paths"])
    for path in (
        "/api/v1/goals",
        "/api/v1/goals/{goal_id}/ratings",
        "/api/v1/ending",
        "/api/v1/ending/plan",
        "/api/v1/ending/followups",
        "/api/v1/report",
    ):
        assert path in paths, path
    assert not {"/goals", "/ending", "/reports", "/reports/view"} & paths
