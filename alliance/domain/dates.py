"""Natural-language dates ("yesterday 9pm", "last monday", "2024-03-05 18:30") and time zones.

Pure: the caller passes the current moment (an aware datetime in the writer's zone); nothing
here reads a clock, the environment or a file. `parsedatetime` is imported on first use only,
because the search path of the command line never needs it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from alliance.errors import InvalidInput

# A date without a time of day means 09:00, as in jrnl (`default_hour`).
DEFAULT_HOUR = 9
_EXAMPLES = "try 'yesterday 9pm', 'last monday' or '2024-03-05 18:30'"
_NOW_WORDS = frozenset({"now", "just now", "right now"})


@dataclass(frozen=True)
class ParsedDate:
    """A moment read from text. `has_time` is False for a bare day ("yesterday")."""

    moment: datetime
    has_time: bool

    @property
    def day(self) -> date:
        return self.moment.date()


def zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise InvalidInput(f"Unknown time zone {name!r}.") from None


def resolve_zone_name(
    tz_env: str | None, etc_timezone: str | None, localtime_target: str | None
) -> str:
    """The writer's IANA zone from, in order: $TZ, /etc/timezone, the /etc/localtime link.

    Each source is used only when it names a zone that exists; a POSIX rule such as
    `CET-1CEST` is not an IANA name and is skipped. With none, the answer is "UTC".
    """
    candidates = [
        (tz_env or "").removeprefix(":"),
        (etc_timezone or "").strip(),
        _zone_from_link(localtime_target or ""),
    ]
    for candidate in candidates:
        if candidate and _is_zone(candidate):
            return candidate
    return "UTC"


def _zone_from_link(target: str) -> str:
    marker = "zoneinfo/"
    return target.split(marker, 1)[1] if marker in target else ""


def _is_zone(name: str) -> bool:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def parse_date(text: str, now: datetime, *, prefer_past: bool = False) -> ParsedDate:
    """Read a whole string as one date; anything left over makes it unreadable.

    `now` is aware, in the zone the text is meant in. A day of the year without a year
    ("march 5") means its nearest occurrence; with `prefer_past`, the last one that is not
    ahead: a journal looks back.
    """
    cleaned = " ".join(text.split())
    if not cleaned:
        raise InvalidInput(f"An empty date: {_EXAMPLES}.")
    if cleaned.lower() in _NOW_WORDS:
        return ParsedDate(now, has_time=True)
    parsed = _parse_iso(cleaned, now) or _parse_natural(cleaned, now)
    if parsed is None:
        raise InvalidInput(f"Cannot read {text.strip()!r} as a date: {_EXAMPLES}.")
    moment, has_time, day_of_year = parsed
    ahead = moment - now
    if day_of_year and ahead > timedelta(0):
        moment = _one_year_earlier(moment) if prefer_past or ahead.days > 183 else moment
    return ParsedDate(moment, has_time)


# Each reader returns (moment, has a time of day, is a day of the year given without a year).


def _parse_iso(text: str, now: datetime) -> tuple[datetime, bool, bool] | None:
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=now.tzinfo)
    else:
        moment = moment.astimezone(now.tzinfo)
    return moment, len(text) > len("2024-03-05"), False


def _parse_natural(text: str, now: datetime) -> tuple[datetime, bool, bool] | None:
    calendar = _calendar()
    matches: Any = calendar.nlp(text, sourceTime=now.replace(tzinfo=None))
    if not matches or len(matches) != 1:
        return None
    naive, context, start, end, _matched = matches[0]
    if start != 0 or end != len(text) or not (context.hasDate or context.hasTime):
        return None
    from parsedatetime import pdtContext

    # "march 5" and "12/3" name a month but no year; "tomorrow" and "friday" name neither.
    accuracy = context.accuracy
    day_of_year = bool(accuracy & pdtContext.ACU_MONTH) and not accuracy & pdtContext.ACU_YEAR
    return naive.replace(tzinfo=now.tzinfo), bool(context.hasTime), day_of_year


def _one_year_earlier(moment: datetime) -> datetime:
    try:
        return moment.replace(year=moment.year - 1)
    except ValueError:  # 29 February
        return moment.replace(year=moment.year - 1, day=28)


_CALENDAR: Any = None


def _calendar() -> Any:
    global _CALENDAR
    if _CALENDAR is None:
        import parsedatetime

        constants = parsedatetime.Constants(usePyICU=False)
        # "monday" means the last Monday, not the next one: a journal looks back.
        constants.DOWParseStyle = -1
        constants.CurrentDOWParseStyle = False
        _CALENDAR = parsedatetime.Calendar(constants, version=parsedatetime.VERSION_CONTEXT_STYLE)
    return _CALENDAR


def entry_moment(text: str, now: datetime) -> datetime:
    """When an entry was written: a bare day means 09:00 (today: now). Never in the future."""
    parsed = parse_date(text, now, prefer_past=True)
    moment = parsed.moment
    if not parsed.has_time:
        moment = now if parsed.day == now.date() else at_local_time(parsed.day, now, DEFAULT_HOUR)
    if moment > now:
        raise InvalidInput(
            f"{text.strip()!r} is in the future; an entry's date cannot be (add a day: "
            "'yesterday 9pm')."
        )
    return moment


def at_local_time(day: date, now: datetime, hour: int = 0) -> datetime:
    """`day` at `hour`:00 in the zone of `now`."""
    return datetime.combine(day, time(hour), tzinfo=now.tzinfo)


def day_start(day: date, now: datetime) -> datetime:
    return at_local_time(day, now)


def day_end(day: date, now: datetime) -> datetime:
    """The first moment after `day` (an exclusive upper bound)."""
    return at_local_time(day + timedelta(days=1), now)


def to_utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)


def local_day(moment: datetime, zone_name: str) -> date:
    """The calendar day a UTC moment fell on where it was written."""
    return moment.astimezone(zone(zone_name)).date()


def iso_utc(moment: datetime) -> str:
    """ISO-8601 in UTC with a `Z`: `2026-11-26T21:00:00Z` (microseconds only when present)."""
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def parse_iso_utc(text: str) -> datetime:
    """The inverse of `iso_utc`, for reading an export back; refuses times without a zone."""
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except (ValueError, AttributeError):
        raise InvalidInput(f"{text!r} is not an ISO-8601 time.") from None
    if moment.tzinfo is None:
        raise InvalidInput(f"{text!r} has no time zone.")
    return moment.astimezone(UTC)
