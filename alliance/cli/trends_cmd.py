"""`alliance trends`: emotions and relationship themes in your reflections, week by week."""

from __future__ import annotations

import json

import typer


def register(app: typer.Typer) -> None:
    app.command("trends")(trends)


def trends(
    weeks: int = typer.Option(12, "--weeks", help="How many recent weeks to show."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON (schema in docs/cli.md)."),
) -> None:
    """Week by week: entries written, and how many carried each theme and emotion."""
    from alliance.cli.vault_access import open_vault
    from alliance.errors import InvalidInput
    from alliance.services.readings import weekly_trends

    if weeks < 1:
        raise InvalidInput(f"--weeks must be 1 or more, not {weeks}.")
    vault = open_vault()
    try:
        rows = weekly_trends(vault, weeks)
    finally:
        vault.close()
    if as_json:
        typer.echo(json.dumps([row.as_dict() for row in rows], indent=2))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title="Your reflections, week by week")
    for column in ("week of", "entries", "themes", "emotions"):
        table.add_column(column)
    for row in rows:
        themes = ", ".join(f"{name} {count}" for name, count in list(row.themes.items())[:4])
        emotions = ", ".join(f"{name} {count}" for name, count in list(row.emotions.items())[:4])
        table.add_row(row.week_start.isoformat(), str(row.entries), themes, emotions)
    Console().print(table)
    typer.echo("Counts are how many entries carried each reading; they describe, not diagnose.")
