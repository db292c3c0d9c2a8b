"""Time `alliance search WORD` as a whole process on a large vault (target: under 0.3 s).

    .venv/bin/python bench/search_speed.py [--entries 100000] [--home DIR] [--runs 10]

Builds a vault of synthetic entries (kept in --home to time again without rebuilding; about a
minute for 100k), opens the unlock window with `alliance unlock`, then runs each query as its
own process, unlocked through the agent as a person would, and prints median and worst wall
times. The window is locked again at the end.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

PASSPHRASE = "bench passphrase, not secret"
QUERIES = (["heard"], ["w17"], ["felt", "heard"], ["anx*"], ["nomatchatall"])
ALLIANCE = str(Path(sys.executable).with_name("alliance"))


def build(home: Path, count: int) -> None:
    from alliance.store.vault import create_vault

    vault, _ = create_vault(home, PASSPHRASE)
    rng = random.Random(7)
    vocabulary = "felt heard today mother work sleep anxious calm therapist boundaries talked"
    words = vocabulary.split() + [f"w{i}" for i in range(3000)]
    start = datetime(2015, 1, 1, tzinfo=UTC)
    conn = vault.raw()
    conn.execute("BEGIN")
    for i in range(count):
        body = " ".join(rng.choice(words) for _ in range(rng.randint(40, 200)))
        created = (start + timedelta(minutes=57 * i)).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        conn.execute(
            "INSERT INTO entries (id, created_at, tz, updated_at, title, body, starred, kind)"
            " VALUES (?, ?, 'UTC', ?, ?, ?, 0, 'reflection')",
            (str(uuid.uuid4()), created, created, body[:40], body),
        )
    conn.execute("COMMIT")
    vault.close()


def time_query(words: list[str], runs: int, env: dict[str, str]) -> list[float]:
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        subprocess.run([ALLIANCE, "search", *words], env=env, check=True, capture_output=True)
        times.append(time.perf_counter() - began)
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--home", type=Path, default=None)
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    os.environ["ALLIANCE_INSECURE_FAST_KDF"] = "1"  # only the vault's creation is faster
    home = args.home or Path(tempfile.mkdtemp(prefix="alliance-bench-")) / "vault"
    if not home.exists():
        began = time.perf_counter()
        build(home, args.entries)
        print(f"built {args.entries} entries in {time.perf_counter() - began:.0f} s at {home}")
    env = {**os.environ, "ALLIANCE_HOME": str(home)}
    env.pop("ALLIANCE_PASSPHRASE", None)
    subprocess.run([ALLIANCE, "unlock"], env={**env, "ALLIANCE_PASSPHRASE": PASSPHRASE}, check=True)
    try:
        for words in QUERIES:
            times = time_query(words, args.runs, env)
            print(
                f"search {' '.join(words):14} median {statistics.median(times):.3f} s"
                f"  worst {max(times):.3f} s"
            )
    finally:
        subprocess.run([ALLIANCE, "lock"], env=env, check=False, capture_output=True)


if __name__ == "__main__":
    main()
