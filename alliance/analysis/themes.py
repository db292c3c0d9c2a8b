"""Relationship and process themes in a client's reflection (spec: shared/spec/themes.md).

`read_themes(text)` returns one `ThemeHit` per theme found, with a score in [0, 1] and the
sentences that carry it. Two sources of evidence (`theme_patterns.py`, docs/themes.md):

1. The cue lexicon. Each cue that matches is checked for negation, hedging, hypotheticals
   and whose experience it is (`negation.py`), may be re-credited to another theme when
   negated ("he never listens" is rupture), and the accepted weights of a theme combine as
   independent evidence, 1 - prod(1 - w). A theme is reported when that reaches THRESHOLD.
2. The word model, a logistic regression over marked word features. It adds a theme the
   lexicon missed when confident, if its best sentence is about the writer or therapist and
   the lexicon did not judge that theme negated or someone else's in that sentence.

Speed: each cue regex runs only on the sentences holding one of its trigger words.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from alliance.analysis.negation import (
    Attribution,
    Person,
    is_hypothetical,
    normalize_quotes,
    polarity,
)
from alliance.analysis.reading import Span, ThemeHit
from alliance.analysis.sentences import split_sentences
from alliance.analysis.theme_patterns import (
    KEY_LENGTH,
    Cue,
    Lexicon,
    WordModel,
    load_lexicon,
    load_word_model,
    sentence_features,
    sentence_tokens,
)


@dataclass(frozen=True)
class ThemeInfo:
    id: str
    label: str
    description: str


_T = ThemeInfo
THEMES: tuple[ThemeInfo, ...] = (
    _T("bond", "Trust and closeness", "Trust, safety, warmth or closeness with the therapist."),
    _T("valued", "Feeling valued", "Mattering to the therapist as a person; being cared about."),
    _T("heard", "Being heard", "Being listened to, understood, validated, taken seriously."),
    _T("mutuality", "Mutuality", "Reciprocity and equality; both sides moved or learning."),
    _T("gratitude", "Gratitude", "Thankfulness toward the therapist or the therapy."),
    _T("ending_fear", "Fear of ending", "Fear, dread, grief or sadness about therapy ending."),
    _T("ending_ready", "Readiness to end", "Feeling ready or at peace about ending; planning it."),
    _T("rupture", "Rupture", "Tension or a break: misunderstood, judged, angry, withdrawing."),
    _T("repair", "Repair", "A rupture named, talked through and mended; reconnection."),
    _T("dependence", "Dependence", "Over-reliance on the therapist; not coping without them."),
    _T("progress", "Progress and insight", "Change, insight, new skills, feeling better."),
    _T("opening_up", "Opening up", "Crying or vulnerability in session; telling the untold."),
    _T("disclosure", "Therapist self-disclosure", "The therapist sharing something personal."),
    _T("stuck", "Feeling stuck", "Sessions not helping, going in circles, doubting therapy."),
)
THEME_IDS: tuple[str, ...] = tuple(info.id for info in THEMES)
THRESHOLD = 0.5
# Positive claims asked as questions ("am I ready?") are not claims.
_QUESTION_SENSITIVE = frozenset({"bond", "heard", "valued", "ending_ready", "progress", "repair"})
_WHO_ALLOWED: dict[str, frozenset[Person]] = {
    "self": frozenset({"self", "none"}),
    "therapist": frozenset({"therapist", "none"}),
    # The therapist's own tears or feelings need the therapist named as the subject.
    "therapist_named": frozenset({"therapist"}),
    "not_other": frozenset({"self", "therapist", "none"}),
}


@dataclass(frozen=True)
class _Index:
    """The compiled lexicon and how to find, from the words of a text, which cues to run."""

    lexicon: Lexicon
    keys: frozenset[str]  # every trigger key of every cue and context
    stems: frozenset[str]  # every prefix of those keys, to stop walking a word early
    cues_by_key: dict[str, tuple[int, ...]]
    unkeyed: tuple[int, ...]  # cues without keys: they run on every sentence


_loaded: _Index | None = None


def _index() -> _Index:
    """Built on first use, once per process."""
    global _loaded
    if _loaded is None:
        lexicon = load_lexicon(THEME_IDS)
        keys = lexicon.all_keys()
        by_key: dict[str, list[int]] = {}
        for position, cue in enumerate(lexicon.cues):
            for key in cue.keys or ():
                by_key.setdefault(key, []).append(position)
        _loaded = _Index(
            lexicon=lexicon,
            keys=keys,
            stems=frozenset(key[:n] for key in keys for n in range(1, len(key) + 1)),
            cues_by_key={key: tuple(found) for key, found in by_key.items()},
            unkeyed=tuple(i for i, cue in enumerate(lexicon.cues) if cue.keys is None),
        )
    return _loaded


def _bits(mask: int) -> Iterator[int]:
    """The positions of the set bits of `mask`, lowest first."""
    while mask:
        lowest = mask & -mask
        yield lowest.bit_length() - 1
        mask ^= lowest


def _key_masks(tokens: list[list[str]]) -> dict[str, int]:
    """For each trigger key present, a bit mask of the sentences whose words start with it
    (`tokens`: the words of each sentence)."""
    masks: dict[str, int] = {}
    for index, words in enumerate(tokens):
        bit = 1 << index
        for token in set(words):
            for key in _keys_of(token):
                masks[key] = masks.get(key, 0) | bit
    return masks


@lru_cache(maxsize=1 << 16)
def _keys_of(token: str) -> tuple[str, ...]:
    """The trigger keys a word starts with (cached: the same words recur in every entry)."""
    index = _index()
    found = []
    # Walk the word's prefixes while they can still grow into a key.
    for length in range(2, min(len(token), KEY_LENGTH) + 1):
        prefix = token[:length]
        if prefix not in index.stems:
            break
        if prefix in index.keys:
            found.append(prefix)
    return tuple(found)


class _Reading:
    """State for reading one text: sentences, people, contexts found so far."""

    def __init__(self, text: str, sentences: list[Span]) -> None:
        self.index = _index()
        self.lexicon = self.index.lexicon
        self.text = normalize_quotes(text)
        self.sentences = sentences
        self.starts = [s.start for s in sentences]
        self.people = Attribution(self.text)
        lowered = self.text.lower()
        self.tokens = [sentence_tokens(lowered, s.start, s.end) for s in sentences]
        self.masks = _key_masks(self.tokens)
        self.every_sentence = (1 << len(sentences)) - 1
        self._contexts: dict[str, set[int]] = {}
        self.vetoed: set[tuple[str, int]] = set()
        self.repaired = False

    def matches(
        self, regex: re.Pattern[str], keys: frozenset[str] | None
    ) -> Iterator[re.Match[str]]:
        """Matches of `regex`, searched only in sentences holding one of its trigger keys."""
        mask = self.every_sentence
        if keys is not None:
            mask = 0
            for key in keys:
                mask |= self.masks.get(key, 0)
        for index in _bits(mask):
            sentence = self.sentences[index]
            yield from regex.finditer(self.text, sentence.start, sentence.end)

    def cue_masks(self) -> dict[int, int]:
        """For each cue worth running, the sentences to run it on (as a bit mask)."""
        found: dict[int, int] = dict.fromkeys(self.index.unkeyed, self.every_sentence)
        for key, mask in self.masks.items():
            for position in self.index.cues_by_key.get(key, ()):
                found[position] = found.get(position, 0) | mask
        return found

    def sentence_of(self, pos: int) -> int | None:
        index = bisect_right(self.starts, pos) - 1
        if index < 0 or pos >= self.sentences[index].end:
            return None
        return index

    def context_mask(self, name: str) -> int:
        mask = 0
        for index in self.context_sentences(name):
            mask |= 1 << index
        return mask

    def context_sentences(self, name: str) -> set[int]:
        if name not in self._contexts:
            found: set[int] = set()
            for pattern in self.lexicon.contexts[name]:
                for match in self.matches(pattern.regex, pattern.keys):
                    index = self.sentence_of(match.start())
                    start = _cue_span(match)[0]
                    if index is not None and self._who_ok(pattern.who, start, index, match):
                        found.add(index)
            if name == "therapy":
                for mention in self.people.mentions:
                    if mention.person == "therapist":
                        index = self.sentence_of(mention.start)
                        if index is not None:
                            found.add(index)
            self._contexts[name] = found
        return self._contexts[name]

    def _who_ok(self, who: str, cue_start: int, index: int, match: re.Match[str]) -> bool:
        if who != "any":
            subject = self.people.subject_before(cue_start, self.sentences[index].start)
            if subject not in _WHO_ALLOWED[who]:
                return False
        # A pronoun inside the cue that means a third party ("trust him", him = my brother)
        # disqualifies it.
        inside = self.people.people_within(match.start(), match.end(), pronouns_only=True)
        return not ("other" in inside and "therapist" not in inside)

    def judge(self, cue: Cue, match: re.Match[str], index: int) -> str | None:
        """The theme this match in sentence `index` counts for (after negation), or None."""
        sentence = self.sentences[index]
        start, end = _cue_span(match)
        if cue.context and not (
            {index - 1, index, index + 1} & self.context_sentences(cue.context)
        ):
            return None
        # From here on a rejected cue vetoes its theme in this sentence for the word model:
        # the lexicon saw the theme's words and judged them someone else's, negated or unreal.
        self.vetoed.add((cue.theme, index))
        if not self._who_ok(cue.who, start, index, match):
            return None
        if cue.theme == "opening_up" and index in self.context_sentences("leisure"):
            return None
        if cue.factual and is_hypothetical(self.text, start, sentence.start):
            return None
        state = polarity(self.text, start, end, sentence.start, sentence.end)
        theme: str | None
        if state == "affirmed":
            self.vetoed.discard((cue.theme, index))
            theme = cue.theme
        elif state == "negated":
            theme = cue.negated
        elif state == "no_longer":
            theme = cue.no_longer or cue.negated
        else:
            theme = None
        if theme in _QUESTION_SENSITIVE and sentence.text.endswith("?"):
            return None
        return theme


def _cue_span(match: re.Match[str]) -> tuple[int, int]:
    for group in ("cue", "c2"):
        if group in match.re.groupindex and match.start(group) >= 0:
            return match.start(group), match.end(group)
    return match.start(), match.end()


def read_themes(text: str, sentences: list[Span] | None = None) -> tuple[ThemeHit, ...]:
    """The themes `text` expresses, in `THEMES` order, each with its evidence sentences.

    `sentences` may be passed when the caller has already split the text (offsets must be
    into `text`); otherwise `split_sentences` is used.
    """
    if sentences is None:
        sentences = split_sentences(text)
    if not sentences:
        return ()
    reading = _Reading(text, sentences)
    cues = reading.lexicon.cues
    evidence: dict[str, list[tuple[float, int]]] = {}
    for position, mask in reading.cue_masks().items():
        cue = cues[position]
        if cue.context:
            # Only in or next to a sentence with the context: cheaper than matching first.
            found = reading.context_mask(cue.context)
            mask &= found | (found << 1) | (found >> 1)
        while mask:  # each set bit is a sentence to search (inlined: this loop is hot)
            lowest = mask & -mask
            mask ^= lowest
            index = lowest.bit_length() - 1
            sentence = sentences[index]
            for match in cue.regex.finditer(reading.text, sentence.start, sentence.end):
                theme = reading.judge(cue, match, index)
                if theme is not None:
                    evidence.setdefault(theme, []).append((cue.weight, index))
    _drop_mended_ruptures(reading, evidence)
    model = load_word_model()
    hits = [_hit(theme, evidence.get(theme, []), sentences) for theme in THEME_IDS]
    if model is not None:
        hits = _with_word_model(reading, model, hits)
    return tuple(hit for hit in hits if hit is not None)


def model_features(text: str) -> list[list[str]]:
    """The word model's features of `text`, one list per sentence (used to train it)."""
    return _features(_Reading(text, split_sentences(text)))


def _features(reading: _Reading) -> list[list[str]]:
    people = reading.people
    return [
        sentence_features(words, people.first_subject(s.start, s.end) == "other")
        for s, words in zip(reading.sentences, reading.tokens, strict=True)
    ]


def _with_word_model(
    reading: _Reading, model: WordModel, hits: list[ThemeHit | None]
) -> list[ThemeHit | None]:
    """Add the themes the word model is confident about and the lexicon missed; its evidence
    is the sentence that contributed most. Its probability also lifts a lexicon score."""
    features = _features(reading)
    probabilities = model.probabilities(features)
    merged: list[ThemeHit | None] = []
    for column, (theme, hit) in enumerate(zip(THEME_IDS, hits, strict=True)):
        probability = round(float(probabilities[column]), 3)
        if hit is not None:
            hit = ThemeHit(theme, max(hit.score, probability), hit.evidence)
        elif probability >= model.threshold:
            best, push = model.best_sentence(features, column)
            if push > 0 and _model_evidence_ok(reading, theme, best):
                hit = ThemeHit(theme, probability, (reading.sentences[best],))
        merged.append(hit)
    return merged


def _model_evidence_ok(reading: _Reading, theme: str, index: int) -> bool:
    """Checks the lexicon would make on the word model's best sentence: it is about the
    writer or the therapist, not only third parties ("I trust my husband", "my boyfriend
    feels safe with his therapist"); the lexicon did not judge the theme negated or someone
    else's there; ending themes need talk of therapy ending nearby; a passage the lexicon
    reads as a repair gets no rupture from the model (its tension is the mended one)."""
    sentence = reading.sentences[index]
    if (theme, index) in reading.vetoed or (theme == "rupture" and reading.repaired):
        return False
    people = reading.people
    if people.first_subject(sentence.start, sentence.end) == "other":
        return False
    named = people.people_within(sentence.start, sentence.end)
    if "other" in named and "therapist" not in named:
        return False
    if theme.startswith("ending"):
        found = reading.context_mask("ending")
        return bool((found | (found << 1) | (found >> 1)) & (1 << index))
    return True


def _drop_mended_ruptures(reading: _Reading, evidence: dict[str, list[tuple[float, int]]]) -> None:
    # Repair talk follows the rupture it mends ("I was hurt by what she said. ... Today we
    # talked it through."): tension before the repair, or right next to it, is the mended
    # one and is not a rupture of its own. Tension after it is new and still counts.
    repaired = [index for _, index in evidence.get("repair", [])]
    reading.repaired = bool(repaired)
    if not repaired or "rupture" not in evidence:
        return
    last = max(repaired) + 1
    mended = [(w, i) for w, i in evidence["rupture"] if i <= last]
    evidence["rupture"] = [(w, i) for w, i in evidence["rupture"] if i > last]
    reading.vetoed.update(("rupture", i) for _, i in mended)  # nor may the model re-add it


def _hit(theme: str, found: list[tuple[float, int]], sentences: list[Span]) -> ThemeHit | None:
    if not found:
        return None
    doubt = 1.0
    for weight, _ in found:
        doubt *= 1.0 - weight
    score = round(1.0 - doubt, 3)
    if score < THRESHOLD:
        return None
    indices = sorted({index for _, index in found})
    return ThemeHit(theme, score, tuple(sentences[i] for i in indices))
