from __future__ import annotations

import json
import shlex
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from alliance.cli.main import app
from tests.conftest import PASSPHRASE

ENTRY_FIELDS = {
    "id", "created", "tz", "updated", "title", "body", "tags", "starred", "mood", "kind",
    "session_id", "trashed", "deleted_at",
}  # fmt: skip

Run = Callable[..., Result]


@pytest.fixture
def run(home: Path, monkeypatch: pytest.MonkeyPatch) -> Run:
    monkeypatch.setenv("ALLIANCE_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("TZ", "Europe/Berlin")
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    runner = CliRunner()

    def invoke(*args: str, input: bytes | str | None = None) -> Result:
        return runner.invoke(app, list(args), input=input)

    assert invoke("init").exit_code == 0
    return invoke


def ok(result: Result) -> Result:
    assert result.exit_code == 0, (result.output, result.exception)
    return result


def refused(result: Result, message: str) -> str:
    """A user error: exit 1, and a one-line message (main prints it as `alliance: ...`)."""
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith("alliance: "), result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    text = result.stderr.removeprefix("alliance: ").strip()
    assert message in text, text
    return text


def entries(run: Run, *args: str) -> list[dict[str, Any]]:
    data = json.loads(ok(run("list", "--json", *args)).stdout)
    assert isinstance(data, list)
    return data


def count(home: Path) -> int:
    from alliance.services.vault import unlock

    vault = unlock(home, passphrase=PASSPHRASE)
    try:
        return int(vault.raw().execute("SELECT count(*) FROM entries").fetchone()[0])
    finally:
        vault.close()


def editor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: str) -> Path:
    """Set $VISUAL to a small Python script; `code` sees the draft's path as `path`."""
    script = tmp_path / "editor.py"
    script.write_text(f"import sys\npath = sys.argv[1]\n{code}\n", encoding="utf-8")
    monkeypatch.setenv("VISUAL", f"{shlex.quote(sys.executable)} {shlex.quote(str(script))}")
    return script


def drafts(home: Path) -> list[Path]:
    folder = home / "drafts"
    return sorted(folder.iterdir()) if folder.exists() else []


def test_quick_capture_with_a_natural_date_and_tags(run: Run) -> None:
    out = ok(run("write", "yesterday 9pm: felt heard today #T", "--mood", "4", "--star")).stdout
    assert out.startswith("Saved ")
    [entry] = entries(run)
    assert set(entry) == ENTRY_FIELDS
    assert entry["created"].endswith("T20:00:00Z")  # 21:00 in Berlin
    assert entry["tz"] == "Europe/Berlin"
    assert entry["body"] == "felt heard today #T"
    assert entry["tags"] == ["#t"]
    assert (entry["mood"], entry["starred"], entry["kind"]) == (4, True, "reflection")


def test_words_without_quotes_and_explicit_options(run: Run) -> None:
    ok(run("write", "slept", "badly", "--tag", "sleep", "-t", "@anna", "--title", "Night"))
    [entry] = entries(run)
    assert (entry["title"], entry["body"]) == ("Night", "slept badly")
    assert entry["tags"] == ["#sleep", "@anna"]


def test_stdin_is_read_as_utf8(run: Run) -> None:
    ok(
        run(
            "write",
            "-",
            "--kind",
            "note",
            input="Grüße aus dem Park.\nZweite Zeile #walk\n".encode(),
        )
    )
    [entry] = entries(run)
    assert entry["body"] == "Grüße aus dem Park.\nZweite Zeile #walk"
    assert (entry["title"], entry["kind"], entry["tags"]) == (
        "Grüße aus dem Park",
        "note",
        ["#walk"],
    )


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (["write", ""], None, "empty"),
        (["write", "   "], None, "empty"),
        (["write", "-"], b"", "empty"),
        (["write", "-"], b"bad \xff byte", "not valid UTF-8"),
        (["write", "-"], b"x" * 1_000_001, "1,000,000"),
        (["write", "-"], "é".encode() * 500_001, "over 1,000,000 bytes"),
        (["write", "é" * 500_001], None, "1,000,002 bytes"),
        (["write", "x", "--mood", "6"], None, "Mood must be"),
        (["write", "x", "--mood", "0"], None, "Mood must be"),
        (["write", "x", "--mood", "five"], None, "Mood must be"),
        (["write", "x", "--at", "the other day"], None, "Cannot read"),
        (["write", "x", "--at", "tomorrow"], None, "future"),
        (["write", "x", "--kind", "diary"], None, "Unknown entry kind"),
        (["write", "x", "--session", "3"], None, "No session number 3"),
        (["write", "x", "--session", "last"], None, "no past session"),
        (["write", "x", "--session", "zz"], None, "not a session"),
        (["write", "x", "--tag", "two words"], None, "not a tag"),
    ],
)
def test_bad_input_exits_1_with_one_line_and_writes_nothing(
    run: Run, home: Path, args: list[str], stdin: bytes | None, message: str
) -> None:
    ok(run("write", "already here"))
    refused(run(*args, input=stdin), message)
    assert count(home) == 1


def test_unknown_ambiguous_and_short_ids(run: Run, home: Path) -> None:
    ok(run("write", "one"))
    entry_id = entries(run)[0]["id"]
    for command in ("show", "edit", "delete", "restore"):
        refused(run(command, "0000"), "No entry")
        refused(run(command, "abc"), "at least 4")
    refused(run("edit", entry_id[:4], "--mood", "9"), "Mood must be")
    assert json.loads(ok(run("show", entry_id[:4], "--json")).stdout)["id"] == entry_id
    assert count(home) == 1


def test_ambiguous_prefixes_are_refused(run: Run, home: Path) -> None:
    ok(run("write", "one"))
    ok(run("write", "two"))
    from alliance.services.vault import unlock

    vault = unlock(home, passphrase=PASSPHRASE)
    try:
        vault.raw().execute("UPDATE entries SET id = 'abcd' || substr(id, 5)")
    finally:
        vault.close()
    refused(run("show", "abcd"), "More than one entry")
    refused(run("delete", "ABCD"), "More than one entry")
    assert [entry["trashed"] for entry in entries(run)] == [False, False]


def test_writing_in_the_editor(run: Run, home: Path, tmp_path: Path, monkeypatch: Any) -> None:
    editor(tmp_path, monkeypatch, "open(path, 'a').write('# From the editor\\nIt went well #ok')")
    out = ok(run("write", "--mood", "4")).stdout
    assert "From the editor" in out
    [entry] = entries(run)
    assert (entry["title"], entry["body"], entry["mood"]) == (
        "From the editor",
        "It went well #ok",
        4,
    )
    assert drafts(home) == []


def test_a_kind_brings_its_prompts(run: Run, home: Path, tmp_path: Path, monkeypatch: Any) -> None:
    editor(tmp_path, monkeypatch, "open(path, 'a').write('Felt lighter.')")
    ok(run("write", "--kind", "after-session"))
    [entry] = entries(run)
    assert entry["body"].startswith("## What stayed with me")
    assert entry["body"].endswith("Felt lighter.")
    assert "<!--" not in entry["body"]
    assert (entry["title"], entry["kind"]) == ("What stayed with me", "after-session")
    assert drafts(home) == []


def test_the_vault_opens_before_the_editor(run: Run, tmp_path: Path, monkeypatch: Any) -> None:
    marker = tmp_path / "editor-ran"
    editor(tmp_path, monkeypatch, f"open({str(marker)!r}, 'w').write('yes')")
    monkeypatch.setenv("ALLIANCE_PASSPHRASE", "not the passphrase")
    refused(run("write"), "Wrong passphrase")
    assert not marker.exists()


def test_bad_options_are_refused_before_the_editor(
    run: Run, tmp_path: Path, monkeypatch: Any
) -> None:
    marker = tmp_path / "editor-ran"
    editor(tmp_path, monkeypatch, f"open({str(marker)!r}, 'w').write('yes')")
    refused(run("write", "--session", "4"), "No session number 4")
    assert not marker.exists()


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("open(path, 'ab').write(b'half a thought \\xff')", "not valid UTF-8"),
        ("open(path, 'a').write('x' * 1_000_001)", "1,000,000"),
        ("open(path, 'a').write('typed'); sys.exit(3)", "status 3"),
    ],
)
def test_a_failed_save_keeps_the_draft_and_says_where(
    run: Run, home: Path, tmp_path: Path, monkeypatch: Any, code: str, message: str
) -> None:
    editor(tmp_path, monkeypatch, code)
    text = refused(run("write"), message)
    [draft] = drafts(home)
    assert str(draft) in text
    assert draft.stat().st_mode & 0o777 == 0o600
    assert draft.stat().st_size > 0
    assert count(home) == 0


def test_an_untouched_template_saves_nothing(
    run: Run, home: Path, tmp_path: Path, monkeypatch: Any
) -> None:
    editor(tmp_path, monkeypatch, "pass")
    refused(run("write"), "empty")
    assert drafts(home) == []
    assert count(home) == 0


def test_edit_in_the_editor(run: Run, home: Path, tmp_path: Path, monkeypatch: Any) -> None:
    ok(run("write", "First line. #kept", "--tag", "explicit"))
    entry_id = entries(run)[0]["id"]
    editor(tmp_path, monkeypatch, "open(path, 'a').write('Added later #new\\n')")
    ok(run("edit", entry_id[:6]))
    [entry] = entries(run)
    assert entry["body"] == "First line. #kept\nAdded later #new"
    assert entry["tags"] == ["#explicit", "#kept", "#new"]
    assert drafts(home) == []
    editor(tmp_path, monkeypatch, "pass")
    assert ok(run("edit", entry_id[:6])).stdout.strip() == "No changes."


def test_edit_with_options(run: Run) -> None:
    ok(run("write", "Body #inline", "--mood", "2"))
    entry_id = entries(run)[0]["id"]
    ok(run("edit", entry_id[:5], "--title", "Titled", "--add-tag", "x", "--star", "--no-mood"))
    [entry] = entries(run)
    assert (entry["title"], entry["starred"], entry["mood"]) == ("Titled", True, None)
    assert entry["tags"] == ["#inline", "#x"]
    ok(run("edit", entry_id[:5], "--unstar", "--remove-tag", "x", "--kind", "note"))
    [entry] = entries(run)
    assert (entry["starred"], entry["tags"], entry["kind"]) == (False, ["#inline"], "note")
    refused(run("edit", entry_id[:5], "--remove-tag", "inline"), "written in the entry's text")


def test_list_filters(run: Run) -> None:
    ok(run("write", "2026-01-05 10:00: january #sleep", "--star"))
    ok(run("write", "2026-02-10 10:00: february #sleep #work"))
    ok(run("write", "2026-03-15 10:00: march #work", "--kind", "note"))

    def bodies(*args: str) -> list[str]:
        return [entry["body"] for entry in entries(run, *args)]

    assert bodies() == ["march #work", "february #sleep #work", "january #sleep"]
    assert bodies("-n", "1") == ["march #work"]
    assert bodies("--from", "2026-02-01", "--to", "2026-02-28") == ["february #sleep #work"]
    assert bodies("--on", "2026-01-05") == ["january #sleep"]
    assert bodies("--tag", "sleep", "--tag", "work") == ["february #sleep #work"]
    assert bodies("--starred") == ["january #sleep"]
    assert bodies("--contains", "MARCH") == ["march #work"]
    assert bodies("--kind", "note") == ["march #work"]
    refused(run("list", "--from", "blah"), "Cannot read")
    refused(run("list", "--on", "2026-01-05", "--to", "2026-02-01"), "not both")
    refused(run("list", "--session", "1"), "No session number 1")
    table = ok(run("list")).stdout
    assert "january #sleep" in table and "2026-01-05 10:00" in table


def test_trash_restore_and_empty(run: Run, home: Path) -> None:
    ok(run("write", "to the trash"))
    ok(run("write", "stays"))
    gone = next(entry for entry in entries(run) if entry["body"] == "to the trash")
    assert "alliance restore" in ok(run("delete", gone["id"][:4])).stdout
    assert [entry["body"] for entry in entries(run)] == ["stays"]
    trashed = json.loads(ok(run("trash", "--json")).stdout)
    assert [(entry["id"], entry["trashed"]) for entry in trashed] == [(gone["id"], True)]
    assert trashed[0]["deleted_at"].endswith("Z")
    assert "in the trash" in ok(run("show", gone["id"][:6])).stdout
    ok(run("restore", gone["id"][:6]))
    assert len(entries(run)) == 2
    ok(run("delete", gone["id"][:6]))
    assert "Deleted 0 entries" in ok(run("trash", "--empty")).stdout  # too recent to purge
    refused(run("trash", "--all"), "--all goes with --empty")
    assert "Deleted 1 entry" in ok(run("trash", "--empty", "--all", "--yes")).stdout
    assert "The trash is empty." in ok(run("trash")).stdout
    assert count(home) == 1


def test_search_ranks_highlights_and_survives_fts_syntax(run: Run, monkeypatch: Any) -> None:
    ok(run("write", "A day at work, mother called briefly."))
    ok(run("write", "Mother. My mother and I talked about my mother", "--title", "Mother"))
    ok(run("write", "unrelated"))
    hits = json.loads(ok(run("search", "mother", "--json")).stdout)
    assert hits[0]["title"] == "Mother"
    assert len(hits) == 2
    assert set(hits[0]) == {
        "id", "created", "tz", "title", "kind", "starred", "mood", "score",
        "snippet", "snippet_text", "highlights",
    }  # fmt: skip
    second = hits[1]
    assert "[mother]" in second["snippet"]
    start, end = second["highlights"][0]
    assert second["snippet_text"][start:end] == "mother"
    assert hits[0]["score"] >= hits[1]["score"]
    for query in (['"'], ["AND("], ["mother", "NEAR("], ['"mother'], ["--", "-mother"], ["*"]):
        result = run("search", *query, "--json")
        assert result.exit_code in (0, 1), result.output
        if result.exit_code == 1:
            refused(result, "Nothing to search for")
    assert len(json.loads(ok(run("search", "mother", "-n", "1", "--json")).stdout)) == 1
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert "\x1b[1mcalled\x1b[0m" in ok(run("search", "called")).stdout


def test_search_without_matches_says_so(run: Run) -> None:
    ok(run("write", "something"))
    assert ok(run("search", "nothing")).stdout.strip() == "No entries match."
    assert json.loads(ok(run("search", "nothing", "--json")).stdout) == []


def test_export_and_import_round_trip(
    run: Run, home: Path, tmp_path: Path, monkeypatch: Any
) -> None:
    ok(run("session", "add", "--at", "2026-11-20 17:00"))
    ok(run("write", "2026-11-20 19:00: after #s", "--session", "1"))
    ok(run("write", "trashed"))
    ok(run("delete", entries(run)[0]["id"]))
    out = tmp_path / "all.json"
    assert "not encrypted" in ok(run("export", "--format", "json", "--out", str(out))).stdout
    printed = json.loads(ok(run("export")).stdout)
    saved = json.loads(out.read_text(encoding="utf-8"))
    assert saved["format_version"] == printed["format_version"] == 1
    assert saved["entries"] == printed["entries"]
    assert [entry["trashed"] for entry in saved["entries"]] == [False, True]
    refused(run("export", "--format", "xml"), "only json")
    refused(run("export", "--out", str(out)), "already exists")

    monkeypatch.setenv("ALLIANCE_HOME", str(tmp_path / "second"))
    ok(run("init"))
    assert "Imported" in ok(run("import", str(out))).stdout
    again = json.loads(ok(run("export")).stdout)
    assert again["entries"] == saved["entries"]
    assert again["sessions"] == saved["sessions"]
    refused(run("import", str(out)), "empty vault")
