"""Train the emotion reader and write its artifact, config and metrics (docs/emotions.md).

    .venv/bin/python scripts/train_emotions.py [--data ../shared/data/goemotions]

TF-IDF (word 1-2 grams + char_wb 1-4 grams, sublinear tf) and one logistic regression per
label. Per-label thresholds are tuned on out-of-fold predictions over TRAIN only (5 folds);
the final model is then fitted on all of train. dev is used once, at the end, to report.
Deterministic: same data + same scikit-learn give byte-identical files.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import zipfile
from pathlib import Path
from typing import Any

import numpy as np
import sklearn
from numpy.typing import NDArray
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import KFold, cross_val_predict
from sklearn.multiclass import OneVsRestClassifier
from sklearn.pipeline import FeatureUnion, Pipeline

from alliance.analysis import emotions

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "goemotions"
METRICS_NAME = "emotions-metrics.json"

TOKEN_PATTERN = r"(?u)\b\w\w+\b"  # scikit-learn's default, written out for the runtime
WORD = {"ngram_range": [1, 2], "min_df": 2, "token_pattern": TOKEN_PATTERN}
CHAR = {"analyzer": "char_wb", "ngram_range": [1, 4], "min_df": 2}
# C chosen on an 85/15 split of train (held-out macro-F1 0.498 at C=2 vs 0.494 at C=3,
# 0.492 at C=1); class_weight="balanced" and larger char ranges did no better there.
C = 2.0
FOLDS = 5
THRESHOLD_GRID = np.round(np.arange(0.02, 0.905, 0.01), 2)


def load_split(path: Path) -> tuple[list[str], NDArray[np.int8]]:
    texts, targets = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        text, label_ids, _comment_id = line.split("\t")
        row = np.zeros(len(emotions.LABELS), dtype=np.int8)
        row[[int(i) for i in label_ids.split(",")]] = 1
        texts.append(text)
        targets.append(row)
    return texts, np.array(targets)


def build_pipeline() -> Pipeline:
    features = FeatureUnion(
        [
            ("word", TfidfVectorizer(**_sk(WORD), sublinear_tf=True)),
            ("char", TfidfVectorizer(**_sk(CHAR), sublinear_tf=True)),
        ]
    )
    model = LogisticRegression(C=C, solver="liblinear", max_iter=1000, random_state=0)
    return Pipeline([("features", features), ("classify", OneVsRestClassifier(model))])


def _sk(settings: dict[str, Any]) -> dict[str, Any]:
    return {**settings, "ngram_range": tuple(settings["ngram_range"])}


def tune_thresholds(probs: NDArray[np.float64], targets: NDArray[np.int8]) -> list[float]:
    """Per label, the grid threshold with the best F1 (lowest one on ties)."""
    thresholds = []
    for j in range(targets.shape[1]):
        predicted = probs[:, j, None] >= THRESHOLD_GRID[None, :]
        positive = targets[:, j, None].astype(bool)
        tp = (predicted & positive).sum(axis=0)
        f1 = 2 * tp / (predicted.sum(axis=0) + positive.sum())
        thresholds.append(float(THRESHOLD_GRID[int(np.argmax(f1))]))
    return thresholds


def per_label_metrics(
    probs: NDArray[np.float64], targets: NDArray[np.int8], thresholds: list[float]
) -> dict[str, dict[str, float]]:
    predicted = probs >= np.asarray(thresholds)
    truth = targets.astype(bool)
    tp = (predicted & truth).sum(axis=0)
    fp = (predicted & ~truth).sum(axis=0)
    fn = (~predicted & truth).sum(axis=0)
    table = {}
    for j, label in enumerate(emotions.LABELS):
        precision = tp[j] / (tp[j] + fp[j]) if tp[j] + fp[j] else 0.0
        recall = tp[j] / (tp[j] + fn[j]) if tp[j] + fn[j] else 0.0
        f1 = 2 * tp[j] / (2 * tp[j] + fp[j] + fn[j]) if tp[j] + fp[j] + fn[j] else 0.0
        table[label] = {
            "threshold": thresholds[j],
            "precision": float(precision),
            "recall": float(recall),
            "f1": float(f1),
            "support": int(truth[:, j].sum()),
        }
    return table


def macro_f1(table: dict[str, dict[str, float]]) -> float:
    return round(float(np.mean([row["f1"] for row in table.values()])), 4)


def rounded(table: dict[str, dict[str, float]]) -> dict[str, dict[str, float]]:
    return {label: {k: round(v, 4) for k, v in row.items()} for label, row in table.items()}


def export(pipeline: Pipeline, thresholds: list[float], out: Path) -> None:
    union = pipeline.named_steps["features"]
    word, char = union.transformer_list[0][1], union.transformer_list[1][1]
    estimators = pipeline.named_steps["classify"].estimators_
    if not all(isinstance(e, LogisticRegression) for e in estimators):
        raise SystemExit("a label was constant in train; cannot export")
    coef = np.vstack([e.coef_ for e in estimators]).T  # (n_features, 28)
    n_word = len(word.vocabulary_)
    arrays = {
        "word_terms": terms_blob(word.vocabulary_),
        "word_idf": word.idf_.astype(np.float64),
        "char_terms": terms_blob(char.vocabulary_),
        "char_idf": char.idf_.astype(np.float64),
        "word_coef": coef[:n_word].astype(np.float32),
        "char_coef": coef[n_word:].astype(np.float32),
        "intercept": np.array([e.intercept_[0] for e in estimators], dtype=np.float64),
    }
    artifact = npz_bytes(arrays)
    config: dict[str, Any] = {
        "format": 1,
        "labels": list(emotions.LABELS),
        "thresholds": thresholds,
        "word": {"ngram_range": WORD["ngram_range"], "token_pattern": TOKEN_PATTERN},
        "char": {"analyzer": "char_wb", "ngram_range": CHAR["ngram_range"]},
        "training": {
            "data": "GoEmotions train.tsv (Demszky et al. 2020), Apache-2.0",
            "word": WORD,
            "char": CHAR,
            "sublinear_tf": True,
            "classifier": f"one-vs-rest LogisticRegression(C={C}, solver=liblinear)",
            "thresholds": f"best F1 per label on {FOLDS}-fold out-of-fold train predictions",
            "scikit_learn": sklearn.__version__,
        },
    }
    config["model_version"] = emotions.compute_model_version(artifact, config)
    (out / emotions.ARTIFACT_NAME).write_bytes(artifact)
    write_json(out / emotions.CONFIG_NAME, config)


def terms_blob(vocabulary: dict[str, int]) -> NDArray[np.uint8]:
    terms = sorted(vocabulary, key=vocabulary.__getitem__)
    if any("\n" in term for term in terms):
        raise SystemExit("a vocabulary term holds a newline; the blob format cannot store it")
    return np.frombuffer("\n".join(terms).encode("utf-8"), dtype=np.uint8)


def npz_bytes(arrays: dict[str, NDArray[Any]]) -> bytes:
    # np.savez stamps the current time into the zip; a fixed date keeps the bytes (and so
    # MODEL_VERSION) reproducible.
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, array in arrays.items():
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            with archive.open(info, "w") as member:
                np.lib.format.write_array(member, np.ascontiguousarray(array), allow_pickle=False)
    return buffer.getvalue()


def write_json(path: Path, payload: dict[str, Any]) -> None:
    path.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--out", type=Path, default=emotions.MODEL_DIR)
    args = parser.parse_args(argv)
    train_texts, train_y = load_split(args.data / "train.tsv")
    dev_texts, dev_y = load_split(args.data / "dev.tsv")

    print(f"out-of-fold predictions on train ({FOLDS} folds)...", flush=True)
    folds = KFold(n_splits=FOLDS, shuffle=True, random_state=0)
    oof = cross_val_predict(
        build_pipeline(), train_texts, train_y, cv=folds, method="predict_proba"
    )
    thresholds = tune_thresholds(oof, train_y)

    print("final fit on all of train...", flush=True)
    pipeline = build_pipeline().fit(train_texts, train_y)
    args.out.mkdir(parents=True, exist_ok=True)
    export(pipeline, thresholds, args.out)

    # Everything below is measured on the exported files through the numpy runtime.
    model = emotions.load_model_from(args.out)
    dev_scores = emotions.score_texts(dev_texts, model)
    drift = float(np.abs(dev_scores - pipeline.predict_proba(dev_texts)).max())
    dev_table = per_label_metrics(dev_scores, dev_y, thresholds)
    metrics = {
        "model_version": model.version,
        "dev_macro_f1": macro_f1(dev_table),
        "train_out_of_fold_macro_f1": macro_f1(per_label_metrics(oof, train_y, thresholds)),
        "max_abs_diff_vs_sklearn_on_dev": float(f"{drift:.1e}"),
        "n_word_terms": len(model.words.index),
        "n_char_terms": len(model.chars.index),
        "dev_per_label": rounded(dev_table),
    }
    write_json(args.out / METRICS_NAME, metrics)
    print(json.dumps({k: v for k, v in metrics.items() if k != "dev_per_label"}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
