from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from alliance.domain.dates import (
    day_end,
    day_start,
    entry_moment,
    iso_utc,
    parse_date,
    parse_iso_utc,
    resolve_zone_name,
    to_utc,
)
from alliance.domain.entries import EntryKind
from alliance.domain.filters import (
    build_filter,
    is_on_this_day,
    on_this_day_candidates,
    tag_alternatives,
)
from alliance.errors import InvalidInput

BERLIN = ZoneInfo("Europe/Berlin")
# A Friday afternoon in Berlin (UTC+1 in November).
NOW = datetime(2026, 11, 27, 14, 30, tzinfo=BERLIN)


@pytest.mark.parametrize(
    ("text", "expected", "has_time"),
    [
        ("yesterday 9pm", datetime(2026, 11, 26, 21, 0), True),
        ("yesterday at 21:00", datetime(2026, 11, 26, 21, 0), True),
        ("2024-03-05", datetime(2024, 3, 5, 0, 0), False),
        ("2024-03-05 18:30", datetime(2024, 3, 5, 18, 30), True),
        ("last friday 8pm", datetime(2026, 11, 20, 20, 0), True),
        ("monday 9am", datetime(2026, 11, 23, 9, 0), True),
        ("now", datetime(2026, 11, 27, 14, 30), True),
    ],
)
def test_natural_and_iso_dates(text: str, expected: datetime, has_time: bool) -> None:
    parsed = parse_date(text, NOW)
    assert parsed.moment == expected.replace(tzinfo=BERLIN)
    assert parsed.has_time is has_time


def test_an_iso_time_with_an_offset_is_converted_to_the_writers_zone() -> None:
    parsed = parse_date("2026-06-01T12:00:00Z", NOW)
    assert parsed.moment == datetime(2026, 6, 1, 14, 0, tzinfo=BERLIN)


@pytest.mark.parametrize(
    "bad", ["", "   ", "blah", "yesterday blah", "felt heard yesterday", "2024-02-30", "5"]
)
def test_unreadable_dates_are_refused_whole(bad: str) -> None:
    with pytest.raises(InvalidInput, match="date"):
        parse_date(bad, NOW)


def test_a_day_of_the_year_means_the_nearest_one_or_the_last_one_for_a_journal() -> None:
    assert parse_date("june 5", NOW).day == date(2026, 6, 5)
    assert parse_date("march 5", NOW).day == date(2027, 3, 5)
    assert parse_date("dec 3", NOW).day == date(2026, 12, 3)
    assert parse_date("tomorrow", NOW, prefer_past=True).day == date(2026, 11, 28)
    assert parse_date("dec 3", NOW, prefer_past=True).day == date(2025, 12, 3)
    assert parse_date("dec 3 2027", NOW, prefer_past=True).day == date(2027, 12, 3)


def test_an_entry_on_a_bare_day_is_written_at_nine_and_today_means_now() -> None:
    assert entry_moment("yesterday", NOW) == datetime(2026, 11, 26, 9, 0, tzinfo=BERLIN)
    assert entry_moment("2024-03-05", NOW) == datetime(2024, 3, 5, 9, 0, tzinfo=BERLIN)
    assert entry_moment("today", NOW) == NOW


@pytest.mark.parametrize("future", ["tomorrow", "9pm", "2030-01-01"])
def test_an_entry_cannot_be_dated_in_the_future(future: str) -> None:
    with pytest.raises(InvalidInput, match="future"):
        entry_moment(future, NOW)


def test_the_writers_zone_comes_from_tz_then_etc_timezone_then_the_link() -> None:
    link = "/usr/share/zoneinfo/Asia/Tokyo"
    assert resolve_zone_name("Europe/Paris", "America/Chicago\n", link) == "Europe/Paris"
    assert resolve_zone_name(":Europe/Paris", None, None) == "Europe/Paris"
    assert resolve_zone_name("CET-1CEST", "America/Chicago\n", link) == "America/Chicago"
    assert resolve_zone_name(None, "Not/AZone", link) == "Asia/Tokyo"
    assert resolve_zone_name("", None, "/etc/weird") == "UTC"


def test_a_day_spans_its_real_length_across_a_clock_change() -> None:
    spring_forward = date(2026, 3, 29)
    length = to_utc(day_end(spring_forward, NOW)) - to_utc(day_start(spring_forward, NOW))
    assert length == timedelta(hours=23)


def test_iso_utc_round_trips() -> None:
    moment = datetime(2026, 11, 27, 8, 21, 3, 5, tzinfo=UTC)
    assert iso_utc(moment) == "2026-11-27T08:21:03.000005Z"
    assert parse_iso_utc(iso_utc(moment)) == moment
    with pytest.raises(InvalidInput, match="no time zone"):
        parse_iso_utc("2026-11-27T08:21:03")


def test_from_and_to_are_local_days_with_to_included() -> None:
    wanted = build_filter(NOW, from_text="monday", to_text="wednesday")
    assert wanted.since == datetime(2026, 11, 22, 23, 0, tzinfo=UTC)  # Mon 00:00 in Berlin
    assert wanted.until == datetime(2026, 11, 25, 23, 0, tzinfo=UTC)  # after all of Wednesday


def test_on_is_one_whole_day() -> None:
    wanted = build_filter(NOW, on_text="2026-11-01")
    assert wanted.since is not None and wanted.until is not None
    assert wanted.until - wanted.since == timedelta(days=1)


def test_a_to_with_a_time_includes_that_minute() -> None:
    wanted = build_filter(NOW, to_text="yesterday 9pm")
    assert wanted.until == datetime(2026, 11, 26, 20, 0, 1, tzinfo=UTC)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"on_text": "today", "from_text": "monday"}, "not both"),
        ({"from_text": "today", "to_text": "yesterday"}, "after"),
        ({"limit": 0}, "-n must be"),
        ({"from_text": "someday"}, "Cannot read"),
        ({"contains": "  "}, "--contains"),
        ({"kinds": ("diary",)}, "Unknown entry kind"),
        ({"tags": ("two words",)}, "not a tag"),
    ],
)
def test_bad_filters_are_refused(options: dict[str, object], message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        build_filter(NOW, **options)  # type: ignore[arg-type]


def test_filter_tags_without_a_sign_match_both_signs() -> None:
    wanted = build_filter(NOW, tags=("Sleep", "@anna"), kinds=("note", "note"))
    assert wanted.tags == ("sleep", "@anna")
    assert tag_alternatives("sleep") == ("#sleep", "@sleep")
    assert tag_alternatives("@anna") == ("@anna",)
    assert wanted.kinds == (EntryKind.NOTE,)


def test_on_this_day_uses_the_day_where_the_entry_was_written() -> None:
    today = date(2026, 11, 27)
    # 00:30 on 27 November in Berlin is still 26 November in UTC.
    just_after_midnight = datetime(2025, 11, 26, 23, 30, tzinfo=UTC)
    assert is_on_this_day(just_after_midnight, "Europe/Berlin", today)
    assert not is_on_this_day(just_after_midnight, "UTC", today)
    assert not is_on_this_day(datetime(2026, 11, 27, 9, 0, tzinfo=UTC), "UTC", today)
    assert "11-26" in on_this_day_candidates(today)


def test_on_this_day_on_28_february_includes_leap_days() -> None:
    today = date(2027, 2, 28)
    assert is_on_this_day(datetime(2024, 2, 29, 12, 0, tzinfo=UTC), "UTC", today)
    assert "02-29" in on_this_day_candidates(today)
