"""`alliance goals ...` and `alliance ending ...` in-process on real vaults."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from alliance.cli.main import app
from alliance.domain.change import gas_t_score
from tests.conftest import PASSPHRASE

Run = Callable[..., Result]
LEVELS = (
    "--much-less", "awake every night",
    "--less", "awake most nights",
    "--expected", "asleep by midnight most nights",
    "--more", "asleep by 11 most nights",
    "--much-more", "asleep by 11 every night",
)  # fmt: skip


@pytest.fixture
def run(home: Path, monkeypatch: pytest.MonkeyPatch) -> Run:
    monkeypatch.setenv("ALLIANCE_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("TZ", "Europe/Berlin")
    runner = CliRunner()

    def invoke(*args: str, stdin: str | None = None) -> Result:
        return runner.invoke(app, list(args), input=stdin)

    assert invoke("init").exit_code == 0
    return invoke


def ok(result: Result) -> Result:
    assert result.exit_code == 0, (result.output, result.exception)
    return result


def ok_json(run: Run, *args: str) -> Any:
    return json.loads(ok(run(*args, "--json")).stdout)


def refused(result: Result, message: str) -> None:
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith("alliance: ") and message in result.stderr, result.stderr


def add_goal(run: Run, title: str = "Sleep", *extra: str) -> str:
    out = ok(run("goals", "add", title, *LEVELS, *extra)).stdout
    return out.split()[2].rstrip(":")


def test_add_list_show_with_json(run: Run) -> None:
    goal_id = add_goal(run, "Sleep", "--importance", "3", "--difficulty", "1")
    listed = ok_json(run, "goals", "list")
    [goal] = listed["goals"]
    assert goal["id"].startswith(goal_id) and goal["weight"] == 3
    assert goal["levels"]["0"] == "asleep by midnight most nights"
    assert goal["latest"] is None and listed["t_score"] is None
    shown = ok_json(run, "goals", "show", goal_id)
    assert shown["title"] == "Sleep" and shown["ratings"] == []
    text = ok(run("goals", "show", goal_id)).stdout
    assert "+2  asleep by 11 every night" in text


def test_a_missing_level_is_refused_without_a_terminal(run: Run) -> None:
    refused(run("goals", "add", "Sleep", *LEVELS[:-2]), "--much-more is missing")
    assert ok_json(run, "goals", "list")["goals"] == []


def test_rate_with_negative_levels_and_see_progress(run: Run) -> None:
    sleep = add_goal(run, "Sleep")
    work = add_goal(run, "Work")
    out = ok(run("goals", "rate", sleep, "-1", "--note", "baseline", "--at", "2025-01-06")).stdout
    assert "Rated -1 (less than expected)" in out
    ok(run("goals", "rate", work, "much-less", "--at", "2025-01-06"))
    ok(run("goals", "rate", sleep, "+1", "--at", "2025-02-03", "--private", "--note", "mine"))
    progress = ok_json(run, "goals", "progress")
    assert [p["n"] for p in progress["points"]] == [2, 2]
    assert [sorted(p["levels"].values()) for p in progress["points"]] == [[-2, -1], [-2, 1]]
    first, second = (p["t_score"] for p in progress["points"])
    assert first == pytest.approx(gas_t_score([-1, -2], [4, 4]), abs=1e-4)
    assert second == pytest.approx(gas_t_score([1, -2], [4, 4]), abs=1e-4)
    listed = ok_json(run, "goals", "list")
    latest = {g["title"]: g["latest"] for g in listed["goals"]}
    assert latest["Sleep"]["level"] == 1 and latest["Sleep"]["private"] is True
    assert listed["t_score"]["t_score"] == pytest.approx(second, abs=0.05)
    refused(run("goals", "rate", sleep, "5"), "A goal level is one of")


def test_link_to_an_entry_and_a_session(run: Run) -> None:
    goal = add_goal(run)
    entry = ok(run("write", "Slept till six.")).stdout.split()[1]
    ok(run("session", "add", "--at", "2025-01-07 17:00"))
    out = ok(run("goals", "link", goal, "--entry", entry, "--session", "1")).stdout
    assert f"entry {entry[:8]}" in out and "session 1" in out
    shown = ok_json(run, "goals", "show", goal)
    assert [e["id"][:8] for e in shown["entries"]] == [entry[:8]]
    assert [s["number"] for s in shown["sessions"]] == [1]
    refused(run("goals", "link", goal), "Give an entry")
    refused(run("goals", "show", "ffffffff"), "No goal")


def test_ending_plan_round_trip_and_clear(run: Run) -> None:
    plan = ok_json(
        run,
        "ending", "plan",
        "--taper-start", "2025-03-04", "--taper", "fortnightly:2,monthly:1",
        "--warning-sign", "Waking at 3 a.m.", "--warning-sign", "Skipping lunch",
        "--coping", "A run", "--person", "Sam", "--if-worse", "Call my GP",
        "--come-back", "Email the practice", "--booster", "2025-09-02",
    )  # fmt: skip
    assert [s["day"] for s in plan["proposed_sessions"]] == [
        "2025-03-04",
        "2025-03-18",
        "2025-04-15",
    ]
    assert plan["final_session"] == "2025-04-15" and plan["gaps"] == []
    assert plan["relapse_plan"]["warning_signs"] == ["Waking at 3 a.m.", "Skipping lunch"]
    again = ok_json(run, "ending", "plan", "--last-session", "2025-04-22", "--clear", "coping")
    assert again["final_session"] == "2025-04-22"
    assert again["relapse_plan"]["coping"] == [] and "coping that worked for me" in again["gaps"]
    assert again["boosters"] == ["2025-09-02"]
    refused(run("ending", "plan", "--clear", "everything"), "--clear everything")
    refused(run("ending", "plan", "--taper", "daily:3", "--taper-start", "2025-03-04"), "cadence")


def test_ending_show_says_who_decides(run: Run) -> None:
    text = ok(run("ending")).stdout
    assert "the client and therapist decide together" in text
    assert "ER-8: not taken yet" in text
    data = ok_json(run, "ending", "show")
    assert {i["id"] for i in data["readiness"]["indicators"]} == {
        "below_cutoff",
        "no_deterioration",
        "goals_met",
        "feedback_stable",
        "no_crisis_language",
    }
    assert data["plan"]["final_session"] is None


def test_ending_feel_reflect_and_followups(run: Run) -> None:
    ok(run("ending", "feel", "4", "--note", "mixed"))
    refused(run("ending", "feel", "11"), "0 to 10")
    weeks = ok_json(run, "ending", "feelings")["weeks"]
    assert [w["ratings"] for w in weeks] == [[4]]
    prompts = ok(run("ending", "reflect")).stdout
    assert "future-letter" in prompts
    saved = ok(run("ending", "reflect", "changed", "--text", "I sleep now.")).stdout
    assert "What changed (#ending)" in saved
    piped = ok(run("ending", "reflect", "take-with-me", "--text", "-", stdin="The runs.\n")).stdout
    assert "What I take with me" in piped
    tagged = json.loads(ok(run("list", "--tag", "ending", "--json")).stdout)
    assert sorted(e["title"] for e in tagged) == ["What I take with me", "What changed"]
    assert "No last session yet" in ok(run("ending", "followups")).stdout
    ok(run("ending", "plan", "--last-session", "2025-01-31"))
    follow = ok_json(run, "ending", "followups")
    assert [c["day"] for c in follow["check_ins"]] == [
        "2025-02-28",
        "2025-02-28",
        "2025-04-30",
        "2025-04-30",
    ]
    assert ok_json(run, "ending", "suggestions") == {"suggestions": []}
