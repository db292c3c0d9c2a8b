"""`alliance serve`: the local web app, on this computer only unless told otherwise."""

from __future__ import annotations

import ipaddress
import secrets
import threading
import time
from pathlib import Path

import typer

from alliance.errors import AllianceError

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)


def serve(
    host: str = typer.Option(
        DEFAULT_HOST, "--host", help="Address to listen on (loopback unless you say otherwise)."
    ),
    port: int = typer.Option(DEFAULT_PORT, "--port", min=1, max=65535),
    no_browser: bool = typer.Option(False, "--no-browser", help="Do not open a browser."),
    demo: bool = typer.Option(
        False, "--demo", help="Serve a new demo vault (synthetic data) in a temporary folder."
    ),
    allow_host: list[str] = typer.Option(
        [],
        "--allow-host",
        help="A further host name the browser may use (with a non-loopback --host).",
    ),
) -> None:
    """Open Alliance in your browser: journal, sessions, measures and insights."""
    import tempfile

    import uvicorn

    from alliance.web.app import create_app

    extra_hosts = tuple(allow_host)
    if not is_loopback(host):
        typer.echo(
            f"Warning: serving on {host}, beyond this computer. Anyone who can reach "
            f"{host}:{port} can try your passphrase, and the connection is not encrypted "
            "(no TLS). Use this only on a network you trust.",
            err=True,
        )
        extra_hosts = (*extra_hosts, host)
    with tempfile.TemporaryDirectory(prefix="alliance-demo-") as scratch:
        home = _demo_home(Path(scratch)) if demo else None
        app = create_app(home, port=port, extra_hosts=extra_hosts)
        keeper = app.state.keeper
        url = f"http://{_url_host(host)}:{port}/"
        if demo:
            import asyncio

            assert home is not None
            asyncio.run(keeper.unlock(_DEMO_PASSPHRASE))
            url += f"launch?token={keeper.new_launch_token()}"
            typer.echo(f"Demo vault (synthetic data) in {home}; passphrase: {_DEMO_PASSPHRASE}")
        config = uvicorn.Config(
            app,
            host=host,
            port=port,
            log_level="warning",
            access_log=False,  # URLs carry search words and entry ids: never in a log
            server_header=False,
            lifespan="on",
        )
        server = uvicorn.Server(config)
        typer.echo(f"Alliance is at {url}  (Ctrl-C to stop)")
        if not no_browser:
            threading.Thread(target=_open_when_started, args=(server, url), daemon=True).start()
        server.run()


_DEMO_PASSPHRASE = f"demo-{secrets.token_hex(4)}"


def _demo_home(scratch: Path) -> Path:
    try:
        from alliance.demo import build_demo_vault
    except ImportError:
        raise AllianceError(
            "The demo is not available in this version of Alliance (alliance.demo is missing)."
        ) from None
    home = scratch / "vault"
    typer.echo("Building the demo vault (a minute at most)...")
    build_demo_vault(home, _DEMO_PASSPHRASE)
    return home


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _url_host(host: str) -> str:
    if host in ("0.0.0.0", "::"):
        return DEFAULT_HOST
    return f"[{host}]" if ":" in host and not host.startswith("[") else host


def _open_when_started(server: object, url: str, timeout: float = 30.0) -> None:
    import webbrowser

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if getattr(server, "started", False):
            webbrowser.open(url)
            return
        time.sleep(0.1)
