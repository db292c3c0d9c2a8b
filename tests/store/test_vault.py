from __future__ import annotations

import json
from pathlib import Path

import pytest

from alliance.errors import VaultError, WrongPassphrase
from alliance.store import keys
from alliance.store.migrate import head_revision
from alliance.store.vault import (
    SCHEMA_HEAD,
    change_passphrase,
    create_vault,
    open_vault,
    unlock_with_passphrase,
    unlock_with_recovery,
)
from tests.conftest import PASSPHRASE


def test_new_vault_unlocks_with_passphrase_and_recovery_key(home: Path) -> None:
    vault, recovery = create_vault(home, PASSPHRASE)
    vault.close()
    by_passphrase = unlock_with_passphrase(home, PASSPHRASE)
    by_recovery = unlock_with_recovery(home, recovery.lower())
    assert by_passphrase == by_recovery == vault.data_key
    reopened = open_vault(home, by_passphrase)
    assert reopened.schema_version() == SCHEMA_HEAD
    reopened.close()


def test_wrong_passphrase_and_wrong_recovery_key_are_refused(vault: object, home: Path) -> None:
    with pytest.raises(WrongPassphrase, match="Wrong passphrase"):
        unlock_with_passphrase(home, "not the passphrase")
    other = keys.format_recovery_key(keys.new_recovery_key())
    with pytest.raises(WrongPassphrase, match="Wrong recovery key"):
        unlock_with_recovery(home, other)
    with pytest.raises(WrongPassphrase, match="not a recovery key"):
        unlock_with_recovery(home, "ABCD-1234")


def test_changing_the_passphrase_rewraps_only(vault: object, home: Path) -> None:
    db_before = (home / "alliance.db").read_bytes()
    data_key = unlock_with_passphrase(home, PASSPHRASE)
    change_passphrase(home, data_key, "a brand new passphrase")
    assert unlock_with_passphrase(home, "a brand new passphrase") == data_key
    with pytest.raises(WrongPassphrase):
        unlock_with_passphrase(home, PASSPHRASE)
    assert (home / "alliance.db").read_bytes() == db_before


def test_a_plaintext_database_is_refused(tmp_path: Path) -> None:
    import sqlite3

    home = tmp_path / "plain"
    home.mkdir()
    sqlite3.connect(home / "alliance.db").execute("create table t(x)").connection.commit()
    with pytest.raises(VaultError, match="not encrypted"):
        open_vault(home, b"\0" * 32)


def test_pragmas_are_durable(vault: object) -> None:
    raw = vault.raw()  # type: ignore[attr-defined]
    assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert raw.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert raw.execute("PRAGMA cipher_version").fetchone()[0].startswith("4.")


def test_schema_head_constant_matches_alembic() -> None:
    assert head_revision() == SCHEMA_HEAD


def test_shipped_kdf_defaults_meet_the_floor(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(keys.FAST_KDF_ENV)
    params = keys.new_kdf_params()
    assert params.memory_kib >= 64 * 1024
    assert params.time_cost >= 3
    assert len(params.salt) == 16
    assert keys.new_kdf_params().salt != params.salt


def test_weak_header_is_refused_without_the_test_setting(
    vault: object, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(keys.FAST_KDF_ENV)
    with pytest.raises(VaultError, match="below Alliance's floor"):
        unlock_with_passphrase(home, PASSPHRASE)


def test_header_edited_to_weaker_kdf_does_not_unwrap(vault: object, home: Path) -> None:
    header_path = home / "vault.json"
    header = json.loads(header_path.read_text())
    header["kdf"]["parallelism"] = 2
    header_path.write_text(json.dumps(header))
    with pytest.raises(WrongPassphrase):
        unlock_with_passphrase(home, PASSPHRASE)


def test_the_migrated_schema_matches_the_table_classes(vault: object) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from alliance.store.tables import Base

    with vault.engine.connect() as connection:  # type: ignore[attr-defined]
        diffs = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    # The full-text index is a virtual table the migrations make by hand.
    assert [d for d in diffs if "entries_fts" not in repr(d)] == []
