"""`alliance demo`: fill a new vault with a realistic synthetic history to explore."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from alliance.demo import DemoSummary


def register(app: typer.Typer) -> None:
    app.command("demo")(demo)


def demo() -> None:
    """Fill a new vault (ALLIANCE_HOME) with eight months of a made-up therapy, to explore."""
    from alliance.cli.vault_access import open_vault
    from alliance.cli.vault_cmd import new_passphrase, show_recovery_key
    from alliance.demo import fill_demo, vault_exists
    from alliance.services.vault import init_vault

    recovery = None
    if vault_exists():
        vault = open_vault()
    else:
        vault, recovery = init_vault(new_passphrase())
    try:
        summary = fill_demo(vault)
        home = vault.home
    finally:
        vault.close()
    _report(summary, str(home))
    if recovery is not None:
        show_recovery_key(recovery)


def _report(summary: DemoSummary, home: str) -> None:
    sessions = summary.sessions
    typer.echo(f"Filled the vault in {home} with a demo therapy (all of it made up):")
    typer.echo(
        f"  {summary.client} and her therapist {summary.therapist}, "
        f"{summary.first_session.isoformat()} to now"
    )
    typer.echo(
        f"  {summary.attended} sessions attended, {sessions.get('cancelled', 0)} cancelled, "
        f"{sessions.get('missed', 0)} missed, {sessions.get('scheduled', 0)} still ahead"
    )
    typer.echo(
        f"  {summary.entries} journal entries ({summary.starred} starred, "
        f"{summary.linked_entries} linked to a session), {summary.checkins} mood check-ins"
    )
    from alliance.instruments.catalog import load_instrument

    measures = ", ".join(
        f"{load_instrument(name).short_name} {count}" for name, count in summary.measures.items()
    )
    typer.echo(f"  questionnaires: {measures}")
    for count_name, count in summary.extras.items():
        typer.echo(f"  {count_name.replace('_', ' ')}: {count}")
    for note in summary.notes:
        typer.echo(f"  note: {note}")
    typer.echo("Look around: `alliance list`, `alliance session list`, `alliance measures`.")
