from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from alliance.domain.entries import (
    MAX_BODY_BYTES,
    EntryKind,
    JournalEntry,
    compose,
    decode_utf8,
    derive_title,
    editable_text,
    entry_as_dict,
    extract_tags,
    normalize_tag,
    parse_kind,
    parse_mood,
    split_leading_date,
    strip_template,
    template_for,
)
from alliance.errors import InvalidInput

BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 11, 27, 14, 30, tzinfo=BERLIN)


def an_entry(**fields: object) -> JournalEntry:
    values: dict[str, object] = {
        "id": "0f1e2d3c-0000-4000-8000-000000000000",
        "created": datetime(2026, 11, 26, 20, 0, tzinfo=ZoneInfo("UTC")),
        "tz": "Europe/Berlin",
        "updated": datetime(2026, 11, 26, 20, 5, 30, 120, tzinfo=ZoneInfo("UTC")),
        "title": "Felt heard",
        "body": "Felt heard. We talked about #work.",
        "tags": ("#work",),
        "starred": False,
        "mood": 4,
        "kind": EntryKind.REFLECTION,
        "session_id": None,
    }
    values.update(fields)
    return JournalEntry(**values)  # type: ignore[arg-type]


def test_inline_tags_follow_jrnl_rules() -> None:
    text = "Talked with @Dr_Meyer about #anxiety. #Anxiety again (#not) a@b.org #3 #T. #a/b-"
    assert extract_tags(text) == ["@dr_meyer", "#anxiety", "#t", "#a/b"]


def test_a_markdown_heading_is_not_a_tag() -> None:
    assert extract_tags("# Session notes\n## Homework\nnothing tagged") == []


@pytest.mark.parametrize(
    ("given", "stored"), [("sleep", "#sleep"), ("#Sleep", "#sleep"), ("@Dr_Meyer", "@dr_meyer")]
)
def test_explicit_tags_get_a_sign_and_lower_case(given: str, stored: str) -> None:
    assert normalize_tag(given) == stored


@pytest.mark.parametrize("bad", ["", "#", "two words", "!x", "#3", "@"])
def test_malformed_explicit_tags_are_refused(bad: str) -> None:
    with pytest.raises(InvalidInput, match="not a tag"):
        normalize_tag(bad)


def test_a_heading_line_becomes_the_title_and_leaves_the_body() -> None:
    content = compose("# After session 12\n\nWe practised grounding. #homework\n")
    assert content.title == "After session 12"
    assert content.body == "We practised grounding. #homework"
    assert content.tags == ("#homework",)


def test_without_a_heading_the_first_sentence_is_the_title_and_the_body_keeps_all() -> None:
    text = "Felt heard today. Then we talked about my sister @anna."
    content = compose(text)
    assert content.title == "Felt heard today"
    assert content.body == text
    assert content.tags == ("@anna",)


def test_a_long_first_sentence_is_shortened_at_a_word() -> None:
    title = derive_title("word " * 40)
    assert len(title) <= 80
    assert title.endswith("…")
    assert title[:-1].split() == ["word"] * len(title[:-1].split())


def test_explicit_title_and_tags_win_and_merge_and_keep_every_line() -> None:
    content = compose("# Heading\nbody #inline", title="Chosen", explicit_tags=("extra", "#inline"))
    assert content.title == "Chosen"
    assert content.body == "# Heading\nbody #inline"
    assert content.tags == ("#extra", "#inline")


def test_a_lone_heading_is_kept_as_the_body() -> None:
    content = compose("# Just this")
    assert content.body == "# Just this"


@pytest.mark.parametrize("empty", ["", "   ", "\n\n\t", "# \n"])
def test_empty_entries_are_refused(empty: str) -> None:
    with pytest.raises(InvalidInput, match="empty"):
        compose(empty)


def test_the_size_limit_counts_utf8_bytes() -> None:
    compose("a" * MAX_BODY_BYTES)
    with pytest.raises(InvalidInput, match="1,000,000"):
        compose("a" * (MAX_BODY_BYTES + 1))
    # "é" is two bytes: half a million and one of them is over the limit.
    with pytest.raises(InvalidInput, match="1,000,002 bytes"):
        compose("é" * (MAX_BODY_BYTES // 2 + 1))


def test_a_title_is_one_short_line() -> None:
    with pytest.raises(InvalidInput, match="one line"):
        compose("body", title="two\nlines")
    with pytest.raises(InvalidInput, match="200"):
        compose("body", title="x" * 201)


def test_invalid_utf8_is_refused_not_guessed() -> None:
    assert decode_utf8("grüß".encode()) == "grüß"
    with pytest.raises(InvalidInput, match=r"not valid UTF-8 .*position 2"):
        decode_utf8(b"ok\xff\xfe")


@pytest.mark.parametrize("mood", ["0", "6", "-1", "x", "2.5", ""])
def test_moods_outside_one_to_five_are_refused(mood: str) -> None:
    with pytest.raises(InvalidInput, match="Mood must be"):
        parse_mood(mood)


def test_moods_and_kinds_that_are_fine() -> None:
    assert [parse_mood(str(mood)) for mood in range(1, 6)] == [1, 2, 3, 4, 5]
    assert parse_kind("Before-Session") is EntryKind.BEFORE_SESSION
    with pytest.raises(InvalidInput, match="reflection, note"):
        parse_kind("diary")


def test_quick_capture_reads_a_leading_date() -> None:
    moment, text = split_leading_date("yesterday 9pm: felt heard today #T", NOW)
    assert moment == datetime(2026, 11, 26, 21, 0, tzinfo=BERLIN)
    assert text == "felt heard today #T"


def test_quick_capture_keeps_a_time_with_a_colon() -> None:
    moment, text = split_leading_date("2026-11-20 21:15: late thoughts", NOW)
    assert moment == datetime(2026, 11, 20, 21, 15, tzinfo=BERLIN)
    assert text == "late thoughts"


@pytest.mark.parametrize(
    "text",
    ["Note: call mom", "re:think this", "no date here", "I said: yes", "x" * 50 + " today: hi"],
)
def test_text_without_a_leading_date_is_left_alone(text: str) -> None:
    assert split_leading_date(text, NOW) == (None, text)


def test_a_future_quick_capture_date_is_refused() -> None:
    with pytest.raises(InvalidInput, match="future"):
        split_leading_date("tomorrow: plan", NOW)


def test_editable_text_round_trips_through_compose() -> None:
    chosen = an_entry(title="My own title", body="Body text #work")
    again = compose(editable_text(chosen))
    assert (again.title, again.body) == ("My own title", "Body text #work")
    derived = an_entry()
    assert editable_text(derived) == "Felt heard. We talked about #work.\n"
    assert compose(editable_text(derived)).title == "Felt heard"
    # A chosen title that only begins like the body is kept as a heading.
    prefix = an_entry(title="Felt")
    assert compose(editable_text(prefix)).title == "Felt"


def test_an_untouched_template_counts_as_empty() -> None:
    for kind in EntryKind:
        template = template_for(kind)
        assert strip_template(template, kind) == ""
        assert strip_template(template + "I wrote this.", kind).endswith("I wrote this.")
        assert "<!--" not in strip_template(template + "I wrote this.", kind)


def test_the_json_form_has_the_documented_fields() -> None:
    data = entry_as_dict(an_entry())
    assert set(data) >= {
        "id", "created", "tz", "updated", "title", "body", "tags",
        "starred", "mood", "kind", "session_id",
    }  # fmt: skip
    assert data["created"] == "2026-11-26T20:00:00Z"
    assert data["updated"] == "2026-11-26T20:05:30.000120Z"
    assert data["tags"] == ["#work"]
    assert data["kind"] == "reflection"
    assert data["trashed"] is False


@given(st.text(min_size=1).filter(lambda text: text.strip() and not text.lstrip().startswith("#")))
def test_compose_never_rewrites_the_body(text: str) -> None:
    content = compose(text)
    assert content.body == text.strip()
    assert len(content.title) <= 80


def test_only_a_level_one_heading_is_a_title() -> None:
    content = compose("## What stayed with me\nThe silence.")
    assert content.title == "What stayed with me"
    assert content.body == "## What stayed with me\nThe silence."


def test_session_references() -> None:
    from alliance.domain.sessions import SessionRef, parse_session_ref

    assert parse_session_ref(" Last ") == SessionRef(last=True)
    assert parse_session_ref("12") == SessionRef(number=12)
    assert parse_session_ref("1234") == SessionRef(number=1234, id_prefix="1234")
    assert parse_session_ref("AB12-") == SessionRef(id_prefix="ab12-")
    with pytest.raises(InvalidInput, match="not a session"):
        parse_session_ref("ab1")
