"""Alert rules: pure functions from scores and history to gentle, actionable `Alert`s.

Each rule returns an `Alert` or None. An alert carries a `kind`, a `severity` ("info" <
"notice" < "warning" < "urgent"), a `message` in plain, gentle words for the client, a
`next_step`, and `evidence`: the numbers behind it, so nothing is a black box.

- `safety_alert`: a flag marked `safety` fired (PHQ-9 item 9 above 0), whatever the total.
  Severity "urgent". The message points to crisis resources; the services layer attaches
  them (alliance.safety.CRISIS_RESOURCES), since domain/ stays free of locale data.
- `off_track_alert`: the latest score is outside the expected-recovery band on the worse side.
- `deterioration_alert`: reliable deterioration from intake (expected-recovery aside).
- `session_feedback_alert`: the SF-4 rules from the Alliance spec: any item below 7; a total
  at least 3 below the previous session's; with 4 or more earlier sessions, a total below their
  mean minus 1.5 sample SDs. An optional `rupture_evidence` (text the analyser tagged as a
  rupture in a reflection linked to this session) strengthens the alert and is shown as its
  evidence; on its own it raises no SF-4 alert.
- `missed_measure_alert`: a scheduled measure has been missed (see schedule.py).

None of these diagnose or decide anything: they suggest a conversation.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from alliance.domain.change import reliable_change_for
from alliance.domain.expected import ExpectedModel, position
from alliance.domain.instruments import Instrument, Score, plain_number
from alliance.domain.schedule import due_status
from alliance.errors import InvalidInput

AlertKind = Literal[
    "safety_item", "off_track", "reliable_deterioration", "session_feedback", "missed_measure"
]
Severity = Literal["info", "notice", "warning", "urgent"]

# SF-4 alert rules (docs/spec: alliance-scales.md).
SF4_ITEM_FLOOR = 7
SF4_DROP_FROM_PREVIOUS = 3
SF4_MIN_HISTORY = 4
SF4_SD_FACTOR = 1.5


@dataclass(frozen=True)
class Alert:
    kind: AlertKind
    severity: Severity
    message: str
    next_step: str
    evidence: dict[str, object] = field(default_factory=dict)

    def as_dict(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "severity": self.severity,
            "message": self.message,
            "next_step": self.next_step,
            "evidence": dict(self.evidence),
        }


def safety_alert(instrument: Instrument, score: Score) -> Alert | None:
    """Any safety flag (PHQ-9 item 9 > 0) starts the safety flow, whatever the total."""
    rules = [r for r in instrument.flags if r.safety and r.id in score.flags]
    if not rules:
        return None
    answers: dict[str, object] = {}
    quoted: list[str] = []
    for rule in rules:
        value = score.answer(rule.target) if rule.target in score.item_ids else None
        if rule.target is not None and value is not None:
            item = instrument.item(rule.target)
            answers[rule.target] = {"answer": value, "label": item.label_for(value)}
            quoted.append(f'"{item.text}": "{item.label_for(value)}"')
    what = f" ({'; '.join(quoted)})" if quoted else ""
    return Alert(
        kind="safety_item",
        severity="urgent",
        message=(
            f"Thank you for answering honestly. Your answer on the {instrument.short_name}"
            f"{what} tells us things may feel very hard right now. You don't have to carry "
            "this alone: people are ready to listen right now, day or night."
        ),
        next_step=(
            "Please look at the crisis support below, and let your therapist know. If you might "
            "act on these thoughts, contact emergency services now."
        ),
        evidence={"instrument": instrument.id, "flags": [r.id for r in rules], "items": answers},
    )


def off_track_alert(
    instrument: Instrument, model: ExpectedModel, t: float, observed: float
) -> Alert | None:
    """Outside the expected band on the worse side at `t` sessions after intake."""
    if position(model, t, observed, higher_is_better=instrument.higher_is_better) != "worse":
        return None
    point = model.at(t)
    name = instrument.short_name
    which = "lower" if instrument.higher_is_better else "higher"
    return Alert(
        kind="off_track",
        severity="warning",
        message=(
            f"Your {name} score is {which} than people who started at a similar level usually "
            "see by this point. That happens, and it is useful to know: it is a reason to look "
            "at what is and isn't helping, not a sign that you are doing anything wrong."
        ),
        next_step=(
            "Consider talking with your therapist about how therapy is going for you, and "
            "whether anything about the focus or the way you work together could change."
        ),
        evidence={
            "instrument": instrument.id,
            "sessions_since_intake": plain_number(t),
            "observed": plain_number(observed),
            "intake": plain_number(model.intake),
            "expected": round(point.expected, 2),
            "band": [round(point.lower, 2), round(point.upper, 2)],
            "basis": model.basis,
            "source": model.params.source,
        },
    )


def deterioration_alert(instrument: Instrument, intake: float, latest: float) -> Alert | None:
    """Reliable deterioration since intake, with the instrument's reliable-change norms."""
    if instrument.change is None:
        return None
    rc = reliable_change_for(instrument, intake, latest)
    if not (rc.reliable and rc.direction == "deterioration"):
        return None
    return Alert(
        kind="reliable_deterioration",
        severity="warning",
        message=(
            f"Your {instrument.short_name} score has changed for the worse by more than "
            "ordinary ups and downs explain. Things can get harder during therapy, and it "
            "matters that your therapist knows."
        ),
        next_step="Please share this with your therapist at or before your next session.",
        evidence={
            "instrument": instrument.id,
            "intake": plain_number(intake),
            "latest": plain_number(latest),
            "change": plain_number(rc.change),
            "rc": round(rc.rc, 4),
            "threshold_points": round(rc.threshold_points, 4),
            "method": rc.method,
        },
    )


def session_feedback_alert(
    score: Score,
    previous_totals: Sequence[float],
    rupture_evidence: Sequence[str] | None = None,
) -> Alert | None:
    """SF-4 relationship check-in. `previous_totals`: earlier sessions, oldest first."""
    if score.instrument_id != "sf4":
        # The item floor of 7 means nothing on another scale (a PHQ-9 item is never 7).
        raise InvalidInput(f"session feedback rules apply to SF-4, not {score.instrument_id}")
    reasons: list[str] = []
    low_items = {
        item_id: value
        for item_id, value in zip(score.item_ids, score.answers, strict=True)
        if value is not None and value < SF4_ITEM_FLOOR
    }
    if low_items:
        reasons.append(f"an item below {SF4_ITEM_FLOOR}")
    if previous_totals and previous_totals[-1] - score.total >= SF4_DROP_FROM_PREVIOUS:
        reasons.append(f"at least {SF4_DROP_FROM_PREVIOUS} points below the previous session")
    evidence: dict[str, object] = {"total": plain_number(score.total), "low_items": low_items}
    if len(previous_totals) >= SF4_MIN_HISTORY:
        mean = statistics.fmean(previous_totals)
        floor = mean - SF4_SD_FACTOR * statistics.stdev(previous_totals)
        evidence["usual_floor"] = round(floor, 2)
        if score.total < floor:
            reasons.append("well below your usual sessions")
    if not reasons:
        return None
    evidence["reasons"] = reasons
    evidence["previous_totals"] = [plain_number(t) for t in previous_totals]
    message = (
        "Today's session felt less right than usual. That is worth knowing, and it can help "
        "to tell your therapist: talking about it often makes the work better."
    )
    severity: Severity = "notice"
    if rupture_evidence:
        severity = "warning"
        evidence["rupture"] = list(rupture_evidence)
        message += " What you wrote about the session points the same way."
    return Alert(
        kind="session_feedback",
        severity=severity,
        message=message,
        next_step=(
            "If you feel able to, mention it at the start of your next session, or note what "
            "didn't fit so you can bring it up."
        ),
        evidence=evidence,
    )


def missed_measure_alert(
    instrument: Instrument,
    *,
    today: date,
    last_taken: date | None,
    sessions_since: int | None = None,
    started: date | None = None,
) -> Alert | None:
    """The measure has missed at least one scheduled occasion."""
    if instrument.schedule is None:
        return None
    status = due_status(
        instrument.schedule,
        today=today,
        last_taken=last_taken,
        sessions_since=sessions_since,
        started=started,
    )
    if not status.missed:
        return None
    usual = instrument.schedule.label or "regularly"
    return Alert(
        kind="missed_measure",
        severity="info",
        message=(
            f"The {instrument.short_name} hasn't been filled in for a while (usually {usual}). "
            "Regular answers help you and your therapist see how things are going."
        ),
        next_step=f"Fill in the {instrument.short_name} when you have a quiet moment.",
        evidence={
            "instrument": instrument.id,
            "last_taken": last_taken.isoformat() if last_taken else None,
            "days_since": status.days_since,
            "sessions_since": status.sessions_since,
            "missed_occasions": status.missed_occasions,
            "reason": status.reason,
        },
    )
