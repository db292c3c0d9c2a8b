"""The plan of the demo therapy: who, which sessions in which week, which phase, which measures.

Everything is placed in weeks after the intake (week 0, the first session). Week 0 is chosen from
"now" so that the last attended session (week 34, about eight months after the intake) fell
4 to 10 days ago: the demo always looks current, with the planned ending still ahead. Pure data
and pure functions: nothing here reads a clock or touches a vault.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo

SEED = 5  # the demo is the same every time (its dates apart): one seed for every random choice

CLIENT_NAME = "Nora Lind"
THERAPIST_NAME = "Elias Brandt"

SESSION_WEEKDAY = 1  # Tuesday
SESSION_TIME = time(17, 30)
SESSION_MINUTES = 50
LAST_ATTENDED_WEEK = 34
# The last attended session lies at least this many days before today, so the reflections
# written in the days after it are in the past too.
MIN_DAYS_SINCE_LAST_SESSION = 4


@dataclass(frozen=True)
class Phase:
    id: str
    label: str
    first_week: int
    last_week: int


PHASES: tuple[Phase, ...] = (
    Phase("beginning", "Getting started: anxiety, and building trust", 0, 3),
    Phase("opening_up", "Opening up for the first time", 4, 6),
    Phase("progress", "First changes: saying no, sleeping better", 7, 12),
    Phase("rupture", "A rupture: feeling judged and brushed off", 13, 13),
    Phase("repair", "Repair: talking it through, feeling valued", 14, 18),
    Phase("holiday", "The therapist's holiday: leaning on him between sessions", 19, 21),
    Phase("stuck", "A stuck patch: going round in circles", 22, 24),
    Phase("consolidating", "Consolidating: doing things differently", 25, 26),
    Phase("ending_raised", "The ending is raised: fear, then readiness", 27, 29),
    Phase("ending_planned", "Planning the ending together: tapering", 30, 44),
)


def phase_of(week: int) -> Phase:
    for phase in PHASES:
        if phase.first_week <= week <= phase.last_week:
            return phase
    raise ValueError(f"no phase holds week {week}")


SessionFeedback = tuple[int, int, int, int]  # SF-4: connection, focus, approach, overall


@dataclass(frozen=True)
class PlannedSession:
    """A therapy session. Feedback is the SF-4 filled in at its end (None: not filled in)."""

    week: int
    status: str = "attended"  # attended, cancelled, missed, scheduled
    notes: str = ""
    feedback: SessionFeedback | None = None
    feedback_note: str = ""


def _weekly(weeks: range, skip: set[int]) -> list[int]:
    return [week for week in weeks if week not in skip]


_NOTES = {
    0: "First session. Sleep, the 3 a.m. panic, mum since the stroke, work.",
    2: "Mum, the rehab rota with Ines.",
    4: "Told him about the night last winter. Cried a lot.",
    6: "The map of my 'shoulds'.",
    7: "Cancelled: flu.",
    9: "Saying no at work.",
    11: "Cancelled: away at the lake with Sam.",
    13: "Sunday, and mum. Ended before I was ready.",
    14: "Talked through last week. Repair.",
    17: "His holiday coming up: two weeks.",
    18: "Guilt about leaving the care home early.",
    22: "Missed: stuck at work with the stock delivery, forgot to call.",
    23: "Told him I feel stuck.",
    27: "He raised thinking about an ending.",
    28: "The ending: deciding it together, at my pace.",
    30: "Planned the taper: fortnightly, then monthly.",
    32: "First fortnightly session. Early warning signs.",
    34: "How the ending feels. What I do if things slip. Monthly from now.",
    36: "Fortnightly.",
    40: "Monthly check-in.",
    44: "Agreed last session.",
}

_FEEDBACK: dict[int, SessionFeedback] = {
    0: (8, 7, 8, 8), 1: (8, 8, 8, 8), 2: (9, 8, 8, 9), 3: (9, 8, 9, 9), 4: (10, 9, 9, 10),
    6: (9, 9, 9, 9), 8: (9, 9, 8, 9), 10: (10, 9, 9, 9), 12: (9, 9, 9, 9),
    13: (4, 6, 5, 5),  # the rupture: every item below 7, and 16 below the session before
    14: (9, 8, 8, 9), 15: (10, 9, 9, 10), 16: (9, 9, 9, 9), 17: (10, 9, 9, 10),
    18: (10, 9, 10, 10), 21: (8, 7, 8, 8), 23: (8, 7, 7, 7), 24: (8, 8, 7, 8),
    26: (9, 9, 9, 9), 27: (9, 8, 8, 9), 28: (9, 9, 9, 9), 29: (10, 9, 9, 10),
    30: (10, 10, 9, 10), 32: (10, 9, 10, 10), 34: (10, 10, 10, 10),
}  # fmt: skip
# Attended sessions without feedback (5, 9, 25): people do not fill in every form.

_FEEDBACK_NOTES = {
    13: "fine.",
    14: "Thank you for hearing me about last week.",
    23: "Not sure we're getting anywhere at the moment.",
    34: "Thank you.",
}

_CANCELLED = {7, 11}
_MISSED = {22}
_HOLIDAY = {19, 20}  # the therapist's summer holiday: no session is booked
_FUTURE_WEEKS = (36, 40, 44)  # the taper: fortnightly once more, then monthly


def _status(week: int) -> str:
    if week in _CANCELLED:
        return "cancelled"
    if week in _MISSED:
        return "missed"
    return "attended"


SESSIONS: tuple[PlannedSession, ...] = (
    *(
        PlannedSession(
            week,
            _status(week),
            _NOTES.get(week, ""),
            _FEEDBACK.get(week),
            _FEEDBACK_NOTES.get(week, ""),
        )
        for week in _weekly(range(0, 31), _HOLIDAY)
    ),
    PlannedSession(32, "attended", _NOTES[32], _FEEDBACK[32]),
    PlannedSession(34, "attended", _NOTES[34], _FEEDBACK[34], _FEEDBACK_NOTES[34]),
    *(PlannedSession(week, "scheduled", _NOTES[week]) for week in _FUTURE_WEEKS),
)


@dataclass(frozen=True)
class PlannedMeasure:
    """A questionnaire. Either `answers` in full, or a `total` spread over the items by the
    seeded generator (with `fixed` answers by item position). Taken just before that week's
    session and linked to it when one was attended; else at home that evening."""

    week: int
    instrument: str
    total: int | None = None
    answers: tuple[int, ...] | None = None
    fixed: dict[int, int] = field(default_factory=dict)
    note: str = ""


# PHQ-9 every two weeks: 17 at intake (moderately severe), better by week 12, a bad patch
# after the rupture (week 14: 15, and "several days" on item 9, the one time it is not 0), a
# flat stretch while stuck, then steady improvement to 5.
PHQ9_BY_WEEK: dict[int, int] = {
    0: 17, 2: 16, 4: 16, 6: 14, 8: 13, 10: 12, 12: 10, 14: 15, 16: 13, 18: 11,
    20: 11, 22: 11, 24: 10, 26: 8, 28: 7, 30: 7, 32: 6, 34: 5,
}  # fmt: skip
PHQ9_SAFETY_WEEK = 14  # item 9 answered 1 ("several days"): the safety alert in history
GAD7_BY_WEEK: dict[int, int] = {0: 15, 4: 14, 8: 12, 12: 10, 16: 12, 20: 10, 24: 9, 28: 7, 34: 5}
WHO5_RAW_BY_WEEK: dict[int, int] = {0: 7, 10: 11, 16: 9, 24: 13, 34: 17}  # x4 = percentage
ER8_BY_WEEK: dict[int, tuple[int, ...]] = {
    # goals, stable, signs, coping, people, feelings, plan, return (0 not yet, 1 partly, 2 yes)
    30: (1, 1, 1, 1, 2, 1, 0, 1),
    34: (2, 2, 2, 1, 2, 2, 2, 2),
}

# How likely each item is to carry a point when a total is spread (PHQ-9: sleep, energy and
# mood lead, as they did for Nora; item 9 only ever comes from `fixed`).
_PHQ9_WEIGHTS = (3, 4, 5, 5, 2, 3, 3, 1, 0)
_GAD7_WEIGHTS = (4, 4, 5, 3, 2, 3, 2)
_WHO5_WEIGHTS = (3, 3, 3, 2, 3)


def planned_measures() -> tuple[PlannedMeasure, ...]:
    phq9 = [
        PlannedMeasure(week, "phq9", total, fixed={8: 1 if week == PHQ9_SAFETY_WEEK else 0})
        for week, total in PHQ9_BY_WEEK.items()
    ]
    gad7 = [PlannedMeasure(week, "gad7", total) for week, total in GAD7_BY_WEEK.items()]
    who5 = [PlannedMeasure(week, "who5", raw) for week, raw in WHO5_RAW_BY_WEEK.items()]
    er8 = [PlannedMeasure(week, "er8", answers=answers) for week, answers in ER8_BY_WEEK.items()]
    return (*phq9, *gad7, *who5, *er8)


_SPREAD = {"phq9": (_PHQ9_WEIGHTS, 3), "gad7": (_GAD7_WEIGHTS, 3), "who5": (_WHO5_WEIGHTS, 5)}


def answers_for(measure: PlannedMeasure, rng: random.Random) -> tuple[int, ...]:
    """The item answers of a planned measure: given, or its total spread over the items."""
    if measure.answers is not None:
        return measure.answers
    if measure.total is None:
        raise ValueError(f"{measure.instrument} in week {measure.week} has no answers or total")
    weights, top = _SPREAD[measure.instrument]
    return spread(measure.total, weights, top, rng, measure.fixed)


def spread(
    total: int,
    weights: tuple[int, ...],
    top: int,
    rng: random.Random,
    fixed: dict[int, int] | None = None,
) -> tuple[int, ...]:
    """Answers 0..top per item summing to `total`: points go one at a time to items chosen by
    weight among those not yet at `top`; `fixed` items keep their answer."""
    fixed = fixed or {}
    answers = [fixed.get(index, 0) for index in range(len(weights))]
    left = total - sum(answers)
    open_items = [i for i in range(len(weights)) if i not in fixed and weights[i] > 0]
    if left < 0 or left > top * len(open_items):
        raise ValueError(f"a total of {total} cannot be spread over these items")
    for _ in range(left):
        free = [i for i in open_items if answers[i] < top]
        chosen = rng.choices(free, weights=[weights[i] for i in free])[0]
        answers[chosen] += 1
    return tuple(answers)


@dataclass(frozen=True)
class EndingFacts:
    """The ending as Nora and Elias agreed it by week 34, for the goals and ending parts of
    the demo (issue 6) to record once those services exist. Weeks as everywhere here."""

    agreed_in_week: int = 30
    taper: tuple[tuple[str, tuple[int, ...]], ...] = (
        ("weekly", tuple(range(0, 31))),
        ("fortnightly", (32, 34, 36)),
        ("monthly", (40, 44)),
    )
    last_session_week: int = 44
    warning_signs: tuple[str, ...] = (
        "Waking at 3 a.m. and making lists in my head",
        "Checking work email at night",
        "Saying yes before the question is finished",
        "Going quiet with Sam",
    )
    coping_that_worked: tuple[str, ...] = (
        "Telling Sam early, before it builds up",
        "A run, even a slow one",
        "Leaving Sunday visits at twelve, without apologising",
        "Asking Oskar or Petra for help at work",
    )
    people: tuple[str, ...] = ("Sam", "Ines", "Lea")
    coming_back: str = "Email Elias's practice to book a booster session; no need to explain."


ENDING = EndingFacts()


@dataclass(frozen=True)
class Timeline:
    """Where the weeks of the story fall: `week0` is the day of the intake session."""

    week0: date
    zone: tzinfo

    def day(self, week: int, offset: int = 0) -> date:
        return self.week0 + timedelta(weeks=week, days=offset)

    def at(self, week: int, offset: int, clock: str) -> datetime:
        """A moment `offset` days after week `week`'s session day, at `clock` (HH:MM) local."""
        hour, minute = (int(part) for part in clock.split(":"))
        return datetime.combine(self.day(week, offset), time(hour, minute), self.zone)

    def session_start(self, week: int) -> datetime:
        return datetime.combine(self.day(week), SESSION_TIME, self.zone)

    def session_end(self, week: int) -> datetime:
        return self.session_start(week) + timedelta(minutes=SESSION_MINUTES)


def timeline_for(now: datetime) -> Timeline:
    """Week 0 such that the last attended session fell 4 to 10 days before `now` (aware)."""
    if now.tzinfo is None:
        raise ValueError("now must be an aware datetime")
    latest = now.date() - timedelta(days=MIN_DAYS_SINCE_LAST_SESSION)
    last_session = latest - timedelta(days=(latest.weekday() - SESSION_WEEKDAY) % 7)
    return Timeline(last_session - timedelta(weeks=LAST_ATTENDED_WEEK), now.tzinfo)


@dataclass(frozen=True)
class PlannedCheckin:
    """A mood check-in: a quadrant, then one of its named feelings (services/checkins.py)."""

    week: int
    day: int
    clock: str
    quadrant: str
    feeling: str
    note: str = ""


_HU, _HP, _LU, _LP = "high_unpleasant", "high_pleasant", "low_unpleasant", "low_pleasant"
CHECKINS: tuple[PlannedCheckin, ...] = (
    PlannedCheckin(0, 1, "07:30", _HU, "anxious", "3am again"),
    PlannedCheckin(2, 3, "12:40", _LU, "drained"),
    PlannedCheckin(4, 1, "09:00", _LP, "relieved"),
    PlannedCheckin(9, 2, "21:30", _HP, "proud", "said no"),
    PlannedCheckin(12, 3, "22:30", _LU, "sad"),
    PlannedCheckin(13, 1, "08:10", _HU, "angry"),
    PlannedCheckin(13, 4, "11:50", _LU, "numb"),
    PlannedCheckin(14, 0, "21:00", _LP, "relieved"),
    PlannedCheckin(18, 1, "12:30", _LP, "cared for"),
    PlannedCheckin(19, 3, "22:50", _HU, "restless"),
    PlannedCheckin(22, 3, "22:20", _LU, "disappointed"),
    PlannedCheckin(24, 5, "18:00", _LP, "content"),
    PlannedCheckin(27, 0, "21:15", _HU, "worried", "the ending"),
    PlannedCheckin(29, 3, "19:50", _LP, "grateful"),
    PlannedCheckin(30, 4, "12:20", _HP, "motivated"),
    PlannedCheckin(31, 0, "18:30", _LP, "calm"),
    PlannedCheckin(32, 1, "07:45", _LP, "relaxed"),
    PlannedCheckin(32, 5, "19:40", _HP, "hopeful"),
    PlannedCheckin(33, 2, "22:00", _HU, "worried", "mum's fall"),
    PlannedCheckin(33, 4, "08:00", _LP, "calm", "it passed"),
    PlannedCheckin(34, 0, "20:40", _LP, "peaceful"),
    PlannedCheckin(34, 2, "13:10", _HP, "hopeful"),
)
