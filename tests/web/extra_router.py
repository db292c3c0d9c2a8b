"""A page module in the shape the router hook expects (used by test_router_hook.py)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import PlainTextResponse, Response

from alliance.web.context import Unlocked

router = APIRouter()
NAV = (("Extra", "/extra"),)
posted: list[str] = []


@router.get("/extra")
async def extra_page(request: Request, session: Unlocked) -> Response:
    return PlainTextResponse("the extra page")


@router.post("/extra")
async def extra_post(request: Request, session: Unlocked) -> Response:
    posted.append("yes")
    return PlainTextResponse("posted")


@router.get("/api/v1/extra")
async def extra_api(request: Request, session: Unlocked) -> dict[str, str]:
    return {"extra": "yes"}
