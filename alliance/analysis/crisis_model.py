"""The recall layer of the crisis reader: a sentence classifier (none / concern / urgent).

The rules (`crisis`, `crisis_patterns*`) explain what they find but miss plain wordings nobody
wrote a cue for. This classifier reads every sentence as well, and `crisis.read_crisis` takes
the higher of the two levels: the classifier may raise a level, never lower one.

Model (docs/safety.md): three TF-IDF blocks (sublinear tf, l2 rows) and a multinomial logistic
regression, trained by `scripts/train_crisis.py` with scikit-learn:

- words: 1-2 grams of the sentence's word tokens (seen at least twice in training);
- chars: char_wb 4-grams of the same tokens (so typos and word forms share evidence);
- concepts: one token per concept the sentence names (means, place, finality, time, intent,
  death, harm, farewell acts, someone else, negation, the writer, everyday topics) and one per
  pair of them, so that "pills tonight" and "bridge tomorrow" share evidence.

Idioms and mentions of suicide as a subject are masked exactly as the rules mask them, and
replaced by one token the model learns to read as "none".

Only numpy is needed here: `models/crisis.npz` and `models/crisis.json` hold the vocabularies,
idf weights, coefficients and thresholds (tests/analysis/test_crisis.py checks that this
transform gives scikit-learn's probabilities). The n-gram helpers are the emotion reader's.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from alliance.analysis.crisis_patterns import MASK_STEMS, MASKS
from alliance.analysis.emotions import Vectorizer, build_vectorizer, char_wb_ngrams
from alliance.analysis.reading import CrisisLevel

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

MODEL_DIR = Path(__file__).parent / "models"
ARTIFACT_NAME = "crisis.npz"
CONFIG_NAME = "crisis.json"
# The version of the shipped files, written here by hand after each training run so that the
# code hash in `analysis.model_version()` changes with the model (a test checks they agree).
EXPECTED_VERSION = "crisis-lr-6248f96303d3"
LEVELS: tuple[CrisisLevel, ...] = ("none", "concern", "urgent")
TOKEN_PATTERN = r"(?u)\b\w[\w']*\b"
# The feature blocks, in the order of their columns.
BLOCKS = ("word", "char", "concept")

# Curly quotes become straight ones, as in the rules.
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "`": "'"})
_MASKED = " zzidiom "
# Gratitude and idioms no rule cue meets, so the rule masks leave them: "she saved my life",
# "cut class", "he'll kill me", "shot myself in the foot", "beating myself up", "end it with
# Dan".
_MORE_IDIOMS = re.compile(
    r"(?=[scwgodbe'])"  # the first letters of the alternatives, so most positions fail at once
    r"(?:\b(?:saved|saving|save)\s+(?:my|his|her|their|our)\s+(?:\w+\s+)?life\b"
    r"|\bcut\w*\s+(?:class|classes|ties|back|down|corners|short|it\s+(?:close|fine))\b"
    r"|\b(?:will|'ll|would|'d|gonna|going\s+to)\s+(?:\w+\s+)?(?:kill|murder)\s+me\b"
    r"|\bshot\s+myself\s+in\s+the\s+foot\b|\bover\s+my\s+dead\s+body\b"
    r"|\b(?:dead|done)\s+(?:tired|on\s+my\s+feet)\b"
    r"|\bbeat\w*\s+(?:my|your|him|her|them)sel(?:f|ves)\s+up\b"
    r"|\bend(?:ing|ed)?\s+(?:it|things)\s+with\b)",
    re.IGNORECASE,
)
# Every one of those idioms holds one of these stems; most sentences hold none of them.
_MORE_IDIOM_STEMS = ("sav", "cut", "kill", "murder", "shot", "dead", "done", "beat", "end it",
                     "ended it", "ending it", "end things", "ending things")  # fmt: skip

# Concepts by word: a word names a concept when it is listed, or starts with a listed stem
# ending in "*"; a word may name more than one.
# fmt: off
_CONCEPT_WORDS: dict[str, str] = {
    "means": "pill* tablet* meds medication medicine prescription* paracetamol painkiller* "
             "insulin morphine codeine sleeping overdos* rope noose belt cord ligature knife "
             "knives blade* razor* gun rifle pistol shotgun cartridges bullet* hose exhaust "
             "charcoal bleach poison* lighter scissors",
    "place": "bridge cliff* edge ledge roof rooftop balcony window platform track* train* "
             "motorway carpark storey river sea lake reservoir canal water woods railing "
             "barrier tree garage loft bath",
    "final": "goodbye bye farewell last final forever permanently gone over end ending ends ended "
             "never again anymore done finished",
    "time": "tonight today tomorrow weekend soon now monday tuesday wednesday thursday friday "
            "saturday sunday morning hour hours week birthday christmas date day",
    "intent": "gonna will i'll decided decide ready plan* intend* chosen picked figured prepared "
              "sorted arranged set",
    "death": "die dies died dying dead death suicid* kill* alive live living life exist* "
             "unalive* funeral grave body",
    # Sleep is everyday journal talk ("can't sleep", "@sam asleep next to me"), not a risk
    # concept by itself: "not wake up" and "sleep forever" are read off the phrases below.
    "sleep": "wake waking woke asleep sleep sleeping slept bed",
    "harm": "hurt* harm* cut* burn* bleed* blood scratch* stab* slash* slic* carv* punch* hit* "
            "beat* bruis* scar scars wound wounds marks",
    "prep": "note notes letter letters will affairs instructions passwords message messages gave "
            "given sorted tidied sorry explaining",
    "other": "he she they him her them his their friend mate sister brother son daughter mum mom "
             "dad partner husband wife boyfriend girlfriend boss neighbour ex baby kid kids "
             "people everyone colleague teacher",
    "neg": "not no never don't dont won't wont can't cant didn't wouldn't",
    "self": "i i'm im i've ive i'd id i'll me my myself",
    "benign": "holiday trip party wedding dinner lunch breakfast cake garden gym work job office "
              "school class course exam film movie book show series episode game match concert "
              "festival shopping recipe haircut hair dog cat flat house holidays beach walk run "
              "swim ha haha lol",
}
# Two-word phrases, read off the word bigrams.
_CONCEPT_PHRASES: dict[str, str] = {
    "going to": "intent", "made up": "intent", "worked out": "intent",
    "for good": "final", "no more": "final", "car park": "place",
    "not wake": "death", "never wake": "death", "don't wake": "death", "didn't wake": "death",
    "sleep forever": "death",
    # Absence and return: "I won't be coming back", "won't be here", "not be around".
    "come back": "final", "coming back": "final", "be back": "final", "won't be": "final",
    "wont be": "final", "not be": "final", "be here": "final", "be around": "final",
    "be gone": "final", "in place": "prep", "all set": "prep", "in order": "prep",
    "give away": "prep", "gave away": "prep", "given away": "prep", "giving away": "prep",
    "gives away": "prep", "new home": "prep", "look after": "prep", "sort out": "prep",
    "my goodbyes": "prep", "saying goodbye": "prep", "one last": "prep",
}
# fmt: on


def _listed_words() -> dict[str, tuple[str, ...]]:
    concepts: dict[str, tuple[str, ...]] = {}
    for name, listed in _CONCEPT_WORDS.items():
        for word in listed.split():
            if not word.endswith("*"):
                concepts[word] = (*concepts.get(word, ()), name)
    return concepts


_CONCEPT_OF_WORD = _listed_words()
_CONCEPT_STEMS = tuple(
    (word[:-1], name)
    for name, listed in _CONCEPT_WORDS.items()
    for word in listed.split()
    if word.endswith("*")
)
_TOKEN = re.compile(TOKEN_PATTERN)
_CONCEPT_ORDER = {name: i for i, name in enumerate(_CONCEPT_WORDS)}
# Two neighbouring sentences are read together ("Bought a rope today. I know what it's for.")
# only where one of them already carries this much risk; most of everyday prose does not.
PAIR_FLOOR = 0.2
# The per-word cache is cleared past this size so memory stays bounded.
_WORD_CACHE_LIMIT = 200_000


def prepare(sentence: str) -> str:
    """What the blocks read: straight quotes, lower case, idioms masked as the rules mask them
    (the masks ignore case, so masking the lower-cased text finds the same idioms)."""
    text = sentence.translate(_QUOTES).lower()
    if any(stem in text for stem in MASK_STEMS):  # needs_masking, on the lower-cased text
        text = MASKS.sub(_MASKED, text)
    if any(stem in text for stem in _MORE_IDIOM_STEMS):
        text = _MORE_IDIOMS.sub(_MASKED, text)
    return text


def block_inputs(sentence: str) -> tuple[str, str, str]:
    """What the word, char and concept blocks read: scikit-learn's analyzers, given these
    texts, find exactly the terms `CrisisModel` finds at run time."""
    text = prepare(sentence)
    tokens = _TOKEN.findall(text)
    return text, " ".join(tokens), " ".join(_concept_tokens(_concepts(tokens)))


def _concepts(tokens: list[str]) -> frozenset[str]:
    names = {name for token in tokens for name in _concepts_of(token)}
    names.update(
        _CONCEPT_PHRASES[pair]
        for pair in map(" ".join, itertools.pairwise(tokens))
        if pair in _CONCEPT_PHRASES
    )
    return frozenset(names)


def _concepts_of(word: str) -> tuple[str, ...]:
    word = word.removesuffix("'s")  # "tonight's", "he's"
    listed = _CONCEPT_OF_WORD.get(word, ())
    return listed + tuple(name for stem, name in _CONCEPT_STEMS if word.startswith(stem))


@functools.lru_cache(maxsize=4096)
def _concept_tokens(names: frozenset[str]) -> tuple[str, ...]:
    """One token per concept, then one per pair of them ("zzmeansxtime"), in a fixed order."""
    ordered = sorted(names, key=_CONCEPT_ORDER.__getitem__)
    pairs = [f"zz{a}x{b}" for a, b in itertools.combinations(ordered, 2)]
    return (*[f"zz{name}" for name in ordered], *pairs)


def compute_model_version(artifact: bytes, config: Mapping[str, Any]) -> str:
    """Short hash of the arrays and of everything in the config that shapes a reading."""
    digest = hashlib.sha256(artifact)
    body = {key: value for key, value in config.items() if key != "model_version"}
    digest.update(json.dumps(body, sort_keys=True).encode("utf-8"))
    return f"crisis-lr-{digest.hexdigest()[:12]}"


@dataclass(frozen=True)
class Thresholds:
    """`flag`: the risk (concern + urgent probability) at which a sentence the rules left at
    none is raised; `raise_concern`: the urgent probability at which a sentence the rules read
    as concern is raised to urgent (no false alarm can come of it, so it is lower)."""

    flag: float
    raise_concern: float

    def level(self, probabilities: Sequence[float], rule: CrisisLevel) -> CrisisLevel:
        """The classifier's level for one sentence, given what the rules found there."""
        _none, concern, urgent = probabilities
        if rule == "concern":
            return "urgent" if urgent >= self.raise_concern else "concern"
        if concern + urgent < self.flag:
            return "none"
        return "urgent" if urgent >= concern else "concern"

    def could_raise(
        self, probabilities: NDArray[np.float64], rules: Sequence[CrisisLevel]
    ) -> list[int]:
        """Rows (sentences) where `level` may be above the rules' level: the rest need no
        more work."""
        import numpy as np

        concern = np.fromiter((rule == "concern" for rule in rules), dtype=bool, count=len(rules))
        risk = probabilities[:, 1] + probabilities[:, 2]
        raised = np.where(concern, probabilities[:, 2] >= self.raise_concern, risk >= self.flag)
        return [int(i) for i in raised.nonzero()[0]]


def pairs_to_read(probabilities: NDArray[np.float64]) -> list[int]:
    """Indices k of the neighbouring sentences (k, k + 1) worth reading together: where one of
    them has a risk (concern + urgent probability) of at least `PAIR_FLOOR`."""
    import numpy as np

    risk = probabilities[:, 1] + probabilities[:, 2]
    either = np.maximum(risk[:-1], risk[1:]) >= PAIR_FLOOR
    return [int(k) for k in either.nonzero()[0]]


@dataclass(frozen=True)
class CrisisModel:
    """The three blocks' vocabularies, and one feature space for their columns: words first,
    then chars, then concepts, in `idf` and `coef`."""

    words: Vectorizer
    chars: Vectorizer
    concepts: Vectorizer
    idf: NDArray[np.float64]  # (n_terms,)
    coef: NDArray[np.float64]  # (3, n_terms), one contiguous row per level
    intercept: NDArray[np.float64]  # (3,)
    thresholds: Thresholds
    version: str
    # Per word: its unigram and char columns, and its concepts. Cleared past a size.
    _words_seen: dict[str, tuple[list[int], tuple[str, ...]]] = field(
        default_factory=dict, repr=False, compare=False
    )
    _concept_columns: dict[frozenset[str], list[int]] = field(
        default_factory=dict, repr=False, compare=False
    )

    def probabilities(self, sentences: Sequence[str]) -> NDArray[np.float64]:
        """Shape (len(sentences), 3), columns in `LEVELS` order."""
        import numpy as np

        if not sentences:
            return np.zeros((0, len(LEVELS)))
        columns = [self._columns(prepare(sentence)) for sentence in sentences]
        decision = _decision(columns, self._block_starts(), self.idf, self.coef)
        decision += self.intercept
        decision -= decision.max(axis=1, keepdims=True)
        exp = np.exp(decision)
        return np.asarray(exp / exp.sum(axis=1, keepdims=True))

    def _columns(self, text: str) -> list[int]:
        """Every term column of one prepared sentence, all three blocks, repeats kept."""
        # Local names for the hot loop: it runs for every word of every entry.
        tokens: list[str] = _TOKEN.findall(text)
        columns: list[int] = []
        extend = columns.extend
        names: set[str] = set()
        known_word = self._words_seen.get
        for token in tokens:
            known = known_word(token) or self._learn_word(token)
            extend(known[0])
            if known[1]:
                names.update(known[1])
        column_of = self.words.index.get
        for pair in map(" ".join, itertools.pairwise(tokens)):
            column = column_of(pair)
            if column is not None:
                columns.append(column)
            if pair in _CONCEPT_PHRASES:
                names.add(_CONCEPT_PHRASES[pair])
        key = frozenset(names)
        concept_columns = self._concept_columns.get(key)
        if concept_columns is None:  # a few hundred sets of concepts at most
            offset = len(self.words.index) + len(self.chars.index)
            index = self.concepts.index
            concept_columns = [offset + index[t] for t in _concept_tokens(key) if t in index]
            self._concept_columns[key] = concept_columns
        extend(concept_columns)
        return columns

    def _learn_word(self, token: str) -> tuple[list[int], tuple[str, ...]]:
        if len(self._words_seen) > _WORD_CACHE_LIMIT:
            self._words_seen.clear()
        unigram = self.words.index.get(token)
        offset = len(self.words.index)
        chars = map(self.chars.index.get, char_wb_ngrams(token, self.chars.ngram_range))
        columns = [] if unigram is None else [unigram]
        columns += [offset + column for column in chars if column is not None]
        known = self._words_seen[token] = (columns, _concepts_of(token))
        return known

    def _block_starts(self) -> tuple[int, int]:
        return len(self.words.index), len(self.words.index) + len(self.chars.index)


def _decision(
    columns: list[list[int]],
    block_starts: tuple[int, int],
    idf: NDArray[np.float64],
    coef: NDArray[np.float64],
) -> NDArray[np.float64]:
    """Each sentence's TF-IDF blocks times `coef` (3, n_terms), numpy only.

    The same numbers as scikit-learn's TfidfVectorizer(sublinear_tf=True) blocks (each row
    l2-normalised within its block) followed by a dot product. Each (sentence, term) becomes
    one integer key, so that a single sort counts repeated terms for all sentences at once.
    """
    import numpy as np

    count = len(columns)
    bits = max(1, (len(idf) - 1).bit_length())
    lengths = np.fromiter(map(len, columns), dtype=np.int64, count=count)
    keys = np.repeat(np.arange(count, dtype=np.int64) << bits, lengths)
    keys |= np.fromiter(itertools.chain.from_iterable(columns), dtype=np.int64, count=len(keys))
    if count << bits < 2**31:  # 32-bit keys sort faster; a very long entry keeps 64 bits
        keys = keys.astype(np.int32)
    unique, counts = np.unique(keys, return_counts=True)
    sentences, terms = unique >> bits, unique & ((1 << bits) - 1)
    weights = (1.0 + np.log(counts)) * idf.take(terms)
    # One norm per sentence and block: slot 3 * sentence + block.
    slots = 3 * sentences + np.searchsorted(block_starts, terms, side="right")
    norms = np.sqrt(np.bincount(slots, weights=weights * weights, minlength=3 * count))
    norms[norms == 0.0] = 1.0  # an empty block adds nothing, as in scikit-learn
    weights /= norms.take(slots)
    # Level by level: 1-d takes are far cheaper than gathering rows of a 2-d array. (With no
    # term at all bincount gives integers, hence the cast.)
    summed = [
        np.bincount(sentences, weights=row.take(terms) * weights, minlength=count) for row in coef
    ]
    return np.stack(summed, axis=1).astype(np.float64, copy=False)


def load_model_from(directory: Path) -> CrisisModel:
    """Load the artifact in `directory` (uncached; `load_model` is the cached default)."""
    import numpy as np

    config: dict[str, Any] = json.loads((directory / CONFIG_NAME).read_text(encoding="utf-8"))
    if tuple(config["labels"]) != LEVELS:
        raise ValueError(f"{directory / CONFIG_NAME}: labels differ from {LEVELS}")
    if config["word"]["token_pattern"] != TOKEN_PATTERN:
        raise ValueError(f"{directory / CONFIG_NAME}: word tokens differ from TOKEN_PATTERN")
    with np.load(directory / ARTIFACT_NAME, allow_pickle=False) as arrays:
        blocks = [
            build_vectorizer(arrays[f"{name}_terms"], arrays[f"{name}_idf"], config[name])
            for name in BLOCKS
        ]
        # float32 on disk keeps the file small; float64 in memory, as scikit-learn computes.
        coef = np.vstack([arrays[f"{name}_coef"] for name in BLOCKS]).astype(np.float64)
        coef = np.ascontiguousarray(coef.T)
        intercept = arrays["intercept"].astype(np.float64)
    thresholds = config["thresholds"]
    return CrisisModel(
        words=blocks[0],
        chars=blocks[1],
        concepts=blocks[2],
        idf=np.concatenate([block.idf for block in blocks]),
        coef=coef,
        intercept=intercept,
        thresholds=Thresholds(float(thresholds["flag"]), float(thresholds["raise_concern"])),
        version=config["model_version"],
    )


@functools.cache
def load_model() -> CrisisModel:
    """The shipped model, loaded on first use and kept."""
    return load_model_from(MODEL_DIR)
