"""Browser tests: Playwright drives Debian's chromium against a real server on loopback.

Each test gets a uvicorn server in a thread on a free 127.0.0.1 port, serving a vault in
tmp_path. Every page visited is checked with axe-core (injected from node_modules, in a context
that bypasses the page's CSP for that one script) and saved as a 1280x800 screenshot under
artifacts/screenshots/. Every request the browser makes is recorded: none may leave loopback.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest

from tests.conftest import REPO

CHROMIUM = Path("/usr/bin/chromium")
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = REPO / "artifacts" / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORT = {"width": 1280, "height": 800}
PASSPHRASE = "a calm and private place"

if not CHROMIUM.exists():
    pytest.skip(
        "Debian's chromium is not installed at /usr/bin/chromium "
        "(run scripts/install-test-deps.sh)",
        allow_module_level=True,
    )
if not AXE.exists():
    pytest.skip(
        "axe-core is missing: run `npm install` at the repository root", allow_module_level=True
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Server:
    """uvicorn serving `create_app(home)` in a thread."""

    def __init__(self, home: Path, **options: Any) -> None:
        import uvicorn

        from alliance.web.app import create_app

        self.port = free_port()
        self.app = create_app(home, port=self.port, **options)
        config = uvicorn.Config(
            self.app, host="127.0.0.1", port=self.port, log_level="warning", access_log=False
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> Server:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("the test server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=20)


class Visit:
    """One browser page with the checks every page gets."""

    def __init__(self, page: Any, base: str, hosts: set[str]) -> None:
        self.page = page
        self.base = base
        self.hosts = hosts

    def go(self, path: str) -> Any:
        response = self.page.goto(self.base + path)
        assert response is not None and response.status < 400, (path, response and response.status)
        return response

    def check(self, name: str) -> None:
        """axe-core finds no serious or critical violation; a screenshot is saved."""
        self.page.wait_for_load_state("load")
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))
        self.page.add_script_tag(path=str(AXE))
        result = self.page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
        serious = [
            {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
            for v in result["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        assert not serious, f"axe on {name}: {json.dumps(serious, indent=1)}"

    def csrf(self) -> str:
        return str(self.page.get_attribute('meta[name="csrf-token"]', "content"))


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    # Module scope, not session: Playwright's sync API keeps an event loop running while it
    # is started, and TestClient tests elsewhere need to start loops of their own.
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield launched
        launched.close()


@pytest.fixture
def open_page(browser: Any) -> Iterator[Callable[[Server], Visit]]:
    """Open a page on a server; afterwards, assert that no request left loopback."""
    contexts: list[Any] = []
    hosts: set[str] = set()

    def record(request: Any) -> None:
        parsed = urlparse(request.url)
        if parsed.scheme not in ("data", "blob", "about"):
            hosts.add(parsed.hostname or "")

    def opener(server: Server) -> Visit:
        context = browser.new_context(viewport=VIEWPORT, bypass_csp=True, reduced_motion="reduce")
        context.on("request", record)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        return Visit(page, server.url, hosts)

    yield opener
    for context in contexts:
        context.close()
    assert hosts <= {"127.0.0.1"}, f"requests left this computer: {sorted(hosts)}"


def tab_to(page: Any, selector: str, limit: int = 80) -> None:
    """Press Tab (only Tab) until the element matching `selector` has the focus."""
    for _ in range(limit):
        if page.evaluate(
            "(s) => document.activeElement && document.activeElement.matches(s)", selector
        ):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {selector}")


def unlock(visit: Visit) -> None:
    """Unlock the vault through the passphrase page."""
    visit.go("/unlock")
    visit.page.fill("#passphrase", PASSPHRASE)
    visit.page.click("button:has-text('Unlock')")
    visit.page.wait_for_url(visit.base + "/")
