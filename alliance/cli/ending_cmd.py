"""The ending workspace: `alliance ending [show | plan | suggestions | feel | feelings |
reflect | followups]`.

    alliance ending [show] [--json]       readiness (ER-8 beside the indicators), feelings, plan
    alliance ending plan [--last-session D] [--taper-start D] [--taper weekly:2,monthly:1]
        [--booster D]... [--followups 1,3] [--warning-sign T]... [--coping T]... [--person T]...
        [--if-worse T]... [--come-back T] [--clear SECTION]... [--json]
    alliance ending suggestions [--json]  coping you wrote about (reflections read as progress)
    alliance ending feel 0-10 [--note T] [--private]
    alliance ending feelings [--json]     ending fear / readiness per week, and the ratings
    alliance ending reflect [PROMPT] [--text T | -]   a guided reflection, saved tagged #ending
    alliance ending followups [--json]    check-ins after the last session

A repeated option replaces that whole part of the plan. Nothing here decides anything: the
client and therapist decide together. JSON shapes: docs/ending.md.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from alliance.domain.ending import EndingPlan
    from alliance.services.readiness import Readiness

_JSON_HELP = "Print JSON (schema in docs/ending.md)."
_SECTIONS = ("last-session", "taper", "boosters", "warning-signs", "coping", "people", "if-worse")
_SECTIONS += ("come-back",)
_CLEAR_HELP = f"Empty a part: {', '.join(_SECTIONS)}."

ending_app = typer.Typer(
    name="ending",
    help="Plan the end of therapy together: readiness, feelings, the plan, reflections, after.",
    invoke_without_command=True,
    rich_markup_mode=None,
)


def register(app: typer.Typer) -> None:
    app.add_typer(ending_app, name="ending")


@ending_app.callback()
def ending(ctx: typer.Context) -> None:
    """Plan the end of therapy together (`alliance ending show` without a subcommand)."""
    if ctx.invoked_subcommand is None:
        show(as_json=False)


@ending_app.command("show")
def show(as_json: bool = typer.Option(False, "--json", help=_JSON_HELP)) -> None:
    """Readiness (the ER-8 beside what the data shows), feelings about ending, and the plan."""
    from alliance.cli.render import print_json
    from alliance.cli.vault_access import open_vault
    from alliance.services.ending import feelings_over_time, get_plan, plan_as_dict
    from alliance.services.readiness import readiness

    vault = open_vault()
    try:
        ready = readiness(vault)
        weeks = feelings_over_time(vault)
        plan = get_plan(vault)
    finally:
        vault.close()
    if as_json:
        print_json(
            {
                "readiness": ready.as_dict(),
                "feelings": [week.as_dict() for week in weeks],
                "plan": plan_as_dict(plan),
            }
        )
        return
    _print_readiness(ready)
    recent = [w for w in weeks if w.ending_fear or w.ending_ready or w.ratings][-6:]
    if recent:
        typer.echo("\nHow ending has felt (entries carrying fear / readiness; your 0-10):")
        for week in recent:
            mean = "" if week.rating_mean is None else f"  rated {week.rating_mean:.1f}"
            typer.echo(
                f"  week of {week.week_start}: fear {week.ending_fear}, ready "
                f"{week.ending_ready} of {week.entries} entries{mean}"
            )
    typer.echo("")
    _print_plan(plan)


@ending_app.command("plan")
def plan_command(
    last_session: str | None = typer.Option(None, "--last-session", help="Agreed last session."),
    taper_start: str | None = typer.Option(None, "--taper-start", help="First taper session."),
    taper: str | None = typer.Option(None, "--taper", help="e.g. weekly:2,fortnightly:2,monthly:1"),
    booster: list[str] = typer.Option([], "--booster", help="A booster session date."),
    followups: str | None = typer.Option(None, "--followups", help="Months after, e.g. 1,3."),
    warning_sign: list[str] = typer.Option([], "--warning-sign", help="An early warning sign."),
    coping: list[str] = typer.Option([], "--coping", help="Coping that worked for you."),
    person: list[str] = typer.Option([], "--person", help="Someone you can contact."),
    if_worse: list[str] = typer.Option([], "--if-worse", help="What you will do if worse."),
    come_back: str | None = typer.Option(None, "--come-back", help="How to come back."),
    clear: list[str] = typer.Option([], "--clear", help=_CLEAR_HELP),
    as_json: bool = typer.Option(False, "--json", help=_JSON_HELP),
) -> None:
    """See the ending plan, or change parts of it (each option given replaces that part)."""
    from alliance.cli.render import print_json
    from alliance.cli.vault_access import open_vault
    from alliance.errors import InvalidInput
    from alliance.services.ending import PlanChanges, get_plan, plan_as_dict, update_plan

    unknown = sorted(set(clear) - set(_SECTIONS))
    if unknown:
        raise InvalidInput(f"--clear {unknown[0]}: choose one of {', '.join(_SECTIONS)}.")
    changes = PlanChanges(
        last_session="" if "last-session" in clear else last_session,
        taper_start=taper_start,
        taper="" if "taper" in clear else taper,
        boosters=_listed(booster, "boosters" in clear),
        followup_months=None if followups is None else _months(followups),
        warning_signs=_listed(warning_sign, "warning-signs" in clear),
        coping=_listed(coping, "coping" in clear),
        people=_listed(person, "people" in clear),
        if_worse=_listed(if_worse, "if-worse" in clear),
        come_back="" if "come-back" in clear else come_back,
    )
    vault = open_vault()
    try:
        changed = changes != PlanChanges()
        plan = update_plan(vault, changes) if changed else get_plan(vault)
    finally:
        vault.close()
    if as_json:
        print_json(plan_as_dict(plan))
    else:
        _print_plan(plan)


@ending_app.command("suggestions")
def suggestions(as_json: bool = typer.Option(False, "--json", help=_JSON_HELP)) -> None:
    """Sentences from your reflections read as progress: coping that may belong in the plan."""
    from alliance.cli.render import print_json
    from alliance.cli.vault_access import open_vault
    from alliance.services.ending import coping_suggestions

    vault = open_vault()
    try:
        found = coping_suggestions(vault)
    finally:
        vault.close()
    if as_json:
        print_json({"suggestions": [s.as_dict() for s in found]})
        return
    if not found:
        typer.echo("No suggestions: no reflection read as progress that is not in the plan.")
        return
    typer.echo("You wrote (add any with `alliance ending plan --coping ...`):")
    for item in found:
        typer.echo(f'  "{item.sentence}"  (entry {item.entry_id[:8]}, {item.written.date()})')


@ending_app.command("feel")
def feel(
    value: int = typer.Argument(..., help="0 = dreading it .. 10 = at peace with it."),
    note: str = typer.Option("", "--note", help="A few words with it."),
    private: bool = typer.Option(False, "--private", help="Keep the note out of reports."),
) -> None:
    """Rate how you feel about ending, 0-10; kept over time."""
    from alliance.cli.vault_access import open_vault
    from alliance.services.ending import record_feeling

    vault = open_vault()
    try:
        record_feeling(vault, value, note=note, private=private)
    finally:
        vault.close()
    typer.echo(f"Noted: {value} of 10.")


@ending_app.command("feelings")
def feelings(as_json: bool = typer.Option(False, "--json", help=_JSON_HELP)) -> None:
    """Per week: entries carrying fear of ending and readiness, and your 0-10 ratings."""
    from alliance.cli.render import print_json
    from alliance.cli.vault_access import open_vault
    from alliance.services.ending import feelings_over_time

    vault = open_vault()
    try:
        weeks = feelings_over_time(vault)
    finally:
        vault.close()
    if as_json:
        print_json({"weeks": [week.as_dict() for week in weeks]})
        return
    for week in weeks:
        mean = "-" if week.rating_mean is None else f"{week.rating_mean:.1f}"
        typer.echo(
            f"{week.week_start}  entries {week.entries:>2}  fear {week.ending_fear:>2}  "
            f"ready {week.ending_ready:>2}  rating {mean}"
        )


@ending_app.command("reflect")
def reflect(
    prompt: str | None = typer.Argument(None, help="changed, take-with-me, tell-therapist, ..."),
    text: str | None = typer.Option(None, "--text", help="Your answer; '-' reads stdin."),
) -> None:
    """Answer a guided ending prompt; saved as a reflection tagged #ending."""
    from alliance.cli.vault_access import open_vault
    from alliance.domain.ending import REFLECTION_PROMPTS, prompt_for
    from alliance.services.ending import write_reflection

    if prompt is None:
        for item in REFLECTION_PROMPTS:
            typer.echo(f"{item.id:<15} {item.question}")
        return
    chosen = prompt_for(prompt)
    vault = open_vault()
    try:
        if text is None:
            from alliance.cli.editor import edit_draft

            entry = edit_draft(
                vault,
                f"{chosen.question}\n\n",
                lambda typed: typed.removeprefix(chosen.question).strip() or None,
                lambda typed: write_reflection(vault, chosen.id, typed),
            )
            if entry is None:
                typer.echo("Nothing written; nothing saved.")
                return
        else:
            typed = _stdin() if text == "-" else text
            entry = write_reflection(vault, chosen.id, typed)
    finally:
        vault.close()
    typer.echo(f"Saved {entry.id[:8]}: {entry.title} (#ending).")


@ending_app.command("followups")
def followups_command(as_json: bool = typer.Option(False, "--json", help=_JSON_HELP)) -> None:
    """Check-ins after the last session (PHQ-9 and GAD-7 at 1 and 3 months by default)."""
    from alliance.cli.render import print_json
    from alliance.cli.vault_access import open_vault
    from alliance.services.ending import follow_ups

    vault = open_vault()
    try:
        found = follow_ups(vault)
    finally:
        vault.close()
    if as_json:
        print_json(found.as_dict())
        return
    if found.last_session is None:
        typer.echo("No last session yet: agree one with `alliance ending plan --last-session`.")
        return
    typer.echo(f"After the last session ({found.last_session}):")
    for row in found.rows:
        score = "" if row.score is None else f", scored {row.score:g}"
        typer.echo(f"  {row.day}  {row.instrument_id} ({row.months} month): {row.state}{score}")
    for warning in found.warnings:
        typer.echo(f"\n{warning}")
    if found.relapse is not None:
        typer.echo("")
        _print_relapse(found.relapse)
    if found.crisis_resources:
        typer.echo(f"\n{found.crisis_resources}")


def _print_readiness(ready: Readiness) -> None:
    typer.echo("Ending readiness: things to talk about, not a verdict.")
    review = ready.er8
    if review is None:
        typer.echo("ER-8: not taken yet (`alliance measure er8`).")
    else:
        typer.echo(f"ER-8 on {review.taken_at.date()}: {len(review.to_do)} item(s) left to do.")
        for item in review.to_do:
            typer.echo(f"  - {item.text}\n    {item.suggestion}")
        typer.echo(f"  ({ready.er8_note})")
    typer.echo("What the data shows:")
    for indicator in ready.indicators:
        typer.echo(f"  {indicator.label}: {indicator.status_words}.")
        typer.echo(f"    {indicator.summary}")
    typer.echo(ready.decide_together)


def _print_plan(plan: EndingPlan) -> None:
    from alliance.domain.ending import plan_gaps

    final = plan.final_session
    agreed = "agreed" if plan.last_session else "proposed by the taper"
    typer.echo(f"Last session: {final} ({agreed})" if final else "Last session: not agreed yet")
    for session in plan.proposed_sessions:
        typer.echo(f"  {session.number}. {session.day} ({session.cadence})")
    for day in plan.boosters:
        typer.echo(f"Booster session: {day}")
    months = ", ".join(str(m) for m in plan.followup_months)
    typer.echo(f"Follow-up check-ins: {months} month(s) after the last session")
    _print_relapse(plan.relapse)
    gaps = plan_gaps(plan)
    if gaps:
        typer.echo("Still to write: " + "; ".join(gaps) + ".")


def _print_relapse(relapse: object) -> None:
    from alliance.domain.ending import RELAPSE_SECTIONS

    for key, label in RELAPSE_SECTIONS.items():
        value = getattr(relapse, key)
        items = [value] if isinstance(value, str) else list(value)
        typer.echo(f"{label}:" + ("" if items and items != [""] else " -"))
        for item in items:
            if item:
                typer.echo(f"  - {item}")


def _listed(values: list[str], cleared: bool) -> tuple[str, ...] | None:
    if cleared:
        return ()
    return tuple(values) if values else None


def _months(text: str) -> tuple[int, ...]:
    from alliance.errors import InvalidInput

    try:
        return tuple(int(part) for part in text.split(",") if part.strip())
    except ValueError:
        raise InvalidInput(f"--followups {text!r}: give months as numbers, e.g. 1,3.") from None


def _stdin() -> str:
    import sys

    return sys.stdin.read()
