"""Crisis resources and safe-messaging text (alliance.safety)."""

from __future__ import annotations

import re

import pytest

from alliance import safety
from alliance.safety import (
    CRISIS_RESOURCES,
    LOCALES,
    RESOURCES_BY_LOCALE,
    SAFE_MESSAGING,
    SafetyMessage,
    render_message,
    render_plain,
    resources_for,
    safety_item_message,
)


def _messages() -> list[SafetyMessage]:
    found = [resources_for("concern"), resources_for("urgent"), safety_item_message()]
    return [message for message in found if message is not None]


def _all_text() -> list[str]:
    texts = [SAFE_MESSAGING, render_plain("concern"), render_plain("urgent")]
    texts.append(render_message(safety_item_message()))
    for message in _messages():
        texts.extend([message.heading, message.text, str(message.as_dict())])
    return texts


def test_no_message_when_nothing_was_read() -> None:
    assert resources_for("none") is None
    assert render_plain("none") == ""


@pytest.mark.parametrize("level", ["concern", "urgent"])
def test_levels_carry_every_resource_by_default(level: str) -> None:
    message = resources_for(level)
    assert message is not None
    assert message.resources == CRISIS_RESOURCES
    assert message.heading and len(message.body) >= 3


@pytest.mark.parametrize("text", _all_text())
def test_the_word_urgent_never_appears(text: str) -> None:
    assert not re.search("urgent", text, re.IGNORECASE)


@pytest.mark.parametrize("level", ["concern", "urgent"])
def test_the_lines_and_numbers_are_all_there(level: str) -> None:
    text = render_plain(level)
    for needle in (
        "988",
        "988lifeline.org",
        "741741",
        "116 123",
        "jo@samaritans.org",
        "findahelpline.com",
        "911",
        "999",
        "112",
    ):
        assert needle in text, needle


def test_resources_are_grouped_by_locale() -> None:
    assert set(RESOURCES_BY_LOCALE) == set(LOCALES)
    assert sum(len(group) for group in RESOURCES_BY_LOCALE.values()) == len(CRISIS_RESOURCES)
    contacts = {loc: " ".join(r.contact for r in RESOURCES_BY_LOCALE[loc]) for loc in LOCALES}
    assert "988" in contacts["us"] and "741741" in contacts["us"] and "911" in contacts["us"]
    assert "116 123" in contacts["uk_ie"] and "999" in contacts["uk_ie"]
    assert "findahelpline.com" in contacts["international"]


def test_locales_narrow_the_list() -> None:
    message = resources_for("concern", ("uk_ie",))
    assert message is not None
    assert {r.locale for r in message.resources} == {"uk_ie"}
    assert "Samaritans" in render_plain("concern", ("uk_ie",))
    assert "741741" not in render_plain("concern", ("uk_ie",))
    with pytest.raises(ValueError, match="unknown locale"):
        resources_for("concern", ("mars",))  # type: ignore[arg-type]


def test_unknown_level_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown crisis level"):
        resources_for("severe")


@pytest.mark.parametrize(
    ("message", "about_an_entry"),
    [
        (resources_for("concern"), True),
        (resources_for("urgent"), True),
        (safety_item_message(), False),
    ],
    ids=["concern", "urgent", "safety_item"],
)
def test_says_what_alliance_does_and_never_does(
    message: SafetyMessage, about_an_entry: bool
) -> None:
    text = message.text.lower()
    assert "never contacts anyone" in text
    assert "therapist" in text
    if about_an_entry:
        assert "not hidden" in text
        assert "someone you trust" in text


@pytest.mark.parametrize("text", _all_text())
def test_never_labels_the_person(text: str) -> None:
    lowered = text.lower()
    for label in (
        "you are suicidal",
        "you're suicidal",
        "at risk",
        "diagnos",
        "high risk",
        "crisis level",
        "severity",
    ):
        assert label not in lowered, label


def test_urgent_wording_is_more_direct_than_concern() -> None:
    concern, urgent = resources_for("concern"), resources_for("urgent")
    assert concern is not None and urgent is not None
    assert "emergency number" in urgent.text and "in danger now" in urgent.text
    assert concern.text != urgent.text


def test_plain_rendering_has_no_markup() -> None:
    # The CLI prints this through rich: square brackets would be read as markup.
    for text in _all_text()[:4]:
        assert "[" not in text and "]" not in text
        assert "\x1b" not in text


def test_as_dict_is_json_shaped() -> None:
    message = resources_for("urgent")
    assert message is not None
    shaped = message.as_dict()
    assert shaped["heading"] == message.heading
    assert shaped["text"] == message.text
    assert shaped["resources"][0]["name"] == CRISIS_RESOURCES[0].name  # type: ignore[index]
    assert {"name", "contact", "region", "locale", "note", "url"} <= set(
        shaped["resources"][0]  # type: ignore[index]
    )


def test_phq9_item_9_starts_the_safety_flow_whatever_the_total() -> None:
    from alliance.domain.alerts import safety_alert
    from alliance.domain.instruments import score
    from alliance.instruments.catalog import load_instrument

    phq9 = load_instrument("phq9")
    result = score(phq9, [0, 0, 0, 0, 0, 0, 0, 0, 1])
    assert result.total == 1 and result.safety
    assert safety_alert(phq9, result) is not None
    message = safety.safety_item_message()
    assert "116 123" in render_message(message) and "988" in render_message(message)
    assert not safety_alert(phq9, score(phq9, [3, 3, 3, 3, 3, 3, 3, 3, 0]))
