"""Fixtures for the web app: a real vault in tmp_path, created through the app's own pages."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from alliance.web.app import create_app

PASSPHRASE = "a calm and private place"
BASE_URL = "http://127.0.0.1:8765"
_CSRF = re.compile(r'name="csrf-token" content="([^"]+)"')


class Browser:
    """A TestClient with this browser's CSRF token at hand."""

    def __init__(self, client: TestClient) -> None:
        self.client = client
        self.recovery_key: str | None = None

    @property
    def app(self) -> Any:
        return self.client.app

    def csrf(self) -> str:
        found = _CSRF.search(self.client.get("/help").text)
        assert found, "every page carries the CSRF token in a meta tag"
        return found.group(1)

    def get(self, path: str, **options: Any) -> Any:
        return self.client.get(path, **options)

    def post(self, path: str, data: dict[str, Any] | None = None, **options: Any) -> Any:
        """A form post with this session's token."""
        return self.client.post(path, data={"csrf_token": self.csrf(), **(data or {})}, **options)

    def api(self, method: str, path: str, **options: Any) -> Any:
        headers = {"X-CSRF-Token": self.csrf(), **options.pop("headers", {})}
        return self.client.request(method, path, headers=headers, **options)


def new_client(app: Any) -> TestClient:
    return TestClient(app, base_url=BASE_URL)


@pytest.fixture
def make_app(home: Path) -> Callable[..., Any]:
    def make(**options: Any) -> Any:
        return create_app(home, **options)

    return make


@pytest.fixture
def fresh(make_app: Callable[..., Any]) -> Iterator[Browser]:
    """A browser on an app with no vault yet."""
    with new_client(make_app()) as client:
        yield Browser(client)


def create_vault(browser: Browser) -> Browser:
    page = browser.post("/setup", {"passphrase": PASSPHRASE, "confirm": PASSPHRASE})
    assert page.status_code == 200 and page.url.path == "/welcome"
    found = re.search(r'id="recovery-key"[^>]*>([^<]+)<', page.text)
    assert found
    browser.recovery_key = found.group(1)
    done = browser.post("/welcome", {"written": "yes"})
    assert done.url.path == "/"
    return browser


@pytest.fixture
def browser(fresh: Browser) -> Browser:
    """A browser that created the vault and confirmed its recovery key."""
    return create_vault(fresh)


def count_rows(browser: Browser, table: str) -> int:
    keeper = browser.app.state.keeper
    import asyncio

    async def counted() -> int:
        def query(vault: Any) -> int:
            return int(vault.raw().execute(f"SELECT count(*) FROM {table}").fetchone()[0])

        return await keeper.run(query)

    return asyncio.run(counted())
