"""The two knowledge sources of the relationship-theme reader (`themes.py`):

1. The cue lexicon, `models/themes.yaml`: one regular expression per entry, grouped by
   theme, with a weight, whose experience it must be (`who`), the theme it counts for when
   negated, a context it needs nearby and whether hypotheticals cancel it. The file's header
   documents every field. Loaded, validated and compiled here, once per process, with the
   trigger words that decide which sentences each regex runs on.
2. The word model, `models/themes.npz`: a logistic regression per theme over marked word
   features, for phrasings no cue covers (see "word model" below).
"""

from __future__ import annotations

import re
import re._parser as sre_parse  # the stdlib's own regex parser, used when compiling
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import pairwise
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
WHO_VALUES = frozenset({"self", "therapist", "therapist_named", "not_other", "any"})


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
    # Word prefixes one of which a sentence must contain for the regex to match in it;
    # None when no such word could be worked out (the regex then runs on every sentence).
    keys: frozenset[str] | None = None


@dataclass(frozen=True)
class ContextPattern:
    regex: re.Pattern[str]
    who: str
    keys: frozenset[str] | None


@dataclass(frozen=True)
class Lexicon:
    cues: tuple[Cue, ...]
    contexts: dict[str, tuple[ContextPattern, ...]]

    def all_keys(self) -> frozenset[str]:
        keys: set[str] = set()
        patterns: list[Cue | ContextPattern] = [*self.cues]
        patterns += [pattern for group in self.contexts.values() for pattern in group]
        for item in patterns:
            keys |= item.keys or set()
        return frozenset(keys)


def _compile(raw: str) -> re.Pattern[str]:
    joined = "".join(line.strip() for line in raw.splitlines())
    return re.compile(expand(joined), re.IGNORECASE)


# --- trigger keys -----------------------------------------------------------------------------
# Running ~250 regexes over every sentence costs ~10 ms per entry; running each only on the
# sentences that contain one of its trigger words costs a fraction of that. The trigger words
# are read off the compiled pattern: at each point where a word must start, the literal text
# the pattern requires there gives a set of word prefixes; the most selective such set (fewest
# common words, longest prefixes) becomes the cue's keys.
KEY_LENGTH = 8
_WORD = re.compile(r"[a-z][a-z']*")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# How often words occur in reflections, roughly: function words and pronouns are everywhere,
# everyday content words are common. A pattern's keys are chosen to minimise the expected
# number of sentences they select.
_VERY_COMMON = _words(
    "i i'm i've i'd i'll me my myself we we're us our she she's he he's they they're her him "
    "them his their it it's its this that the a an and but or so to of in on at for with "
    "about from as by was is are be been being have had has do did does not no don't didn't "
    "can can't could would will just really very like what when how why out up there here "
    "then now all one more much"
)
_COMMON = _words(
    "feel feels felt said say says told tell talk talked know think thought want get got go "
    "going went make made time times week today last first every ever never again too also "
    "two still even because after before thing things way session sessions therapy therapist "
    "good back something someone work day"
)


def _literal_prefixes(seq: Any, prefixes: set[str]) -> tuple[set[str], bool]:
    """Literal text every match of `seq` must start with, as alternatives; the flag says the
    walk stopped at a non-literal (so the prefixes are complete as far as they go)."""
    for op, value in seq:
        name = str(op)
        if name in ("AT", "ASSERT", "ASSERT_NOT"):
            continue
        if name == "LITERAL":
            prefixes = {p + chr(value).lower() for p in prefixes}
        elif name == "SUBPATTERN":
            prefixes, stopped = _literal_prefixes(value[-1], prefixes)
            if stopped:
                return prefixes, True
        elif name == "BRANCH":
            branches: set[str] = set()
            for branch in value[1]:
                branches |= _literal_prefixes(branch, prefixes)[0]
            return branches, True
        else:
            return prefixes, True
    return prefixes, False


def _as_keys(prefixes: set[str]) -> frozenset[str] | None:
    keys: set[str] = set()
    for prefix in prefixes:
        word = _WORD.match(prefix)
        if word is None or word.end() < 2:
            return None
        keys.add(word.group()[:KEY_LENGTH])
    return frozenset(keys) if keys else None


def _cost(keys: frozenset[str]) -> tuple[float, int]:
    """Roughly how many sentences the keys would select: common words cost far more."""
    expected = sum(
        1.0 if k in _VERY_COMMON else 0.3 if (k in _COMMON or len(k) <= 3) else 0.02 for k in keys
    )
    return expected, -min(len(k) for k in keys)


def _char_is_word(code: int) -> bool:
    return chr(code).isalpha() or chr(code) == "'"


def _ends_nonword(items: Any) -> bool:
    """Whether every match of `items` ends with a character that cannot continue a word
    (white space, punctuation, a digit), so that whatever follows starts a new word."""
    if not items:
        return False
    op, value = items[-1]
    name = str(op)
    if name in ("MAX_REPEAT", "MIN_REPEAT"):
        low, _, sub = value
        if low >= 1:
            return _ends_nonword(sub)
        # Optional tail: either it matched (and ends non-word) or it did not (look further).
        return _ends_nonword(sub) and _ends_nonword(items[:-1])
    if name == "SUBPATTERN":
        return _ends_nonword(value[-1])
    if name == "BRANCH":
        return all(_ends_nonword(branch) for branch in value[1])
    if name == "LITERAL":
        return not _char_is_word(value)
    if name == "IN":
        return all(
            (str(kind) == "CATEGORY" and str(arg) in ("CATEGORY_SPACE", "CATEGORY_DIGIT"))
            or (str(kind) == "LITERAL" and not _char_is_word(arg))
            for kind, arg in value
        )
    return False


def _best_keys(seq: Any, word_start: bool = True) -> frozenset[str] | None:
    """The most selective set of required word prefixes in `seq`, or None.

    `word_start` tracks whether the current position must begin a word (start of text, after
    \\b, or after a character that cannot be part of a word); only literal text found there
    can serve as a word-prefix key.
    """
    best: frozenset[str] | None = None
    for index, (op, value) in enumerate(seq):
        name = str(op)
        candidate: frozenset[str] | None = None
        if name == "AT":
            word_start = word_start or str(value) == "AT_BOUNDARY"
            continue
        if name in ("ASSERT", "ASSERT_NOT"):
            continue
        if word_start and name in ("LITERAL", "SUBPATTERN", "BRANCH"):
            candidate = _as_keys(_literal_prefixes(seq[index:], {""})[0])
        if name in ("BRANCH", "SUBPATTERN"):
            # Each alternative may have a rarer required word further in.
            alternatives = value[1] if name == "BRANCH" else [value[-1]]
            found = [_best_keys(alt, word_start) for alt in alternatives]
            if all(found):
                inner = frozenset().union(*found)  # type: ignore[arg-type]
                if candidate is None or _cost(inner) < _cost(candidate):
                    candidate = inner
        if candidate is not None and (best is None or _cost(candidate) < _cost(best)):
            best = candidate
        if name in ("MAX_REPEAT", "MIN_REPEAT") and value[0] == 0:
            # Skipped, we are where we were; taken, we are after its last character.
            word_start = word_start and _ends_nonword(value[2])
        else:
            word_start = _ends_nonword([(op, value)])
    return best


def trigger_keys(regex: re.Pattern[str]) -> frozenset[str] | None:
    """Word prefixes one of which must occur where `regex` matches, or None if unknown."""
    try:
        return _best_keys(sre_parse.parse(regex.pattern, regex.flags))
    except (re.error, TypeError, ValueError, IndexError):  # pragma: no cover - defensive
        return None


def _cue(theme: str, entry: dict[str, Any], themes: frozenset[str], contexts: set[str]) -> Cue:
    who = entry.get("who", "self")
    if who not in WHO_VALUES:
        raise ValueError(f"theme lexicon: bad who {who!r} under {theme}")
    for field in ("negated", "no_longer"):
        if entry.get(field) not in (None, *themes):
            raise ValueError(f"theme lexicon: unknown theme {entry[field]!r} under {theme}")
    if entry.get("context") not in (None, *contexts):
        raise ValueError(f"theme lexicon: unknown context {entry['context']!r} under {theme}")
    regex = _compile(entry["re"])
    return Cue(
        theme=theme,
        regex=regex,
        weight=float(entry["w"]),
        who=who,
        negated=entry.get("negated"),
        no_longer=entry.get("no_longer"),
        context=entry.get("context"),
        factual=bool(entry.get("factual", True)),
        keys=trigger_keys(regex),
    )


def _context_pattern(item: dict[str, Any]) -> ContextPattern:
    regex = _compile(item["re"])
    who = item.get("who", "any")
    if who not in WHO_VALUES:
        raise ValueError(f"theme lexicon: bad who {who!r} in a context")
    return ContextPattern(regex, who, trigger_keys(regex))


def parse_lexicon(document: dict[str, Any], themes: tuple[str, ...]) -> Lexicon:
    """Validate and compile a lexicon document (the parsed YAML)."""
    known = frozenset(themes)
    unknown = set(document["cues"]) - known
    if unknown:
        raise ValueError(f"theme lexicon: unknown themes {sorted(unknown)}")
    contexts = {
        name: tuple(_context_pattern(item) for item in items)
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
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: 10x faster
    return parse_lexicon(yaml.load(text, Loader=loader), themes)  # both loaders are safe


# --- word model ---------------------------------------------------------------------------
# A logistic regression per theme over word and word-pair features, trained on the labelled
# passages (bench/themes_eval.py --train-model) and shipped as models/themes.npz. It catches
# phrasings the lexicon has no cue for. Words under a negation get an "n_" mark and words of
# a sentence whose subject is a third party an "o_" mark, so "not judged" and "my friend is
# terrified" are different features from "judged" and "terrified".
MODEL_FILE = "models/themes.npz"
_MODEL_TOKEN = re.compile(r"[a-z][a-z']*|[,;:]")
_MODEL_BREAKS = _words("but and because so although though while which , ; :")
_MODEL_NEGATORS = _words(
    "not no never nobody nothing without hardly barely cannot dont didnt doesnt isnt wasnt "
    "cant couldnt wont"
)
_NEGATED_WORDS = 4


def sentence_tokens(lowered: str, start: int, end: int) -> list[str]:
    """The words (and , ; :) of one sentence of an already lower-cased text."""
    return _MODEL_TOKEN.findall(lowered, start, end)


def sentence_features(tokens: list[str], third_party: bool) -> list[str]:
    """The model's features for one sentence, from its `sentence_tokens`."""
    mark = "o_" if third_party else ""
    words: list[str] = []
    scope = 0
    for token in tokens:
        if token in _MODEL_BREAKS:
            scope = 0
            if not token[0].isalpha():
                continue
        if token in _MODEL_NEGATORS or token.endswith("n't"):
            # The negator itself is no feature: "don't" is common in ruptures but means
            # nothing alone; what it negates carries the "n_" mark instead.
            scope = _NEGATED_WORDS
            continue
        if scope:
            words.append(mark + "n_" + token)
            scope -= 1
        else:
            words.append(mark + token)
    return words + [f"{a} {b}" for a, b in pairwise(words)]


@dataclass(frozen=True)
class WordModel:
    vocabulary: dict[str, int]
    idf: Any  # numpy arrays, typed loosely so numpy is imported only when the model loads
    coef: Any  # (features, themes)
    intercept: Any  # (themes,)
    threshold: float

    def probabilities(self, sentences: list[list[str]]) -> Any:
        """Theme probabilities for a passage, from the features of each of its sentences."""
        import numpy as np

        counts: dict[int, int] = {}
        for features in sentences:
            for feature in features:
                index = self.vocabulary.get(feature)
                if index is not None:
                    counts[index] = counts.get(index, 0) + 1
        if not counts:
            return 1.0 / (1.0 + np.exp(-self.intercept))
        rows = np.fromiter(counts, dtype=np.intp, count=len(counts))
        tf = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
        weights = (1.0 + np.log(tf)) * self.idf[rows]  # sublinear tf-idf, as trained
        logits = (weights / np.linalg.norm(weights)) @ self.coef[rows] + self.intercept
        return 1.0 / (1.0 + np.exp(-logits))

    def best_sentence(self, sentences: list[list[str]], column: int) -> tuple[int, float]:
        """The sentence whose features push theme `column` up the most, and by how much
        (unnormalised: only the ranking matters)."""
        best, best_push = 0, float("-inf")
        for position, features in enumerate(sentences):
            push = 0.0
            for feature in features:
                index = self.vocabulary.get(feature)
                if index is not None:
                    push += float(self.idf[index] * self.coef[index, column])
            if push > best_push:
                best, best_push = position, push
        return best, best_push


@cache
def load_word_model() -> WordModel | None:
    """The shipped word model, or None when it has not been trained."""
    import numpy as np

    resource = resources.files("alliance.analysis").joinpath(MODEL_FILE)
    if not resource.is_file():
        return None
    with resource.open("rb") as handle, np.load(handle, allow_pickle=False) as data:
        vocabulary = {str(word): i for i, word in enumerate(data["vocabulary"])}
        return WordModel(
            vocabulary=vocabulary,
            idf=data["idf"],
            coef=data["coef"],
            intercept=data["intercept"],
            threshold=float(data["threshold"]),
        )
