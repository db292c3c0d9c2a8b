"""Mood check-ins, as How We Feel does them: first how pleasant and how energetic, then a name.

A check-in picks one of four quadrants (pleasant or unpleasant, with high or low energy), then
one named feeling from that quadrant's list. Each named feeling sits at a fixed place on the
two axes, from -5 to +5 (never 0: every feeling is on one side of each axis), and that place is
what is stored as `pleasantness` and `energy`, so later views can plot check-ins without a
lookup table. The words are Alliance's own list, not How We Feel's.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING
from uuid import uuid4

from alliance.errors import InvalidInput

if TYPE_CHECKING:
    from alliance.store.tables import MoodCheckin
    from alliance.store.vault import Vault

MAX_NOTE_BYTES = 10_000
DEFAULT_RECENT = 10


@dataclass(frozen=True)
class Quadrant:
    id: str
    label: str
    pleasant: bool
    high_energy: bool
    # Each feeling with its (pleasantness, energy) place, both from -5 to +5, never 0.
    feelings: tuple[tuple[str, int, int], ...]

    def feeling(self, name: str) -> tuple[str, int, int] | None:
        wanted = name.strip().lower()
        return next((f for f in self.feelings if f[0] == wanted), None)


QUADRANTS: tuple[Quadrant, ...] = (
    Quadrant(
        "high_unpleasant",
        "Unpleasant, high energy",
        pleasant=False,
        high_energy=True,
        feelings=(
            ("panicked", -4, 5),
            ("angry", -4, 4),
            ("anxious", -3, 4),
            ("stressed", -3, 3),
            ("frustrated", -3, 2),
            ("worried", -2, 3),
            ("irritated", -2, 2),
            ("restless", -1, 3),
            ("tense", -1, 1),
        ),
    ),
    Quadrant(
        "high_pleasant",
        "Pleasant, high energy",
        pleasant=True,
        high_energy=True,
        feelings=(
            ("excited", 4, 5),
            ("joyful", 4, 4),
            ("proud", 3, 3),
            ("energised", 2, 4),
            ("hopeful", 3, 2),
            ("motivated", 2, 3),
            ("curious", 2, 2),
            ("playful", 3, 3),
            ("surprised", 1, 4),
        ),
    ),
    Quadrant(
        "low_unpleasant",
        "Unpleasant, low energy",
        pleasant=False,
        high_energy=False,
        feelings=(
            ("hopeless", -5, -4),
            ("lonely", -4, -2),
            ("sad", -3, -2),
            ("ashamed", -3, -1),
            ("disappointed", -2, -2),
            ("drained", -2, -4),
            ("numb", -2, -5),
            ("tired", -1, -4),
            ("bored", -1, -2),
        ),
    ),
    Quadrant(
        "low_pleasant",
        "Pleasant, low energy",
        pleasant=True,
        high_energy=False,
        feelings=(
            ("grateful", 4, -1),
            ("peaceful", 4, -4),
            ("content", 3, -2),
            ("relaxed", 3, -3),
            ("safe", 3, -1),
            ("calm", 2, -3),
            ("relieved", 2, -2),
            ("cared for", 4, -2),
            ("sleepy", 1, -5),
        ),
    ),
)
_BY_ID = {quadrant.id: quadrant for quadrant in QUADRANTS}


@dataclass(frozen=True)
class Checkin:
    """One check-in. `created` is aware UTC; `tz` is where it was made."""

    id: str
    created: datetime
    tz: str
    pleasantness: int
    energy: int
    emotion: str
    note: str

    @property
    def quadrant(self) -> Quadrant:
        return quadrant_of(self.pleasantness, self.energy)

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "created": self.created.astimezone(UTC).isoformat().replace("+00:00", "Z"),
            "tz": self.tz,
            "quadrant": self.quadrant.id,
            "pleasantness": self.pleasantness,
            "energy": self.energy,
            "emotion": self.emotion,
            "note": self.note,
        }


def get_quadrant(quadrant_id: str) -> Quadrant:
    found = _BY_ID.get(quadrant_id.strip().lower())
    if found is None:
        choices = ", ".join(_BY_ID)
        raise InvalidInput(f"Unknown quadrant {quadrant_id!r}: choose {choices}.")
    return found


def quadrant_for_feeling(emotion: str) -> Quadrant:
    """The quadrant a named feeling belongs to (every name is in exactly one)."""
    found = next((q for q in QUADRANTS if q.feeling(emotion) is not None), None)
    if found is None:
        raise InvalidInput(f"{emotion.strip()!r} is not one of Alliance's check-in feelings.")
    return found


def quadrant_of(pleasantness: int, energy: int) -> Quadrant:
    return next(
        q for q in QUADRANTS if q.pleasant == (pleasantness > 0) and q.high_energy == (energy > 0)
    )


def record_checkin(
    vault: Vault, quadrant: str, emotion: str, *, note: str = "", now: datetime | None = None
) -> Checkin:
    """Store a check-in. The feeling must be one of the chosen quadrant's; nothing is written
    otherwise."""
    from alliance.services.journal import local_now
    from alliance.store.tables import MoodCheckin

    chosen = get_quadrant(quadrant)
    feeling = chosen.feeling(emotion)
    if feeling is None:
        names = ", ".join(name for name, _, _ in chosen.feelings)
        raise InvalidInput(
            f"{emotion.strip()!r} is not one of the feelings for {chosen.label.lower()}: {names}."
        )
    if len(note.encode("utf-8", errors="surrogatepass")) > MAX_NOTE_BYTES:
        raise InvalidInput(f"A check-in note is at most {MAX_NOTE_BYTES:,} bytes.")
    here = local_now(now)
    name, pleasantness, energy = feeling
    with vault.transaction() as db:
        row = MoodCheckin(
            id=str(uuid4()),
            created_at=here,
            tz=str(here.tzinfo),
            pleasantness=pleasantness,
            energy=energy,
            emotion=name,
            note=note.strip(),
        )
        db.add(row)
        db.flush()
        return _to_checkin(row)


def recent_checkins(vault: Vault, limit: int = DEFAULT_RECENT) -> list[Checkin]:
    """The latest check-ins, newest first."""
    from sqlalchemy import select

    from alliance.store.tables import MoodCheckin

    if limit < 1:
        raise InvalidInput(f"limit must be 1 or more, not {limit}.")
    with vault.transaction() as db:
        query = select(MoodCheckin).order_by(MoodCheckin.created_at.desc()).limit(limit)
        return [_to_checkin(row) for row in db.scalars(query)]


def checkins_since(vault: Vault, since: datetime) -> list[Checkin]:
    """Every check-in from `since` (aware) on, oldest first."""
    from sqlalchemy import select

    from alliance.store.tables import MoodCheckin

    with vault.transaction() as db:
        query = (
            select(MoodCheckin)
            .where(MoodCheckin.created_at >= since)
            .order_by(MoodCheckin.created_at)
        )
        return [_to_checkin(row) for row in db.scalars(query)]


def _to_checkin(row: MoodCheckin) -> Checkin:
    return Checkin(
        id=row.id,
        created=row.created_at.astimezone(UTC),
        tz=row.tz,
        pleasantness=row.pleasantness,
        energy=row.energy,
        emotion=row.emotion,
        note=row.note,
    )
