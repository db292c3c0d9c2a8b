"""Per-request helpers: the browser session, the unlock check, and rendering a page.

Templates are Jinja2 with autoescaping on for every template: user text is always escaped.
The only pre-escaped HTML that reaches a template is `Markup` built by our own code (charts,
highlighted entries), which escapes the user's text itself.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any
from zoneinfo import ZoneInfo

from fastapi import Depends, Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from alliance.web.session import BrowserSession, Keeper

COOKIE_BASE = "alliance_session"
CORE_NAV: tuple[tuple[str, str], ...] = (
    ("Today", "/"),
    ("Journal", "/journal"),
    ("Sessions", "/sessions"),
    ("Measures", "/measures"),
    ("Insights", "/insights"),
)


class Redirect(Exception):
    """Stop here and send the browser elsewhere (a 303 See Other)."""

    def __init__(self, location: str) -> None:
        super().__init__(location)
        self.location = location


class NeedsUnlock(Exception):
    """A page or API call that needs the open vault, from a browser that has not unlocked it."""


def keeper_of(request: Request) -> Keeper:
    keeper: Keeper = request.app.state.keeper
    return keeper


def cookie_name(request: Request) -> str:
    return str(request.app.state.cookie_name)


def browser_session(request: Request, *, create: bool = True) -> BrowserSession | None:
    """This browser's session (from its cookie); a new one when it has none and `create`."""
    cached: BrowserSession | None = getattr(request.state, "browser_session", None)
    if cached is not None:
        return cached
    keeper = keeper_of(request)
    session = keeper.session(request.cookies.get(cookie_name(request)))
    if session is None and create:
        session = keeper.new_session()
        request.state.set_cookie_for = session.id
    request.state.browser_session = session
    return session


def replace_session(request: Request, session: BrowserSession) -> None:
    """After `Keeper.authorise`: this response sets the new session's cookie."""
    request.state.browser_session = session
    request.state.set_cookie_for = session.id


def set_cookie_header(name: str, state: dict[str, Any]) -> bytes | None:
    token = state.get("set_cookie_for")
    if not token:
        return None
    return f"{name}={token}; Path=/; HttpOnly; SameSite=Strict".encode()


async def unlocked(request: Request) -> BrowserSession:
    """Dependency for every page and API call that reads the vault."""
    keeper = keeper_of(request)
    await keeper.lock_if_idle()
    session = browser_session(request)
    assert session is not None
    if not keeper.unlocked and not keeper.vault_exists():
        raise Redirect("/setup") if not _is_api(request) else NeedsUnlock()
    if not keeper.unlocked or not session.authorised:
        raise NeedsUnlock()
    if session.recovery_key is not None and not _is_api(request):
        raise Redirect("/welcome")
    keeper.touch()
    return session


# A route parameter `session: Unlocked` makes the route need this browser to have unlocked.
Unlocked = Annotated[BrowserSession, Depends(unlocked)]


async def on_vault(request: Request, work: Any, *args: Any, **kwargs: Any) -> Any:
    """Run `work(vault, ...)` on the vault thread."""
    return await keeper_of(request).run(work, *args, **kwargs)


def _is_api(request: Request) -> bool:
    return str(request.url.path).startswith("/api/")


# --- rendering --------------------------------------------------------------------------------

_ENV = Environment(
    loader=PackageLoader("alliance.web", "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


def local_time(moment: datetime, tz: str | None = None) -> str:
    """`Tue 3 Mar 2026, 21:04` in the zone it was written in."""
    here = moment.astimezone(ZoneInfo(tz)) if tz else moment.astimezone()
    return f"{here:%a} {here.day} {here:%b %Y, %H:%M}"


def local_day(moment: datetime, tz: str | None = None) -> str:
    here = moment.astimezone(ZoneInfo(tz)) if tz else moment.astimezone()
    return f"{here:%a} {here.day} {here:%b %Y}"


def iso(moment: datetime) -> str:
    return moment.isoformat()


def preview(body: str, title: str = "", length: int = 160) -> str:
    """The start of an entry's text for a list, without the title it begins with."""
    text = " ".join(body.split())
    if title and text.startswith(title):
        text = text[len(title) :].lstrip(" .!?…")
    return text if len(text) <= length else text[:length].rsplit(" ", 1)[0] + "…"


def words(identifier: str) -> str:
    """`ending_fear` -> `ending fear`, for showing an id as words."""
    return identifier.replace("_", " ")


def _resource_groups(message: Any) -> list[tuple[str, list[Any]]]:
    from alliance.web.views import resource_groups

    return resource_groups(message)


_ENV.filters.update(when=local_time, day=local_day, iso=iso, words=words, preview=preview)
_ENV.globals.update(resource_groups=_resource_groups)


def render(request: Request, template: str, *, status: int = 200, **context: Any) -> HTMLResponse:
    session = browser_session(request)
    assert session is not None
    keeper = keeper_of(request)
    page = _ENV.get_template(template).render(
        request_path=str(request.url.path),
        csrf=session.csrf,
        nav=(*CORE_NAV, *request.app.state.extra_nav),
        flashes=session.take_flashes(),
        # Until the recovery key is confirmed, the header offers nothing to wander off to.
        signed_in=keeper.unlocked and session.authorised and session.recovery_key is None,
        **context,
    )
    return HTMLResponse(page, status_code=status)
