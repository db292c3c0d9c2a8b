"""Ending readiness from the vault: the latest ER-8 beside the indicators, never a verdict.

The pure rules are in `domain.readiness`; this module gathers their data: measures history
(voided responses left out), Session Feedback rescored item by item, goals and their ratings,
and the crisis level the analyser stored for each entry. Details: docs/ending.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from alliance.domain.dates import iso_utc
from alliance.domain.ending import Er8Review, er8_review
from alliance.domain.goals import gas_series, goals_met
from alliance.domain.instruments import Score, plain_number
from alliance.domain.readiness import (
    DECIDE_TOGETHER,
    ER8_NOT_VALIDATED,
    Indicator,
    ScoreSeries,
    below_cutoff_indicator,
    crisis_language_indicator,
    goals_met_indicator,
    no_deterioration_indicator,
    session_feedback_indicator,
)
from alliance.services.journal import local_now

if TYPE_CHECKING:
    from alliance.services.measures import InstrumentHistory
    from alliance.store.vault import Vault

ER8 = "er8"
SESSION_FEEDBACK = "sf4"


@dataclass(frozen=True)
class Readiness:
    today: date
    er8: Er8Review | None
    indicators: tuple[Indicator, ...]
    decide_together: str = DECIDE_TOGETHER
    er8_note: str = ER8_NOT_VALIDATED

    def as_dict(self) -> dict[str, object]:
        review = self.er8
        return {
            "today": self.today.isoformat(),
            "er8": None
            if review is None
            else {
                "taken_at": iso_utc(review.taken_at),
                "total": None if review.total is None else plain_number(review.total),
                "max_total": 16,
                "items": [item.as_dict() for item in review.items],
                "to_do": [item.id for item in review.to_do],
                "note": self.er8_note,
            },
            "indicators": [indicator.as_dict() for indicator in self.indicators],
            "decide_together": self.decide_together,
        }


def readiness(vault: Vault, *, now: datetime | None = None) -> Readiness:
    """The ER-8's latest answers and the five indicators, each with the data behind it."""
    from alliance.services.goals import goals_and_ratings
    from alliance.services.measures import history
    from alliance.store.goals_repo import crisis_levels, safety_flagged_times

    moment = local_now(now)
    today = moment.date()
    records = history(vault, now=moment)
    series = [
        _series(record)
        for record in records
        if record.instrument is not None and record.instrument.validated
    ]
    goals, ratings = goals_and_ratings(vault)
    points = gas_series(goals, ratings)
    with vault.transaction() as db:
        read = crisis_levels(db)
        flagged = safety_flagged_times(db)
    indicators = (
        below_cutoff_indicator(series, today),
        no_deterioration_indicator(series),
        goals_met_indicator(goals_met(goals, ratings), points[-1] if points else None),
        session_feedback_indicator(_feedback_scores(records)),
        crisis_language_indicator(read, flagged, today),
    )
    return Readiness(today, _latest_er8(records), indicators)


def _series(record: InstrumentHistory) -> ScoreSeries:
    assert record.instrument is not None
    points = tuple(
        (row.response.taken_at, row.response.total)
        for row in record.active
        if row.response.total is not None
    )
    return ScoreSeries(record.instrument, points)


def _feedback_scores(records: list[InstrumentHistory]) -> list[tuple[datetime, Score]]:
    from alliance.services.alerts import rescore

    found: list[tuple[datetime, Score]] = []
    for record in records:
        if record.instrument_id != SESSION_FEEDBACK or record.instrument is None:
            continue
        for row in record.active:
            score = rescore(record.instrument, row.response)
            if score is not None:
                found.append((row.response.taken_at, score))
    return found


def _latest_er8(records: list[InstrumentHistory]) -> Er8Review | None:
    for record in records:
        if record.instrument_id == ER8 and record.instrument is not None and record.active:
            latest = record.active[-1].response
            return er8_review(record.instrument, latest.answers, latest.taken_at, latest.total)
    return None
