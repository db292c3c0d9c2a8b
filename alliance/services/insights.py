"""Insights: what a person's own data shows over time, always with how many data points.

- `weekly`: themes and emotions per calendar week (the readings service's weekly trends, with
  empty weeks filled in), and the mood check-ins of each week counted by quadrant.
- `session_contrast`: what goes with better or worse sessions. Sessions with a Session Feedback
  (SF-4) total are split at the person's own median: above it and below it (sessions exactly at
  the median are counted but in neither group). For each theme and emotion, how many sessions in
  each group had a linked reflection carrying it. This is association in one person's own
  history, small numbers included: it is reported as "goes with", never as a cause.
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Literal

from alliance.errors import InvalidInput

if TYPE_CHECKING:
    from alliance.services.readings import WeekTrend
    from alliance.store.vault import Vault

SESSION_FEEDBACK = "sf4"
# Fewer sessions than this on either side of the median: too few to compare at all.
MIN_SESSIONS_PER_SIDE = 2
DEFAULT_WEEKS = 12
MAX_WEEKS = 520

Signal = Literal["theme", "emotion"]
_SIGNAL_TABLES: tuple[tuple[Signal, str, str], ...] = (
    ("theme", "entry_themes", "theme"),
    ("emotion", "entry_emotions", "label"),
)


@dataclass(frozen=True)
class WeekInsight:
    week_start: date
    entries: int
    themes: dict[str, int]
    emotions: dict[str, int]
    crisis_flags: int
    checkins: dict[str, int] = field(default_factory=dict)  # quadrant id -> count

    def as_dict(self) -> dict[str, object]:
        return {
            "week_start": self.week_start.isoformat(),
            "entries": self.entries,
            "themes": self.themes,
            "emotions": self.emotions,
            "crisis_flags": self.crisis_flags,
            "checkins": self.checkins,
        }


@dataclass(frozen=True)
class ContrastRow:
    """One theme or emotion: in how many better and how many worse sessions it showed up."""

    kind: Signal
    name: str
    better: int  # sessions above the median with a linked reflection carrying it
    worse: int  # sessions below the median with one

    def as_dict(self) -> dict[str, object]:
        return {"kind": self.kind, "name": self.name, "better": self.better, "worse": self.worse}


@dataclass(frozen=True)
class SessionContrast:
    sessions_rated: int
    median: float | None
    better_sessions: int
    worse_sessions: int
    at_median: int
    reflections_better: int
    reflections_worse: int
    rows: tuple[ContrastRow, ...]

    @property
    def enough(self) -> bool:
        return min(self.better_sessions, self.worse_sessions) >= MIN_SESSIONS_PER_SIDE

    def as_dict(self) -> dict[str, object]:
        return {
            "sessions_rated": self.sessions_rated,
            "median": self.median,
            "better_sessions": self.better_sessions,
            "worse_sessions": self.worse_sessions,
            "at_median": self.at_median,
            "reflections_better": self.reflections_better,
            "reflections_worse": self.reflections_worse,
            "enough": self.enough,
            "rows": [row.as_dict() for row in self.rows],
        }


def weekly(
    vault: Vault, weeks: int = DEFAULT_WEEKS, *, today: date | None = None
) -> list[WeekInsight]:
    """The last `weeks` calendar weeks up to this one (Monday start, UTC), oldest first; a
    week without entries is there with zeros, so the weeks are evenly spaced in time."""
    from alliance.services.checkins import checkins_since
    from alliance.services.readings import weekly_trends

    if not 1 <= weeks <= MAX_WEEKS:
        raise InvalidInput(f"weeks must be 1 to {MAX_WEEKS}, not {weeks}.")
    day = today or datetime.now(UTC).date()
    last = day - timedelta(days=day.weekday())
    mondays = [last - timedelta(weeks=weeks - 1 - n) for n in range(weeks)]
    found: dict[date, WeekTrend] = {
        t.week_start: t for t in weekly_trends(vault) if t.week_start >= mondays[0]
    }
    by_week: dict[date, Counter[str]] = defaultdict(Counter)
    since = datetime.combine(mondays[0], datetime.min.time(), tzinfo=UTC)
    for checkin in checkins_since(vault, since):
        created = checkin.created.astimezone(UTC).date()
        by_week[created - timedelta(days=created.weekday())][checkin.quadrant.id] += 1
    insights = []
    for monday in mondays:
        trend = found.get(monday)
        insights.append(
            WeekInsight(
                week_start=monday,
                entries=trend.entries if trend else 0,
                themes=dict(trend.themes) if trend else {},
                emotions=dict(trend.emotions) if trend else {},
                crisis_flags=trend.crisis_flags if trend else 0,
                checkins=dict(by_week.get(monday, Counter())),
            )
        )
    return insights


def session_contrast(vault: Vault) -> SessionContrast:
    """Themes and emotions in reflections linked to sessions rated above vs below the median."""
    totals = session_feedback_totals(vault)
    if not totals:
        return SessionContrast(0, None, 0, 0, 0, 0, 0, ())
    median = float(statistics.median(totals.values()))
    better = {sid for sid, total in totals.items() if total > median}
    worse = {sid for sid, total in totals.items() if total < median}
    reflections = _reflections_per_session(vault)
    signals = _signals_per_session(vault)
    counts: dict[tuple[Signal, str], list[int]] = defaultdict(lambda: [0, 0])
    for session_id, found in signals.items():
        side = 0 if session_id in better else 1 if session_id in worse else None
        if side is None:
            continue
        for key in found:
            counts[key][side] += 1
    rows = sorted(
        (ContrastRow(kind, name, pair[0], pair[1]) for (kind, name), pair in counts.items()),
        key=lambda row: (
            -abs(_share(row.better, len(better)) - _share(row.worse, len(worse))),
            row.kind,
            row.name,
        ),
    )
    return SessionContrast(
        sessions_rated=len(totals),
        median=median,
        better_sessions=len(better),
        worse_sessions=len(worse),
        at_median=len(totals) - len(better) - len(worse),
        reflections_better=sum(reflections.get(sid, 0) for sid in better),
        reflections_worse=sum(reflections.get(sid, 0) for sid in worse),
        rows=tuple(rows),
    )


def session_feedback_totals(vault: Vault) -> dict[str, float]:
    """Session id -> the SF-4 total of the latest response linked to it (voided ones left out)."""
    from alliance.services.measures import history

    totals: dict[str, float] = {}
    for record in history(vault, SESSION_FEEDBACK):
        for row in record.active:  # oldest first: a later response for a session wins
            response = row.response
            if response.session_id is not None and response.total is not None:
                totals[response.session_id] = response.total
    return totals


def _share(count: int, of: int) -> float:
    return count / of if of else 0.0


def _reflections_per_session(vault: Vault) -> dict[str, int]:
    rows = vault.raw().execute(
        "SELECT session_id, count(*) FROM entries "
        "WHERE session_id IS NOT NULL AND deleted_at IS NULL GROUP BY session_id"
    )
    return {session_id: int(n) for session_id, n in rows}


def _signals_per_session(vault: Vault) -> dict[str, set[tuple[Signal, str]]]:
    """Session id -> the themes and emotions found in any live reflection linked to it."""
    found: dict[str, set[tuple[Signal, str]]] = defaultdict(set)
    raw = vault.raw()
    for kind, table, column in _SIGNAL_TABLES:
        rows = raw.execute(
            f"SELECT e.session_id, s.{column} FROM entries e JOIN {table} s "
            "ON s.entry_pk = e.pk WHERE e.session_id IS NOT NULL AND e.deleted_at IS NULL"
        )
        for session_id, name in rows:
            found[session_id].add((kind, str(name)))
    return found


def signals_in_use(vault: Vault) -> tuple[list[str], list[str]]:
    """The themes and the emotions found in at least one live entry, sorted by name."""
    raw = vault.raw()
    found = []
    for table, column in (("entry_themes", "theme"), ("entry_emotions", "label")):
        rows = raw.execute(
            f"SELECT DISTINCT s.{column} FROM {table} s JOIN entries e ON e.pk = s.entry_pk "
            "WHERE e.deleted_at IS NULL ORDER BY 1"
        )
        found.append([str(row[0]) for row in rows])
    return found[0], found[1]
