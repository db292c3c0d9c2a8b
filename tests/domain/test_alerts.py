"""Alert rules and the measure schedule behind missed-measure alerts."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from alliance.domain.alerts import (
    deterioration_alert,
    missed_measure_alert,
    off_track_alert,
    safety_alert,
    session_feedback_alert,
)
from alliance.domain.expected import default_model
from alliance.domain.instruments import Score, score
from alliance.domain.schedule import Schedule, due_status
from alliance.errors import InvalidInput
from alliance.instruments.catalog import load_instrument

PHQ9 = load_instrument("phq9")
WHO5 = load_instrument("who5")
SF4 = load_instrument("sf4")
TODAY = date(2025, 3, 1)


def test_safety_alert_on_item9_whatever_the_total() -> None:
    alert = safety_alert(PHQ9, score(PHQ9, [0, 0, 0, 0, 0, 0, 0, 0, 1]))
    assert alert is not None
    assert alert.kind == "safety_item"
    assert alert.severity == "urgent"
    assert "crisis" in alert.next_step
    assert alert.evidence["items"] == {"self_harm": {"answer": 1, "label": "Several days"}}
    assert "not at risk" not in alert.message


def test_no_safety_alert_when_item9_is_zero() -> None:
    assert safety_alert(PHQ9, score(PHQ9, [3, 3, 3, 3, 3, 3, 3, 3, 0])) is None


def test_off_track_only_on_the_worse_side() -> None:
    assert PHQ9.expected is not None
    model = default_model(16, PHQ9.expected, score_min=0, score_max=27)
    upper, lower = model.at(6).upper, model.at(6).lower
    alert = off_track_alert(PHQ9, model, 6, upper + 1)
    assert alert is not None and alert.kind == "off_track"
    assert alert.evidence["basis"] == "default"
    assert lower >= 1
    assert off_track_alert(PHQ9, model, 6, lower - 1) is None
    assert off_track_alert(PHQ9, model, 6, model.at(6).expected) is None


def test_off_track_for_higher_is_better_is_below_the_band() -> None:
    assert WHO5.expected is not None
    model = default_model(32, WHO5.expected, score_min=0, score_max=100)
    point = model.at(6)
    assert off_track_alert(WHO5, model, 6, point.lower - 4) is not None
    assert off_track_alert(WHO5, model, 6, min(100, point.upper + 4)) is None


def test_reliable_deterioration_alert_uses_the_instrument_threshold() -> None:
    alert = deterioration_alert(PHQ9, 12, 18)
    assert alert is not None
    assert alert.kind == "reliable_deterioration"
    assert alert.evidence["change"] == 6
    assert deterioration_alert(PHQ9, 12, 17) is None
    assert deterioration_alert(PHQ9, 18, 10) is None
    assert deterioration_alert(WHO5, 60, 48) is not None


def test_no_deterioration_alert_without_norms() -> None:
    assert deterioration_alert(SF4, 30, 10) is None


def sf4(*items: int) -> Score:
    return score(SF4, list(items))


def test_sf4_item_below_7() -> None:
    alert = session_feedback_alert(sf4(6, 9, 9, 9), [])
    assert alert is not None
    assert alert.severity == "notice"
    assert alert.evidence["low_items"] == {"connection": 6}
    assert session_feedback_alert(sf4(7, 7, 7, 7), []) is None


def test_sf4_drop_of_3_from_previous_session() -> None:
    assert session_feedback_alert(sf4(9, 9, 8, 8), [37]) is not None  # 34 = 37 - 3
    assert session_feedback_alert(sf4(9, 9, 9, 8), [37]) is None  # 35


def test_sf4_below_own_mean_minus_1_5_sd_needs_4_earlier_sessions() -> None:
    history = [40, 38, 40, 38]  # mean 39, sample SD 1.155 -> floor 37.27
    alert = session_feedback_alert(sf4(10, 9, 9, 9), history)  # 37, previous 38: drop 1
    assert alert is not None
    assert alert.evidence["reasons"] == ["well below your usual sessions"]
    assert session_feedback_alert(sf4(10, 9, 9, 9), history[1:]) is None


def test_rupture_evidence_strengthens_but_does_not_create_an_alert() -> None:
    quote = "I just agreed with whatever she said"
    alert = session_feedback_alert(sf4(6, 9, 9, 9), [], rupture_evidence=[quote])
    assert alert is not None
    assert alert.severity == "warning"
    assert alert.evidence["rupture"] == [quote]
    assert session_feedback_alert(sf4(9, 9, 9, 9), [], rupture_evidence=[quote]) is None


def test_session_feedback_rules_refuse_other_instruments() -> None:
    with pytest.raises(InvalidInput, match="apply to SF-4"):
        session_feedback_alert(score(PHQ9, [0] * 9), [])


def test_missed_measure_after_its_schedule() -> None:
    alert = missed_measure_alert(WHO5, today=TODAY, last_taken=TODAY - timedelta(days=15))
    assert alert is not None
    assert alert.kind == "missed_measure"
    assert alert.evidence["missed_occasions"] == 1
    assert missed_measure_alert(WHO5, today=TODAY, last_taken=TODAY - timedelta(days=14)) is None


def test_missed_every_session_measure() -> None:
    recent = TODAY - timedelta(days=3)
    assert missed_measure_alert(PHQ9, today=TODAY, last_taken=recent, sessions_since=1)
    assert missed_measure_alert(PHQ9, today=TODAY, last_taken=recent, sessions_since=0) is None


def test_no_missed_alert_for_unscheduled_instruments() -> None:
    phq4 = load_instrument("phq4")
    assert missed_measure_alert(phq4, today=TODAY, last_taken=date(2020, 1, 1)) is None


@pytest.mark.parametrize(
    ("days", "missed", "occasions"), [(13, False, 0), (14, False, 0), (15, True, 1), (29, True, 2)]
)
def test_due_status_by_days(days: int, missed: bool, occasions: int) -> None:
    status = due_status(
        Schedule(every_days=14), today=TODAY, last_taken=TODAY - timedelta(days=days)
    )
    assert (status.missed, status.missed_occasions) == (missed, occasions)
    assert status.due is (days >= 14)


def test_due_status_before_the_first_measure_counts_from_the_episode_start() -> None:
    schedule = Schedule(every_days=14)
    status = due_status(schedule, today=TODAY, last_taken=None, started=TODAY - timedelta(days=20))
    assert status.missed is True
    fresh = due_status(schedule, today=TODAY, last_taken=None)
    assert (fresh.due, fresh.missed) == (True, False)


def test_schedule_and_dates_are_checked() -> None:
    with pytest.raises(InvalidInput):
        Schedule()
    with pytest.raises(InvalidInput):
        Schedule(every_days=0)
    with pytest.raises(InvalidInput):
        due_status(Schedule(every_days=7), today=TODAY, last_taken=TODAY + timedelta(days=1))


def test_alert_as_dict() -> None:
    alert = deterioration_alert(PHQ9, 12, 18)
    assert alert is not None
    assert set(alert.as_dict()) == {"kind", "severity", "message", "next_step", "evidence"}
