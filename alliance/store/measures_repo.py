"""Queries on measure responses, and the session and reflection facts measures need.

Services own the transactions; every function here takes an open SQLAlchemy `Session`.
Response ids are found by unique prefix with a range on the unique `id` index, as entries are
(`id >= p AND id < p || '~'`: every character of a UUID sorts below '~').
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from alliance.errors import InvalidInput, NotFound
from alliance.store.evidence import evidence_texts
from alliance.store.tables import (
    Entry,
    EntryReading,
    EntryTheme,
    MeasureResponse,
    TherapySession,
)

MIN_ID_PREFIX = 4
_HEX_ID = frozenset("0123456789abcdef-")
# Sessions that did not take place; every other status (attended, or a past session still
# marked scheduled) counts as held, as `alliance session show last` does.
NOT_HELD = ("cancelled", "missed")
RUPTURE_THEME = "rupture"


def responses(session: Session, instrument_id: str | None = None) -> list[MeasureResponse]:
    """Every response (voided ones included), oldest first."""
    query = select(MeasureResponse).order_by(MeasureResponse.taken_at, MeasureResponse.pk)
    if instrument_id is not None:
        query = query.where(MeasureResponse.instrument_id == instrument_id)
    return list(session.scalars(query))


def response_count(session: Session) -> int:
    return int(session.scalar(select(func.count(MeasureResponse.pk))) or 0)


def find_response(session: Session, prefix: str) -> MeasureResponse:
    """The one response whose id starts with `prefix` (at least 4 characters)."""
    cleaned = prefix.strip().lower()
    if len(cleaned) < MIN_ID_PREFIX or not set(cleaned) <= _HEX_ID or len(cleaned) > 36:
        raise InvalidInput(
            f"{prefix!r} is not a response id: give at least {MIN_ID_PREFIX} characters of it."
        )
    query = (
        select(MeasureResponse)
        .where(MeasureResponse.id >= cleaned, MeasureResponse.id < cleaned + "~")
        .limit(2)
    )
    rows = list(session.scalars(query))
    if len(rows) > 1:
        raise InvalidInput(f"More than one response starts with {cleaned!r}; give more of the id.")
    if not rows:
        raise NotFound(f"No measure response {cleaned!r}.")
    return rows[0]


def sessions_by_id(session: Session, ids: Iterable[str]) -> dict[str, TherapySession]:
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    rows = session.scalars(select(TherapySession).where(TherapySession.id.in_(wanted)))
    return {row.id: row for row in rows}


def held_session_times(session: Session, until: datetime) -> list[tuple[str, datetime]]:
    """(id, start) of every session that took place up to `until`, in order."""
    query = (
        select(TherapySession.id, TherapySession.starts_at)
        .where(TherapySession.status.not_in(NOT_HELD), TherapySession.starts_at <= until)
        .order_by(TherapySession.starts_at)
    )
    return [(row[0], row[1]) for row in session.execute(query)]


def rupture_evidence(session: Session, session_id: str) -> list[str]:
    """Text the analyser tagged `rupture` in live entries linked to a therapy session."""
    query = (
        select(EntryReading.reading_json)
        .join(Entry, Entry.pk == EntryReading.entry_pk)
        .join(EntryTheme, EntryTheme.entry_pk == Entry.pk)
        .where(
            Entry.session_id == session_id,
            Entry.deleted_at.is_(None),
            EntryTheme.theme == RUPTURE_THEME,
        )
        .order_by(Entry.created_at)
    )
    found: list[str] = []
    for (reading_json,) in session.execute(query):
        found.extend(evidence_texts(reading_json, RUPTURE_THEME))
    return found
