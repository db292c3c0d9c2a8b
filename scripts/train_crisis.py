"""Train the crisis reader's sentence classifier; write its artifact, config and metrics.

    .venv/bin/python scripts/train_crisis.py          # a minute or two on two cores

Data: `crisis_training_data` (the labelled sets, never the held-out ones, turned into
sentence examples, and everyday counselling prose read as "none").

The reader also reads pairs of neighbouring sentences with the same model (`combine_pairs`);
the cross-validated readings below include them.

Cross-validation: 5 folds over texts (a text's sentences stay together), stratified by level.
Each fold's model reads every sentence of its held-out texts, and `crisis.combine_levels`
combines that with the rules exactly as `read_crisis` does. The thresholds are chosen on these
out-of-fold readings (see `choose_thresholds`), and the figures in crisis-metrics.json are
theirs. The final model is then fitted on every example. Deterministic: the same data and the
same scikit-learn give byte-identical files.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import sklearn
from numpy.typing import NDArray
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedGroupKFold

from alliance.analysis import crisis_model
from alliance.analysis.crisis import combine_levels, combine_pairs, pair_texts, read_crisis
from alliance.analysis.crisis_model import LEVELS, TOKEN_PATTERN, Thresholds
from alliance.analysis.reading import CrisisLevel

# The trainer runs as a script or is loaded by path (the tests): its sibling is found either way.
sys.path.insert(0, str(Path(__file__).resolve().parent))
from crisis_training_data import (
    BACKGROUND_ANSWERS,
    BACKGROUND_TOPICS,
    RANK,
    Text,
    _script,
    background_sentences,
    everyday_reflections,
    load_texts,
    sentence_examples,
    training_sets,
)
from crisis_training_data import (
    _sentence_labels as _sentence_labels,  # the tests read it here
)

METRICS_NAME = "crisis-metrics.json"

WORD: dict[str, Any] = {"ngram_range": [1, 2], "min_df": 2, "token_pattern": TOKEN_PATTERN}
CHAR: dict[str, Any] = {"analyzer": "char_wb", "ngram_range": [4, 4], "min_df": 4}
CONCEPT: dict[str, Any] = {"ngram_range": [1, 1], "token_pattern": r"\S+", "lowercase": False}
# C and the rest were compared on out-of-fold readings (docs/safety.md): C=4 without class
# weights; concept tokens in their own block (cheaper at run time than in the word block).
C = 4.0
FOLDS = 5
# Thresholds, out of fold over every training set: recall first, so `flag` spends the false
# alarms the target allows (5% of hard negatives), less a point of margin for unseen wording:
# rules and classifier together raise at most this share of the texts labelled none.
# Concern texts raised to urgent: at most CONCERN_RAISED_BUDGET of them.
FALSE_ALARM_BUDGET = 0.04
CONCERN_RAISED_BUDGET = 0.10
# Then `flag` goes up until the classifier raises at most this many of the demo's 75
# reflections (everyday prose about a therapy): one, a quarter of the 5% target.
REFLECTIONS_RAISED = 1
GRID = np.round(np.arange(0.50, 0.995, 0.01), 2)
# Everyday prose no model saw is read in entries of this many sentences.
PROSE_ENTRY = 10
BACKGROUND_WEIGHT = 0.5


class Features:
    """The three TF-IDF blocks as scikit-learn computes them (the runtime re-implements this)."""

    def __init__(self) -> None:
        settings = ({**b, "ngram_range": tuple(b["ngram_range"])} for b in (WORD, CHAR, CONCEPT))
        self.blocks = [TfidfVectorizer(**block, sublinear_tf=True) for block in settings]

    def fit_transform(self, sentences: Sequence[str]) -> csr_matrix:
        return self.transform(sentences, fit=True)

    def transform(self, sentences: Sequence[str], fit: bool = False) -> csr_matrix:
        # What the word, char and concept blocks read, block by block.
        inputs = zip(*map(crisis_model.block_inputs, sentences), strict=True)
        pairs = zip(self.blocks, inputs, strict=True)
        return hstack(
            [(b.fit_transform if fit else b.transform)(list(x)) for b, x in pairs]
        ).tocsr()


def fit(
    sentences: Sequence[str], targets: Sequence[int], background: Sequence[str]
) -> tuple[Features, LogisticRegression]:
    """Features and classifier fitted on the examples, plus the background as "none"."""
    features = Features()
    matrix = features.fit_transform([*sentences, *background])
    weights = np.concatenate([np.ones(len(sentences)), np.full(len(background), BACKGROUND_WEIGHT)])
    labels = np.concatenate([np.asarray(targets), np.zeros(len(background), dtype=int)])
    classifier = LogisticRegression(C=C, max_iter=5000)
    return features, classifier.fit(matrix, labels, sample_weight=weights)


def out_of_fold(texts: list[Text], background: Sequence[str]) -> list[Probabilities]:
    """Per text, the probabilities of each of its sentences and of each pair of neighbouring
    sentences, from the fold that held it out."""
    examples = [(i, s, y) for i, text in enumerate(texts) for s, y in sentence_examples(text)]
    groups = np.array([i for i, _, _ in examples])
    targets = np.array([y for _, _, y in examples])
    folds = StratifiedGroupKFold(n_splits=FOLDS, shuffle=True, random_state=0)
    probabilities: list[Probabilities] = [Probabilities(np.zeros((0, 3)), np.zeros((0, 3)))] * len(
        texts
    )
    # A text none of whose sentences is an example (a risk text the rules find nothing in,
    # with no marked evidence) was never trained on: the last fold's model reads it.
    unused = set(range(len(texts))).difference(groups.tolist())
    for number, (train, test) in enumerate(folds.split(groups, targets, groups), start=1):
        print(f"  fold {number}/{FOLDS}", flush=True)
        features, classifier = fit([examples[j][1] for j in train], targets[train], background)
        held_out = set(groups[test].tolist()) | (unused if number == FOLDS else set())
        for i in sorted(held_out):
            sentences = texts[i].sentences
            pairs = pair_texts(sentences)
            probabilities[i] = Probabilities(
                classifier.predict_proba(features.transform(sentences)),
                classifier.predict_proba(features.transform(pairs)) if pairs else np.zeros((0, 3)),
            )
    return probabilities


@dataclass(frozen=True)
class Probabilities:
    """One text's classifier probabilities: a row per sentence, and a row per pair of
    neighbouring sentences (k, k + 1)."""

    sentences: NDArray[np.float64]
    pairs: NDArray[np.float64]


def readings(
    texts: list[Text], probabilities: list[Probabilities], thresholds: Thresholds | None
) -> list[CrisisLevel]:
    """The text level of each text: rules alone (thresholds None), or rules and classifier,
    sentence by sentence and then pair by pair, as `read_crisis` reads."""
    out: list[CrisisLevel] = []
    for text, probs in zip(texts, probabilities, strict=True):
        levels = text.rules
        if thresholds is not None:
            levels = combine_levels(
                text.sentences, text.following, text.rules, probs.sentences.tolist(), thresholds
            )
            if len(text.sentences) > 1:
                pairs = {
                    k: probs.pairs[k].tolist() for k in crisis_model.pairs_to_read(probs.sentences)
                }
                levels = combine_pairs(text.sentences, text.following, levels, pairs, thresholds)
        out.append(max(levels, key=RANK.__getitem__))
    return out


def figures(texts: list[Text], read: list[CrisisLevel]) -> dict[str, Any]:
    """The bench's figures (bench/crisis_eval.py) for one list of texts."""
    result: dict[str, Any] = _script("bench", "crisis_eval").figures([t.level for t in texts], read)
    return result


def choose_thresholds(texts: list[Text], probabilities: list[Probabilities]) -> Thresholds:
    """`flag`: the lowest that keeps false alarms within budget (the highest on the grid if
    none does). `raise_concern`: the lowest that keeps concern texts read as urgent within
    budget. Both out of fold."""
    gold = [text.level for text in texts]
    concerns = sum(level == "concern" for level in gold)

    def count(read: list[CrisisLevel], label: CrisisLevel, found: set[str]) -> int:
        return sum(g == label and r in found for g, r in zip(gold, read, strict=True))

    negatives = [i for i, level in enumerate(gold) if level == "none"]

    def within_budget(flag: float) -> bool:
        read = readings(texts, probabilities, Thresholds(flag, 1.1))
        return sum(read[i] != "none" for i in negatives) <= FALSE_ALARM_BUDGET * len(negatives)

    flag = next((t for t in GRID if within_budget(float(t))), GRID[-1])
    raise_concern = next(
        t
        for t in GRID
        if count(
            readings(texts, probabilities, Thresholds(float(flag), float(t))), "concern", {"urgent"}
        )
        <= CONCERN_RAISED_BUDGET * concerns
    )
    return Thresholds(float(flag), float(raise_concern))


def quiet_on(texts: list[str], model: crisis_model.CrisisModel, allowed: int = 0) -> Thresholds:
    """`model`'s thresholds with `flag` raised, a grid step at a time, until the classifier
    raises at most `allowed` of `texts` above the rules' level. Everyday reflections are what
    Alliance reads most, and short training texts understate how often a long one is raised."""
    flag = model.thresholds.flag
    rules = [read_crisis(text, use_model=False).level for text in texts]
    for candidate in (t for t in GRID if t >= flag):
        quieter = dataclasses.replace(
            model, thresholds=Thresholds(float(candidate), model.thresholds.raise_concern)
        )
        read = [read_crisis(text, model=quieter).level for text in texts]
        if sum(RANK[r] > RANK[rule] for r, rule in zip(read, rules, strict=True)) <= allowed:
            return quieter.thresholds
    return Thresholds(float(GRID[-1]), model.thresholds.raise_concern)


def export(
    features: Features, classifier: LogisticRegression, thresholds: Thresholds, out: Path
) -> str:
    # The emotion trainer's writers: a reproducible .npz, the vocabulary blob, JSON.
    emotions = _script("scripts", "train_emotions")
    if list(classifier.classes_) != [0, 1, 2]:
        raise SystemExit("a level is missing from the training examples")
    coef = classifier.coef_.T  # (n_features, 3), the blocks' columns one after the other
    arrays: dict[str, NDArray[Any]] = {}
    start = 0
    for name, block in zip(crisis_model.BLOCKS, features.blocks, strict=True):
        end = start + len(block.vocabulary_)
        arrays[f"{name}_terms"] = emotions.terms_blob(block.vocabulary_)
        arrays[f"{name}_idf"] = block.idf_.astype(np.float64)
        arrays[f"{name}_coef"] = coef[start:end].astype(np.float32)
        start = end
    arrays["intercept"] = classifier.intercept_.astype(np.float64)
    artifact = emotions.npz_bytes(arrays)
    config: dict[str, Any] = {
        "format": 1,
        "labels": list(LEVELS),
        "thresholds": {"flag": thresholds.flag, "raise_concern": thresholds.raise_concern},
        "word": {"ngram_range": WORD["ngram_range"], "token_pattern": TOKEN_PATTERN},
        "char": {"analyzer": "char_wb", "ngram_range": CHAR["ngram_range"]},
        "concept": {
            "ngram_range": CONCEPT["ngram_range"],
            "token_pattern": CONCEPT["token_pattern"],
        },
        "training": {
            "data": [f"tests/analysis/data/crisis/{name}.jsonl" for name in training_sets()],
            "background": (
                f"counsel-chat (Bertagnolli 2020, MIT): questions and a sample of "
                f"{BACKGROUND_ANSWERS} answer sentences on {len(BACKGROUND_TOPICS)} topics, "
                f"risk words excluded, as none, weight {BACKGROUND_WEIGHT}"
            ),
            "word": WORD,
            "char": CHAR,
            "concept": CONCEPT,
            "sublinear_tf": True,
            "classifier": f"multinomial LogisticRegression(C={C}, lbfgs)",
            "thresholds": (
                f"out of fold ({FOLDS} folds): false alarms <= {FALSE_ALARM_BUDGET} of none"
                f" texts, concern raised to urgent <= {CONCERN_RAISED_BUDGET}; flag then"
                f" raised until at most {REFLECTIONS_RAISED} of the demo's reflections is raised"
            ),
            "scikit_learn": sklearn.__version__,
        },
    }
    config["model_version"] = crisis_model.compute_model_version(artifact, config)
    out.mkdir(parents=True, exist_ok=True)
    (out / crisis_model.ARTIFACT_NAME).write_bytes(artifact)
    emotions.write_json(out / crisis_model.CONFIG_NAME, config)
    return str(config["model_version"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=crisis_model.MODEL_DIR)
    args = parser.parse_args(argv)
    texts = load_texts()
    examples = [example for text in texts for example in sentence_examples(text)]
    background, aside = background_sentences()
    print(f"{len(texts)} texts, {len(examples)} sentence examples, {len(background)} background")

    print(f"out-of-fold readings ({FOLDS} folds)...", flush=True)
    probabilities = out_of_fold(texts, background)
    thresholds = choose_thresholds(texts, probabilities)
    rules = readings(texts, probabilities, None)

    print("final fit on every example...", flush=True)
    features, classifier = fit([s for s, _ in examples], [y for _, y in examples], background)
    export(features, classifier, thresholds, args.out)
    reflections = everyday_reflections()
    out_of_fold_flag = thresholds.flag
    thresholds = quiet_on(reflections, crisis_model.load_model_from(args.out), REFLECTIONS_RAISED)
    combined = readings(texts, probabilities, thresholds)
    version = export(features, classifier, thresholds, args.out)

    # Checked through the numpy runtime on the exported files.
    model = crisis_model.load_model_from(args.out)
    sample = [s for s, _ in examples]
    drift = model.probabilities(sample) - classifier.predict_proba(features.transform(sample))
    metrics: dict[str, Any] = {
        "model_version": version,
        "thresholds": {"flag": thresholds.flag, "raise_concern": thresholds.raise_concern},
        "examples": {level: sum(y == RANK[level] for _, y in examples) for level in LEVELS},
        "background_sentences": len(background),
        "flag_out_of_fold": out_of_fold_flag,
        # The demo's reflections, flagged by the rules and by the whole reader (see quiet_on).
        "everyday_reflections": {
            "texts": len(reflections),
            "rules": sum(read_crisis(t, use_model=False).level != "none" for t in reflections),
            "rules_and_classifier": sum(
                read_crisis(t, model=model).level != "none" for t in reflections
            ),
        },
        # Everyday prose no model saw: sentences flagged by the rules, and by the whole reader.
        "everyday_prose": {
            "sentences": len(aside),
            "rules": _prose_flags(aside, None),
            "rules_and_classifier": _prose_flags(aside, model),
        },
        "max_abs_diff_vs_sklearn": float(f"{float(np.abs(drift).max()):.1e}"),
        "terms": {
            n: len(b.vocabulary_) for n, b in zip(crisis_model.BLOCKS, features.blocks, strict=True)
        },
        "out_of_fold": {
            name: {
                "rules": figures(*_select(texts, rules, name)),
                "rules_and_classifier": figures(*_select(texts, combined, name)),
            }
            for name in (*training_sets(), "all")
        },
    }
    _script("scripts", "train_emotions").write_json(args.out / METRICS_NAME, metrics)
    print(json.dumps({k: v for k, v in metrics.items() if k != "out_of_fold"}, indent=2))
    for name, pair in metrics["out_of_fold"].items():
        for which, row in pair.items():
            print(
                f"{name:12s} {which:21s} urgent {row['urgent_recall']:.3f} flagged "
                f"{row['urgent_flagged']:.3f} any-flag {row['any_flag_recall']:.3f} "
                f"false alarms {row['false_alarms']} ({row['false_alarm_rate']:.3f})"
            )
    if version != crisis_model.EXPECTED_VERSION:
        print(f"\nnew model: set EXPECTED_VERSION = {version!r} in crisis_model.py")
    return 0


def _prose_flags(sentences: list[str], model: crisis_model.CrisisModel | None) -> int:
    """How many of `sentences` are flagged when read as entries of ten sentences each (so that
    neighbours are read in pairs): by the rules alone (`model` None) or with `model`."""
    flagged = 0
    for start in range(0, len(sentences), PROSE_ENTRY):
        entry = " ".join(sentences[start : start + PROSE_ENTRY])
        reading = read_crisis(entry, use_model=model is not None, model=model)
        flagged += len(reading.evidence)
    return flagged


def _select(
    texts: list[Text], read: list[CrisisLevel], name: str
) -> tuple[list[Text], list[CrisisLevel]]:
    keep = [i for i, text in enumerate(texts) if name in ("all", text.set)]
    return [texts[i] for i in keep], [read[i] for i in keep]


if __name__ == "__main__":
    sys.exit(main())
