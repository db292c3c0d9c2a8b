"""Goal commands: `alliance goals add | list | show | rate | link | archive | progress`.

    alliance goals add "Sleep through most nights" --much-less "..." --less "..." \\
        --expected "..." --more "..." --much-more "..." [--importance 1-3] [--difficulty 1-3]
    alliance goals list [--all] [--json]
    alliance goals show GOAL [--json]
    alliance goals rate GOAL LEVEL [--at WHEN] [--note TEXT] [--private] [--session REF]
    alliance goals link GOAL [--entry ID] [--session N|last|ID]
    alliance goals archive GOAL
    alliance goals progress [--json]      the GAS T-score over time

LEVEL is -2, -1, 0, +1, +2 (or much-less, less, expected, more, much-more); a negative level
can be typed as it is. The --json shapes are in docs/goals.md.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from alliance.services.goals import GoalView

_JSON_HELP = "Print JSON (schema in docs/goals.md)."
_GOAL_HELP = "The goal: an id prefix (4+ characters), as `alliance goals list` shows."
_LEVEL_OPTIONS = (
    ("much_less", "--much-less", -2),
    ("less", "--less", -1),
    ("expected", "--expected", 0),
    ("more", "--more", 1),
    ("much_more", "--much-more", 2),
)

goals_app = typer.Typer(
    name="goals",
    help="Your goals, each with five levels in your own words (Goal Attainment Scaling).",
    no_args_is_help=True,
    rich_markup_mode=None,
)


def register(app: typer.Typer) -> None:
    app.add_typer(goals_app, name="goals")


@goals_app.command("add")
def add(
    title: str = typer.Argument(..., help="The goal, in a few words."),
    much_less: str | None = typer.Option(None, "--much-less", help="-2: much less than expected."),
    less: str | None = typer.Option(None, "--less", help="-1: less than expected."),
    expected: str | None = typer.Option(None, "--expected", help="0: the expected outcome."),
    more: str | None = typer.Option(None, "--more", help="+1: more than expected."),
    much_more: str | None = typer.Option(None, "--much-more", help="+2: much more than expected."),
    importance: int = typer.Option(2, "--importance", help="1 a little, 2 moderately, 3 very."),
    difficulty: int = typer.Option(2, "--difficulty", help="1 a little, 2 moderately, 3 very."),
) -> None:
    """Write a goal with what each level would look like, in your own words.

    Levels not given as options are asked for when you are at a terminal.
    """
    from alliance.cli.vault_access import open_vault
    from alliance.domain.goals import LEVEL_NAMES, level_label
    from alliance.errors import InvalidInput
    from alliance.services.goals import add_goal

    given = {"much_less": much_less, "less": less, "expected": expected}
    given |= {"more": more, "much_more": much_more}
    levels: list[str] = []
    for name, option, level in _LEVEL_OPTIONS:
        text = given[name]
        if text is None:
            if not _interactive():
                raise InvalidInput(f"Describe every level: {option} is missing.")
            text = typer.prompt(f"{level_label(level)} ({LEVEL_NAMES[level]}) would look like")
        levels.append(text)
    vault = open_vault()
    try:
        goal = add_goal(vault, title, levels, importance=importance, difficulty=difficulty)
    finally:
        vault.close()
    typer.echo(f"Added goal {goal.id[:8]}: {goal.title} (weight {goal.weight}).")


@goals_app.command("list")
def list_command(
    everything: bool = typer.Option(False, "--all", help="Archived goals too."),
    as_json: bool = typer.Option(False, "--json", help=_JSON_HELP),
) -> None:
    """Your goals with their latest rating, and the latest GAS T-score."""
    from alliance.cli.render import print_json
    from alliance.cli.vault_access import open_vault
    from alliance.services.goals import gas_history, list_goals

    vault = open_vault()
    try:
        views = list_goals(vault, include_archived=everything)
        points = gas_history(vault)
    finally:
        vault.close()
    latest = points[-1] if points else None
    if as_json:
        t = None if latest is None else {**latest.as_dict(), "t_score": round(latest.t_score, 1)}
        print_json({"goals": [view.as_dict() for view in views], "t_score": t})
        return
    if not views:
        typer.echo("No goals yet. Add one with `alliance goals add`.")
        return
    for view in views:
        typer.echo(_goal_line(view))
    if latest is not None:
        typer.echo(f"GAS T-score {latest.t_score:.1f} on {latest.day} (n = {latest.n} goals).")


@goals_app.command("show")
def show(
    ref: str = typer.Argument(..., metavar="GOAL", help=_GOAL_HELP),
    as_json: bool = typer.Option(False, "--json", help=_JSON_HELP),
) -> None:
    """A goal's levels, every rating, and the entries and sessions linked to it."""
    from alliance.cli.render import print_json
    from alliance.cli.vault_access import open_vault
    from alliance.domain.goals import level_label
    from alliance.services.goals import get_goal

    vault = open_vault()
    try:
        detail = get_goal(vault, ref)
    finally:
        vault.close()
    if as_json:
        print_json(detail.as_dict())
        return
    goal = detail.goal
    typer.echo(f"{goal.title}  (id {goal.id[:8]}, weight {goal.importance} x {goal.difficulty})")
    for level in (2, 1, 0, -1, -2):
        typer.echo(f"  {level_label(level):>2}  {goal.describe(level)}")
    typer.echo("Ratings:" if detail.ratings else "Not rated yet.")
    for rating in detail.ratings:
        note = f"  {rating.note}" if rating.note else ""
        mark = " (private)" if rating.private else ""
        typer.echo(f"  {rating.rated_at.date()}  {level_label(rating.level):>2}{note}{mark}")
    for entry in detail.entries:
        typer.echo(f"Entry {entry.id[:8]}  {entry.created.date()}  {entry.title}")
    for session in detail.sessions:
        typer.echo(f"Session {session.number}  {session.starts_at.date()}")


@goals_app.command("rate", context_settings={"ignore_unknown_options": True})
def rate(
    ref: str = typer.Argument(..., metavar="GOAL", help=_GOAL_HELP),
    level: str = typer.Argument(..., help="-2, -1, 0, +1, +2, or much-less .. much-more."),
    at: str | None = typer.Option(None, "--at", help="When ('yesterday'); else now."),
    note: str = typer.Option("", "--note", help="A note with this rating."),
    private: bool = typer.Option(False, "--private", help="Keep the note out of reports."),
    session: str | None = typer.Option(None, "--session", help="Link to a session."),
) -> None:
    """Rate where a goal stands now."""
    from alliance.cli.vault_access import open_vault
    from alliance.domain.goals import LEVEL_NAMES, level_label, parse_level
    from alliance.services.goals import gas_history, rate_goal

    value = parse_level(level)
    vault = open_vault()
    try:
        rate_goal(vault, ref, value, at=at, note=note, private=private, session=session)
        points = gas_history(vault)
    finally:
        vault.close()
    typer.echo(f"Rated {level_label(value)} ({LEVEL_NAMES[value]}).")
    if points:
        latest = points[-1]
        typer.echo(f"GAS T-score {latest.t_score:.1f} (n = {latest.n} goals).")


@goals_app.command("link")
def link(
    ref: str = typer.Argument(..., metavar="GOAL", help=_GOAL_HELP),
    entry: str | None = typer.Option(None, "--entry", help="An entry id prefix."),
    session: str | None = typer.Option(None, "--session", help="A session: N, 'last' or id."),
) -> None:
    """Link a goal to a journal entry or a therapy session."""
    from alliance.cli.vault_access import open_vault
    from alliance.services.goals import link_goal

    vault = open_vault()
    try:
        goal, added = link_goal(vault, ref, entry=entry, session=session)
    finally:
        vault.close()
    what = " and ".join(added) if added else "nothing new (already linked)"
    typer.echo(f"Linked {goal.title}: {what}.")


@goals_app.command("archive")
def archive(ref: str = typer.Argument(..., metavar="GOAL", help=_GOAL_HELP)) -> None:
    """Put a goal away: its ratings stay and count in the T-score up to today."""
    from alliance.cli.vault_access import open_vault
    from alliance.services.goals import archive_goal

    vault = open_vault()
    try:
        goal = archive_goal(vault, ref)
    finally:
        vault.close()
    typer.echo(f"Archived {goal.title}.")


@goals_app.command("progress")
def progress(as_json: bool = typer.Option(False, "--json", help=_JSON_HELP)) -> None:
    """The GAS T-score on each day you rated a goal (50 = goals met as expected)."""
    from alliance.cli.render import print_json
    from alliance.cli.vault_access import open_vault
    from alliance.services.goals import gas_history

    vault = open_vault()
    try:
        points = gas_history(vault)
    finally:
        vault.close()
    if as_json:
        print_json({"rho": 0.3, "points": [point.as_dict() for point in points]})
        return
    if not points:
        typer.echo("No ratings yet (`alliance goals rate GOAL LEVEL`).")
        return
    for point in points:
        bar = "#" * max(0, round((point.t_score - 20) / 2))
        typer.echo(f"{point.day}  T {point.t_score:5.1f}  n={point.n}  {bar}")
    typer.echo("T = 50: goals met as expected; each 10 points is one standard deviation.")


def _goal_line(view: GoalView) -> str:
    from alliance.domain.goals import level_label

    goal, latest = view.goal, view.latest
    where = "not rated yet"
    if latest is not None:
        words = goal.describe(latest.level)
        where = f"{level_label(latest.level)} on {latest.rated_at.date()}: {words}"
    archived = "  [archived]" if goal.archived else ""
    return f"{goal.id[:8]}  {goal.title}  ({where}){archived}"


def _interactive() -> bool:
    import sys

    return sys.stdin.isatty()
