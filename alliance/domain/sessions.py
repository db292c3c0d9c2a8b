"""Therapy sessions: when, which number, what kind, whether it took place, and notes.

Numbers are given once, when a session is added: one more than the highest number so far, or
the number a person chooses (`--number`, for back-filling a therapy that began before Alliance).
A number never changes afterwards, so "session 12" keeps meaning the same session.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from alliance.domain.dates import iso_utc
from alliance.errors import InvalidInput

MAX_NOTES_BYTES = 1_000_000
_ID_PREFIX = re.compile(r"^[0-9a-f-]{4,36}$")
MIN_ID_PREFIX = 4


class SessionKind(StrEnum):
    INDIVIDUAL = "individual"
    COUPLE = "couple"
    FAMILY = "family"
    GROUP = "group"


class SessionStatus(StrEnum):
    """`scheduled` is the default for a session added ahead of time; it becomes one of the
    other three once it has taken place (`alliance session edit N --status attended`)."""

    ATTENDED = "attended"
    CANCELLED = "cancelled"
    MISSED = "missed"
    SCHEDULED = "scheduled"


@dataclass(frozen=True)
class SessionRecord:
    """A therapy session. Times are aware UTC; `tz` is the zone it was entered in."""

    id: str
    number: int
    starts_at: datetime
    tz: str
    kind: SessionKind
    status: SessionStatus
    notes: str
    created: datetime
    updated: datetime


@dataclass(frozen=True)
class SessionRef:
    """How a person names a session: `last`, a number, or (a prefix of) its id.

    Four or more digits may be either ("1234" could begin an id): the number is tried first.
    """

    last: bool = False
    number: int | None = None
    id_prefix: str | None = None


def parse_session_ref(text: str) -> SessionRef:
    cleaned = text.strip().lower()
    if cleaned == "last":
        return SessionRef(last=True)
    if cleaned.isdigit():
        prefix = cleaned if len(cleaned) >= MIN_ID_PREFIX else None
        return SessionRef(number=int(cleaned), id_prefix=prefix)
    if _ID_PREFIX.match(cleaned):
        return SessionRef(id_prefix=cleaned)
    raise InvalidInput(
        f"{text!r} is not a session: give its number, 'last', or at least {MIN_ID_PREFIX} "
        "characters of its id."
    )


def parse_session_kind(text: str) -> SessionKind:
    try:
        return SessionKind(text.strip().lower())
    except ValueError:
        choices = ", ".join(kind.value for kind in SessionKind)
        raise InvalidInput(f"Unknown session kind {text!r}: choose {choices}.") from None


def parse_status(text: str) -> SessionStatus:
    try:
        return SessionStatus(text.strip().lower())
    except ValueError:
        choices = ", ".join(status.value for status in SessionStatus)
        raise InvalidInput(f"Unknown session status {text!r}: choose {choices}.") from None


def default_status(starts_at: datetime, now: datetime) -> SessionStatus:
    return SessionStatus.SCHEDULED if starts_at > now else SessionStatus.ATTENDED


def check_status(status: SessionStatus, starts_at: datetime, now: datetime) -> None:
    """A session cannot have been attended (or missed) before it happens."""
    if starts_at > now and status in (SessionStatus.ATTENDED, SessionStatus.MISSED):
        raise InvalidInput(f"A session in the future cannot be {status.value} yet.")


def check_number(number: int) -> int:
    if number < 1:
        raise InvalidInput(f"A session number is 1 or more, not {number}.")
    return number


def check_notes(notes: str) -> str:
    if len(notes.encode("utf-8", errors="surrogatepass")) > MAX_NOTES_BYTES:
        raise InvalidInput("Session notes are at most 1,000,000 bytes.")
    return notes.strip()


def session_as_dict(record: SessionRecord) -> dict[str, object]:
    """The JSON form of a session (docs/cli.md), in `--json` output and in exports."""
    return {
        "id": record.id,
        "number": record.number,
        "starts_at": iso_utc(record.starts_at),
        "tz": record.tz,
        "kind": record.kind.value,
        "status": record.status.value,
        "notes": record.notes,
        "created": iso_utc(record.created),
        "updated": iso_utc(record.updated),
    }
