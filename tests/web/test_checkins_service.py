"""The check-in service: a quadrant, then a named feeling from it, stored with its place."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from alliance.errors import InvalidInput
from alliance.services import checkins
from alliance.store.vault import Vault

NOW = datetime(2026, 3, 4, 9, 30, tzinfo=UTC)


def count(vault: Vault) -> int:
    return int(vault.raw().execute("SELECT count(*) FROM mood_checkins").fetchone()[0])


def test_a_checkin_stores_the_feeling_at_its_place_in_its_quadrant(vault: Vault) -> None:
    saved = checkins.record_checkin(vault, "low_pleasant", "Calm", note=" after a walk ", now=NOW)
    assert saved.emotion == "calm"
    assert saved.pleasantness > 0 and saved.energy < 0
    assert saved.quadrant.id == "low_pleasant"
    assert saved.note == "after a walk"
    assert saved.created == NOW
    assert checkins.recent_checkins(vault) == [saved]


def test_every_feeling_sits_in_its_own_quadrant_and_names_are_unique() -> None:
    names = [name for q in checkins.QUADRANTS for name, _, _ in q.feelings]
    assert len(names) == len(set(names))
    for quadrant in checkins.QUADRANTS:
        for _name, pleasantness, energy in quadrant.feelings:
            assert -5 <= pleasantness <= 5 and -5 <= energy <= 5
            assert checkins.quadrant_of(pleasantness, energy) is quadrant


def test_a_feeling_from_another_quadrant_is_refused_and_nothing_written(vault: Vault) -> None:
    with pytest.raises(InvalidInput, match="not one of the feelings"):
        checkins.record_checkin(vault, "high_pleasant", "calm", now=NOW)
    with pytest.raises(InvalidInput, match="Unknown quadrant"):
        checkins.record_checkin(vault, "sideways", "calm", now=NOW)
    with pytest.raises(InvalidInput, match="at most"):
        checkins.record_checkin(vault, "low_pleasant", "calm", note="x" * 10_001, now=NOW)
    assert count(vault) == 0


def test_the_quadrant_of_a_feeling_is_found_by_its_name() -> None:
    assert checkins.quadrant_for_feeling("Anxious").id == "high_unpleasant"
    with pytest.raises(InvalidInput):
        checkins.quadrant_for_feeling("purple")


def test_recent_is_newest_first_and_since_is_oldest_first(vault: Vault) -> None:
    for days, feeling in ((3, "sad"), (2, "proud"), (1, "tired")):
        quadrant = checkins.quadrant_for_feeling(feeling).id
        checkins.record_checkin(vault, quadrant, feeling, now=NOW - timedelta(days=days))
    assert [c.emotion for c in checkins.recent_checkins(vault, 2)] == ["tired", "proud"]
    since = checkins.checkins_since(vault, NOW - timedelta(days=2, hours=1))
    assert [c.emotion for c in since] == ["proud", "tired"]
