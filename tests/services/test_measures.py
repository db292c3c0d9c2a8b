"""Measures use-cases on real SQLCipher vaults: take, void, history, instruments, schedules."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path
from uuid import uuid4

import pytest

from alliance.domain.change import assess_change
from alliance.domain.expected import default_model
from alliance.errors import InvalidInput, NotFound
from alliance.instruments.catalog import SHIPPED
from alliance.instruments.catalog import load_instrument as shipped_instrument
from alliance.services.measures import (
    due_measures,
    history,
    list_instruments,
    take_measure,
    void_response,
)
from alliance.store.vault import Vault

T0 = datetime(2024, 1, 1, 9, 0, tzinfo=UTC)


def phq9(total: int, item9: int = 0) -> list[int]:
    """PHQ-9 answers with this total (items 1-8 filled up to 3 each) and this item 9."""
    rest = total - item9
    answers = []
    for _ in range(8):
        answers.append(min(3, rest))
        rest -= answers[-1]
    assert rest == 0, "total out of reach"
    return [*answers, item9]


def count(vault: Vault) -> int:
    return int(vault.raw().execute("SELECT count(*) FROM measure_responses").fetchone()[0])


def add_session(vault: Vault, number: int, starts_at: datetime, status: str = "attended") -> str:
    from alliance.store.tables import TherapySession

    session_id = str(uuid4())
    with vault.transaction() as db:
        db.add(
            TherapySession(
                id=session_id,
                number=number,
                starts_at=starts_at,
                tz="UTC",
                kind="individual",
                status=status,
                notes="",
                created_at=starts_at,
                updated_at=starts_at,
            )
        )
    return session_id


def test_take_measure_stores_every_item_answer(vault: Vault) -> None:
    answers = [0, 1, 2, 3, 0, 1, 2, 3, 1]
    stored = take_measure(vault, "PHQ-9", answers, taken_at=T0, note="  after work  ")
    assert stored.instrument_id == "phq9"
    assert stored.total == sum(answers)
    assert stored.band == "moderate"  # 13 is in 10-14
    assert "safety" in stored.flags
    assert stored.note == "after work"
    assert stored.taken_at == T0
    row = vault.raw().execute("SELECT answers_json, taken_at FROM measure_responses").fetchone()
    items = shipped_instrument("phq9").item_ids
    assert json.loads(row[0]) == dict(zip(items, answers, strict=True))
    assert row[1].startswith("2024-01-01T09:00:00")
    [record] = history(vault, "phq9")
    assert record.rows[0].response.answers == dict(zip(items, answers, strict=True))


@pytest.mark.parametrize(
    ("instrument", "answers", "message"),
    [
        ("phq9", [0, 0, 0, 4, 0, 0, 0, 0, 0], "item 4 (tired): 4 is not an allowed answer"),
        ("phq9", [0] * 10, "needs 9 answers"),
        ("phq9", [0] * 8, "got 8"),
        ("phq9", [0, 0, 0, 0, 0, 0, 0, 0, None], "item 9 (self_harm) unanswered"),
        ("gad7", [0, -1, 0, 0, 0, 0, 0], "item 2"),
        ("nosuch", [0], "no instrument 'nosuch'"),
    ],
)
def test_bad_answers_store_nothing(
    vault: Vault, instrument: str, answers: list[int | None], message: str
) -> None:
    take_measure(vault, "phq9", phq9(5), taken_at=T0)
    before = count(vault)
    with pytest.raises((InvalidInput, NotFound), match=re.escape(message)):
        take_measure(vault, instrument, answers)
    assert count(vault) == before


def test_unknown_session_or_time_stores_nothing(vault: Vault) -> None:
    with pytest.raises(NotFound, match="No session number 4"):
        take_measure(vault, "phq9", phq9(5), session_ref="4")
    with pytest.raises(InvalidInput, match="time zone"):
        take_measure(vault, "phq9", phq9(5), taken_at=datetime(2024, 1, 1, 9))
    with pytest.raises(InvalidInput, match="future"):
        take_measure(vault, "phq9", phq9(5), taken_at=datetime.now(UTC) + timedelta(days=1))
    assert count(vault) == 0


def test_a_response_links_to_a_session_by_number_or_last(vault: Vault) -> None:
    first = add_session(vault, 1, T0)
    second = add_session(vault, 2, T0 + timedelta(weeks=1))
    by_number = take_measure(vault, "sf4", [8, 8, 8, 8], session_ref="1")
    by_last = take_measure(vault, "sf4", [9, 9, 9, 9], session_ref="last")
    assert (by_number.session_id, by_number.session_number) == (first, 1)
    assert (by_last.session_id, by_last.session_number) == (second, 2)


def test_history_compares_with_intake_and_the_expected_band(vault: Vault) -> None:
    totals = [14, 13, 11, 15, 21]
    weeks = [0, 1, 2, 4, 6]
    for total, week in zip(totals, weeks, strict=True):
        take_measure(vault, "phq9", phq9(total), taken_at=T0 + timedelta(weeks=week))
    [record] = history(vault, "phq9")
    phq = shipped_instrument("phq9")
    assert phq.expected is not None
    model = default_model(14, phq.expected, score_min=0, score_max=27)
    assert record.t_unit == "weeks"  # no sessions recorded
    assert [row.response.total for row in record.rows] == totals
    assert record.rows[0].is_intake and record.rows[0].change is None
    for row, total, week in zip(record.rows[1:], totals[1:], weeks[1:], strict=True):
        assert row.t == week
        assert row.change == assess_change(phq, 14, total)
        point = model.at(week)
        assert row.expected == point
        worse = total > point.upper
        assert row.on_track is (not worse)
    last = record.rows[-1]
    assert last.change is not None and last.change.category == "deteriorated"
    assert last.position == "worse"
    data = last.as_dict()
    assert data["change"] == {"points": 7, **assess_change(phq, 14, 21).as_dict()}
    assert data["on_track"] is False and data["t"] == 6


def test_time_counts_sessions_held_when_sessions_are_recorded(vault: Vault) -> None:
    for number in range(1, 6):
        status = "cancelled" if number == 3 else "attended"
        add_session(vault, number, T0 + timedelta(weeks=number - 1, hours=1), status)
    take_measure(vault, "phq9", phq9(16), taken_at=T0, session_ref="1")
    take_measure(vault, "phq9", phq9(12), taken_at=T0 + timedelta(weeks=4, hours=2))
    [record] = history(vault, "phq9")
    assert record.t_unit == "sessions"
    # Sessions 2, 4 and 5 were held after session 1 (3 was cancelled).
    assert record.rows[1].t == 3


def test_a_voided_response_is_listed_but_left_out_of_change(vault: Vault) -> None:
    wrong = take_measure(vault, "phq9", phq9(24), taken_at=T0)
    take_measure(vault, "phq9", phq9(14), taken_at=T0 + timedelta(days=1))
    take_measure(vault, "phq9", phq9(7), taken_at=T0 + timedelta(weeks=3))
    with pytest.raises(InvalidInput, match="reason"):
        void_response(vault, wrong.id[:8], "   ")
    voided = void_response(vault, wrong.id[:8], "answered for the wrong fortnight")
    assert voided.voided and voided.void_reason == "answered for the wrong fortnight"
    with pytest.raises(InvalidInput, match="already voided"):
        void_response(vault, wrong.id, "again")
    [record] = history(vault, "phq9")
    assert len(record.rows) == 3
    first = record.rows[0]
    assert first.response.voided and first.change is None and not first.is_intake
    assert first.as_dict()["voided"] is True
    assert record.rows[1].is_intake
    last = record.rows[2].change
    assert last is not None and (last.pre, last.post) == (14, 7)
    assert count(vault) == 3


def test_void_needs_a_known_id(vault: Vault) -> None:
    with pytest.raises(NotFound):
        void_response(vault, "abcd1234", "typo")
    with pytest.raises(InvalidInput, match="at least 4"):
        void_response(vault, "ab", "typo")


def test_instruments_include_the_vaults_own(vault: Vault) -> None:
    folder = vault.home / "instruments"
    folder.mkdir()
    source = Path(__file__).resolve().parents[2] / "alliance" / "instruments" / "gad2.yaml"
    folder.joinpath("mine.yaml").write_text(
        source.read_text(encoding="utf-8").replace("id: gad2", "id: mine"), encoding="utf-8"
    )
    ids = [instrument.id for instrument in list_instruments(vault)]
    assert ids == [*SHIPPED, "mine"]
    stored = take_measure(vault, "mine", [1, 2])
    assert stored.total == 3


def test_due_measures_follow_the_schedules(vault: Vault) -> None:
    now = T0 + timedelta(days=20)
    take_measure(vault, "phq9", phq9(10), taken_at=T0)
    take_measure(vault, "who5", [3, 3, 3, 3, 3], taken_at=T0 + timedelta(days=10))
    take_measure(vault, "sf4", [9, 9, 9, 9], taken_at=T0 + timedelta(days=2))
    add_session(vault, 1, T0 + timedelta(days=9))
    due = {item.instrument.id: item for item in due_measures(vault, now=now)}
    assert due["phq9"].status.missed  # 20 days against every 14
    assert due["phq9"].status.days_since == 20
    assert not due["who5"].status.missed and due["who5"].status.days_since == 10
    assert due["sf4"].status.missed and due["sf4"].status.sessions_since == 1
    assert due["gad7"].status.due and not due["gad7"].status.missed
    assert "phq4" not in due  # no schedule
