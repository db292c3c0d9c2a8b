"""The `alliance` command. Each command module registers itself on the one Typer app.

Heavy imports (SQLAlchemy, numpy, the analysers) happen inside commands, never here:
`alliance --help` must start in well under 0.2 s.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click
import typer
from typer.core import TyperGroup

from alliance.cli import state
from alliance.errors import AllianceError


class _OneLineError(click.ClickException):
    """Printed as `alliance: message` on stderr, exit status 1."""

    exit_code = 1

    def show(self, file: Any = None) -> None:
        sys.stderr.write(f"alliance: {self.message}\n")


class AllianceGroup(TyperGroup):
    """Turns an AllianceError (or a damaged database) into one line and exit status 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except AllianceError as error:
            raise _OneLineError(str(error)) from None
        except Exception as error:
            if not _is_database_damage(error):
                raise
            raise _OneLineError(
                "The vault database cannot be read (damaged or tampered); "
                "run `alliance check` and restore a backup if needed."
            ) from None


def _is_database_damage(error: BaseException) -> bool:
    """A DatabaseError from SQLCipher (directly or wrapped by SQLAlchemy), by name, so that
    neither library is imported just to catch it."""
    seen: BaseException | None = error
    while seen is not None:
        name, module = type(seen).__name__, type(seen).__module__
        if name == "DatabaseError" and ("sqlcipher3" in module or "sqlalchemy" in module):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


app = typer.Typer(
    cls=AllianceGroup,
    name="alliance",
    help="Alliance: a private, encrypted companion for your therapy.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


@app.callback()
def main(
    passphrase_file: Path | None = typer.Option(
        None,
        "--passphrase-file",
        help="Read the passphrase from this file (for automation).",
        exists=True,
        dir_okay=False,
    ),
) -> None:
    """Alliance: a private, encrypted companion for your therapy."""
    state.passphrase_file = passphrase_file


def _register_commands() -> None:
    # Each module imports only typer at the top, so registering them all stays cheap.
    from alliance.cli import (
        analyze_cmd,
        demo_cmd,
        ending_cmd,
        export_cmd,
        goals_cmd,
        journal_cmd,
        measure_cmd,
        report_cmd,
        score_cmd,
        serve_cmd,
        session_cmd,
        trends_cmd,
        vault_cmd,
    )

    for module in (
        vault_cmd,
        journal_cmd,
        session_cmd,
        export_cmd,
        score_cmd,
        measure_cmd,
        analyze_cmd,
        trends_cmd,
        goals_cmd,
        ending_cmd,
        report_cmd,
        serve_cmd,
        demo_cmd,
    ):
        module.register(app)


_register_commands()


def run() -> None:
    app()
