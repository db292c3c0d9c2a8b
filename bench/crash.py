"""Durability under kill -9: 1,000 rounds (the suite runs 50).

.venv/bin/python bench/crash.py [--rounds 1000]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
os.environ["ALLIANCE_INSECURE_FAST_KDF"] = "1"


def main() -> None:
    from alliance.store.vault import create_vault
    from bench.common import WORK
    from tests.store.crash_rounds import run_rounds

    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=1000)
    args = parser.parse_args()
    home = WORK / "crash-vault"
    shutil.rmtree(home, ignore_errors=True)
    vault, _ = create_vault(home, "crash bench passphrase")
    vault.close()
    report = run_rounds(home, vault.data_key, args.rounds, seed=2026)
    print(f"rounds: {report.rounds}")
    print(f"acknowledged entries: {report.acknowledged}")
    print(f"lost: {len(report.lost)}")
    print(f"integrity_check failures: {report.integrity_failures}")
    shutil.rmtree(home)
    sys.exit(1 if report.lost or report.integrity_failures else 0)


if __name__ == "__main__":
    main()
