"""The page's safety: headers on every response, the Host check, body size, CSRF and Origin.

- `Guard` (ASGI middleware) refuses a Host header that is not this server's (DNS rebinding:
  a page on evil.example re-pointed at 127.0.0.1 still says `Host: evil.example`), refuses
  bodies over 1 MiB with a clear message, and adds the security headers to every response,
  static files and errors included: a strict Content-Security-Policy with no 'unsafe-inline',
  `Cache-Control: no-store` (journal pages must not linger in a disk cache), nosniff,
  no referrer, no framing.
- `csrf_guard` (a dependency on every route) checks each unsafe request: Origin and
  Sec-Fetch-Site must be this site's, and the browser session's synchronizer token must come
  back, in the `csrf_token` form field or, for the JSON API, the `X-CSRF-Token` header.
"""

from __future__ import annotations

import secrets
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from typing import Any

from fastapi import Request

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

MAX_BODY_BYTES = 1024 * 1024
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'"
)
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = tuple(
    (name.encode(), value.encode())
    for name, value in (
        ("content-security-policy", CSP),
        ("cache-control", "no-store"),
        ("pragma", "no-cache"),
        ("x-content-type-options", "nosniff"),
        ("referrer-policy", "no-referrer"),
        ("x-frame-options", "DENY"),
        ("cross-origin-opener-policy", "same-origin"),
        ("cross-origin-resource-policy", "same-origin"),
        ("permissions-policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()"),
    )
)
TOO_LARGE = "That is more than Alliance accepts in one go (1 MB). Nothing was saved."
BAD_HOST = "This address is not the Alliance server's. Open it at http://127.0.0.1 instead."
CSRF_REFUSED = (
    "This request did not come from an Alliance page in this browser (or the page was too "
    "old). Nothing was saved: go back, reload the page and try again."
)


class CsrfRefused(Exception):
    """An unsafe request without this browser session's token, or from another site."""


class HostPolicy:
    """The Host headers this server answers: loopback names (and any configured) at its port.

    Without a port (tests, or a port chosen by the OS) any port is accepted for those names.
    """

    def __init__(self, port: int | None, extra_names: Iterable[str] = ()) -> None:
        self.port = port
        self.names = frozenset(n.lower() for n in (*LOOPBACK_NAMES, *extra_names))

    def allows(self, host: str) -> bool:
        host = host.strip().lower()
        name, _, port = host.rpartition(":") if not host.endswith("]") else (host, "", "")
        if not name:  # no port given
            name, port = host, ""
        if name not in self.names:
            return False
        if self.port is None:
            return port == "" or port.isdigit()
        return port == str(self.port) or (port == "" and self.port == 80)


class _BodyTooLarge(Exception):
    pass


class Guard:
    """ASGI middleware: Host check, body limit, security headers (and the session cookie)."""

    def __init__(self, app: ASGIApp, *, hosts: HostPolicy, cookie: Callable[[Scope], bytes | None]):
        self.app = app
        self.hosts = hosts
        self.cookie = cookie

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        host = headers.get(b"host", b"").decode("latin-1")
        if not self.hosts.allows(host):
            await _plain(send, 400, BAD_HOST)
            return
        declared = headers.get(b"content-length", b"")
        if declared.isdigit() and int(declared) > MAX_BODY_BYTES:
            await _plain(send, 413, TOO_LARGE, json=_is_api(scope))
            return
        started = False
        received = 0

        async def counted_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > MAX_BODY_BYTES:
                    raise _BodyTooLarge
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                extra = list(SECURITY_HEADERS)
                cookie = self.cookie(scope)
                if cookie is not None:
                    extra.append((b"set-cookie", cookie))
                message["headers"] = _merged(message.get("headers") or [], extra)
            await send(message)

        try:
            await self.app(scope, counted_receive, guarded_send)
        except _BodyTooLarge:
            if not started:
                await _plain(send, 413, TOO_LARGE, json=_is_api(scope))


def _merged(
    headers: Iterable[tuple[bytes, bytes]], extra: list[tuple[bytes, bytes]]
) -> list[tuple[bytes, bytes]]:
    """The response's headers with ours; ours win (a route cannot loosen the policy)."""
    ours = {name for name, _ in extra if name != b"set-cookie"}
    return [(n, v) for n, v in headers if n.lower() not in ours] + extra


async def _plain(send: Send, status: int, text: str, *, json: bool = False) -> None:
    if json:
        import json as json_module

        body = json_module.dumps({"detail": text}).encode()
        kind = b"application/json"
    else:
        body = (
            '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Alliance</title>'
            f"</head><body><main><h1>Alliance</h1><p>{text}</p></main></body></html>"
        ).encode()
        kind = b"text/html; charset=utf-8"
    headers = [(b"content-type", kind), (b"content-length", str(len(body)).encode())]
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": _merged(headers, list(SECURITY_HEADERS)),
        }
    )
    await send({"type": "http.response.body", "body": body})


def _is_api(scope: Scope) -> bool:
    return str(scope.get("path", "")).startswith("/api/")


def check_origin(request: Request) -> None:
    """Unsafe requests must come from this very origin (when the browser says where from).

    With `Referrer-Policy: no-referrer` Chromium sends `Origin: null` on the app's own form
    posts, so "null" passes only where the browser's own fetch metadata (which no page can
    forge) says same-origin. The synchronizer token is checked in every case.
    """
    site = request.headers.get("sec-fetch-site")
    if site is not None and site not in ("same-origin", "none"):
        raise CsrfRefused(f"sec-fetch-site {site}")
    origin = request.headers.get("origin")
    if origin == "null":
        if site != "same-origin":
            raise CsrfRefused("opaque origin")
    elif origin is not None:
        expected = f"{request.url.scheme}://{request.headers.get('host', '')}"
        if origin.lower() != expected.lower():
            raise CsrfRefused(f"origin {origin}")


async def csrf_guard(request: Request) -> None:
    """The dependency on every route: unsafe methods need Origin and the session's token."""
    if request.method in SAFE_METHODS:
        return
    check_origin(request)
    from alliance.web.context import browser_session

    session = browser_session(request, create=False)
    if session is None:
        raise CsrfRefused("no session")
    if str(request.url.path).startswith("/api/"):
        token = request.headers.get(CSRF_HEADER)
    else:
        form = await request.form()
        value = form.get(CSRF_FIELD)
        token = value if isinstance(value, str) else None
    if not token or not secrets.compare_digest(token, session.csrf):
        raise CsrfRefused("token")
