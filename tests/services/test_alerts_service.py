"""Current alerts from a real vault: safety, deterioration, off track, SF-4 feedback, missed."""

from __future__ import annotations

import importlib.util
import json
from datetime import UTC, datetime, timedelta
from uuid import uuid4

from alliance.services.alerts import FALLBACK_CRISIS_TEXT, crisis_resources_text, current_alerts
from alliance.services.measures import take_measure, void_response
from alliance.store.vault import Vault
from tests.services.test_measures import T0, add_session, phq9

NOW = T0 + timedelta(weeks=7)


def kinds(vault: Vault, **options: object) -> list[str]:
    return [alert.kind for alert in current_alerts(vault, now=NOW, **options)]


def add_reflection(
    vault: Vault, session_id: str | None, themes: dict[str, list[str]], *, deleted: bool = False
) -> None:
    """An entry linked to a session, with a stored reading that tagged these themes."""
    from alliance.store.tables import Entry, EntryReading, EntryTheme

    reading = {
        "themes": [
            {"theme": theme, "score": 0.9, "evidence": [{"start": 0, "end": 1, "text": t}]}
            for theme, texts in themes.items()
            for t in texts
        ]
    }
    with vault.transaction() as db:
        entry = Entry(
            id=str(uuid4()),
            created_at=T0,
            tz="UTC",
            updated_at=T0,
            title="",
            body="a reflection",
            session_id=session_id,
            deleted_at=T0 if deleted else None,
        )
        db.add(entry)
        db.flush()
        db.add(
            EntryReading(
                entry_pk=entry.pk,
                model_version="test",
                crisis_level="none",
                sentiment="negative",
                reading_json=json.dumps(reading),
                read_at=T0,
            )
        )
        for theme in themes:
            db.add(EntryTheme(entry_pk=entry.pk, theme=theme, score=0.9))


def test_no_measures_no_alerts(vault: Vault) -> None:
    assert current_alerts(vault, now=NOW) == []


def test_safety_item_on_the_latest_phq9_comes_first_with_crisis_resources(vault: Vault) -> None:
    take_measure(vault, "phq9", phq9(12), taken_at=T0)
    take_measure(vault, "phq9", phq9(4, item9=1), taken_at=NOW - timedelta(days=1))
    alerts = current_alerts(vault, now=NOW)
    assert alerts[0].kind == "safety_item" and alerts[0].severity == "urgent"
    assert alerts[0].evidence["items"] == {"self_harm": {"answer": 1, "label": "Several days"}}
    assert alerts[0].evidence["crisis_resources"] == crisis_resources_text()
    assert alerts[0].next_step


def test_safety_item_only_counts_on_the_latest_response(vault: Vault) -> None:
    take_measure(vault, "phq9", phq9(12, item9=2), taken_at=T0)
    take_measure(vault, "phq9", phq9(11), taken_at=NOW - timedelta(days=1))
    assert "safety_item" not in kinds(vault)


def test_crisis_text_comes_from_the_safety_module_when_it_exists() -> None:
    if importlib.util.find_spec("alliance.safety") is None:
        assert crisis_resources_text() == FALLBACK_CRISIS_TEXT
    else:
        from alliance import safety

        assert crisis_resources_text() == safety.render_plain("concern")


def test_reliable_deterioration_and_off_track(vault: Vault) -> None:
    take_measure(vault, "phq9", phq9(12), taken_at=T0)
    take_measure(vault, "phq9", phq9(19), taken_at=T0 + timedelta(weeks=6))
    alerts = {alert.kind: alert for alert in current_alerts(vault, now=NOW)}
    deterioration = alerts["reliable_deterioration"]
    assert deterioration.evidence["intake"] == 12 and deterioration.evidence["latest"] == 19
    off_track = alerts["off_track"]
    assert off_track.evidence["observed"] == 19
    assert off_track.evidence["t_unit"] == "weeks"
    low, high = off_track.evidence["band"]
    assert 19 > high > low


def test_voiding_the_deteriorated_response_clears_its_alerts(vault: Vault) -> None:
    take_measure(vault, "phq9", phq9(12), taken_at=T0)
    bad = take_measure(vault, "phq9", phq9(19), taken_at=T0 + timedelta(weeks=6))
    assert "reliable_deterioration" in kinds(vault)
    void_response(vault, bad.id, "misread the question")
    remaining = kinds(vault)
    assert "reliable_deterioration" not in remaining and "off_track" not in remaining


def test_improvement_raises_nothing(vault: Vault) -> None:
    take_measure(vault, "phq9", phq9(16), taken_at=T0)
    take_measure(vault, "phq9", phq9(8), taken_at=NOW - timedelta(days=2))
    assert kinds(vault) == []


def test_sf4_drop_raises_session_feedback(vault: Vault) -> None:
    for week, total in enumerate([36, 37, 36]):
        per_item = [total // 4 + (1 if i < total % 4 else 0) for i in range(4)]
        take_measure(vault, "sf4", per_item, taken_at=NOW - timedelta(weeks=3 - week))
    take_measure(vault, "sf4", [8, 8, 8, 8], taken_at=NOW - timedelta(hours=1))
    [alert] = current_alerts(vault, now=NOW)
    assert alert.kind == "session_feedback" and alert.severity == "notice"
    assert alert.evidence["previous_totals"] == [36, 37, 36]
    assert "at least 3 points below the previous session" in alert.evidence["reasons"]
    assert "rupture" not in alert.evidence


def test_rupture_in_a_reflection_on_the_same_session_strengthens_it(vault: Vault) -> None:
    earlier = add_session(vault, 1, NOW - timedelta(weeks=1))
    today = add_session(vault, 2, NOW - timedelta(hours=2))
    add_reflection(vault, today, {"rupture": ["I felt judged when she looked at the clock"]})
    add_reflection(vault, today, {"repair": ["we talked it through"]})
    add_reflection(vault, earlier, {"rupture": ["an older session"]})
    add_reflection(vault, today, {"rupture": ["a deleted entry"]}, deleted=True)
    take_measure(vault, "sf4", [9, 9, 9, 9], taken_at=NOW - timedelta(weeks=1), session_ref="1")
    take_measure(vault, "sf4", [9, 6, 9, 9], taken_at=NOW - timedelta(hours=1), session_ref="2")
    [alert] = current_alerts(vault, now=NOW)
    assert alert.severity == "warning"
    assert alert.evidence["rupture"] == ["I felt judged when she looked at the clock"]
    assert alert.evidence["low_items"] == {"focus": 6}
    assert alert.evidence["session"] == 2


def test_rupture_alone_raises_no_session_feedback_alert(vault: Vault) -> None:
    today = add_session(vault, 1, NOW - timedelta(hours=2))
    add_reflection(vault, today, {"rupture": ["I felt judged"]})
    take_measure(vault, "sf4", [9, 9, 9, 9], taken_at=NOW - timedelta(hours=1), session_ref="1")
    assert kinds(vault) == []


def test_missed_measure_only_for_measures_already_in_use(vault: Vault) -> None:
    take_measure(vault, "phq9", phq9(6), taken_at=NOW - timedelta(days=20))
    alerts = current_alerts(vault, now=NOW)
    assert [alert.kind for alert in alerts] == ["missed_measure"]
    assert alerts[0].evidence["instrument"] == "phq9"
    assert alerts[0].evidence["days_since"] == 20
    assert kinds(vault, instrument_id="gad7") == []


def test_alerts_for_one_instrument(vault: Vault) -> None:
    take_measure(vault, "phq9", phq9(6), taken_at=NOW - timedelta(days=20))
    take_measure(vault, "gad7", [1, 1, 1, 1, 1, 1, 1], taken_at=NOW - timedelta(days=30))
    assert len(kinds(vault)) == 2
    only = current_alerts(vault, instrument_id="GAD-7", now=NOW)
    assert [alert.evidence["instrument"] for alert in only] == ["gad7"]


def test_alerts_ordered_most_urgent_first(vault: Vault) -> None:
    take_measure(vault, "gad7", [1, 1, 1, 1, 1, 1, 1], taken_at=NOW - timedelta(days=30))
    take_measure(vault, "phq9", phq9(12), taken_at=T0)
    take_measure(vault, "phq9", phq9(20, item9=1), taken_at=datetime.now(UTC) - timedelta(days=1))
    severities = [alert.severity for alert in current_alerts(vault, now=datetime.now(UTC))]
    rank = ["urgent", "warning", "notice", "info"]
    assert severities == sorted(severities, key=rank.index)
    assert severities[0] == "urgent" and severities[-1] == "info"
