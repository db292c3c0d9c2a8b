"""Crisis resources and safe-messaging text, shared by the CLI, the web pages and the reports.

Shown when a reflection reads as concern or urgent (`alliance.analysis.crisis`) and when a
safety item fires on a measure (PHQ-9 item 9 above 0). What this text always does:

- speaks warmly and without judging, and never labels the person (no diagnosis, no risk score,
  never the word for the top crisis level, never "you are not at risk");
- says that Alliance never contacts anyone by itself, and that the entry is kept, not hidden;
- encourages reaching out to someone the person trusts or to their therapist;
- lists free, round-the-clock lines for the US, the UK and Ireland, and a directory for
  everywhere else, plus the local emergency numbers.

Numbers checked against shared/reference/clinical-facts.md section 6. Plain data, no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

MessageLevel = Literal["concern", "urgent"]
Locale = Literal["us", "uk_ie", "international"]
LOCALES: tuple[Locale, ...] = ("us", "uk_ie", "international")
LOCALE_NAMES: dict[Locale, str] = {
    "us": "United States",
    "uk_ie": "UK and Ireland",
    "international": "Anywhere else",
}


@dataclass(frozen=True)
class CrisisResource:
    name: str
    contact: str  # what to do, in words: "Call or text 988"
    locale: Locale
    note: str = ""
    url: str = ""

    @property
    def region(self) -> str:
        return LOCALE_NAMES[self.locale]

    def as_dict(self) -> dict[str, str]:
        return {
            "name": self.name,
            "contact": self.contact,
            "region": self.region,
            "locale": self.locale,
            "note": self.note,
            "url": self.url,
        }


@dataclass(frozen=True)
class SafetyMessage:
    """A heading, a few short paragraphs and the lines to call; what a screen shows."""

    heading: str
    body: tuple[str, ...]
    resources: tuple[CrisisResource, ...]

    @property
    def text(self) -> str:
        return "\n\n".join(self.body)

    def as_dict(self) -> dict[str, object]:
        return {
            "heading": self.heading,
            "body": list(self.body),
            "text": self.text,
            "resources": [resource.as_dict() for resource in self.resources],
        }


CRISIS_RESOURCES: tuple[CrisisResource, ...] = (
    CrisisResource(
        "988 Suicide & Crisis Lifeline",
        "Call or text 988, or chat at 988lifeline.org",
        "us",
        "Free and confidential, 24/7. Veterans can press 1.",
        "https://988lifeline.org",
    ),
    CrisisResource(
        "Crisis Text Line",
        "Text HOME to 741741",
        "us",
        "Free, 24/7, by text message.",
        "https://www.crisistextline.org",
    ),
    CrisisResource(
        "Emergency services (US)",
        "Call 911",
        "us",
        "If you or someone else is in danger right now.",
    ),
    CrisisResource(
        "Samaritans",
        "Call 116 123, or email jo@samaritans.org",
        "uk_ie",
        "Free from landlines and mobiles, 24/7, and the call does not show on your bill.",
        "https://www.samaritans.org",
    ),
    CrisisResource(
        "NHS 111 (England)",
        "Call 111 and choose the mental health option",
        "uk_ie",
        "For help in a mental health crisis that is not an emergency.",
    ),
    CrisisResource(
        "Emergency services (UK and Ireland)",
        "Call 999 or 112",
        "uk_ie",
        "If you or someone else is in danger right now.",
    ),
    CrisisResource(
        "Find A Helpline",
        "Search findahelpline.com for a free line in your country",
        "international",
        "A directory of crisis lines around the world.",
        "https://findahelpline.com",
    ),
    CrisisResource(
        "Emergency services",
        "Call your local emergency number (112 in the EU and many other countries)",
        "international",
        "If you or someone else is in danger right now.",
    ),
)

RESOURCES_BY_LOCALE: dict[Locale, tuple[CrisisResource, ...]] = {
    locale: tuple(r for r in CRISIS_RESOURCES if r.locale == locale) for locale in LOCALES
}

_KEPT_AND_PRIVATE = (
    "Alliance never contacts anyone by itself. Your entry is kept just as you wrote it, not "
    "hidden or deleted; you decide who sees it."
)
_REACH_OUT = (
    "If you can, tell someone you trust how things are, or bring this to your therapist. It is "
    "fine to show them what you wrote here."
)

SAFE_MESSAGING = "\n\n".join(
    (
        "It sounds like things are really hard right now. Thank you for putting it into words; "
        "that takes courage.",
        "You don't have to carry this alone. The people on the lines below are there for "
        "exactly this, day and night, and they will listen without judging. If you are worried "
        "about someone else, they can help you with that too.",
        _REACH_OUT,
        _KEPT_AND_PRIVATE,
    )
)

_CONCERN = SafetyMessage(
    heading="You don't have to carry this alone",
    body=tuple(SAFE_MESSAGING.split("\n\n")),
    resources=CRISIS_RESOURCES,
)
# More direct, still about what to do, never about what the person "is".
_URGENT = SafetyMessage(
    heading="Please reach out for support now",
    body=(
        "What you wrote sounds very painful, and your safety matters.",
        "If you are in danger now, or think you might act on these thoughts, call your local "
        "emergency number (911 in the US, 999 or 112 in the UK and Ireland) or go to the "
        "nearest emergency department.",
        "You can also call or text 988 in the US, or call Samaritans free on 116 123 in the UK "
        "and Ireland, at any hour. Someone will listen, without judging.",
        "If you can, stay near someone you trust tonight, let your therapist know, and put some "
        "distance between yourself and anything you could use to hurt yourself.",
        _KEPT_AND_PRIVATE,
    ),
    resources=CRISIS_RESOURCES,
)
_SAFETY_ITEM = SafetyMessage(
    heading="Thank you for answering honestly",
    body=(
        "Your answer says that thoughts of being better off dead, or of hurting yourself, have "
        "been there lately. That is hard to carry, and you don't have to carry it alone.",
        "If you are in danger now, call your local emergency number (911 in the US, 999 or 112 "
        "in the UK and Ireland). You can call or text 988 in the US, or call Samaritans free on "
        "116 123 in the UK and Ireland, day or night.",
        "Please let your therapist know about this answer; it is fine to show them this page.",
        "Alliance never contacts anyone by itself. Your answers are kept as you gave them.",
    ),
    resources=CRISIS_RESOURCES,
)


def _for_locales(message: SafetyMessage, locales: tuple[Locale, ...] | None) -> SafetyMessage:
    if not locales:
        return message
    unknown = set(locales) - set(LOCALES)
    if unknown:
        raise ValueError(f"unknown locale: {', '.join(sorted(unknown))}")
    chosen = tuple(r for r in message.resources if r.locale in locales)
    return SafetyMessage(message.heading, message.body, chosen)


def resources_for(level: str, locales: tuple[Locale, ...] | None = None) -> SafetyMessage | None:
    """The message for a crisis level: None for "none", else heading, text and resources.

    `locales` narrows the list (default: all of them, since Alliance does not know where the
    person is); the emergency wording in the text always names the main numbers.
    """
    if level == "none":
        return None
    if level == "concern":
        return _for_locales(_CONCERN, locales)
    if level == "urgent":
        return _for_locales(_URGENT, locales)
    raise ValueError(f"unknown crisis level: {level!r}")


def safety_item_message(locales: tuple[Locale, ...] | None = None) -> SafetyMessage:
    """Shown when a safety item fires (PHQ-9 item 9 above 0), whatever the total score."""
    return _for_locales(_SAFETY_ITEM, locales)


def render_plain(level: str, locales: tuple[Locale, ...] | None = None) -> str:
    """Terminal text for a crisis level ("" for "none"): no markup, no colour codes."""
    message = resources_for(level, locales)
    return "" if message is None else render_message(message)


def render_message(message: SafetyMessage) -> str:
    lines = [message.heading, "", *_paragraphs(message.body), ""]
    for locale in LOCALES:
        group = [r for r in message.resources if r.locale == locale]
        if not group:
            continue
        lines.append(f"{LOCALE_NAMES[locale]}:")
        lines.extend(f"  - {r.name}: {r.contact}. {r.note}".rstrip() for r in group)
    return "\n".join(lines).rstrip() + "\n"


def _paragraphs(body: tuple[str, ...]) -> list[str]:
    out: list[str] = []
    for paragraph in body:
        out.extend((paragraph, ""))
    return out[:-1]
