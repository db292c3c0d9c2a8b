"""The demo: a realistic synthetic therapy history, so a newcomer sees every page populated.

`fill_demo(vault)` writes Nora's eight months with Elias into a new, empty vault through the
services (never the tables): the sessions, the questionnaires, the journal, mood check-ins, and
the analyser's reading of every entry. Everything is deterministic (one seed) except the dates,
which are placed from "now" so that the story always ends in the last weeks (story.py).

Extension point: each part of the demo is a step, a function of the `DemoContext`, run in the
order of `STEPS`. Goals and the ending plan (issue 6) are added as further steps in their own
module (for instance `alliance/demo/ending.py`), from `story.ENDING` and `ctx.timeline`, placed
before `read_reflections`; a step counts what it wrote in `ctx.extras`. See docs/demo.md.
"""

from __future__ import annotations

import importlib
import logging
import random
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from alliance.demo.reflections import REFLECTIONS
from alliance.demo.story import (
    CHECKINS,
    CLIENT_NAME,
    LAST_ATTENDED_WEEK,
    SEED,
    SESSIONS,
    THERAPIST_NAME,
    Timeline,
    answers_for,
    planned_measures,
    timeline_for,
)
from alliance.errors import InvalidInput

if TYPE_CHECKING:
    from alliance.services.vault import Vault

log = logging.getLogger(__name__)

# Tables that hold no person's data: the schema version, settings, SQLite's own, and the
# search index (derived from the entries).
_NOT_DATA = ("alembic_version", "settings", "sqlite_", "entries_fts")
_BEFORE_SESSION = timedelta(minutes=10)  # questionnaires are filled in in the waiting room
_AFTER_SESSION = timedelta(minutes=5)  # Session Feedback, just after the session
_AT_HOME = "20:00"  # a questionnaire in a week without a session


@dataclass
class DemoContext:
    """What the steps share: the vault, the story's calendar, and what has been written."""

    vault: Vault
    now: datetime
    timeline: Timeline
    rng: random.Random
    session_numbers: dict[int, int] = field(default_factory=dict)  # week -> session number
    attended_weeks: set[int] = field(default_factory=set)
    sessions: Counter[str] = field(default_factory=Counter)  # by status
    measures: Counter[str] = field(default_factory=Counter)  # by instrument
    entry_ids: list[str] = field(default_factory=list)
    starred: int = 0
    linked_entries: int = 0
    checkins: int = 0
    entries: int = 0  # in the vault at the end, whichever step wrote them
    read: int = 0
    notes: list[str] = field(default_factory=list)  # what was left out, and why
    extras: dict[str, int] = field(default_factory=dict)  # counts from later steps


@dataclass(frozen=True)
class DemoSummary:
    client: str
    therapist: str
    first_session: date
    last_attended_session: date
    sessions: dict[str, int]
    entries: int
    starred: int
    linked_entries: int
    measures: dict[str, int]
    checkins: int
    read: int
    alerts: tuple[str, ...]
    notes: tuple[str, ...]
    extras: dict[str, int]

    @property
    def attended(self) -> int:
        return self.sessions.get("attended", 0)


def add_sessions(ctx: DemoContext) -> None:
    from alliance.services.sessions import add_session

    for planned in SESSIONS:
        start = ctx.timeline.session_start(planned.week)
        # Entered as it would have been: just after it, or now for one still ahead.
        entered = min(ctx.timeline.session_end(planned.week), ctx.now)
        record = add_session(
            ctx.vault,
            at=start.isoformat(),
            status=planned.status,
            notes=planned.notes,
            now=ctx.now if planned.status == "scheduled" else entered,
        )
        ctx.session_numbers[planned.week] = record.number
        ctx.sessions[planned.status] += 1
        if planned.status == "attended":
            ctx.attended_weeks.add(planned.week)


def add_measures(ctx: DemoContext) -> None:
    from alliance.services.measures import take_measure

    taken: list[tuple[datetime, str, tuple[int, ...], str | None, str]] = []
    for measure in planned_measures():
        answers = answers_for(measure, ctx.rng)
        if measure.week in ctx.attended_weeks:
            moment = ctx.timeline.session_start(measure.week) - _BEFORE_SESSION
            link: str | None = str(ctx.session_numbers[measure.week])
        else:
            moment, link = ctx.timeline.at(measure.week, 0, _AT_HOME), None
        taken.append((moment, measure.instrument, answers, link, measure.note))
    for planned in SESSIONS:
        if planned.feedback is not None:
            moment = ctx.timeline.session_end(planned.week) + _AFTER_SESSION
            link = str(ctx.session_numbers[planned.week])
            taken.append((moment, "sf4", planned.feedback, link, planned.feedback_note))
    for moment, instrument, answers, link, note in sorted(taken, key=lambda t: t[0]):
        take_measure(ctx.vault, instrument, answers, session_ref=link, taken_at=moment, note=note)
        ctx.measures[instrument] += 1


def add_reflections(ctx: DemoContext) -> None:
    from alliance.services.journal import write_entry

    for reflection in sorted(REFLECTIONS, key=lambda r: (r.week, r.day, r.clock)):
        moment = ctx.timeline.at(reflection.week, reflection.day, reflection.clock)
        session = str(ctx.session_numbers[reflection.week]) if reflection.linked else None
        entry = write_entry(
            ctx.vault,
            reflection.text,
            tags=reflection.tags,
            starred=reflection.starred,
            mood=reflection.mood,
            kind=reflection.kind,
            session=session,
            at=moment.isoformat(),
            now=moment,
        )
        ctx.entry_ids.append(entry.id)
        ctx.starred += reflection.starred
        ctx.linked_entries += session is not None


def add_checkins(ctx: DemoContext) -> None:
    """Mood check-ins, when the check-in service is installed (it came after the demo)."""
    try:
        checkins = importlib.import_module("alliance.services.checkins")
    except ModuleNotFoundError as missing:
        if missing.name != "alliance.services.checkins":
            raise
        ctx.notes.append("mood check-ins left out: alliance.services.checkins is not installed")
        return
    for planned in CHECKINS:
        moment = ctx.timeline.at(planned.week, planned.day, planned.clock)
        checkins.record_checkin(
            ctx.vault, planned.quadrant, planned.feeling, note=planned.note, now=moment
        )
        ctx.checkins += 1


def read_reflections(ctx: DemoContext) -> None:
    """Have the analyser read every entry not read on save (all of them, if saving doesn't)."""
    from alliance.services.journal import list_entries
    from alliance.services.readings import reread_stale, stored_reading

    try:
        reread_stale(ctx.vault)
    except Exception as error:  # as on save, a reading is a bonus: the demo stands without it
        log.exception("the demo's entries could not be read")
        ctx.notes.append(f"entries not read: the analyser failed ({type(error).__name__}: {error})")
    # Every entry, those written by later steps (ending reflections) included.
    entries = list_entries(ctx.vault)
    ctx.entries = len(entries)
    ctx.read = sum(stored_reading(ctx.vault, entry.id) is not None for entry in entries)


def add_goals_and_ending(ctx: DemoContext) -> None:
    """Goals, feelings about ending, ending reflections and the agreed plan (ending_part.py)."""
    from alliance.demo.ending_part import ending_step

    ending_step(ctx)


Step = Callable[[DemoContext], None]
# A new part of the demo is a new step; steps that write entries go before read_reflections.
STEPS: tuple[Step, ...] = (
    add_sessions,
    add_measures,
    add_reflections,
    add_checkins,
    add_goals_and_ending,
    read_reflections,
)


def has_data(vault: Vault) -> bool:
    """Whether any table that holds a person's data has a row (whatever the schema version)."""
    raw = vault.raw()
    names = [
        name
        for (name,) in raw.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        if not name.startswith(_NOT_DATA)
    ]
    return any(raw.execute(f'SELECT 1 FROM "{name}" LIMIT 1').fetchone() for name in names)


def fill_demo(vault: Vault, *, now: datetime | None = None) -> DemoSummary:
    """Write the demo history into an empty vault; refuses (writing nothing) one with data."""
    from alliance.services.alerts import current_alerts
    from alliance.services.journal import local_now

    if has_data(vault):
        raise InvalidInput(
            f"The vault at {vault.home} already has data; `alliance demo` fills only a new, "
            "empty vault (set ALLIANCE_HOME to a new folder)."
        )
    moment = local_now(now)
    ctx = DemoContext(vault, moment, timeline_for(moment), random.Random(SEED))
    for step in STEPS:
        step(ctx)
    return DemoSummary(
        client=CLIENT_NAME,
        therapist=THERAPIST_NAME,
        first_session=ctx.timeline.day(0),
        last_attended_session=ctx.timeline.day(LAST_ATTENDED_WEEK),
        sessions=dict(ctx.sessions),
        entries=ctx.entries,
        starred=ctx.starred,
        linked_entries=ctx.linked_entries,
        measures=dict(ctx.measures),
        checkins=ctx.checkins,
        read=ctx.read,
        alerts=tuple(alert.kind for alert in current_alerts(vault, now=moment)),
        notes=tuple(ctx.notes),
        extras=dict(ctx.extras),
    )


def vault_exists(home: Path | None = None) -> bool:
    """Whether a vault is at `home` (default: ALLIANCE_HOME or the user data folder)."""
    from alliance.services.vault import has_vault

    return has_vault(home)


def build_demo_vault(home: Path, passphrase: str) -> None:
    """Create a vault at `home` (which must hold none) and fill it with the demo."""
    from alliance.services.vault import init_vault

    vault, _recovery = init_vault(passphrase, home)
    try:
        fill_demo(vault)
    finally:
        vault.close()


__all__ = [
    "STEPS",
    "DemoContext",
    "DemoSummary",
    "build_demo_vault",
    "fill_demo",
    "has_data",
    "vault_exists",
]
