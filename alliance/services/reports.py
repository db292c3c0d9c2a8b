"""Everything a report shows, gathered from the vault: measures, Session Feedback, themes and
emotions per week, goals, feelings about ending, readiness, the ending plan, and ONLY the entries
the client selected by id.

No other entry text reaches a report: no theme evidence, no coping suggestions, no alert
evidence, no measure or session notes. Themes and emotions appear as names and counts. For the
therapist audience, notes the client marked private are left out, and so is any selected entry
tagged #private (the report says how many). The summary is written by `alliance.reports.summary`
from these numbers. Details: docs/reports.md.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Literal

from alliance.errors import InvalidInput

if TYPE_CHECKING:
    from alliance.domain.ending import EndingPlan, FeelingWeek
    from alliance.domain.entries import JournalEntry
    from alliance.domain.goals import GasPoint, Goal, GoalRating
    from alliance.services.measures import InstrumentHistory
    from alliance.services.readiness import Readiness
    from alliance.services.readings import WeekTrend
    from alliance.store.vault import Vault

Audience = Literal["me", "therapist"]
AUDIENCES: tuple[Audience, ...] = ("me", "therapist")
PRIVATE_TAG = "#private"
MAX_SELECTED = 200
_DayTest = Callable[[date], bool]


@dataclass(frozen=True)
class GoalLine:
    goal: Goal
    latest: GoalRating | None  # the latest rating up to the end of the period
    note: str  # the latest rating's note; "" when private and the audience is the therapist


@dataclass(frozen=True)
class ReportData:
    audience: Audience
    since: date | None
    until: date | None
    generated: datetime
    sessions_held: int
    entries_written: int
    measures: tuple[InstrumentHistory, ...]  # rows within the period only
    weeks: tuple[WeekTrend, ...]
    goals: tuple[GoalLine, ...]
    gas: tuple[GasPoint, ...]
    feelings: tuple[FeelingWeek, ...]
    readiness: Readiness
    plan: EndingPlan
    crisis_lines: tuple[dict[str, str], ...]
    selected: tuple[JournalEntry, ...]
    withheld_private: int  # selected entries tagged #private, left out for the therapist

    @property
    def for_therapist(self) -> bool:
        return self.audience == "therapist"

    def in_period(self, day: date) -> bool:
        return (self.since is None or day >= self.since) and (
            self.until is None or day <= self.until
        )


def check_audience(text: str) -> Audience:
    for audience in AUDIENCES:
        if audience == text.strip().lower():
            return audience
    raise InvalidInput(f"--audience is me or therapist, not {text!r}.")


def build_report(
    vault: Vault,
    *,
    since: date | None = None,
    until: date | None = None,
    audience: Audience = "me",
    include: Sequence[str] = (),
    now: datetime | None = None,
) -> ReportData:
    """Gather a report's data. Unknown or trashed selected entries are refused, by id."""
    from alliance.services.ending import crisis_lines, feelings_over_time, get_plan
    from alliance.services.goals import goals_and_ratings
    from alliance.services.measures import history
    from alliance.services.readiness import readiness
    from alliance.services.readings import weekly_trends

    if since is not None and until is not None and since > until:
        raise InvalidInput("--from is after --to.")
    selected = _selected(vault, include)
    moment = now or datetime.now(UTC)
    withheld = 0
    if audience == "therapist":
        kept = tuple(e for e in selected if PRIVATE_TAG not in e.tags)
        withheld, selected = len(selected) - len(kept), kept

    def within(day: date) -> bool:
        return (since is None or day >= since) and (until is None or day <= until)

    measures = tuple(
        dataclasses.replace(h, rows=tuple(r for r in h.rows if within(r.response.taken_at.date())))
        for h in history(vault, now=moment)
    )
    goals, ratings = goals_and_ratings(vault)
    return ReportData(
        audience=audience,
        since=since,
        until=until,
        generated=moment,
        sessions_held=_sessions_held(vault, within, moment),
        entries_written=_entries_written(vault, within),
        measures=tuple(h for h in measures if h.active),
        weeks=tuple(w for w in weekly_trends(vault) if _week_overlaps(w.week_start, within)),
        goals=_goal_lines(goals, ratings, until, audience),
        gas=tuple(p for p in _gas(goals, ratings) if within(p.day)),
        feelings=tuple(
            w for w in feelings_over_time(vault) if _week_overlaps(w.week_start, within)
        ),
        readiness=readiness(vault, now=moment),
        plan=get_plan(vault),
        crisis_lines=tuple(crisis_lines()),
        selected=selected,
        withheld_private=withheld,
    )


def parse_day(text: str | None, what: str) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput(f"{what} {text!r}: give a day as YYYY-MM-DD.") from None


def _selected(vault: Vault, include: Sequence[str]) -> tuple[JournalEntry, ...]:
    from alliance.services.journal import get_entry

    if len(include) > MAX_SELECTED:
        raise InvalidInput(f"A report holds at most {MAX_SELECTED} selected entries.")
    found: dict[str, JournalEntry] = {}
    for ref in include:
        entry = get_entry(vault, ref)
        if entry.deleted_at is not None:
            raise InvalidInput(f"Entry {entry.id[:8]} is in the trash; restore it to include it.")
        found[entry.id] = entry
    return tuple(sorted(found.values(), key=lambda e: e.created))


def _goal_lines(
    goals: list[Goal], ratings: list[GoalRating], until: date | None, audience: Audience
) -> tuple[GoalLine, ...]:
    from alliance.domain.goals import latest_ratings

    latest = latest_ratings(ratings, until)
    lines = []
    for goal in goals:
        if goal.archived is not None and (until is None or goal.archived.date() <= until):
            continue
        rating = latest.get(goal.id)
        note = "" if rating is None or (rating.private and audience == "therapist") else rating.note
        lines.append(GoalLine(goal, rating, note))
    return tuple(lines)


def _gas(goals: list[Goal], ratings: list[GoalRating]) -> list[GasPoint]:
    from alliance.domain.goals import gas_series

    return gas_series(goals, ratings)


def _sessions_held(vault: Vault, within: _DayTest, now: datetime) -> int:
    from alliance.services.sessions import list_sessions

    return sum(
        1
        for s in list_sessions(vault)
        if s.status.value not in ("cancelled", "missed")
        and s.starts_at <= now
        and within(s.starts_at.date())
    )


def _entries_written(vault: Vault, within: _DayTest) -> int:
    rows = vault.raw().execute("SELECT created_at FROM entries WHERE deleted_at IS NULL")
    return sum(1 for (created,) in rows if within(date.fromisoformat(created[:10])))


def _week_overlaps(monday: date, within: _DayTest) -> bool:
    return any(within(monday + timedelta(days=k)) for k in range(7))
