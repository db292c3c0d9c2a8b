"""When a measure is due, and when it has been missed.

A `Schedule` says how often an instrument should be filled in: every N sessions, every N days, or
both (whichever comes first: PHQ-9 "every session or every 2 weeks"). `due_status` compares it with
when the measure was last taken and how many sessions have been held since.

Missed means the occasion it was due on has passed without it:
- days: more than `every_days` days since it was last taken (taken on day 0, due on day 14,
  missed from day 15);
- sessions: `every_sessions` or more sessions held since it was last taken without it being
  filled in (for "every session", one session without it is a miss).

Before the first measure the clock runs from the start of the episode (`started`). Pure: the
caller passes today's date, nothing here reads a clock.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from alliance.errors import InvalidInput


@dataclass(frozen=True)
class Schedule:
    """How often an instrument should be filled in. At least one of the two intervals is set."""

    every_sessions: int | None = None
    every_days: int | None = None
    label: str = ""

    def __post_init__(self) -> None:
        if self.every_sessions is None and self.every_days is None:
            raise InvalidInput("a schedule needs every_sessions, every_days or both")
        for name, value in (
            ("every_sessions", self.every_sessions),
            ("every_days", self.every_days),
        ):
            if value is not None and value < 1:
                raise InvalidInput(f"schedule {name} must be at least 1, not {value}")


@dataclass(frozen=True)
class DueStatus:
    """Where a measure stands against its schedule on a given day."""

    due: bool
    missed: bool
    days_since: int | None
    sessions_since: int | None
    missed_occasions: int
    reason: str


def due_status(
    schedule: Schedule,
    *,
    today: date,
    last_taken: date | None,
    sessions_since: int | None = None,
    started: date | None = None,
) -> DueStatus:
    """Compare a schedule with the last time the measure was taken.

    `sessions_since` counts sessions held after the last measure (or since `started` when it has
    never been taken); leave it None when sessions are not tracked. `started` is the start of the
    episode of care; with neither `last_taken` nor `started` the measure is simply due.
    """
    if sessions_since is not None and sessions_since < 0:
        raise InvalidInput(f"sessions since the last measure cannot be negative ({sessions_since})")
    anchor = last_taken or started
    if anchor is not None and anchor > today:
        raise InvalidInput(f"the last measure date {anchor.isoformat()} is after today")
    days_since = (today - anchor).days if anchor is not None else None
    if anchor is None and sessions_since is None:
        return DueStatus(True, False, None, None, 0, "never taken")

    by_days = _occasions_missed_by_days(schedule.every_days, days_since)
    by_sessions = _occasions_missed_by_sessions(schedule.every_sessions, sessions_since)
    missed_occasions = max(by_days, by_sessions)
    due_by_days = (
        schedule.every_days is not None
        and days_since is not None
        and days_since >= schedule.every_days
    )
    due = missed_occasions > 0 or due_by_days or last_taken is None
    reason = _reason(schedule, days_since, sessions_since, by_days, by_sessions)
    return DueStatus(
        due, missed_occasions > 0, days_since, sessions_since, missed_occasions, reason
    )


def _occasions_missed_by_days(every_days: int | None, days_since: int | None) -> int:
    if every_days is None or days_since is None or days_since <= every_days:
        return 0
    # Day 15 to 28 after a fortnightly measure: one occasion missed; day 29 on: two.
    return (days_since - 1) // every_days


def _occasions_missed_by_sessions(every_sessions: int | None, sessions_since: int | None) -> int:
    if every_sessions is None or sessions_since is None:
        return 0
    return sessions_since // every_sessions


def _reason(
    schedule: Schedule,
    days_since: int | None,
    sessions_since: int | None,
    by_days: int,
    by_sessions: int,
) -> str:
    parts = []
    if by_sessions:
        parts.append(
            f"{sessions_since} session(s) without it (due every {schedule.every_sessions})"
        )
    if by_days:
        parts.append(f"{days_since} days since it was last taken (due every {schedule.every_days})")
    return "; ".join(parts) if parts else "on schedule"
