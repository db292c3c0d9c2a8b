"""Kill a writing child with SIGKILL at random moments; check nothing acknowledged is lost.

Shared by the test suite (50 rounds) and bench/crash.py (1,000 rounds).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from alliance.store.vault import open_vault

REPO = Path(__file__).resolve().parents[2]


@dataclass
class CrashReport:
    rounds: int
    acknowledged: int
    lost: list[str]
    integrity_failures: int


def run_rounds(home: Path, data_key: bytes, rounds: int, seed: int = 7) -> CrashReport:
    rng = random.Random(seed)
    acknowledged: list[str] = []
    integrity_failures = 0
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    for _ in range(rounds):
        child = subprocess.Popen(
            [
                sys.executable,
                str(Path(__file__).with_name("crash_writer.py")),
                str(home),
                data_key.hex(),
            ],
            stdout=subprocess.PIPE,
            env=env,
        )
        # Let the child get past start-up most of the time, then kill it mid-write.
        time.sleep(rng.uniform(0.2, 0.6))
        child.send_signal(signal.SIGKILL)
        out, _ = child.communicate()
        acknowledged += [line for line in out.decode().split() if line]
        if not _integrity_ok(home, data_key):
            integrity_failures += 1
    present = _present_ids(home, data_key)
    lost = [entry_id for entry_id in acknowledged if entry_id not in present]
    return CrashReport(rounds, len(acknowledged), lost, integrity_failures)


def _integrity_ok(home: Path, data_key: bytes) -> bool:
    vault = open_vault(home, data_key)
    try:
        row = vault.raw().execute("PRAGMA integrity_check").fetchone()
        return bool(row[0] == "ok")
    finally:
        vault.close()


def _present_ids(home: Path, data_key: bytes) -> set[str]:
    vault = open_vault(home, data_key)
    try:
        return {row[0] for row in vault.raw().execute("SELECT id FROM entries")}
    finally:
        vault.close()
