"""Server time of every web page on a vault of 10,000 read entries (target: p95 < 100 ms).

Builds (once, kept in bench/.work/web-vault) a vault with 10,000 entries of 60-200 words made
of reflection-like sentences, every one read by the analyser (themes, emotions, crisis), 40
therapy sessions with Session Feedback and linked reflections, PHQ-9 and GAD-7 every two weeks,
and 300 mood check-ins. Then unlocks it in the app and times each page with in-process ASGI
calls (Starlette's TestClient: no network), after one warm-up call per page.

    .venv/bin/python bench/web.py                 # 60 requests per page
    .venv/bin/python bench/web.py --requests 100 --rebuild
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import sys
import time
import uuid
import warnings
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import WORK

os.environ["ALLIANCE_INSECURE_FAST_KDF"] = "1"  # building and unlocking are not measured

PASSPHRASE = "bench passphrase, not secret"
HOME = WORK / "web-vault"
ENTRIES = 10_000
SESSIONS = 40
SENTENCES = (
    "She really listened today and I felt heard.",
    "I felt judged when he checked the clock.",
    "We talked about what happened last week and it cleared the air.",
    "I cried when I told her about my father for the first time.",
    "I handled the argument with my sister differently this time.",
    "I'm scared about therapy ending and I can't imagine saying goodbye.",
    "We keep going over the same thing and I don't know if this is working.",
    "I am so grateful for the work we do together.",
    "Work was long and the train was late again.",
    "I slept badly and woke up tired.",
    "A walk by the river helped more than I expected.",
    "My friend called and we laughed about nothing.",
    "I noticed the old pattern and stopped before it took over.",
    "I counted the days until Thursday.",
    "He told me he had been through something similar.",
    "I think I'm nearly ready to stop, and that feels calm.",
    "The kids were loud and I lost my temper.",
    "I made dinner, read a chapter and went to bed early.",
)
PAGES = (
    "/",
    "/journal",
    "/journal?before={deep}",
    "/journal?q=listened",
    "/journal?theme=rupture",
    "/journal?emotion=gratitude",
    "/journal?tag=bench&starred=yes",
    "/journal/{entry}",
    "/sessions",
    "/sessions/{session}",
    "/measures",
    "/measures/phq9",
    "/measures/phq9/take",
    "/insights",
    "/help",
    "/api/v1/entries",
    "/api/v1/alerts",
    "/api/v1/insights/trends",
)


def build(rebuild: bool) -> None:
    if (HOME / "vault.json").exists() and not rebuild:
        return
    shutil.rmtree(HOME, ignore_errors=True)
    from alliance.services.vault import init_vault

    vault, _recovery = init_vault(PASSPHRASE, HOME)
    try:
        started = time.perf_counter()
        sessions = _add_sessions_and_measures(vault)
        _insert_entries(vault, sessions)
        from alliance.services.readings import reread_stale

        read = reread_stale(vault)
        _add_checkins(vault)
        print(f"built {ENTRIES} entries ({read} read) in {time.perf_counter() - started:.0f} s")
        vault.raw().execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        vault.close()


def _add_sessions_and_measures(vault: Any) -> list[str]:
    from alliance.services.measures import take_measure
    from alliance.services.sessions import add_session

    rng = random.Random(5)
    now = datetime.now(UTC).replace(microsecond=0)
    first = now - timedelta(weeks=SESSIONS + 1)
    ids = []
    for week in range(SESSIONS):
        when = first + timedelta(weeks=week)
        session = add_session(vault, at=when.isoformat(), now=now)
        ids.append(session.id)
        answers = [min(10, max(0, 8 + rng.randint(-3, 2))) for _ in range(4)]
        take_measure(vault, "sf4", answers, session_ref=str(session.number),
                     taken_at=when + timedelta(hours=1))  # fmt: skip
        if week % 2 == 0:
            level = max(0, 2 - week // 12)
            phq = [min(3, max(0, level + rng.randint(-1, 1))) for _ in range(8)] + [0]
            take_measure(vault, "phq9", phq, taken_at=when - timedelta(minutes=10))
            gad = [min(3, max(0, level + rng.randint(-1, 1))) for _ in range(7)]
            take_measure(vault, "gad7", gad, taken_at=when - timedelta(minutes=9))
    return ids


def _insert_entries(vault: Any, sessions: list[str]) -> None:
    """Straight into the tables (the bench measures pages, not writing)."""
    from alliance.store.tables import format_utc

    rng = random.Random(7)
    raw = vault.raw()
    start = datetime.now(UTC) - timedelta(hours=2 * ENTRIES)
    raw.execute("BEGIN")
    for i in range(ENTRIES):
        words = " ".join(rng.choice(SENTENCES) for _ in range(rng.randint(5, 16)))
        moment = format_utc(start + timedelta(hours=2 * i))
        linked = rng.choice(sessions) if rng.random() < 0.02 else None
        raw.execute(
            "INSERT INTO entries (id, created_at, tz, updated_at, title, body, starred, kind, "
            "session_id) VALUES (?, ?, 'UTC', ?, ?, ?, ?, 'reflection', ?)",
            (str(uuid.uuid4()), moment, moment, f"Entry {i}", f"{words} #bench",
             rng.random() < 0.05, linked),
        )  # fmt: skip
        raw.execute("INSERT INTO entry_tags (entry_pk, tag) VALUES (last_insert_rowid(), '#bench')")
    raw.execute("COMMIT")


def _add_checkins(vault: Any) -> None:
    from alliance.services.checkins import QUADRANTS, record_checkin

    rng = random.Random(9)
    now = datetime.now(UTC)
    for day in range(300):
        quadrant = rng.choice(QUADRANTS)
        feeling = rng.choice(quadrant.feelings)[0]
        record_checkin(vault, quadrant.id, feeling, now=now - timedelta(days=300 - day))


def measure(requests: int) -> list[tuple[str, float, float, float]]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

    from alliance.web.app import create_app

    app = create_app(HOME)
    results = []
    with TestClient(app, base_url="http://127.0.0.1:8765") as client:
        token = _csrf(client.get("/unlock").text)
        unlocked = client.post("/unlock", data={"passphrase": PASSPHRASE, "csrf_token": token})
        assert unlocked.url.path == "/", "could not unlock the bench vault"
        page = client.get("/api/v1/entries").json()
        entry = page["entries"][0]["id"]
        # A page about 5,000 entries deep: entries are 2 hours apart, newest first.
        newest = datetime.fromisoformat(page["entries"][0]["created"])
        deep = quote((newest - timedelta(hours=2 * ENTRIES // 2)).isoformat())
        for template in PAGES:
            path = template.format(entry=entry, session=SESSIONS // 2, deep=deep)
            first = client.get(path)  # warm-up: lazy imports and model loading
            assert first.status_code == 200, (path, first.status_code)
            times = []
            for _ in range(requests):
                started = time.perf_counter()
                response = client.get(path)
                times.append((time.perf_counter() - started) * 1000)
                assert response.status_code == 200
            times.sort()
            p95 = times[min(len(times) - 1, round(0.95 * len(times)) - 1)]
            results.append((template, statistics.median(times), p95, max(times)))
    return results


def _csrf(html: str) -> str:
    import re

    found = re.search(r'name="csrf-token" content="([^"]+)"', html)
    assert found
    return found.group(1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=60)
    parser.add_argument("--rebuild", action="store_true")
    options = parser.parse_args()
    build(options.rebuild)
    results = measure(options.requests)
    print(f"{'page':34} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for path, p50, p95, worst in results:
        flag = "" if p95 < 100 else "  over 100 ms"
        print(f"{path:34} {p50:8.1f} {p95:8.1f} {worst:8.1f}{flag}")
    slowest = max(p95 for _, _, p95, _ in results)
    print(f"slowest p95: {slowest:.1f} ms over {options.requests} requests per page")


if __name__ == "__main__":
    main()
