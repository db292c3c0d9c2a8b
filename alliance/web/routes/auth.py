"""Creating the vault (and showing the recovery key once), unlocking, locking."""

from __future__ import annotations

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from alliance.errors import VaultError, WrongPassphrase
from alliance.web.context import browser_session, keeper_of, render, replace_session

router = APIRouter(include_in_schema=False)


def _safe_next(target: str | None) -> str:
    """Only a path on this site: never `//elsewhere` or a full URL (open redirect)."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


@router.get("/setup")
async def setup_page(request: Request) -> Response:
    keeper = keeper_of(request)
    if keeper.unlocked or keeper.vault_exists():
        return RedirectResponse("/", status_code=303)
    return render(request, "setup.html", error=None, home=str(keeper.home))


@router.post("/setup")
async def create_vault(
    request: Request, passphrase: str = Form(""), confirm: str = Form("")
) -> Response:
    keeper = keeper_of(request)
    if keeper.unlocked or keeper.vault_exists():
        return RedirectResponse("/", status_code=303)
    error = None
    if passphrase != confirm:
        error = "The two passphrases are not the same."
    else:
        try:
            recovery = await keeper.create(passphrase)
        except VaultError as refused:
            error = str(refused)
    if error is not None:
        return render(request, "setup.html", status=400, error=error, home=str(keeper.home))
    session = browser_session(request)
    assert session is not None
    fresh = keeper.authorise(session)
    fresh.recovery_key = recovery
    replace_session(request, fresh)
    return RedirectResponse("/welcome", status_code=303)


@router.get("/welcome")
async def recovery_key_page(request: Request) -> Response:
    session = browser_session(request)
    assert session is not None
    if not session.authorised or session.recovery_key is None:
        return RedirectResponse("/", status_code=303)
    return render(request, "welcome.html", recovery_key=session.recovery_key, error=None)


@router.post("/welcome")
async def recovery_key_written(request: Request, written: str = Form("")) -> Response:
    session = browser_session(request)
    assert session is not None
    if not session.authorised or session.recovery_key is None:
        return RedirectResponse("/", status_code=303)
    if written != "yes":
        return render(
            request,
            "welcome.html",
            status=400,
            recovery_key=session.recovery_key,
            error="Tick the box once the key is written down.",
        )
    session.recovery_key = None  # gone for good: it is never shown again
    session.flash("Your vault is ready. Welcome.")
    return RedirectResponse("/", status_code=303)


@router.get("/unlock")
async def unlock_page(request: Request, next: str = "/") -> Response:
    keeper = keeper_of(request)
    session = browser_session(request)
    assert session is not None
    if not keeper.vault_exists():
        return RedirectResponse("/setup", status_code=303)
    if keeper.unlocked and session.authorised:
        return RedirectResponse(_safe_next(next), status_code=303)
    return unlock_form(request, next, None)


@router.post("/unlock")
async def unlock(
    request: Request,
    passphrase: str = Form(""),
    next: str = Form("/"),
    pending: str = Form(""),
) -> Response:
    keeper = keeper_of(request)
    if not keeper.vault_exists():
        return RedirectResponse("/setup", status_code=303)
    try:
        await keeper.unlock(passphrase)
    except WrongPassphrase as wrong:
        return unlock_form(request, next, str(wrong), pending=pending or None, status=400)
    session = browser_session(request)
    assert session is not None
    fresh = keeper.authorise(session)
    replace_session(request, fresh)
    if pending.strip():
        fresh.draft = pending
        fresh.flash("Your text is back in the box: save it when you are ready.")
        return RedirectResponse("/#write-heading", status_code=303)
    return RedirectResponse(_safe_next(next), status_code=303)


@router.post("/lock")
async def lock(request: Request) -> Response:
    keeper = keeper_of(request)
    await keeper.lock()
    session = browser_session(request)
    assert session is not None
    session.flash("Locked. Your vault is closed.")
    return RedirectResponse("/unlock", status_code=303)


@router.get("/launch")
async def launch(request: Request, token: str = "") -> Response:
    """The link `alliance serve --demo` opens: lets that browser into the open vault."""
    keeper = keeper_of(request)
    session = browser_session(request)
    assert session is not None
    if keeper.unlocked and keeper.check_launch_token(token):
        replace_session(request, keeper.authorise(session))
        return RedirectResponse("/", status_code=303)
    return RedirectResponse("/unlock", status_code=303)


def unlock_form(
    request: Request,
    next: str,
    error: str | None,
    *,
    pending: str | None = None,
    status: int = 200,
) -> Response:
    """The passphrase form; `pending` is text typed before the vault locked, kept in it."""
    minutes = max(1, round(keeper_of(request).idle_seconds / 60))
    return render(
        request,
        "unlock.html",
        status=status,
        next=_safe_next(next),
        error=error,
        pending=pending,
        idle_minutes=minutes,
    )
