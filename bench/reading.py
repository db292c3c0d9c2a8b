"""Full reading speed and memory: emotions, themes and crisis on 200-word entries.

Texts are built from the counsel-chat questions in ../shared/data (client-like first-person
writing), cut or joined to 200 words. Target: at least 200 entries per second in one process,
peak memory under 500 MB, model load under 1 s.

    .venv/bin/python bench/reading.py [--entries 2000]
"""

from __future__ import annotations

import argparse
import csv
import resource
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
COUNSEL_CHAT = REPO.parent / "shared" / "data" / "counsel-chat" / "20200325_counsel_chat.csv"


def entries_of_200_words(count: int) -> list[str]:
    csv.field_size_limit(10_000_000)
    with COUNSEL_CHAT.open(encoding="utf-8") as handle:
        questions = list(dict.fromkeys(row["questionText"] for row in csv.DictReader(handle)))
    words = " ".join(q for q in questions if q).split()
    return [" ".join(words[(i * 200) % (len(words) - 200) :][:200]) for i in range(count)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=2000)
    args = parser.parse_args()
    texts = entries_of_200_words(args.entries)

    from alliance.analysis import analyze_many
    from alliance.analysis.emotions import load_model

    start = time.perf_counter()
    load_model()
    load_s = time.perf_counter() - start

    analyze_many(texts[:50])  # warm the rule caches
    start = time.perf_counter()
    for i in range(0, len(texts), 100):
        analyze_many(texts[i : i + 100])
    elapsed = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"entries: {len(texts)} of 200 words, read in batches of 100")
    print(f"model load: {load_s:.3f} s")
    print(f"throughput: {len(texts) / elapsed:.0f} entries/s (target >= 200)")
    print(f"peak memory: {peak_mb:.0f} MB (target < 500)")


if __name__ == "__main__":
    main()
