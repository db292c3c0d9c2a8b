"""Today: a quick write, a mood check-in, the next session, open alerts, recent check-ins."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from alliance.errors import AllianceError, InvalidInput
from alliance.web.context import Unlocked, on_vault, render
from alliance.web.views import alert_view, crisis_level, ensure_reading

router = APIRouter(include_in_schema=False)
RECENT_ENTRIES = 5
RECENT_CHECKINS = 5
SESSION_CHOICES = 6


def today_data(vault: Any) -> dict[str, Any]:
    from alliance.domain.sessions import SessionStatus
    from alliance.services.alerts import current_alerts
    from alliance.services.checkins import recent_checkins
    from alliance.services.journal import entry_filter, list_entries
    from alliance.services.measures import due_measures
    from alliance.services.sessions import list_sessions

    now = datetime.now(UTC)
    sessions = list_sessions(vault)
    upcoming = [s for s in sessions if s.starts_at >= now and s.status == SessionStatus.SCHEDULED]
    past = [s for s in sessions if s.starts_at < now][-SESSION_CHOICES:]
    return {
        "entries": list_entries(vault, entry_filter(limit=RECENT_ENTRIES)),
        "next_session": upcoming[0] if upcoming else None,
        "recent_sessions": list(reversed(past)),
        "alerts": [alert_view(alert) for alert in current_alerts(vault)],
        "checkins": recent_checkins(vault, RECENT_CHECKINS),
        "due": [d for d in due_measures(vault) if d.status.due],
    }


def _page(request: Request, data: dict[str, Any], **extra: Any) -> Response:
    from alliance.services.checkins import QUADRANTS

    context = {
        "quadrants": QUADRANTS,
        "write_error": None,
        "write_text": "",
        "checkin_error": None,
        "chosen": {},
        **data,
        **extra,
    }
    status = 400 if extra.get("write_error") or extra.get("checkin_error") else 200
    return render(request, "today.html", status=status, **context)


@router.get("/")
async def today(request: Request, session: Unlocked) -> Response:
    draft, session.draft = session.draft, None
    return _page(request, await on_vault(request, today_data), write_text=draft or "")


@router.post("/write")
async def quick_write(
    request: Request,
    session: Unlocked,
    text: str = Form(""),
    session_ref: str = Form(""),
    starred: str = Form(""),
) -> Response:
    """Save a quick entry. On any refusal the page comes back with the text still typed."""

    def save(vault: Any) -> tuple[str, str]:
        from alliance.services.journal import write_entry

        entry = write_entry(
            vault,
            text,
            session=session_ref or None,
            starred=starred == "yes",
            kind="after-session" if session_ref else "reflection",
        )
        return entry.id, crisis_level(ensure_reading(vault, entry))

    try:
        entry_id, _level = await on_vault(request, save)
    except AllianceError as refused:
        data = await on_vault(request, today_data)
        return _page(request, data, write_error=str(refused), write_text=text)
    session.flash("Saved.")
    return RedirectResponse(f"/journal/{entry_id}", status_code=303)


@router.post("/checkins")
async def check_in(
    request: Request,
    session: Unlocked,
    quadrant: str = Form(""),
    emotion: str = Form(""),
    note: str = Form(""),
) -> Response:
    from alliance.services.checkins import quadrant_for_feeling, record_checkin

    def save(vault: Any) -> str:
        if not emotion:
            raise InvalidInput("Choose the word that fits best.")
        chosen = quadrant or quadrant_for_feeling(emotion).id
        return record_checkin(vault, chosen, emotion, note=note).emotion

    try:
        feeling = await on_vault(request, save)
    except AllianceError as refused:
        data = await on_vault(request, today_data)
        chosen = {"quadrant": quadrant, "emotion": emotion, "note": note}
        return _page(request, data, checkin_error=str(refused), chosen=chosen)
    session.flash(f"Check-in saved: {feeling}.")
    return RedirectResponse("/#checkin-heading", status_code=303)
