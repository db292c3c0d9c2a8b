"""Journal commands: write, list, show, edit, delete, trash, restore, search.

Only Typer is imported at the top: services, Rich and SQLAlchemy load inside the command that
needs them, so `alliance --help` and `alliance search` stay fast.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from collections.abc import Callable

    from alliance.domain.entries import JournalEntry
    from alliance.services.vault import Vault

_JSON_HELP = "Print JSON (schema in docs/cli.md)."
_SESSION_HELP = "Link to a therapy session: its number, 'last', or an id prefix."


def register(app: typer.Typer) -> None:
    app.command("write")(write)
    app.command("list")(list_command)
    app.command("show")(show)
    app.command("edit")(edit)
    app.command("delete")(delete)
    app.command("trash")(trash)
    app.command("restore")(restore)
    app.command("search")(search)


def write(
    text: list[str] | None = typer.Argument(
        None, help="The entry ('DATE: text' sets when). '-' reads stdin; none opens your editor."
    ),
    title: str | None = typer.Option(None, "--title", help="A title (else the first sentence)."),
    tag: list[str] | None = typer.Option(None, "--tag", "-t", help="Add a tag (repeatable)."),
    star: bool = typer.Option(False, "--star", help="Star the entry."),
    mood: str | None = typer.Option(None, "--mood", help="How you feel, 1 (low) to 5 (good)."),
    kind: str = typer.Option(
        "reflection", "--kind", help="reflection, note, before-session or after-session."
    ),
    session: str | None = typer.Option(None, "--session", help=_SESSION_HELP),
    at: str | None = typer.Option(None, "--at", help="When it was written ('yesterday 9pm')."),
) -> None:
    """Write a journal entry.

    Example: alliance write "yesterday 9pm: felt heard today #therapy"
    """
    from alliance.cli.vault_access import open_vault
    from alliance.domain.entries import parse_mood
    from alliance.services.journal import check_write_options, write_entry

    tags = tuple(tag or ())
    entry_mood = None if mood is None else parse_mood(mood)
    words = list(text or ())
    typed = _read_stdin() if words == ["-"] else " ".join(words) if words else None
    vault = open_vault()

    def save(body: str) -> JournalEntry:
        return write_entry(
            vault,
            body,
            title=title,
            tags=tags,
            starred=star,
            mood=entry_mood,
            kind=kind,
            session=session,
            at=at,
        )

    try:
        if typed is not None:
            entry = save(typed)
        else:
            # Refuse bad options before the editor opens: nobody should type an entry in vain.
            check_write_options(
                vault, tags=tags, mood=entry_mood, kind=kind, session=session, at=at
            )
            entry = _write_in_editor(vault, kind, save)
        _say_saved(entry)
        _show_safety_if_needed(vault, entry.id)
    finally:
        vault.close()


def _show_safety_if_needed(vault: Vault, entry_id: str) -> None:
    """Crisis resources when the reading suggests risk. The entry stays as written; nobody
    is contacted."""
    from alliance.services.readings import crisis_level_of

    level = crisis_level_of(vault, entry_id)
    if level != "none":
        from alliance.safety import render_plain

        typer.echo("")
        typer.echo(render_plain(level))


def _read_stdin() -> str:
    """Stdin as bytes, decoded strictly; never more than one entry's worth is read."""
    from alliance.domain.entries import MAX_BODY_BYTES, decode_utf8
    from alliance.errors import InvalidInput

    data = sys.stdin.buffer.read(MAX_BODY_BYTES + 1)
    if len(data) > MAX_BODY_BYTES:
        raise InvalidInput("The entry is over 1,000,000 bytes, the most an entry holds.")
    return decode_utf8(data)


def _write_in_editor(vault: Vault, kind: str, save: Callable[[str], JournalEntry]) -> JournalEntry:
    from alliance.cli.editor import edit_draft
    from alliance.domain.entries import parse_kind, strip_template, template_for

    entry_kind = parse_kind(kind)
    entry = edit_draft(
        vault, template_for(entry_kind), lambda t: strip_template(t, entry_kind), save
    )
    assert entry is not None  # a new entry is never "unchanged"
    return entry


def _say_saved(entry: JournalEntry, verb: str = "Saved") -> None:
    from alliance.cli.render import local_time, short_id
    from alliance.domain.entries import display_title

    when = local_time(entry.created, entry.tz)
    typer.echo(f"{verb} {short_id(entry.id)} ({when}): {display_title(entry)}")


def list_command(
    n: int | None = typer.Option(None, "-n", help="Show at most N entries (the newest)."),
    from_: str | None = typer.Option(None, "--from", help="From this day or time on."),
    to: str | None = typer.Option(None, "--to", help="Up to this day (included) or time."),
    on: str | None = typer.Option(None, "--on", help="Only this day."),
    tag: list[str] | None = typer.Option(None, "--tag", "-t", help="Has this tag (repeat: all)."),
    starred: bool = typer.Option(False, "--starred", help="Only starred entries."),
    contains: str | None = typer.Option(None, "--contains", help="Text in the title or body."),
    session: str | None = typer.Option(None, "--session", help="Linked to this session."),
    on_this_day: bool = typer.Option(
        False, "--on-this-day", help="Written on today's date in earlier years."
    ),
    kind: list[str] | None = typer.Option(None, "--kind", help="Of this kind (repeatable)."),
    theme: list[str] | None = typer.Option(
        None, "--theme", help="Carries this relationship theme, e.g. valued (repeat: all)."
    ),
    emotion: list[str] | None = typer.Option(
        None, "--emotion", help="Reads with this emotion, e.g. gratitude (repeat: all)."
    ),
    as_json: bool = typer.Option(False, "--json", help=_JSON_HELP),
) -> None:
    """List entries, newest first. Filters combine (all must match).

    Example: alliance list --from "last monday" --tag sleep -n 5
    """
    from alliance.cli.render import entries_json, print_entries, print_json
    from alliance.cli.vault_access import open_vault
    from alliance.services.journal import entry_filter, list_entries

    wanted = entry_filter(
        limit=n,
        from_text=from_,
        to_text=to,
        on_text=on,
        tags=tuple(tag or ()),
        starred=starred,
        contains=contains,
        session=session,
        on_this_day=on_this_day,
        kinds=tuple(kind or ()),
        themes=tuple(theme or ()),
        emotions=tuple(emotion or ()),
    )
    vault = open_vault()
    try:
        entries = list_entries(vault, wanted)
    finally:
        vault.close()
    if as_json:
        print_json(entries_json(entries))
    else:
        print_entries(entries)


def show(
    entry_id: str = typer.Argument(..., metavar="ID", help="The entry's id (4+ characters)."),
    as_json: bool = typer.Option(False, "--json", help=_JSON_HELP),
) -> None:
    """Show one entry."""
    from alliance.cli.render import print_entry, print_json
    from alliance.cli.vault_access import open_vault
    from alliance.domain.entries import entry_as_dict
    from alliance.services.journal import get_entry
    from alliance.services.readings import reading_for

    vault = open_vault()
    try:
        entry = get_entry(vault, entry_id)
        reading = reading_for(vault, entry.id)
    finally:
        vault.close()
    if as_json:
        print_json({**entry_as_dict(entry), "reading": reading})
    else:
        print_entry(entry)
        if reading is not None:
            from alliance.cli.reading_view import print_stored_reading

            print_stored_reading(reading)


def edit(
    entry_id: str = typer.Argument(..., metavar="ID", help="The entry's id (4+ characters)."),
    title: str | None = typer.Option(None, "--title", help="A new title."),
    add_tag: list[str] | None = typer.Option(None, "--add-tag", help="Add a tag (repeatable)."),
    remove_tag: list[str] | None = typer.Option(None, "--remove-tag", help="Remove a --tag tag."),
    star: bool | None = typer.Option(None, "--star/--unstar", help="Star or unstar."),
    mood: str | None = typer.Option(None, "--mood", help="A new mood, 1 to 5."),
    no_mood: bool = typer.Option(False, "--no-mood", help="Remove the mood."),
    kind: str | None = typer.Option(None, "--kind", help="A new kind."),
    session: str | None = typer.Option(None, "--session", help=_SESSION_HELP + " 'none' unlinks."),
    at: str | None = typer.Option(None, "--at", help="A new date ('yesterday 9pm')."),
) -> None:
    """Change an entry: with options, just those; without, in your editor."""
    from alliance.cli.vault_access import open_vault
    from alliance.domain.entries import EntryChanges, parse_mood

    changes = EntryChanges(
        title=title,
        add_tags=tuple(add_tag or ()),
        remove_tags=tuple(remove_tag or ()),
        starred=star,
        mood=None if mood is None else parse_mood(mood),
        clear_mood=no_mood,
        kind=kind,
        session=session,
        at=at,
    )
    vault = open_vault()
    try:
        if changes.is_empty():
            entry = _edit_in_editor(vault, entry_id)
        else:
            from alliance.services.journal import edit_entry

            entry = edit_entry(vault, entry_id, changes)
    finally:
        vault.close()
    if entry is None:
        typer.echo("No changes.")
    else:
        _say_saved(entry, "Updated")


def _edit_in_editor(vault: Vault, entry_id: str) -> JournalEntry | None:
    from alliance.cli.editor import edit_draft
    from alliance.domain.entries import EntryChanges, editable_text
    from alliance.services.journal import edit_entry, get_entry

    entry = get_entry(vault, entry_id)
    if entry.trashed:
        from alliance.errors import NotFound

        raise NotFound(f"Entry {entry_id!r} is in the trash (`alliance restore {entry_id}`).")
    original = editable_text(entry)

    def save(text: str) -> JournalEntry:
        changes = EntryChanges(text=text, expected_updated=entry.updated)
        return edit_entry(vault, entry.id, changes)

    return edit_draft(vault, original, lambda edited: None if edited == original else edited, save)


def delete(
    entry_id: str = typer.Argument(..., metavar="ID", help="The entry's id (4+ characters)."),
) -> None:
    """Move an entry to the trash (restorable for 30 days)."""
    from alliance.cli.render import short_id
    from alliance.cli.vault_access import open_vault
    from alliance.services.journal import TRASH_DAYS, trash_entry

    vault = open_vault()
    try:
        entry = trash_entry(vault, entry_id)
    finally:
        vault.close()
    typer.echo(
        f"Moved {short_id(entry.id)} to the trash; `alliance restore {short_id(entry.id)}` "
        f"brings it back within {TRASH_DAYS} days."
    )


def trash(
    empty: bool = typer.Option(False, "--empty", help="Delete for good what is over 30 days old."),
    everything: bool = typer.Option(False, "--all", help="With --empty: the whole trash, now."),
    yes: bool = typer.Option(False, "--yes", help="Do not ask before --empty --all."),
    as_json: bool = typer.Option(False, "--json", help=_JSON_HELP),
) -> None:
    """List the trash (entries in it over 30 days are deleted for good first)."""
    from alliance.cli.render import entries_json, print_entries, print_json
    from alliance.cli.vault_access import open_vault
    from alliance.errors import InvalidInput
    from alliance.services.journal import empty_trash, list_trash

    if everything and not empty:
        raise InvalidInput("--all goes with --empty.")
    if empty and everything and not yes:
        typer.confirm("Delete every entry in the trash for good?", abort=True, err=True)
    vault = open_vault()
    try:
        if empty:
            purged = empty_trash(vault, everything=everything)
            typer.echo(f"Deleted {purged} entr{'y' if purged == 1 else 'ies'} for good.")
            return
        entries, purged = list_trash(vault)
    finally:
        vault.close()
    if as_json:
        print_json(entries_json(entries))
        return
    if purged:
        typer.echo(f"({purged} entries over 30 days old were deleted for good.)", err=True)
    print_entries(entries, empty="The trash is empty.")


def restore(
    entry_id: str = typer.Argument(..., metavar="ID", help="The entry's id (4+ characters)."),
) -> None:
    """Bring an entry back from the trash."""
    from alliance.cli.vault_access import open_vault
    from alliance.services.journal import restore_entry

    vault = open_vault()
    try:
        entry = restore_entry(vault, entry_id)
    finally:
        vault.close()
    _say_saved(entry, "Restored")


def search(
    words: list[str] = typer.Argument(
        ..., metavar="WORDS", help="Words to find (all of them); 'anx*' = prefix."
    ),
    n: int = typer.Option(20, "-n", help="Show at most N results."),
    as_json: bool = typer.Option(False, "--json", help=_JSON_HELP),
) -> None:
    """Search entries by words, best match first.

    Example: alliance search boundaries mother
    """
    from alliance.cli.vault_access import open_vault
    from alliance.services.journal import search as search_entries

    vault = open_vault()
    try:
        hits = search_entries(vault, words, n)
    finally:
        vault.close()
    from alliance.cli import render

    if as_json:
        render.print_json(render.hits_json(hits))
    else:
        render.print_hits(hits)
