"""The demo's goals and planned ending (issue 6): Nora's three goals rated over the therapy,
her feelings about ending, two ending reflections, and the plan she and Elias agreed.

Two ways in, both through the services only:
- `ending_step(ctx)`: a demo step (see `alliance.demo.STEPS`), run after the reflections are
  written and before they are read; it counts what it wrote in `ctx.extras`;
- `add_goals_and_ending(vault, today=...)`: the same on its own, with the story's calendar placed
  from `today` as `fill_demo` places it.

The picture it leaves in the ending workspace: every goal at 0 or above by week 34, the
Session Feedback steady, the PHQ-9 and GAD-7 below their cut-offs for six weeks or more, fear of
ending turning into readiness, and a complete plan (last session in week 44, tapering
fortnightly then monthly, a booster, check-ins at 1 and 3 months, the whole relapse plan).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from typing import TYPE_CHECKING

from alliance.demo.story import ENDING, Timeline, timeline_for

if TYPE_CHECKING:
    from alliance.demo import DemoContext
    from alliance.services.vault import Vault

BOOSTER_WEEK = 57  # about three months after the last session
FEELINGS_BY_WEEK = {27: 2, 28: 3, 29: 4, 30: 5, 32: 6, 34: 7}  # "how I feel about ending", 0-10
IF_WORSE = (
    "Tell Sam the same day, and go back to the coping list above.",
    "If the 3 a.m. waking lasts two weeks, book a booster session with Elias.",
    "If I start to think I'd be better off not here, call Samaritans on 116 123, or 999.",
)


@dataclass(frozen=True)
class DemoGoal:
    title: str
    levels: tuple[str, str, str, str, str]  # -2 .. +2, in Nora's words
    importance: int
    difficulty: int
    tag: str  # her journal entries with this tag are linked to the goal
    session_weeks: tuple[int, ...]  # sessions that worked on it
    ratings: dict[int, int]  # week -> level


GOALS = (
    DemoGoal(
        "Sleep through the night without the 3 a.m. panic",
        (
            "Awake with panic most nights, dreading bedtime",
            "Awake at 3 a.m. most nights, back to sleep within the hour",
            "Sleeping through at least four nights a week",
            "Sleeping through most nights; an odd 3 a.m. wake passes",
            "Sleeping through nearly every night; bedtime is no longer a dread",
        ),
        3,
        2,
        "#sleep",
        (0, 8),
        {0: -1, 8: -1, 16: 0, 24: 0, 30: 1, 34: 1},
    ),
    DemoGoal(
        "Say no at work without apologising for a day",
        (
            "Saying yes to everything and staying late most days",
            "Saying no now and then, and feeling guilty all evening",
            "Saying no to extra work most weeks; the guilt passes by the evening",
            "Saying no calmly when I need to, without going over it afterwards",
            "Asking for help before it piles up, and leaving on time",
        ),
        3,
        3,
        "#work",
        (9, 25),
        {0: -2, 8: -1, 16: -1, 24: 0, 30: 0, 34: 1},
    ),
    DemoGoal(
        "Visit mum on Sundays on my own terms",
        (
            "Whole Sundays at the care home, resentful and worn out",
            "Sunday visits that run all day, out of guilt",
            "Leaving Sunday visits at twelve most weeks",
            "Leaving at twelve without apologising, and sharing the rota with Ines",
            "Visits I look forward to, and a rota Ines and I both keep",
        ),
        2,
        2,
        "#mum",
        (2, 13, 14),
        {0: -2, 8: -1, 16: 0, 24: 0, 30: 1, 34: 1},
    ),
)

REFLECTIONS = (
    (
        "changed",
        34,
        2,
        "I came in not sleeping and saying yes to everyone. Now most nights I sleep, and when I "
        "wake I know what it is and it passes. I leave work on time more often than not. The "
        "Sunday visits are shorter and, strangely, kinder.",
    ),
    (
        "take-with-me",
        34,
        3,
        "Noticing the first list in my head at night and not following it. Telling Sam early. "
        "That 'no' is a whole sentence. That I can be sad about stopping and still be ready.",
    ),
)


def add_goals_and_ending(vault: Vault, *, today: date) -> dict[str, int]:
    """Write the goals, feelings, reflections and plan; returns what was written, counted."""
    now = datetime.combine(today, time(12, 0)).astimezone()
    return _fill(vault, timeline_for(now))


def ending_step(ctx: DemoContext) -> None:
    """The demo step: as `add_goals_and_ending`, on the demo's own calendar."""
    ctx.extras.update(_fill(ctx.vault, ctx.timeline))


def _fill(vault: Vault, timeline: Timeline) -> dict[str, int]:
    counts = {"goals": 0, "goal_ratings": 0, "goal_links": 0}
    for goal in GOALS:
        _add_goal(vault, timeline, goal, counts)
    counts["ending_feelings"] = _add_feelings(vault, timeline)
    counts["ending_reflections"] = _add_reflections(vault, timeline)
    _add_plan(vault, timeline)
    counts["ending_plan"] = 1
    return counts


def _add_goal(vault: Vault, timeline: Timeline, goal: DemoGoal, counts: dict[str, int]) -> None:
    from alliance.services.goals import add_goal, link_goal, rate_goal
    from alliance.services.journal import entry_filter, list_entries
    from alliance.services.sessions import list_sessions

    written = timeline.at(0, 0, "18:30")
    stored = add_goal(
        vault,
        goal.title,
        goal.levels,
        importance=goal.importance,
        difficulty=goal.difficulty,
        now=written,
    )
    counts["goals"] += 1
    for week, level in sorted(goal.ratings.items()):
        rate_goal(vault, stored.id, level, now=timeline.at(week, 0, "18:40"))
        counts["goal_ratings"] += 1
    sessions = list_sessions(vault)
    by_day = {record.starts_at.astimezone(timeline.zone).date(): record for record in sessions}
    for week in goal.session_weeks:
        record = by_day.get(timeline.day(week))
        if record is not None:
            counts["goal_links"] += len(link_goal(vault, stored.id, session=record.id)[1])
    for entry in list_entries(vault, entry_filter(tags=(goal.tag,))):
        counts["goal_links"] += len(link_goal(vault, stored.id, entry=entry.id)[1])


def _add_feelings(vault: Vault, timeline: Timeline) -> int:
    from alliance.services.ending import record_feeling

    for week, value in FEELINGS_BY_WEEK.items():
        record_feeling(vault, value, now=timeline.at(week, 0, "18:45"))
    return len(FEELINGS_BY_WEEK)


def _add_reflections(vault: Vault, timeline: Timeline) -> int:
    from alliance.services.ending import write_reflection

    for prompt, week, day, text in REFLECTIONS:
        write_reflection(vault, prompt, text, now=timeline.at(week, day, "21:15"))
    return len(REFLECTIONS)


def _add_plan(vault: Vault, timeline: Timeline) -> None:
    from alliance.services.ending import PlanChanges, update_plan

    taper = ",".join(f"{cadence}:{len(weeks)}" for cadence, weeks in ENDING.taper[1:])
    first_taper_week = ENDING.taper[1][1][0]
    update_plan(
        vault,
        PlanChanges(
            last_session=timeline.day(ENDING.last_session_week).isoformat(),
            taper_start=timeline.day(first_taper_week).isoformat(),
            taper=taper,
            boosters=(timeline.day(BOOSTER_WEEK).isoformat(),),
            followup_months=(1, 3),
            warning_signs=ENDING.warning_signs,
            coping=ENDING.coping_that_worked,
            people=ENDING.people,
            if_worse=IF_WORSE,
            come_back=ENDING.coming_back,
        ),
        now=timeline.at(34, 0, "18:50"),
    )
