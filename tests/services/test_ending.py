"""The ending workspace in a vault: plan, feelings, suggestions, reflections, follow-ups,
and readiness (the ER-8 beside the indicators)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from alliance.errors import InvalidInput
from alliance.services.ending import (
    PlanChanges,
    coping_suggestions,
    due_follow_ups,
    ending_reflections,
    feelings_over_time,
    follow_ups,
    get_plan,
    plan_as_dict,
    update_plan,
    write_reflection,
)
from alliance.services.measures import take_measure, void_response
from alliance.services.readiness import readiness
from alliance.store.vault import Vault
from tests.reports.builders import (
    FEAR_SENTENCE,
    PROGRESS_SENTENCE,
    build_small_therapy,
    phq9_answers,
    store_reading,
    written,
)

NOW = datetime(2025, 5, 1, 12, 0, tzinfo=UTC)


def plan_rows(vault: Vault) -> int:
    return int(vault.raw().execute("SELECT count(*) FROM ending_plan").fetchone()[0])


# --- the plan --------------------------------------------------------------------------------


def test_an_empty_vault_has_an_empty_plan_with_default_followups(vault: Vault) -> None:
    plan = get_plan(vault)
    assert plan.final_session is None and plan.followup_months == (1, 3)
    assert plan_rows(vault) == 0


def test_update_plan_changes_only_what_is_given(vault: Vault) -> None:
    update_plan(
        vault,
        PlanChanges(
            taper_start="2025-05-06",
            taper="weekly:1,fortnightly:2,monthly:1",
            boosters=("2025-10-01", "2025-09-01"),
            warning_signs=("  Waking at 3 a.m. ", ""),
        ),
        now=NOW,
    )
    plan = update_plan(vault, PlanChanges(coping=("A run",), followup_months=(3, 1, 6)), now=NOW)
    assert [s.day for s in plan.proposed_sessions] == [
        date(2025, 5, 6),
        date(2025, 5, 20),
        date(2025, 6, 3),
        date(2025, 7, 1),
    ]
    assert plan.final_session == date(2025, 7, 1)
    assert plan.boosters == (date(2025, 9, 1), date(2025, 10, 1))
    assert plan.relapse.warning_signs == ("Waking at 3 a.m.",)
    assert plan.relapse.coping == ("A run",)
    assert plan.followup_months == (1, 3, 6)
    assert plan_rows(vault) == 1
    agreed = update_plan(vault, PlanChanges(last_session="2025-07-08"), now=NOW)
    assert agreed.final_session == date(2025, 7, 8)
    cleared = update_plan(vault, PlanChanges(last_session="none", taper=""), now=NOW)
    assert cleared.final_session is None
    assert "a last session (agreed, or proposed by a taper)" in plan_as_dict(cleared)["gaps"]  # type: ignore[operator]


def test_a_bad_change_writes_nothing(vault: Vault) -> None:
    update_plan(vault, PlanChanges(coping=("A run",)), now=NOW)
    with pytest.raises(InvalidInput, match="taper-start"):
        update_plan(vault, PlanChanges(taper="weekly:2", coping=("Other",)), now=NOW)
    with pytest.raises(InvalidInput, match="cadence"):
        update_plan(vault, PlanChanges(taper_start="2025-05-06", taper="daily:2"), now=NOW)
    assert get_plan(vault).relapse.coping == ("A run",)
    assert get_plan(vault).taper == ()


# --- feelings, suggestions, reflections -----------------------------------------------------


def test_feelings_over_time_and_coping_suggestions(vault: Vault) -> None:
    therapy = build_small_therapy(vault)
    weeks = feelings_over_time(vault)
    fear_week = next(w for w in weeks if w.ending_fear)
    ready_week = next(w for w in weeks if w.ending_ready)
    assert fear_week.week_start < ready_week.week_start
    assert [r for w in weeks for r in w.ratings] == [3, 5, 7]
    [suggestion] = coping_suggestions(vault)
    assert suggestion.sentence == PROGRESS_SENTENCE
    assert suggestion.entry_id == therapy.entries["progress"]
    # Once in the plan (in any case or spacing), it is no longer suggested.
    update_plan(vault, PlanChanges(coping=(PROGRESS_SENTENCE.upper(),)))
    assert coping_suggestions(vault) == []


def test_suggestions_skip_repeats_and_trashed_entries(vault: Vault) -> None:
    from alliance.services.journal import trash_entry

    text = "I said no to the extra shift."
    first = written(vault, text, NOW, {"progress": [text]})
    written(vault, "Again: " + text, NOW + timedelta(days=1), {"progress": [text + "  "]})
    assert [s.sentence for s in coping_suggestions(vault)] == [text]
    gone = written(vault, "x", NOW + timedelta(days=2), {"progress": ["Only in the trash."]})
    trash_entry(vault, gone)
    assert all(s.entry_id != gone for s in coping_suggestions(vault))
    store_reading(vault, first, {"stuck": ["No progress here."]})
    assert len(coping_suggestions(vault)) == 1


def test_reflections_are_journal_entries_tagged_ending(vault: Vault) -> None:
    entry = write_reflection(vault, "future-letter", "Dear me, remember the runs.", now=NOW)
    assert entry.title == "A letter to my future self"
    assert "#ending" in entry.tags and entry.kind.value == "reflection"
    assert [e.id for e in ending_reflections(vault)] == [entry.id]
    with pytest.raises(InvalidInput):
        write_reflection(vault, "changed", "   ")
    with pytest.raises(InvalidInput, match="No reflection prompt"):
        write_reflection(vault, "nope", "text")


# --- follow-ups ------------------------------------------------------------------------------


def test_followups_after_the_last_session_warn_gently_on_reliable_deterioration(
    vault: Vault,
) -> None:
    last = datetime.now(UTC) - timedelta(days=100)
    take_measure(vault, "phq9", phq9_answers(5), taken_at=last - timedelta(days=1))
    update_plan(
        vault,
        PlanChanges(last_session=last.date().isoformat(), warning_signs=("Waking at 3 a.m.",)),
    )
    quiet = follow_ups(vault)
    assert [row.state for row in quiet.rows] == ["not_taken", "not_taken", "due", "due"]
    assert due_follow_ups(vault) == [row for row in quiet.rows if row.months == 3]
    assert quiet.relapse is None and quiet.warnings == []
    one_month = quiet.rows[0].day
    take_measure(
        vault, "phq9", phq9_answers(12), taken_at=datetime.combine(one_month, last.timetz())
    )
    warned = follow_ups(vault)
    phq_row = warned.rows[0]
    assert (phq_row.state, phq_row.score, phq_row.in_therapy) == ("done", 12, 5)
    assert phq_row.warning is not None and "relapse plan" in phq_row.warning
    assert warned.relapse is not None and warned.relapse.warning_signs == ("Waking at 3 a.m.",)
    assert warned.crisis_resources
    assert warned.rows[1].warning is None  # GAD-7 was not taken


def test_followups_wait_for_a_last_session(vault: Vault) -> None:
    assert follow_ups(vault).rows == ()


# --- readiness -------------------------------------------------------------------------------


def test_readiness_in_a_small_therapy(vault: Vault) -> None:
    build_small_therapy(vault)
    result = readiness(vault)
    status = {i.id: i.status for i in result.indicators}
    assert status == {
        "below_cutoff": "not_now",  # 5 weeks below: not yet the 6
        "no_deterioration": "yes",
        "goals_met": "yes",
        "feedback_stable": "yes",
        "no_crisis_language": "yes",
    }
    assert result.er8 is not None and [i.id for i in result.er8.to_do] == ["signs"]
    data = result.as_dict()
    assert "the client and therapist decide together" in str(data["decide_together"])
    assert "not a validated" in str(data["er8"])


def test_readiness_reacts_to_crisis_language_and_voided_answers(vault: Vault) -> None:
    build_small_therapy(vault)
    written(vault, "A hard night.", datetime.now(UTC) - timedelta(days=1))
    entry_id = written(vault, "Another.", datetime.now(UTC) - timedelta(hours=2))
    store_reading(vault, entry_id, {"ending_fear": [FEAR_SENTENCE]}, crisis="concern")
    crisis = next(i for i in readiness(vault).indicators if i.id == "no_crisis_language")
    assert crisis.status == "not_now" and crisis.data["entries_flagged"] == 1
    late = take_measure(vault, "phq9", phq9_answers(11), taken_at=datetime.now(UTC))
    worse = next(i for i in readiness(vault).indicators if i.id == "no_deterioration")
    assert worse.status == "not_now"
    void_response(vault, late.id, "typed by mistake")
    again = next(i for i in readiness(vault).indicators if i.id == "no_deterioration")
    assert again.status == "yes"


def test_readiness_of_an_empty_vault_is_all_unknown(vault: Vault) -> None:
    result = readiness(vault)
    assert result.er8 is None
    assert {i.status for i in result.indicators} == {"unknown"}
