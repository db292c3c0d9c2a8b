"""Evaluate the relationship-theme reader on the labelled passages.

    .venv/bin/python bench/themes_eval.py                 # held-out and train tables
    .venv/bin/python bench/themes_eval.py --split heldout --json
    .venv/bin/python bench/themes_eval.py --split train --errors   # misses, for development
    .venv/bin/python bench/themes_eval.py --speed         # ms per ~200-word entry

Per theme: precision, recall and F1 over passages (a passage either carries a theme or not);
macro-F1 is the unweighted mean of the 14 per-theme F1 values. The held-out file was written
before the reader and is not used for tuning; `--errors` is meant for the train split.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

from alliance.analysis.theme_patterns import MODEL_FILE
from alliance.analysis.themes import THEME_IDS, model_features, read_themes

DATA = Path(__file__).resolve().parents[1] / "tests" / "analysis" / "data" / "themes"
SPLITS = ("heldout", "train")


def load(split: str) -> list[dict[str, object]]:
    with (DATA / f"{split}.jsonl").open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def predict(rows: list[dict[str, object]]) -> list[set[str]]:
    return [{hit.theme for hit in read_themes(str(row["text"]))} for row in rows]


def scores(rows: list[dict[str, object]], predicted: list[set[str]]) -> dict[str, object]:
    """Per-theme precision/recall/F1/support and the macro-F1 over all themes."""
    per_theme: dict[str, dict[str, float]] = {}
    for theme in THEME_IDS:
        gold = [theme in row["themes"] for row in rows]  # type: ignore[operator]
        guess = [theme in p for p in predicted]
        tp = sum(g and p for g, p in zip(gold, guess, strict=True))
        fp = sum(p and not g for g, p in zip(gold, guess, strict=True))
        fn = sum(g and not p for g, p in zip(gold, guess, strict=True))
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_theme[theme] = {
            "precision": round(precision, 3),
            "recall": round(recall, 3),
            "f1": round(f1, 3),
            "support": tp + fn,
            "predicted": tp + fp,
        }
    macro = statistics.fmean(v["f1"] for v in per_theme.values())
    exact = sum(set(row["themes"]) == p for row, p in zip(rows, predicted, strict=True))  # type: ignore[arg-type]
    return {
        "passages": len(rows),
        "macro_f1": round(macro, 3),
        "exact_match": round(exact / len(rows), 3),
        "themes": per_theme,
    }


def table(name: str, result: dict[str, object]) -> str:
    lines = [
        f"{name}: {result['passages']} passages",
        f"{'theme':<13} {'P':>6} {'R':>6} {'F1':>6} {'n':>4}",
    ]
    for theme, row in result["themes"].items():  # type: ignore[attr-defined]
        lines.append(
            f"{theme:<13} {row['precision']:>6.3f} {row['recall']:>6.3f} {row['f1']:>6.3f} "
            f"{row['support']:>4}"
        )
    lines.append(f"{'macro-F1':<13} {'':>6} {'':>6} {result['macro_f1']:>6.3f}")
    lines.append(f"exact set match: {result['exact_match']:.3f}")
    return "\n".join(lines)


def errors(rows: list[dict[str, object]], predicted: list[set[str]]) -> str:
    out = []
    for row, guess in zip(rows, predicted, strict=True):
        gold = set(row["themes"])  # type: ignore[arg-type]
        if gold != guess:
            missed, extra = sorted(gold - guess), sorted(guess - gold)
            out.append(f"{row['id']}: missed {missed} extra {extra}\n    {row['text']}")
    return "\n".join(out)


def speed(repeats: int = 7) -> dict[str, float]:
    """Milliseconds per entry of ~200 words built by joining labelled train passages.

    Best of `repeats` passes, as wall-clock time and as this process's CPU time (the latter
    is steadier on a machine shared with other work)."""
    texts = [str(row["text"]) for row in load("train")]
    entries, current = [], []
    for text in texts * 3:
        current.append(text)
        if sum(len(t.split()) for t in current) >= 200:
            entries.append(" ".join(current))
            current = []
    read_themes(entries[0])  # load the lexicon and model outside the timing
    best_wall = best_cpu = float("inf")
    for _ in range(repeats):
        wall, cpu = time.perf_counter(), time.process_time()
        for entry in entries:
            read_themes(entry)
        best_wall = min(best_wall, time.perf_counter() - wall)
        best_cpu = min(best_cpu, time.process_time() - cpu)
    words = statistics.fmean(len(e.split()) for e in entries)
    return {
        "entries": len(entries),
        "mean_words": round(words, 1),
        "wall_ms_per_entry": round(best_wall / len(entries) * 1000, 3),
        "cpu_ms_per_entry": round(best_cpu / len(entries) * 1000, 3),
    }


def train_model(regularisation: float = 10.0, threshold: float = 0.6) -> Path:
    """Fit the word model on the train split only and write it into the package."""
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    rows = load("train")
    documents = [[f for sentence in model_features(str(r["text"])) for f in sentence] for r in rows]
    vectorizer = TfidfVectorizer(analyzer=_identity, sublinear_tf=True, min_df=2)
    matrix = vectorizer.fit_transform(documents)
    coef = np.zeros((matrix.shape[1], len(THEME_IDS)), dtype=np.float32)
    intercept = np.zeros(len(THEME_IDS), dtype=np.float32)
    for column, theme in enumerate(THEME_IDS):
        labels = [theme in row["themes"] for row in rows]  # type: ignore[operator]
        model = LogisticRegression(C=regularisation, class_weight="balanced", max_iter=5000)
        model.fit(matrix, labels)
        coef[:, column] = model.coef_[0]
        intercept[column] = model.intercept_[0]
    target = Path(__file__).resolve().parents[1] / "alliance" / "analysis" / MODEL_FILE
    np.savez_compressed(
        target,
        vocabulary=np.array(vectorizer.get_feature_names_out(), dtype=str),
        idf=vectorizer.idf_.astype(np.float32),
        coef=coef,
        intercept=intercept,
        threshold=np.array(threshold),
    )
    return target


def _identity(document: list[str]) -> list[str]:
    return document


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--split", choices=(*SPLITS, "both"), default="both")
    parser.add_argument("--json", action="store_true", help="print JSON instead of tables")
    parser.add_argument("--errors", action="store_true", help="list passages read wrongly")
    parser.add_argument("--speed", action="store_true", help="time ~200-word entries")
    parser.add_argument(
        "--train-model", action="store_true", help="refit the word model on train.jsonl first"
    )
    args = parser.parse_args(argv)
    if args.train_model:
        print("wrote", train_model())
    report: dict[str, object] = {}
    for split in SPLITS if args.split == "both" else (args.split,):
        rows = load(split)
        predicted = predict(rows)
        report[split] = scores(rows, predicted)
        if not args.json:
            print(table(split, report[split]))  # type: ignore[arg-type]
            if args.errors:
                print(errors(rows, predicted))
            print()
    if args.speed:
        report["speed"] = speed()
        if not args.json:
            print("speed:", report["speed"])
    if args.json:
        json.dump(report, sys.stdout, indent=2)
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
