"""Queries on entries and therapy sessions (SQLAlchemy). Services own the transactions.

Entry and session ids are found by unique prefix with a range on the unique `id` index
(`id >= p AND id < p || '~'`: every character of a UUID sorts below '~').
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Select, delete, func, literal_column, or_, select
from sqlalchemy.orm import Session

from alliance.domain.filters import (
    EntryFilter,
    is_on_this_day,
    on_this_day_candidates,
    tag_alternatives,
)
from alliance.domain.sessions import MIN_ID_PREFIX, SessionRef, SessionStatus
from alliance.errors import InvalidInput, NotFound
from alliance.store.tables import (
    Entry,
    EntryEmotion,
    EntryTag,
    EntryTheme,
    TherapySession,
    format_utc,
)

_HEX_ID = frozenset("0123456789abcdef-")


def _check_prefix(prefix: str, what: str) -> str:
    cleaned = prefix.strip().lower()
    if len(cleaned) < MIN_ID_PREFIX or not set(cleaned) <= _HEX_ID or len(cleaned) > 36:
        raise InvalidInput(
            f"{prefix!r} is not {what} id: give at least {MIN_ID_PREFIX} characters of it."
        )
    return cleaned


def find_entry(session: Session, prefix: str, *, trashed: bool | None = False) -> Entry:
    """The one entry whose id starts with `prefix`. `trashed`: False live only, True trash only,
    None either."""
    cleaned = _check_prefix(prefix, "an entry")
    query = select(Entry).where(Entry.id >= cleaned, Entry.id < cleaned + "~").limit(2)
    rows = list(session.scalars(query))
    if len(rows) > 1:
        raise InvalidInput(f"More than one entry starts with {cleaned!r}; give more of the id.")
    if not rows:
        raise NotFound(f"No entry {cleaned!r}.")
    entry = rows[0]
    if trashed is False and entry.deleted_at is not None:
        raise NotFound(f"Entry {cleaned!r} is in the trash (`alliance restore {cleaned}`).")
    if trashed is True and entry.deleted_at is None:
        raise NotFound(f"Entry {cleaned!r} is not in the trash.")
    return entry


def set_tags(entry: Entry, tags: Sequence[str]) -> None:
    wanted = set(tags)
    entry.tags[:] = [tag for tag in entry.tags if tag.tag in wanted]
    present = {tag.tag for tag in entry.tags}
    entry.tags.extend(EntryTag(tag=tag) for tag in sorted(wanted - present))


def query_entries(session: Session, wanted: EntryFilter, session_id: str | None) -> list[Entry]:
    """Live entries matching every filter, newest first."""
    query = _filtered(select(Entry), wanted, session_id).order_by(Entry.created_at.desc())
    if wanted.on_this_day is not None:
        rows = session.scalars(query)
        today = wanted.on_this_day
        matching = [row for row in rows if is_on_this_day(row.created_at, row.tz, today)]
        return matching[: wanted.limit] if wanted.limit else matching
    if wanted.limit:
        query = query.limit(wanted.limit)
    return list(session.scalars(query))


def _filtered(query: Select[tuple[Entry]], wanted: EntryFilter, session_id: str | None) -> Any:
    # The unary '+' keeps SQLite from choosing the deleted_at index, so that it walks the
    # created_at index in order and stops at the LIMIT instead of sorting every entry.
    query = query.where(literal_column("+entries.deleted_at").is_(None))
    if wanted.since is not None:
        query = query.where(Entry.created_at >= wanted.since)
    if wanted.until is not None:
        query = query.where(Entry.created_at < wanted.until)
    for tag in wanted.tags:
        # An IN over the tag index: a rare or absent tag costs nothing, where a correlated
        # EXISTS would walk every entry (0.6 s on 100k entries) to find none.
        tagged = select(EntryTag.entry_pk).where(EntryTag.tag.in_(tag_alternatives(tag)))
        query = query.where(Entry.pk.in_(tagged))
    if wanted.starred:
        query = query.where(Entry.starred.is_(True))
    if wanted.contains is not None:
        pattern = "%" + _escape_like(wanted.contains) + "%"
        query = query.where(
            or_(Entry.title.like(pattern, escape="\\"), Entry.body.like(pattern, escape="\\"))
        )
    if session_id is not None:
        query = query.where(Entry.session_id == session_id)
    if wanted.kinds:
        query = query.where(Entry.kind.in_([kind.value for kind in wanted.kinds]))
    for theme in wanted.themes:
        query = query.where(
            Entry.pk.in_(select(EntryTheme.entry_pk).where(EntryTheme.theme == theme))
        )
    for emotion in wanted.emotions:
        with_emotion = select(EntryEmotion.entry_pk).where(EntryEmotion.label == emotion)
        query = query.where(Entry.pk.in_(with_emotion))
    if wanted.on_this_day is not None:
        month_day = func.substr(literal_column("entries.created_at"), 6, 5)
        query = query.where(month_day.in_(on_this_day_candidates(wanted.on_this_day)))
        earlier_years = f"{wanted.on_this_day.year:04d}-01-02"
        query = query.where(literal_column("entries.created_at") < earlier_years)
    return query


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def trashed_entries(session: Session) -> list[Entry]:
    query = select(Entry).where(Entry.deleted_at.is_not(None)).order_by(Entry.deleted_at.desc())
    return list(session.scalars(query))


def purge_trashed(session: Session, deleted_before: datetime | None) -> int:
    """Delete for good the trashed entries deleted before a moment (None: all of them)."""
    query = delete(Entry).where(Entry.deleted_at.is_not(None))
    if deleted_before is not None:
        query = query.where(Entry.deleted_at < deleted_before)
    result = session.execute(query)
    return int(getattr(result, "rowcount", 0) or 0)


def entries_of_session(session: Session, session_id: str) -> list[Entry]:
    query = (
        select(Entry)
        .where(Entry.session_id == session_id, Entry.deleted_at.is_(None))
        .order_by(Entry.created_at)
    )
    return list(session.scalars(query))


def find_session(session: Session, ref: SessionRef, now: datetime) -> TherapySession:
    if ref.last:
        return _last_session(session, now)
    if ref.number is not None:
        row = session.scalars(
            select(TherapySession).where(TherapySession.number == ref.number)
        ).first()
        if row is not None:
            return row
        if ref.id_prefix is None:
            raise NotFound(f"No session number {ref.number}.")
    prefix = _check_prefix(ref.id_prefix or "", "a session")
    rows = list(
        session.scalars(
            select(TherapySession)
            .where(TherapySession.id >= prefix, TherapySession.id < prefix + "~")
            .limit(2)
        )
    )
    if len(rows) > 1:
        raise InvalidInput(f"More than one session starts with {prefix!r}; give more of the id.")
    if not rows:
        raise NotFound(f"No session {prefix!r} (neither a number nor an id).")
    return rows[0]


def _last_session(session: Session, now: datetime) -> TherapySession:
    """The latest session that has begun and was neither cancelled nor missed."""
    row = session.scalars(
        select(TherapySession)
        .where(
            TherapySession.starts_at <= now,
            TherapySession.status.not_in(
                [SessionStatus.CANCELLED.value, SessionStatus.MISSED.value]
            ),
        )
        .order_by(TherapySession.starts_at.desc())
        .limit(1)
    ).first()
    if row is None:
        raise NotFound("There is no past session yet (`alliance session add`).")
    return row


def all_sessions(session: Session) -> list[TherapySession]:
    query = select(TherapySession).order_by(TherapySession.starts_at, TherapySession.number)
    return list(session.scalars(query))


def next_session_number(session: Session) -> int:
    highest = session.scalar(select(func.max(TherapySession.number)))
    return int(highest or 0) + 1


def number_taken(session: Session, number: int) -> bool:
    query = select(TherapySession.pk).where(TherapySession.number == number)
    return session.scalar(query) is not None


def entry_count(session: Session) -> int:
    return int(session.scalar(select(func.count(Entry.pk))) or 0)


def utc_text(moment: datetime) -> str:
    return format_utc(moment)
