"""`alliance serve`: loopback by default, a warning beyond it, the browser opened unless told."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from alliance.cli import serve_cmd
from alliance.cli.main import app

LAUNCH = (sys.executable, "-c", "from alliance.cli.main import run; run()")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.mark.parametrize(
    ("host", "loopback"),
    [("127.0.0.1", True), ("localhost", True), ("::1", True), ("127.0.0.2", True),
     ("0.0.0.0", False), ("192.168.1.5", False), ("example.org", False)],
)  # fmt: skip
def test_loopback_addresses_are_recognised(host: str, loopback: bool) -> None:
    assert serve_cmd.is_loopback(host) is loopback


class Recorder:
    def __init__(self) -> None:
        self.configs: list[Any] = []
        self.opened: list[str] = []
        self.unlocked: list[bool] = []


@pytest.fixture
def recorded(monkeypatch: pytest.MonkeyPatch, home: Path) -> Recorder:
    """`serve` with uvicorn's run loop and the browser replaced by recorders."""
    import uvicorn

    seen = Recorder()

    def run(server: Any) -> None:
        seen.configs.append(server.config)
        seen.unlocked.append(server.config.app.state.keeper.unlocked)
        server.started = True
        time.sleep(0.3)  # the opener thread sees `started` and opens the browser

    monkeypatch.setattr(uvicorn.Server, "run", run)
    monkeypatch.setattr("webbrowser.open", seen.opened.append)
    return seen


def test_serve_listens_on_loopback_and_opens_the_browser(recorded: Recorder) -> None:
    result = CliRunner().invoke(app, ["serve", "--port", "8799"])
    assert result.exit_code == 0, result.output
    config = recorded.configs[0]
    assert (config.host, config.port, config.access_log) == ("127.0.0.1", 8799, False)
    assert recorded.opened == ["http://127.0.0.1:8799/"]
    assert "Warning" not in result.output


def test_no_browser_and_a_warning_beyond_loopback(recorded: Recorder) -> None:
    result = CliRunner().invoke(app, ["serve", "--host", "0.0.0.0", "--no-browser"])
    assert result.exit_code == 0
    assert "Warning: serving on 0.0.0.0, beyond this computer" in result.output
    assert recorded.opened == []
    assert recorded.configs[0].host == "0.0.0.0"


def test_the_server_answers_on_loopback_only(tmp_path: Path) -> None:
    port = free_port()
    env = {**os.environ, "ALLIANCE_HOME": str(tmp_path / "vault")}
    process = subprocess.Popen(
        [*LAUNCH, "serve", "--no-browser", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        body = _wait_for(f"http://127.0.0.1:{port}/")
        assert "Welcome to Alliance" in body  # a first run: the create-vault page
        assert _listening_addresses(port) == {"127.0.0.1"}
    finally:
        process.terminate()
        process.wait(timeout=10)
        assert process.stdout is not None
        process.stdout.close()


def _listening_addresses(port: int) -> set[str]:
    """The local addresses listening on `port` (IPv4), from /proc/net/tcp."""
    table = Path("/proc/net/tcp")
    if not table.exists():
        pytest.skip("needs Linux's /proc/net/tcp to see which address the server bound")
    found = set()
    for line in table.read_text().splitlines()[1:]:
        local, state = line.split()[1], line.split()[3]
        address, port_hex = local.split(":")
        if state == "0A" and int(port_hex, 16) == port:  # 0A: LISTEN
            found.add(socket.inet_ntoa(bytes.fromhex(address)[::-1]))
    return found


def _wait_for(url: str, timeout: float = 20.0) -> str:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return str(response.read().decode())
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def test_demo_serves_a_new_vault_already_unlocked(recorded: Recorder, home: Path) -> None:
    """`--demo` builds the demo in a temporary folder (never ALLIANCE_HOME) and opens the
    browser on a one-time launch link that lets that browser in."""
    pytest.importorskip("alliance.demo", reason="the demo module is not installed")
    result = CliRunner().invoke(app, ["serve", "--demo", "--port", "8798"])
    assert result.exit_code == 0, result.output
    assert recorded.opened and recorded.opened[0].startswith("http://127.0.0.1:8798/launch?token=")
    served = recorded.configs[0].app
    keeper = served.state.keeper
    assert recorded.unlocked == [True]  # served already open
    assert keeper.home != home and not home.exists()
    assert keeper.check_launch_token(recorded.opened[0].split("token=")[1])
    assert not keeper.check_launch_token("guessed")
