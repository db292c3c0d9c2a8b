"""Insights: what a person's own data shows over time, always with how many data points.

- `weekly`: entries, themes and emotions per calendar week (counted as the readings service's
  weekly trends, over the window only), and the mood check-ins of each week by quadrant.
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
    week without entries is there with zeros, so the weeks are evenly spaced in time.

    Counted as the readings service's `weekly_trends` counts (entries per week, and how many
    carried each theme and emotion), but only over the window asked for, in SQL: the page
    stays fast on a long journal. Entries are read when saved; this reads nothing itself."""
    from alliance.services.checkins import checkins_since

    if not 1 <= weeks <= MAX_WEEKS:
        raise InvalidInput(f"weeks must be 1 to {MAX_WEEKS}, not {weeks}.")
    day = today or datetime.now(UTC).date()
    last = day - timedelta(days=day.weekday())
    mondays = [last - timedelta(weeks=weeks - 1 - n) for n in range(weeks)]
    counts = _week_counts(vault, mondays[0])
    checkins: dict[date, Counter[str]] = defaultdict(Counter)
    since = datetime.combine(mondays[0], datetime.min.time(), tzinfo=UTC)
    for checkin in checkins_since(vault, since):
        checkins[_monday(checkin.created.astimezone(UTC).date())][checkin.quadrant.id] += 1
    return [
        WeekInsight(
            week_start=monday,
            entries=counts[monday]["entries"].total(),
            themes=dict(counts[monday]["themes"].most_common()),
            emotions=dict(counts[monday]["emotions"].most_common()),
            crisis_flags=counts[monday]["crisis"].total(),
            checkins=dict(checkins[monday]),
        )
        for monday in mondays
    ]


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _week_counts(vault: Vault, first: date) -> dict[date, dict[str, Counter[str]]]:
    """Monday -> {"entries", "crisis", "themes", "emotions"} counters, from `first` on."""
    since = f"{first.isoformat()}T00:00:00.000000Z"  # stored times sort as text
    live = "e.created_at >= ? AND +e.deleted_at IS NULL"
    queries = {
        "entries": f"SELECT substr(e.created_at, 1, 10), 'all', count(*) FROM entries e "
        f"WHERE {live} GROUP BY 1",
        "crisis": "SELECT substr(e.created_at, 1, 10), r.crisis_level, count(*) FROM entries e "
        f"CROSS JOIN entry_readings r ON r.entry_pk = e.pk WHERE {live} "
        "AND r.crisis_level != 'none' GROUP BY 1, 2",
        "themes": "SELECT substr(e.created_at, 1, 10), s.theme, count(*) FROM entries e "
        f"CROSS JOIN entry_themes s ON s.entry_pk = e.pk WHERE {live} GROUP BY 1, 2",
        "emotions": "SELECT substr(e.created_at, 1, 10), s.label, count(*) FROM entries e "
        f"CROSS JOIN entry_emotions s ON s.entry_pk = e.pk WHERE {live} GROUP BY 1, 2",
    }
    found: dict[date, dict[str, Counter[str]]] = defaultdict(
        lambda: {name: Counter() for name in queries}
    )
    raw = vault.raw()
    for name, sql in queries.items():
        for day, key, count in raw.execute(sql, (since,)):
            found[_monday(date.fromisoformat(day))][name][str(key)] += int(count)
    return found


def session_contrast(vault: Vault) -> SessionContrast:
    """Themes and emotions in reflections linked to sessions rated above vs below the median."""
    totals = session_feedback_totals(vault)
    if not totals:
        return SessionContrast(0, None, 0, 0, 0, 0, 0, ())
    median = float(statistics.median(totals.values()))
    better = {sid for sid, total in totals.items() if total > median}
    worse = {sid for sid, total in totals.items() if total < median}
    compared = sorted(better | worse)
    reflections = _reflections_per_session(vault, compared)
    signals = _signals_per_session(vault, compared)
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


def _reflections_per_session(vault: Vault, session_ids: list[str]) -> dict[str, int]:
    """Live reflections linked to each of these sessions (through the session_id index)."""
    marks = ",".join("?" * len(session_ids))
    rows = vault.raw().execute(
        f"SELECT session_id, count(*) FROM entries WHERE session_id IN ({marks}) "
        "AND +deleted_at IS NULL GROUP BY session_id",
        session_ids,
    )
    return {session_id: int(n) for session_id, n in rows}


def _signals_per_session(
    vault: Vault, session_ids: list[str]
) -> dict[str, set[tuple[Signal, str]]]:
    """Session id -> the themes and emotions found in any live reflection linked to it."""
    found: dict[str, set[tuple[Signal, str]]] = defaultdict(set)
    raw = vault.raw()
    marks = ",".join("?" * len(session_ids))
    for kind, table, column in _SIGNAL_TABLES:
        # CROSS JOIN keeps the entries, found through the session_id index, as the outer loop;
        # the unary '+' keeps SQLite off the deleted_at index (which would scan every entry).
        rows = raw.execute(
            f"SELECT e.session_id, s.{column} FROM entries e CROSS JOIN {table} s "
            f"ON s.entry_pk = e.pk WHERE e.session_id IN ({marks}) AND +e.deleted_at IS NULL",
            session_ids,
        )
        for session_id, name in rows:
            if (kind, name) != ("emotion", "neutral"):  # "neutral" says nothing here
                found[session_id].add((kind, str(name)))
    return found


def signal_names() -> tuple[list[str], list[str]]:
    """Every theme and every emotion the analyser can find, for filters and choices."""
    from alliance.analysis.emotions import LABELS
    from alliance.analysis.themes import THEME_IDS

    return list(THEME_IDS), sorted(LABELS)
