from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from alliance.cli.main import app
from tests.conftest import PASSPHRASE

SESSION_FIELDS = {
    "id", "number", "starts_at", "tz", "kind", "status", "notes", "created", "updated",
}  # fmt: skip

Run = Callable[..., Result]


@pytest.fixture
def run(home: Path, monkeypatch: pytest.MonkeyPatch) -> Run:
    monkeypatch.setenv("ALLIANCE_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("TZ", "Europe/Berlin")
    runner = CliRunner()

    def invoke(*args: str) -> Result:
        return runner.invoke(app, list(args))

    assert invoke("init").exit_code == 0
    return invoke


def ok(result: Result) -> Result:
    assert result.exit_code == 0, (result.output, result.exception)
    return result


def refused(result: Result, message: str) -> None:
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith("alliance: "), result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    assert message in result.stderr


def session_list(run: Run) -> list[dict[str, Any]]:
    data = json.loads(ok(run("session", "list", "--json")).stdout)
    assert isinstance(data, list)
    return data


def test_add_list_and_show(run: Run) -> None:
    out = ok(
        run("session", "add", "--at", "2026-11-20 17:00", "--notes", "Talked about work")
    ).stdout
    assert out.startswith("Added session 1 (2026-11-20 17:00, attended)")
    ok(run("session", "add", "--at", "2026-11-13 17:00", "--kind", "couple", "--status", "missed"))
    sessions = session_list(run)
    assert [(s["number"], s["kind"], s["status"]) for s in sessions] == [
        (2, "couple", "missed"),
        (1, "individual", "attended"),
    ]
    assert set(sessions[0]) == SESSION_FIELDS
    assert sessions[1]["starts_at"] == "2026-11-20T16:00:00Z"
    assert sessions[1]["tz"] == "Europe/Berlin"

    ok(run("write", "2026-11-20 19:00: after the session #relief", "--session", "1"))
    shown = json.loads(ok(run("session", "show", "1", "--json")).stdout)
    assert set(shown) == SESSION_FIELDS | {"entries"}
    assert shown["notes"] == "Talked about work"
    assert [entry["body"] for entry in shown["entries"]] == ["after the session #relief"]
    by_id = json.loads(ok(run("session", "show", shown["id"][:6], "--json")).stdout)
    assert by_id == shown
    text = ok(run("session", "show", "last")).stdout
    assert "Session 1" in text and "after the session" in text and "Talked about work" in text
    table = ok(run("session", "list")).stdout
    assert "couple" in table and "missed" in table


def test_entries_can_be_listed_by_session(run: Run) -> None:
    ok(run("session", "add", "--at", "2026-11-20 17:00"))
    ok(run("write", "2026-11-20 19:00: linked", "--session", "last"))
    ok(run("write", "2026-11-20 20:00: not linked"))
    listed = json.loads(ok(run("list", "--session", "1", "--json")).stdout)
    assert [entry["body"] for entry in listed] == ["linked"]
    entry_id = listed[0]["id"]
    ok(run("edit", entry_id[:6], "--session", "none"))
    assert json.loads(ok(run("list", "--session", "1", "--json")).stdout) == []


def test_edit_a_session(run: Run) -> None:
    ok(run("session", "add", "--at", "2026-11-20 17:00"))
    ok(run("session", "edit", "1", "--status", "cancelled", "--notes", "ill"))
    [session] = session_list(run)
    assert (session["number"], session["status"], session["notes"]) == (1, "cancelled", "ill")
    refused(run("session", "edit", "1"), "Nothing to change")
    refused(run("session", "show", "last"), "no past session")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["session", "add", "--at", "the other day"], "Cannot read"),
        (["session", "add", "--kind", "solo"], "Unknown session kind"),
        (["session", "add", "--status", "late"], "Unknown session status"),
        (["session", "add", "--at", "2030-01-01 10:00", "--status", "attended"], "future"),
        (["session", "add", "--number", "1"], "already a session number 1"),
        (["session", "show", "2"], "No session number 2"),
        (["session", "show", "ab"], "not a session"),
        (["session", "show", "ffff"], "No session"),
    ],
)
def test_bad_session_input_exits_1_and_writes_nothing(
    run: Run, args: list[str], message: str
) -> None:
    ok(run("session", "add", "--at", "2026-11-20 17:00"))
    refused(run(*args), message)
    assert len(session_list(run)) == 1
