"""A small lived-in vault for the browser tests: sessions with feedback, reflections with
themes, PHQ-9 and GAD-7 over weeks, check-ins. Written through the services, in the past."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

REFLECTIONS = (
    "She really listened today and I felt heard. I cried when I talked about my dad.",
    "I felt judged when she checked her watch. I almost cancelled next week.",
    "We talked about what happened last week and it cleared the air. I trust her more now.",
    "I handled the argument with my sister differently this time. Something is changing.",
    "I'm scared about therapy ending. I can't imagine saying goodbye.",
    "We keep going over the same thing and I don't know if this is working.",
)
PHQ9 = ((2, 2, 2, 2, 1, 2, 1, 1, 0), (2, 1, 2, 2, 1, 1, 1, 0, 0), (1, 1, 1, 1, 1, 1, 0, 0, 0),
        (1, 0, 1, 1, 0, 1, 0, 0, 0))  # fmt: skip
SF4 = ((8, 8, 8, 8), (6, 7, 6, 6), (9, 9, 8, 9), (8, 9, 9, 9), (7, 8, 7, 8), (9, 9, 9, 9))
CHECKINS = (("low_pleasant", "calm"), ("high_unpleasant", "anxious"), ("high_pleasant", "proud"),
            ("low_unpleasant", "tired"))  # fmt: skip


def seed_vault(home: Path, passphrase: str) -> None:
    from alliance.services.checkins import record_checkin
    from alliance.services.journal import write_entry
    from alliance.services.measures import take_measure
    from alliance.services.sessions import add_session
    from alliance.services.vault import init_vault

    vault, _recovery = init_vault(passphrase, home)
    now = datetime.now(UTC).replace(microsecond=0)
    start = now - timedelta(weeks=len(SF4) + 1)
    try:
        for week, (answers, reflection) in enumerate(zip(SF4, REFLECTIONS, strict=True)):
            when = start + timedelta(weeks=week)
            session = add_session(vault, at=when.isoformat(), now=now)
            take_measure(
                vault, "sf4", list(answers), session_ref=str(session.number),
                taken_at=when + timedelta(hours=1),
            )  # fmt: skip
            write_entry(
                vault, reflection, session=str(session.number), kind="after-session",
                at=(when + timedelta(hours=3)).isoformat(), now=now,
            )  # fmt: skip
            quadrant, feeling = CHECKINS[week % len(CHECKINS)]
            record_checkin(vault, quadrant, feeling, now=when + timedelta(days=2))
        for week, answers in enumerate(PHQ9):
            taken = start + timedelta(weeks=week * 2, minutes=-10)
            take_measure(vault, "phq9", list(answers), taken_at=taken)
            take_measure(vault, "gad7", [2, 1, 1, 1, 1, 1, 0] if week else [2, 2, 2, 1, 2, 1, 1],
                         taken_at=taken)  # fmt: skip
        add_session(vault, at=(now + timedelta(days=3)).isoformat(), now=now)
        write_entry(vault, "Slept badly again #sleep. A walk helped.", now=now)
    finally:
        vault.close()
