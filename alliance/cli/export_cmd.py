"""`alliance export` and `alliance import`: the whole vault as one JSON document."""

from __future__ import annotations

from pathlib import Path

import typer

_JSON_HELP = "Print JSON (schema in docs/cli.md)."


def register(app: typer.Typer) -> None:
    app.command("export")(export)
    app.command("import")(import_command)


def export(
    format_: str = typer.Option("json", "--format", help="Only json for now."),
    out: Path | None = typer.Option(None, "--out", help="Write to this new file (else stdout)."),
) -> None:
    """Export everything (entries, sessions, questionnaires, settings) as JSON. Not encrypted."""
    from alliance.cli.render import print_json
    from alliance.cli.vault_access import open_vault
    from alliance.services.export import export_vault, write_export

    _check_format(format_)
    vault = open_vault()
    try:
        if out is None:
            print_json(export_vault(vault))
            return
        written = write_export(vault, out)
    finally:
        vault.close()
    summary = ", ".join(f"{count} {name.replace('_', ' ')}" for name, count in written.items())
    typer.echo(f"Exported {summary} to {out} (not encrypted: keep it safe).")


def import_command(
    path: Path = typer.Argument(..., help="A JSON export.", exists=True, dir_okay=False),
    format_: str = typer.Option("json", "--format", help="Only json for now."),
) -> None:
    """Restore a JSON export into an empty vault."""
    from alliance.cli.vault_access import open_vault
    from alliance.services.export import import_vault, read_export

    _check_format(format_)
    document = read_export(path.read_bytes())
    vault = open_vault()
    try:
        imported = import_vault(vault, document)
    finally:
        vault.close()
    summary = ", ".join(f"{count} {name.replace('_', ' ')}" for name, count in imported.items())
    typer.echo(f"Imported {summary}.")


def _check_format(format_: str) -> None:
    from alliance.errors import InvalidInput

    if format_.lower() != "json":
        raise InvalidInput(f"Unknown format {format_!r}: only json for now.")
