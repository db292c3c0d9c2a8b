"""Which entries `alliance list` shows: jrnl-style filters, read from the command's options.

All filters combine with AND. Date bounds are local days of the person asking: `--from monday`
starts at Monday 00:00, `--to friday` includes all of Friday, `--on DATE` is that one day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from alliance.domain.dates import day_end, day_start, local_day, parse_date, to_utc
from alliance.domain.entries import EntryKind, normalize_tag, parse_kind
from alliance.errors import InvalidInput


@dataclass(frozen=True)
class EntryFilter:
    """`since` is inclusive and `until` exclusive, both aware UTC. `tags` match with AND; a
    tag given without a sign (`sleep`) matches `#sleep` or `@sleep`."""

    limit: int | None = None
    since: datetime | None = None
    until: datetime | None = None
    tags: tuple[str, ...] = ()
    starred: bool = False
    contains: str | None = None
    session: str | None = None
    on_this_day: date | None = None
    kinds: tuple[EntryKind, ...] = ()
    themes: tuple[str, ...] = ()
    emotions: tuple[str, ...] = ()


def build_filter(
    now: datetime,
    *,
    limit: int | None = None,
    from_text: str | None = None,
    to_text: str | None = None,
    on_text: str | None = None,
    tags: tuple[str, ...] = (),
    starred: bool = False,
    contains: str | None = None,
    session: str | None = None,
    on_this_day: bool = False,
    kinds: tuple[str, ...] = (),
    themes: tuple[str, ...] = (),
    emotions: tuple[str, ...] = (),
) -> EntryFilter:
    """Check and read the options; `now` is aware, in the asker's zone."""
    if limit is not None and limit < 1:
        raise InvalidInput(f"-n must be 1 or more, not {limit}.")
    if on_text is not None and (from_text is not None or to_text is not None):
        raise InvalidInput("Use --on, or --from/--to, not both.")
    since, until = _date_range(now, from_text, to_text, on_text)
    if contains is not None and not contains.strip():
        raise InvalidInput("--contains needs some text.")
    return EntryFilter(
        limit=limit,
        since=since,
        until=until,
        tags=tuple(_filter_tag(tag) for tag in tags),
        starred=starred,
        contains=contains,
        session=session,
        on_this_day=now.date() if on_this_day else None,
        kinds=tuple(dict.fromkeys(parse_kind(kind) for kind in kinds)),
        themes=tuple(dict.fromkeys(theme.strip().lower() for theme in themes)),
        emotions=tuple(dict.fromkeys(emotion.strip().lower() for emotion in emotions)),
    )


def _date_range(
    now: datetime, from_text: str | None, to_text: str | None, on_text: str | None
) -> tuple[datetime | None, datetime | None]:
    if on_text is not None:
        day = parse_date(on_text, now, prefer_past=True).day
        return to_utc(day_start(day, now)), to_utc(day_end(day, now))
    since = until = None
    if from_text is not None:
        start = parse_date(from_text, now, prefer_past=True)
        since = to_utc(start.moment if start.has_time else day_start(start.day, now))
    if to_text is not None:
        end = parse_date(to_text, now, prefer_past=True)
        until = to_utc(end.moment + timedelta(seconds=1) if end.has_time else day_end(end.day, now))
    if since is not None and until is not None and since >= until:
        raise InvalidInput(f"--from {from_text!r} is after --to {to_text!r}.")
    return since, until


def _filter_tag(raw: str) -> str:
    text = raw.strip()
    if text[:1] in ("#", "@"):
        return normalize_tag(text)
    return normalize_tag(text)[1:]


def tag_alternatives(tag: str) -> tuple[str, ...]:
    """The stored tags a filter tag matches."""
    return (tag,) if tag[:1] in ("#", "@") else (f"#{tag}", f"@{tag}")


def is_on_this_day(created: datetime, tz: str, today: date) -> bool:
    """Written on today's month and day (in the zone it was written in), in an earlier year."""
    written = local_day(created, tz)
    if written.year >= today.year:
        return False
    if (today.month, today.day) == (2, 28) and (written.month, written.day) == (2, 29):
        return True
    return (written.month, written.day) == (today.month, today.day)


def on_this_day_candidates(today: date) -> tuple[str, ...]:
    """UTC month-days ("11-27") an on-this-day entry can carry: a local day spans two."""
    days = (today - timedelta(days=1), today, today + timedelta(days=1))
    extra = ("02-29",) if (today.month, today.day) in ((2, 28), (3, 1)) else ()
    return tuple(f"{day.month:02d}-{day.day:02d}" for day in days) + extra
