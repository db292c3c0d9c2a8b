"""A small synthetic therapy in a real vault, for the goals, ending and report tests.

Entries get a known reading (`store_reading`) written with the analyser's current model version,
so that `weekly_trends` keeps it: the tests check what Alliance does with themes and crisis
levels, not what the analyser finds in a sentence (its own tests do that).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from alliance.services.ending import PlanChanges, record_feeling, update_plan
from alliance.services.goals import add_goal, rate_goal
from alliance.services.journal import write_entry
from alliance.services.measures import take_measure
from alliance.services.sessions import add_session
from alliance.store.vault import Vault

CANARY = "CANARY-7f3e-unselected-text"
PROGRESS_SENTENCE = "I went for a run when the 3 a.m. worry came, and it helped."
FEAR_SENTENCE = "I am scared of what happens when the sessions stop."
READY_SENTENCE = "I think I am ready to try this on my own."
WEEKS = 12


def store_reading(
    vault: Vault,
    entry_id: str,
    themes: dict[str, list[str]] | None = None,
    *,
    crisis: str = "none",
    emotions: dict[str, float] | None = None,
) -> None:
    """Replace an entry's stored reading with a known one (themes -> evidence sentences)."""
    from sqlalchemy import delete, select

    from alliance.analysis import model_version
    from alliance.store.tables import Entry, EntryEmotion, EntryReading, EntryTheme, utcnow

    themes = themes or {}
    emotions = emotions or {}
    reading = {
        "id": entry_id,
        "emotions": {"labels": sorted(emotions), "scores": emotions},
        "sentiment": "neutral",
        "themes": [
            {"theme": t, "score": 0.9, "evidence": [{"start": 0, "end": len(s), "text": s}]}
            for t, sentences in themes.items()
            for s in sentences
        ],
        "crisis": {"level": crisis, "evidence": []},
        "model_version": model_version(),
    }
    with vault.transaction() as db:
        pk = db.scalars(select(Entry.pk).where(Entry.id == entry_id)).one()
        db.execute(delete(EntryTheme).where(EntryTheme.entry_pk == pk))
        db.execute(delete(EntryEmotion).where(EntryEmotion.entry_pk == pk))
        db.merge(
            EntryReading(
                entry_pk=pk,
                model_version=model_version(),
                crisis_level=crisis,
                sentiment="neutral",
                reading_json=json.dumps(reading),
                read_at=utcnow(),
            )
        )
        db.add_all(EntryTheme(entry_pk=pk, theme=t, score=0.9) for t in themes)
        db.add_all(EntryEmotion(entry_pk=pk, label=k, score=v) for k, v in emotions.items())


def written(
    vault: Vault,
    text: str,
    at: datetime,
    themes: dict[str, list[str]] | None = None,
    **extra: object,
) -> str:
    entry = write_entry(vault, text, now=at, **extra)  # type: ignore[arg-type]
    store_reading(vault, entry.id, themes, emotions={"optimism": 0.6, "nervousness": 0.3})
    return entry.id


@dataclass
class SmallTherapy:
    today: date
    start: datetime
    entries: dict[str, str] = field(default_factory=dict)
    goals: list[str] = field(default_factory=list)


def phq9_answers(total: int) -> list[int]:
    answers = []
    for _ in range(8):
        answers.append(min(3, total - sum(answers)))
    return [*answers, 0]


def gad7_answers(total: int) -> list[int]:
    answers = []
    for _ in range(7):
        answers.append(min(3, total - sum(answers)))
    return answers


def build_small_therapy(vault: Vault, today: date | None = None) -> SmallTherapy:
    """Twelve weekly sessions ending a few days ago: PHQ-9 16 -> 5, GAD-7 12 -> 4, SF-4 each
    session, an ER-8, two goals rated three times, an ending plan, feelings, and entries: a
    progress reflection, fear then readiness about ending, one selected, one canary."""
    today = today or datetime.now(UTC).date()
    first = today - timedelta(weeks=WEEKS - 1, days=5)
    start = datetime.combine(first, time(9, 0), tzinfo=UTC)
    therapy = SmallTherapy(today, start)
    phq = [16, 15, 14, 12, 11, 10, 9, 8, 7, 6, 6, 5]
    gad = [12, 12, 11, 10, 9, 8, 7, 7, 6, 5, 5, 4]
    for week in range(WEEKS):
        at = start + timedelta(weeks=week)
        add_session(vault, at=at.isoformat(), now=at + timedelta(hours=2))
        take_measure(vault, "sf4", [9, 9, 9, 9 if week % 3 else 8], taken_at=at)
        if week % 2 == 0 or week == WEEKS - 1:
            take_measure(vault, "phq9", phq9_answers(phq[week]), taken_at=at)
            take_measure(vault, "gad7", gad7_answers(gad[week]), taken_at=at)
    take_measure(vault, "er8", [2, 2, 0, 1, 2, 2, 1, 2], taken_at=start + timedelta(weeks=11))
    words = ["much worse", "a bit worse", "as hoped", "better", "much better"]
    for title, importance, difficulty in (
        ("Sleep through most nights", 3, 2),
        ("Say no at work", 2, 1),
    ):
        goal = add_goal(
            vault, title, words, importance=importance, difficulty=difficulty, now=start
        )
        therapy.goals.append(goal.id)
    for week, levels in ((0, (-1, -2)), (6, (0, -1)), (11, (1, 0))):
        for goal_id, level in zip(therapy.goals, levels, strict=True):
            at = start + timedelta(weeks=week, hours=1)
            rate_goal(vault, goal_id, level, now=at, note="private thought", private=True)
    for week, value in ((8, 3), (9, 5), (11, 7)):
        record_feeling(vault, value, now=start + timedelta(weeks=week, hours=3))
    entry = therapy.entries
    entry["progress"] = written(
        vault, f"Better week. {PROGRESS_SENTENCE}", start + timedelta(weeks=5, days=1),
        {"progress": [PROGRESS_SENTENCE]},
    )  # fmt: skip
    entry["fear"] = written(
        vault, FEAR_SENTENCE, start + timedelta(weeks=8, days=1), {"ending_fear": [FEAR_SENTENCE]}
    )
    entry["ready"] = written(
        vault, READY_SENTENCE, start + timedelta(weeks=10, days=1),
        {"ending_ready": [READY_SENTENCE]},
    )  # fmt: skip
    entry["selected"] = written(
        vault, "Selected: what I want to bring to the next session.", start + timedelta(weeks=11)
    )
    entry["canary"] = written(vault, f"Not for anyone: {CANARY}.", start + timedelta(weeks=11))
    update_plan(
        vault,
        PlanChanges(
            taper_start=(start + timedelta(weeks=12)).date().isoformat(),
            taper="fortnightly:2,monthly:1",
            warning_signs=("Waking at 3 a.m.",),
            coping=("A run",),
            people=("Sam",),
            if_worse=("Call the practice",),
            come_back="Email the practice for a booster.",
        ),
        now=start + timedelta(weeks=11, hours=2),
    )
    return therapy


def fill_demo_with_ending(vault: Vault) -> None:
    """The demo (issue 5) with its goals and ending; adds them if the demo does not yet."""
    import alliance.demo as demo
    from alliance.demo.ending_part import add_goals_and_ending

    demo.fill_demo(vault)
    if vault.raw().execute("SELECT count(*) FROM goals").fetchone()[0] == 0:
        add_goals_and_ending(vault, today=datetime.now().astimezone().date())
