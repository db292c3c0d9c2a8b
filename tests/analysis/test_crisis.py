"""The crisis-language reader: the spec's levels, clinical-facts §7.6, idioms, offsets, the
classifier that backs the rules up, quality.

Quality on the labelled sets is measured by bench/crisis_eval.py; the thresholds here are the
targets from the brief (urgent recall 1.0, false alarms on hard negatives at most 5%).
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alliance.analysis import crisis_model, crisis_patterns
from alliance.analysis.crisis import combine_levels, combine_pairs, pair_texts, read_crisis
from alliance.analysis.crisis_model import (
    LEVELS,
    PAIR_FLOOR,
    Thresholds,
    block_inputs,
    load_model,
    pairs_to_read,
)
from alliance.analysis.sentences import split_sentences

DATA = Path(__file__).parent / "data" / "crisis"
REPO = Path(__file__).resolve().parents[2]


def _load(name: str) -> list[dict[str, str]]:
    with (DATA / f"{name}.jsonl").open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _bench() -> Any:
    return _load_module("crisis_eval", REPO / "bench" / "crisis_eval.py")


def _script(name: str) -> Any:
    pytest.importorskip("sklearn", reason="the training script needs scikit-learn")
    return _load_module(name, REPO / "scripts" / f"{name}.py")


def _load_module(name: str, path: Path) -> Any:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


# The sets the classifier trains on, and every labelled set, as the bench names them.
TRAINING_SETS = _bench().TRAINING
ALL_SETS = (*TRAINING_SETS, *_bench().HELDOUT)


RANK = {level: i for i, level in enumerate(LEVELS)}


# --- clinical-facts §7.6: the safety-language regression suite -----------------------------

# "risk -> safety flow" is mapped by the spec's definitions: passive ideation is concern,
# active thoughts ("thinking about ending it all") are urgent; "clinician review" rows and
# third-party risk are concern, which shows the resources.
REGRESSION_SUITE = [
    ("I keep thinking everyone would be better off without me", "concern"),
    ("I've been thinking about ending it all", "urgent"),
    ("I'm killing it at work lately", "none"),
    ("My therapist honestly saved my life", "none"),
    ("I'm dying to tell her about my week", "none"),
    ("Last year I wanted to die, but I'm in a better place now", "concern"),
    ("I don't want to kill myself, I just feel tired", "concern"),
    ("My friend said he wants to kill himself", "concern"),
]


@pytest.mark.parametrize(("text", "level"), REGRESSION_SUITE)
def test_clinical_facts_regression_suite(text: str, level: str) -> None:
    assert read_crisis(text).level == level


def test_risk_rows_show_resources_and_idioms_do_not() -> None:
    from alliance.safety import resources_for

    for text, level in REGRESSION_SUITE:
        message = resources_for(read_crisis(text).level)
        assert (message is None) == (level == "none"), text


# --- the spec's table and the brief's idioms --------------------------------------------

SPEC_EXAMPLES = [
    ("He literally saved my life.", "none"),
    ("This commute is killing me.", "none"),
    ("I'd die for a coffee.", "none"),
    ("Sometimes I wish I could just disappear.", "concern"),
    ("I used to cut.", "concern"),
    ("I've been thinking about how I'd do it.", "urgent"),
    ("I have the pills saved up.", "urgent"),
]

IDIOMS = [
    "He saved my life when I was drowning in debt.",
    "I'm killing it at the new job.",
    "Killing it in the gym this week!",
    "I'm dying to see the new flat.",
    "Dying to know what she thought of my essay.",
    "This commute is killing me.",
    "I'd die for a coffee right now.",
    "We watched Suicide Squad on Friday.",
    "My grandmother died last week and the funeral is on Monday.",
    "I could kill him for eating my leftovers.",
    "I could kill him, haha, he ate the last slice.",
    "I'm dead 😂 that video.",
    "My uncle's car has suicide doors.",
    "The suspense is killing me.",
    "My phone is dying, I need a charger.",
]


@pytest.mark.parametrize(("text", "level"), SPEC_EXAMPLES)
def test_spec_examples(text: str, level: str) -> None:
    assert read_crisis(text).level == level


@pytest.mark.parametrize("text", IDIOMS)
def test_idioms_are_not_flagged(text: str) -> None:
    reading = read_crisis(text)
    assert reading.level == "none"
    assert reading.evidence == ()


def test_could_kill_without_a_sign_of_hyperbole_stays_a_concern() -> None:
    # Recall first: without a joke or a trivial reason the phrase is not cleared.
    assert read_crisis("When he said that about my mother I felt like I could kill him.").level == (
        "concern"
    )


INDIRECT_IDEATION = [  # clinical-facts §6: what keyword lists miss
    ("Everyone would be better off without me.", "concern"),
    ("I won't be around much longer.", "urgent"),
    ("I've started giving my things away.", "urgent"),
    ("There's no point going on.", "concern"),
]


@pytest.mark.parametrize(("text", "level"), INDIRECT_IDEATION)
def test_indirect_ideation(text: str, level: str) -> None:
    assert read_crisis(text).level == level


# --- negation, tense, subject ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("I want to kill myself.", "urgent"),
        ("I would never kill myself.", "concern"),  # negated, but it raises the topic
        ("I'm not suicidal, just exhausted.", "concern"),
        ("I can't stop thinking about suicide.", "urgent"),  # double negation keeps it
        ("I don't know why I want to kill myself.", "urgent"),  # negation does not reach
        ("I don't want to die on the operating table.", "none"),  # fear of dying, negated
        ("I tried to kill myself when I was sixteen.", "concern"),  # past
        ("Ten years ago I cut myself most nights.", "concern"),
        ("I cut myself last night.", "urgent"),  # a recent act
        ("I used to think about suicide and I'm thinking about it again now.", "urgent"),
        ("If I ever felt suicidal I would call the number.", "concern"),  # hypothetical
        ("My sister told me she's suicidal.", "concern"),  # someone else
        ("My dad killed himself when I was ten.", "none"),  # bereavement
        ("I'm going to hurt him when he gets out.", "urgent"),  # harm to someone
        ("I'm going to murder my brother, he ate my chips lol", "none"),  # joke
    ],
)
def test_context(text: str, level: str) -> None:
    assert read_crisis(text).level == level


# --- evidence -------------------------------------------------------------------------------


def test_evidence_is_the_flagged_sentences_with_offsets_into_the_text() -> None:
    text = (
        "Work was fine.  I made soup.\nHonestly I’ve been thinking about killing myself again. "
        "Then I watched TV. Everyone would be better off without me."
    )
    reading = read_crisis(text)
    assert reading.level == "urgent"
    assert [span.text for span in reading.evidence] == [
        "Honestly I’ve been thinking about killing myself again.",
        "Everyone would be better off without me.",
    ]
    for span in reading.evidence:
        assert text[span.start : span.end] == span.text


def test_given_sentences_are_used_and_match_the_default_split() -> None:
    text = "I had a long day. I wish I was dead. Tomorrow is Friday."
    assert read_crisis(text, split_sentences(text)) == read_crisis(text)
    only_first = split_sentences(text)[:1]
    assert read_crisis(text, only_first).level == "none"


def test_nothing_flagged_means_no_evidence() -> None:
    assert read_crisis("").level == "none"
    assert read_crisis("We talked about my sister's wedding.").evidence == ()


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_any_text_gives_consistent_evidence(text: str) -> None:
    reading = read_crisis(text)
    assert (reading.level == "none") == (reading.evidence == ())
    starts = [span.start for span in reading.evidence]
    assert starts == sorted(starts)
    for span in reading.evidence:
        assert 0 <= span.start < span.end <= len(text)
        assert text[span.start : span.end] == span.text


# --- the trigger index must never hide a cue ---------------------------------------------


@pytest.mark.parametrize("name", ALL_SETS)
def test_trigger_index_matches_trying_every_cue(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    rows = _load(name)
    indexed = [read_crisis(row["text"], use_model=False) for row in rows]
    monkeypatch.setattr(
        "alliance.analysis.crisis.candidate_cues", lambda sentence: list(crisis_patterns.CUES)
    )
    exhaustive = [read_crisis(row["text"], use_model=False) for row in rows]
    assert indexed == exhaustive


# --- the classifier: it backs the rules up, and never overrules them -----------------------


def test_shipped_model_files_agree_with_each_other_and_with_the_code() -> None:
    model = load_model()
    assert load_model() is model  # cached
    config = json.loads((crisis_model.MODEL_DIR / crisis_model.CONFIG_NAME).read_text())
    artifact = (crisis_model.MODEL_DIR / crisis_model.ARTIFACT_NAME).read_bytes()
    metrics = json.loads((crisis_model.MODEL_DIR / "crisis-metrics.json").read_text())
    version = crisis_model.compute_model_version(artifact, config)
    # EXPECTED_VERSION sits in the code so that analysis.model_version() changes with the model.
    assert version == model.version == metrics["model_version"] == crisis_model.EXPECTED_VERSION
    assert tuple(config["labels"]) == LEVELS
    assert 0.5 <= model.thresholds.flag < 1.0
    assert 0.0 < model.thresholds.raise_concern < 1.0
    assert model.coef.shape == (3, len(model.idf))


def test_numpy_runtime_matches_scikit_learn_on_the_shipped_model() -> None:
    pytest.importorskip("sklearn", reason="scikit-learn is a training-time dependency only")
    from scipy.sparse import hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    model = load_model()
    config = json.loads((crisis_model.MODEL_DIR / crisis_model.CONFIG_NAME).read_text())
    sentences = [s.text for row in _load("labelled") for s in split_sentences(row["text"])]
    sentences += ["", "!!!", "Ünïcödé wörds, killing it… “quoted” I’m fine", "a " * 400]
    inputs = list(zip(*map(block_inputs, sentences), strict=True))
    blocks = []
    for block, name, texts in zip(
        (model.words, model.chars, model.concepts), crisis_model.BLOCKS, inputs, strict=True
    ):
        settings_ = {k: v for k, v in config[name].items() if k != "ngram_range"}
        vectorizer = TfidfVectorizer(
            vocabulary=block.index, ngram_range=block.ngram_range, sublinear_tf=True, **settings_
        )
        vectorizer.fit(["fit only to set up; idf is replaced below"])
        vectorizer.idf_ = block.idf
        blocks.append(vectorizer.transform(texts))
    classifier = LogisticRegression()
    classifier.classes_ = np.array([0, 1, 2])
    classifier.coef_ = model.coef
    classifier.intercept_ = model.intercept
    theirs = classifier.predict_proba(hstack(blocks).tocsr())
    np.testing.assert_allclose(model.probabilities(sentences), theirs, rtol=1e-9, atol=1e-12)
    assert model.probabilities([]).shape == (0, 3)


@pytest.mark.parametrize("name", TRAINING_SETS)
def test_the_classifier_only_ever_adds_to_the_rules(name: str) -> None:
    for row in _load(name):
        rules = read_crisis(row["text"], use_model=False)
        both = read_crisis(row["text"])
        assert RANK[both.level] >= RANK[rules.level], row["id"]
        assert set(rules.evidence) <= set(both.evidence), row["id"]


SURE_URGENT = [0.0, 0.0, 1.0]
SURE_NONE = [1.0, 0.0, 0.0]
THRESHOLDS = Thresholds(flag=0.8, raise_concern=0.6)


@pytest.mark.parametrize(
    ("sentence", "rule", "probabilities", "level"),
    [
        ("I'm going to do it tonight.", "none", SURE_URGENT, "urgent"),
        ("I'm going to do it tonight.", "none", [0.1, 0.5, 0.4], "concern"),  # flagged, not sure
        ("I'm going to do it tonight.", "none", [0.3, 0.1, 0.6], "none"),  # below the flag
        ("I want it all to stop.", "concern", [0.3, 0.0, 0.7], "urgent"),  # raised
        ("I want it all to stop.", "concern", [0.5, 0.0, 0.5], "concern"),
        ("I want to kill myself.", "urgent", SURE_NONE, "urgent"),  # never lowered
        ("I wish I was dead.", "concern", SURE_NONE, "concern"),
        # Guards on the classifier's hits: grief, a film, a joke, someone else.
        ("Since my uncle died I go to the grave every week.", "none", SURE_URGENT, "none"),
        ("We watched a film about a man who jumps off a bridge.", "none", SURE_URGENT, "none"),
        ("I'm going to strangle him for this, haha.", "none", SURE_URGENT, "none"),
        ("My friend says he's going to do it tonight.", "none", SURE_URGENT, "concern"),
        # No risk word is needed: oblique signs name none, the threshold does that work.
        ("I just didn't think it would be so soon.", "none", SURE_URGENT, "urgent"),
        ("I just didn't think it would be so soon.", "concern", SURE_URGENT, "urgent"),
    ],
)
def test_combining_with_the_rules_and_the_guards(
    sentence: str, rule: str, probabilities: list[float], level: str
) -> None:
    assert combine_levels([sentence], [""], [rule], [probabilities], THRESHOLDS) == [level]  # type: ignore[list-item]


# --- pairs of neighbouring sentences ------------------------------------------------------

ROPE = ["Bought a rope today.", "I know what it's for."]


@pytest.mark.parametrize(
    ("sentences", "levels", "row", "expected"),
    [
        (ROPE, ["none", "none"], SURE_URGENT, ["urgent", "urgent"]),  # both are the evidence
        (ROPE, ["none", "none"], [0.3, 0.1, 0.6], ["none", "none"]),  # below the flag
        (ROPE, ["concern", "none"], [0.3, 0.0, 0.7], ["urgent", "urgent"]),  # raise_concern
        (ROPE, ["urgent", "none"], SURE_URGENT, ["urgent", "none"]),  # nothing to add
        (ROPE, ["none", "concern"], SURE_NONE, ["none", "concern"]),  # never lowered
        # The sentence guards hold for the pair as a whole.
        (["We watched a film about a man on a bridge.", "He jumps."], ["none", "none"],
         SURE_URGENT, ["none", "none"]),
        (["Jo texted.", "He says he has the pills ready."], ["none", "none"], SURE_URGENT,
         ["concern", "concern"]),
    ],
)  # fmt: skip
def test_a_pair_raises_both_of_its_sentences(
    sentences: list[str], levels: list[str], row: list[float], expected: list[str]
) -> None:
    found = combine_pairs(sentences, [sentences[1], ""], levels, {0: row}, THRESHOLDS)  # type: ignore[arg-type]
    assert found == expected


def test_only_pairs_next_to_some_risk_are_read() -> None:
    quiet, risky = [1.0, 0.0, 0.0], [1.0 - PAIR_FLOOR, 0.0, PAIR_FLOOR]
    probabilities = np.array([quiet, quiet, risky, quiet, quiet])
    assert pairs_to_read(probabilities) == [1, 2]
    assert pairs_to_read(np.array([quiet])) == []
    assert pair_texts(["One.", "Two.", "Three."]) == ["One. Two.", "Two. Three."]


def test_a_risk_spread_over_two_sentences_is_read_from_the_pair() -> None:
    # Written for this test: neither sentence is urgent alone, the pair is.
    text = "I sorted out the passwords for my sister. She will need them after Friday."
    spans = split_sentences(text)
    alone = [read_crisis(span.text).level for span in spans]
    assert alone.count("urgent") < 2
    reading = read_crisis(text)
    assert reading.level == "urgent"
    assert [span.text for span in reading.evidence] == [span.text for span in spans]


def test_the_classifier_reads_plain_wordings_no_cue_was_written_for() -> None:
    # Written for this test, before it was first run, and not in any training file. Of six
    # such sentences the rules read three as urgent; the classifier two of the other three.
    # (The first now meets a rule too: "everything is ready" became a cue later.)
    assert (
        read_crisis("I keep looking at the pills and counting them.", use_model=False).level
        == "none"
    )
    for text in (
        "Everything's in place for tomorrow night, I won't be coming back.",
        "I keep looking at the pills and counting them.",
    ):
        reading = read_crisis(text)
        assert reading.level == "urgent"
        assert [span.text for span in reading.evidence] == [text]


def test_a_note_left_for_parents_is_read_as_urgent() -> None:
    # The third of the six sentences above: a farewell note named without any risk word.
    assert read_crisis("I've written a note for my parents to find.").level == "urgent"


def test_training_sentences_take_the_marked_evidence() -> None:
    trainer = _script("train_crisis")
    text = trainer.Text(
        "train_extra",
        "urgent",
        "Work was fine. I wrote the note tonight. Then TV.",
        ["Work was fine.", "I wrote the note tonight.", "Then TV."],
        ["", "", ""],
        ["none", "none", "none"],
        ("I wrote the note tonight.",),
    )
    assert trainer.sentence_examples(text) == [
        ("Work was fine.", 0),
        ("I wrote the note tonight.", 2),
        ("Then TV.", 0),
        # Pairs of neighbours, as the reader also reads them: the higher level of the two.
        ("Work was fine. I wrote the note tonight.", 2),
        ("I wrote the note tonight. Then TV.", 2),
    ]


def test_a_mark_may_span_sentences_or_part_of_one() -> None:
    trainer = _script("train_crisis")
    sentences = ["Quiet day.", "I left a note.", "Then I drove to the cliffs.", "Tea."]
    text = trainer.Text(
        "train_extra",
        "urgent",
        " ".join(sentences),
        sentences,
        ["", "", "", ""],
        ["none"] * 4,
        ("I left a note. Then I drove to the cliffs.", "Tea"),
    )
    assert trainer._sentence_labels(text) == [0, 2, 2, 2]


def test_unmarked_risk_texts_train_only_on_what_the_rules_flag() -> None:
    trainer = _script("train_crisis")
    text = trainer.Text(
        "labelled",
        "urgent",
        "Bought a rope today. I know what it's for. Then TV.",
        ["Bought a rope today.", "I know what it's for.", "Then TV."],
        ["", "", ""],
        ["urgent", "none", "none"],
        (),
    )
    # The unflagged sentences may only make sense beside the flagged one: left out alone,
    # and a pair counts only where it holds the flagged sentence.
    assert trainer.sentence_examples(text) == [
        ("Bought a rope today.", 2),
        ("Bought a rope today. I know what it's for.", 2),
    ]


def test_the_flag_is_raised_until_everyday_reflections_are_quiet() -> None:
    trainer = _script("train_crisis")
    model = load_model()
    text = "I keep looking at the pills and counting them."  # the classifier's hit alone
    risk = float(model.probabilities([text])[0, 1:].sum())
    assert read_crisis(text, use_model=False).level == "none" != read_crisis(text).level
    quiet = trainer.quiet_on([text, "We talked about my sister."], model)
    assert quiet.flag > risk and quiet.raise_concern == model.thresholds.raise_concern
    assert trainer.quiet_on(["We talked about my sister."], model) == model.thresholds
    assert len(trainer.everyday_reflections()) > 70


# --- quality on the labelled sets -------------------------------------------------------------


def test_labelled_set_meets_the_targets() -> None:
    bench = _bench()
    result = bench.evaluate(_load("labelled"))
    assert result["urgent_recall"] >= bench.URGENT_RECALL_TARGET
    assert result["urgent_flagged"] == 1.0
    assert result["false_alarm_rate"] <= bench.FALSE_ALARM_TARGET


# Held-out sets: never trained or tuned on (docs/safety.md counts every evaluation). The
# targets are strict xfails where unmet; the floors guard the figures measured last.
HELDOUT_NOT_MET = "target not met on {}: see docs/safety.md, 'Figures'. Remove when it passes."
# The same sets meet (or miss) both targets today.
HELDOUT_TARGETS = [
    "heldout",
    *(
        pytest.param(
            name, marks=pytest.mark.xfail(strict=True, reason=HELDOUT_NOT_MET.format(name))
        )
        for name in ("heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7")
    ),
]


@pytest.mark.parametrize("name", HELDOUT_TARGETS)
def test_heldout_false_alarms_meet_the_target(name: str) -> None:
    bench = _bench()
    result = bench.evaluate(_load(name))
    assert result["false_alarm_rate"] <= bench.FALSE_ALARM_TARGET


@pytest.mark.parametrize("name", HELDOUT_TARGETS)
def test_heldout_urgent_recall_meets_the_target(name: str) -> None:
    bench = _bench()
    result = bench.evaluate(_load(name))
    assert result["urgent_recall"] >= bench.URGENT_RECALL_TARGET
    assert result["urgent_flagged"] == 1.0


# Measured with the shipped reader (bench runs 17, 12, 9, 7, 9, 7 and 4 of the seven sets;
# docs/safety.md counts them): urgent read as urgent, urgent flagged at all, any-flag recall,
# false alarms; the whole reader, then the rules alone.
HELDOUT_FLOORS = {
    "heldout": ((1.0, 1.0, 0.975, 0.024), (0.55, 0.7, 0.8, 0.024)),
    "heldout2": ((0.771, 0.785, 0.827, 0.1), (0.514, 0.528, 0.572, 0.091)),
    "heldout3": ((0.828, 0.857, 0.845, 0.073), (0.414, 0.457, 0.49, 0.064)),
    "heldout4": ((0.85, 0.9, 0.908, 0.067), (0.525, 0.587, 0.6, 0.034)),
    "heldout5": ((0.942, 0.942, 0.941, 0.142), (0.485, 0.542, 0.583, 0.117)),
    "heldout6": ((0.842, 0.885, 0.858, 0.125), (0.271, 0.357, 0.391, 0.1)),
    "heldout7": ((0.885, 0.885, 0.891, 0.142), (0.485, 0.5, 0.516, 0.134)),
}


@pytest.mark.parametrize("name", sorted(HELDOUT_FLOORS))
def test_heldout_does_not_fall_below_what_was_measured(name: str) -> None:
    bench = _bench()
    rows = _load(name)
    for result, floor in zip(
        (bench.evaluate(rows), bench.evaluate(rows, use_model=False)),
        HELDOUT_FLOORS[name],
        strict=True,
    ):
        urgent, flagged, any_flag, false_alarms = floor
        assert result["urgent_recall"] >= urgent
        assert result["urgent_flagged"] >= flagged
        assert result["any_flag_recall"] >= any_flag
        assert result["false_alarm_rate"] <= false_alarms


def test_development_paraphrases_are_read_as_labelled() -> None:
    # The rules were written against these: alone, they flag every risk text and no other.
    # The whole reader finds every urgent one; the classifier's few false alarms on the rest
    # (in-sample, like the thresholds' budget) stay far under the 5% target.
    rows = _load("paraphrases")
    rules = {row["id"]: read_crisis(row["text"], use_model=False).level for row in rows}
    assert [r["id"] for r in rows if (rules[r["id"]] == "none") != (r["level"] == "none")] == []
    both = {row["id"]: read_crisis(row["text"]).level for row in rows}
    urgent = [r["id"] for r in rows if r["level"] == "urgent"]
    assert [i for i in urgent if both[i] == "none"] == []
    assert sum(both[i] != "urgent" for i in urgent) <= 0.01 * len(urgent)
    none = [r["id"] for r in rows if r["level"] == "none"]
    assert sum(both[i] != "none" for i in none) <= 0.02 * len(none)
