"""Read emotions from text: the 28 GoEmotions labels, their Ekman groups and a sentiment.

The model (see docs/emotions.md) is TF-IDF over word 1-2 grams and char_wb 1-4 grams with a
one-vs-rest logistic regression per label, trained by `scripts/train_emotions.py` with
scikit-learn. scikit-learn is not needed here: the shipped files hold the vocabularies, idf
weights, coefficients and per-label thresholds, and the transform below re-implements
scikit-learn's `TfidfVectorizer` + `LogisticRegression.predict_proba` with numpy/scipy
(tests/analysis/test_emotions.py checks the two agree).

numpy and scipy are imported inside functions: this module sits on paths the CLI may import
at start-up, and `alliance --help` must stay fast.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import json
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from alliance.analysis.reading import EmotionReading, SentenceEmotions, Sentiment, Span
from alliance.analysis.sentences import split_sentences

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray
    from scipy.sparse import csr_matrix

MODEL_DIR = Path(__file__).parent / "models"
ARTIFACT_NAME = "emotions.npz"
CONFIG_NAME = "emotions.json"

LABELS: tuple[str, ...] = (
    "admiration", "amusement", "anger", "annoyance", "approval", "caring", "confusion",
    "curiosity", "desire", "disappointment", "disapproval", "disgust", "embarrassment",
    "excitement", "fear", "gratitude", "grief", "joy", "love", "nervousness", "optimism",
    "pride", "realization", "relief", "remorse", "sadness", "surprise", "neutral",
)  # fmt: skip

# GoEmotions' ekman_mapping.json, plus neutral as its own group.
EKMAN: dict[str, tuple[str, ...]] = {
    "anger": ("anger", "annoyance", "disapproval"),
    "disgust": ("disgust",),
    "fear": ("fear", "nervousness"),
    "joy": (
        "joy", "amusement", "approval", "excitement", "gratitude", "love", "optimism",
        "relief", "pride", "admiration", "desire", "caring",
    ),
    "sadness": ("sadness", "disappointment", "embarrassment", "grief", "remorse"),
    "surprise": ("surprise", "realization", "confusion", "curiosity"),
    "neutral": ("neutral",),
}  # fmt: skip

# GoEmotions' sentiment_mapping.json, plus neutral as its own group.
SENTIMENT: dict[Sentiment, tuple[str, ...]] = {
    "positive": (
        "amusement", "excitement", "joy", "love", "desire", "optimism", "caring", "pride",
        "admiration", "gratitude", "relief", "approval",
    ),
    "negative": (
        "fear", "nervousness", "remorse", "embarrassment", "disappointment", "sadness",
        "grief", "disgust", "anger", "annoyance", "disapproval",
    ),
    "ambiguous": ("realization", "surprise", "curiosity", "confusion"),
    "neutral": ("neutral",),
}  # fmt: skip

_SENTIMENT_OF = {label: group for group, labels in SENTIMENT.items() for label in labels}
_COLUMN = {label: j for j, label in enumerate(LABELS)}
_NEUTRAL = _COLUMN["neutral"]
_EKMAN_COLUMNS = {group: [_COLUMN[m] for m in members] for group, members in EKMAN.items()}
# The per-word char n-gram cache is cleared past this size so memory stays bounded.
_CHAR_CACHE_LIMIT = 200_000


def compute_model_version(artifact: bytes, config: Mapping[str, Any]) -> str:
    """Short hash of the arrays and of everything in the config that shapes a reading."""
    digest = hashlib.sha256(artifact)
    body = {key: value for key, value in config.items() if key != "model_version"}
    digest.update(json.dumps(body, sort_keys=True).encode("utf-8"))
    return f"goemotions-lr-{digest.hexdigest()[:12]}"


def _read_config(directory: Path) -> dict[str, Any]:
    config: dict[str, Any] = json.loads((directory / CONFIG_NAME).read_text(encoding="utf-8"))
    return config


def _shipped_version() -> str:
    # Read from the small JSON beside the arrays (written by the training script, checked by
    # the tests), so that knowing the version costs no numpy import and no 10 MB read.
    # "untrained" only before the first training run; load_model() then fails loudly.
    path = MODEL_DIR / CONFIG_NAME
    return str(_read_config(MODEL_DIR)["model_version"]) if path.exists() else "untrained"


MODEL_VERSION: str = _shipped_version()


@dataclass(frozen=True)
class Vectorizer:
    """One TfidfVectorizer block: term -> column, idf, and its n-gram settings."""

    index: dict[str, int]
    idf: NDArray[np.float64]
    ngram_range: tuple[int, int]


@dataclass(frozen=True)
class EmotionModel:
    words: Vectorizer
    chars: Vectorizer
    word_coef: NDArray[np.float64]  # (n_word_terms, 28)
    char_coef: NDArray[np.float64]  # (n_char_terms, 28)
    intercept: NDArray[np.float64]  # (28,)
    thresholds: NDArray[np.float64]  # (28,)
    version: str
    token_pattern: re.Pattern[str]
    _char_cache: dict[str, list[int]] = field(default_factory=dict, repr=False, compare=False)

    def features(self, texts: Sequence[str]) -> tuple[csr_matrix, csr_matrix]:
        """The two l2-normalised TF-IDF blocks, exactly as scikit-learn computes them."""
        lowered = [text.lower() for text in texts]
        word_rows = [self._word_columns(text) for text in lowered]
        char_rows = [self._char_columns(text) for text in lowered]
        return _tfidf(word_rows, self.words), _tfidf(char_rows, self.chars)

    def _word_columns(self, text: str) -> list[int]:
        tokens = self.token_pattern.findall(text)
        index = self.words.index
        grams = _word_ngrams(tokens, self.words.ngram_range)
        return [column for column in map(index.get, grams) if column is not None]

    def _char_columns(self, text: str) -> list[int]:
        # char_wb n-grams never cross white space, so a word's columns can be cached: most
        # words recur, and this is what makes char n-grams cheap enough in pure Python.
        cache = self._char_cache
        if len(cache) > _CHAR_CACHE_LIMIT:
            cache.clear()
        columns: list[int] = []
        for word in text.split():
            cached = cache.get(word)
            if cached is None:
                grams = char_wb_ngrams(word, self.chars.ngram_range)
                cached = [c for c in map(self.chars.index.get, grams) if c is not None]
                cache[word] = cached
            columns.extend(cached)
        return columns


def _word_ngrams(tokens: list[str], ngram_range: tuple[int, int]) -> list[str]:
    """scikit-learn's `_VectorizerMixin._word_ngrams` without stop words."""
    min_n, max_n = ngram_range
    grams = list(tokens) if min_n == 1 else []
    for n in range(max(min_n, 2), min(max_n + 1, len(tokens) + 1)):
        grams.extend(" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1))
    return grams


def char_wb_ngrams(word: str, ngram_range: tuple[int, int]) -> list[str]:
    """scikit-learn's `char_wb_ngrams` for one white-space separated word."""
    padded = f" {word} "
    size = len(padded)
    grams: list[str] = []
    for n in range(ngram_range[0], ngram_range[1] + 1):
        if size <= n:  # scikit-learn counts a padded word shorter than n once, then stops
            grams.append(padded)
            break
        grams.extend([padded[i : i + n] for i in range(size - n + 1)])
    return grams


def _tfidf(rows: list[list[int]], vectorizer: Vectorizer) -> csr_matrix:
    """Counts -> sublinear tf (1 + log) -> times idf -> l2-normalise each row."""
    import numpy as np
    from scipy.sparse import csr_matrix

    lengths = np.fromiter((len(row) for row in rows), dtype=np.int64, count=len(rows))
    indptr = np.zeros(len(rows) + 1, dtype=np.int64)
    np.cumsum(lengths, out=indptr[1:])
    indices = np.fromiter(itertools.chain.from_iterable(rows), dtype=np.int32, count=indptr[-1])
    shape = (len(rows), len(vectorizer.index))
    matrix = csr_matrix((np.ones(len(indices)), indices, indptr), shape=shape)
    matrix.sum_duplicates()  # repeated terms become counts, columns sorted per row
    np.log(matrix.data, out=matrix.data)
    matrix.data += 1.0
    matrix.data *= vectorizer.idf[matrix.indices]
    row_of = np.repeat(np.arange(len(rows)), np.diff(matrix.indptr))
    norms = np.sqrt(np.bincount(row_of, weights=matrix.data**2, minlength=len(rows)))
    norms[norms == 0.0] = 1.0  # an empty row stays empty, as in scikit-learn
    matrix.data /= norms[row_of]
    return matrix


def load_model_from(directory: Path) -> EmotionModel:
    """Load the artifact in `directory` (uncached; `load_model` is the cached default)."""
    import numpy as np

    config = _read_config(directory)
    if tuple(config["labels"]) != LABELS:
        raise ValueError(f"{directory / CONFIG_NAME}: labels differ from the 28 GoEmotions labels")
    with np.load(directory / ARTIFACT_NAME, allow_pickle=False) as arrays:
        words = build_vectorizer(arrays["word_terms"], arrays["word_idf"], config["word"])
        chars = build_vectorizer(arrays["char_terms"], arrays["char_idf"], config["char"])
        # float32 on disk keeps the file small; float64 in memory so scipy does not upcast
        # the whole matrix on every call.
        word_coef = arrays["word_coef"].astype(np.float64)
        char_coef = arrays["char_coef"].astype(np.float64)
        intercept = arrays["intercept"].astype(np.float64)
    return EmotionModel(
        words=words,
        chars=chars,
        word_coef=word_coef,
        char_coef=char_coef,
        intercept=intercept,
        thresholds=np.asarray(config["thresholds"], dtype=np.float64),
        version=config["model_version"],
        token_pattern=re.compile(config["word"]["token_pattern"]),
    )


def build_vectorizer(terms: Any, idf: Any, settings: Mapping[str, Any]) -> Vectorizer:
    # Terms are stored as one UTF-8 blob joined by newlines: no term can hold white space
    # other than the single spaces scikit-learn puts in, and it loads far faster than JSON.
    names = bytes(terms).decode("utf-8").split("\n")
    if len(names) != len(idf):
        raise ValueError("emotion model: vocabulary and idf lengths differ")
    low, high = settings["ngram_range"]
    return Vectorizer(dict(zip(names, range(len(names)), strict=True)), idf, (int(low), int(high)))


@functools.cache
def load_model() -> EmotionModel:
    """The shipped model, loaded on first use and kept."""
    return load_model_from(MODEL_DIR)


def score_texts(texts: Sequence[str], model: EmotionModel | None = None) -> NDArray[np.float64]:
    """Probabilities, shape (len(texts), 28), columns in `LABELS` order."""
    import numpy as np
    from scipy.special import expit

    model = model or load_model()
    if not texts:
        return np.zeros((0, len(LABELS)))
    words, chars = model.features(texts)
    decision = words @ model.word_coef + chars @ model.char_coef + model.intercept
    return np.asarray(expit(decision))


def read_emotions(text: str, sentences: list[Span] | None = None) -> EmotionReading:
    """Read one entry; `sentences` defaults to `split_sentences(text)`."""
    return _read_many([text], [sentences])[0]


def read_emotions_batch(
    texts: Sequence[str], sentences: Sequence[list[Span] | None] | None = None
) -> list[EmotionReading]:
    """Read many entries, scoring every whole text and sentence in one vectorised call.

    `sentences`, if given, holds each text's spans (or None to split that text here).
    """
    return _read_many(texts, [None] * len(texts) if sentences is None else sentences)


def _read_many(
    texts: Sequence[str], sentence_lists: Sequence[list[Span] | None]
) -> list[EmotionReading]:
    import numpy as np

    model = load_model()
    spans_per_text = [
        split_sentences(text) if spans is None else spans
        for text, spans in zip(texts, sentence_lists, strict=True)
    ]
    # Score each distinct string once. The whole text is keyed without its surrounding white
    # space, which no analyzer sees, so a one-sentence entry is scored a single time.
    row_of: dict[str, int] = {}
    readable = [i for i, spans in enumerate(spans_per_text) if spans]
    for i in readable:
        row_of.setdefault(texts[i].strip(), len(row_of))
        for span in spans_per_text[i]:
            row_of.setdefault(span.text, len(row_of))
    scores = score_texts(list(row_of), model)

    # Entry score = max(whole, mean(whole, best sentence)): a feeling stated in one sentence
    # of a long entry is diluted in the whole-text vector, so the best sentence lifts it,
    # but only halfway, because one sentence is weaker evidence than the whole entry.
    whole_rows = [row_of[texts[i].strip()] for i in readable]
    sentence_rows = [row_of[span.text] for i in readable for span in spans_per_text[i]]
    starts = np.cumsum([0] + [len(spans_per_text[i]) for i in readable[:-1]])
    best = np.maximum.reduceat(scores[sentence_rows], starts) if readable else scores[:0]
    entries = np.maximum(scores[whole_rows], (scores[whole_rows] + best) / 2.0)

    score_lists, entry_lists = scores.tolist(), entries.tolist()
    thresholds = model.thresholds.tolist()
    readings = [_blank_reading() for _ in texts]
    for entry, i in zip(entry_lists, readable, strict=True):
        sentences = tuple(
            _sentence(span, score_lists[row_of[span.text]], thresholds)
            for span in spans_per_text[i]
        )
        readings[i] = _reading(entry, thresholds, sentences)
    return readings


def _sentence(span: Span, row: list[float], thresholds: list[float]) -> SentenceEmotions:
    return SentenceEmotions(span, dict(zip(LABELS, row, strict=True)), _found(row, thresholds))


def _reading(
    entry: list[float], thresholds: list[float], sentences: tuple[SentenceEmotions, ...]
) -> EmotionReading:
    labels = _found(entry, thresholds)
    scores = dict(zip(LABELS, entry, strict=True))
    return EmotionReading(
        scores=scores,
        labels=labels,
        ekman={group: max(entry[j] for j in members) for group, members in _EKMAN_COLUMNS.items()},
        sentiment=_entry_sentiment(labels, scores, thresholds, sentences),
        sentences=sentences,
    )


def _blank_reading() -> EmotionReading:
    # Nothing to read (no letters or digits): no scores rather than the model's prior.
    return EmotionReading(
        scores=dict.fromkeys(LABELS, 0.0),
        labels=(),
        ekman=dict.fromkeys(EKMAN, 0.0),
        sentiment="neutral",
    )


def _found(row: list[float], thresholds: list[float]) -> tuple[str, ...]:
    """Labels at or above their own threshold, strongest first; neutral only if alone."""
    found = [j for j, (score, cut) in enumerate(zip(row, thresholds, strict=True)) if score >= cut]
    if len(found) > 1 and _NEUTRAL in found:
        found.remove(_NEUTRAL)
    found.sort(key=lambda j: (-row[j], j))
    return tuple(LABELS[j] for j in found)


def _entry_sentiment(
    labels: tuple[str, ...],
    scores: Mapping[str, float],
    thresholds: list[float],
    sentences: tuple[SentenceEmotions, ...],
) -> Sentiment:
    """The sentiment most of the entry's sentences carry, one vote each; the entry's own
    scores decide a tie or an entry of fewer than two sentences with a sentiment."""
    # A long reflection holds mixed feelings ("I cried", "I feel secure now"): the whole-text
    # scores let one strong label in one sentence speak for all of them, the vote does not.
    votes = Counter(_sentiment(s.labels, s.scores, thresholds) for s in sentences)
    del votes["neutral"]
    ranked = votes.most_common(2)
    if sum(votes.values()) >= 2 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return ranked[0][0]
    return _sentiment(labels, scores, thresholds)


def _sentiment(
    labels: tuple[str, ...], scores: Mapping[str, float], thresholds: list[float]
) -> Sentiment:
    """The group of the found emotion that clears its threshold by the widest margin."""
    # Margins are relative to each label's threshold because raw probabilities are not
    # comparable across labels: rare labels have much lower thresholds.
    felt = [label for label in labels if label != "neutral"]
    if not felt:
        return "neutral"
    strongest = max(felt, key=lambda label: scores[label] / thresholds[_COLUMN[label]])
    return _SENTIMENT_OF[strongest]
