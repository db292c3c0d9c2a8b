"""`alliance score` and `alliance change`: stateless scoring, no vault needed.

    alliance score phq9 --answers 1,2,0,1,3,0,1,2,0 [--json]
    alliance change phq9 --pre 18 --post 10 [--json]

--json prints exactly {"instrument","total","band","subscales","flags","missing"} for score and
{"rc","reliable","direction","clinically_significant","category"} for change. A skipped item
is left empty or written as "-" (e.g. 1,,2); instruments refuse skipped items unless their
missing-item rule allows them. Errors print one line on stderr and exit 1.

Imports of the catalog (Pydantic, YAML) and Rich happen inside the commands: `alliance --help`
must stay fast.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from alliance.errors import AllianceError, InvalidInput

if TYPE_CHECKING:
    from alliance.domain.change import ChangeAssessment
    from alliance.domain.instruments import Instrument, Score

_SKIPPED = {"", "-"}

InstrumentArg = Annotated[str, typer.Argument(help="Instrument id, e.g. phq9, gad7, who5, sf4.")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print machine-readable JSON.")]
DirOpt = Annotated[
    Path | None,
    typer.Option("--instruments-dir", help="A folder of your own instrument YAML files."),
]


def register(app: typer.Typer) -> None:
    """Add the `score` and `change` commands to the application."""
    app.command("score")(score_command)
    app.command("change")(change_command)


def score_command(
    instrument: InstrumentArg,
    answers: Annotated[
        str,
        typer.Option("--answers", help="Comma-separated answers in item order; blank = skipped."),
    ],
    as_json: JsonOpt = False,
    instruments_dir: DirOpt = None,
) -> None:
    """Score one set of answers to an instrument."""
    from alliance.domain.instruments import score
    from alliance.instruments.catalog import load_instrument

    try:
        found = load_instrument(instrument, user_dir=instruments_dir)
        result = score(found, parse_answers(answers))
    except AllianceError as exc:
        _fail(exc)
    if as_json:
        typer.echo(json.dumps(result.as_dict()))
    else:
        _show_score(found, result)


def change_command(
    instrument: InstrumentArg,
    pre: Annotated[float, typer.Option("--pre", help="The earlier total (e.g. at intake).")],
    post: Annotated[float, typer.Option("--post", help="The later total.")],
    method: Annotated[
        str,
        typer.Option(
            "--method", help="auto (published threshold if any), jacobson-truax, published."
        ),
    ] = "auto",
    as_json: JsonOpt = False,
    instruments_dir: DirOpt = None,
) -> None:
    """Reliable and clinically significant change between two totals."""
    from alliance.domain.change import METHODS, assess_change
    from alliance.instruments.catalog import load_instrument

    try:
        chosen = next((m for m in METHODS if m == method), None)
        if chosen is None:
            raise InvalidInput(f"unknown method '{method}'; use {', '.join(METHODS)}")
        found = load_instrument(instrument, user_dir=instruments_dir)
        result = assess_change(found, pre, post, chosen)
    except AllianceError as exc:
        _fail(exc)
    if as_json:
        typer.echo(json.dumps(result.as_dict()))
    else:
        _show_change(found, result)


def parse_answers(text: str) -> list[int | None]:
    """'1,2,,3' -> [1, 2, None, 3]; anything that is not a whole number is refused."""
    parsed: list[int | None] = []
    for number, raw in enumerate(text.split(","), 1):
        value = raw.strip()
        if value in _SKIPPED:
            parsed.append(None)
            continue
        try:
            parsed.append(int(value))
        except ValueError:
            raise InvalidInput(f"answer {number} ('{value}') is not a whole number") from None
    return parsed


def _fail(exc: AllianceError) -> typer.Exit:
    typer.echo(f"alliance: {exc}", err=True)
    raise typer.Exit(1)


def _show_score(instrument: Instrument, result: Score) -> None:
    from rich.console import Console
    from rich.table import Table

    from alliance.domain.instruments import plain_number

    console = Console()
    top = plain_number(instrument.max_total)
    band = f" ({result.band})" if result.band else ""
    console.print(
        f"[bold]{instrument.short_name}[/bold]: {plain_number(result.total)} of {top}{band}"
    )
    if result.subscales:
        table = Table("Subscale", "Score", "Positive")
        for sub in result.subscales:
            shown = "-" if sub.total is None else str(plain_number(sub.total))
            positive = "" if sub.positive is None else ("yes" if sub.positive else "no")
            table.add_row(sub.name, shown, positive)
        console.print(table)
    labels = {rule.id: rule.label for rule in instrument.flags}
    for flag in result.flags:
        console.print(f"  [yellow]flag[/yellow] {labels.get(flag, flag)}")
    if result.missing:
        console.print(f"  skipped (prorated): {', '.join(result.missing)}")
    if result.safety:
        from alliance.safety import render_message, safety_item_message

        console.print()
        console.print(render_message(safety_item_message()), highlight=False, markup=False)
    if not instrument.validated:
        console.print(
            f"[dim]{instrument.short_name} is an Alliance scale, not a validated measure.[/dim]"
        )


def _show_change(instrument: Instrument, result: ChangeAssessment) -> None:
    from rich.console import Console

    from alliance.domain.instruments import plain_number

    rc = result.reliable_change
    console = Console()
    console.print(
        f"[bold]{instrument.short_name}[/bold] {plain_number(result.pre)} -> "
        f"{plain_number(result.post)}: {result.category}"
    )
    reliable = "reliable" if rc.reliable else "not reliable"
    console.print(f"  {rc.direction}, {reliable} (RC {rc.rc:.2f}; {rc.method})")
    if result.clinically_significant is not None:
        crossed = "yes" if result.clinically_significant else "no"
        console.print(f"  moved out of the clinical range: {crossed}")
