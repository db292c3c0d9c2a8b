"""Help now: crisis resources and safe-messaging text, one click from every page.

This page needs no unlocked vault: it must be reachable from the passphrase page too.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from alliance.web.context import render
from alliance.web.views import help_page_resources

router = APIRouter(include_in_schema=False)


@router.get("/help")
async def help_now(request: Request) -> Response:
    return render(request, "help.html", **help_page_resources())
