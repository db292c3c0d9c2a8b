"""Search speed and memory: `alliance search WORD` as a whole process, beside jrnl 4.6.

Builds vaults of 1k, 10k and 100k entries of about 120 words (kept in bench/.work between
runs), unlocks each once through the agent, then times whole processes. jrnl 4.6 is
installed into its own virtualenv under bench/.work on first use.

    .venv/bin/python bench/search.py               # all sizes, with jrnl
    .venv/bin/python bench/search.py --sizes 1000 --no-jrnl
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import WORK, synthetic_bodies, time_process

PASSPHRASE = "bench passphrase, not secret"
WORD = "hopeful"
ALLIANCE = str(Path(sys.executable).with_name("alliance"))


def build_vault(size: int, bodies: list[str]) -> Path:
    os.environ["ALLIANCE_INSECURE_FAST_KDF"] = "1"  # the build is not what is measured
    from alliance.store.tables import format_utc
    from alliance.store.vault import create_vault, open_vault, unlock_with_passphrase

    home = WORK / f"vault-{size}"
    if (home / "vault.json").exists():
        return home
    shutil.rmtree(home, ignore_errors=True)
    vault, _ = create_vault(home, PASSPHRASE)
    vault.close()
    vault = open_vault(home, unlock_with_passphrase(home, PASSPHRASE))
    raw = vault.raw()
    start = datetime(2015, 1, 1, tzinfo=UTC)
    raw.execute("BEGIN")
    for i, body in enumerate(bodies[:size]):
        moment = format_utc(start + timedelta(hours=2 * i))
        raw.execute(
            "INSERT INTO entries (id, created_at, tz, updated_at, title, body, starred, kind) "
            "VALUES (?, ?, 'UTC', ?, ?, ?, 0, 'reflection')",
            (str(uuid.uuid4()), moment, moment, f"Entry {i}", body),
        )
    raw.execute("COMMIT")
    raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    vault.close()
    return home


def build_jrnl(size: int, bodies: list[str]) -> Path:
    folder = WORK / f"jrnl-{size}"
    config = folder / "jrnl.yaml"
    if config.exists():
        return config
    folder.mkdir(parents=True, exist_ok=True)
    journal = folder / "journal.txt"
    start = datetime(2015, 1, 1)
    with journal.open("w") as out:
        for i, body in enumerate(bodies[:size]):
            stamp = (start + timedelta(hours=2 * i)).strftime("%Y-%m-%d %H:%M")
            out.write(f"[{stamp}] Entry {i}\n{body}\n\n")
    config.write_text(
        "colors: {body: none, date: none, tags: none, title: none}\n"
        "default_hour: 9\ndefault_minute: 0\neditor: ''\nencrypt: false\nhighlight: false\n"
        f"indent_character: '|'\njournals:\n  default:\n    journal: {journal}\n"
        "linewrap: 79\ntagsymbols: '#@'\ntemplate: false\ntimeformat: '%Y-%m-%d %H:%M'\n"
        "version: v4.6\n"
    )
    return config


def jrnl_executable() -> Path:
    venv = WORK / "jrnl-venv"
    exe = venv / "bin" / "jrnl"
    if not exe.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run(
            [str(venv / "bin" / "pip"), "install", "-q", "jrnl==4.6"],
            check=True,
            stderr=subprocess.DEVNULL,
        )
    return exe


def measure_unlock() -> float:
    """Key derivation with the shipped defaults (not the test setting)."""
    os.environ.pop("ALLIANCE_INSECURE_FAST_KDF", None)
    from alliance.store.vault import create_vault, unlock_with_passphrase

    home = WORK / "unlock-vault"
    shutil.rmtree(home, ignore_errors=True)
    create_vault(home, PASSPHRASE)[0].close()
    best = min(_timed(lambda: unlock_with_passphrase(home, PASSPHRASE)) for _ in range(3))
    shutil.rmtree(home)
    return best


def _timed(action: object) -> float:
    start = time.perf_counter()
    action()  # type: ignore[operator]
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--no-jrnl", action="store_true")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    WORK.mkdir(exist_ok=True)
    bodies = synthetic_bodies(max(args.sizes))
    help_time = time_process([ALLIANCE, "--help"], dict(os.environ), runs=args.runs)
    print(f"alliance --help: median {help_time.median_s:.3f} s, peak {help_time.peak_mb:.0f} MB")
    print(f"unlock (Argon2id, shipped defaults): {measure_unlock():.3f} s")
    print(f"{'entries':>8} | {'alliance search':>22} | {'jrnl 4.6 -contains':>22}")
    for size in args.sizes:
        home = build_vault(size, bodies)
        env = {**os.environ, "ALLIANCE_HOME": str(home), "ALLIANCE_INSECURE_FAST_KDF": "1"}
        subprocess.run(
            [ALLIANCE, "--passphrase-file", "/dev/stdin", "unlock"],
            input=PASSPHRASE.encode(),
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        ours = time_process([ALLIANCE, "search", WORD], env, runs=args.runs)
        subprocess.run([ALLIANCE, "lock"], env=env, check=True, stdout=subprocess.DEVNULL)
        theirs = "skipped"
        if not args.no_jrnl:
            config = build_jrnl(size, bodies)
            jrnl = time_process(
                [str(jrnl_executable()), "--config-file", str(config), "-contains", WORD],
                dict(os.environ),
                runs=max(1, args.runs // 2),
            )
            theirs = f"{jrnl.median_s:6.3f} s {jrnl.peak_mb:5.0f} MB"
        print(f"{size:>8} | {ours.median_s:6.3f} s {ours.peak_mb:5.0f} MB       | {theirs}")


if __name__ == "__main__":
    main()
