"""Goal Attainment Scaling: levels, weights, the T-score over time (clinical-facts §7.4)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from alliance.domain.change import gas_t_score
from alliance.domain.goals import (
    Goal,
    GoalRating,
    check_goal_text,
    check_weight_part,
    gas_series,
    goals_met,
    latest_ratings,
    parse_level,
)
from alliance.errors import InvalidInput
from tests.vectors import GAS_T_SCORES

DAY0 = datetime(2025, 3, 3, 10, 0, tzinfo=UTC)
WORDS = ("much less", "less", "expected", "more", "much more")


def goal(
    goal_id: str, importance: int = 1, difficulty: int = 1, archived: datetime | None = None
) -> Goal:
    return Goal(goal_id, f"Goal {goal_id}", WORDS, importance, difficulty, DAY0, archived)


def rating(goal_id: str, level: int, days: float = 0) -> GoalRating:
    return GoalRating(f"r-{goal_id}-{days}-{level}", goal_id, DAY0 + timedelta(days=days), level)


@pytest.mark.parametrize(("weights", "levels", "expected"), GAS_T_SCORES)
def test_series_reproduces_the_published_vectors(
    weights: tuple[int, ...], levels: tuple[int, ...], expected: float
) -> None:
    # Weight w as importance w x difficulty 1: the series must give the §7.4 T on that day.
    goals = [goal(f"g{i}", importance=w) for i, w in enumerate(weights)]
    ratings = [rating(f"g{i}", x) for i, x in enumerate(levels)]
    [point] = gas_series(goals, ratings)
    assert point.t_score == pytest.approx(expected, abs=5e-5)
    assert point.n == len(weights)


def test_series_uses_each_goals_latest_rating_per_day() -> None:
    goals = [goal("a", 3, 2), goal("b", 1, 1)]
    ratings = [
        rating("a", -1, 0),
        rating("b", -2, 0.2),
        rating("a", 0, 14),
        rating("a", 1, 14.3),  # later the same day: this one counts for day 14
        rating("b", 1, 28),
    ]
    points = gas_series(goals, ratings)
    assert [p.day for p in points] == [date(2025, 3, 3), date(2025, 3, 17), date(2025, 3, 31)]
    assert [p.levels for p in points] == [
        {"a": -1, "b": -2},
        {"a": 1, "b": -2},
        {"a": 1, "b": 1},
    ]
    for point in points:
        ids = sorted(point.levels)
        weights = [6 if i == "a" else 1 for i in ids]
        assert point.t_score == pytest.approx(gas_t_score([point.levels[i] for i in ids], weights))
    assert points[0].t_score < points[1].t_score < points[2].t_score


def test_a_goal_rated_later_joins_the_series_when_rated() -> None:
    points = gas_series([goal("a"), goal("b")], [rating("a", 0, 0), rating("b", -2, 7)])
    assert [p.n for p in points] == [1, 2]
    assert points[0].t_score == pytest.approx(50.0)
    assert points[1].t_score < 50


def test_an_archived_goal_counts_only_up_to_its_archive_day() -> None:
    archived = goal("a", archived=DAY0 + timedelta(days=10))
    points = gas_series([archived, goal("b")], [rating("a", 2, 0), rating("b", 0, 20)])
    assert points[0].levels == {"a": 2}
    assert points[1].levels == {"b": 0}
    assert points[1].t_score == pytest.approx(50.0)


def test_ratings_of_unknown_goals_are_ignored() -> None:
    assert gas_series([goal("a")], [rating("zzz", 2)]) == []


def test_weight_is_importance_times_difficulty() -> None:
    assert goal("a", 3, 2).weight == 6
    assert goal("a", 1, 3).weight == 3


@pytest.mark.parametrize("value", [0, 4, -1])
def test_weight_parts_are_1_to_3(value: int) -> None:
    with pytest.raises(InvalidInput, match="1 \\(a little\\)"):
        check_weight_part(value, "Importance")


@pytest.mark.parametrize(
    ("text", "level"),
    [("-2", -2), ("+1", 1), ("1", 1), ("0", 0), ("much-less", -2), ("Much more", 2)],
)
def test_parse_level(text: str, level: int) -> None:
    assert parse_level(text) == level


@pytest.mark.parametrize("text", ["3", "-3", "lots", "", "1.5"])
def test_parse_level_refuses_other_text(text: str) -> None:
    with pytest.raises(InvalidInput):
        parse_level(text)


def test_every_level_must_be_described() -> None:
    title, levels = check_goal_text("  Sleep better ", [" a ", "b", "c", "d", "e"])
    assert (title, levels) == ("Sleep better", ("a", "b", "c", "d", "e"))
    with pytest.raises(InvalidInput, match=r"level \+1 \(more than expected\)"):
        check_goal_text("Sleep", ["a", "b", "c", " ", "e"])
    with pytest.raises(InvalidInput, match="five levels"):
        check_goal_text("Sleep", ["a", "b", "c"])
    with pytest.raises(InvalidInput, match="title"):
        check_goal_text(" ", list(WORDS))


def test_goals_met_splits_by_latest_rating() -> None:
    goals = [goal("a"), goal("b"), goal("c"), goal("d", archived=DAY0)]
    ratings = [rating("a", -1, 0), rating("a", 0, 5), rating("b", 1, 0), rating("b", -1, 9)]
    standing = goals_met(goals, ratings)
    assert [g.id for g, _ in standing.met] == ["a"]
    assert [g.id for g, _ in standing.not_met] == ["b"]
    assert [g.id for g in standing.unrated] == ["c"]


def test_latest_ratings_up_to_a_day() -> None:
    ratings = [rating("a", -1, 0), rating("a", 1, 3)]
    assert latest_ratings(ratings, date(2025, 3, 4))["a"].level == -1
    assert latest_ratings(ratings)["a"].level == 1


@given(
    st.lists(
        st.tuples(st.integers(1, 3), st.integers(1, 3), st.integers(-2, 1)),
        min_size=1,
        max_size=8,
    ),
    st.integers(0, 7),
)
def test_t_is_symmetric_and_rises_with_any_goal(
    goals_spec: list[tuple[int, int, int]], raised: int
) -> None:
    goals = [goal(f"g{i}", imp, dif) for i, (imp, dif, _) in enumerate(goals_spec)]
    levels = [x for _, _, x in goals_spec]
    up = gas_series(goals, [rating(f"g{i}", x) for i, x in enumerate(levels)])[0]
    down = gas_series(goals, [rating(f"g{i}", -x) for i, x in enumerate(levels)])[0]
    assert up.t_score - 50 == pytest.approx(50 - down.t_score)
    index = raised % len(levels)
    levels[index] += 1
    higher = gas_series(goals, [rating(f"g{i}", x) for i, x in enumerate(levels)])[0]
    assert higher.t_score > up.t_score
