"""The router hook: optional page modules plug in with `router` and `NAV`."""

from __future__ import annotations

from pathlib import Path

import pytest

from alliance.web import app as web_app
from tests.web import extra_router
from tests.web.conftest import Browser, create_vault, new_client


def test_an_optional_router_adds_its_pages_nav_and_api(
    monkeypatch: pytest.MonkeyPatch, home: Path
) -> None:
    monkeypatch.setattr(
        web_app, "OPTIONAL_ROUTERS", ("tests.web.extra_router", "tests.web.not_there")
    )
    app = web_app.create_app(home)
    with new_client(app) as client:
        assert client.get("/extra").url.path == "/setup"  # its pages need the vault too
        browser = create_vault(Browser(client))
        assert '<a href="/extra">Extra</a>' in browser.get("/").text
        assert browser.get("/extra").text == "the extra page"
        assert client.post("/extra").status_code == 403  # the app's CSRF guard covers it
        assert extra_router.posted == []
        assert browser.post("/extra").text == "posted"
        schema = browser.get("/api/v1/openapi.json").json()
        assert "/api/v1/extra" in schema["paths"] and "/extra" not in schema["paths"]
    extra_router.posted.clear()


def test_a_router_module_that_fails_inside_is_not_silently_skipped(
    monkeypatch: pytest.MonkeyPatch, home: Path
) -> None:
    monkeypatch.setattr(web_app, "OPTIONAL_ROUTERS", ("tests.web.broken_router",))
    with pytest.raises(ModuleNotFoundError, match="no_such_dependency"):
        web_app.create_app(home)
