"""The local web app: `create_app(...)` builds it; `alliance serve` runs it with uvicorn.

The pages and the JSON API under /api/v1 call the same services as the CLI. Optional routers
from other parts of Alliance plug in by convention (docs/web.md): a module among
`OPTIONAL_ROUTERS` that exists must expose `router` (a FastAPI APIRouter) and `NAV`, a tuple
of (label, path) pairs added to the navigation; modules that are absent are skipped.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles

from alliance import __version__
from alliance.errors import AllianceError, NotFound
from alliance.web.context import (
    COOKIE_BASE,
    NeedsUnlock,
    Redirect,
    render,
    set_cookie_header,
)
from alliance.web.routes.auth import unlock_form
from alliance.web.security import CSRF_REFUSED, CsrfRefused, Guard, HostPolicy, csrf_guard
from alliance.web.session import COOLDOWN_SECONDS, IDLE_SECONDS, Keeper, Locked

OPTIONAL_ROUTERS = (
    "alliance.web.routes.goals",
    "alliance.web.routes.ending",
    "alliance.web.routes.reports",
)
STATIC = Path(__file__).parent / "static"


def create_app(
    home: Path | None = None,
    *,
    port: int | None = None,
    extra_hosts: tuple[str, ...] = (),
    idle_seconds: float = IDLE_SECONDS,
    cooldown_seconds: float = COOLDOWN_SECONDS,
) -> FastAPI:
    """The app for the vault at `home` (default: ALLIANCE_HOME or the user data folder).

    `port`: the port served on, so that only `127.0.0.1:port` and `localhost:port` are
    accepted as Host (None accepts any port, for tests); `extra_hosts`: more host names to
    accept (when serving beyond loopback on purpose).
    """
    from alliance.services.vault import vault_home

    keeper = Keeper(
        home or vault_home(), idle_seconds=idle_seconds, cooldown_seconds=cooldown_seconds
    )

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        watcher = asyncio.create_task(keeper.watch_idle())
        try:
            yield
        finally:
            watcher.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await watcher
            await keeper.shutdown()

    app = FastAPI(
        title="Alliance",
        version=__version__,
        description="The local JSON API of Alliance: the same services as the pages and the CLI.",
        openapi_url="/api/v1/openapi.json",
        docs_url=None,  # the interactive docs load scripts from a CDN: never here
        redoc_url=None,
        swagger_ui_oauth2_redirect_url=None,
        dependencies=[Depends(csrf_guard)],
        lifespan=lifespan,
    )
    name = COOKIE_BASE if port is None else f"{COOKIE_BASE}_{port}"
    app.state.keeper = keeper
    app.state.cookie_name = name
    app.state.extra_nav = ()
    app.add_middleware(
        Guard,
        hosts=HostPolicy(port, extra_hosts),
        cookie=lambda scope: set_cookie_header(name, scope.get("state") or {}),
    )
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    _add_error_handlers(app)
    _include_routers(app)
    return app


def _include_routers(app: FastAPI) -> None:
    from alliance.web.routes import (
        api,
        auth,
        help_now,
        insights,
        journal,
        measures,
        sessions,
        today,
    )

    for module in (auth, help_now, today, journal, sessions, measures, insights, api):
        app.include_router(module.router)
    extra: list[tuple[str, str]] = []
    for module_name in OPTIONAL_ROUTERS:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as missing:
            if missing.name != module_name:
                raise
            continue
        app.include_router(module.router)
        extra.extend(tuple(item) for item in getattr(module, "NAV", ()))
    app.state.extra_nav = tuple(extra)
    _api_only_schema(app)


def _api_only_schema(app: FastAPI) -> None:
    """The OpenAPI schema documents the JSON API only: pages, from any router, stay out."""
    full_schema = app.openapi

    def schema() -> dict[str, Any]:
        if app.openapi_schema is None:
            found = full_schema()
            found["paths"] = {p: v for p, v in found["paths"].items() if p.startswith("/api/")}
            app.openapi_schema = found
        return app.openapi_schema

    app.openapi = schema  # type: ignore[method-assign]


def _wants_json(request: Request) -> bool:
    return str(request.url.path).startswith("/api/")


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(Redirect)
    async def redirect(request: Request, error: Redirect) -> Response:
        return RedirectResponse(error.location, status_code=303)

    @app.exception_handler(NeedsUnlock)
    @app.exception_handler(Locked)
    async def needs_unlock(request: Request, error: Exception) -> Response:
        if _wants_json(request):
            return JSONResponse({"detail": "The vault is locked: unlock it in the app."}, 401)
        if request.method == "GET":
            return RedirectResponse(f"/unlock?next={request.url.path}", status_code=303)
        # A form sent after the vault locked itself: what was typed comes back with the
        # passphrase form, so it is never lost (it stays in this page, not on disk).
        form = await request.form()
        typed = form.get("text")
        pending = typed if isinstance(typed, str) and typed.strip() else None
        return unlock_form(request, "/", None, pending=pending, status=401)

    @app.exception_handler(CsrfRefused)
    async def csrf_refused(request: Request, error: CsrfRefused) -> Response:
        if _wants_json(request):
            return JSONResponse({"detail": CSRF_REFUSED}, 403)
        return render(request, "error.html", status=403, message=CSRF_REFUSED)

    @app.exception_handler(AllianceError)
    async def refused(request: Request, error: AllianceError) -> Response:
        status = 404 if isinstance(error, NotFound) else 400
        if _wants_json(request):
            return JSONResponse({"detail": str(error)}, status)
        return render(request, "error.html", status=status, message=str(error))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, error: RequestValidationError) -> Response:
        if _wants_json(request):
            detail: Any = error.errors()
            return JSONResponse({"detail": _plain_errors(detail)}, 422)
        return render(
            request, "error.html", status=422, message="Some of the form was missing or not valid."
        )

    @app.exception_handler(404)
    async def not_found(request: Request, error: Exception) -> Response:
        if _wants_json(request):
            return JSONResponse({"detail": "Not found."}, 404)
        return render(request, "error.html", status=404, message="There is no page here.")


def _plain_errors(errors: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Validation errors without the submitted input echoed back (it may be journal text)."""
    return [{k: v for k, v in e.items() if k in ("loc", "msg", "type")} for e in errors]
