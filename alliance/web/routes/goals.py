"""Goals in the browser and the API: the list with the GAS T-score over time, one goal with its
levels, ratings and links, and the forms to add, rate, link and archive.

Pages: GET/POST /goals, GET /goals/{id}, POST /goals/{id}/rate | link | archive.
API (same services, the CLI's JSON shapes): GET/POST /api/v1/goals, GET /api/v1/goals/progress,
GET /api/v1/goals/{id}, POST /api/v1/goals/{id}/ratings, POST /api/v1/goals/{id}/links.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import BaseModel, Field

from alliance.errors import AllianceError
from alliance.web.context import Unlocked, on_vault, render, unlocked

pages = APIRouter(include_in_schema=False)
NAV = (("Goals", "/goals"),)
LEVEL_FIELDS = ("much_less", "less", "expected", "more", "much_more")  # -2 .. +2
WEIGHTS = (1, 2, 3)
api = APIRouter(prefix="/api/v1/goals", tags=["goals"], dependencies=[Depends(unlocked)])


class GoalIn(BaseModel):
    title: str = Field(max_length=200)
    levels: list[str] = Field(min_length=5, max_length=5, description="-2, -1, 0, +1, +2")
    importance: int = 2
    difficulty: int = 2


class RatingIn(BaseModel):
    level: int = Field(ge=-2, le=2)
    note: str = ""
    private: bool = False
    at: str | None = None
    session: str | None = None


class LinkIn(BaseModel):
    entry: str | None = None
    session: str | None = None


def goals_data(vault: Any) -> dict[str, Any]:
    from alliance.reports.charts import chart_id_for
    from alliance.reports.report_charts import gas_chart
    from alliance.services.goals import gas_history, list_goals

    points = gas_history(vault)
    return {
        "views": list_goals(vault),
        "archived": [v for v in list_goals(vault, include_archived=True) if v.goal.archived],
        "latest": points[-1] if points else None,
        "chart": gas_chart(points, chart_id_for("goals", "gas")) if points else None,
    }


def goal_data(vault: Any, goal_id: str) -> dict[str, Any]:
    from alliance.services.goals import get_goal
    from alliance.services.sessions import list_sessions

    return {"detail": get_goal(vault, goal_id), "sessions": list_sessions(vault)}


def _goals_page(request: Request, data: dict[str, Any], **extra: Any) -> Response:
    from alliance.domain.goals import LEVEL_NAMES

    context = {"error": None, "typed": {}, "weights": WEIGHTS, "level_names": LEVEL_NAMES,
               "level_fields": LEVEL_FIELDS, **data, **extra}  # fmt: skip
    return render(request, "goals.html", status=400 if extra.get("error") else 200, **context)


def _goal_page(request: Request, data: dict[str, Any], **extra: Any) -> Response:
    from alliance.domain.goals import LEVEL_NAMES, level_label

    context = {"error": None, "link_error": None, "typed": {}, "level_names": LEVEL_NAMES,
               "level_label": level_label, **data, **extra}  # fmt: skip
    failed = extra.get("error") or extra.get("link_error")
    return render(request, "goals_detail.html", status=400 if failed else 200, **context)


@pages.get("/goals")
async def goals_page(request: Request, session: Unlocked) -> Response:
    return _goals_page(request, await on_vault(request, goals_data))


@pages.post("/goals")
async def add(request: Request, session: Unlocked) -> Response:
    from alliance.services.goals import add_goal

    form = await request.form()
    typed = {key: str(value) for key, value in form.items() if key != "csrf_token"}

    def save(vault: Any) -> str:
        levels = [typed.get(name, "") for name in LEVEL_FIELDS]
        goal = add_goal(
            vault,
            typed.get("title", ""),
            levels,
            importance=_number(typed.get("importance", "2")),
            difficulty=_number(typed.get("difficulty", "2")),
        )
        return goal.id

    try:
        goal_id = await on_vault(request, save)
    except AllianceError as refused:
        data = await on_vault(request, goals_data)
        return _goals_page(request, data, error=str(refused), typed=typed)
    session.flash("Goal added. Rate where it stands now whenever you like.")
    return RedirectResponse(f"/goals/{goal_id}", status_code=303)


@pages.get("/goals/{goal_id}")
async def goal_page(request: Request, goal_id: str, session: Unlocked) -> Response:
    return _goal_page(request, await on_vault(request, goal_data, goal_id))


@pages.post("/goals/{goal_id}/rate")
async def rate(
    request: Request,
    goal_id: str,
    session: Unlocked,
    level: str = Form(""),
    note: str = Form(""),
    private: str = Form(""),
    session_ref: str = Form("", alias="session"),
) -> Response:
    from alliance.domain.goals import parse_level
    from alliance.services.goals import rate_goal

    def save(vault: Any) -> None:
        rate_goal(
            vault, goal_id, parse_level(level), note=note, private=bool(private),
            session=session_ref or None,
        )  # fmt: skip

    try:
        await on_vault(request, save)
    except AllianceError as refused:
        data = await on_vault(request, goal_data, goal_id)
        typed = {"level": level, "note": note, "private": private}
        return _goal_page(request, data, error=str(refused), typed=typed)
    session.flash("Rating saved.")
    return RedirectResponse(f"/goals/{goal_id}", status_code=303)


@pages.post("/goals/{goal_id}/link")
async def link(
    request: Request,
    goal_id: str,
    session: Unlocked,
    entry: str = Form(""),
    session_ref: str = Form("", alias="session"),
) -> Response:
    from alliance.services.goals import link_goal

    try:
        _, added = await on_vault(
            request, lambda vault: link_goal(vault, goal_id, entry=entry or None,
                                             session=session_ref or None)
        )  # fmt: skip
    except AllianceError as refused:
        data = await on_vault(request, goal_data, goal_id)
        return _goal_page(request, data, link_error=str(refused))
    session.flash("Linked " + " and ".join(added) + "." if added else "Already linked.")
    return RedirectResponse(f"/goals/{goal_id}", status_code=303)


@pages.post("/goals/{goal_id}/archive")
async def archive(request: Request, goal_id: str, session: Unlocked) -> Response:
    from alliance.services.goals import archive_goal

    goal = await on_vault(request, archive_goal, goal_id)
    session.flash(f"“{goal.title}” is archived; its ratings stay in the T-score up to today.")
    return RedirectResponse("/goals", status_code=303)


@api.get("")
async def api_goals(request: Request) -> dict[str, Any]:
    data = await on_vault(request, goals_data)
    latest = data["latest"]
    return {
        "goals": [view.as_dict() for view in data["views"]],
        "t_score": None if latest is None else latest.as_dict(),
    }


@api.post("", status_code=201)
async def api_add(request: Request, body: GoalIn) -> dict[str, Any]:
    from alliance.services.goals import add_goal, goal_as_dict

    goal = await on_vault(
        request,
        lambda vault: add_goal(vault, body.title, body.levels, importance=body.importance,
                               difficulty=body.difficulty),
    )  # fmt: skip
    return goal_as_dict(goal)


@api.get("/progress")
async def api_progress(request: Request) -> dict[str, Any]:
    from alliance.services.goals import gas_history

    points = await on_vault(request, gas_history)
    return {"rho": 0.3, "points": [point.as_dict() for point in points]}


@api.get("/{goal_id}")
async def api_goal(request: Request, goal_id: str) -> dict[str, Any]:
    from alliance.services.goals import get_goal

    detail = await on_vault(request, get_goal, goal_id)
    return dict(detail.as_dict())


@api.post("/{goal_id}/ratings", status_code=201)
async def api_rate(request: Request, goal_id: str, body: RatingIn) -> dict[str, Any]:
    from alliance.services.goals import rate_goal, rating_as_dict

    rating = await on_vault(
        request,
        lambda vault: rate_goal(vault, goal_id, body.level, at=body.at, note=body.note,
                                private=body.private, session=body.session),
    )  # fmt: skip
    return rating_as_dict(rating)


@api.post("/{goal_id}/links")
async def api_link(request: Request, goal_id: str, body: LinkIn) -> dict[str, Any]:
    from alliance.services.goals import link_goal

    _, added = await on_vault(
        request, lambda vault: link_goal(vault, goal_id, entry=body.entry, session=body.session)
    )
    return {"linked": added}


# The app includes `router`: the pages (kept out of the OpenAPI schema) and the API.
router = APIRouter()
router.include_router(pages)
router.include_router(api)


def _number(text: str) -> int:
    from alliance.errors import InvalidInput

    try:
        return int(text)
    except ValueError:
        raise InvalidInput(f"{text!r} is not a whole number.") from None
