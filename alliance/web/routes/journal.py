"""Journal: the timeline with filters and pages, search with snippets, and one entry read."""

from __future__ import annotations

import dataclasses
import logging
from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from alliance.errors import AllianceError
from alliance.web.context import Unlocked, on_vault, render
from alliance.web.highlight import emotion_spans, pieces, theme_spans
from alliance.web.views import RESOURCE_LEVELS, crisis_level, ensure_reading, resources

router = APIRouter(include_in_schema=False)
log = logging.getLogger(__name__)
PAGE_SIZE = 20
MAX_PAGE = 10_000
SEARCH_LIMIT = 50


@dataclass(frozen=True)
class JournalQuery:
    q: str = ""
    tag: str = ""
    theme: str = ""
    emotion: str = ""
    starred: bool = False
    date_from: str = ""
    date_to: str = ""
    page: int = 1

    @property
    def filtered(self) -> bool:
        return any((self.tag, self.theme, self.emotion, self.starred, self.date_from, self.date_to))

    def link(self, page: int) -> str:
        from urllib.parse import urlencode

        fields = {
            "tag": self.tag,
            "theme": self.theme,
            "emotion": self.emotion,
            "starred": "yes" if self.starred else "",
            "from": self.date_from,
            "to": self.date_to,
            "page": str(page),
        }
        return "/journal?" + urlencode({k: v for k, v in fields.items() if v})


def timeline(vault: Any, query: JournalQuery) -> dict[str, Any]:
    """One page of the timeline (newest first) and whether there is a next one."""
    from alliance.services.journal import entry_filter, list_entries
    from alliance.services.readings import entry_ids_with

    wanted = entry_filter(
        tags=(query.tag,) if query.tag else (),
        starred=query.starred,
        from_text=query.date_from or None,
        to_text=query.date_to or None,
    )
    offset = (query.page - 1) * PAGE_SIZE
    if query.theme or query.emotion:
        ids = entry_ids_with(
            vault, [query.theme] if query.theme else [], [query.emotion] if query.emotion else []
        )
        found = [e for e in list_entries(vault, wanted) if e.id in ids] if ids else []
    else:
        # Fetch one more than the page holds: it tells whether there is a next page.
        found = list_entries(vault, dataclasses.replace(wanted, limit=offset + PAGE_SIZE + 1))
    shown = found[offset : offset + PAGE_SIZE]
    return {
        "entries": [(entry, _themes_of(vault, entry.id)) for entry in shown],
        "has_next": len(found) > offset + PAGE_SIZE,
    }


def _themes_of(vault: Any, entry_id: str) -> list[str]:
    from alliance.services.readings import stored_reading

    reading = stored_reading(vault, entry_id)
    return [hit["theme"] for hit in reading.get("themes", [])] if reading else []


def journal_data(vault: Any, query: JournalQuery) -> dict[str, Any]:
    from alliance.services.insights import signals_in_use
    from alliance.services.journal import search

    themes, emotions = signals_in_use(vault)
    data: dict[str, Any] = {"theme_choices": themes, "emotion_choices": emotions}
    if query.q.strip():
        data["hits"] = search(vault, query.q.split(), limit=SEARCH_LIMIT)
        data.update(entries=[], has_next=False)
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
    page: int = 1,
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
        page=min(max(1, page), MAX_PAGE),
    )
    error = None
    try:
        data = await on_vault(request, journal_data, query)
    except AllianceError as refused:
        error = str(refused)
        data = await on_vault(request, journal_data, JournalQuery())
        data.update(entries=[], has_next=False, hits=None)
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
