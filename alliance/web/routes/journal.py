"""Journal: the timeline with filters and pages, search with snippets, and one entry read."""

from __future__ import annotations

import dataclasses
import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from alliance.errors import AllianceError, InvalidInput
from alliance.web.context import Unlocked, on_vault, render
from alliance.web.highlight import emotion_spans, pieces, theme_spans
from alliance.web.views import RESOURCE_LEVELS, crisis_level, ensure_reading, resources

router = APIRouter(include_in_schema=False)
log = logging.getLogger(__name__)
PAGE_SIZE = 20
SEARCH_LIMIT = 50


@dataclass(frozen=True)
class Cursor:
    """Where the next page starts: after the entries written at or after `before` that have
    been shown, `skip` of them having been written at exactly `before` (a page boundary can
    fall inside a run of entries with the same time)."""

    before: datetime
    skip: int

    @classmethod
    def read(cls, before: str, skip: int) -> Cursor | None:
        if not before:
            return None
        try:
            moment = datetime.fromisoformat(before)
        except ValueError:
            raise InvalidInput(f"{before!r} is not a page of the journal.") from None
        if moment.tzinfo is None:
            raise InvalidInput(f"{before!r} is not a page of the journal.")
        return cls(moment.astimezone(UTC), max(0, skip))


@dataclass(frozen=True)
class JournalQuery:
    q: str = ""
    tag: str = ""
    theme: str = ""
    emotion: str = ""
    starred: bool = False
    date_from: str = ""
    date_to: str = ""
    cursor: Cursor | None = None

    @property
    def filtered(self) -> bool:
        return any((self.tag, self.theme, self.emotion, self.starred, self.date_from, self.date_to))

    def link(self, cursor: Cursor | None) -> str:
        from urllib.parse import urlencode

        fields = {
            "tag": self.tag,
            "theme": self.theme,
            "emotion": self.emotion,
            "starred": "yes" if self.starred else "",
            "from": self.date_from,
            "to": self.date_to,
            "before": cursor.before.isoformat() if cursor else "",
            "skip": str(cursor.skip) if cursor and cursor.skip else "",
        }
        return "/journal?" + urlencode({k: v for k, v in fields.items() if v})


def timeline(vault: Any, query: JournalQuery) -> dict[str, Any]:
    """One page of the timeline, newest first, and the cursor of the next page (or None).

    Pages run by time, not by count (no OFFSET): a page deep in a long journal costs what
    the first one does."""
    from alliance.services.journal import entry_filter, list_entries

    wanted = entry_filter(
        tags=(query.tag,) if query.tag else (),
        starred=query.starred,
        from_text=query.date_from or None,
        to_text=query.date_to or None,
        themes=(query.theme,) if query.theme else (),
        emotions=(query.emotion,) if query.emotion else (),
    )
    cursor, skip = query.cursor, 0
    if cursor is not None:
        until = cursor.before + timedelta(microseconds=1)  # `until` is exclusive
        wanted = dataclasses.replace(wanted, until=min(wanted.until or until, until))
        skip = cursor.skip
    # One more than the page holds: it tells whether there is a next page.
    found = list_entries(vault, dataclasses.replace(wanted, limit=skip + PAGE_SIZE + 1))
    shown = found[skip : skip + PAGE_SIZE]
    following = None
    if len(found) > skip + PAGE_SIZE:
        last = shown[-1].created
        same = sum(1 for entry in shown if entry.created == last)
        earlier = skip if cursor is not None and cursor.before == last else 0
        following = Cursor(last, same + earlier)
    return {
        "entries": [(entry, _themes_of(vault, entry.id)) for entry in shown],
        "next": following,
    }


def _themes_of(vault: Any, entry_id: str) -> list[str]:
    from alliance.services.readings import stored_reading

    reading = stored_reading(vault, entry_id)
    return [hit["theme"] for hit in reading.get("themes", [])] if reading else []


def journal_data(vault: Any, query: JournalQuery) -> dict[str, Any]:
    from alliance.services.insights import signal_names
    from alliance.services.journal import search

    themes, emotions = signal_names()
    data: dict[str, Any] = {"theme_choices": themes, "emotion_choices": emotions}
    if query.q.strip():
        data["hits"] = search(vault, query.q.split(), limit=SEARCH_LIMIT)
        data.update(entries=[], next=None)
    else:
        data["hits"] = None
        data.update(timeline(vault, query))
    return data


@router.get("/journal")
async def journal_page(
    request: Request,
    session: Unlocked,
    q: str = "",
    tag: str = "",
    theme: str = "",
    emotion: str = "",
    starred: str = "",
    before: str = "",
    skip: int = 0,
) -> Response:
    params = request.query_params
    query = JournalQuery(
        q=q.strip(),
        tag=tag.strip(),
        theme=theme.strip(),
        emotion=emotion.strip(),
        starred=starred == "yes",
        date_from=params.get("from", "").strip(),
        date_to=params.get("to", "").strip(),
    )
    error = None
    try:
        query = dataclasses.replace(query, cursor=Cursor.read(before.strip(), skip))
        data = await on_vault(request, journal_data, query)
    except AllianceError as refused:
        error = str(refused)
        data = await on_vault(request, journal_data, JournalQuery())
        data.update(entries=[], next=None, hits=None)
    return render(
        request, "journal.html", status=400 if error else 200, query=query, error=error, **data
    )


def entry_data(vault: Any, entry_id: str) -> dict[str, Any]:
    from alliance.analysis.themes import THEMES
    from alliance.services.journal import get_entry
    from alliance.services.sessions import get_session

    entry = get_entry(vault, entry_id)
    reading = ensure_reading(vault, entry)
    themes = theme_spans(entry.body, entry.title, reading)
    emotions = emotion_spans(entry.body, entry.title, _sentence_emotions(entry))
    linked = get_session(vault, entry.session_id)[0] if entry.session_id else None
    found = {hit["theme"] for hit in reading.get("themes", [])} if reading else set()
    level = crisis_level(reading)
    return {
        "entry": entry,
        "reading": reading,
        "pieces": pieces(entry.body, themes, emotions),
        "legend": [info for info in THEMES if info.id in found],
        "linked_session": linked,
        "crisis": level,
        "resources": resources(level) if level in RESOURCE_LEVELS else None,
    }


def _sentence_emotions(entry: Any) -> tuple[Any, ...]:
    """The analyser's emotions per sentence (not stored: read again, on this machine)."""
    try:
        from alliance.analysis import analyze

        text = f"{entry.title}\n{entry.body}" if entry.title else entry.body
        return tuple(analyze(text).emotions.sentences)
    except Exception:  # the highlights are a bonus: the entry shows without them
        log.exception("could not read sentence emotions")
        return ()


@router.get("/journal/{entry_id}")
async def entry_page(request: Request, entry_id: str, session: Unlocked) -> Response:
    data = await on_vault(request, entry_data, entry_id)
    return render(request, "entry.html", **data)
