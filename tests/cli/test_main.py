"""The CLI's shared behaviour: errors are one line with exit status 1."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from alliance.cli.main import app


def test_an_alliance_error_is_one_line_on_stderr_and_exit_1(home: Path) -> None:
    result = CliRunner().invoke(app, ["list"], env={"ALLIANCE_PASSPHRASE": "whatever it is"})
    assert result.exit_code == 1
    assert result.stderr.startswith("alliance: No vault at ")
    assert result.stderr.count("\n") == 1
    assert result.stdout == ""


def test_a_damaged_database_is_one_line(home: Path) -> None:
    env = {"ALLIANCE_PASSPHRASE": "a long passphrase"}
    runner = CliRunner()
    assert runner.invoke(app, ["init"], env=env).exit_code == 0
    assert runner.invoke(app, ["write", "a note to damage"], env=env).exit_code == 0
    db = home / "alliance.db"
    data = bytearray(db.read_bytes())
    data[len(data) // 2] ^= 0xFF
    db.write_bytes(bytes(data))
    result = runner.invoke(app, ["check"], env=env)
    assert result.exit_code == 1
    assert result.stderr.startswith("alliance: ")
    assert result.stderr.count("\n") == 1
