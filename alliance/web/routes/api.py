"""The JSON API under /api/v1: the same services (and page helpers) as the HTML pages.

It uses the browser session: unlock in the app first; every request that changes something
sends the session's token as `X-CSRF-Token` (GET /api/v1/session returns it).
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query, Request

from alliance.web import api_models as m
from alliance.web.context import browser_session, on_vault, unlocked
from alliance.web.routes.journal import PAGE_SIZE, Cursor, JournalQuery, timeline
from alliance.web.views import (
    RESOURCE_LEVELS,
    crisis_level,
    ensure_reading,
    resources_dict,
    safety_item_dict,
)

router = APIRouter(prefix="/api/v1", tags=["api"], dependencies=[Depends(unlocked)])


def entry_json(entry: Any) -> dict[str, Any]:
    return {
        "id": entry.id,
        "created": entry.created,
        "tz": entry.tz,
        "updated": entry.updated,
        "title": entry.title,
        "body": entry.body,
        "tags": list(entry.tags),
        "starred": entry.starred,
        "mood": entry.mood,
        "kind": entry.kind.value,
        "session_id": entry.session_id,
    }


def session_json(record: Any) -> dict[str, Any]:
    return {
        "id": record.id,
        "number": record.number,
        "starts_at": record.starts_at,
        "tz": record.tz,
        "kind": record.kind.value,
        "status": record.status.value,
        "notes": record.notes,
    }


def _with_reading(vault: Any, entry: Any) -> dict[str, Any]:
    reading = ensure_reading(vault, entry)
    level = crisis_level(reading)
    return {
        **entry_json(entry),
        "reading": reading,
        "crisis_resources": resources_dict(level) if level in RESOURCE_LEVELS else None,
    }


@router.get("/session", response_model=m.BrowserState)
async def browser_state(request: Request) -> dict[str, Any]:
    session = browser_session(request)
    assert session is not None
    return {"unlocked": True, "csrf_token": session.csrf}


@router.get("/entries", response_model=m.EntryPage)
async def list_entries(
    request: Request,
    tag: str = "",
    theme: str = "",
    emotion: str = "",
    starred: bool = False,
    date_from: str = Query("", alias="from"),
    date_to: str = Query("", alias="to"),
    before: str = Query("", description="From a page's `next`: where the next page starts."),
    skip: int = Query(0, ge=0, description="From a page's `next`, with `before`."),
) -> dict[str, Any]:
    cursor = Cursor.read(before, skip)
    query = JournalQuery("", tag, theme, emotion, starred, date_from, date_to, cursor)
    found = await on_vault(request, timeline, query)
    following = found["next"]
    return {
        "entries": [entry_json(entry) for entry, _themes in found["entries"]],
        "page_size": PAGE_SIZE,
        "next": None if following is None else {"before": following.before, "skip": following.skip},
    }


@router.post("/entries", response_model=m.EntryWithReading, status_code=201)
async def create_entry(request: Request, body: m.EntryIn) -> dict[str, Any]:
    from alliance.services.journal import write_entry

    def save(vault: Any) -> dict[str, Any]:
        entry = write_entry(vault, body.text, **body.model_dump(exclude={"text"}))
        return _with_reading(vault, entry)

    result: dict[str, Any] = await on_vault(request, save)
    return result


@router.get("/entries/{entry_id}", response_model=m.EntryWithReading)
async def get_entry(request: Request, entry_id: str) -> dict[str, Any]:
    from alliance.services.journal import get_entry as find

    def load(vault: Any) -> dict[str, Any]:
        return _with_reading(vault, find(vault, entry_id))

    result: dict[str, Any] = await on_vault(request, load)
    return result


@router.get("/search", response_model=list[m.SearchHit])
async def search(
    request: Request, q: str = Query(min_length=1), limit: int = Query(20, ge=1, le=200)
) -> list[dict[str, Any]]:
    from alliance.services.journal import search as find

    hits = await on_vault(request, find, q.split(), limit)
    return [
        {
            **{k: getattr(hit, k) for k in ("id", "created", "tz", "title", "kind", "starred")},
            "score": hit.score,
            "snippet": [{"text": text, "match": match} for text, match in hit.snippet],
        }
        for hit in hits
    ]


@router.get("/sessions", response_model=list[m.TherapySession])
async def list_sessions(request: Request) -> list[dict[str, Any]]:
    from alliance.services.sessions import list_sessions as all_sessions

    return [session_json(record) for record in await on_vault(request, all_sessions)]


@router.post("/sessions", response_model=m.TherapySession, status_code=201)
async def add_session(request: Request, body: m.SessionIn) -> dict[str, Any]:
    from alliance.services.sessions import add_session as add

    return session_json(await on_vault(request, add, **body.model_dump()))


@router.get("/sessions/{ref}", response_model=m.SessionWithReflections)
async def get_session(request: Request, ref: str) -> dict[str, Any]:
    from alliance.services.sessions import get_session as find

    record, entries = await on_vault(request, find, ref)
    return {**session_json(record), "reflections": [entry_json(e) for e in entries]}


@router.get("/instruments", response_model=list[m.Instrument])
async def instruments(request: Request) -> list[dict[str, Any]]:
    from alliance.services.measures import instrument_as_dict, list_instruments

    return [instrument_as_dict(i) for i in await on_vault(request, list_instruments)]


@router.post("/measures/{instrument_id}", response_model=m.MeasureResult, status_code=201)
async def take_measure(request: Request, instrument_id: str, body: m.MeasureIn) -> dict[str, Any]:
    from alliance.services.alerts import current_alerts
    from alliance.services.measures import take_measure as take

    def save(vault: Any) -> dict[str, Any]:
        stored = take(vault, instrument_id, body.answers, session_ref=body.session, note=body.note)
        alerts = current_alerts(vault, instrument_id=stored.instrument_id)
        safety = any(a.kind == "safety_item" for a in alerts)
        return {
            "response": stored.as_dict(),
            "alerts": [a.as_dict() for a in alerts],
            "crisis_resources": safety_item_dict() if safety else None,
        }

    result: dict[str, Any] = await on_vault(request, save)
    return result


@router.get("/measures", response_model=list[m.History])
async def measure_history(request: Request, instrument: str | None = None) -> list[Any]:
    from alliance.services.measures import history

    return [h.as_dict() for h in await on_vault(request, history, instrument)]


@router.get("/alerts", response_model=list[m.Alert])
async def alerts(request: Request) -> list[Any]:
    from alliance.services.alerts import current_alerts

    return [alert.as_dict() for alert in await on_vault(request, current_alerts)]


@router.get("/checkins", response_model=list[m.Checkin])
async def checkins(request: Request, limit: int = Query(20, ge=1, le=500)) -> list[Any]:
    from alliance.services.checkins import recent_checkins

    return [c.as_dict() for c in await on_vault(request, recent_checkins, limit)]


@router.post("/checkins", response_model=m.Checkin, status_code=201)
async def check_in(request: Request, body: m.CheckinIn) -> Any:
    from alliance.services.checkins import quadrant_for_feeling, record_checkin

    def save(vault: Any) -> Any:
        quadrant = body.quadrant or quadrant_for_feeling(body.emotion).id
        return record_checkin(vault, quadrant, body.emotion, note=body.note).as_dict()

    return await on_vault(request, save)


@router.get("/insights/trends", response_model=list[m.Week])
async def trends(request: Request, weeks: int = Query(12, ge=1, le=520)) -> list[Any]:
    from alliance.services.insights import weekly

    return [week.as_dict() for week in await on_vault(request, weekly, weeks)]


@router.get("/insights/sessions", response_model=m.SessionContrast)
async def session_contrast(request: Request) -> Any:
    from alliance.services.insights import session_contrast as contrast

    return (await on_vault(request, contrast)).as_dict()


@router.post("/analyze", response_model=m.AnalyzeOut)
async def analyze(request: Request, body: m.AnalyzeIn) -> Any:
    """Read a text without storing anything."""
    from alliance.analysis import analyze as read
    from alliance.analysis import reading_as_dict

    # Reading is pure CPU work with no vault: it runs on the vault thread all the same, so that
    # one person's requests never compete with each other.
    def work(vault: Any) -> dict[str, Any]:
        found = reading_as_dict(read(body.text))
        level = crisis_level(found)
        concern = level in RESOURCE_LEVELS
        return {**found, "crisis_resources": resources_dict(level) if concern else None}

    return await on_vault(request, work)
