"""The cue lexicon behind the relationship-theme reader: loading and compiling.

The cues themselves live in `models/themes.yaml`, one entry per regular expression, grouped
by theme. Each entry has:

- `re`: the pattern, matched case-insensitively. It may span several lines; they are stripped
  and joined. A `(?P<cue>...)` (or `(?P<c2>...)`) group marks the key word: negation and
  subject checks then look before that word instead of before the whole match.
- `w`: the weight, how sure one accepted hit makes the reader (0..1).
- `who` (default "self"): whose experience it must be. "self": the nearest subject before
  the cue is the writer, or none is named (diary style: "Cried the whole hour");
  "therapist": the therapist, or none named; "not_other": anyone but a third party;
  "any": no subject check. In every case a he/she/him/her inside the match that refers to a
  third party ("I trust him", him = my brother) disqualifies the hit.
- `negated` / `no_longer`: the theme a negated hit counts for instead ("he never listens" is
  rupture; "I don't feel judged anymore" is repair); absent: the hit is dropped.
- `context`: a named context (under `contexts:`) that must be found in the same or the
  previous sentence, e.g. "terrified" only means fear of ending near talk of therapy ending.
- `factual` (default true): drop the hit under "if", "I was worried she'd", "I hope"...

Placeholders in angle brackets (`<T>`, `<HELPER>`, `<NAME>`, ...) are expanded from
`PLACEHOLDERS` before compiling.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

_NAME = (
    r"(?-i:(?!(?:I|God|OMG|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)"
    r"[A-Z][a-z]+(?:-[a-z]+)?)"
)
_HELPER = (
    r"(?:(?:my|our|the)\s+(?:\w+\s+)?(?:therapist|counsell?or|psychologist|psychotherapist|"
    r"psychiatrist|psych|shrink|analyst|clinician)|(?:dr|mr|mrs|ms|mx)\.?\s+"
    + _NAME
    + r"|(?-i:\bT\b))"
)
PLACEHOLDERS = {
    "<NAME>": _NAME,
    # The therapist named by role ("my counsellor", "Dr. Okafor", "T").
    "<HELPER>": _HELPER,
    # The therapist as an object: a pronoun (checked later), a helper noun or a name.
    "<T>": r"(?:her|him|them|" + _HELPER + "|" + _NAME + ")",
    # The therapist as a subject.
    "<TS>": r"(?:she|he|they|" + _HELPER + "|" + _NAME + r")(?:'s|'d|'ll)?",
}
WHO_VALUES = frozenset({"self", "therapist", "not_other", "any"})


def expand(pattern: str) -> str:
    for key, value in PLACEHOLDERS.items():
        pattern = pattern.replace(key, value)
    return pattern


@dataclass(frozen=True)
class Cue:
    theme: str
    regex: re.Pattern[str]
    weight: float
    who: str = "self"
    negated: str | None = None
    no_longer: str | None = None
    context: str | None = None
    factual: bool = True


@dataclass(frozen=True)
class Lexicon:
    cues: tuple[Cue, ...]
    contexts: dict[str, tuple[tuple[re.Pattern[str], str], ...]]


def _compile(raw: str) -> re.Pattern[str]:
    joined = "".join(line.strip() for line in raw.splitlines())
    return re.compile(expand(joined), re.IGNORECASE)


def _cue(theme: str, entry: dict[str, Any], themes: frozenset[str], contexts: set[str]) -> Cue:
    who = entry.get("who", "self")
    if who not in WHO_VALUES:
        raise ValueError(f"theme lexicon: bad who {who!r} under {theme}")
    for field in ("negated", "no_longer"):
        if entry.get(field) not in (None, *themes):
            raise ValueError(f"theme lexicon: unknown theme {entry[field]!r} under {theme}")
    if entry.get("context") not in (None, *contexts):
        raise ValueError(f"theme lexicon: unknown context {entry['context']!r} under {theme}")
    return Cue(
        theme=theme,
        regex=_compile(entry["re"]),
        weight=float(entry["w"]),
        who=who,
        negated=entry.get("negated"),
        no_longer=entry.get("no_longer"),
        context=entry.get("context"),
        factual=bool(entry.get("factual", True)),
    )


def parse_lexicon(document: dict[str, Any], themes: tuple[str, ...]) -> Lexicon:
    """Validate and compile a lexicon document (the parsed YAML)."""
    known = frozenset(themes)
    unknown = set(document["cues"]) - known
    if unknown:
        raise ValueError(f"theme lexicon: unknown themes {sorted(unknown)}")
    contexts = {
        name: tuple((_compile(item["re"]), item.get("who", "any")) for item in items)
        for name, items in document.get("contexts", {}).items()
    }
    cues = tuple(
        _cue(theme, entry, known, set(contexts))
        for theme in themes
        for entry in document["cues"].get(theme, [])
    )
    return Lexicon(cues, contexts)


@cache
def load_lexicon(themes: tuple[str, ...]) -> Lexicon:
    """The shipped lexicon, parsed and compiled once per process."""
    import yaml  # only needed here; keeps `import alliance.analysis` light

    text = resources.files("alliance.analysis").joinpath("models/themes.yaml").read_text("utf-8")
    return parse_lexicon(yaml.safe_load(text), themes)
