"""Ranked full-text search over the raw SQLCipher connection (no SQLAlchemy on this path).

`alliance search` must finish, as a whole process, within 0.3 s on 100k entries, so this
module imports nothing heavy. FTS5 sorts by bm25 itself (`ORDER BY rank`), which lets SQLite
stop at the LIMIT and compute snippets for the returned rows only. That needs the full-text
table as the outer loop: CROSS JOIN fixes the join order, and the unary `+` keeps SQLite from
starting at the deleted_at index instead (which made one search take seconds).

Every word a person types is quoted before it reaches FTS5, so its query syntax (`AND`,
`NEAR(`, `"`, `-`, `:`) is always searched as plain text. A word ending in `*` searches by
prefix (`anxi*`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from alliance.domain.entries import SearchHit

# Stored times are `2026-11-27T08:21:00.000000Z` (alliance.store.tables.ISO_FORMAT, which is
# not imported here because that module imports SQLAlchemy).
_ISO_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"
# Snippets come from the body (the title is shown beside them) unless only the title matched.
# Matches in a snippet are wrapped in these two control characters, then split into pieces.
MATCH_START = "\x02"
MATCH_END = "\x03"
SNIPPET_TOKENS = 16
# A word in the title counts three times a word in the body.
TITLE_WEIGHT = 3.0
BODY_WEIGHT = 1.0
_HAS_WORD = re.compile(r"\w")

_QUERY = f"""
SELECT e.id, e.created_at, e.tz, e.title, e.kind, e.starred, e.mood, entries_fts.rank,
       snippet(entries_fts, 1, char(2), char(3), '…', {SNIPPET_TOKENS}),
       snippet(entries_fts, 0, char(2), char(3), '…', {SNIPPET_TOKENS})
FROM entries_fts CROSS JOIN entries AS e ON e.pk = entries_fts.rowid
WHERE entries_fts MATCH ? AND entries_fts.rank MATCH 'bm25({TITLE_WEIGHT}, {BODY_WEIGHT})'
  AND +e.deleted_at IS NULL
ORDER BY entries_fts.rank
LIMIT ?
"""


def match_expression(words: Sequence[str]) -> str:
    """A safe FTS5 query: every word quoted (AND between them); empty when nothing to find."""
    terms = []
    for word in " ".join(words).split():
        core = word.rstrip("*")
        if not _HAS_WORD.search(core):
            continue
        quoted = '"' + core.replace('"', '""') + '"'
        terms.append(quoted + ("*" if word.endswith("*") else ""))
    return " ".join(terms)


def search_entries(conn: Any, expression: str, limit: int) -> list[SearchHit]:
    """Live entries matching `expression`, best first. Higher `score` is a better match."""
    rows = conn.execute(_QUERY, (expression, limit)).fetchall()
    return [
        SearchHit(
            id=row[0],
            created=datetime.strptime(row[1], _ISO_FORMAT).replace(tzinfo=UTC),
            tz=row[2],
            title=row[3],
            kind=row[4],
            starred=bool(row[5]),
            mood=row[6],
            # bm25 is lower for better matches; its negation reads the natural way round.
            score=-float(row[7]),
            snippet=split_snippet(_best_snippet(row[8], row[9])),
        )
        for row in rows
    ]


def _best_snippet(body: str | None, title: str | None) -> str:
    """The body's snippet, unless only the title matched: then the title's."""
    if body and MATCH_START in body:
        return body
    return title if title and MATCH_START in title else body or ""


def split_snippet(marked: str) -> tuple[tuple[str, bool], ...]:
    """`a \\x02b\\x03 c` -> (("a ", False), ("b", True), (" c", False))."""
    pieces: list[tuple[str, bool]] = []
    for part in re.split(f"({MATCH_START}[^{MATCH_END}]*{MATCH_END})", marked):
        if part.startswith(MATCH_START) and part.endswith(MATCH_END):
            pieces.append((part[1:-1], True))
        elif part:
            pieces.append((part.replace(MATCH_START, "").replace(MATCH_END, ""), False))
    return tuple(pieces)
