"""The planned ending: last session, taper, boosters, relapse plan, reflections, follow-ups,
and the ER-8 review (items answered "not yet" are what is left to do, each with a suggestion;
the indicators beside it are in `domain.readiness`).

Good endings are planned as a process (Davis 2008; Norcross et al. 2017; APA 10.10): a clear
last session with lead time, a review of progress, a relapse-prevention plan (warning signs,
coping, people, what to do if things get worse, how to come back), and check-ins afterwards.

Dates:
- a taper is a list of steps, each `count` sessions at a cadence: weekly (7 days), fortnightly
  (14) or monthly (28: every four weeks, so that sessions keep their weekday, as practices book
  them). The first proposed session is on the start day; each later one sits one cadence of its
  own step after the one before. The last proposed date is the proposed last session when none
  has been agreed.
- follow-up check-ins: PHQ-9 and GAD-7 at 1 and 3 calendar months after the last session by
  default (the day clamped to a shorter month's end: 31 Jan + 1 month = 28/29 Feb). A
  response counts for a check-in when taken from 7 days before its date to 30 days after it
  (and after the last session); a reliably worse score than the last one taken in
  therapy gets a gentle warning with the relapse plan (`followup_warning`).
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Literal

from alliance.domain.change import reliable_change_for
from alliance.domain.instruments import Instrument, plain_number
from alliance.errors import InvalidInput

Cadence = Literal["weekly", "fortnightly", "monthly"]
CADENCES: tuple[Cadence, ...] = ("weekly", "fortnightly", "monthly")
CADENCE_DAYS: dict[Cadence, int] = {"weekly": 7, "fortnightly": 14, "monthly": 28}
MAX_TAPER_SESSIONS = 52
FOLLOWUP_MONTHS = (1, 3)
FOLLOWUP_INSTRUMENTS = ("phq9", "gad7")
FOLLOWUP_EARLY_DAYS = 7
FOLLOWUP_LATE_DAYS = 30
MAX_PLAN_ITEMS = 30
MAX_PLAN_TEXT = 2_000
FEELING_RANGE = range(0, 11)
FEELING_QUESTION = "How do I feel about ending? (0 = dreading it, 10 = at peace with it)"

FollowUpState = Literal["upcoming", "due", "done", "not_taken"]


@dataclass(frozen=True)
class TaperStep:
    cadence: Cadence
    count: int

    def as_text(self) -> str:
        return f"{self.cadence}:{self.count}"


@dataclass(frozen=True)
class ProposedSession:
    day: date
    cadence: Cadence
    number: int  # 1-based, in the taper


@dataclass(frozen=True)
class RelapsePlan:
    warning_signs: tuple[str, ...] = ()
    coping: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    if_worse: tuple[str, ...] = ()
    come_back: str = ""

    def as_dict(self) -> dict[str, object]:
        return {
            "warning_signs": list(self.warning_signs),
            "coping": list(self.coping),
            "people": list(self.people),
            "if_worse": list(self.if_worse),
            "come_back": self.come_back,
        }


RELAPSE_SECTIONS = {
    "warning_signs": "My early warning signs",
    "coping": "Coping that worked for me",
    "people": "People I can contact",
    "if_worse": "What I will do if things get worse",
    "come_back": "How to come back to therapy",
}


@dataclass(frozen=True)
class EndingPlan:
    last_session: date | None = None  # agreed together
    taper_start: date | None = None
    taper: tuple[TaperStep, ...] = ()
    boosters: tuple[date, ...] = ()
    followup_months: tuple[int, ...] = FOLLOWUP_MONTHS
    relapse: RelapsePlan = field(default_factory=RelapsePlan)
    updated: datetime | None = None

    @property
    def proposed_sessions(self) -> list[ProposedSession]:
        if self.taper_start is None or not self.taper:
            return []
        return taper_dates(self.taper_start, self.taper)

    @property
    def final_session(self) -> date | None:
        """The agreed last session, else the last date the taper proposes."""
        if self.last_session is not None:
            return self.last_session
        proposed = self.proposed_sessions
        return proposed[-1].day if proposed else None


@dataclass(frozen=True)
class FollowUp:
    day: date
    months: int
    instrument_id: str


@dataclass(frozen=True)
class Prompt:
    id: str
    title: str
    question: str


REFLECTION_PROMPTS = (
    Prompt("changed", "What changed", "What has changed for you since therapy began?"),
    Prompt("take-with-me", "What I take with me", "What will you take with you from therapy?"),
    Prompt(
        "tell-therapist",
        "What I want to tell my therapist",
        "What do you want to tell your therapist before you finish?",
    ),
    Prompt(
        "future-letter",
        "A letter to my future self",
        "Write a letter to yourself, to read if things get hard again.",
    ),
)
ENDING_TAG = "#ending"


def prompt_for(prompt_id: str) -> Prompt:
    for prompt in REFLECTION_PROMPTS:
        if prompt.id == prompt_id:
            return prompt
    names = ", ".join(p.id for p in REFLECTION_PROMPTS)
    raise InvalidInput(f"No reflection prompt {prompt_id!r}: choose one of {names}.")


def add_months(day: date, months: int) -> date:
    """The same day `months` calendar months later, clamped to the end of a shorter month."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def parse_taper(text: str) -> tuple[TaperStep, ...]:
    """`weekly:2,fortnightly:2,monthly:1` (a bare cadence means one session)."""
    steps: list[TaperStep] = []
    for part in (p.strip() for p in text.split(",")):
        if not part:
            continue
        name, _, count_text = part.partition(":")
        cadence = name.strip().lower()
        if cadence not in CADENCES:
            raise InvalidInput(
                f"{name.strip()!r} is not a taper cadence: use weekly, fortnightly or monthly."
            )
        try:
            count = int(count_text) if count_text.strip() else 1
        except ValueError:
            raise InvalidInput(
                f"{part!r}: give a whole number of sessions, e.g. weekly:2."
            ) from None
        steps.append(TaperStep(_cadence(cadence), count))
    return check_taper(steps)


def check_taper(steps: Sequence[TaperStep]) -> tuple[TaperStep, ...]:
    if any(step.count < 1 for step in steps):
        raise InvalidInput("Each taper step needs at least one session.")
    if sum(step.count for step in steps) > MAX_TAPER_SESSIONS:
        raise InvalidInput(f"A taper has at most {MAX_TAPER_SESSIONS} sessions.")
    return tuple(steps)


def taper_dates(start: date, steps: Sequence[TaperStep]) -> list[ProposedSession]:
    """The proposed sessions of a taper that begins on `start` (see the module docstring)."""
    sessions: list[ProposedSession] = []
    day = start
    for step in check_taper(steps):
        for _ in range(step.count):
            if sessions:
                day += timedelta(days=CADENCE_DAYS[step.cadence])
            sessions.append(ProposedSession(day, step.cadence, len(sessions) + 1))
    return sessions


def check_followup_months(months: Sequence[int]) -> tuple[int, ...]:
    cleaned = tuple(sorted(set(months)))
    if any(m < 1 or m > 24 for m in cleaned):
        raise InvalidInput("Follow-up check-ins are 1 to 24 months after the last session.")
    return cleaned


def followup_dates(
    last_session: date,
    months: Sequence[int] = FOLLOWUP_MONTHS,
    instruments: Sequence[str] = FOLLOWUP_INSTRUMENTS,
) -> list[FollowUp]:
    """One check-in per instrument at each of `months` calendar months after the last session."""
    return [
        FollowUp(add_months(last_session, m), m, instrument_id)
        for m in check_followup_months(months)
        for instrument_id in instruments
    ]


def followup_window(followup: FollowUp) -> tuple[date, date]:
    """The days (inclusive) on which a response counts for this check-in."""
    return (
        followup.day - timedelta(days=FOLLOWUP_EARLY_DAYS),
        followup.day + timedelta(days=FOLLOWUP_LATE_DAYS),
    )


def followup_state(
    followup: FollowUp, last_session: date, taken: Sequence[date], today: date
) -> tuple[FollowUpState, date | None]:
    """Where a check-in stands, and the day of the response that counts for it (if any)."""
    first, last = followup_window(followup)
    first = max(first, last_session + timedelta(days=1))
    counted = sorted(day for day in taken if first <= day <= last)
    if counted:
        return "done", counted[0]
    if today < first:
        return "upcoming", None
    return ("due", None) if today <= last else ("not_taken", None)


def followup_warning(instrument: Instrument, in_therapy: float, followup: float) -> str | None:
    """A gentle warning when a follow-up score is reliably worse than the last in therapy."""
    change = reliable_change_for(instrument, in_therapy, followup)
    if not (change.reliable and change.direction == "deterioration"):
        return None
    return (
        f"Your {instrument.short_name} score ({plain_number(followup)}) is higher than at the end "
        f"of therapy ({plain_number(in_therapy)}) by more than ordinary ups and downs explain. "
        "Setbacks after therapy are common and do not undo what you did. This may be a good "
        "time to look at your relapse plan, and to get in touch if you need to."
    )


def check_plan_text(items: Sequence[str], what: str) -> tuple[str, ...]:
    cleaned = tuple(text.strip() for text in items if text.strip())
    if len(cleaned) > MAX_PLAN_ITEMS:
        raise InvalidInput(f"{what}: at most {MAX_PLAN_ITEMS} items.")
    if any(len(text) > MAX_PLAN_TEXT for text in cleaned):
        raise InvalidInput(f"{what}: each item is at most {MAX_PLAN_TEXT:,} characters.")
    return cleaned


def check_feeling(value: int) -> int:
    if value not in FEELING_RANGE:
        raise InvalidInput(f"Rate how you feel about ending from 0 to 10, not {value}.")
    return value


def plan_gaps(plan: EndingPlan) -> list[str]:
    """What the plan does not say yet, in plain words (an empty list: nothing missing)."""
    gaps: list[str] = []
    if plan.final_session is None:
        gaps.append("a last session (agreed, or proposed by a taper)")
    relapse = plan.relapse
    for key, label in RELAPSE_SECTIONS.items():
        if not getattr(relapse, key):
            gaps.append(label.lower())
    return gaps


@dataclass(frozen=True)
class FeelingWeek:
    """One week: how many entries carried each ending theme, and the 0-10 ratings given."""

    week_start: date
    entries: int
    ending_fear: int
    ending_ready: int
    ratings: tuple[int, ...]

    @property
    def rating_mean(self) -> float | None:
        return sum(self.ratings) / len(self.ratings) if self.ratings else None

    def as_dict(self) -> dict[str, object]:
        mean = self.rating_mean
        return {
            "week_start": self.week_start.isoformat(),
            "entries": self.entries,
            "ending_fear": self.ending_fear,
            "ending_ready": self.ending_ready,
            "ratings": list(self.ratings),
            "rating_mean": None if mean is None else round(mean, 2),
        }


def feelings_by_week(
    theme_weeks: Sequence[tuple[date, int, int, int]], ratings: Sequence[tuple[date, int]]
) -> list[FeelingWeek]:
    """Merge weekly theme counts (monday, entries, fear, ready) with dated 0-10 ratings."""
    weeks: dict[date, tuple[int, int, int]] = {m: (n, f, r) for m, n, f, r in theme_weeks}
    rated: dict[date, list[int]] = {}
    for day, value in sorted(ratings):
        rated.setdefault(day - timedelta(days=day.weekday()), []).append(value)
    return [
        FeelingWeek(monday, *weeks.get(monday, (0, 0, 0)), tuple(rated.get(monday, ())))
        for monday in sorted(set(weeks) | set(rated))
    ]


def _cadence(name: str) -> Cadence:
    for cadence in CADENCES:
        if cadence == name:
            return cadence
    raise InvalidInput(f"{name!r} is not a taper cadence.")


@dataclass(frozen=True)
class Er8Item:
    id: str
    text: str
    answer: int | None
    answer_label: str
    suggestion: str

    @property
    def to_do(self) -> bool:
        return self.answer == 0

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "text": self.text,
            "answer": self.answer,
            "answer_label": self.answer_label,
            "to_do": self.to_do,
            "suggestion": self.suggestion if self.to_do else None,
        }


@dataclass(frozen=True)
class Er8Review:
    taken_at: datetime
    total: float | None
    items: tuple[Er8Item, ...]

    @property
    def to_do(self) -> tuple[Er8Item, ...]:
        return tuple(item for item in self.items if item.to_do)


def er8_review(
    instrument: Instrument, answers: dict[str, int | None], taken_at: datetime, total: float | None
) -> Er8Review:
    """Each ER-8 item with its answer; those answered "not yet" carry their suggestion."""
    items = []
    for item in instrument.items:
        answer = answers.get(item.id)
        label = "skipped" if answer is None else item.label_for(answer)
        items.append(Er8Item(item.id, item.text, answer, label, item.suggestion))
    return Er8Review(taken_at, total, tuple(items))
