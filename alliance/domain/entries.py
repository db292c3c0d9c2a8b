"""Journal entries: what one is, and the rules for turning typed text into one.

Title rule (documented in docs/journal.md): an explicit title wins; else a first line written
as a level-one Markdown heading (`# Title`) becomes the title and leaves the body; else the
title is the first sentence of the first line (at most 80 characters) and the body keeps all
the text. The body is never rewritten: what a person typed is what is stored.

Tags: `#word` and `@person` anywhere in the title or body (not `#3`, not inside `a@b.org`),
plus tags given explicitly. They are stored lower-case with their sign.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from alliance.domain.dates import entry_moment, iso_utc
from alliance.errors import InvalidInput

MAX_BODY_BYTES = 1_000_000
MAX_TITLE_CHARS = 200
DERIVED_TITLE_CHARS = 80
MAX_TAG_CHARS = 64
MOODS = range(1, 6)

# jrnl's tag grammar: a sign at the start of a word, then word characters, '-' or '/'.
_TAG = re.compile(r"(?<!\S)([#@])(\w[\w\-/]*)")
# Only a level-one heading is a title; "## What stayed with me" (a template's prompt) is body.
_HEADING = re.compile(r"^#\s+(.*?)\s*#*\s*$")
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s")
_LEADING_MARKUP = re.compile(r"^\s*(?:[>*+\-]\s+|\d+[.)]\s+|#{1,6}\s+)*")
# A quick-capture date is short: at most this many characters before its colon.
_MAX_DATE_PREFIX = 40


class EntryKind(StrEnum):
    REFLECTION = "reflection"
    NOTE = "note"
    BEFORE_SESSION = "before-session"
    AFTER_SESSION = "after-session"


@dataclass(frozen=True)
class JournalEntry:
    """One entry as a person sees it. Times are aware UTC; `tz` is where it was written."""

    id: str
    created: datetime
    tz: str
    updated: datetime
    title: str
    body: str
    tags: tuple[str, ...]
    starred: bool
    mood: int | None
    kind: EntryKind
    session_id: str | None
    deleted_at: datetime | None = None

    @property
    def trashed(self) -> bool:
        return self.deleted_at is not None


@dataclass(frozen=True)
class EntryContent:
    """Validated title, body and tags, ready to store."""

    title: str
    body: str
    tags: tuple[str, ...]


@dataclass(frozen=True)
class EntryChanges:
    """What an edit changes; None leaves a field as it is.

    `text` is the whole editable text (see `editable_text`). `expected_updated` guards against
    a second writer: the edit is refused when the entry changed since it was read.
    """

    text: str | None = None
    title: str | None = None
    add_tags: tuple[str, ...] = ()
    remove_tags: tuple[str, ...] = ()
    starred: bool | None = None
    mood: int | None = None
    clear_mood: bool = False
    kind: str | None = None
    session: str | None = None
    at: str | None = None
    expected_updated: datetime | None = None

    def is_empty(self) -> bool:
        return self == EntryChanges(expected_updated=self.expected_updated)


@dataclass(frozen=True)
class SearchHit:
    """A ranked search result. `snippet` alternates plain and matched pieces of the text."""

    id: str
    created: datetime
    tz: str
    title: str
    kind: str
    starred: bool
    mood: int | None
    score: float
    snippet: tuple[tuple[str, bool], ...] = field(default=())


def extract_tags(text: str) -> list[str]:
    """Inline tags in order of first use, lower-cased, without duplicates."""
    found: dict[str, None] = {}
    for sign, word in _TAG.findall(text):
        word = word.rstrip("-/")
        if word and not word.isdigit() and len(word) <= MAX_TAG_CHARS:
            found[f"{sign}{word.lower()}"] = None
    return list(found)


def normalize_tag(raw: str) -> str:
    """An explicitly given tag: `anxiety`, `#anxiety` and `@dr_meyer` are all fine."""
    text = raw.strip()
    if text and text[0] not in "#@":
        text = f"#{text}"
    tags = extract_tags(text)
    if len(tags) != 1 or tags[0] != text.lower():
        raise InvalidInput(
            f"{raw!r} is not a tag: use letters, digits, '_', '-' or '/' (e.g. #sleep, @dr_meyer)."
        )
    return tags[0]


def parse_mood(text: str) -> int:
    """A mood typed on the command line: a whole number from 1 to 5."""
    cleaned = text.strip()
    if not cleaned.isdigit():
        raise InvalidInput(f"Mood must be a whole number from 1 to 5, not {text!r}.")
    mood = int(cleaned)
    validate_mood(mood)
    return mood


def validate_mood(mood: int | None) -> int | None:
    if mood is not None and mood not in MOODS:
        raise InvalidInput(f"Mood must be 1 to 5, not {mood}.")
    return mood


def parse_kind(text: str) -> EntryKind:
    try:
        return EntryKind(text.strip().lower())
    except ValueError:
        choices = ", ".join(kind.value for kind in EntryKind)
        raise InvalidInput(f"Unknown entry kind {text!r}: choose {choices}.") from None


def check_size(text: str) -> None:
    size = len(text.encode("utf-8", errors="surrogatepass"))
    if size > MAX_BODY_BYTES:
        raise InvalidInput(f"The entry is {size:,} bytes; the most an entry holds is 1,000,000.")


def decode_utf8(data: bytes) -> str:
    """Bytes from stdin or a file, decoded strictly: a wrong encoding is refused, not guessed."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InvalidInput(
            f"The text is not valid UTF-8 (bad byte at position {error.start})."
        ) from None


def split_leading_date(text: str, now: datetime) -> tuple[datetime | None, str]:
    """Quick capture: "yesterday 9pm: felt heard" -> (yesterday 21:00, "felt heard").

    The date is everything before a colon that is followed by a space or the end, when that
    whole prefix reads as a date; otherwise the text has no date and is returned as it is.
    The longest such prefix wins, so "21:00: text" keeps its time.
    """
    first_line = text.lstrip().split("\n", 1)[0]
    offset = len(text) - len(text.lstrip())
    best: tuple[datetime, int] | None = None
    for match in re.finditer(r":(?=\s|$)", first_line):
        if match.start() > _MAX_DATE_PREFIX:
            break
        prefix = first_line[: match.start()]
        if not prefix.strip():
            continue
        try:
            moment = entry_moment(prefix, now)
        except InvalidInput as error:
            if "future" in str(error):
                raise
            continue
        best = (moment, offset + match.end())
    if best is None:
        return None, text
    return best[0], text[best[1] :].strip()


def derive_title(body: str) -> str:
    """The first sentence of the first non-empty line, shortened at a word to 80 characters."""
    line = next((line for line in body.splitlines() if line.strip()), "")
    line = _LEADING_MARKUP.sub("", line).strip()
    sentence = _SENTENCE_END.split(line, 1)[0].strip()
    # "Felt heard." reads as a title without its full stop; "Why?" keeps its mark.
    sentence = sentence[:-1] if sentence.endswith(".") and not sentence.endswith("..") else sentence
    if len(sentence) <= DERIVED_TITLE_CHARS:
        return sentence
    cut = sentence[: DERIVED_TITLE_CHARS - 1].rsplit(" ", 1)[0].rstrip(" ,;:")
    return f"{cut}…"


def split_heading(text: str) -> tuple[str | None, str]:
    """A first line `# Title` becomes the title; the rest is the body."""
    stripped = text.strip("\n")
    first, _, rest = stripped.partition("\n")
    heading = _HEADING.match(first)
    if heading is None:
        return None, text.strip()
    return heading.group(1).strip(), rest.strip()


def compose(
    text: str, *, title: str | None = None, explicit_tags: tuple[str, ...] = ()
) -> EntryContent:
    """Validate typed text and work out its title and tags (see the module docstring)."""
    check_size(text)
    # With a title given, a heading line is part of the text and stays in the body.
    heading, body = split_heading(text) if title is None else (None, text.strip())
    if not body and heading:
        # A lone heading is the whole entry: keep it as the body, never drop what was typed.
        heading, body = None, text.strip()
    if not body:
        raise InvalidInput("The entry is empty; nothing was saved.")
    final_title = (title if title is not None else heading or derive_title(body)).strip()
    _check_title(final_title)
    tags = extract_tags(f"{final_title}\n{body}")
    for tag in explicit_tags:
        normalized = normalize_tag(tag)
        if normalized not in tags:
            tags.append(normalized)
    return EntryContent(final_title, body, tuple(sorted(tags)))


def _check_title(title: str) -> None:
    if "\n" in title:
        raise InvalidInput("A title is one line.")
    if len(title) > MAX_TITLE_CHARS:
        raise InvalidInput(f"A title is at most {MAX_TITLE_CHARS} characters.")


def explicit_tags_of(entry: JournalEntry) -> tuple[str, ...]:
    """Tags given with --tag rather than written in the text (kept across text edits)."""
    inline = set(extract_tags(f"{entry.title}\n{entry.body}"))
    return tuple(tag for tag in entry.tags if tag not in inline)


def editable_text(entry: JournalEntry) -> str:
    """The text an editor shows: the title as a heading (unless it was taken from the body,
    which then gives it again after the edit), a blank line, the body."""
    if not entry.title or title_repeats_body(entry):
        return f"{entry.body}\n"
    return f"# {entry.title}\n\n{entry.body}\n"


def display_title(entry: JournalEntry) -> str:
    return entry.title or derive_title(entry.body)


def title_repeats_body(entry: JournalEntry) -> bool:
    """True when the title is the one the body gives anyway, so showing both would repeat it."""
    return entry.title == derive_title(entry.body)


_GUIDE = (
    "<!-- alliance: write below. A first line '# Title' sets the title; #tags and @people\n"
    "     work anywhere. Save and close the editor to keep the entry; leave it empty to\n"
    "     cancel. This note is removed when the entry is saved. -->\n"
)
_PROMPTS = {
    EntryKind.BEFORE_SESSION: (
        "## What I want to bring up\n\n\n## How I have been since last time\n"
    ),
    EntryKind.AFTER_SESSION: "## What stayed with me\n\n\n## What I want to try before next time\n",
}
_GUIDE_NOTE = re.compile(r"<!-- alliance:.*?-->\n?", re.DOTALL)


def template_for(kind: EntryKind) -> str:
    """What the editor opens with for a new entry of this kind."""
    prompts = _PROMPTS.get(kind, "")
    return f"{_GUIDE}\n{prompts}"


def strip_template(text: str, kind: EntryKind) -> str:
    """The text a person wrote into a template; "" when they left it as it was."""
    written = _GUIDE_NOTE.sub("", text).strip()
    untouched = _GUIDE_NOTE.sub("", template_for(kind)).strip()
    return "" if written == untouched else written


def entry_as_dict(entry: JournalEntry) -> dict[str, object]:
    """The JSON form of an entry (docs/cli.md): the same in `--json` output and in exports."""
    return {
        "id": entry.id,
        "created": iso_utc(entry.created),
        "tz": entry.tz,
        "updated": iso_utc(entry.updated),
        "title": entry.title,
        "body": entry.body,
        "tags": list(entry.tags),
        "starred": entry.starred,
        "mood": entry.mood,
        "kind": entry.kind.value,
        "session_id": entry.session_id,
        "trashed": entry.trashed,
        "deleted_at": None if entry.deleted_at is None else iso_utc(entry.deleted_at),
    }
