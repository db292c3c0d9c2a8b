"""Vault-backed measures: take a questionnaire, see its history, alerts and instruments.

    alliance measure phq9 [--answers 0,1,...] [--session N|last|ID] [--note TEXT] [--at ISO]
    alliance measures [--instrument phq9] [--json]        history, change, expected, chart
    alliance measures void ID --reason TEXT                keep a response but leave it out
    alliance measures due [--json]                         schedules
    alliance alerts [--json]
    alliance instruments [--json]

Without --answers, `measure` asks item by item (see `ask_answers`). Errors print one line on
stderr and exit 1; nothing is stored. The --json schemas are in docs/measures.md. Nothing here
contacts anyone: crisis resources are shown to the person, never sent.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TypeVar

import typer

if TYPE_CHECKING:
    from rich.console import Console

    from alliance.domain.alerts import Alert
    from alliance.domain.instruments import Instrument
    from alliance.services.measures import HistoryRow, InstrumentHistory
    from alliance.services.vault import Vault

T = TypeVar("T")
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON (schema in docs/measures.md).")]
BACK, SKIP = "b", "s"

measures_app = typer.Typer(
    name="measures",
    help="Your questionnaire history: scores, change since the first, expected range, chart.",
    invoke_without_command=True,
    rich_markup_mode=None,
)


def register(app: typer.Typer) -> None:
    app.command("measure")(measure_command)
    app.add_typer(measures_app, name="measures")
    app.command("alerts")(alerts_command)
    app.command("instruments")(instruments_command)


def measure_command(
    instrument: Annotated[str, typer.Argument(help="Instrument id, e.g. phq9, gad7, who5, sf4.")],
    answers: Annotated[
        str | None,
        typer.Option("--answers", help="Answers in item order, e.g. 0,1,2; else asks each item."),
    ] = None,
    session: Annotated[
        str | None,
        typer.Option("--session", help="Link to a therapy session: its number, 'last' or id."),
    ] = None,
    note: Annotated[str | None, typer.Option("--note", help="A note to keep with it.")] = None,
    at: Annotated[
        str | None, typer.Option("--at", help="When it was taken (ISO, UTC if no offset).")
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Fill in a questionnaire and store it in your vault."""
    from alliance.cli.score_cmd import parse_answers
    from alliance.services.alerts import current_alerts
    from alliance.services.measures import find_session_link, history, load_instrument
    from alliance.services.measures import take_measure as take

    def action(vault: Vault) -> tuple[InstrumentHistory, HistoryRow, list[Alert]]:
        found = load_instrument(vault, instrument)
        taken_at = _parse_at(at)
        if session is not None:
            find_session_link(vault, session)  # an unknown session fails before any question
        extra = ""
        if answers is None:
            given, extra = ask_answers(found, _console(), ask_free_text=note is None)
        else:
            given = parse_answers(answers)
        stored = take(
            vault, found.id, given, session_ref=session, taken_at=taken_at, note=note or extra
        )
        record = history(vault, found.id)[0]
        row = next(r for r in record.rows if r.response.id == stored.id)
        return record, row, current_alerts(vault, instrument_id=found.id)

    record, row, alerts = _with_vault(action)
    if as_json:
        data = {"response": row.as_dict(), "alerts": [alert.as_dict() for alert in alerts]}
        typer.echo(json.dumps(data))
        return
    _show_taken(record, row, alerts)


@measures_app.callback()
def measures_command(
    ctx: typer.Context,
    instrument: Annotated[
        str | None, typer.Option("--instrument", help="Only this instrument.")
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Your history: score, band, change against the first (intake), expected range, chart."""
    if ctx.invoked_subcommand is not None:
        return
    from alliance.services.measures import history

    records = _with_vault(lambda vault: history(vault, instrument))
    if as_json:
        typer.echo(json.dumps({"instruments": [record.as_dict() for record in records]}))
        return
    from alliance.cli.charts import show_histories

    show_histories(_console(), records)


@measures_app.command("void")
def void_command(
    response_id: Annotated[str, typer.Argument(metavar="ID", help="The response id (4+ chars).")],
    reason: Annotated[str, typer.Option("--reason", help="Why it should not count.")],
) -> None:
    """Void a response: it stays listed, marked, but no longer counts."""
    from alliance.services.measures import void_response

    stored = _with_vault(lambda vault: void_response(vault, response_id, reason))
    typer.echo(f"Voided {stored.instrument_id} response {stored.id[:8]}: {stored.void_reason}")


@measures_app.command("due")
def due_command(as_json: JsonOpt = False) -> None:
    """Which measures are due, by their schedules, and any follow-up check-in after therapy."""
    from alliance.services.ending import due_follow_ups
    from alliance.services.measures import due_measures

    due, check_ins = _with_vault(lambda vault: (due_measures(vault), due_follow_ups(vault)))
    if as_json:
        typer.echo(
            json.dumps(
                {
                    "due": [item.as_dict() for item in due],
                    "followups": [row.as_dict() for row in check_ins],
                }
            )
        )
        return
    for item in due:
        state = "missed" if item.status.missed else ("due" if item.status.due else "not due")
        when = item.last_taken.date().isoformat() if item.last_taken else "never"
        label = item.instrument.schedule.label if item.instrument.schedule else ""
        typer.echo(
            f"{item.instrument.short_name}: {state} (last {when}; {label}; {item.status.reason})"
        )
    for row in check_ins:
        typer.echo(
            f"{row.instrument_id}: follow-up check-in {row.months} month(s) after your last "
            f"session is due (around {row.day.isoformat()}; `alliance measure {row.instrument_id}`)"
        )


def alerts_command(as_json: JsonOpt = False) -> None:
    """Alerts from your measures, each with its reason and a next step."""
    from alliance.services.alerts import current_alerts

    alerts = _with_vault(current_alerts)
    if as_json:
        typer.echo(json.dumps({"alerts": [alert.as_dict() for alert in alerts]}))
        return
    if not alerts:
        typer.echo("No alerts from your measures.")
    _show_alerts(_console(), alerts)


def instruments_command(as_json: JsonOpt = False) -> None:
    """The questionnaires you can fill in (shipped, and your own from the vault)."""
    from alliance.services.measures import instrument_as_dict, list_instruments

    found = _with_vault(list_instruments)
    if as_json:
        typer.echo(json.dumps({"instruments": [instrument_as_dict(i) for i in found]}))
        return
    from alliance.domain.instruments import plain_number

    for item in found:
        scores = f"{plain_number(item.min_total)}-{plain_number(item.max_total)}"
        own = "" if item.validated else "  (an Alliance scale, not a validated measure)"
        typer.echo(f"{item.id:<8} {item.name}: {len(item.items)} items, {scores}{own}")


def ask_answers(
    instrument: Instrument, console: Console, *, ask_free_text: bool = True
) -> tuple[list[int | None], str]:
    """Ask item by item: a number answers, `b` goes back, `s` skips.

    Skipped items beyond what the instrument's missing-item rule allows are asked once more at
    the end; if they are still skipped, scoring refuses the form with one line.
    """
    from alliance.errors import InvalidInput

    def read(prompt: str) -> str:
        try:
            return console.input(prompt, markup=False).strip()
        except EOFError:
            raise InvalidInput("Stopped before the end; nothing was stored.") from None

    console.print(f"[bold]{instrument.name}[/bold] ({instrument.short_name})", highlight=False)
    console.print(instrument.instructions, markup=False)
    if instrument.attribution:
        console.print(instrument.attribution, markup=False, style="dim")
    console.print(f"Type the number of your answer; {BACK} = back, {SKIP} = skip.", markup=False)
    items = instrument.items
    answers: list[int | None] = [None] * len(items)
    index = 0
    while index < len(items):
        reply = read(_item_prompt(instrument, index)).lower()
        if reply == BACK:
            index = max(0, index - 1)
            continue
        if reply == SKIP:
            answers[index], index = None, index + 1
            continue
        value = _valid_answer(instrument, index, reply)
        if value is None:
            item = instrument.items[index]
            console.print(
                f"'{reply}' is not an answer to item {index + 1}: use "
                f"{item.min_value}-{item.max_value}, {BACK} or {SKIP}.",
                markup=False,
            )
            continue
        answers[index], index = value, index + 1
    skipped = [i for i, answer in enumerate(answers) if answer is None]
    if len(skipped) > instrument.scoring.missing.max_missing:
        console.print(instrument.scoring.missing.description, markup=False, highlight=False)
        for i in skipped:
            reply = read(_item_prompt(instrument, i))
            answers[i] = _valid_answer(instrument, i, reply)
    wants_text = ask_free_text and instrument.free_text
    return answers, read(f"\n{instrument.free_text} (optional) ") if wants_text else ""


def _item_prompt(instrument: Instrument, index: int) -> str:
    item = instrument.items[index]
    if item.slider:
        low, high = item.options[0], item.options[-1]
        scale = f"{low.value} = {low.label} ... {high.value} = {high.label}"
    else:
        scale = "   ".join(f"{option.value} {option.label}" for option in item.options)
    return f"\n{index + 1}/{len(instrument.items)} {item.text}\n  {scale}\n> "


def _valid_answer(instrument: Instrument, index: int, reply: str) -> int | None:
    item = instrument.items[index]
    if reply.lstrip("-").isdigit() and int(reply) in item.values:
        return int(reply)
    return None


def _show_taken(record: InstrumentHistory, row: HistoryRow, alerts: list[Alert]) -> None:
    from alliance.domain.instruments import plain_number

    console, response = _console(), row.response
    name = record.instrument.short_name if record.instrument else record.instrument_id
    linked = f", session {response.session_number}" if response.session_number else ""
    day = response.taken_at.date().isoformat()
    console.print(f"Stored {name} response {response.id[:8]} ({day}{linked}).", markup=False)
    top = plain_number(record.instrument.max_total) if record.instrument else "?"
    band = f" ({response.band})" if response.band else ""
    total = plain_number(response.total or 0)
    console.print(f"[bold]{name}: {total} of {top}{band}[/bold]")
    first = record.active[0].response if record.active else None
    if row.is_intake:
        console.print(f"This is your first {name}: later ones are compared with it.")
    elif row.change is not None and first is not None and first.total is not None:
        rc = row.change.reliable_change
        reliable = "a reliable change" if rc.reliable else "within ordinary ups and downs"
        console.print(
            f"Since your first {name} ({first.taken_at.date().isoformat()}: "
            f"{plain_number(first.total)}): {plain_number(rc.change):+} points, {reliable} "
            f"({plain_number(rc.threshold_points)} points needed); {row.change.category}."
        )
    point = row.expected
    if point is not None and row.t and row.position is not None:
        track = {"worse": "off track", "within": "on track", "better": "better than expected"}
        band = f" ({row.expected_band})" if row.expected_band else ""
        console.print(
            f"Expected by now ({_since(row.t, record.t_unit)} after the first): about "
            f"{point.expected:.0f}{band}, range {point.lower:.0f}-{point.upper:.0f}; "
            f"{track[row.position]}."
        )
    if record.instrument is not None and not record.instrument.validated:
        console.print(f"{name} is an Alliance scale, not a validated measure.", style="dim")
    _show_alerts(console, alerts)


def _since(t: float, unit: str) -> str:
    from alliance.domain.instruments import plain_number

    shown = plain_number(round(t, 1))
    return f"{shown} {unit[:-1] if shown == 1 else unit}"


def _show_alerts(console: Console, alerts: list[Alert]) -> None:
    for alert in alerts:
        console.print(f"\n[bold]{alert.severity.upper()}[/bold]: {_TITLES[alert.kind]}")
        console.print(alert.message, markup=False)
        console.print(f"Why: {_why(alert)}", markup=False)
        console.print(f"Next step: {alert.next_step}", markup=False)
        resources = alert.evidence.get("crisis_resources")
        if resources:
            console.print(str(resources), markup=False)


_TITLES = {
    "safety_item": "an answer about self-harm",
    "reliable_deterioration": "a reliable change for the worse",
    "off_track": "off track compared with the expected range",
    "session_feedback": "session feedback",
    "missed_measure": "a measure is overdue",
}


def _why(alert: Alert) -> str:
    """The numbers behind an alert, in one line."""
    e: dict[str, Any] = dict(alert.evidence)
    if alert.kind == "safety_item":
        items: dict[str, dict[str, Any]] = e.get("items", {})
        answers = [f"{i} answered {v['answer']} ({v['label']})" for i, v in items.items()]
        return f"{e.get('instrument')}: " + "; ".join(answers)
    if alert.kind == "reliable_deterioration":
        return (
            f"{e['instrument']}: {_num(e['intake'])} at intake, {_num(e['latest'])} now "
            f"({_num(e['change']):+}); reliable from {_num(e['threshold_points'])} points"
        )
    if alert.kind == "off_track":
        low, high = e["band"]
        return (
            f"{e['instrument']}: {_num(e['observed'])} after {_num(e['sessions_since_intake'])} "
            f"{e.get('t_unit', 'sessions')}, from {_num(e['intake'])}; expected "
            f"{_num(e['expected'])}, range {_num(low)}-{_num(high)}"
        )
    if alert.kind == "session_feedback":
        reasons = "; ".join(str(r) for r in e.get("reasons", []))
        rupture: list[str] = e.get("rupture", [])
        quoted = f"; you wrote: {' / '.join(repr(r) for r in rupture)}" if rupture else ""
        return f"SF-4 total {_num(e['total'])}: {reasons}{quoted}"
    return str(e.get("reason", ""))


def _num(value: float) -> float:
    from alliance.domain.instruments import plain_number

    return plain_number(round(float(value), 1))


def _parse_at(text: str | None) -> datetime | None:
    from alliance.errors import InvalidInput

    if text is None:
        return None
    try:
        moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise InvalidInput(
            f"--at {text!r} is not an ISO date or time, e.g. 2024-03-05T18:30Z"
        ) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _with_vault(action: Callable[[Vault], T]) -> T:
    """Open the vault, run one service call, close it; an AllianceError is one line, exit 1."""
    from alliance.cli.vault_access import open_vault
    from alliance.errors import AllianceError

    try:
        vault = open_vault()
        try:
            return action(vault)
        finally:
            vault.close()
    except AllianceError as error:
        _fail(error)


def _fail(error: Exception) -> NoReturn:
    typer.echo(f"alliance: {error}", err=True)
    raise typer.Exit(1)


def _console() -> Console:
    from rich.console import Console

    return Console(highlight=False)
