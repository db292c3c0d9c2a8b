"""Goals use-cases: add, list, show, rate, link to entries and sessions, archive; GAS over time.

Every function validates before it writes and writes in one vault transaction. The GAS T-score
over time comes from `domain.goals.gas_series` (Kiresuk & Sherman, rho 0.3). Details and the
JSON shapes: docs/goals.md.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from alliance.domain.dates import entry_moment, iso_utc
from alliance.domain.goals import (
    GasPoint,
    Goal,
    GoalRating,
    check_goal_text,
    check_level,
    check_note,
    check_weight_part,
    gas_series,
    latest_ratings,
    level_label,
)
from alliance.errors import InvalidInput
from alliance.services.journal import local_now

if TYPE_CHECKING:
    from collections.abc import Sequence

    from alliance.domain.entries import JournalEntry
    from alliance.domain.sessions import SessionRecord
    from alliance.store.tables import GoalRatingRow, GoalRow
    from alliance.store.vault import Vault


@dataclass(frozen=True)
class GoalView:
    """A goal as listed: its latest rating and how many entries and sessions link to it."""

    goal: Goal
    latest: GoalRating | None
    entries_linked: int
    sessions_linked: int

    def as_dict(self) -> dict[str, object]:
        return {
            **goal_as_dict(self.goal),
            "latest": None if self.latest is None else rating_as_dict(self.latest),
            "entries_linked": self.entries_linked,
            "sessions_linked": self.sessions_linked,
        }


@dataclass(frozen=True)
class GoalDetail:
    goal: Goal
    ratings: tuple[GoalRating, ...]
    entries: tuple[JournalEntry, ...]
    sessions: tuple[SessionRecord, ...]

    def as_dict(self) -> dict[str, object]:
        return {
            **goal_as_dict(self.goal),
            "ratings": [rating_as_dict(r) for r in self.ratings],
            "entries": [
                {"id": e.id, "title": e.title, "created": iso_utc(e.created)} for e in self.entries
            ],
            "sessions": [
                {"id": s.id, "number": s.number, "starts_at": iso_utc(s.starts_at)}
                for s in self.sessions
            ],
        }


def goal_as_dict(goal: Goal) -> dict[str, object]:
    return {
        "id": goal.id,
        "title": goal.title,
        "levels": {level_label(x): goal.describe(x) for x in (-2, -1, 0, 1, 2)},
        "importance": goal.importance,
        "difficulty": goal.difficulty,
        "weight": goal.weight,
        "created": iso_utc(goal.created),
        "archived": None if goal.archived is None else iso_utc(goal.archived),
    }


def rating_as_dict(rating: GoalRating) -> dict[str, object]:
    return {
        "id": rating.id,
        "goal_id": rating.goal_id,
        "rated_at": iso_utc(rating.rated_at),
        "level": rating.level,
        "note": rating.note,
        "private": rating.private,
        "session_id": rating.session_id,
    }


def add_goal(
    vault: Vault,
    title: str,
    levels: Sequence[str],
    *,
    importance: int = 2,
    difficulty: int = 2,
    now: datetime | None = None,
) -> Goal:
    """Write a goal with its five levels (-2..+2, in order) in the client's words."""
    from alliance.store.tables import GoalRow

    title, words = check_goal_text(title, levels)
    check_weight_part(importance, "Importance")
    check_weight_part(difficulty, "Difficulty")
    here = local_now(now)
    with vault.transaction() as db:
        row = GoalRow(
            id=str(uuid.uuid4()),
            title=title,
            level_much_less=words[0],
            level_less=words[1],
            level_expected=words[2],
            level_more=words[3],
            level_much_more=words[4],
            importance=importance,
            difficulty=difficulty,
            created_at=here,
            updated_at=here,
        )
        db.add(row)
        db.flush()
        return to_goal(row)


def list_goals(vault: Vault, *, include_archived: bool = False) -> list[GoalView]:
    """Goals in the order they were written, each with its latest rating."""
    from alliance.store.goals_repo import all_goals, link_counts, ratings

    with vault.transaction() as db:
        rows = all_goals(db)
        latest = latest_ratings([to_rating(r, gid) for r, gid in ratings(db)])
        counts = link_counts(db)
        return [
            GoalView(to_goal(row), latest.get(row.id), *counts.get(row.pk, (0, 0)))
            for row in rows
            if include_archived or row.archived_at is None
        ]


def get_goal(vault: Vault, ref: str) -> GoalDetail:
    """A goal by id prefix with every rating and the entries and sessions linked to it."""
    from alliance.services.journal import to_entry
    from alliance.services.sessions import to_record
    from alliance.store.goals_repo import find_goal, linked_entries, linked_sessions, ratings

    with vault.transaction() as db:
        row = find_goal(db, ref)
        return GoalDetail(
            to_goal(row),
            tuple(to_rating(r, row.id) for r, _ in ratings(db, row.pk)),
            tuple(to_entry(e) for e in linked_entries(db, row.pk)),
            tuple(to_record(s) for s in linked_sessions(db, row.pk)),
        )


def rate_goal(
    vault: Vault,
    ref: str,
    level: int,
    *,
    at: str | None = None,
    note: str = "",
    private: bool = False,
    session: str | None = None,
    now: datetime | None = None,
) -> GoalRating:
    """Rate where a goal stands now (or `at`), -2..+2, optionally linked to a session."""
    from alliance.store.goals_repo import find_goal
    from alliance.store.tables import GoalRatingRow

    check_level(level)
    note = check_note(note)
    here = local_now(now)
    moment = entry_moment(at, here) if at is not None else here
    session_id = _session_id(vault, session) if session is not None else None
    with vault.transaction() as db:
        goal = find_goal(db, ref)
        if goal.archived_at is not None:
            raise InvalidInput(f"Goal {goal.id[:8]} is archived; it is no longer rated.")
        row = GoalRatingRow(
            id=str(uuid.uuid4()),
            goal_pk=goal.pk,
            rated_at=moment,
            tz=str(moment.tzinfo),
            level=level,
            note=note,
            private=private,
            session_id=session_id,
        )
        db.add(row)
        db.flush()
        return to_rating(row, goal.id)


def link_goal(
    vault: Vault, ref: str, *, entry: str | None = None, session: str | None = None
) -> tuple[Goal, list[str]]:
    """Link a goal to an entry and/or a session; returns what was newly linked."""
    from alliance.domain.sessions import parse_session_ref
    from alliance.store.goals_repo import add_entry_link, add_session_link, find_goal
    from alliance.store.journal_repo import find_entry, find_session

    if entry is None and session is None:
        raise InvalidInput("Give an entry (--entry ID) or a session (--session N|last|ID).")
    added: list[str] = []
    with vault.transaction() as db:
        goal = find_goal(db, ref)
        if entry is not None:
            found = find_entry(db, entry)
            if add_entry_link(db, goal.pk, found.pk):
                added.append(f"entry {found.id[:8]}")
        if session is not None:
            therapy = find_session(db, parse_session_ref(session), local_now())
            if add_session_link(db, goal.pk, therapy.pk):
                added.append(f"session {therapy.number}")
        return to_goal(goal), added


def archive_goal(vault: Vault, ref: str, *, now: datetime | None = None) -> Goal:
    """Put a goal away: it keeps its ratings and counts in the T-score up to today."""
    from alliance.store.goals_repo import find_goal

    here = local_now(now)
    with vault.transaction() as db:
        row = find_goal(db, ref)
        if row.archived_at is None:
            row.archived_at = here
            row.updated_at = here
        return to_goal(row)


def goals_and_ratings(vault: Vault) -> tuple[list[Goal], list[GoalRating]]:
    """Every goal (archived ones too) and every rating, oldest first."""
    from alliance.store.goals_repo import all_goals, ratings

    with vault.transaction() as db:
        goals = [to_goal(row) for row in all_goals(db)]
        rated = [to_rating(row, goal_id) for row, goal_id in ratings(db)]
    return goals, rated


def gas_history(vault: Vault) -> list[GasPoint]:
    """The GAS T-score on each day with a rating, with the number of goals it rests on."""
    goals, rated = goals_and_ratings(vault)
    return gas_series(goals, rated)


def to_goal(row: GoalRow) -> Goal:
    return Goal(
        id=row.id,
        title=row.title,
        levels=(
            row.level_much_less,
            row.level_less,
            row.level_expected,
            row.level_more,
            row.level_much_more,
        ),
        importance=row.importance,
        difficulty=row.difficulty,
        created=row.created_at.astimezone(UTC),
        archived=None if row.archived_at is None else row.archived_at.astimezone(UTC),
    )


def to_rating(row: GoalRatingRow, goal_id: str) -> GoalRating:
    return GoalRating(
        id=row.id,
        goal_id=goal_id,
        rated_at=row.rated_at.astimezone(UTC),
        level=row.level,
        note=row.note,
        private=row.private,
        session_id=row.session_id,
    )


def _session_id(vault: Vault, ref: str) -> str:
    from alliance.services.sessions import get_session

    return get_session(vault, ref)[0].id
