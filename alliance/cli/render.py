"""How the journal commands print: Rich tables and Markdown for people, plain JSON for tools.

Rich is imported inside each function that uses it; the search printer does without it, so
that `alliance search` stays fast. Text a person wrote is always printed as
`Text` (never as Rich markup), so a `[bold]` in an entry prints as typed.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console

    from alliance.domain.entries import JournalEntry, SearchHit
    from alliance.domain.sessions import SessionRecord

SHORT_ID = 8
# JSON snippets mark each match with these (documented in docs/cli.md).
JSON_MATCH_START = "["
JSON_MATCH_END = "]"
_STAR = "★"


def console() -> Console:
    from rich.console import Console

    return Console(highlight=False, emoji=False)


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def short_id(full_id: str) -> str:
    return full_id[:SHORT_ID]


def local_time(moment: datetime, tz: str) -> str:
    """A UTC moment as the wall-clock time where it was written: `2026-11-26 21:00`."""
    from contextlib import suppress
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    # A zone this machine does not know: show UTC rather than fail.
    with suppress(ZoneInfoNotFoundError, ValueError):
        moment = moment.astimezone(ZoneInfo(tz))
    return moment.strftime("%Y-%m-%d %H:%M")


def entries_json(entries: Sequence[JournalEntry]) -> list[dict[str, object]]:
    from alliance.domain.entries import entry_as_dict

    return [entry_as_dict(entry) for entry in entries]


def print_entries(entries: Sequence[JournalEntry], *, empty: str = "No entries.") -> None:
    from rich.table import Table
    from rich.text import Text

    from alliance.domain.entries import display_title

    out = console()
    if not entries:
        out.print(Text(empty))
        return
    table = Table(box=None, pad_edge=False, show_edge=False, header_style="bold")
    for column in ("id", "written", "title", "tags", "mood", ""):
        table.add_column(column, overflow="fold")
    for entry in entries:
        table.add_row(
            Text(short_id(entry.id)),
            Text(local_time(entry.created, entry.tz)),
            Text(display_title(entry)),
            Text(" ".join(entry.tags)),
            Text("" if entry.mood is None else str(entry.mood)),
            Text(_STAR if entry.starred else ""),
        )
    out.print(table)


def print_entry(entry: JournalEntry, session_number: int | None = None) -> None:
    """One entry: a header of facts, then the body rendered as Markdown."""
    from rich.markdown import Markdown
    from rich.text import Text

    from alliance.domain.entries import display_title, title_repeats_body

    out = console()
    written = f"{local_time(entry.created, entry.tz)} ({entry.tz})"
    # A title taken from the body's first sentence would be read twice; the date heads it.
    repeats = not entry.title or title_repeats_body(entry)
    heading = Text(written if repeats else display_title(entry), style="bold")
    if entry.starred:
        heading.append(f" {_STAR}")
    out.print(heading)
    facts = [] if repeats else [written]
    facts.append(entry.kind.value)
    if entry.mood is not None:
        facts.append(f"mood {entry.mood}/5")
    if session_number is not None:
        facts.append(f"session {session_number}")
    if entry.tags:
        facts.append(" ".join(entry.tags))
    if entry.deleted_at is not None:
        facts.append(f"in the trash since {local_time(entry.deleted_at, entry.tz)}")
    out.print(Text(" · ".join(facts), style="dim"))
    out.print(Text(f"id {entry.id}", style="dim"))
    out.print()
    out.print(Markdown(entry.body))


def hits_json(hits: Sequence[SearchHit]) -> list[dict[str, object]]:
    from alliance.domain.dates import iso_utc

    results: list[dict[str, object]] = []
    for hit in hits:
        marked, plain, highlights = _snippet_forms(hit.snippet)
        results.append(
            {
                "id": hit.id,
                "created": iso_utc(hit.created),
                "tz": hit.tz,
                "title": hit.title,
                "kind": hit.kind,
                "starred": hit.starred,
                "mood": hit.mood,
                "score": round(hit.score, 6),
                "snippet": marked,
                "snippet_text": plain,
                "highlights": highlights,
            }
        )
    return results


def _snippet_forms(pieces: Sequence[tuple[str, bool]]) -> tuple[str, str, list[list[int]]]:
    """The snippet with [ ] around matches, without marks, and the matches' [start, end)."""
    marked, plain, highlights = "", "", []
    for text, matched in pieces:
        if matched:
            highlights.append([len(plain), len(plain) + len(text)])
            marked += f"{JSON_MATCH_START}{text}{JSON_MATCH_END}"
        else:
            marked += text
        plain += text
    return marked, plain, highlights


def print_hits(hits: Sequence[SearchHit]) -> None:
    """Search results, best first; matched words in bold on a terminal.

    Written without Rich: importing it would cost a sixth of the 0.3 s a search may take.
    """
    bold, dim, plain = _styles()
    lines = []
    for hit in hits:
        star = f" {_STAR}" if hit.starred else ""
        when = local_time(hit.created, hit.tz)
        lines.append(f"{dim}{short_id(hit.id)}  {when}{plain}  {bold}{hit.title}{plain}{star}")
        pieces = (f"{bold}{text}{plain}" if matched else text for text, matched in hit.snippet)
        lines.append("    " + " ".join("".join(pieces).split()))
    sys.stdout.write("\n".join(lines) + "\n" if lines else "No entries match.\n")


def _styles() -> tuple[str, str, str]:
    """ANSI bold, dim and reset on a terminal (none with NO_COLOR); FORCE_COLOR forces them."""
    import os

    forced = bool(os.environ.get("FORCE_COLOR"))
    wanted = forced or (sys.stdout.isatty() and not os.environ.get("NO_COLOR"))
    return ("\x1b[1m", "\x1b[2m", "\x1b[0m") if wanted else ("", "", "")


def sessions_json(records: Sequence[SessionRecord]) -> list[dict[str, object]]:
    from alliance.domain.sessions import session_as_dict

    return [session_as_dict(record) for record in records]


def print_sessions(records: Sequence[SessionRecord]) -> None:
    from rich.table import Table
    from rich.text import Text

    out = console()
    if not records:
        out.print(Text("No sessions yet (`alliance session add`)."))
        return
    table = Table(box=None, pad_edge=False, show_edge=False, header_style="bold")
    for column in ("#", "when", "kind", "status", "id", "notes"):
        table.add_column(column, overflow="fold")
    for record in records:
        first_note_line = record.notes.split("\n", 1)[0]
        table.add_row(
            Text(str(record.number)),
            Text(local_time(record.starts_at, record.tz)),
            Text(record.kind.value),
            Text(record.status.value),
            Text(short_id(record.id)),
            Text(first_note_line),
        )
    out.print(table)


def print_session(record: SessionRecord, entries: Sequence[JournalEntry]) -> None:
    from rich.markdown import Markdown
    from rich.text import Text

    out = console()
    out.print(Text(f"Session {record.number}", style="bold"))
    when = f"{local_time(record.starts_at, record.tz)} ({record.tz})"
    out.print(Text(f"{when} · {record.kind.value} · {record.status.value}", style="dim"))
    out.print(Text(f"id {record.id}", style="dim"))
    if record.notes:
        out.print()
        out.print(Markdown(record.notes))
    out.print()
    print_entries(entries, empty="No entries linked to this session.")
