"""Shared fixtures. Every vault here is a real SQLCipher file in a temporary folder."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# The one documented test setting: cheap key derivation (see docs/security.md).
os.environ["ALLIANCE_INSECURE_FAST_KDF"] = "1"

PASSPHRASE = "correct horse battery staple"
REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "vault"
    monkeypatch.setenv("ALLIANCE_HOME", str(path))
    monkeypatch.delenv("ALLIANCE_PASSPHRASE", raising=False)
    return path


@pytest.fixture
def vault(home: Path) -> Iterator[object]:
    from alliance.store.vault import create_vault

    opened, _recovery = create_vault(home, PASSPHRASE)
    yield opened
    opened.close()
