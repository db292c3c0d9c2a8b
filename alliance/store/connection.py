"""Open the vault's SQLCipher database with a raw key and the pragmas Alliance relies on.

This is the one place a database connection is made: the SQLAlchemy engine uses it as its
creator, and the few hot read paths (search on the command line) use it directly so that a
whole `alliance search` process stays well under 0.3 s.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alliance.errors import VaultError

PLAINTEXT_MAGIC = b"SQLite format 3\x00"


def refuse_plaintext(path: Path) -> None:
    """A vault file must never be a plain SQLite database (Signal Desktop #5097, #5245)."""
    if path.exists():
        with path.open("rb") as handle:
            if handle.read(16) == PLAINTEXT_MAGIC:
                raise VaultError(f"{path} is not encrypted; Alliance refuses to open it.")


def connect(path: Path, db_key: bytes, *, check_same_thread: bool = True) -> Any:
    """A keyed connection, verified: a bad key or a damaged file raises VaultError."""
    import sqlcipher3

    refuse_plaintext(path)
    conn = sqlcipher3.connect(str(path), check_same_thread=check_same_thread, isolation_level=None)
    try:
        conn.execute(f"PRAGMA key = \"x'{db_key.hex()}'\"")
        # Temporary tables and sort spills stay in memory: a temp file would be plaintext.
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA secure_delete = ON")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA busy_timeout = 5000")
    except sqlcipher3.DatabaseError as exc:
        conn.close()
        raise VaultError(
            f"The vault database cannot be read (damaged or tampered): {exc}."
        ) from None
    return conn
