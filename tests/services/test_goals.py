"""Goals in the vault: add, list, show, rate, link, archive; GAS T over time (§7.4 vectors)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from alliance.errors import InvalidInput, NotFound
from alliance.services.goals import (
    add_goal,
    archive_goal,
    gas_history,
    get_goal,
    link_goal,
    list_goals,
    rate_goal,
)
from alliance.services.journal import trash_entry, write_entry
from alliance.services.sessions import add_session
from alliance.store.vault import SCHEMA_HEAD, Vault
from tests.vectors import GAS_T_SCORES

T0 = datetime(2025, 3, 3, 10, 0, tzinfo=UTC)
WORDS = ["never", "rarely", "some nights", "most nights", "every night"]


def goal_count(vault: Vault) -> tuple[int, int]:
    raw = vault.raw()
    return (
        int(raw.execute("SELECT count(*) FROM goals").fetchone()[0]),
        int(raw.execute("SELECT count(*) FROM goal_ratings").fetchone()[0]),
    )


def test_migration_0003_creates_exactly_the_goal_and_ending_tables(vault: Vault) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from alliance.store.tables import Base

    mine = {"goals", "goal_ratings", "goal_entry_links", "goal_session_links"}
    mine |= {"ending_plan", "ending_feelings"}
    with vault.engine.connect() as connection:
        diffs = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    about_mine = [d for d in diffs if any(name in repr(d) for name in mine)]
    assert about_mine == []
    assert vault.schema_version() == SCHEMA_HEAD


def test_add_and_show_keep_the_clients_words(vault: Vault) -> None:
    goal = add_goal(vault, " Sleep better ", WORDS, importance=3, difficulty=2, now=T0)
    assert goal.weight == 6
    detail = get_goal(vault, goal.id[:6])
    assert detail.goal.title == "Sleep better"
    assert [detail.goal.describe(x) for x in (-2, -1, 0, 1, 2)] == WORDS
    data = detail.as_dict()
    assert data["levels"] == dict(zip(["-2", "-1", "0", "+1", "+2"], WORDS, strict=True))


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"importance": 0}, "Importance"),
        ({"difficulty": 4}, "Difficulty"),
        ({"levels": [*WORDS[:4], ""]}, "level \\+2"),
        ({"title": ""}, "title"),
    ],
)
def test_bad_goals_store_nothing(vault: Vault, kwargs: dict[str, object], message: str) -> None:
    args: dict[str, object] = {"title": "Sleep", "levels": WORDS, **kwargs}
    with pytest.raises(InvalidInput, match=message):
        add_goal(vault, **args)  # type: ignore[arg-type]
    assert goal_count(vault) == (0, 0)


def test_rate_and_list_show_the_latest_rating(vault: Vault) -> None:
    goal = add_goal(vault, "Sleep", WORDS, now=T0)
    rate_goal(vault, goal.id, -1, now=T0 + timedelta(hours=1), note="baseline")
    rate_goal(vault, goal.id, 1, now=T0 + timedelta(days=14), note="mine", private=True)
    [view] = list_goals(vault)
    assert view.latest is not None and view.latest.level == 1
    assert view.latest.private and view.latest.note == "mine"
    assert [r.level for r in get_goal(vault, goal.id).ratings] == [-1, 1]
    with pytest.raises(InvalidInput):
        rate_goal(vault, goal.id, 3)
    with pytest.raises(NotFound):
        rate_goal(vault, "abcdef12", 0)
    assert goal_count(vault) == (1, 2)


def test_rating_at_a_typed_time(vault: Vault) -> None:
    goal = add_goal(vault, "Sleep", WORDS, now=T0)
    rating = rate_goal(vault, goal.id, 0, at="2025-03-10 18:00", now=T0 + timedelta(days=9))
    assert rating.rated_at.date().isoformat() == "2025-03-10"


@pytest.mark.parametrize(("weights", "levels", "expected"), GAS_T_SCORES)
def test_gas_vectors_through_the_vault(
    vault: Vault, weights: tuple[int, ...], levels: tuple[int, ...], expected: float
) -> None:
    for index, (weight, level) in enumerate(zip(weights, levels, strict=True)):
        goal = add_goal(vault, f"Goal {index}", WORDS, importance=weight, difficulty=1, now=T0)
        rate_goal(vault, goal.id, level, now=T0 + timedelta(hours=1 + index))
    [point] = gas_history(vault)
    assert point.t_score == pytest.approx(expected, abs=5e-5)
    assert point.n == len(weights)


def test_gas_history_over_time(vault: Vault) -> None:
    sleep = add_goal(vault, "Sleep", WORDS, importance=3, difficulty=2, now=T0)
    work = add_goal(vault, "Work", WORDS, importance=1, difficulty=1, now=T0)
    rate_goal(vault, sleep.id, -1, now=T0)
    rate_goal(vault, work.id, -1, now=T0)
    rate_goal(vault, sleep.id, 1, now=T0 + timedelta(days=30))
    rate_goal(vault, work.id, 0, now=T0 + timedelta(days=60))
    points = gas_history(vault)
    assert [p.levels for p in points] == [
        {sleep.id: -1, work.id: -1},
        {sleep.id: 1, work.id: -1},
        {sleep.id: 1, work.id: 0},
    ]
    assert points[0].t_score == pytest.approx(50 + 10 * -7 / (0.7 * 37 + 0.3 * 49) ** 0.5)
    assert points[0].t_score < points[1].t_score < points[2].t_score


def test_link_to_entries_and_sessions(vault: Vault) -> None:
    goal = add_goal(vault, "Sleep", WORDS, now=T0)
    entry = write_entry(vault, "Slept till six.", now=T0 + timedelta(days=1))
    session = add_session(vault, at="2025-03-04 17:00", now=T0 + timedelta(days=2))
    _, added = link_goal(vault, goal.id, entry=entry.id[:8], session=str(session.number))
    assert added == [f"entry {entry.id[:8]}", f"session {session.number}"]
    assert link_goal(vault, goal.id, entry=entry.id)[1] == []  # already linked: no change
    detail = get_goal(vault, goal.id)
    assert [e.id for e in detail.entries] == [entry.id]
    assert [s.id for s in detail.sessions] == [session.id]
    assert list_goals(vault)[0].entries_linked == 1
    trash_entry(vault, entry.id)
    assert get_goal(vault, goal.id).entries == ()
    with pytest.raises(InvalidInput, match="Give an entry"):
        link_goal(vault, goal.id)


def test_an_archived_goal_is_listed_only_on_request_and_not_rated(vault: Vault) -> None:
    goal = add_goal(vault, "Sleep", WORDS, now=T0)
    rate_goal(vault, goal.id, 0, now=T0)
    archive_goal(vault, goal.id, now=T0 + timedelta(days=3))
    assert list_goals(vault) == []
    assert [v.goal.id for v in list_goals(vault, include_archived=True)] == [goal.id]
    with pytest.raises(InvalidInput, match="archived"):
        rate_goal(vault, goal.id, 1)
    assert [p.n for p in gas_history(vault)] == [1]
