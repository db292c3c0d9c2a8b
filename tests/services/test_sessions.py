from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from alliance.domain.sessions import SessionKind, SessionStatus
from alliance.errors import InvalidInput, NotFound
from alliance.services import export, journal, sessions
from alliance.store.vault import Vault, create_vault
from tests.conftest import PASSPHRASE

NOW = datetime(2026, 11, 27, 13, 30, tzinfo=UTC)


@pytest.fixture(autouse=True)
def berlin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "Europe/Berlin")


def add(vault: Vault, at: str, **options: object) -> sessions.SessionRecord:
    return sessions.add_session(vault, at=at, now=NOW, **options)  # type: ignore[arg-type]


def count(vault: Vault, table: str) -> int:
    return int(vault.raw().execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def test_numbers_count_up_and_never_change(vault: Vault) -> None:
    second = add(vault, "2026-11-20 17:00")
    first = add(vault, "2026-11-13 17:00")
    assert (second.number, first.number) == (1, 2)
    listed = sessions.list_sessions(vault)
    assert [record.number for record in listed] == [2, 1]  # in the order they took place
    chosen = add(vault, "2026-11-06 17:00", number=12)
    assert chosen.number == 12
    assert add(vault, "2026-11-26 17:00").number == 13


def test_a_session_has_its_facts(vault: Vault) -> None:
    record = add(vault, "yesterday 5pm", kind="couple", status="cancelled", notes=" traffic ")
    assert record.starts_at == datetime(2026, 11, 26, 16, 0, tzinfo=UTC)
    assert record.tz == "Europe/Berlin"
    assert record.kind is SessionKind.COUPLE
    assert record.status is SessionStatus.CANCELLED
    assert record.notes == "traffic"


def test_a_bare_day_means_nine_and_status_defaults_from_the_date(vault: Vault) -> None:
    past = add(vault, "2026-11-02")
    assert past.starts_at == datetime(2026, 11, 2, 8, 0, tzinfo=UTC)
    assert past.status is SessionStatus.ATTENDED
    future = add(vault, "2026-12-03 10:00")
    assert future.status is SessionStatus.SCHEDULED


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"at": "someday"}, "Cannot read"),
        ({"at": "2026-12-03 10:00", "status": "attended"}, "future"),
        ({"at": "2026-11-03", "kind": "solo"}, "Unknown session kind"),
        ({"at": "2026-11-03", "status": "late"}, "Unknown session status"),
        ({"at": "2026-11-03", "number": 0}, "1 or more"),
        ({"at": "2026-11-03", "notes": "x" * 1_000_001}, "1,000,000"),
    ],
)
def test_bad_sessions_are_refused(vault: Vault, options: dict[str, object], message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        sessions.add_session(vault, now=NOW, **options)  # type: ignore[arg-type]
    assert count(vault, "therapy_sessions") == 0


def test_a_number_is_used_once(vault: Vault) -> None:
    add(vault, "2026-11-03", number=4)
    with pytest.raises(InvalidInput, match="already a session number 4"):
        add(vault, "2026-11-10", number=4)
    assert count(vault, "therapy_sessions") == 1


def test_last_is_the_latest_session_that_took_place(vault: Vault) -> None:
    held = add(vault, "2026-11-20 17:00")
    add(vault, "2026-11-25 17:00", status="cancelled")
    add(vault, "2026-12-04 17:00")
    record, _ = sessions.get_session(vault, "last", now=NOW)
    assert record.id == held.id


def test_show_finds_by_number_or_id_and_lists_live_linked_entries(vault: Vault) -> None:
    record = add(vault, "2026-11-20 17:00")
    linked = journal.write_entry(vault, "after #x", session="1", now=NOW)
    gone = journal.write_entry(vault, "also after", session=record.id, now=NOW)
    journal.write_entry(vault, "unlinked", now=NOW)
    journal.trash_entry(vault, gone.id)
    by_number, entries = sessions.get_session(vault, "1")
    by_id, _ = sessions.get_session(vault, record.id[:5].upper())
    assert by_number == by_id == record
    assert [entry.id for entry in entries] == [linked.id]
    with pytest.raises(NotFound, match="No session number 9"):
        sessions.get_session(vault, "9")
    with pytest.raises(NotFound, match="neither a number nor an id"):
        sessions.get_session(vault, "9999")
    with pytest.raises(InvalidInput, match="not a session"):
        sessions.get_session(vault, "first")


def test_edit_changes_status_and_notes_but_not_the_number(vault: Vault) -> None:
    record = add(vault, "2026-12-03 10:00")
    later = datetime(2026, 12, 3, 12, 0, tzinfo=UTC)
    edited = sessions.edit_session(vault, "1", status="attended", notes="went well", now=later)
    assert (edited.number, edited.status, edited.notes) == (1, SessionStatus.ATTENDED, "went well")
    assert edited.updated == later
    with pytest.raises(InvalidInput, match="future"):
        sessions.edit_session(vault, record.id, at="2027-01-10 10:00", now=later)
    assert sessions.get_session(vault, "1")[0].starts_at == record.starts_at


def test_export_and_import_round_trip_everything(vault: Vault, tmp_path: Path) -> None:
    record = add(vault, "2026-11-20 17:00", notes="first")
    journal.write_entry(vault, "linked #a", session="1", tags=["b"], mood=3, now=NOW)
    gone = journal.write_entry(vault, "trashed one", starred=True, now=NOW)
    journal.trash_entry(vault, gone.id, now=NOW)
    vault.raw().execute(
        "INSERT INTO measure_responses (id, instrument_id, instrument_version, taken_at, tz,"
        " session_id, answers_json, total, band, flags_json, note) VALUES"
        " ('6f0c7b1e-0000-4000-8000-000000000001', 'phq9', '1', '2026-11-20T16:00:00.000000Z',"
        " 'Europe/Berlin', ?, '[1,2,0]', 3.0, 'minimal', '[]', '')",
        (record.id,),
    )
    vault.raw().execute(
        "INSERT INTO mood_checkins (id, created_at, tz, pleasantness, energy, emotion, note)"
        " VALUES ('6f0c7b1e-0000-4000-8000-000000000002', '2026-11-21T08:00:00.000000Z',"
        " 'Europe/Berlin', 2, -1, 'tired', '')"
    )
    vault.raw().execute("INSERT INTO settings (key, value) VALUES ('theme', 'dark')")
    out = tmp_path / "export.json"
    counts = export.write_export(vault, out)
    assert counts == {
        "entries": 2, "sessions": 1, "measure_responses": 1, "mood_checkins": 1, "settings": 1,
        "goals": 0, "goal_ratings": 0, "ending_plan": 0, "ending_feelings": 0,
        "goal_entry_links": 0, "goal_session_links": 0,
    }  # fmt: skip
    assert out.stat().st_mode & 0o777 == 0o600
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["format_version"] == 1
    assert [entry["trashed"] for entry in document["entries"]] == [False, True]
    assert document["measure_responses"][0]["taken_at"] == "2026-11-20T16:00:00.000000Z"

    fresh, _ = create_vault(tmp_path / "fresh", PASSPHRASE)
    try:
        export.import_vault(fresh, export.read_export(out.read_bytes()))
        again = export.export_vault(fresh)
    finally:
        fresh.close()
    for key in ("entries", "sessions", "measure_responses", "mood_checkins", "settings"):
        assert again[key] == document[key]
    assert again["mood_checkins"][0]["emotion"] == "tired"
    with pytest.raises(InvalidInput, match="already exists"):
        export.write_export(vault, out)


def test_import_refuses_a_vault_with_data_and_bad_documents(vault: Vault, tmp_path: Path) -> None:
    journal.write_entry(vault, "existing", now=NOW)
    document = export.export_vault(vault)
    with pytest.raises(InvalidInput, match="empty vault"):
        export.import_vault(vault, document)
    for data in (b"{", b"[]", b'{"format_version": 2}', b"\xff"):
        with pytest.raises(InvalidInput, match="Alliance JSON export"):
            export.read_export(data)

    fresh, _ = create_vault(tmp_path / "fresh", PASSPHRASE)
    try:
        broken = json.loads(json.dumps(document))
        broken["entries"].append({**broken["entries"][0], "id": "not-a-uuid"})
        with pytest.raises(InvalidInput, match="entry 2 is malformed"):
            export.import_vault(fresh, broken)
        dangling = json.loads(json.dumps(document))
        dangling["entries"][0]["session_id"] = "6f0c7b1e-0000-4000-8000-00000000dead"
        with pytest.raises(InvalidInput, match="does not fit together"):
            export.import_vault(fresh, dangling)
        bad_mood = json.loads(json.dumps(document))
        bad_mood["entries"][0]["mood"] = 7
        with pytest.raises(InvalidInput, match="entry 1: Mood"):
            export.import_vault(fresh, bad_mood)
        assert count(fresh, "entries") == 0
    finally:
        fresh.close()


def test_digits_are_a_number_first_then_an_id_prefix(vault: Vault) -> None:
    record = add(vault, "2026-11-20 17:00")
    vault.raw().execute(
        "UPDATE therapy_sessions SET id = '12345678-0000-4000-8000-000000000000' WHERE id = ?",
        (record.id,),
    )
    assert sessions.get_session(vault, "1")[0].number == 1
    assert sessions.get_session(vault, "1234")[0].number == 1
