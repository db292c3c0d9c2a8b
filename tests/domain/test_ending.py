"""The planned ending (taper, follow-ups, plan gaps, feelings) and readiness indicators."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, timedelta

import pytest

from alliance.domain.ending import (
    EndingPlan,
    FollowUp,
    RelapsePlan,
    TaperStep,
    add_months,
    er8_review,
    feelings_by_week,
    followup_dates,
    followup_state,
    followup_warning,
    parse_taper,
    plan_gaps,
    prompt_for,
    taper_dates,
)
from alliance.domain.goals import Goal, GoalRating, gas_series, goals_met
from alliance.domain.instruments import score
from alliance.domain.readiness import (
    DECIDE_TOGETHER,
    ScoreSeries,
    below_cutoff_indicator,
    crisis_language_indicator,
    goals_met_indicator,
    no_deterioration_indicator,
    session_feedback_indicator,
)
from alliance.errors import InvalidInput
from alliance.instruments.catalog import load_instrument

MONDAY = date(2025, 1, 6)
T0 = datetime(2025, 1, 6, 9, 0, tzinfo=UTC)


# --- taper -----------------------------------------------------------------------------------


def test_taper_steps_each_at_their_own_cadence() -> None:
    steps = parse_taper("weekly:2, fortnightly:2, monthly:2")
    sessions = taper_dates(MONDAY, steps)
    gaps = [(b.day - a.day).days for a, b in itertools.pairwise(sessions)]
    assert gaps == [7, 14, 14, 28, 28]
    assert [s.cadence for s in sessions] == ["weekly"] * 2 + ["fortnightly"] * 2 + ["monthly"] * 2
    assert [s.number for s in sessions] == [1, 2, 3, 4, 5, 6]
    assert sessions[0].day == MONDAY
    assert {s.day.weekday() for s in sessions} == {MONDAY.weekday()}  # same weekday throughout


def test_a_plan_without_an_agreed_date_ends_on_the_tapers_last_day() -> None:
    plan = EndingPlan(taper_start=MONDAY, taper=(TaperStep("fortnightly", 3),))
    assert plan.final_session == MONDAY + timedelta(days=28)
    agreed = EndingPlan(
        last_session=date(2025, 5, 1), taper_start=MONDAY, taper=(TaperStep("weekly", 1),)
    )
    assert agreed.final_session == date(2025, 5, 1)
    assert EndingPlan().final_session is None


def test_parse_taper_reads_bare_cadences_and_refuses_nonsense() -> None:
    assert parse_taper("monthly") == (TaperStep("monthly", 1),)
    assert parse_taper("") == ()
    for bad in ("daily:2", "weekly:x", "weekly:0", "weekly:60"):
        with pytest.raises(InvalidInput):
            parse_taper(bad)


# --- follow-ups ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2025, 1, 31), 1, date(2025, 2, 28)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2025, 11, 15), 3, date(2026, 2, 15)),
        (date(2025, 12, 31), 1, date(2026, 1, 31)),
        (date(2025, 3, 31), 3, date(2025, 6, 30)),
    ],
)
def test_add_months_clamps_to_the_months_end(start: date, months: int, expected: date) -> None:
    assert add_months(start, months) == expected


def test_default_followups_are_phq9_and_gad7_at_1_and_3_months() -> None:
    check_ins = followup_dates(date(2025, 6, 30))
    assert [(c.day, c.months, c.instrument_id) for c in check_ins] == [
        (date(2025, 7, 30), 1, "phq9"),
        (date(2025, 7, 30), 1, "gad7"),
        (date(2025, 9, 30), 3, "phq9"),
        (date(2025, 9, 30), 3, "gad7"),
    ]
    with pytest.raises(InvalidInput):
        followup_dates(date(2025, 6, 30), months=(0,))


def test_followup_state_over_its_window() -> None:
    last = date(2025, 6, 30)
    check_in = FollowUp(date(2025, 7, 30), 1, "phq9")
    assert followup_state(check_in, last, [], date(2025, 7, 1)) == ("upcoming", None)
    assert followup_state(check_in, last, [], date(2025, 7, 23)) == ("due", None)
    assert followup_state(check_in, last, [], date(2025, 8, 29)) == ("due", None)
    assert followup_state(check_in, last, [], date(2025, 8, 30)) == ("not_taken", None)
    # A score from therapy (on the last day) does not count; one 5 days early does.
    taken = [last, date(2025, 7, 25)]
    assert followup_state(check_in, last, taken, date(2025, 7, 26)) == ("done", date(2025, 7, 25))
    # Too early (before the window) is not this check-in.
    assert followup_state(check_in, last, [date(2025, 7, 10)], date(2025, 7, 12))[0] == "upcoming"


def test_followup_warning_only_on_reliable_deterioration() -> None:
    phq9 = load_instrument("phq9")
    assert followup_warning(phq9, 5, 10) is None  # +5 < the 6-point threshold
    warning = followup_warning(phq9, 5, 11)
    assert warning is not None and "relapse plan" in warning and "(11)" in warning
    assert followup_warning(phq9, 11, 4) is None  # better is never a warning
    gad7 = load_instrument("gad7")
    assert followup_warning(gad7, 4, 8) is not None  # GAD-7: 4 points


# --- plan, prompts, feelings -----------------------------------------------------------------


def test_plan_gaps_name_what_is_missing() -> None:
    assert len(plan_gaps(EndingPlan())) == 6
    full = EndingPlan(
        last_session=MONDAY,
        relapse=RelapsePlan(("sign",), ("coping",), ("Sam",), ("call",), "email the practice"),
    )
    assert plan_gaps(full) == []
    partial = EndingPlan(relapse=RelapsePlan(warning_signs=("sign",)))
    assert "my early warning signs" not in plan_gaps(partial)
    assert "people i can contact" in plan_gaps(partial)


def test_prompts_are_found_by_id() -> None:
    assert prompt_for("future-letter").title == "A letter to my future self"
    with pytest.raises(InvalidInput, match="changed, take-with-me"):
        prompt_for("nope")


def test_feelings_by_week_merges_themes_and_ratings() -> None:
    weeks = [(MONDAY, 3, 2, 0), (MONDAY + timedelta(weeks=2), 2, 0, 1)]
    ratings = [(MONDAY + timedelta(days=2), 3), (MONDAY + timedelta(days=6), 5)]
    ratings.append((MONDAY + timedelta(weeks=1, days=1), 7))
    merged = feelings_by_week(weeks, ratings)
    assert [w.week_start for w in merged] == [MONDAY + timedelta(weeks=k) for k in range(3)]
    assert merged[0].ending_fear == 2 and merged[0].rating_mean == 4
    assert merged[1].entries == 0 and merged[1].ratings == (7,)
    assert merged[2].ending_ready == 1 and merged[2].rating_mean is None


# --- ER-8 ------------------------------------------------------------------------------------


def test_er8_items_scored_zero_are_what_is_left_to_do() -> None:
    er8 = load_instrument("er8")
    answers = dict(zip(er8.item_ids, [2, 2, 0, 1, 2, 0, 2, 2], strict=True))
    review = er8_review(er8, answers, T0, 11)
    assert [item.id for item in review.to_do] == ["signs", "feelings"]
    signs = review.to_do[0]
    assert signs.suggestion == er8.item("signs").suggestion and signs.suggestion
    assert signs.answer_label == "not yet"
    assert review.items[3].as_dict()["suggestion"] is None  # "partly" is not a to-do


# --- indicators ------------------------------------------------------------------------------


def series(instrument_id: str, scores: list[tuple[int, float]]) -> ScoreSeries:
    points = tuple((T0 + timedelta(weeks=w), float(s)) for w, s in scores)
    return ScoreSeries(load_instrument(instrument_id), points)


def test_below_cutoff_needs_six_weeks_on_every_measure() -> None:
    today = (T0 + timedelta(weeks=10)).date()
    phq = series("phq9", [(0, 16), (2, 11), (4, 9), (7, 8), (10, 6)])  # below since week 4
    gad = series("gad7", [(0, 12), (6, 9), (8, 7), (10, 5)])  # below since week 8: 2 weeks
    only_phq = below_cutoff_indicator([phq], today)
    assert only_phq.status == "yes"
    assert only_phq.data["instruments"][0]["weeks_below"] == 6.0  # type: ignore[index]
    both = below_cutoff_indicator([phq, gad], today)
    assert both.status == "not_now"
    assert "GAD-7: below the cut-off of 8 for 2 weeks (2 scores in a row)" in both.summary


def test_who5_is_out_of_the_clinical_range_above_its_cut_off() -> None:
    today = (T0 + timedelta(weeks=10)).date()
    who5 = below_cutoff_indicator([series("who5", [(0, 40), (2, 60), (10, 72)])], today)
    assert who5.status == "yes"
    assert "WHO-5: above the cut-off of 50 for 8 weeks" in who5.summary


def test_below_cutoff_is_not_now_when_the_latest_is_in_the_clinical_range() -> None:
    today = (T0 + timedelta(weeks=10)).date()
    result = below_cutoff_indicator([series("phq9", [(0, 5), (9, 5), (10, 10)])], today)
    assert result.status == "not_now"
    assert "clinical range" in result.summary


def test_below_cutoff_without_recent_scores_is_unknown() -> None:
    today = (T0 + timedelta(weeks=20)).date()
    stale = below_cutoff_indicator([series("phq9", [(0, 5), (8, 4)])], today)
    assert stale.status == "unknown"
    assert below_cutoff_indicator([], today).status == "unknown"


def test_no_deterioration_against_intake() -> None:
    steady = no_deterioration_indicator([series("phq9", [(0, 12), (4, 17)])])
    assert steady.status == "yes"  # +5: not reliable on PHQ-9 (6 points)
    worse = no_deterioration_indicator([series("phq9", [(0, 12), (4, 18)])])
    assert worse.status == "not_now"
    assert worse.data["instruments"][0]["worse_than_intake"] is True  # type: ignore[index]
    relapse = no_deterioration_indicator([series("phq9", [(0, 16), (4, 4), (6, 9), (8, 10)])])
    assert relapse.status == "not_now"  # 4 -> 10: worse than the best, not than the start
    assert relapse.data["instruments"][0]["worse_than_best"] is True  # type: ignore[index]
    assert relapse.data["instruments"][0]["worse_than_intake"] is False  # type: ignore[index]
    wobble = no_deterioration_indicator([series("phq9", [(0, 16), (4, 4), (8, 9)])])
    assert wobble.status == "yes"
    assert no_deterioration_indicator([series("phq9", [(0, 12)])]).status == "unknown"


def test_goals_met_indicator() -> None:
    words = ("a", "b", "c", "d", "e")
    goals = [Goal("g1", "Sleep", words, 2, 2, T0), Goal("g2", "Work", words, 1, 1, T0)]
    ratings = [GoalRating("r1", "g1", T0, 0), GoalRating("r2", "g2", T0, 1)]
    result = goals_met_indicator(goals_met(goals, ratings), gas_series(goals, ratings)[-1])
    assert result.status == "yes"
    assert "2 of 2 rated goals" in result.summary and "n = 2 goals" in result.summary
    lower = [*ratings, GoalRating("r3", "g2", T0 + timedelta(days=1), -1)]
    assert goals_met_indicator(goals_met(goals, lower), None).status == "not_now"
    unrated = goals_met_indicator(goals_met(goals, ratings[:1]), None)
    assert unrated.status == "unknown" and "1 not rated yet" in unrated.summary


def test_session_feedback_indicator_uses_the_sf4_rules() -> None:
    sf4 = load_instrument("sf4")

    def sf(days: int, *items: int) -> tuple[datetime, object]:
        return (T0 + timedelta(days=days), score(sf4, list(items)))

    steady = [sf(0, 9, 9, 9, 9), sf(7, 9, 9, 8, 9), sf(14, 9, 9, 9, 9), sf(21, 10, 9, 9, 9)]
    assert session_feedback_indicator(steady).status == "yes"  # type: ignore[arg-type]
    dipped = [*steady, sf(28, 9, 6, 9, 9)]  # an item below 7
    result = session_feedback_indicator(dipped)  # type: ignore[arg-type]
    assert result.status == "not_now"
    assert "an item below 7" in result.data["recent"][-1]["reasons"]  # type: ignore[index]
    assert session_feedback_indicator(steady[:2]).status == "unknown"  # type: ignore[arg-type]


def test_crisis_language_indicator_looks_at_the_last_four_weeks() -> None:
    today = date(2025, 3, 1)
    old_flag = (datetime(2025, 1, 10, tzinfo=UTC), "concern")
    recent = [
        (datetime(2025, 2, 20, tzinfo=UTC), "none"),
        (datetime(2025, 2, 25, tzinfo=UTC), "none"),
    ]
    quiet = crisis_language_indicator([old_flag, *recent], [], today)
    assert quiet.status == "yes"
    assert quiet.data["last_flagged_day"] == "2025-01-10"
    assert "never a safety check" in quiet.summary
    flagged = crisis_language_indicator(
        [*recent, (datetime(2025, 2, 27, tzinfo=UTC), "urgent")], [], today
    )
    assert flagged.status == "not_now" and flagged.data["entries_flagged"] == 1
    item9 = crisis_language_indicator(recent, [datetime(2025, 2, 26, tzinfo=UTC)], today)
    assert item9.status == "not_now" and item9.data["safety_answers"] == 1
    assert crisis_language_indicator([old_flag], [], today).status == "unknown"


def test_the_wording_leaves_the_decision_to_client_and_therapist() -> None:
    assert "the client and therapist decide together" in DECIDE_TOGETHER
