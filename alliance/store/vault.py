"""Create, unlock and open a person's vault: a folder with a header and a SQLCipher database."""

from __future__ import annotations

import json
import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from alliance.errors import VaultError
from alliance.store import keys
from alliance.store.atomic import write_atomic
from alliance.store.connection import connect
from alliance.store.paths import DB_NAME, HEADER_NAME

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from sqlalchemy.orm import Session

SCHEMA_HEAD = "0004"


def vault_exists(home: Path) -> bool:
    return (home / HEADER_NAME).exists()


def read_header(home: Path) -> dict[str, Any]:
    path = home / HEADER_NAME
    if not path.exists():
        raise VaultError(f"No vault at {home}. Create one with `alliance init`.")
    try:
        header = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        raise VaultError(f"The vault header {path} is damaged.") from None
    if not isinstance(header, dict) or "wrapped" not in header:
        raise VaultError(f"The vault header {path} is damaged.")
    return header


def create_vault(home: Path, passphrase: str) -> tuple[Vault, str]:
    """Make a new vault; returns it and the recovery key, to be shown exactly once."""
    if vault_exists(home) or (home / DB_NAME).exists():
        raise VaultError(f"A vault already exists at {home}.")
    if len(passphrase) < 8:
        raise VaultError("Choose a passphrase of at least 8 characters.")
    home.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(home, 0o700)
    data_key = secrets.token_bytes(keys.KEY_BYTES)
    recovery = keys.new_recovery_key()
    header = keys.new_header(passphrase, data_key, recovery)
    vault = Vault(home, data_key)
    vault.migrate()
    # The header is written last: a crash before this leaves no half-made vault that asks
    # for a passphrase it cannot check.
    write_atomic(home / HEADER_NAME, json.dumps(header, indent=2).encode())
    return vault, keys.format_recovery_key(recovery)


def unlock_with_passphrase(home: Path, passphrase: str) -> bytes:
    return keys.unwrap_with_passphrase(read_header(home), passphrase)


def unlock_with_recovery(home: Path, recovery_key: str) -> bytes:
    return keys.unwrap_with_recovery(read_header(home), recovery_key)


def change_passphrase(home: Path, data_key: bytes, new_passphrase: str) -> None:
    if len(new_passphrase) < 8:
        raise VaultError("Choose a passphrase of at least 8 characters.")
    header = keys.rewrap_passphrase(read_header(home), data_key, new_passphrase)
    write_atomic(home / HEADER_NAME, json.dumps(header, indent=2).encode())


@dataclass
class Vault:
    """An unlocked vault. Holds the data key in memory for as long as it is open."""

    home: Path
    data_key: bytes
    _engine: Engine | None = field(default=None, repr=False)
    _raw: Any = field(default=None, repr=False)

    @property
    def db_path(self) -> Path:
        return self.home / DB_NAME

    @property
    def db_key(self) -> bytes:
        return keys.database_key(self.data_key)

    def raw(self) -> Any:
        """A plain SQLCipher connection for fast read paths (no SQLAlchemy import)."""
        if self._raw is None:
            if not self.db_path.exists():
                raise VaultError(f"The vault database is missing from {self.home}.")
            self._raw = connect(self.db_path, self.db_key)
        return self._raw

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            self._engine = _make_engine(self.db_path, self.db_key)
        return self._engine

    def migrate(self) -> None:
        """Bring the schema to the newest version; cheap when it already is."""
        if self.db_path.exists() and self.schema_version() == SCHEMA_HEAD:
            return
        from alliance.store.migrate import upgrade

        upgrade(self.engine)

    def schema_version(self) -> str | None:
        try:
            row = self.raw().execute("SELECT version_num FROM alembic_version").fetchone()
        except Exception as exc:  # no such table on a brand-new file
            if "no such table" in str(exc):
                return None
            raise
        return None if row is None else str(row[0])

    def check(self) -> None:
        """Verify every page's HMAC and SQLite's own structure; raise VaultError if damaged."""
        import sqlcipher3

        try:
            problems = [row[0] for row in self.raw().execute("PRAGMA cipher_integrity_check")]
            integrity = self.raw().execute("PRAGMA integrity_check").fetchone()[0]
        except sqlcipher3.DatabaseError as error:
            raise VaultError(f"The vault database is damaged: {error}.") from None
        if problems:
            raise VaultError(f"The vault database is damaged: {problems[0]}.")
        if integrity != "ok":
            raise VaultError(f"The vault database is damaged: {integrity}.")

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session in one transaction: committed on success, rolled back on any error."""
        from sqlalchemy.orm import Session

        with Session(self.engine, expire_on_commit=False) as session, session.begin():
            yield session

    def close(self) -> None:
        if self._raw is not None:
            self._raw.close()
            self._raw = None
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None


def open_vault(home: Path, data_key: bytes) -> Vault:
    """Open an unlocked vault, checking that its database reads with this key."""
    if not (home / DB_NAME).exists():
        raise VaultError(f"The vault database is missing from {home}.")
    vault = Vault(home, data_key)
    vault.raw()
    vault.migrate()
    return vault


def _make_engine(path: Path, db_key: bytes) -> Engine:
    import sqlcipher3
    from sqlalchemy import create_engine, event

    engine = create_engine(
        "sqlite://",
        module=sqlcipher3.dbapi2,
        creator=lambda: connect(path, db_key, check_same_thread=False),
    )

    # The DBAPI connection runs in autocommit mode; SQLAlchemy's own BEGIN makes every
    # session one real SQLite transaction (the pysqlite recipe in SQLAlchemy's docs).
    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine
