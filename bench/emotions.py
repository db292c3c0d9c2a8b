"""Benchmark the emotion reader: load time, throughput and dev macro-F1 of the shipped model.

    .venv/bin/python bench/emotions.py [--data ../shared/data/goemotions] [--repeat 5]

Targets (docs/emotions.md): load < 1 s, >= 10,000 GoEmotions texts/s scored in one process,
dev macro-F1 >= 0.46. Prints figures; asserts nothing, writes nothing.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

from alliance.analysis import emotions

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "goemotions"
COLD_LOAD = (
    "import time; t = time.perf_counter(); "
    "from alliance.analysis.emotions import load_model; load_model(); "
    "print(time.perf_counter() - t)"
)


def load_dev(path: Path) -> tuple[list[str], np.ndarray]:
    texts, rows = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        text, label_ids, _ = line.split("\t")
        row = np.zeros(len(emotions.LABELS), dtype=bool)
        row[[int(i) for i in label_ids.split(",")]] = True
        texts.append(text)
        rows.append(row)
    return texts, np.array(rows)


def macro_f1(predicted: np.ndarray, truth: np.ndarray) -> float:
    tp = (predicted & truth).sum(axis=0)
    wrong = (predicted ^ truth).sum(axis=0)
    denominator = 2 * tp + wrong
    f1 = np.divide(2 * tp, denominator, out=np.zeros(len(tp)), where=denominator > 0)
    return float(f1.mean())


def best_rate(count: int, run: object, repeat: int) -> float:
    """Texts per second of the fastest of `repeat` runs (the least disturbed by neighbours)."""
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()  # type: ignore[operator]
        timings.append(time.perf_counter() - start)
    return count / min(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    print("command:", " ".join([Path(sys.executable).name, *sys.argv]))

    cold = subprocess.run(
        [sys.executable, "-c", COLD_LOAD], capture_output=True, text=True, check=True
    )
    print(f"cold import + load_model() in a fresh process: {float(cold.stdout):.3f} s")
    start = time.perf_counter()
    model = emotions.load_model_from(emotions.MODEL_DIR)
    print(f"load_model_from() with numpy already imported: {time.perf_counter() - start:.3f} s")
    artifact = emotions.MODEL_DIR / emotions.ARTIFACT_NAME
    print(f"artifact: {artifact.stat().st_size / 1e6:.1f} MB, version {model.version}")

    texts, truth = load_dev(args.data / "dev.tsv")
    emotions.score_texts(["import scipy before timing"], model)
    fresh = emotions.load_model_from(emotions.MODEL_DIR)  # empty per-word cache
    start = time.perf_counter()
    scores = emotions.score_texts(texts, fresh)
    cold_rate = len(texts) / (time.perf_counter() - start)
    warm_rate = best_rate(len(texts), lambda: emotions.score_texts(texts, model), args.repeat)
    print(f"score_texts, {len(texts)} dev texts: {cold_rate:,.0f}/s cold cache, ", end="")
    print(f"{warm_rate:,.0f}/s warm (best of {args.repeat})")
    read_rate = best_rate(len(texts), lambda: emotions.read_emotions_batch(texts), args.repeat)
    print(f"read_emotions_batch (sentences + aggregation), dev texts: {read_rate:,.0f}/s")

    predicted = scores >= model.thresholds
    print(f"dev macro-F1 (28 labels, shipped artifact): {macro_f1(predicted, truth):.4f}")


if __name__ == "__main__":
    main()
