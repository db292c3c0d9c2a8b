"""Gathering a report: the period, only the selected entries, the therapist's copy, the summary."""

from __future__ import annotations

from datetime import timedelta

import pytest

from alliance.errors import InvalidInput, NotFound
from alliance.reports.summary import NOT_A_DIAGNOSIS, summary
from alliance.services.journal import trash_entry, write_entry
from alliance.services.reports import build_report, check_audience, parse_day
from alliance.store.vault import Vault
from tests.reports.builders import CANARY, SmallTherapy, build_small_therapy


@pytest.fixture
def therapy(vault: Vault) -> SmallTherapy:
    return build_small_therapy(vault)


def test_only_the_selected_entries_are_carried(vault: Vault, therapy: SmallTherapy) -> None:
    data = build_report(vault, include=[therapy.entries["selected"][:8]])
    assert [e.id for e in data.selected] == [therapy.entries["selected"]]
    assert CANARY not in repr(data.selected)
    assert build_report(vault).selected == ()


def test_unknown_or_trashed_entries_are_refused(vault: Vault, therapy: SmallTherapy) -> None:
    with pytest.raises(NotFound):
        build_report(vault, include=["abcdef01"])
    trash_entry(vault, therapy.entries["selected"])
    with pytest.raises(InvalidInput, match="in the trash"):
        build_report(vault, include=[therapy.entries["selected"]])


def test_the_therapists_copy_leaves_out_private_notes_and_entries(
    vault: Vault, therapy: SmallTherapy
) -> None:
    private = write_entry(vault, "Only for me. #private", now=therapy.start + timedelta(weeks=11))
    include = [therapy.entries["selected"], private.id]
    mine = build_report(vault, include=include)
    assert len(mine.selected) == 2 and mine.withheld_private == 0
    assert {line.note for line in mine.goals} == {"private thought"}
    theirs = build_report(vault, include=include, audience="therapist")
    assert [e.id for e in theirs.selected] == [therapy.entries["selected"]]
    assert theirs.withheld_private == 1
    assert {line.note for line in theirs.goals} == {""}


def test_the_period_limits_measures_weeks_and_goal_points(
    vault: Vault, therapy: SmallTherapy
) -> None:
    since = (therapy.start + timedelta(weeks=6)).date()
    until = (therapy.start + timedelta(weeks=9)).date()
    data = build_report(vault, since=since, until=until)
    for record in data.measures:
        days = [row.response.taken_at.date() for row in record.rows]
        assert days and all(since <= day <= until for day in days)
    assert {p.day for p in data.gas} == {since}
    assert data.sessions_held == 4
    assert all(since - timedelta(days=6) <= w.week_start <= until for w in data.weeks)
    # Goal ratings count up to the end of the period: the week-11 ratings are not yet there.
    assert [line.latest.level for line in data.goals if line.latest] == [0, -1]
    with pytest.raises(InvalidInput, match="after"):
        build_report(vault, since=until, until=since)


def test_summary_sentences_carry_their_n_and_no_verdict(
    vault: Vault, therapy: SmallTherapy
) -> None:
    sentences = summary(build_report(vault))
    text = " ".join(sentences)
    assert sentences[-1] == NOT_A_DIAGNOSIS
    assert "12 therapy sessions held and 5 journal entries written" in text
    assert "PHQ-9: 7 scores in this period" in text
    assert "the latest is a reliable improvement (reliable change needs 6 points)" in text
    assert "an Alliance scale, not a validated measure): 12 responses" in text
    assert "n = 2 goals rated" in text
    assert "ER-8" not in text  # shown item by item in the ending section, never as a score
    for claim in ("because", "caused by", "due to", "thanks to"):
        assert claim not in text.replace("what caused any change", "")


def test_options_are_checked(vault: Vault) -> None:
    assert check_audience(" Therapist ") == "therapist"
    with pytest.raises(InvalidInput):
        check_audience("boss")
    assert parse_day(None, "--from") is None
    with pytest.raises(InvalidInput, match="YYYY-MM-DD"):
        parse_day("last week", "--from")
