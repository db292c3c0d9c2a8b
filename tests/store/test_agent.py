from __future__ import annotations

import os
import stat
import time
from pathlib import Path

from alliance.services.vault import lock, unlock, unlock_for_window
from alliance.store import agent
from tests.conftest import PASSPHRASE


def test_unlock_window_serves_the_key_until_locked(vault: object, home: Path) -> None:
    unlock_for_window(home, PASSPHRASE)
    try:
        path = agent.socket_path(home)
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert agent.fetch_key(home) == vault.data_key  # type: ignore[attr-defined]
        reopened = unlock(home)  # no passphrase, no prompt: the agent answers
        reopened.close()
    finally:
        assert lock(home) is True
    assert agent.fetch_key(home) is None
    assert not agent.socket_path(home).exists()
    assert lock(home) is False


def test_agent_forgets_the_key_after_idle_timeout(vault: object, home: Path) -> None:
    agent.start(home, vault.data_key, idle_seconds=1)  # type: ignore[attr-defined]
    assert agent.fetch_key(home) is not None
    deadline = time.monotonic() + 10
    while agent.socket_path(home).exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert agent.fetch_key(home) is None


def test_long_vault_paths_get_a_private_socket_elsewhere(tmp_path: Path) -> None:
    deep = tmp_path / ("x" * 120)
    path = agent.socket_path(deep)
    assert len(os.fsencode(path)) < 108
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_a_given_passphrase_is_checked_even_while_unlocked(vault: object, home: Path) -> None:
    import pytest

    from alliance.errors import WrongPassphrase

    unlock_for_window(home, PASSPHRASE)
    try:
        with pytest.raises(WrongPassphrase):
            unlock(home, passphrase="not the passphrase")
    finally:
        lock(home)
