"""What the analyser read in journal entries: stored with the model version, kept fresh.

An entry is read right after it is saved, in its own transaction: a failure to read never
touches the saved entry. When the analyser changes, `reread_stale` reads again the entries whose
stored reading came from another model version.
"""

from __future__ import annotations

import json
import logging
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from alliance.analysis.reading import Reading
    from alliance.store.vault import Vault

log = logging.getLogger(__name__)


def read_entry(vault: Vault, entry_id: str) -> Reading | None:
    """Read one saved entry and store the reading. Never raises: returns None on failure."""
    try:
        readings = _read_and_store(vault, "e.id = ?", (entry_id,))
    except Exception:  # the entry is already safe; `reread_stale` reads it again later
        log.info("could not read entry %s", entry_id, exc_info=True)
        return None
    return readings[0] if readings else None


def reread_stale(vault: Vault, batch: int = 256) -> int:
    """Read every entry without a reading from the current model; returns how many."""
    from alliance.analysis import model_version

    current = model_version()
    if not any_stale(vault, current):
        return 0
    done = 0
    while True:
        stale = "r.model_version IS NULL OR r.model_version != ?"
        readings = _read_and_store(vault, stale, (current,), limit=batch)
        if not readings:
            return done
        done += len(readings)


def _read_and_store(
    vault: Vault, where: str, params: tuple[str, ...], limit: int | None = None
) -> list[Reading]:
    """Analyse the matching entries outside any transaction (the model takes a while and must
    not hold the write lock), then store and return the readings of those not edited
    meanwhile (an edit reads its entry again itself)."""
    from alliance.analysis import analyze_many

    sql = (
        "SELECT e.pk, e.title, e.body, e.updated_at FROM entries e "
        f"LEFT JOIN entry_readings r ON r.entry_pk = e.pk WHERE {where}"
    )
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    rows = vault.raw().execute(sql, params).fetchall()
    if not rows:
        return []
    readings = analyze_many([_text_of(title, body) for _, title, body, _ in rows])
    stored = []
    with vault.transaction() as session:
        for (pk, _, _, updated), reading in zip(rows, readings, strict=True):
            if _updated_at(session, pk) == updated:
                _store(session, pk, reading)
                stored.append(reading)
    return stored


def _updated_at(session: Any, entry_pk: int) -> str | None:
    from sqlalchemy import text

    found = session.execute(
        text("SELECT updated_at FROM entries WHERE pk = :pk"), {"pk": entry_pk}
    ).scalar()
    return None if found is None else str(found)


def any_stale(vault: Vault, current: str) -> bool:
    """Whether some entry lacks a reading from `current`: two index-only counts."""
    raw = vault.raw()
    entries = raw.execute("SELECT count(*) FROM entries").fetchone()[0]
    fresh = raw.execute(
        "SELECT count(*) FROM entry_readings WHERE model_version = ?", (current,)
    ).fetchone()[0]
    return bool(entries != fresh)


def _text_of(title: str, body: str) -> str:
    return f"{title}\n{body}" if title else body


def _store(session: Any, entry_pk: int, reading: Reading) -> None:
    from sqlalchemy import delete

    from alliance.analysis import reading_as_dict
    from alliance.store.tables import EntryEmotion, EntryReading, EntryTheme, utcnow

    session.execute(delete(EntryTheme).where(EntryTheme.entry_pk == entry_pk))
    session.execute(delete(EntryEmotion).where(EntryEmotion.entry_pk == entry_pk))
    session.merge(
        EntryReading(
            entry_pk=entry_pk,
            model_version=reading.model_version,
            crisis_level=reading.crisis.level,
            sentiment=reading.emotions.sentiment,
            reading_json=json.dumps(reading_as_dict(reading)),
            read_at=utcnow(),
        )
    )
    session.add_all(
        EntryTheme(entry_pk=entry_pk, theme=h.theme, score=h.score) for h in reading.themes
    )
    session.add_all(
        EntryEmotion(entry_pk=entry_pk, label=label, score=reading.emotions.scores[label])
        for label in reading.emotions.labels
    )


def crisis_level_of(vault: Vault, entry_id: str) -> str:
    """The crisis level stored for an entry ("none" when it has not been read)."""
    row = (
        vault.raw()
        .execute(
            "SELECT r.crisis_level FROM entry_readings r JOIN entries e ON e.pk = r.entry_pk "
            "WHERE e.id = ?",
            (entry_id,),
        )
        .fetchone()
    )
    return "none" if row is None else str(row[0])


def stored_reading(vault: Vault, entry_id: str) -> dict[str, Any] | None:
    """The stored reading of an entry, in the `alliance analyze --jsonl` shape."""
    row = (
        vault.raw()
        .execute(
            "SELECT r.reading_json FROM entry_readings r JOIN entries e ON e.pk = r.entry_pk "
            "WHERE e.id = ?",
            (entry_id,),
        )
        .fetchone()
    )
    return None if row is None else dict(json.loads(row[0]))


def reading_for(vault: Vault, entry_id: str) -> dict[str, Any] | None:
    """The entry's reading from the current model, reading it now if it is missing or stale."""
    from alliance.analysis import model_version

    stored = stored_reading(vault, entry_id)
    if stored is None or stored.get("model_version") != model_version():
        read_entry(vault, entry_id)
        stored = stored_reading(vault, entry_id)
    return stored


def entry_ids_with(vault: Vault, themes: list[str], emotions: list[str]) -> set[str]:
    """Ids of live entries carrying every theme and every emotion asked for."""
    sql = "SELECT e.id FROM entries e WHERE e.deleted_at IS NULL"
    params: list[str] = []
    for theme in themes:
        sql += " AND EXISTS (SELECT 1 FROM entry_themes t WHERE t.entry_pk = e.pk AND t.theme = ?)"
        params.append(theme)
    for emotion in emotions:
        sql += (
            " AND EXISTS (SELECT 1 FROM entry_emotions m WHERE m.entry_pk = e.pk AND m.label = ?)"
        )
        params.append(emotion)
    return {row[0] for row in vault.raw().execute(sql, params)}


@dataclass
class WeekTrend:
    week_start: date
    entries: int
    themes: dict[str, int] = field(default_factory=dict)
    emotions: dict[str, int] = field(default_factory=dict)
    sentiment: dict[str, int] = field(default_factory=dict)
    crisis_flags: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "week_start": self.week_start.isoformat(),
            "entries": self.entries,
            "themes": self.themes,
            "emotions": self.emotions,
            "sentiment": self.sentiment,
            "crisis_flags": self.crisis_flags,
        }


def weekly_trends(vault: Vault, weeks: int | None = None) -> list[WeekTrend]:
    """Per ISO week (Monday start, in UTC): entries, and how many carried each theme/emotion."""
    reread_stale(vault)
    raw = vault.raw()
    week_of: dict[int, date] = {}
    trends: dict[date, WeekTrend] = {}
    for pk, created, sentiment, crisis in raw.execute(
        "SELECT e.pk, e.created_at, r.sentiment, r.crisis_level FROM entries e "
        "LEFT JOIN entry_readings r ON r.entry_pk = e.pk WHERE e.deleted_at IS NULL"
    ):
        day = date.fromisoformat(created[:10])
        monday = day - timedelta(days=day.weekday())
        week_of[pk] = monday
        trend = trends.setdefault(monday, WeekTrend(monday, 0))
        trend.entries += 1
        if sentiment:
            trend.sentiment[sentiment] = trend.sentiment.get(sentiment, 0) + 1
        if crisis and crisis != "none":
            trend.crisis_flags += 1
    counts: dict[str, dict[date, Counter[str]]] = {
        "themes": defaultdict(Counter),
        "emotions": defaultdict(Counter),
    }
    for table, column, kind in (
        ("entry_themes", "theme", "themes"),
        ("entry_emotions", "label", "emotions"),
    ):
        for pk, name in raw.execute(f"SELECT entry_pk, {column} FROM {table}"):
            if pk in week_of:
                counts[kind][week_of[pk]][name] += 1
    for monday, trend in trends.items():
        trend.themes = dict(counts["themes"][monday].most_common())
        trend.emotions = dict(counts["emotions"][monday].most_common())
    ordered = [trends[k] for k in sorted(trends)]
    return ordered[-weeks:] if weeks else ordered
