"""Queries on goals, their ratings and links, the ending plan and feelings about ending.

Services own the transactions; every function takes an open SQLAlchemy `Session`. Goal ids are
found by unique prefix with a range on the unique `id` index, as entries are.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from alliance.domain.ending import EndingPlan, RelapsePlan, parse_taper
from alliance.errors import InvalidInput, NotFound
from alliance.store.evidence import evidence_texts
from alliance.store.tables import (
    EndingFeelingRow,
    EndingPlanRow,
    Entry,
    EntryReading,
    EntryTheme,
    GoalEntryLink,
    GoalRatingRow,
    GoalRow,
    GoalSessionLink,
    MeasureResponse,
    TherapySession,
)

MIN_ID_PREFIX = 4
PLAN_PK = 1
_HEX_ID = frozenset("0123456789abcdef-")


def find_goal(session: Session, prefix: str) -> GoalRow:
    """The one goal whose id starts with `prefix` (at least 4 characters)."""
    cleaned = prefix.strip().lower()
    if len(cleaned) < MIN_ID_PREFIX or not set(cleaned) <= _HEX_ID or len(cleaned) > 36:
        raise InvalidInput(
            f"{prefix!r} is not a goal id: give at least {MIN_ID_PREFIX} characters of it."
        )
    query = select(GoalRow).where(GoalRow.id >= cleaned, GoalRow.id < cleaned + "~").limit(2)
    rows = list(session.scalars(query))
    if len(rows) > 1:
        raise InvalidInput(f"More than one goal starts with {cleaned!r}; give more of the id.")
    if not rows:
        raise NotFound(f"No goal {cleaned!r} (`alliance goals list` shows them).")
    return rows[0]


def all_goals(session: Session) -> list[GoalRow]:
    return list(session.scalars(select(GoalRow).order_by(GoalRow.created_at, GoalRow.pk)))


def ratings(session: Session, goal_pk: int | None = None) -> list[tuple[GoalRatingRow, str]]:
    """(rating, goal id) pairs, oldest first."""
    query = (
        select(GoalRatingRow, GoalRow.id)
        .join(GoalRow, GoalRow.pk == GoalRatingRow.goal_pk)
        .order_by(GoalRatingRow.rated_at, GoalRatingRow.pk)
    )
    if goal_pk is not None:
        query = query.where(GoalRatingRow.goal_pk == goal_pk)
    return [(row[0], row[1]) for row in session.execute(query)]


def linked_entries(session: Session, goal_pk: int) -> list[Entry]:
    query = (
        select(Entry)
        .join(GoalEntryLink, GoalEntryLink.entry_pk == Entry.pk)
        .where(GoalEntryLink.goal_pk == goal_pk, Entry.deleted_at.is_(None))
        .order_by(Entry.created_at)
    )
    return list(session.scalars(query))


def linked_sessions(session: Session, goal_pk: int) -> list[TherapySession]:
    query = (
        select(TherapySession)
        .join(GoalSessionLink, GoalSessionLink.session_pk == TherapySession.pk)
        .where(GoalSessionLink.goal_pk == goal_pk)
        .order_by(TherapySession.starts_at)
    )
    return list(session.scalars(query))


def link_counts(session: Session) -> dict[int, tuple[int, int]]:
    """goal pk -> (linked live entries, linked sessions)."""
    counts: dict[int, list[int]] = {}
    entries = (
        select(GoalEntryLink.goal_pk)
        .join(Entry, Entry.pk == GoalEntryLink.entry_pk)
        .where(Entry.deleted_at.is_(None))
    )
    for (goal_pk,) in session.execute(entries):
        counts.setdefault(goal_pk, [0, 0])[0] += 1
    for (goal_pk,) in session.execute(select(GoalSessionLink.goal_pk)):
        counts.setdefault(goal_pk, [0, 0])[1] += 1
    return {pk: (pair[0], pair[1]) for pk, pair in counts.items()}


def add_entry_link(session: Session, goal_pk: int, entry_pk: int) -> bool:
    """Link an entry; False when it was linked already."""
    if session.get(GoalEntryLink, (goal_pk, entry_pk)) is not None:
        return False
    session.add(GoalEntryLink(goal_pk=goal_pk, entry_pk=entry_pk))
    return True


def add_session_link(session: Session, goal_pk: int, session_pk: int) -> bool:
    if session.get(GoalSessionLink, (goal_pk, session_pk)) is not None:
        return False
    session.add(GoalSessionLink(goal_pk=goal_pk, session_pk=session_pk))
    return True


def plan_row(session: Session) -> EndingPlanRow | None:
    return session.get(EndingPlanRow, PLAN_PK)


def new_plan_row(now: datetime) -> EndingPlanRow:
    return EndingPlanRow(
        pk=PLAN_PK,
        taper_json="[]",
        boosters_json="[]",
        followup_months_json="[1, 3]",
        warning_signs_json="[]",
        coping_json="[]",
        people_json="[]",
        if_worse_json="[]",
        come_back="",
        updated_at=now,
    )


def feelings(session: Session) -> list[EndingFeelingRow]:
    query = select(EndingFeelingRow).order_by(EndingFeelingRow.rated_at, EndingFeelingRow.pk)
    return list(session.scalars(query))


def crisis_levels(session: Session) -> list[tuple[datetime, str]]:
    """(written, crisis level) of every live entry that has been read."""
    query = (
        select(Entry.created_at, EntryReading.crisis_level)
        .join(EntryReading, EntryReading.entry_pk == Entry.pk)
        .where(Entry.deleted_at.is_(None))
        .order_by(Entry.created_at)
    )
    return [(row[0], row[1]) for row in session.execute(query)]


def safety_flagged_times(session: Session) -> list[datetime]:
    """When each questionnaire (not voided) that raised a safety flag was taken."""
    query = select(MeasureResponse.taken_at, MeasureResponse.flags_json).where(
        MeasureResponse.voided_at.is_(None)
    )
    return [taken for taken, flags in session.execute(query) if "safety" in json.loads(flags)]


def theme_evidence(session: Session, theme: str) -> Iterator[tuple[str, datetime, str]]:
    """(entry id, written, sentence) for the text the analyser tagged with `theme`, newest
    entries first, in live entries."""
    query = (
        select(Entry.id, Entry.created_at, EntryReading.reading_json)
        .join(EntryTheme, EntryTheme.entry_pk == Entry.pk)
        .join(EntryReading, EntryReading.entry_pk == Entry.pk)
        .where(EntryTheme.theme == theme, Entry.deleted_at.is_(None))
        .order_by(Entry.created_at.desc())
    )
    for entry_id, created, reading_json in session.execute(query):
        for text in evidence_texts(reading_json, theme):
            yield entry_id, created, text


def plan_from_row(row: EndingPlanRow) -> EndingPlan:
    """The stored plan as the domain's `EndingPlan` (lists are JSON text, days ISO)."""
    steps = tuple(parse_taper(",".join(json.loads(row.taper_json))))
    return EndingPlan(
        last_session=iso_day(row.last_session),
        taper_start=iso_day(row.taper_start),
        taper=steps,
        boosters=tuple(date.fromisoformat(d) for d in json.loads(row.boosters_json)),
        followup_months=tuple(int(m) for m in json.loads(row.followup_months_json)),
        relapse=RelapsePlan(
            warning_signs=tuple(json.loads(row.warning_signs_json)),
            coping=tuple(json.loads(row.coping_json)),
            people=tuple(json.loads(row.people_json)),
            if_worse=tuple(json.loads(row.if_worse_json)),
            come_back=row.come_back,
        ),
        updated=row.updated_at.astimezone(UTC),
    )


def write_plan(row: EndingPlanRow, plan: EndingPlan, here: datetime) -> None:
    row.last_session = None if plan.last_session is None else plan.last_session.isoformat()
    row.taper_start = None if plan.taper_start is None else plan.taper_start.isoformat()
    row.taper_json = json.dumps([step.as_text() for step in plan.taper])
    row.boosters_json = json.dumps([day.isoformat() for day in plan.boosters])
    row.followup_months_json = json.dumps(list(plan.followup_months))
    relapse = plan.relapse
    row.warning_signs_json = json.dumps(list(relapse.warning_signs))
    row.coping_json = json.dumps(list(relapse.coping))
    row.people_json = json.dumps(list(relapse.people))
    row.if_worse_json = json.dumps(list(relapse.if_worse))
    row.come_back = relapse.come_back
    row.updated_at = here


def iso_day(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)
