"""Where a person's vault lives on disk."""

from __future__ import annotations

import os
from pathlib import Path

DB_NAME = "alliance.db"
HEADER_NAME = "vault.json"
INSTRUMENTS_DIR = "instruments"
RECOVERY_DRAFTS_DIR = "drafts"


def vault_home() -> Path:
    """`ALLIANCE_HOME` if set, else the platform's user data folder."""
    configured = os.environ.get("ALLIANCE_HOME")
    if configured:
        return Path(configured).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("alliance", appauthor=False))
