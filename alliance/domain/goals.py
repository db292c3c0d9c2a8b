"""Goals with Goal Attainment Scaling (Kiresuk & Sherman 1968): levels, weights, T over time.

A goal has five levels, -2 to +2, each described in the client's own words: 0 is the expected
outcome, +1/+2 more and much more than expected, -1/-2 less and much less (Turner-Stokes
recommends recording the starting point as -1, or -2 when no worse outcome is possible). Its
weight is importance x difficulty, each rated 1-3 here (Turner-Stokes rates 0-3 [M]; a zero
would drop the goal from the T-score, so Alliance asks for at least 1).

The T-score over time: on each day with a rating, every goal rated so far counts with its latest
rating up to that day; `domain.change.gas_t_score` (rho 0.3) turns them into one T. A day's T
therefore always says how many goals it rests on (`n`). T = 50 means goals met as expected.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from alliance.domain.change import GAS_RHO, gas_t_score
from alliance.errors import InvalidInput

LEVELS = (-2, -1, 0, 1, 2)
LEVEL_NAMES = {
    -2: "much less than expected",
    -1: "less than expected",
    0: "the expected outcome",
    1: "more than expected",
    2: "much more than expected",
}
WEIGHT_PARTS = range(1, 4)  # importance and difficulty: 1 a little, 2 moderately, 3 very
MAX_TITLE_CHARS = 200
MAX_LEVEL_CHARS = 500
MAX_NOTE_CHARS = 10_000
_LEVEL_WORDS = {
    "much-less": -2,
    "less": -1,
    "expected": 0,
    "more": 1,
    "much-more": 2,
}


@dataclass(frozen=True)
class Goal:
    """One goal. `levels[i]` describes level `i - 2`, in the client's words."""

    id: str
    title: str
    levels: tuple[str, str, str, str, str]
    importance: int
    difficulty: int
    created: datetime
    archived: datetime | None = None

    @property
    def weight(self) -> int:
        return self.importance * self.difficulty

    def describe(self, level: int) -> str:
        return self.levels[check_level(level) + 2]


@dataclass(frozen=True)
class GoalRating:
    id: str
    goal_id: str
    rated_at: datetime
    level: int
    note: str = ""
    private: bool = False
    session_id: str | None = None


@dataclass(frozen=True)
class GasPoint:
    """The T-score on one day, from each goal's latest rating up to then."""

    day: date
    t_score: float
    levels: dict[str, int]  # goal id -> its latest level on that day
    weights: dict[str, int]

    @property
    def n(self) -> int:
        return len(self.levels)

    def as_dict(self) -> dict[str, object]:
        return {
            "day": self.day.isoformat(),
            "t_score": round(self.t_score, 4),
            "n": self.n,
            "levels": dict(self.levels),
        }


@dataclass(frozen=True)
class GoalsMet:
    """Where each active goal stands by its latest rating: met means level 0 or above."""

    met: tuple[tuple[Goal, GoalRating], ...]
    not_met: tuple[tuple[Goal, GoalRating], ...]
    unrated: tuple[Goal, ...]


def check_level(level: int) -> int:
    if level not in LEVELS:
        raise InvalidInput(f"A goal level is one of -2, -1, 0, +1, +2, not {level}.")
    return level


def parse_level(text: str) -> int:
    """`-2`..`+2`, or a word: much-less, less, expected, more, much-more."""
    cleaned = text.strip().lower().replace(" ", "-").replace("_", "-")
    if cleaned in _LEVEL_WORDS:
        return _LEVEL_WORDS[cleaned]
    try:
        return check_level(int(cleaned))
    except ValueError:
        raise InvalidInput(
            f"{text!r} is not a goal level: use -2, -1, 0, +1, +2 (or much-less, less, "
            "expected, more, much-more)."
        ) from None


def level_label(level: int) -> str:
    return f"{level:+d}" if level else "0"


def check_weight_part(value: int, what: str) -> int:
    if value not in WEIGHT_PARTS:
        raise InvalidInput(
            f"{what} is rated 1 (a little), 2 (moderately) or 3 (very), not {value}."
        )
    return value


def check_goal_text(
    title: str, levels: Sequence[str]
) -> tuple[str, tuple[str, str, str, str, str]]:
    """A title and five level descriptions, trimmed; every one must be written."""
    title = title.strip()
    if not title:
        raise InvalidInput("A goal needs a title.")
    if len(title) > MAX_TITLE_CHARS:
        raise InvalidInput(f"A goal title is at most {MAX_TITLE_CHARS} characters.")
    if len(levels) != len(LEVELS):
        raise InvalidInput("A goal needs five levels, from -2 to +2.")
    cleaned = [text.strip() for text in levels]
    for level, text in zip(LEVELS, cleaned, strict=True):
        if not text:
            raise InvalidInput(
                f"Describe level {level_label(level)} ({LEVEL_NAMES[level]}) in your own words."
            )
        if len(text) > MAX_LEVEL_CHARS:
            raise InvalidInput(f"A level description is at most {MAX_LEVEL_CHARS} characters.")
    return title, (cleaned[0], cleaned[1], cleaned[2], cleaned[3], cleaned[4])


def check_note(note: str) -> str:
    if len(note) > MAX_NOTE_CHARS:
        raise InvalidInput(f"A note is at most {MAX_NOTE_CHARS:,} characters.")
    return note.strip()


def latest_ratings(
    ratings: Sequence[GoalRating], up_to: date | None = None
) -> dict[str, GoalRating]:
    """Each goal's latest rating (on or before `up_to`, when given)."""
    latest: dict[str, GoalRating] = {}
    for rating in sorted(ratings, key=lambda r: r.rated_at):
        if up_to is None or rating.rated_at.date() <= up_to:
            latest[rating.goal_id] = rating
    return latest


def t_score_on(goals: Sequence[Goal], levels: dict[str, int], rho: float = GAS_RHO) -> float:
    """The T-score of these goals at these levels (every goal in `levels` must be known)."""
    by_id = {goal.id: goal for goal in goals}
    ids = sorted(levels)
    return gas_t_score(
        [levels[goal_id] for goal_id in ids], [by_id[goal_id].weight for goal_id in ids], rho
    )


def gas_series(
    goals: Sequence[Goal], ratings: Sequence[GoalRating], rho: float = GAS_RHO
) -> list[GasPoint]:
    """The T-score on each day that has a rating (UTC days), oldest first.

    Archived goals count up to the day they were archived, so an old T does not change when a
    goal is put away later.
    """
    by_id = {goal.id: goal for goal in goals}
    known = [r for r in ratings if r.goal_id in by_id]
    points: list[GasPoint] = []
    for day in sorted({r.rated_at.date() for r in known}):
        latest = latest_ratings(known, day)
        levels = {
            goal_id: rating.level
            for goal_id, rating in latest.items()
            if _active_on(by_id[goal_id], day)
        }
        if not levels:
            continue
        weights = {goal_id: by_id[goal_id].weight for goal_id in levels}
        points.append(GasPoint(day, t_score_on(goals, levels, rho), levels, weights))
    return points


def goals_met(goals: Sequence[Goal], ratings: Sequence[GoalRating]) -> GoalsMet:
    """Active goals split by their latest rating: met (0 or above), not yet, or never rated."""
    latest = latest_ratings(ratings)
    met: list[tuple[Goal, GoalRating]] = []
    not_met: list[tuple[Goal, GoalRating]] = []
    unrated: list[Goal] = []
    for goal in goals:
        if goal.archived is not None:
            continue
        rating = latest.get(goal.id)
        if rating is None:
            unrated.append(goal)
        elif rating.level >= 0:
            met.append((goal, rating))
        else:
            not_met.append((goal, rating))
    return GoalsMet(tuple(met), tuple(not_met), tuple(unrated))


def _active_on(goal: Goal, day: date) -> bool:
    return goal.archived is None or goal.archived.date() >= day
