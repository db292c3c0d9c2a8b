"""Sessions: the list, adding one, and a session's page with its Session Feedback (SF-4) form
and the reflections linked to it."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from alliance.errors import AllianceError, InvalidInput
from alliance.web.context import Unlocked, on_vault, render
from alliance.web.views import alert_view, crisis_level, ensure_reading

router = APIRouter(include_in_schema=False)
SESSION_FEEDBACK = "sf4"
KINDS = ("individual", "couple", "family", "group")
STATUSES = ("attended", "scheduled", "cancelled", "missed")
SLIDER_START = 5  # sliders start in the middle; the form says so


def sessions_data(vault: Any) -> dict[str, Any]:
    from alliance.reports.charts import measure_chart, series_from_history
    from alliance.services.insights import session_feedback_totals
    from alliance.services.measures import history
    from alliance.services.sessions import list_sessions

    feedback = history(vault, SESSION_FEEDBACK)[0]
    chart = None
    if feedback.active:
        chart = measure_chart(series_from_history(feedback), "chart-sf4-sessions")
    return {
        "sessions": list(reversed(list_sessions(vault))),
        "totals": session_feedback_totals(vault),
        "chart": chart,
    }


def _list_page(request: Request, data: dict[str, Any], **extra: Any) -> Response:
    context = {"kinds": KINDS, "statuses": STATUSES, "error": None, "typed": {}, **data, **extra}
    return render(request, "sessions.html", status=400 if extra.get("error") else 200, **context)


@router.get("/sessions")
async def sessions_page(request: Request, session: Unlocked) -> Response:
    return _list_page(request, await on_vault(request, sessions_data))


@router.post("/sessions")
async def add(
    request: Request,
    session: Unlocked,
    at: str = Form(""),
    kind: str = Form("individual"),
    status: str = Form(""),
    notes: str = Form(""),
) -> Response:
    from alliance.services.sessions import add_session

    def save(vault: Any) -> int:
        record = add_session(vault, at=at or None, kind=kind, status=status or None, notes=notes)
        return record.number

    try:
        number = await on_vault(request, save)
    except AllianceError as refused:
        typed = {"at": at, "kind": kind, "status": status, "notes": notes}
        return _list_page(request, await on_vault(request, sessions_data), error=str(refused),
                          typed=typed)  # fmt: skip
    session.flash(f"Session {number} added.")
    return RedirectResponse(f"/sessions/{number}", status_code=303)


def session_data(vault: Any, number: int) -> dict[str, Any]:
    from alliance.services.alerts import current_alerts
    from alliance.services.measures import history, load_instrument
    from alliance.services.sessions import get_session

    record, entries = get_session(vault, str(number))
    feedback = [
        row.response
        for row in history(vault, SESSION_FEEDBACK)[0].rows
        if row.response.session_id == record.id
    ]
    alerts = [
        alert_view(alert)
        for alert in current_alerts(vault, instrument_id=SESSION_FEEDBACK)
        if alert.kind == "session_feedback" and alert.evidence.get("session") == record.number
    ]
    reflections = [(entry, ensure_reading(vault, entry)) for entry in entries]
    return {
        "feedback_closed": feedback_closed(record),
        "record": record,
        "reflections": [
            (
                entry,
                [hit["theme"] for hit in (reading or {}).get("themes", [])],
                crisis_level(reading),
            )
            for entry, reading in reflections
        ],
        "feedback": feedback,
        "alerts": alerts,
        "instrument": load_instrument(vault, SESSION_FEEDBACK),
    }


def _session_page(request: Request, data: dict[str, Any], **extra: Any) -> Response:
    context = {"error": None, "reflection_error": None, "typed": {}, "slider_start": SLIDER_START,
               "reflection_text": "", **data, **extra}  # fmt: skip
    failed = extra.get("error") or extra.get("reflection_error")
    return render(request, "session.html", status=400 if failed else 200, **context)


@router.get("/sessions/{number}")
async def session_page(request: Request, number: int, session: Unlocked) -> Response:
    return _session_page(request, await on_vault(request, session_data, number))


@router.post("/sessions/{number}/feedback")
async def give_feedback(request: Request, number: int, session: Unlocked) -> Response:
    """Store the SF-4 for this session; its alerts (if any) show on the session page."""
    from alliance.services.measures import load_instrument, take_measure

    form = await request.form()
    typed = {key: str(value) for key, value in form.items() if key != "csrf_token"}

    def save(vault: Any) -> None:
        from alliance.services.sessions import get_session

        closed = feedback_closed(get_session(vault, str(number))[0])
        if closed is not None:
            raise InvalidInput(closed)
        instrument = load_instrument(vault, SESSION_FEEDBACK)
        answers = [_whole_number(typed.get(item.id, ""), item.text) for item in instrument.items]
        take_measure(
            vault, SESSION_FEEDBACK, answers, session_ref=str(number), note=typed.get("note", "")
        )

    try:
        await on_vault(request, save)
    except AllianceError as refused:
        data = await on_vault(request, session_data, number)
        return _session_page(request, data, error=str(refused), typed=typed)
    session.flash("Thank you: your Session Feedback is saved.")
    return RedirectResponse(f"/sessions/{number}#feedback-heading", status_code=303)


@router.post("/sessions/{number}/reflection")
async def reflect(
    request: Request,
    session: Unlocked,
    number: int,
    text: str = Form(""),
) -> Response:
    from alliance.services.journal import write_entry

    def save(vault: Any) -> str:
        return write_entry(vault, text, session=str(number), kind="after-session").id

    try:
        entry_id = await on_vault(request, save)
    except AllianceError as refused:
        data = await on_vault(request, session_data, number)
        return _session_page(request, data, reflection_error=str(refused), reflection_text=text)
    session.flash("Saved.")
    return RedirectResponse(f"/journal/{entry_id}", status_code=303)


def feedback_closed(record: Any) -> str | None:
    """Why this session takes no Session Feedback (it did not, or not yet, take place)."""
    from alliance.domain.sessions import SessionStatus

    if record.status in (SessionStatus.CANCELLED, SessionStatus.MISSED):
        return f"This session was {record.status.value}: there is no Session Feedback for it."
    if record.starts_at > datetime.now(UTC):
        return "Session Feedback opens once the session has begun."
    return None


def _whole_number(text: str, item: str) -> int | None:
    if text.strip() == "":
        return None
    try:
        return int(text)
    except ValueError:
        raise InvalidInput(f"{item!r}: {text!r} is not a whole number.") from None
