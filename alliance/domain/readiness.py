"""Ending readiness: indicators computed from the data, shown beside the ER-8. Nothing decides.

The ER-8 (shared/spec/alliance-scales.md; its review is `domain.ending.er8_review`) is
Alliance's own scale, not a validated measure. Beside it, five indicators, each with the data
behind it:

- out of the clinical range for several weeks: on every measure with a clinical cut-off (PHQ-9
  caseness 10, GAD-7 8, WHO-5 50), the latest scores form a run out of the clinical range (below
  the PHQ-9 and GAD-7 cut-offs, above WHO-5's) that spans at least 6 weeks with at least 2
  scores, and the latest score is recent (within 5 weeks);
- no reliable deterioration: the latest score against the first (intake), as the alerts judge
  it, and against the best score so far (a relapse from a good stretch matters for an ending
  even when the score is still better than at the start), with each instrument's norms;
- goals met: every active goal's latest GAS rating is 0 (the expected outcome) or above;
- stable session feedback: none of the last 3 SF-4 responses would raise the SF-4 alert against
  the sessions before it (any item below 7, a 3-point drop, or far below the usual);
- no crisis language lately: no entry read in the last 4 weeks carried crisis language, and no
  safety-flagged answer (PHQ-9 item 9) in that time. A quiet reading is never a safety check.

Each indicator says "yes", "not at the moment" or "not enough data yet". There is no tally and no
verdict: the client and therapist decide together.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal

from alliance.domain.alerts import session_feedback_alert
from alliance.domain.change import ReliableChange, reliable_change_for
from alliance.domain.goals import GasPoint, GoalsMet
from alliance.domain.instruments import Cutoff, Instrument, Score, plain_number

Status = Literal["yes", "not_now", "unknown"]
STATUS_WORDS: dict[Status, str] = {
    "yes": "Yes",
    "not_now": "Not at the moment",
    "unknown": "Not enough data yet",
}
DECIDE_TOGETHER = (
    "Neither the ER-8 nor these indicators decide anything: the client and therapist decide "
    "together."
)
ER8_NOT_VALIDATED = (
    "The ER-8 is Alliance's own scale, not a validated clinical measure: it has no norms or "
    "cut-offs, and its total is not a score to pass."
)
NOT_A_SAFETY_CHECK = "The reader can miss things: this is never a safety check."
MIN_STABLE_WEEKS = 6
MIN_STABLE_SCORES = 2
RECENT_SCORE_DAYS = 35
FEEDBACK_WINDOW = 3
CRISIS_WINDOW_DAYS = 28


@dataclass(frozen=True)
class Indicator:
    id: str
    label: str
    status: Status
    summary: str  # one plain sentence with the numbers
    data: dict[str, object]

    @property
    def status_words(self) -> str:
        return STATUS_WORDS[self.status]

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "label": self.label,
            "status": self.status,
            "status_words": self.status_words,
            "summary": self.summary,
            "data": self.data,
        }


@dataclass(frozen=True)
class ScoreSeries:
    """One instrument's scores that count (not voided), oldest first."""

    instrument: Instrument
    points: tuple[tuple[datetime, float], ...]


def clinical_cutoff(instrument: Instrument) -> Cutoff | None:
    norms = instrument.change
    if norms is None or norms.clinical_cutoff is None:
        return None
    return instrument.cutoff(norms.clinical_cutoff)


def below_cutoff_indicator(
    series: Sequence[ScoreSeries],
    today: date,
    *,
    min_weeks: int = MIN_STABLE_WEEKS,
    recent_days: int = RECENT_SCORE_DAYS,
) -> Indicator:
    """Below the clinical cut-off on every measure that has one, for at least `min_weeks`."""
    details: list[dict[str, object]] = []
    statuses: list[Status] = []
    sentences: list[str] = []
    for one in series:
        cutoff = clinical_cutoff(one.instrument)
        if cutoff is None or not one.points:
            continue
        name = one.instrument.short_name
        latest_at, latest = one.points[-1]
        run = _trailing_run(one.points, cutoff)
        weeks = (run[-1][0] - run[0][0]).days / 7 if run else 0.0
        stale = (today - latest_at.date()).days > recent_days
        if cutoff.reached(latest):
            status: Status = "not_now"
            sentences.append(
                f"{name}: the latest score, {plain_number(latest)} on {latest_at.date()}, is in "
                f"the clinical range ({_cutoff_words(cutoff)})"
            )
        elif stale:
            status = "unknown"
            sentences.append(f"{name}: no score in the last {recent_days} days")
        else:
            enough = weeks >= min_weeks and len(run) >= MIN_STABLE_SCORES
            status = "yes" if enough else "not_now"
            sentences.append(
                f"{name}: {_healthy_side(cutoff)} the cut-off of {plain_number(cutoff.value)} "
                f"for {weeks:.0f} weeks ({len(run)} scores in a row)"
            )
        statuses.append(status)
        details.append(
            {
                "instrument": one.instrument.id,
                "cutoff": plain_number(cutoff.value),
                "cutoff_label": cutoff.label,
                "latest": plain_number(latest),
                "latest_day": latest_at.date().isoformat(),
                "below_since": run[0][0].date().isoformat() if run else None,
                "weeks_below": round(weeks, 1),
                "scores_below": len(run),
                "status": status,
            }
        )
    return Indicator(
        "below_cutoff",
        f"Measures out of the clinical range for {min_weeks} weeks or more",
        _combined(statuses),
        _sentence(sentences, "No scores yet on a measure with a clinical cut-off (PHQ-9, GAD-7)"),
        {"min_weeks": min_weeks, "instruments": details},
    )


def no_deterioration_indicator(series: Sequence[ScoreSeries]) -> Indicator:
    """No measure's latest score is reliably worse than its first (intake) or its best."""
    details: list[dict[str, object]] = []
    statuses: list[Status] = []
    sentences: list[str] = []
    for one in series:
        if one.instrument.change is None or not one.points:
            continue
        name = one.instrument.short_name
        if len(one.points) < 2:
            statuses.append("unknown")
            sentences.append(f"{name}: only one score so far")
            continue
        scores = [total for _, total in one.points]
        intake, latest = scores[0], scores[-1]
        pick = max if one.instrument.higher_is_better else min
        best = pick(scores[:-1])
        from_intake = reliable_change_for(one.instrument, intake, latest)
        from_best = reliable_change_for(one.instrument, best, latest)
        worse_than_intake = _is_worse(from_intake)
        worse_than_best = _is_worse(from_best)
        statuses.append("not_now" if worse_than_intake or worse_than_best else "yes")
        if worse_than_intake or worse_than_best:
            since = "the start" if worse_than_intake else f"the best score so far ({best:g})"
            verdict = f"reliably worse than {since}"
        else:
            verdict = "not reliably worse than the start or the best score so far"
        sentences.append(
            f"{name}: {plain_number(intake)} at the start, {plain_number(latest)} now ({verdict};"
            f" reliable change needs {plain_number(round(from_intake.threshold_points, 1))} points)"
        )
        details.append(
            {
                "instrument": one.instrument.id,
                "intake": plain_number(intake),
                "best": plain_number(best),
                "latest": plain_number(latest),
                "threshold_points": round(from_intake.threshold_points, 2),
                "worse_than_intake": worse_than_intake,
                "worse_than_best": worse_than_best,
                "n": len(one.points),
            }
        )
    return Indicator(
        "no_deterioration",
        "No reliable deterioration (since the start, or from the best score so far)",
        _combined(statuses),
        _sentence(sentences, "No measure has been taken twice yet"),
        {"instruments": details},
    )


def _is_worse(change: ReliableChange) -> bool:
    return change.reliable and change.direction == "deterioration"


def goals_met_indicator(standing: GoalsMet, latest: GasPoint | None) -> Indicator:
    """Every active goal rated at its expected outcome (0) or above."""
    rows = [
        {
            "goal": goal.title,
            "level": rating.level,
            "words": goal.describe(rating.level),
            "rated": rating.rated_at.date().isoformat(),
            "met": rating.level >= 0,
        }
        for goal, rating in (*standing.met, *standing.not_met)
    ] + [{"goal": goal.title, "level": None, "met": None} for goal in standing.unrated]
    total = len(standing.met) + len(standing.not_met)
    if standing.not_met:
        status: Status = "not_now"
    elif standing.unrated or not total:
        status = "unknown"
    else:
        status = "yes"
    if total:
        summary = f"{len(standing.met)} of {total} rated goals at 0 or above"
        if standing.unrated:
            summary += f"; {len(standing.unrated)} not rated yet"
        if latest is not None:
            summary += f"; GAS T-score {latest.t_score:.1f} (n = {latest.n} goals, {latest.day})"
    else:
        summary = "No goal has been rated yet" if standing.unrated else "No goals written yet"
    return Indicator(
        "goals_met",
        "Goals met (rated 0, the expected outcome, or above)",
        status,
        summary + ".",
        {
            "goals": rows,
            "t_score": None if latest is None else round(latest.t_score, 1),
            "t_score_n": None if latest is None else latest.n,
        },
    )


def session_feedback_indicator(
    responses: Sequence[tuple[datetime, Score]], *, window: int = FEEDBACK_WINDOW
) -> Indicator:
    """None of the last `window` SF-4 responses would raise the SF-4 alert."""
    recent: list[dict[str, object]] = []
    flagged = 0
    for index in range(max(0, len(responses) - window), len(responses)):
        taken_at, score = responses[index]
        previous = [s.total for _, s in responses[:index]]
        alert = session_feedback_alert(score, previous)
        flagged += alert is not None
        recent.append(
            {
                "day": taken_at.date().isoformat(),
                "total": plain_number(score.total),
                "reasons": [] if alert is None else list(_reasons(alert.evidence)),
            }
        )
    if len(responses) < window:
        status: Status = "unknown"
        summary = f"{len(responses)} Session Feedback responses so far; {window} are needed"
    else:
        status = "not_now" if flagged else "yes"
        totals = ", ".join(str(row["total"]) for row in recent)
        summary = f"Last {window} Session Feedback totals {totals} of 40; {flagged} raised a flag"
    return Indicator(
        "feedback_stable",
        "Session Feedback stable over the last sessions",
        status,
        summary + " (SF-4 is an Alliance scale, not a validated measure).",
        {"window": window, "recent": recent, "n": len(responses)},
    )


def crisis_language_indicator(
    entries: Sequence[tuple[datetime, str]],
    safety_answers: Sequence[datetime],
    today: date,
    *,
    days: int = CRISIS_WINDOW_DAYS,
) -> Indicator:
    """`entries`: (written, crisis level) of every read entry; `safety_answers`: flagged times."""
    since = today - timedelta(days=days)
    recent = [level for moment, level in entries if moment.date() > since]
    flagged = sum(level != "none" for level in recent)
    answers = sum(moment.date() > since for moment in safety_answers)
    flagged_days = [moment.date() for moment, level in entries if level != "none"]
    if flagged or answers:
        status: Status = "not_now"
        summary = (
            f"In the last {days} days, {flagged} of {len(recent)} entries carried crisis "
            f"language and {answers} questionnaire answers raised a safety flag"
        )
    elif not recent:
        status = "unknown"
        summary = f"No entries in the last {days} days to read"
    else:
        status = "yes"
        summary = (
            f"None of the {len(recent)} entries of the last {days} days carried crisis language"
        )
    return Indicator(
        "no_crisis_language",
        "No crisis language lately",
        status,
        f"{summary}. {NOT_A_SAFETY_CHECK}",
        {
            "window_days": days,
            "entries_read": len(recent),
            "entries_flagged": flagged,
            "safety_answers": answers,
            "last_flagged_day": max(flagged_days).isoformat() if flagged_days else None,
        },
    )


def _trailing_run(
    points: Sequence[tuple[datetime, float]], cutoff: Cutoff
) -> list[tuple[datetime, float]]:
    """The latest scores, going back, for as long as they stay out of the clinical range."""
    run: list[tuple[datetime, float]] = []
    for point in reversed(points):
        if cutoff.reached(point[1]):
            break
        run.insert(0, point)
    return run


def _healthy_side(cutoff: Cutoff) -> str:
    """Where scores out of the clinical range lie: below PHQ-9's 10, above WHO-5's 50."""
    return "below" if cutoff.direction == "at_or_above" else "above"


def _cutoff_words(cutoff: Cutoff) -> str:
    sign = "at or above" if cutoff.direction == "at_or_above" else "at or below"
    return f"{sign} {plain_number(cutoff.value)}"


def _combined(statuses: Sequence[Status]) -> Status:
    if not statuses:
        return "unknown"
    if "not_now" in statuses:
        return "not_now"
    return "unknown" if "unknown" in statuses else "yes"


def _sentence(parts: Sequence[str], empty: str) -> str:
    return ("; ".join(parts) if parts else empty) + "."


def _reasons(evidence: dict[str, object]) -> list[str]:
    reasons = evidence.get("reasons", [])
    return [str(reason) for reason in reasons] if isinstance(reasons, list) else []
