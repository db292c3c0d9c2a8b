"""Shared pieces of pages: alerts as shown, an entry with its reading, crisis resources.

Functions taking a `vault` run on the vault thread (through `Keeper.run`); the rest are pure.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from alliance.domain.alerts import Alert
    from alliance.domain.entries import JournalEntry
    from alliance.services.vault import Vault

ALERT_TITLES = {
    "safety_item": "About your answer on thoughts of death or self-harm",
    "off_track": "Not where recovery usually is by now",
    "reliable_deterioration": "A change for the worse",
    "session_feedback": "A relationship check-in",
    "missed_measure": "A questionnaire is overdue",
}
# The severity is shown in words that describe the alert, never as a diagnosis.
SEVERITY_WORDS = {
    "urgent": "Please read now",
    "warning": "Worth talking about",
    "notice": "Good to know",
    "info": "For your information",
}
RESOURCE_LEVELS = ("concern", "urgent")


@dataclass(frozen=True)
class AlertView:
    kind: str
    severity: str
    severity_words: str
    title: str
    message: str
    next_step: str
    evidence_lines: tuple[str, ...]
    shows_resources: bool
    session: object  # the session number an SF-4 alert is about, if any
    resources: Any = None  # the safety-item message, for the safety alert


def alert_view(alert: Alert) -> AlertView:
    evidence = dict(alert.evidence)
    return AlertView(
        kind=alert.kind,
        severity=alert.severity,
        severity_words=SEVERITY_WORDS.get(alert.severity, ""),
        title=ALERT_TITLES.get(alert.kind, "Something to look at"),
        message=alert.message,
        next_step=alert.next_step,
        evidence_lines=tuple(_evidence_lines(evidence)),
        shows_resources=alert.kind == "safety_item",
        session=evidence.get("session"),
        resources=safety_item_resources() if alert.kind == "safety_item" else None,
    )


def _evidence_lines(evidence: dict[str, Any]) -> list[str]:
    lines = []
    for key, value in evidence.items():
        if key in ("crisis_resources", "session") or value in (None, "", [], {}):
            continue
        lines.append(f"{key.replace('_', ' ')}: {_plain(value)}")
    return lines


def _plain(value: Any) -> str:
    if isinstance(value, dict):
        return "; ".join(f"{k.replace('_', ' ')} {_plain(v)}" for k, v in value.items())
    if isinstance(value, list | tuple):
        return ", ".join(_plain(v) for v in value)
    return str(value)


def ensure_reading(vault: Vault, entry: JournalEntry) -> dict[str, Any] | None:
    """The entry's stored reading; read now if saving did not (or it is from an older model)."""
    from alliance.services.readings import read_entry, stored_reading

    reading = stored_reading(vault, entry.id)
    if reading is None and read_entry(vault, entry.id) is not None:
        reading = stored_reading(vault, entry.id)
    return reading


def crisis_level(reading: dict[str, Any] | None) -> str:
    if not reading:
        return "none"
    return str(reading.get("crisis", {}).get("level", "none"))


def resources(level: str = "concern") -> Any:
    """The crisis resources and safe-messaging text (alliance.safety) for a level, or None."""
    safety = importlib.import_module("alliance.safety")
    return safety.resources_for(level)


def safety_item_resources() -> Any:
    safety = importlib.import_module("alliance.safety")
    return safety.safety_item_message()


def resources_dict(level: str) -> dict[str, Any] | None:
    """The resources for the JSON API: {"heading", "body", "text", "resources"}, or None."""
    message = resources(level)
    return None if message is None else dict(message.as_dict())


def safety_item_dict() -> dict[str, Any]:
    return dict(safety_item_resources().as_dict())


def resource_groups(message: Any) -> list[tuple[str, list[Any]]]:
    """A message's resources by region, in the safety module's order of regions."""
    safety = importlib.import_module("alliance.safety")
    groups = []
    for locale in safety.LOCALES:
        found = [r for r in message.resources if r.locale == locale]
        if found:
            groups.append((safety.LOCALE_NAMES[locale], found))
    return groups


def help_page_resources() -> dict[str, Any]:
    safety = importlib.import_module("alliance.safety")
    return {"resources": safety.resources_for("concern")}
