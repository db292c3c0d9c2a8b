"""Therapy-session use-cases: add, list, show, edit."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING
from uuid import uuid4

from alliance.domain.dates import parse_date, to_utc
from alliance.domain.entries import JournalEntry
from alliance.domain.sessions import (
    SessionKind,
    SessionRecord,
    SessionStatus,
    check_notes,
    check_number,
    check_status,
    default_status,
    parse_session_kind,
    parse_session_ref,
    parse_status,
)
from alliance.errors import InvalidInput
from alliance.services.journal import local_now, to_entry

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from alliance.store.tables import TherapySession
    from alliance.store.vault import Vault

# A session given as a bare day ("monday") is taken to start at this hour.
DEFAULT_SESSION_HOUR = 9


def add_session(
    vault: Vault,
    *,
    at: str | None = None,
    kind: str = SessionKind.INDIVIDUAL.value,
    status: str | None = None,
    notes: str = "",
    number: int | None = None,
    now: datetime | None = None,
) -> SessionRecord:
    """Record a session. Without `at` it is now; without `number` it is the next number."""
    from alliance.store.journal_repo import next_session_number, number_taken
    from alliance.store.tables import TherapySession

    here = local_now(now)
    starts_at = _session_moment(at, here)
    session_kind = parse_session_kind(kind)
    session_status = parse_status(status) if status else default_status(starts_at, here)
    check_status(session_status, starts_at, here)
    notes = check_notes(notes)
    if number is not None:
        check_number(number)
    with vault.transaction() as db:
        if number is not None and number_taken(db, number):
            raise InvalidInput(f"There is already a session number {number}.")
        row = TherapySession(
            id=str(uuid4()),
            number=number or next_session_number(db),
            starts_at=starts_at,
            tz=str(here.tzinfo),
            kind=session_kind.value,
            status=session_status.value,
            notes=notes,
            created_at=here,
            updated_at=here,
        )
        db.add(row)
        db.flush()
        return to_record(row)


def list_sessions(vault: Vault) -> list[SessionRecord]:
    """Every session, in the order they took place."""
    from alliance.store.journal_repo import all_sessions

    with vault.transaction() as db:
        return [to_record(row) for row in all_sessions(db)]


def get_session(
    vault: Vault, ref: str, *, now: datetime | None = None
) -> tuple[SessionRecord, list[JournalEntry]]:
    """A session by number, `last`, or id prefix, with the live entries linked to it."""
    from alliance.store.journal_repo import entries_of_session

    with vault.transaction() as db:
        row = _find(db, ref, local_now(now))
        return to_record(row), [to_entry(entry) for entry in entries_of_session(db, row.id)]


def edit_session(
    vault: Vault,
    ref: str,
    *,
    at: str | None = None,
    kind: str | None = None,
    status: str | None = None,
    notes: str | None = None,
    now: datetime | None = None,
) -> SessionRecord:
    """Change a session's time, kind, status or notes (its number stays)."""
    here = local_now(now)
    with vault.transaction() as db:
        row = _find(db, ref, here)
        starts_at = row.starts_at if at is None else _session_moment(at, here)
        new_status = SessionStatus(row.status) if status is None else parse_status(status)
        check_status(new_status, starts_at, here)
        row.starts_at = starts_at
        row.status = new_status.value
        if kind is not None:
            row.kind = parse_session_kind(kind).value
        if notes is not None:
            row.notes = check_notes(notes)
        row.updated_at = here
        db.flush()
        return to_record(row)


def _find(db: Session, ref: str, here: datetime) -> TherapySession:
    from alliance.store.journal_repo import find_session

    return find_session(db, parse_session_ref(ref), here)


def _session_moment(at: str | None, here: datetime) -> datetime:
    if at is None:
        return to_utc(here)
    parsed = parse_date(at, here)
    moment = parsed.moment
    if not parsed.has_time:
        moment = moment.replace(hour=DEFAULT_SESSION_HOUR, minute=0, second=0, microsecond=0)
    return to_utc(moment)


def to_record(row: TherapySession) -> SessionRecord:
    return SessionRecord(
        id=row.id,
        number=row.number,
        starts_at=row.starts_at.astimezone(UTC),
        tz=row.tz,
        kind=SessionKind(row.kind),
        status=SessionStatus(row.status),
        notes=row.notes,
        created=row.created_at.astimezone(UTC),
        updated=row.updated_at.astimezone(UTC),
    )
