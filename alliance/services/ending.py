"""The ending workspace: the plan, feelings about ending, reflections, follow-up check-ins.

Readiness (the ER-8 beside the computed indicators) is in `services.readiness`. The plan is one
row per vault, read and written whole (`PlanChanges`: None leaves a part as it is). Details:
docs/ending.md.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from alliance.domain.dates import iso_utc, parse_date
from alliance.domain.ending import (
    ENDING_TAG,
    FOLLOWUP_INSTRUMENTS,
    EndingPlan,
    FeelingWeek,
    FollowUpState,
    RelapsePlan,
    check_feeling,
    check_followup_months,
    check_plan_text,
    feelings_by_week,
    followup_dates,
    followup_state,
    followup_warning,
    parse_taper,
    plan_gaps,
    prompt_for,
)
from alliance.domain.instruments import plain_number
from alliance.errors import InvalidInput
from alliance.services.journal import local_now

if TYPE_CHECKING:
    from alliance.domain.entries import JournalEntry
    from alliance.store.vault import Vault

PROGRESS_THEME = "progress"
CRISIS_INTRO = (
    "If things get very hard, or thoughts of hurting yourself come back, you do not have to "
    "wait for a session: contact one of these free lines, your therapist or your doctor, or "
    "your local emergency number if you are in danger now."
)
MAX_SUGGESTIONS = 8
_CLEAR = frozenset({"", "none", "clear"})


@dataclass(frozen=True)
class PlanChanges:
    """What to change in the plan. None: leave as it is; a list replaces that part whole.

    Dates are typed text (`2026-06-30`, `next tuesday`); "" or "none" clears one.
    """

    last_session: str | None = None
    taper_start: str | None = None
    taper: str | None = None  # weekly:2,fortnightly:2,monthly:1 ("" clears)
    boosters: tuple[str, ...] | None = None
    followup_months: tuple[int, ...] | None = None
    warning_signs: tuple[str, ...] | None = None
    coping: tuple[str, ...] | None = None
    people: tuple[str, ...] | None = None
    if_worse: tuple[str, ...] | None = None
    come_back: str | None = None


@dataclass(frozen=True)
class Suggestion:
    """A sentence from a reflection the analyser read as `progress`: maybe coping that worked."""

    entry_id: str
    written: datetime
    sentence: str

    def as_dict(self) -> dict[str, object]:
        return {"entry_id": self.entry_id, "written": iso_utc(self.written), "text": self.sentence}


@dataclass(frozen=True)
class FollowUpRow:
    day: date
    months: int
    instrument_id: str
    state: FollowUpState
    taken: date | None = None
    score: float | None = None
    in_therapy: float | None = None  # the last score taken on or before the last session
    warning: str | None = None

    def as_dict(self) -> dict[str, object]:
        return {
            "day": self.day.isoformat(),
            "months": self.months,
            "instrument": self.instrument_id,
            "state": self.state,
            "taken": None if self.taken is None else self.taken.isoformat(),
            "score": None if self.score is None else plain_number(self.score),
            "last_in_therapy": None if self.in_therapy is None else plain_number(self.in_therapy),
            "warning": self.warning,
        }


@dataclass(frozen=True)
class FollowUps:
    last_session: date | None
    rows: tuple[FollowUpRow, ...]
    relapse: RelapsePlan | None  # shown with the warnings: only when one fired
    crisis_resources: str | None

    @property
    def warnings(self) -> list[str]:
        return [row.warning for row in self.rows if row.warning]

    def as_dict(self) -> dict[str, object]:
        return {
            "last_session": None if self.last_session is None else self.last_session.isoformat(),
            "check_ins": [row.as_dict() for row in self.rows],
            "warnings": self.warnings,
            "relapse_plan": None if self.relapse is None else self.relapse.as_dict(),
            "crisis_resources": self.crisis_resources,
        }


def plan_as_dict(plan: EndingPlan) -> dict[str, object]:
    final = plan.final_session
    return {
        "last_session": None if plan.last_session is None else plan.last_session.isoformat(),
        "final_session": None if final is None else final.isoformat(),
        "taper_start": None if plan.taper_start is None else plan.taper_start.isoformat(),
        "taper": [step.as_text() for step in plan.taper],
        "proposed_sessions": [
            {"day": s.day.isoformat(), "cadence": s.cadence, "number": s.number}
            for s in plan.proposed_sessions
        ],
        "boosters": [day.isoformat() for day in plan.boosters],
        "followup_months": list(plan.followup_months),
        "relapse_plan": plan.relapse.as_dict(),
        "gaps": plan_gaps(plan),
        "updated": None if plan.updated is None else iso_utc(plan.updated),
    }


def crisis_lines() -> list[dict[str, str]]:
    """The crisis lines from `alliance.safety` (name, contact, region, note, url)."""
    import importlib

    try:
        safety = importlib.import_module("alliance.safety")
    except ModuleNotFoundError as missing:
        if missing.name != "alliance.safety":
            raise
        return []
    return [dict(resource.as_dict()) for resource in safety.CRISIS_RESOURCES]


def crisis_text() -> str:
    """CRISIS_INTRO and the lines, as plain text (the relapse plan's "if things get worse")."""
    from alliance.services.alerts import FALLBACK_CRISIS_TEXT

    lines = crisis_lines()
    if not lines:
        return FALLBACK_CRISIS_TEXT
    listed = [f"- {r['name']} ({r['region']}): {r['contact']}. {r['note']}".rstrip() for r in lines]
    return "\n".join([CRISIS_INTRO, *listed])


def get_plan(vault: Vault) -> EndingPlan:
    """The ending plan; an empty one (default follow-ups) when nothing is written yet."""
    from alliance.store.goals_repo import plan_from_row, plan_row

    with vault.transaction() as db:
        row = plan_row(db)
        return EndingPlan() if row is None else plan_from_row(row)


def update_plan(vault: Vault, changes: PlanChanges, *, now: datetime | None = None) -> EndingPlan:
    """Apply the changes (all checked first) and return the plan as stored."""
    from alliance.store.goals_repo import new_plan_row, plan_from_row, plan_row, write_plan

    here = local_now(now)
    with vault.transaction() as db:
        row = plan_row(db)
        plan = _changed(EndingPlan() if row is None else plan_from_row(row), changes, here)
        if row is None:
            row = new_plan_row(here)
            db.add(row)
        write_plan(row, plan, here)
        db.flush()
        return plan_from_row(row)


def record_feeling(
    vault: Vault,
    value: int,
    *,
    note: str = "",
    private: bool = False,
    now: datetime | None = None,
) -> datetime:
    """Store a 0-10 answer to "how do I feel about ending?"; returns when it was stored."""
    from alliance.store.tables import EndingFeelingRow

    check_feeling(value)
    check_plan_text([note], "A note")
    here = local_now(now)
    with vault.transaction() as db:
        db.add(
            EndingFeelingRow(
                id=str(uuid.uuid4()),
                rated_at=here,
                tz=str(here.tzinfo),
                value=value,
                note=note.strip(),
                private=private,
            )
        )
    return here.astimezone(UTC)


def feeling_ratings(vault: Vault) -> list[tuple[datetime, int, str, bool]]:
    """(when, 0-10, note, private) of every rating, oldest first."""
    from alliance.store.goals_repo import feelings

    with vault.transaction() as db:
        return [(r.rated_at.astimezone(UTC), r.value, r.note, r.private) for r in feelings(db)]


def feelings_over_time(vault: Vault) -> list[FeelingWeek]:
    """Per week: entries carrying ending_fear and ending_ready, and the 0-10 ratings."""
    from alliance.services.readings import weekly_trends

    weeks = [
        (
            week.week_start,
            week.entries,
            week.themes.get("ending_fear", 0),
            week.themes.get("ending_ready", 0),
        )
        for week in weekly_trends(vault)
    ]
    ratings = [(moment.date(), value) for moment, value, _, _ in feeling_ratings(vault)]
    return feelings_by_week(weeks, ratings)


def coping_suggestions(vault: Vault, *, limit: int = MAX_SUGGESTIONS) -> list[Suggestion]:
    """Sentences from reflections read as `progress` (newest first), not yet in the plan."""
    from alliance.store.goals_repo import theme_evidence

    in_plan = {_norm(text) for text in get_plan(vault).relapse.coping}
    seen: set[str] = set()
    found: list[Suggestion] = []
    with vault.transaction() as db:
        for entry_id, written, sentence in theme_evidence(db, PROGRESS_THEME):
            key = _norm(sentence)
            if key in seen or key in in_plan:
                continue
            seen.add(key)
            found.append(Suggestion(entry_id, written.astimezone(UTC), sentence))
            if len(found) >= limit:
                break
    return found


def write_reflection(
    vault: Vault, prompt_id: str, text: str, *, now: datetime | None = None
) -> JournalEntry:
    """Save an answer to an ending prompt as a journal reflection tagged #ending."""
    from alliance.services.journal import write_entry

    prompt = prompt_for(prompt_id)
    if not text.strip():
        raise InvalidInput("Write something first; nothing was saved.")
    return write_entry(
        vault, text, title=prompt.title, tags=(ENDING_TAG,), kind="reflection", now=now
    )


def ending_reflections(vault: Vault) -> list[JournalEntry]:
    """Entries tagged #ending, newest first."""
    from alliance.services.journal import entry_filter, list_entries

    return list_entries(vault, entry_filter(tags=(ENDING_TAG,)))


def follow_ups(vault: Vault, *, today: date | None = None) -> FollowUps:
    """The check-ins after the last session, each with its state, score and any warning."""
    from alliance.services.measures import history

    plan = get_plan(vault)
    last = plan.final_session
    if last is None:
        return FollowUps(None, (), None, None)
    day = today or local_now().date()
    records = {record.instrument_id: record for record in history(vault)}
    rows: list[FollowUpRow] = []
    for check_in in followup_dates(last, plan.followup_months, FOLLOWUP_INSTRUMENTS):
        record = records.get(check_in.instrument_id)
        scored = [] if record is None else [r.response for r in record.active]
        taken = [r.taken_at.date() for r in scored]
        state, counted = followup_state(check_in, last, taken, day)
        before = [r.total for r in scored if r.taken_at.date() <= last and r.total is not None]
        in_therapy = before[-1] if before else None
        score = next((r.total for r in scored if r.taken_at.date() == counted), None)
        warning = None
        instrument = None if record is None else record.instrument
        if instrument is not None and score is not None and in_therapy is not None:
            warning = followup_warning(instrument, in_therapy, score)
        rows.append(
            FollowUpRow(
                check_in.day,
                check_in.months,
                check_in.instrument_id,
                state,
                counted,
                score,
                in_therapy,
                warning,
            )
        )
    warned = any(row.warning for row in rows)
    return FollowUps(
        last,
        tuple(rows),
        plan.relapse if warned else None,
        crisis_text() if warned else None,
    )


def due_follow_ups(vault: Vault, *, today: date | None = None) -> list[FollowUpRow]:
    """The follow-up check-ins open now (after the last session, inside their window, not yet
    taken): what `alliance measures due` lists beside the schedules."""
    return [row for row in follow_ups(vault, today=today).rows if row.state == "due"]


def _changed(plan: EndingPlan, changes: PlanChanges, here: datetime) -> EndingPlan:
    old = plan.relapse
    relapse = RelapsePlan(
        warning_signs=_section(changes.warning_signs, old.warning_signs, "Warning signs"),
        coping=_section(changes.coping, old.coping, "Coping"),
        people=_section(changes.people, old.people, "People"),
        if_worse=_section(changes.if_worse, old.if_worse, "If things get worse"),
        come_back=old.come_back,
    )
    if changes.come_back is not None:
        come_back = check_plan_text([changes.come_back], "How to come back")
        relapse = replace(relapse, come_back=come_back[0] if come_back else "")
    updated = replace(plan, relapse=relapse)
    if changes.last_session is not None:
        updated = replace(updated, last_session=_day_or_none(changes.last_session, here))
    if changes.taper_start is not None:
        updated = replace(updated, taper_start=_day_or_none(changes.taper_start, here))
    if changes.taper is not None:
        steps = () if changes.taper.strip().lower() in _CLEAR else parse_taper(changes.taper)
        updated = replace(updated, taper=steps)
    if changes.boosters is not None:
        days = sorted({_day(text, here) for text in changes.boosters if text.strip()})
        updated = replace(updated, boosters=tuple(days))
    if changes.followup_months is not None:
        updated = replace(updated, followup_months=check_followup_months(changes.followup_months))
    if updated.taper and updated.taper_start is None:
        raise InvalidInput("A taper needs the day of its first session (--taper-start).")
    return updated


def _section(given: tuple[str, ...] | None, old: tuple[str, ...], what: str) -> tuple[str, ...]:
    return old if given is None else check_plan_text(given, what)


def _day(text: str, here: datetime) -> date:
    return parse_date(text, here).moment.date()


def _day_or_none(text: str, here: datetime) -> date | None:
    return None if text.strip().lower() in _CLEAR else _day(text, here)


def _norm(text: str) -> str:
    return " ".join(text.lower().split()).rstrip(".!")
