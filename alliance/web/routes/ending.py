"""The ending workspace in the browser and the API: readiness (the ER-8 beside what the data
shows, never a verdict), feelings about ending over time, the plan, coping suggestions from
reflections read as progress, guided ending reflections, and the check-ins after the end.

Pages: GET /ending; POST /ending/plan | feeling | reflection | coping.
API: GET /api/v1/ending, PUT /api/v1/ending/plan, POST /api/v1/ending/feelings,
POST /api/v1/ending/reflections, GET /api/v1/ending/suggestions, GET /api/v1/ending/followups.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import BaseModel, Field

from alliance.errors import AllianceError
from alliance.web.context import Unlocked, on_vault, render, unlocked

pages = APIRouter(include_in_schema=False)
NAV = (("Ending", "/ending"),)
api = APIRouter(prefix="/api/v1/ending", tags=["ending"], dependencies=[Depends(unlocked)])


class PlanIn(BaseModel):
    """Parts left out stay as they are; a list replaces that part whole; "" clears a date."""

    last_session: str | None = None
    taper_start: str | None = None
    taper: str | None = Field(None, description="e.g. weekly:2,fortnightly:2,monthly:1")
    boosters: list[str] | None = None
    followup_months: list[int] | None = None
    warning_signs: list[str] | None = None
    coping: list[str] | None = None
    people: list[str] | None = None
    if_worse: list[str] | None = None
    come_back: str | None = None


class FeelingIn(BaseModel):
    value: int = Field(ge=0, le=10)
    note: str = ""
    private: bool = False


class ReflectionIn(BaseModel):
    prompt: str
    text: str


def workspace_data(vault: Any) -> dict[str, Any]:
    from alliance.domain.ending import REFLECTION_PROMPTS, RELAPSE_SECTIONS, plan_gaps
    from alliance.reports.report import ending_charts
    from alliance.services.ending import (
        CRISIS_INTRO,
        coping_suggestions,
        crisis_lines,
        ending_reflections,
        feeling_ratings,
        feelings_over_time,
        follow_ups,
        get_plan,
    )
    from alliance.services.readiness import readiness

    plan = get_plan(vault)
    weeks = feelings_over_time(vault)
    return {
        "ready": readiness(vault),
        "charts": ending_charts(tuple(weeks)),
        "ratings": feeling_ratings(vault)[-5:],
        "plan": plan,
        "taper_text": ",".join(step.as_text() for step in plan.taper),
        "gaps": plan_gaps(plan),
        "sections": RELAPSE_SECTIONS,
        "suggestions": coping_suggestions(vault),
        "prompts": REFLECTION_PROMPTS,
        "reflections": ending_reflections(vault),
        "followups": follow_ups(vault),
        "crisis_intro": CRISIS_INTRO,
        "crisis_lines": crisis_lines(),
    }


def _page(request: Request, data: dict[str, Any], **extra: Any) -> Response:
    context = {"plan_error": None, "feeling_error": None, "reflection_error": None,
               "typed": {}, **data, **extra}  # fmt: skip
    failed = any(extra.get(key) for key in ("plan_error", "feeling_error", "reflection_error"))
    return render(request, "ending.html", status=400 if failed else 200, **context)


@pages.get("/ending")
async def ending_page(request: Request, session: Unlocked) -> Response:
    return _page(request, await on_vault(request, workspace_data))


@pages.post("/ending/plan")
async def save_plan(request: Request, session: Unlocked) -> Response:
    from alliance.services.ending import PlanChanges, update_plan

    form = await request.form()
    typed = {key: str(value) for key, value in form.items() if key != "csrf_token"}
    try:
        changes = PlanChanges(
            last_session=typed.get("last_session", ""),
            taper_start=typed.get("taper_start", ""),
            taper=typed.get("taper", ""),
            boosters=_lines(typed.get("boosters", "")),
            followup_months=_months(typed.get("followup_months", "1, 3")),
            warning_signs=_lines(typed.get("warning_signs", "")),
            coping=_lines(typed.get("coping", "")),
            people=_lines(typed.get("people", "")),
            if_worse=_lines(typed.get("if_worse", "")),
            come_back=typed.get("come_back", ""),
        )
        await on_vault(request, update_plan, changes)
    except AllianceError as refused:
        data = await on_vault(request, workspace_data)
        return _page(request, data, plan_error=str(refused), typed=typed)
    session.flash("The plan is saved.")
    return RedirectResponse("/ending#plan-heading", status_code=303)


@pages.post("/ending/feeling")
async def feeling(
    request: Request,
    session: Unlocked,
    value: str = Form(""),
    note: str = Form(""),
    private: str = Form(""),
) -> Response:
    from alliance.services.ending import record_feeling

    try:
        number = _whole(value)
        await on_vault(
            request, lambda vault: record_feeling(vault, number, note=note, private=bool(private))
        )
    except AllianceError as refused:
        data = await on_vault(request, workspace_data)
        return _page(request, data, feeling_error=str(refused))
    session.flash(f"Noted: {value} of 10.")
    return RedirectResponse("/ending#feelings-heading", status_code=303)


@pages.post("/ending/reflection")
async def reflection(
    request: Request,
    session: Unlocked,
    prompt: str = Form(""),
    text: str = Form(""),
) -> Response:
    from alliance.services.ending import write_reflection

    try:
        entry = await on_vault(request, write_reflection, prompt, text)
    except AllianceError as refused:
        data = await on_vault(request, workspace_data)
        return _page(request, data, reflection_error=str(refused), typed={prompt: text})
    session.flash("Your reflection is saved in your journal, tagged #ending.")
    return RedirectResponse(f"/journal/{entry.id}", status_code=303)


@pages.post("/ending/coping")
async def add_coping(request: Request, session: Unlocked, text: str = Form("")) -> Response:
    """Add one suggested sentence to the plan's coping list."""
    from alliance.services.ending import PlanChanges, get_plan, update_plan

    def add(vault: Any) -> None:
        current = get_plan(vault).relapse.coping
        update_plan(vault, PlanChanges(coping=(*current, text)))

    await on_vault(request, add)
    session.flash("Added to your coping list.")
    return RedirectResponse("/ending#plan-heading", status_code=303)


@api.get("")
async def api_workspace(request: Request) -> dict[str, Any]:
    from alliance.services.ending import feelings_over_time, get_plan, plan_as_dict
    from alliance.services.readiness import readiness

    def gather(vault: Any) -> dict[str, Any]:
        return {
            "readiness": readiness(vault).as_dict(),
            "feelings": [week.as_dict() for week in feelings_over_time(vault)],
            "plan": plan_as_dict(get_plan(vault)),
        }

    return dict(await on_vault(request, gather))


@api.put("/plan")
async def api_plan(request: Request, body: PlanIn) -> dict[str, Any]:
    from alliance.services.ending import PlanChanges, plan_as_dict, update_plan

    values = body.model_dump()
    for name in ("boosters", "warning_signs", "coping", "people", "if_worse", "followup_months"):
        if values[name] is not None:
            values[name] = tuple(values[name])
    plan = await on_vault(request, lambda vault: update_plan(vault, PlanChanges(**values)))
    return plan_as_dict(plan)


@api.post("/feelings", status_code=201)
async def api_feeling(request: Request, body: FeelingIn) -> dict[str, Any]:
    from alliance.services.ending import record_feeling

    moment = await on_vault(
        request,
        lambda vault: record_feeling(vault, body.value, note=body.note, private=body.private),
    )
    return {"value": body.value, "rated_at": moment}


@api.post("/reflections", status_code=201)
async def api_reflection(request: Request, body: ReflectionIn) -> dict[str, Any]:
    from alliance.domain.entries import entry_as_dict
    from alliance.services.ending import write_reflection

    entry = await on_vault(request, write_reflection, body.prompt, body.text)
    return entry_as_dict(entry)


@api.get("/suggestions")
async def api_suggestions(request: Request) -> dict[str, Any]:
    from alliance.services.ending import coping_suggestions

    found = await on_vault(request, coping_suggestions)
    return {"suggestions": [item.as_dict() for item in found]}


@api.get("/followups")
async def api_followups(request: Request) -> dict[str, Any]:
    from alliance.services.ending import follow_ups

    found = await on_vault(request, follow_ups)
    return dict(found.as_dict())


# The app includes `router`: the pages (kept out of the OpenAPI schema) and the API.
router = APIRouter()
router.include_router(pages)
router.include_router(api)


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def _months(text: str) -> tuple[int, ...]:
    from alliance.errors import InvalidInput

    try:
        return tuple(int(part) for part in text.replace(" ", "").split(",") if part)
    except ValueError:
        raise InvalidInput("Give the follow-up months as numbers, e.g. 1, 3.") from None


def _whole(text: str) -> int:
    from alliance.errors import InvalidInput

    try:
        return int(text)
    except ValueError:
        raise InvalidInput("Choose a number from 0 to 10.") from None
