"""Current alerts: the pure rules of `domain.alerts` applied to what the vault holds.

For each instrument, on its responses that are not voided:
- safety: a safety flag on the latest response (PHQ-9 item 9 above 0), with the crisis resources
  from `alliance.safety` attached as `evidence["crisis_resources"]`;
- reliable deterioration of the latest response against the intake (the first);
- off track: the latest response outside its expected-recovery band on the worse side;
- session feedback: the SF-4 rules on the latest SF-4 against the earlier ones, strengthened by
  the text the analyser tagged `rupture` in reflections linked to the same therapy session;
- missed: a scheduled measure that has been taken before and has missed an occasion since
  (one never taken is only "due": nobody is nagged about a questionnaire they never chose).

Alerts come most urgent first. None of them contacts anyone: they are shown to the person.
"""

from __future__ import annotations

import dataclasses
import importlib
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from alliance.domain.alerts import (
    Alert,
    deterioration_alert,
    missed_measure_alert,
    off_track_alert,
    safety_alert,
    session_feedback_alert,
)
from alliance.domain.instruments import Instrument, Score, score
from alliance.errors import InvalidInput

if TYPE_CHECKING:
    from alliance.services.measures import InstrumentHistory, StoredResponse
    from alliance.store.vault import Vault

SESSION_FEEDBACK = "sf4"
_SEVERITY_RANK = {"urgent": 0, "warning": 1, "notice": 2, "info": 3}
# Shown only while alliance.safety (the crisis-resources module) is not installed.
FALLBACK_CRISIS_TEXT = (
    "If you might act on these thoughts, call your local emergency number now, or contact a "
    "crisis line in your country. You deserve support right now."
)


def current_alerts(
    vault: Vault, *, instrument_id: str | None = None, now: datetime | None = None
) -> list[Alert]:
    """Every alert that holds now, most urgent first (optionally for one instrument)."""
    from alliance.services.measures import due_measures, history, load_instrument

    moment = now or datetime.now(UTC)
    wanted = load_instrument(vault, instrument_id).id if instrument_id else None
    found: list[Alert] = []
    for record in history(vault, wanted, now=moment):
        found.extend(_measure_alerts(vault, record))
    for due in due_measures(vault, now=moment):
        if due.last_taken is None or wanted not in (None, due.instrument.id):
            continue
        missed = missed_measure_alert(
            due.instrument,
            today=max(moment.astimezone(UTC).date(), due.last_taken.date()),
            last_taken=due.last_taken.date(),
            sessions_since=due.status.sessions_since,
        )
        if missed is not None:
            found.append(missed)
    return sorted(found, key=lambda alert: _SEVERITY_RANK[alert.severity])


def crisis_resources_text() -> str:
    """The crisis resources, as plain text, from `alliance.safety` (imported only when needed)."""
    try:
        safety = importlib.import_module("alliance.safety")
    except ModuleNotFoundError as missing:
        if missing.name != "alliance.safety":
            raise
        return FALLBACK_CRISIS_TEXT
    return str(safety.render_plain("concern"))


def rescore(instrument: Instrument, response: StoredResponse) -> Score | None:
    """The full Score of a stored response; None if the instrument's items changed since."""
    if list(response.answers) != list(instrument.item_ids):
        return None
    try:
        return score(instrument, list(response.answers.values()))
    except InvalidInput:
        return None


def _measure_alerts(vault: Vault, record: InstrumentHistory) -> list[Alert]:
    instrument, active = record.instrument, record.active
    if instrument is None or not active:
        return []
    intake, latest = active[0].response, active[-1]
    total = latest.response.total
    if intake.total is None or total is None:
        return []
    alerts: list[Alert | None] = []
    latest_score = rescore(instrument, latest.response)
    if latest_score is not None:
        alerts.append(_with_resources(safety_alert(instrument, latest_score)))
    if latest.response is not intake:
        alerts.append(deterioration_alert(instrument, intake.total, total))
    if record.model is not None and latest.t is not None and latest.t > 0:
        off_track = off_track_alert(instrument, record.model, latest.t, total)
        alerts.append(_with_evidence(off_track, t_unit=record.t_unit))
    if instrument.id == SESSION_FEEDBACK and latest_score is not None:
        previous = [row.response.total for row in active[:-1] if row.response.total is not None]
        rupture = _rupture_evidence(vault, latest.response.session_id)
        feedback = session_feedback_alert(latest_score, previous, rupture or None)
        alerts.append(_with_evidence(feedback, session=latest.response.session_number))
    return [alert for alert in alerts if alert is not None]


def _rupture_evidence(vault: Vault, session_id: str | None) -> list[str]:
    if session_id is None:
        return []
    from alliance.store.measures_repo import rupture_evidence

    with vault.transaction() as db:
        return rupture_evidence(db, session_id)


def _with_resources(alert: Alert | None) -> Alert | None:
    return _with_evidence(alert, crisis_resources=crisis_resources_text())


def _with_evidence(alert: Alert | None, **extra: object) -> Alert | None:
    if alert is None:
        return None
    return dataclasses.replace(alert, evidence={**alert.evidence, **extra})
