"""Consistent encrypted backups through SQLite's online backup API."""

from __future__ import annotations

import shutil
from pathlib import Path

from alliance.errors import VaultError
from alliance.store.atomic import fsync_dir
from alliance.store.connection import connect
from alliance.store.paths import DB_NAME, HEADER_NAME
from alliance.store.vault import Vault


def backup_vault(vault: Vault, destination: Path) -> Path:
    """Copy the vault into a new folder that opens with the same passphrase.

    The copy is made page by page from a live connection, so it is consistent even while
    the vault is in use, and it is encrypted with the same key: no plaintext touches disk.
    """
    if destination.exists() and any(destination.iterdir()):
        raise VaultError(f"{destination} is not empty; choose a new folder for the backup.")
    destination.mkdir(parents=True, exist_ok=True, mode=0o700)
    target_db = destination / DB_NAME
    target = connect(target_db, vault.db_key)
    try:
        vault.raw().backup(target)
        target.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        target.close()
    shutil.copy2(vault.home / HEADER_NAME, destination / HEADER_NAME)
    fsync_dir(destination)
    return destination
