"""Journal use-cases: write, read, list, edit, trash, restore, search.

Each function validates everything before it writes, and writes in one vault transaction.
SQLAlchemy (and what only listing needs) is imported inside the functions that need it:
`search` runs on the raw connection, so `alliance search` never loads it.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any
from uuid import uuid4

from alliance.domain.dates import entry_moment, resolve_zone_name, to_utc, zone
from alliance.domain.entries import (
    EntryChanges,
    EntryKind,
    JournalEntry,
    SearchHit,
    compose,
    explicit_tags_of,
    extract_tags,
    normalize_tag,
    parse_kind,
    split_leading_date,
    validate_mood,
)
from alliance.errors import InvalidInput

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from alliance.domain.filters import EntryFilter
    from alliance.store.tables import Entry
    from alliance.store.vault import Vault

TRASH_DAYS = 30
DEFAULT_SEARCH_LIMIT = 20
_UNLINK_WORDS = frozenset({"none", "no", ""})


def writer_zone_name() -> str:
    """The writer's IANA zone: $TZ, else /etc/timezone, else the /etc/localtime link, else UTC."""
    etc_timezone = localtime = None
    with contextlib.suppress(OSError, UnicodeDecodeError):
        etc_timezone = Path("/etc/timezone").read_text(encoding="utf-8")
    with contextlib.suppress(OSError):
        localtime = os.readlink("/etc/localtime")
    return resolve_zone_name(os.environ.get("TZ"), etc_timezone, localtime)


def local_now(now: datetime | None = None) -> datetime:
    """Now (or the given moment) in the writer's zone, to the second."""
    here = zone(writer_zone_name())
    moment = datetime.now(here) if now is None else now.astimezone(here)
    return moment.replace(microsecond=0)


def write_entry(
    vault: Vault,
    text: str,
    *,
    title: str | None = None,
    tags: Sequence[str] = (),
    starred: bool = False,
    mood: int | None = None,
    kind: str = EntryKind.REFLECTION.value,
    session: str | None = None,
    at: str | None = None,
    now: datetime | None = None,
) -> JournalEntry:
    """Save a new entry. Without `at`, a leading "DATE: " in the text sets when it was written."""
    from alliance.store.tables import Entry

    here = local_now(now)
    if at is not None:
        created: datetime | None = entry_moment(at, here)
    else:
        created, text = split_leading_date(text, here)
    content = compose(text, title=title, explicit_tags=tuple(tags))
    entry_kind = parse_kind(kind)
    validate_mood(mood)
    with vault.transaction() as db:
        session_id = _session_id(db, session, here)
        row = Entry(
            id=str(uuid4()),
            created_at=created or here,
            tz=str(here.tzinfo),
            updated_at=here,
            title=content.title,
            body=content.body,
            starred=starred,
            mood=mood,
            kind=entry_kind.value,
            session_id=session_id,
        )
        db.add(row)
        _store_tags(row, content.tags)
        db.flush()
        entry = to_entry(row)
    _after_save(vault, entry.id)
    return entry


def check_write_options(
    vault: Vault,
    *,
    tags: Sequence[str] = (),
    mood: int | None = None,
    kind: str = EntryKind.REFLECTION.value,
    session: str | None = None,
    at: str | None = None,
) -> None:
    """Refuse bad options before an editor opens, so nobody types an entry that cannot be saved."""
    here = local_now()
    for tag in tags:
        normalize_tag(tag)
    validate_mood(mood)
    parse_kind(kind)
    if at is not None:
        entry_moment(at, here)
    if session is not None:
        with vault.transaction() as db:
            _session_id(db, session, here)


def get_entry(vault: Vault, ref: str) -> JournalEntry:
    """One entry by (a unique prefix of) its id, in the trash or not."""
    from alliance.store.journal_repo import find_entry

    with vault.transaction() as db:
        return to_entry(find_entry(db, ref, trashed=None))


def entry_filter(now: datetime | None = None, **options: Any) -> EntryFilter:
    """The filter for `alliance list`, with dates read in the writer's zone (see build_filter)."""
    from alliance.domain.filters import build_filter

    wanted = build_filter(local_now(now), **options)
    _check_reading_names(wanted.themes, wanted.emotions)
    return wanted


def _check_reading_names(themes: Sequence[str], emotions: Sequence[str]) -> None:
    from alliance.analysis.emotions import LABELS
    from alliance.analysis.themes import THEME_IDS

    for theme in themes:
        if theme not in THEME_IDS:
            raise InvalidInput(f"Unknown theme {theme!r}; themes are: {', '.join(THEME_IDS)}.")
    for emotion in emotions:
        if emotion not in LABELS:
            raise InvalidInput(f"Unknown emotion {emotion!r}; see `alliance analyze --help`.")


def list_entries(vault: Vault, wanted: EntryFilter | None = None) -> list[JournalEntry]:
    """Live entries matching the filter, newest first."""
    from alliance.domain.filters import EntryFilter
    from alliance.domain.sessions import parse_session_ref
    from alliance.store.journal_repo import find_session, query_entries

    wanted = wanted or EntryFilter()
    if wanted.themes or wanted.emotions:
        from alliance.services.readings import reread_stale

        reread_stale(vault)
    with vault.transaction() as db:
        session_id = None
        if wanted.session is not None:
            ref = parse_session_ref(wanted.session)
            session_id = find_session(db, ref, local_now()).id
        return [to_entry(row) for row in query_entries(db, wanted, session_id)]


def edit_entry(
    vault: Vault, ref: str, changes: EntryChanges, *, now: datetime | None = None
) -> JournalEntry:
    """Change an entry; returns it as it was (same `updated`) when nothing differs."""
    from alliance.store.journal_repo import find_entry

    here = local_now(now)
    with vault.transaction() as db:
        row = find_entry(db, ref, trashed=False)
        before = to_entry(row)
        if changes.expected_updated not in (None, before.updated):
            raise InvalidInput("The entry was changed elsewhere since it was opened; not saved.")
        after = _changed(db, before, changes, here)
        if after == before:
            return before
        row.title, row.body, row.starred, row.mood = (
            after.title,
            after.body,
            after.starred,
            after.mood,
        )
        row.kind, row.session_id, row.created_at = after.kind.value, after.session_id, after.created
        row.updated_at = here
        _store_tags(row, after.tags)
        db.flush()
        entry = to_entry(row)
    _after_save(vault, entry.id)
    return entry


def _changed(
    db: Session, before: JournalEntry, changes: EntryChanges, here: datetime
) -> JournalEntry:
    """The entry as it would be after the changes, all checked; nothing is written here."""
    removed = {normalize_tag(tag) for tag in changes.remove_tags}
    missing = removed - set(before.tags)
    if missing:
        raise InvalidInput(f"The entry has no tag {sorted(missing)[0]}.")
    kept = tuple(tag for tag in explicit_tags_of(before) if tag not in removed)
    explicit = (*kept, *changes.add_tags)
    if changes.text is not None:
        content = compose(changes.text, title=changes.title, explicit_tags=explicit)
    else:
        title = changes.title if changes.title is not None else before.title
        content = compose(before.body, title=title, explicit_tags=explicit)
    still_written = removed & set(extract_tags(f"{content.title}\n{content.body}"))
    if still_written:
        raise InvalidInput(
            f"{sorted(still_written)[0]} is written in the entry's text; edit the text."
        )
    mood = None if changes.clear_mood else validate_mood(changes.mood) or before.mood
    return replace(
        before,
        title=content.title,
        body=content.body,
        tags=content.tags,
        starred=before.starred if changes.starred is None else changes.starred,
        mood=mood,
        kind=before.kind if changes.kind is None else parse_kind(changes.kind),
        session_id=(
            before.session_id if changes.session is None else _session_id(db, changes.session, here)
        ),
        created=before.created if changes.at is None else to_utc(entry_moment(changes.at, here)),
    )


def trash_entry(vault: Vault, ref: str, *, now: datetime | None = None) -> JournalEntry:
    """Move an entry to the trash; `restore_entry` brings it back for 30 days."""
    from alliance.store.journal_repo import find_entry

    with vault.transaction() as db:
        row = find_entry(db, ref, trashed=False)
        row.deleted_at = local_now(now)
        db.flush()
        return to_entry(row)


def restore_entry(vault: Vault, ref: str) -> JournalEntry:
    from alliance.store.journal_repo import find_entry

    with vault.transaction() as db:
        row = find_entry(db, ref, trashed=True)
        row.deleted_at = None
        db.flush()
        return to_entry(row)


def list_trash(vault: Vault, *, now: datetime | None = None) -> tuple[list[JournalEntry], int]:
    """The trash, newest deletion first, after deleting for good what has been there over
    30 days. Returns the entries and how many were purged."""
    from alliance.store.journal_repo import purge_trashed, trashed_entries

    cutoff = local_now(now) - timedelta(days=TRASH_DAYS)
    with vault.transaction() as db:
        purged = purge_trashed(db, cutoff)
        return [to_entry(row) for row in trashed_entries(db)], purged


def empty_trash(vault: Vault, *, everything: bool = False, now: datetime | None = None) -> int:
    """Delete for good the entries trashed over 30 days ago (all of them with `everything`)."""
    from alliance.store.journal_repo import purge_trashed

    cutoff = None if everything else local_now(now) - timedelta(days=TRASH_DAYS)
    with vault.transaction() as db:
        return purge_trashed(db, cutoff)


def search(
    vault: Vault, words: Sequence[str], limit: int = DEFAULT_SEARCH_LIMIT
) -> list[SearchHit]:
    """Live entries containing every word, best match first, with highlighted snippets."""
    from alliance.store.search import match_expression, search_entries

    if limit < 1:
        raise InvalidInput(f"-n must be 1 or more, not {limit}.")
    expression = match_expression(words)
    if not expression:
        raise InvalidInput("Nothing to search for: give at least one word.")
    return search_entries(vault.raw(), expression, limit)


def new_draft(vault: Vault, text: str) -> Path:
    """A 0600 file in the vault's drafts/ folder holding `text`, for an editor to open.

    Drafts are plain text while the editor has them; they are deleted once saved."""
    from alliance.store.paths import RECOVERY_DRAFTS_DIR

    folder = vault.home / RECOVERY_DRAFTS_DIR
    folder.mkdir(mode=0o700, exist_ok=True)
    path = folder / f"{datetime.now().strftime('%Y%m%d-%H%M%S')}-{uuid4().hex[:8]}.md"
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(text)
    return path


def _session_id(db: Session, ref: str | None, here: datetime) -> str | None:
    from alliance.domain.sessions import parse_session_ref
    from alliance.store.journal_repo import find_session

    if ref is None or ref.strip().lower() in _UNLINK_WORDS:
        return None
    return find_session(db, parse_session_ref(ref), here).id


def _store_tags(row: Entry, tags: Sequence[str]) -> None:
    from alliance.store.journal_repo import set_tags

    set_tags(row, tags)


def to_entry(row: Entry) -> JournalEntry:
    return JournalEntry(
        id=row.id,
        created=row.created_at.astimezone(UTC),
        tz=row.tz,
        updated=row.updated_at.astimezone(UTC),
        title=row.title,
        body=row.body,
        tags=tuple(sorted(tag.tag for tag in row.tags)),
        starred=bool(row.starred),
        mood=row.mood,
        kind=parse_kind(row.kind),
        session_id=row.session_id,
        deleted_at=None if row.deleted_at is None else row.deleted_at.astimezone(UTC),
    )


def _after_save(vault: Vault, entry_id: str) -> None:
    """Called once an entry is saved (written or edited), after its transaction committed:
    the analyser reads it. A failure there never touches the saved entry (see readings)."""
    from alliance.services.readings import read_entry

    read_entry(vault, entry_id)
