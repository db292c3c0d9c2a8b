"""Therapy-session commands: `alliance session add | list | show | edit`."""

from __future__ import annotations

import typer

_JSON_HELP = "Print JSON (schema in docs/cli.md)."
_REF_HELP = "The session: its number, 'last', or an id prefix (4+ characters)."

session_app = typer.Typer(
    name="session",
    help="Your therapy sessions: add them, list them, and see the entries linked to one.",
    no_args_is_help=True,
    rich_markup_mode=None,
)


def register(app: typer.Typer) -> None:
    app.add_typer(session_app, name="session")


@session_app.command("add")
def add(
    at: str | None = typer.Option(None, "--at", help="When it starts ('today 5pm'); else now."),
    kind: str = typer.Option("individual", "--kind", help="individual, couple, family or group."),
    status: str | None = typer.Option(
        None, "--status", help="attended, cancelled, missed or scheduled (default from the date)."
    ),
    notes: str = typer.Option("", "--notes", help="Notes about the session."),
    number: int | None = typer.Option(
        None, "--number", help="Its number (default: one more than the highest so far)."
    ),
) -> None:
    """Record a therapy session.

    Example: alliance session add --at "yesterday 5pm" --notes "talked about work"
    """
    from alliance.cli.render import local_time, short_id
    from alliance.cli.vault_access import open_vault
    from alliance.services.sessions import add_session

    vault = open_vault()
    try:
        record = add_session(vault, at=at, kind=kind, status=status, notes=notes, number=number)
    finally:
        vault.close()
    when = local_time(record.starts_at, record.tz)
    typer.echo(
        f"Added session {record.number} ({when}, {record.status.value}), id {short_id(record.id)}."
    )


@session_app.command("list")
def list_sessions(as_json: bool = typer.Option(False, "--json", help=_JSON_HELP)) -> None:
    """List your sessions in the order they took place."""
    from alliance.cli.render import print_json, print_sessions, sessions_json
    from alliance.cli.vault_access import open_vault
    from alliance.services.sessions import list_sessions as all_sessions

    vault = open_vault()
    try:
        records = all_sessions(vault)
    finally:
        vault.close()
    if as_json:
        print_json(sessions_json(records))
    else:
        print_sessions(records)


@session_app.command("show")
def show(
    ref: str = typer.Argument(..., metavar="SESSION", help=_REF_HELP),
    as_json: bool = typer.Option(False, "--json", help=_JSON_HELP),
) -> None:
    """Show a session and the entries linked to it."""
    from alliance.cli.render import entries_json, print_json, print_session
    from alliance.cli.vault_access import open_vault
    from alliance.domain.sessions import session_as_dict
    from alliance.services.sessions import get_session

    vault = open_vault()
    try:
        record, entries = get_session(vault, ref)
    finally:
        vault.close()
    if as_json:
        print_json({**session_as_dict(record), "entries": entries_json(entries)})
    else:
        print_session(record, entries)


@session_app.command("edit")
def edit(
    ref: str = typer.Argument(..., metavar="SESSION", help=_REF_HELP),
    at: str | None = typer.Option(None, "--at", help="A new date and time."),
    kind: str | None = typer.Option(None, "--kind", help="A new kind."),
    status: str | None = typer.Option(None, "--status", help="attended, cancelled, missed..."),
    notes: str | None = typer.Option(None, "--notes", help="New notes (replace the old)."),
) -> None:
    """Change a session's date, kind, status or notes (its number stays)."""
    from alliance.cli.vault_access import open_vault
    from alliance.errors import InvalidInput
    from alliance.services.sessions import edit_session

    if at is None and kind is None and status is None and notes is None:
        raise InvalidInput("Nothing to change: give --at, --kind, --status or --notes.")
    vault = open_vault()
    try:
        record = edit_session(vault, ref, at=at, kind=kind, status=status, notes=notes)
    finally:
        vault.close()
    typer.echo(f"Updated session {record.number} ({record.status.value}).")
