"""The demo vault: built once per module into a real SQLCipher vault, then read back through
the services, as the pages of the app would read it."""

from __future__ import annotations

import random
import re
import statistics
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from itertools import pairwise
from zoneinfo import ZoneInfo

import pytest

from alliance.demo import build_demo_vault, fill_demo, has_data
from alliance.demo.reflections import REFLECTIONS
from alliance.demo.story import (
    CHECKINS,
    SEED,
    SESSIONS,
    answers_for,
    planned_measures,
    timeline_for,
)
from alliance.domain.entries import JournalEntry
from alliance.domain.sessions import SessionRecord, SessionStatus
from alliance.errors import InvalidInput, VaultError
from alliance.services.journal import list_entries, write_entry
from alliance.services.measures import InstrumentHistory, history
from alliance.services.sessions import get_session, list_sessions
from alliance.services.vault import unlock
from alliance.store.vault import Vault
from tests.conftest import PASSPHRASE, SHARED

ZONE = "Europe/Berlin"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Vault]:
    home = tmp_path_factory.mktemp("demo") / "vault"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ALLIANCE_HOME", str(home))
        patch.setenv("TZ", ZONE)
        build_demo_vault(home, PASSPHRASE)
        vault = unlock(home, passphrase=PASSPHRASE)
        yield vault
        vault.close()


@pytest.fixture(scope="module")
def sessions(demo: Vault) -> list[SessionRecord]:
    return list_sessions(demo)


@pytest.fixture(scope="module")
def entries(demo: Vault) -> list[JournalEntry]:
    return sorted(list_entries(demo), key=lambda entry: entry.created)


def one(demo: Vault, instrument: str) -> InstrumentHistory:
    [found] = history(demo, instrument)
    return found


def days_between(earlier: datetime, later: datetime) -> int:
    """Whole days, rounded: a change of summer time does not make a week six days long."""
    return round((later - earlier).total_seconds() / 86400)


def gaps_in_days(moments: list[datetime]) -> list[int]:
    return [days_between(a, b) for a, b in pairwise(moments)]


def totals(record: InstrumentHistory) -> list[float]:
    return [row.response.total for row in record.active if row.response.total is not None]


def test_about_thirty_sessions_over_eight_months_ending_in_the_last_weeks(
    sessions: list[SessionRecord],
) -> None:
    now = datetime.now(UTC)
    attended = [s for s in sessions if s.status is SessionStatus.ATTENDED]
    assert 26 <= len(attended) <= 34
    span = attended[-1].starts_at - attended[0].starts_at
    assert timedelta(days=225) <= span <= timedelta(days=250)  # about eight months
    assert timedelta(days=3) < now - attended[-1].starts_at < timedelta(days=11)
    statuses = {s.status for s in sessions}
    assert {SessionStatus.CANCELLED, SessionStatus.MISSED, SessionStatus.SCHEDULED} <= statuses
    ahead = [s for s in sessions if s.status is SessionStatus.SCHEDULED]
    assert all(s.starts_at > now for s in ahead)
    gaps = gaps_in_days([s.starts_at for s in attended])
    assert statistics.median(gaps) == 7  # mostly weekly
    assert max(gaps) >= 21  # a holiday
    # The taper: fortnightly at the end, then monthly ahead.
    assert gaps[-2:] == [14, 14]
    ahead_gaps = gaps_in_days([s.starts_at for s in ahead])
    assert ahead_gaps and all(gap == 28 for gap in ahead_gaps)


def test_entries_in_many_voices(entries: list[JournalEntry], sessions: list[SessionRecord]) -> None:
    assert 60 <= len(entries) <= 80
    assert {entry.kind.value for entry in entries} == {
        "reflection",
        "note",
        "before-session",
        "after-session",
    }
    lengths = sorted(len(entry.body) for entry in entries)
    assert lengths[0] < 80 and lengths[-1] > 700  # short notes and long reflections
    assert any(re.search(r"^(?:- |\d\. )", entry.body, re.M) for entry in entries)  # lists
    assert any(entry.body[:1].islower() for entry in entries)  # quick lower-case notes
    moods = [entry.mood for entry in entries if entry.mood is not None]
    assert set(moods) >= {1, 2, 3, 4}
    assert 4 <= sum(entry.starred for entry in entries) <= 12
    tags = {tag for entry in entries for tag in entry.tags}
    assert {"#work", "#sleep", "#mum", "@sam"} <= tags
    by_id = {s.id: s for s in sessions}
    linked = [entry for entry in entries if entry.session_id is not None]
    assert len(linked) >= 20
    for entry in linked:  # a linked reflection is written on the day of its session
        session = by_id[entry.session_id]
        assert abs(entry.created - session.starts_at) < timedelta(hours=12)
    assert all(entry.kind.value != "after-session" or entry.session_id for entry in entries)


def test_phq9_improves_overall_with_one_bad_patch(demo: Vault) -> None:
    phq9 = one(demo, "phq9")
    scores = totals(phq9)
    assert len(scores) >= 15  # every two weeks
    assert 15 <= scores[0] <= 19  # moderately severe at intake
    assert scores[-1] <= 6
    latest = phq9.active[-1].change
    assert latest is not None and latest.category == "recovered"
    assert latest.reliable_change.reliable and latest.reliable_change.direction == "improvement"
    rises = [after - before for before, after in pairwise(scores)]
    assert max(rises) >= 3  # the bad patch
    assert sum(rise >= 3 for rise in rises) == 1  # only one
    days = [row.response.taken_at for row in phq9.active]
    assert all(b - a <= timedelta(days=15) for a, b in pairwise(days))


def test_item_nine_above_zero_once_in_the_bad_patch(demo: Vault) -> None:
    rows = one(demo, "phq9").active
    flagged = [row for row in rows if "safety" in row.response.flags]
    assert [row.response.answers["self_harm"] for row in flagged] == [1]
    # It comes with the bad patch: the one score 3 or more above the one before.
    scores = [row.response.total or 0 for row in rows]
    [patch] = [i for i in range(1, len(rows)) if scores[i] - scores[i - 1] >= 3]
    assert flagged[0] is rows[patch]
    assert sum(row.response.answers["self_harm"] or 0 for row in rows) == 1


def test_session_feedback_drops_at_the_rupture(demo: Vault) -> None:
    sf4 = one(demo, "sf4").active
    assert len(sf4) >= 20  # after most sessions
    items = [list(row.response.answers.values()) for row in sf4]
    high = [answers for answers in items if min(answers) >= 8]
    assert len(high) >= len(items) * 0.6
    drops = [
        i
        for i in range(1, len(sf4))
        if min(items[i]) < 7
        and (sf4[i].response.total or 0) <= (sf4[i - 1].response.total or 0) - 3
    ]
    assert len(drops) == 1
    rupture = sf4[drops[0]].response
    assert rupture.session_number is not None
    _session, linked = get_session(demo, str(rupture.session_number))
    assert any(entry.kind.value == "after-session" for entry in linked)


def test_other_measures(demo: Vault) -> None:
    gad7 = one(demo, "gad7")
    gaps = gaps_in_days([row.response.taken_at for row in gad7.active])
    assert statistics.median(gaps) == 28  # monthly
    assert totals(gad7)[-1] < totals(gad7)[0]
    who5 = totals(one(demo, "who5"))
    assert len(who5) >= 3 and who5[-1] > who5[0]
    er8 = one(demo, "er8").active
    assert len(er8) == 2
    assert (er8[1].response.total or 0) > (er8[0].response.total or 0)
    assert datetime.now(UTC) - er8[0].response.taken_at < timedelta(weeks=6)


def test_no_alert_is_open_at_the_end(demo: Vault) -> None:
    from alliance.services.alerts import current_alerts

    assert [alert.kind for alert in current_alerts(demo)] == []


def test_the_analyser_reads_a_rupture_then_its_repair(
    demo: Vault, entries: list[JournalEntry]
) -> None:
    reason = _analyser_unusable()
    if reason:
        pytest.skip(f"the analyser is not usable yet: {reason}")
    from alliance.services.readings import entry_ids_with, stored_reading

    readings = {entry.id: stored_reading(demo, entry.id) for entry in entries}
    assert all(reading is not None for reading in readings.values())
    order = [entry.id for entry in entries]
    rupture = entry_ids_with(demo, ["rupture"], [])
    repair = entry_ids_with(demo, ["repair"], [])
    assert rupture and repair
    first_rupture = min(order.index(entry_id) for entry_id in rupture)
    assert any(order.index(entry_id) > first_rupture for entry_id in repair)
    for theme in ("bond", "heard", "opening_up", "valued", "disclosure", "gratitude"):
        assert entry_ids_with(demo, [theme], []), theme
    fear = min(order.index(entry_id) for entry_id in entry_ids_with(demo, ["ending_fear"], []))
    ready = max(order.index(entry_id) for entry_id in entry_ids_with(demo, ["ending_ready"], []))
    assert fear < ready  # fear of ending turns into readiness
    levels = [reading["crisis"]["level"] for reading in readings.values() if reading]
    # One reflection was written as concern; the classifier may raise one more (its threshold
    # allows it one of the demo's reflections: docs/safety.md), no others.
    assert levels.count("concern") == 1 and levels.count("urgent") <= 1


def _analyser_unusable() -> str:
    try:
        from alliance.analysis import analyze

        analyze("I felt heard today.")
    except Exception as error:
        return f"{type(error).__name__}: {error}"
    return ""


def test_the_crisis_reader_sees_one_concern_and_at_most_one_false_alarm() -> None:
    """Straight on the texts, with the crisis reader alone (no emotion model needed)."""
    from alliance.analysis.crisis import read_crisis

    levels = [read_crisis(reflection.text).level for reflection in REFLECTIONS]
    assert levels.count("concern") == 1 and levels.count("urgent") <= 1
    rules = [read_crisis(reflection.text, use_model=False).level for reflection in REFLECTIONS]
    assert rules.count("concern") == 1 and "urgent" not in rules


def test_a_vault_with_data_is_refused_and_left_alone(vault: Vault) -> None:
    write_entry(vault, "My own first entry.")
    assert has_data(vault)
    with pytest.raises(InvalidInput, match="already has data"):
        fill_demo(vault)
    assert len(list_entries(vault)) == 1
    assert list_sessions(vault) == []
    assert history(vault) == []


def test_the_demo_vault_is_refused_a_second_demo(demo: Vault, entries: list[JournalEntry]) -> None:
    with pytest.raises(InvalidInput, match="already has data"):
        fill_demo(demo)
    assert len(list_entries(demo)) == len(entries)


def test_build_refuses_an_existing_vault(vault: Vault) -> None:
    with pytest.raises(VaultError, match="already exists"):
        build_demo_vault(vault.home, PASSPHRASE)
    assert not has_data(vault)


@pytest.mark.parametrize("days_later", range(14))
def test_the_story_always_ends_in_the_last_weeks(days_later: int) -> None:
    now = datetime(2025, 3, 20, 8, 0, tzinfo=ZoneInfo(ZONE)) + timedelta(days=days_later)
    timeline = timeline_for(now)
    written = [timeline.at(r.week, r.day, r.clock) for r in REFLECTIONS]
    written += [timeline.at(c.week, c.day, c.clock) for c in CHECKINS]
    assert max(written) < now
    for planned in SESSIONS:
        start = timeline.session_start(planned.week)
        assert start.weekday() == 1
        assert (start > now) == (planned.status == "scheduled")
    last = max(timeline.session_start(s.week) for s in SESSIONS if s.status == "attended")
    assert timedelta(days=3) < now - last < timedelta(days=11)


def test_measures_are_the_same_every_time() -> None:
    first = [answers_for(m, random.Random(SEED)) for m in planned_measures()]
    again = [answers_for(m, random.Random(SEED)) for m in planned_measures()]
    assert first == again
    for measure, answers in zip(planned_measures(), first, strict=True):
        assert measure.total is None or sum(answers) == measure.total


@pytest.mark.shared
def test_no_text_borrows_from_the_seed_reflection() -> None:
    seed = SHARED / "examples" / "seed-reflection.txt"
    if not seed.exists():
        pytest.skip(f"{seed} is absent (../shared is not beside the checkout)")
    seed_grams = _shingles(seed.read_text(encoding="utf-8"))
    for reflection in REFLECTIONS:
        shared = seed_grams & _shingles(reflection.text)
        assert not shared, (reflection.week, sorted(shared)[:3])


def _shingles(text: str, size: int = 7) -> set[tuple[str, ...]]:
    words = re.findall(r"[a-z']+", text.lower())
    return {tuple(words[i : i + size]) for i in range(len(words) - size + 1)}
