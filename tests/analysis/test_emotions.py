"""The emotion reader: shipped artifact, numpy runtime vs scikit-learn, readings, batch."""

from __future__ import annotations

import json

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alliance.analysis import emotions
from alliance.analysis.emotions import (
    EKMAN,
    LABELS,
    MODEL_VERSION,
    SENTIMENT,
    load_model,
    read_emotions,
    read_emotions_batch,
    score_texts,
)
from alliance.analysis.reading import Span
from tests.conftest import SHARED

GOEMOTIONS = SHARED / "data" / "goemotions"
SEED = SHARED / "examples" / "seed-reflection.txt"

# Awkward inputs for the re-implemented analyzers: case, accents, tabs and odd white space,
# punctuation glued to words, one-letter words, emoji, digits, an empty string.
TRICKY = [
    "Thank you so much, I'm so grateful",
    "I'M SO SCARED!!!   and\tangry\u2003at   everyone…",
    "Café naïve résumé — ÉLAN",
    "a b c I x",
    "lol 😂😂 this is hilarious haha",
    "",
    "   ",
    "ok",
    "2020 was the year; 3pm meeting @ room 12b",
    "Why?! Why would you *ever* do that??",
    "İstanbul ß straße ǅ",
]


def _found_by_threshold(scores: dict[str, float], thresholds: np.ndarray) -> set[str]:
    found = {label for j, label in enumerate(LABELS) if scores[label] >= thresholds[j]}
    return found - {"neutral"} if len(found) > 1 else found


def test_mappings_partition_the_28_labels() -> None:
    assert len(LABELS) == 28 and len(set(LABELS)) == 28
    for mapping in (EKMAN, SENTIMENT):
        members = [label for group in mapping.values() for label in group]
        assert sorted(members) == sorted(LABELS)
    assert set(EKMAN) == {"anger", "disgust", "fear", "joy", "sadness", "surprise", "neutral"}


def test_artifact_loads_and_its_version_is_derived_from_its_files() -> None:
    model = load_model()
    assert load_model() is model  # cached
    config = json.loads((emotions.MODEL_DIR / emotions.CONFIG_NAME).read_text())
    artifact = (emotions.MODEL_DIR / emotions.ARTIFACT_NAME).read_bytes()
    assert emotions.compute_model_version(artifact, config) == MODEL_VERSION == model.version
    metrics = json.loads((emotions.MODEL_DIR / "emotions-metrics.json").read_text())
    assert metrics["model_version"] == MODEL_VERSION
    assert config["labels"] == list(LABELS)
    assert model.thresholds.shape == (28,)
    assert np.all((model.thresholds > 0) & (model.thresholds < 1))


def test_scores_are_probabilities_in_label_order() -> None:
    scores = score_texts(TRICKY)
    assert scores.shape == (len(TRICKY), 28)
    assert np.all((scores >= 0.0) & (scores <= 1.0))
    assert score_texts([]).shape == (0, 28)


def test_numpy_runtime_matches_scikit_learn_on_the_exported_model() -> None:
    pytest.importorskip("sklearn", reason="scikit-learn is a training-time dependency only")
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    model = load_model()
    config = json.loads((emotions.MODEL_DIR / emotions.CONFIG_NAME).read_text())
    texts = TRICKY + _dev_sample(300)
    ours_words, ours_chars = model.features(texts)
    blocks = []
    for block, ours, settings_ in (
        (model.words, ours_words, {"token_pattern": config["word"]["token_pattern"]}),
        (model.chars, ours_chars, {"analyzer": "char_wb"}),
    ):
        vectorizer = TfidfVectorizer(
            vocabulary=block.index, ngram_range=block.ngram_range, sublinear_tf=True, **settings_
        )
        vectorizer.fit(["fit only to set up; idf is replaced below"])
        vectorizer.idf_ = block.idf
        theirs = vectorizer.transform(texts)
        assert np.array_equal(theirs.indptr, ours.indptr)
        assert np.array_equal(theirs.indices, ours.indices)
        np.testing.assert_allclose(theirs.data, ours.data, rtol=1e-12)
        blocks.append(theirs)

    from scipy.sparse import hstack

    features = hstack(blocks).tocsr()
    coef = np.vstack([model.word_coef, model.char_coef])
    theirs_probs = np.empty((len(texts), 28))
    for j in range(28):
        classifier = LogisticRegression()
        classifier.classes_ = np.array([0, 1])
        classifier.coef_ = coef[:, j][None, :]
        classifier.intercept_ = model.intercept[j : j + 1]
        theirs_probs[:, j] = classifier.predict_proba(features)[:, 1]
    np.testing.assert_allclose(score_texts(texts), theirs_probs, rtol=1e-9, atol=1e-12)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thank you so much, I'm so grateful", "gratitude"),
        ("I'm so scared", "fear"),
        ("I am so angry at him right now", "anger"),
        ("This is hilarious lol", "amusement"),
        ("I'm so sorry, it was my fault", "remorse"),
        ("I'm really nervous about tomorrow", "nervousness"),
    ],
)
def test_obvious_cases(text: str, expected: str) -> None:
    reading = read_emotions(text)
    assert expected in reading.labels
    assert reading.labels[0] == max(reading.labels, key=reading.scores.__getitem__)


def test_sentiment_and_ekman_follow_the_found_emotions() -> None:
    grateful, scared, plain = read_emotions_batch(
        ["Thank you so much, I'm so grateful", "I'm so scared", "The meeting is at 3pm."]
    )
    assert grateful.sentiment == "positive" and scared.sentiment == "negative"
    assert plain.labels == ("neutral",) and plain.sentiment == "neutral"
    for reading in (grateful, scared, plain):
        for group, members in EKMAN.items():
            assert reading.ekman[group] == max(reading.scores[m] for m in members)
    assert scared.ekman["fear"] > scared.ekman["joy"]


def test_each_sentence_keeps_its_own_reading_and_offsets() -> None:
    text = "I felt scared before the session.  Afterwards I was so relieved and grateful.\nOk"
    reading = read_emotions(text)
    assert [s.span.text for s in reading.sentences] == [
        "I felt scared before the session.",
        "Afterwards I was so relieved and grateful.",
        "Ok",
    ]
    alone = score_texts([s.span.text for s in reading.sentences])
    thresholds = load_model().thresholds
    for sentence, row in zip(reading.sentences, alone, strict=True):
        assert text[sentence.span.start : sentence.span.end] == sentence.span.text
        assert [sentence.scores[label] for label in LABELS] == pytest.approx(row.tolist())
        assert set(sentence.labels) == _found_by_threshold(sentence.scores, thresholds)
    assert "fear" in reading.sentences[0].labels and "fear" not in reading.sentences[1].labels
    assert "fear" in reading.labels and "relief" in reading.labels


def test_entry_score_is_whole_text_lifted_halfway_to_the_best_sentence() -> None:
    text = "I felt scared before the session. Afterwards I was so relieved and grateful."
    reading = read_emotions(text)
    whole = score_texts([text])[0]
    best = np.max([[s.scores[label] for label in LABELS] for s in reading.sentences], axis=0)
    expected = np.maximum(whole, (whole + best) / 2)
    assert [reading.scores[label] for label in LABELS] == pytest.approx(expected.tolist())


def test_caller_sentences_are_used_as_given() -> None:
    text = "Thank you so much. I'm so scared"
    spans = [Span(0, len(text), text)]
    reading = read_emotions(text, spans)
    assert [s.span for s in reading.sentences] == spans
    assert read_emotions_batch([text, text], [spans, None]) == [reading, read_emotions(text)]
    assert read_emotions(text) != reading  # the default split gives two sentences


def test_text_without_words_reads_as_blank() -> None:
    for text in ("", "  ... \n !!"):
        reading = read_emotions(text)
        assert reading.labels == () and reading.sentences == ()
        assert reading.sentiment == "neutral"
        assert set(reading.scores.values()) == {0.0}


@settings(max_examples=40, deadline=None)
@given(st.lists(st.text(max_size=120), min_size=1, max_size=5))
def test_batch_equals_single_and_labels_match_thresholds(texts: list[str]) -> None:
    batch = read_emotions_batch(texts)
    thresholds = load_model().thresholds
    for text, from_batch in zip(texts, batch, strict=True):
        single = read_emotions(text)
        assert from_batch.labels == single.labels and from_batch.sentiment == single.sentiment
        assert from_batch.sentences == single.sentences
        assert from_batch.scores == pytest.approx(single.scores, abs=1e-12)
        if from_batch.sentences:
            assert set(from_batch.labels) == _found_by_threshold(from_batch.scores, thresholds)
            assert all(0.0 <= value <= 1.0 for value in from_batch.scores.values())


@pytest.mark.shared
def test_metrics_file_reports_the_shipped_artifact_on_dev() -> None:
    if not GOEMOTIONS.exists():
        pytest.skip(f"GoEmotions data not found at {GOEMOTIONS}")
    texts, truth = [], []
    for line in (GOEMOTIONS / "dev.tsv").read_text(encoding="utf-8").splitlines():
        text, ids, _ = line.split("\t")
        texts.append(text)
        truth.append(np.isin(np.arange(28), [int(i) for i in ids.split(",")]))
    predicted = score_texts(texts) >= load_model().thresholds
    labels = np.array(truth)
    tp = (predicted & labels).sum(axis=0)
    f1 = 2 * tp / (2 * tp + (predicted ^ labels).sum(axis=0))
    metrics = json.loads((emotions.MODEL_DIR / "emotions-metrics.json").read_text())
    assert round(float(f1.mean()), 4) == metrics["dev_macro_f1"]
    assert metrics["dev_macro_f1"] >= 0.46


@pytest.mark.shared
def test_seed_reflection_reads_sentence_by_sentence() -> None:
    if not SEED.exists():
        pytest.skip(f"seed reflection not found at {SEED}")
    text = SEED.read_text(encoding="utf-8")
    reading = read_emotions(text)
    assert len(reading.sentences) > 1
    for sentence in reading.sentences:
        assert text[sentence.span.start : sentence.span.end] == sentence.span.text
    assert read_emotions_batch([text, text]) == [reading, reading]
    # Tears and fear of ending, but most of it is warmth and trust.
    assert reading.sentiment == "positive"


def test_a_long_entry_takes_the_sentiment_most_of_its_sentences_carry() -> None:
    text = (
        "She made me laugh all evening and I loved it. I'm proud of how I handled the call "
        "with Dad. I am terrified of losing my job."
    )
    reading = read_emotions(text)
    first = [s.labels[0] for s in reading.sentences]
    assert first == ["love", "pride", "fear"]  # two warm sentences, one afraid
    assert reading.sentiment == "positive"
    assert read_emotions("I am terrified of losing my job.").sentiment == "negative"


def _dev_sample(count: int) -> list[str]:
    if not (GOEMOTIONS / "dev.tsv").exists():
        return []
    lines = (GOEMOTIONS / "dev.tsv").read_text(encoding="utf-8").splitlines()
    return [line.split("\t")[0] for line in lines[:count]]
