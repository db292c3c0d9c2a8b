"""Page safety: headers, the Host check, CSRF and Origin, cookies, body size, escaping."""

from __future__ import annotations

import re

from tests.web.conftest import BASE_URL, PASSPHRASE, Browser, count_rows, new_client

EXPECTED_CSP = {
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
}


def assert_safe_headers(response: object) -> None:
    headers = response.headers  # type: ignore[attr-defined]
    policy = {part.strip() for part in headers["content-security-policy"].split(";")}
    assert policy >= EXPECTED_CSP
    assert "unsafe-inline" not in headers["content-security-policy"]
    assert headers["cache-control"] == "no-store"
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"


def test_every_kind_of_response_carries_the_security_headers(browser: Browser) -> None:
    responses = [
        browser.get("/"),
        browser.get("/journal"),
        browser.get("/static/app.css"),
        browser.get("/no-such-page"),
        browser.get("/api/v1/openapi.json"),
        browser.client.post("/write", data={"text": "no token"}),
        browser.get("/", headers={"host": "evil.example"}),
    ]
    assert [r.status_code for r in responses] == [200, 200, 200, 404, 200, 403, 400]
    for response in responses:
        assert_safe_headers(response)


def test_a_foreign_host_header_is_refused(browser: Browser) -> None:
    """DNS rebinding: a page on another name pointed at 127.0.0.1 still sends its own Host."""
    refused = browser.get("/", headers={"host": "attacker.example:8765"})
    assert refused.status_code == 400
    assert "journal" not in refused.text.lower()
    assert browser.get("/", headers={"host": "localhost:8765"}).status_code == 200


def test_the_host_check_pins_the_port_when_one_is_given(make_app: object) -> None:
    app = make_app(port=8765)  # type: ignore[operator]
    with new_client(app) as client:
        assert client.get("/help").status_code == 200
        assert client.get("/help", headers={"host": "127.0.0.1:9999"}).status_code == 400


def test_the_session_cookie_is_httponly_and_samesite_strict(fresh: Browser) -> None:
    response = fresh.get("/setup")
    cookie = response.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/" in cookie


def test_a_form_without_the_token_is_refused_and_nothing_is_written(browser: Browser) -> None:
    before = count_rows(browser, "entries")
    refused = browser.client.post("/write", data={"text": "should not be saved"})
    assert refused.status_code == 403
    assert "Nothing was saved" in refused.text
    wrong = browser.client.post("/write", data={"text": "nor this", "csrf_token": "guess"})
    assert wrong.status_code == 403
    assert count_rows(browser, "entries") == before


def test_a_cross_site_form_is_refused_even_with_the_token(browser: Browser) -> None:
    token = browser.csrf()
    for headers in ({"origin": "http://evil.example"}, {"sec-fetch-site": "cross-site"}):
        refused = browser.client.post(
            "/write", data={"text": "from elsewhere", "csrf_token": token}, headers=headers
        )
        assert refused.status_code == 403
    same = browser.client.post(
        "/write",
        data={"text": "from here", "csrf_token": token},
        headers={"origin": BASE_URL, "sec-fetch-site": "same-origin"},
    )
    assert same.status_code == 200
    assert count_rows(browser, "entries") == 1


def test_the_api_needs_the_csrf_header(browser: Browser) -> None:
    body = {"text": "through the api"}
    refused = browser.client.post("/api/v1/entries", json=body)
    assert refused.status_code == 403
    assert refused.json()["detail"].startswith("This request did not come")
    assert count_rows(browser, "entries") == 0
    created = browser.api("POST", "/api/v1/entries", json=body)
    assert created.status_code == 201
    assert count_rows(browser, "entries") == 1


def test_another_browser_meets_the_passphrase_page_while_the_vault_is_open(
    browser: Browser,
) -> None:
    with new_client(browser.app) as other:
        page = other.get("/journal")
        assert page.url.path == "/unlock"
        assert other.get("/api/v1/alerts").status_code == 401


def test_bodies_over_one_megabyte_are_refused_with_a_clear_message(browser: Browser) -> None:
    token = browser.csrf()
    text = "x" * (1024 * 1024 + 10)
    refused = browser.client.post("/write", data={"text": text, "csrf_token": token})
    assert refused.status_code == 413
    assert "1 MB" in refused.text and "Nothing was saved" in refused.text
    api = browser.api("POST", "/api/v1/entries", json={"text": text})
    assert api.status_code == 413 and "1 MB" in api.json()["detail"]
    assert count_rows(browser, "entries") == 0


def test_a_script_in_an_entry_is_shown_as_text(browser: Browser) -> None:
    attack = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    page = browser.post("/write", {"text": f"Today {attack} happened"})
    assert page.status_code == 200 and page.url.path.startswith("/journal/")
    assert "<script>alert" not in page.text
    assert "<img src=x" not in page.text
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page.text
    listing = browser.get("/journal").text
    assert "<script>alert" not in listing
    found = browser.get("/journal", params={"q": "script"}).text
    assert "<script>alert" not in found


def test_scripts_and_styles_only_come_from_the_app(browser: Browser) -> None:
    """Nothing inline that the CSP would have to allow, and no third-party asset."""
    for path in ("/", "/journal", "/sessions", "/measures", "/insights", "/help"):
        html = browser.get(path).text
        assert not re.search(r"<script(?![^>]*\bsrc=\"/static/)", html)
        assert " style=" not in html and "<style" not in html
        assert not re.search(r"\bsrc=\"(https?:)?//", html)
        assert not re.search(r"<link[^>]+href=\"(https?:)?//", html)


def test_unlock_only_redirects_within_the_site(browser: Browser) -> None:
    browser.post("/lock")
    page = browser.post("/unlock", {"passphrase": PASSPHRASE, "next": "//evil.example/x"})
    assert page.url.host == "127.0.0.1" and page.url.path == "/"
