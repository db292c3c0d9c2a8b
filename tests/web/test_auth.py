"""First run, the recovery key shown once, unlocking, locking, and the idle lock."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from tests.web.conftest import PASSPHRASE, Browser, create_vault, new_client


def test_first_run_creates_the_vault_and_shows_the_recovery_key_once(fresh: Browser) -> None:
    assert fresh.get("/").url.path == "/setup"
    mismatch = fresh.post("/setup", {"passphrase": PASSPHRASE, "confirm": "something else"})
    assert mismatch.status_code == 400 and "not the same" in mismatch.text
    short = fresh.post("/setup", {"passphrase": "short", "confirm": "short"})
    assert short.status_code == 400 and "at least 8 characters" in short.text

    page = fresh.post("/setup", {"passphrase": PASSPHRASE, "confirm": PASSPHRASE})
    assert page.url.path == "/welcome"
    assert "I have written it down" in page.text
    # Every page waits until the key is confirmed as written down.
    assert fresh.get("/journal").url.path == "/welcome"
    unticked = fresh.post("/welcome", {})
    assert unticked.status_code == 400
    key_shown = page.text.split('id="recovery-key"')[1].split("<")[0].split(">")[1]
    assert fresh.post("/welcome", {"written": "yes"}).url.path == "/"
    # Gone for good: the page is not there any more, and no page shows the key.
    assert fresh.get("/welcome").url.path == "/"
    for path in ("/", "/journal", "/help", "/welcome"):
        assert key_shown not in fresh.get(path).text
    assert fresh.get("/setup").url.path == "/"


def test_the_recovery_key_opens_the_vault(browser: Browser) -> None:
    from alliance.services.vault import recover, unlock

    keeper = browser.app.state.keeper
    assert browser.recovery_key
    recover(keeper.home, browser.recovery_key, "a brand new passphrase")
    unlock(keeper.home, passphrase="a brand new passphrase").close()


def test_a_wrong_passphrase_is_a_one_line_error_and_the_right_one_unlocks(
    browser: Browser,
) -> None:
    locked = browser.post("/lock")
    assert locked.url.path == "/unlock" and "Locked" in locked.text
    assert browser.app.state.keeper.vault is None
    assert browser.get("/journal").url.path == "/unlock"
    wrong = browser.post("/unlock", {"passphrase": "not it at all", "next": "/journal"})
    assert wrong.status_code == 400
    assert "That passphrase does not open this vault." in wrong.text
    right = browser.post("/unlock", {"passphrase": PASSPHRASE, "next": "/journal"})
    assert right.status_code == 200 and right.url.path == "/journal"


def test_three_wrong_passphrases_hold_further_tries(make_app: Callable[..., Any]) -> None:
    app = make_app(cooldown_seconds=60)
    with new_client(app) as client:
        browser = create_vault(Browser(client))
        browser.post("/lock")
        for _ in range(3):
            browser.post("/unlock", {"passphrase": "wrong passphrase"})
        held = browser.post("/unlock", {"passphrase": PASSPHRASE})
        assert held.status_code == 400 and "wait" in held.text
        assert app.state.keeper.vault is None


def test_the_app_locks_itself_when_idle_and_forgets_the_vault(
    make_app: Callable[..., Any],
) -> None:
    app = make_app(idle_seconds=0.3)
    with new_client(app) as client:
        browser = create_vault(Browser(client))
        assert browser.get("/").url.path == "/"
        time.sleep(0.9)  # the watcher runs every idle/4 seconds, without any request
        assert app.state.keeper.vault is None
        assert browser.get("/journal").url.path == "/unlock"
        assert client.get("/api/v1/alerts").status_code == 401


def test_activity_keeps_the_vault_open(make_app: Callable[..., Any]) -> None:
    app = make_app(idle_seconds=0.8)
    with new_client(app) as client:
        browser = create_vault(Browser(client))
        for _ in range(4):
            time.sleep(0.3)
            assert browser.get("/").url.path == "/"
        assert app.state.keeper.vault is not None


def test_help_now_needs_no_unlocked_vault(fresh: Browser) -> None:
    page = fresh.get("/help")
    assert page.status_code == 200
    assert "988" in page.text and "116 123" in page.text
    assert 'href="/help"' in fresh.get("/setup").text


def test_the_launch_link_lets_only_its_holder_in(browser: Browser) -> None:
    """What `serve --demo` opens: the vault is open, and the link's token lets a browser in."""
    import asyncio

    keeper = browser.app.state.keeper
    token = keeper.new_launch_token()
    with new_client(browser.app) as other:
        assert other.get("/launch", params={"token": "guess"}).url.path == "/unlock"
        assert other.get("/journal").url.path == "/unlock"
        landed = other.get("/launch", params={"token": token})
        assert landed.url.path == "/" and "Write" in landed.text
    asyncio.run(keeper.lock())
    with new_client(browser.app) as late:
        assert late.get("/launch", params={"token": token}).url.path == "/unlock"


def test_text_sent_after_the_idle_lock_comes_back_after_unlocking(
    make_app: Callable[..., Any],
) -> None:
    app = make_app(idle_seconds=0.3)
    with new_client(app) as client:
        browser = create_vault(Browser(client))
        token = browser.csrf()
        time.sleep(0.9)
        typed = "A long reflection <b>typed</b> while the vault locked itself."
        page = client.post("/write", data={"text": typed, "csrf_token": token})
        assert page.status_code == 401 and "What you wrote is kept on this page" in page.text
        assert 'name="pending" value="A long reflection &lt;b&gt;typed&lt;/b&gt;' in page.text
        back = browser.post("/unlock", {"passphrase": PASSPHRASE, "pending": typed})
        assert back.url.path == "/" and "Your text is back in the box" in back.text
        assert "typed&lt;/b&gt; while the vault locked itself.</textarea>" in back.text
        assert "while the vault locked itself" not in browser.get("/").text  # shown once
