"""`alliance demo`, in-process: it creates and fills a new vault, and refuses one with data."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from alliance.cli.main import app
from alliance.errors import AllianceError
from tests.conftest import PASSPHRASE

RECOVERY_KEY = re.compile(r"^\s+([A-Z2-7]{4}-){5,}[A-Z2-7]{2,4}$", re.M)


@pytest.fixture(autouse=True)
def _zone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "Europe/Berlin")


def invoke(*args: str, input: str | None = None) -> Result:
    return CliRunner().invoke(app, list(args), input=input)


def counts(home: Path) -> dict[str, int]:
    from alliance.services.journal import list_entries
    from alliance.services.measures import history
    from alliance.services.sessions import list_sessions
    from alliance.services.vault import unlock

    vault = unlock(home, passphrase=PASSPHRASE)
    try:
        return {
            "entries": len(list_entries(vault)),
            "sessions": len(list_sessions(vault)),
            "responses": sum(len(record.rows) for record in history(vault)),
        }
    finally:
        vault.close()


def refused(result: Result, message: str) -> None:
    """A user error: exit 1 and one line (raised as is, or printed by main as `alliance: ...`)."""
    assert result.exit_code == 1
    if isinstance(result.exception, AllianceError):
        text = str(result.exception)
    else:
        assert isinstance(result.exception, SystemExit), result.exception
        text = result.stderr.strip()
    assert "\n" not in text
    assert message in text, text


def test_demo_creates_a_vault_fills_it_and_shows_the_recovery_key(
    home: Path, tmp_path: Path
) -> None:
    secret = tmp_path / "passphrase"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    result = invoke("--passphrase-file", str(secret), "demo")
    assert result.exit_code == 0, (result.output, result.exception)
    assert RECOVERY_KEY.search(result.stdout), result.stdout
    assert "Nora Lind" in result.stdout
    found = counts(home)
    assert 30 <= found["sessions"] <= 40
    assert 60 <= found["entries"] <= 80
    assert found["responses"] >= 50
    assert f"{found['entries']} journal entries" in result.stdout
    # The same vault, now full, is refused a second demo.
    again = invoke("--passphrase-file", str(secret), "demo")
    refused(again, "already has data")
    assert counts(home) == found


def test_a_vault_with_data_is_refused_with_one_line_and_left_alone(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ALLIANCE_PASSPHRASE", PASSPHRASE)
    assert invoke("init").exit_code == 0
    assert invoke("write", "My own first entry.").exit_code == 0
    result = invoke("demo")
    refused(result, "already has data")
    assert result.stdout == ""
    assert counts(home) == {"entries": 1, "sessions": 0, "responses": 0}


def test_different_passphrases_create_no_vault(home: Path) -> None:
    result = invoke("demo", input="first passphrase\nsecond passphrase\n")
    refused(result, "differ")
    assert not home.exists() or not any(home.iterdir())
