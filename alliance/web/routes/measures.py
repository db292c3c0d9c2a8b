"""Measures: every instrument with its chart; one instrument's history and item-level answers;
taking a questionnaire (items verbatim, one radio group per item); voiding a response."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from alliance.errors import AllianceError, InvalidInput
from alliance.web.context import Unlocked, on_vault, render
from alliance.web.views import alert_view, safety_item_resources

router = APIRouter(include_in_schema=False)
ITEM_TABLE_RESPONSES = 12
SESSION_CHOICES = 6


def measures_data(vault: Any) -> dict[str, Any]:
    from alliance.reports.charts import measure_chart, series_from_history
    from alliance.services.alerts import current_alerts
    from alliance.services.measures import due_measures, history, list_instruments

    histories = {h.instrument_id: h for h in history(vault)}
    due = {d.instrument.id: d for d in due_measures(vault)}
    rows = []
    for instrument in list_instruments(vault):
        found = histories.get(instrument.id)
        chart = None
        if found is not None and found.active and found.instrument is not None:
            chart = measure_chart(series_from_history(found), f"chart-{instrument.id}")
        latest = found.active[-1] if found is not None and found.active else None
        rows.append((instrument, latest, chart, due.get(instrument.id)))
    return {"rows": rows, "alerts": [alert_view(a) for a in current_alerts(vault)]}


@router.get("/measures")
async def measures_page(request: Request, session: Unlocked) -> Response:
    return render(request, "measures.html", **await on_vault(request, measures_data))


def instrument_data(vault: Any, instrument_id: str, taken: str) -> dict[str, Any]:
    from alliance.reports.charts import measure_chart, series_from_history
    from alliance.services.alerts import current_alerts
    from alliance.services.measures import history, load_instrument

    instrument = load_instrument(vault, instrument_id)
    record = history(vault, instrument.id)[0]
    chart = None
    if record.active:
        chart = measure_chart(series_from_history(record), f"chart-{instrument.id}")
    just_taken = next((row for row in record.rows if taken and row.response.id == taken), None)
    safety = just_taken is not None and bool(
        {f.id for f in instrument.flags if f.safety} & set(just_taken.response.flags)
    )
    return {
        "instrument": instrument,
        "record": record,
        "chart": chart,
        "item_responses": [row.response for row in record.rows][-ITEM_TABLE_RESPONSES:],
        "alerts": [alert_view(a) for a in current_alerts(vault, instrument_id=instrument.id)],
        "just_taken": just_taken,
        "resources": safety_item_resources() if safety else None,
    }


@router.get("/measures/{instrument_id}")
async def instrument_page(
    request: Request,
    session: Unlocked,
    instrument_id: str,
    taken: str = "",
) -> Response:
    data = await on_vault(request, instrument_data, instrument_id, taken)
    return render(request, "instrument.html", **data)


def take_data(vault: Any, instrument_id: str) -> dict[str, Any]:
    from alliance.services.measures import load_instrument
    from alliance.services.sessions import list_sessions

    now = datetime.now(UTC)
    past = [s for s in list_sessions(vault) if s.starts_at <= now][-SESSION_CHOICES:]
    return {"instrument": load_instrument(vault, instrument_id), "sessions": list(reversed(past))}


@router.get("/measures/{instrument_id}/take")
async def take_page(request: Request, instrument_id: str, session: Unlocked) -> Response:
    data = await on_vault(request, take_data, instrument_id)
    return render(request, "take.html", error=None, typed={}, **data)


@router.post("/measures/{instrument_id}/take")
async def take(request: Request, instrument_id: str, session: Unlocked) -> Response:
    """Score and store; nothing is stored when an answer is refused (the form comes back)."""
    from alliance.services.measures import load_instrument, take_measure

    form = await request.form()
    typed = {key: str(value) for key, value in form.items() if key != "csrf_token"}

    def save(vault: Any) -> tuple[str, str]:
        instrument = load_instrument(vault, instrument_id)
        answers = [
            _answer(typed.get(f"item-{item.id}", ""), item.text) for item in instrument.items
        ]
        stored = take_measure(
            vault,
            instrument.id,
            answers,
            session_ref=typed.get("session") or None,
            note=typed.get("note", ""),
        )
        return instrument.id, stored.id

    try:
        found_id, response_id = await on_vault(request, save)
    except AllianceError as refused:
        data = await on_vault(request, take_data, instrument_id)
        return render(request, "take.html", status=400, error=str(refused), typed=typed, **data)
    return RedirectResponse(f"/measures/{found_id}?taken={response_id}", status_code=303)


@router.post("/measures/{instrument_id}/void/{response_id}")
async def void(
    request: Request,
    session: Unlocked,
    instrument_id: str,
    response_id: str,
    reason: str = Form(""),
) -> Response:
    from alliance.services.measures import void_response

    await on_vault(request, void_response, response_id, reason)
    session.flash("The response is voided: it stays listed, and is left out of change and alerts.")
    return RedirectResponse(f"/measures/{instrument_id}", status_code=303)


def _answer(text: str, item: str) -> int | None:
    """A radio value; an item left blank is skipped (the instrument's rule decides if that is
    allowed)."""
    if text.strip() == "":
        return None
    try:
        return int(text)
    except ValueError:
        raise InvalidInput(f"{item!r}: {text!r} is not one of the answers.") from None
