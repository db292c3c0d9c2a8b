"""Helpers shared by the bench scripts: synthetic entries and whole-process timing."""

from __future__ import annotations

import random
import statistics
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

WORK = Path(__file__).resolve().parent / ".work"

_COMMON = [
    "i",
    "felt",
    "today",
    "session",
    "therapist",
    "talked",
    "about",
    "my",
    "week",
    "work",
    "family",
    "sleep",
    "anxious",
    "tired",
    "better",
    "worse",
    "again",
    "still",
    "hard",
    "easy",
    "calm",
    "angry",
    "sad",
    "happy",
    "hopeful",
    "scared",
    "heard",
    "listened",
    "mother",
    "father",
    "friend",
    "partner",
    "job",
    "home",
    "morning",
    "evening",
    "night",
    "walk",
    "run",
    "wrote",
    "read",
    "cried",
    "laughed",
    "remembered",
    "noticed",
    "decided",
    "tried",
    "practised",
    "breathing",
    "boundaries",
    "goal",
    "plan",
    "next",
    "time",
    "thought",
    "feeling",
    "body",
    "tense",
    "relaxed",
    "small",
    "step",
    "progress",
    "stuck",
    "pattern",
    "old",
    "new",
]


def synthetic_vocabulary(size: int = 5000, seed: int = 1) -> list[str]:
    rng = random.Random(seed)
    letters = "abcdefghijklmnopqrstuvwxyz"
    invented = {"".join(rng.choice(letters) for _ in range(rng.randint(3, 9))) for _ in range(size)}
    return _COMMON + sorted(invented)


def synthetic_bodies(count: int, words: int = 120, seed: int = 2) -> list[str]:
    """Entries of about `words` words, Zipf-like so common words recur as in real prose."""
    rng = random.Random(seed)
    vocab = synthetic_vocabulary()
    weights = [1 / (rank + 1) for rank in range(len(vocab))]
    bodies = []
    for _ in range(count):
        chosen = rng.choices(vocab, weights=weights, k=words)
        bodies.append(" ".join(chosen).capitalize() + ".")
    return bodies


@dataclass
class Timing:
    median_s: float
    best_s: float
    peak_mb: float


def time_process(argv: list[str], env: dict[str, str], runs: int = 5) -> Timing:
    """Wall time and peak resident memory of a whole process.

    Memory comes from GNU time run as a small parent: a child forked straight from this
    (large) bench process would report this process's size as its own peak.
    """
    durations, peaks = [], []
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(
            ["/usr/bin/time", "-f", "%M", *argv],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            check=False,
        )
        durations.append(time.perf_counter() - start)
        if done.returncode != 0:
            raise RuntimeError(f"{argv} failed: {done.stderr.decode()}")
        peaks.append(int(done.stderr.decode().strip().splitlines()[-1]) / 1024)
    return Timing(statistics.median(durations), min(durations), max(peaks))
