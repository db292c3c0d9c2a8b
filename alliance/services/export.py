"""Export a whole vault as JSON, and import such an export into an empty vault.

The export is lossless for what a person made: entries (trashed ones too, marked), therapy
sessions, questionnaire responses, mood check-ins, goals with their ratings, the ending plan
and feelings about ending (table rows exactly as stored), goal links (by entry and session
id) and settings. Readings of the analyser are left out: they are computed again from the text. The
format is in docs/cli.md.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from alliance.domain.dates import iso_utc, parse_iso_utc
from alliance.domain.entries import (
    MAX_TITLE_CHARS,
    check_size,
    entry_as_dict,
    parse_kind,
    validate_mood,
)
from alliance.domain.sessions import (
    check_notes,
    check_number,
    parse_session_kind,
    parse_status,
    session_as_dict,
)
from alliance.errors import InvalidInput
from alliance.services.journal import local_now, to_entry
from alliance.services.sessions import to_record

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from alliance.store.vault import Vault

FORMAT_VERSION = 1
# Tables exported row for row, as stored (no schema of their own in the export).
RAW_TABLES = (
    "measure_responses",
    "mood_checkins",
    "goals",
    "goal_ratings",
    "ending_plan",
    "ending_feelings",
)
# Links between goals and entries or sessions, exported by id since row numbers change.
LINK_TABLES = {
    "goal_entry_links": ("entry_pk", "entries", "entry_id"),
    "goal_session_links": ("session_pk", "therapy_sessions", "session_id"),
}
_LISTS = ("entries", "sessions", *RAW_TABLES, *LINK_TABLES, "settings")


def export_vault(vault: Vault, *, now: datetime | None = None) -> dict[str, Any]:
    """Everything a person made, as one JSON-ready document, read in one transaction."""
    from sqlalchemy import select, text

    from alliance.store.tables import Entry, Setting, TherapySession

    with vault.transaction() as db:
        sessions = db.scalars(select(TherapySession).order_by(TherapySession.number))
        entries = db.scalars(select(Entry).order_by(Entry.created_at, Entry.pk))
        document: dict[str, Any] = {
            "format_version": FORMAT_VERSION,
            "exported_at": iso_utc(local_now(now)),
            "sessions": [session_as_dict(to_record(row)) for row in sessions],
            "entries": [entry_as_dict(to_entry(row)) for row in entries],
        }
        for table in RAW_TABLES:
            result = db.execute(text(f"SELECT * FROM {table} ORDER BY pk"))
            document[table] = [dict(row._mapping) for row in result]
        for table, (column, target, key) in LINK_TABLES.items():
            result = db.execute(
                text(
                    f"SELECT l.goal_pk, t.id FROM {table} l JOIN {target} t ON t.pk = l.{column} "
                    "ORDER BY l.goal_pk, t.id"
                )
            )
            document[table] = [{"goal_pk": goal_pk, key: ident} for goal_pk, ident in result]
        settings = db.scalars(select(Setting).order_by(Setting.key))
        document["settings"] = [{"key": row.key, "value": row.value} for row in settings]
        return document


def write_export(vault: Vault, path: Path) -> dict[str, int]:
    """Write the export to a new 0600 file (never over an existing one); returns counts."""
    from alliance.store.atomic import write_atomic

    if path.exists():
        raise InvalidInput(f"{path} already exists; choose a new file name.")
    if not path.parent.is_dir():
        raise InvalidInput(f"There is no folder {path.parent}.")
    document = export_vault(vault)
    write_atomic(path, (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode())
    return counts(document)


def counts(document: dict[str, Any]) -> dict[str, int]:
    return {key: len(document[key]) for key in _LISTS if isinstance(document.get(key), list)}


def read_export(data: bytes) -> dict[str, Any]:
    """Parse an export file, refusing anything that is not format version 1."""
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InvalidInput(f"Not an Alliance JSON export: {error}.") from None
    if not isinstance(document, dict) or document.get("format_version") != FORMAT_VERSION:
        raise InvalidInput(f"Not an Alliance JSON export of format version {FORMAT_VERSION}.")
    for key in _LISTS:
        if not isinstance(document.get(key, []), list):
            raise InvalidInput(f"The export's {key!r} is not a list.")
    return document


def import_vault(vault: Vault, document: dict[str, Any]) -> dict[str, int]:
    """Restore an export into a vault that holds no entries, sessions or responses yet.

    Every record is checked as it would be when typed; one bad record and nothing is written.
    """
    from sqlalchemy.exc import IntegrityError

    try:
        _import_all(vault, document)
    except IntegrityError as error:
        reason = str(error.orig).split("\n")[0]
        raise InvalidInput(
            f"The export does not fit together ({reason}); nothing imported."
        ) from None
    return counts(document)


def _import_all(vault: Vault, document: dict[str, Any]) -> None:
    with vault.transaction() as db:
        _refuse_non_empty(db)
        for index, item in enumerate(document.get("sessions", []), 1):
            _at(index, "session", lambda item=item: db.add(_session_row(item)))
        db.flush()
        for index, item in enumerate(document.get("entries", []), 1):
            _at(index, "entry", lambda item=item: db.add(_entry_row(item)))
        db.flush()
        for table in RAW_TABLES:
            for index, item in enumerate(document.get(table, []), 1):
                _at(
                    index,
                    f"{table} row",
                    lambda item=item, table=table: _insert_row(db, table, item),
                )
        for table in LINK_TABLES:
            for index, item in enumerate(document.get(table, []), 1):
                _at(index, f"{table} row", lambda item=item, t=table: _insert_link(db, t, item))
        for index, item in enumerate(document.get("settings", []), 1):
            _at(index, "setting", lambda item=item: db.merge(_setting_row(item)))
        db.flush()


def _at(index: int, what: str, action: Any) -> None:
    """Run one record's import, naming the record in any error."""
    try:
        action()
    except InvalidInput as error:
        raise InvalidInput(f"The export's {what} {index}: {error}") from None
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise InvalidInput(f"The export's {what} {index} is malformed ({error!r}).") from None


def _refuse_non_empty(db: Session) -> None:
    from sqlalchemy import func, select

    from alliance.store.tables import Entry, TherapySession

    tables = [Entry.__table__, TherapySession.__table__]
    tables += [_table(table) for table in RAW_TABLES]
    for table in tables:
        if db.scalar(select(func.count()).select_from(table)):
            raise InvalidInput("Import restores into an empty vault only; this one has data.")


def _table(name: str) -> Any:
    from alliance.store.tables import Base

    return Base.metadata.tables[name]


def _session_row(item: dict[str, Any]) -> Any:
    from alliance.store.tables import TherapySession

    return TherapySession(
        id=_uuid(item["id"]),
        number=check_number(int(item["number"])),
        starts_at=parse_iso_utc(item["starts_at"]),
        tz=str(item["tz"]),
        kind=parse_session_kind(item["kind"]).value,
        status=parse_status(item["status"]).value,
        notes=check_notes(str(item.get("notes", ""))),
        created_at=parse_iso_utc(item["created"]),
        updated_at=parse_iso_utc(item["updated"]),
    )


def _entry_row(item: dict[str, Any]) -> Any:
    from alliance.store.tables import Entry, EntryTag

    body, title = str(item["body"]), str(item.get("title", ""))
    check_size(body)
    if not body.strip():
        raise InvalidInput("its body is empty.")
    if "\n" in title or len(title) > MAX_TITLE_CHARS:
        raise InvalidInput("its title is not one line of at most 200 characters.")
    deleted = item.get("deleted_at")
    if item.get("trashed") and deleted is None:
        raise InvalidInput("it is marked trashed but has no deleted_at.")
    mood = item.get("mood")
    return Entry(
        id=_uuid(item["id"]),
        created_at=parse_iso_utc(item["created"]),
        tz=str(item["tz"]),
        updated_at=parse_iso_utc(item["updated"]),
        title=title,
        body=body,
        starred=bool(item.get("starred", False)),
        mood=validate_mood(None if mood is None else int(mood)),
        kind=parse_kind(str(item.get("kind", "reflection"))).value,
        session_id=item.get("session_id"),
        deleted_at=None if deleted is None else parse_iso_utc(deleted),
        tags=[EntryTag(tag=str(tag)) for tag in sorted(set(item.get("tags", [])))],
    )


def _insert_row(db: Session, table: str, item: dict[str, Any]) -> None:
    """A raw-table row goes back exactly as it was exported: column for column."""
    if not isinstance(item, dict):
        raise InvalidInput("it is not an object.")
    unknown = set(item) - set(_table(table).columns.keys())
    if unknown:
        raise InvalidInput(f"unknown column {sorted(unknown)[0]!r}.")
    names = sorted(item)
    sql = f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' for _ in names)})"
    db.connection().exec_driver_sql(sql, tuple(item[name] for name in names))


def _insert_link(db: Session, table: str, item: dict[str, Any]) -> None:
    """A goal link, with the entry or session found again by its id."""
    column, target, key = LINK_TABLES[table]
    found = db.connection().exec_driver_sql(
        f"SELECT pk FROM {target} WHERE id = ?", (str(item[key]),)
    )
    row = found.fetchone()
    if row is None:
        raise InvalidInput(f"it links to {item[key]!r}, which is not in the export.")
    db.connection().exec_driver_sql(
        f"INSERT INTO {table} (goal_pk, {column}) VALUES (?, ?)", (int(item["goal_pk"]), row[0])
    )


def _setting_row(item: dict[str, Any]) -> Any:
    from alliance.store.tables import Setting

    return Setting(key=str(item["key"]), value=str(item["value"]))


def _uuid(value: Any) -> str:
    from uuid import UUID

    return str(UUID(str(value)))
