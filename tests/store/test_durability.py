"""Crash, canary and tamper tests on real SQLCipher files."""

from __future__ import annotations

import base64
import uuid
from pathlib import Path

import pytest

from alliance.errors import VaultError
from alliance.services.vault import backup
from alliance.store.tables import Entry, EntryTag, utcnow
from alliance.store.vault import Vault, open_vault, unlock_with_passphrase
from tests.conftest import PASSPHRASE
from tests.store.crash_rounds import run_rounds


def _write(vault: Vault, body: str, title: str = "", tag: str = "#t") -> None:
    now = utcnow()
    with vault.transaction() as session:
        entry = Entry(
            id=str(uuid.uuid4()),
            created_at=now,
            updated_at=now,
            tz="UTC",
            title=title,
            body=body,
            kind="reflection",
        )
        entry.tags = [EntryTag(tag=tag)]
        session.add(entry)


@pytest.mark.slow
def test_no_acknowledged_entry_is_lost_across_50_kills(vault: Vault, home: Path) -> None:
    report = run_rounds(home, vault.data_key, rounds=50)
    assert report.acknowledged > 50, "the child should commit entries before most kills"
    assert report.lost == []
    assert report.integrity_failures == 0


def _needles(canary: str) -> list[bytes]:
    raw = canary.encode()
    needles = [raw, canary.encode("utf-16-le"), canary.encode("utf-16-be")]
    # base64 of the canary at each of the three byte alignments, minus the unstable edges.
    for shift in range(3):
        encoded = base64.b64encode(b"\0" * shift + raw)[4:-4]
        needles.append(encoded)
    return needles


def _files_under(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file() and not p.is_socket()]


def test_canary_never_reaches_disk_in_plaintext(
    vault: Vault, home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setenv("SQLITE_TMPDIR", str(temp))
    canary = f"canary{uuid.uuid4().hex}zebra"
    for i in range(30):
        _write(
            vault,
            f"entry {i} mentions {canary} in the body",
            title=f"{canary} title",
            tag=f"#{canary}",
        )
    hits = (
        vault.raw()
        .execute("SELECT count(*) FROM entries_fts WHERE entries_fts MATCH ?", (f'"{canary}"',))
        .fetchone()
    )
    assert hits[0] == 30
    backup_dir = backup(vault, tmp_path / "backup")
    files = _files_under(home) + _files_under(backup_dir) + _files_under(temp)
    assert any(p.name.endswith("-wal") for p in files), "the WAL should be scanned too"
    for path in files:
        data = path.read_bytes()
        for needle in _needles(canary):
            assert needle not in data, f"canary found in {path}"


def test_backup_opens_with_the_same_passphrase(vault: Vault, tmp_path: Path) -> None:
    _write(vault, "kept safe in the backup")
    copy = backup(vault, tmp_path / "copy")
    key = unlock_with_passphrase(copy, PASSPHRASE)
    restored = open_vault(copy, key)
    bodies = [r[0] for r in restored.raw().execute("SELECT body FROM entries")]
    restored.close()
    assert bodies == ["kept safe in the backup"]


def test_backup_refuses_a_non_empty_folder(vault: Vault, tmp_path: Path) -> None:
    target = tmp_path / "busy"
    target.mkdir()
    (target / "something").write_text("x")
    with pytest.raises(VaultError, match="not empty"):
        backup(vault, target)


@pytest.mark.parametrize("where", ["salt", "first_page", "middle", "last_page"])
def test_a_flipped_byte_is_an_error_never_garbage(vault: Vault, home: Path, where: str) -> None:
    for i in range(200):
        _write(vault, f"entry number {i} " + "padding words " * 40)
    vault.raw().execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data_key = vault.data_key
    vault.close()
    db = home / "alliance.db"
    data = bytearray(db.read_bytes())
    offset = {"salt": 3, "first_page": 200, "middle": len(data) // 2, "last_page": len(data) - 100}[
        where
    ]
    data[offset] ^= 0x01
    db.write_bytes(bytes(data))
    with pytest.raises(VaultError):
        reopened = open_vault(home, data_key)
        try:
            reopened.check()
        finally:
            reopened.close()
