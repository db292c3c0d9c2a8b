"""Unlocking, locking and looking after the vault: the use-cases around the key."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from alliance.errors import VaultError, WrongPassphrase
from alliance.store import agent
from alliance.store.paths import vault_home
from alliance.store.vault import (  # re-exported for the interfaces
    Vault,
    change_passphrase,
    create_vault,
    open_vault,
    unlock_with_passphrase,
    unlock_with_recovery,
    vault_exists,
)

__all__ = [
    "Vault",
    "backup",
    "change_vault_passphrase",
    "has_vault",
    "init_vault",
    "lock",
    "recover",
    "unlock",
    "unlock_for_window",
    "vault_exists",
    "vault_home",
]

PASSPHRASE_ENV = "ALLIANCE_PASSPHRASE"
MAX_ATTEMPTS = 3


def has_vault(home: Path | None = None) -> bool:
    """Whether a vault is at `home` (default: ALLIANCE_HOME or the user data folder)."""
    return vault_exists(home or vault_home())


def init_vault(passphrase: str, home: Path | None = None) -> tuple[Vault, str]:
    """Create a vault; returns it with the recovery key to show once."""
    return create_vault(home or vault_home(), passphrase)


def unlock(
    home: Path | None = None,
    *,
    passphrase: str | None = None,
    ask: Callable[[], str] | None = None,
    start_agent: bool = False,
) -> Vault:
    """Open the vault: with a given passphrase (always checked), else through a running
    unlock agent, else by asking. `ask` is tried up to three times; a given passphrase once.
    """
    home = home or vault_home()
    if not vault_exists(home):
        raise VaultError(f"No vault at {home}. Create one with `alliance init`.")
    key = agent.fetch_key(home) if passphrase is None else None
    if key is not None:
        return open_vault(home, key)
    key = _key_from_passphrase(home, passphrase, ask)
    vault = open_vault(home, key)
    if start_agent:
        agent.start(home, key)
    return vault


def _key_from_passphrase(
    home: Path, passphrase: str | None, ask: Callable[[], str] | None
) -> bytes:
    if passphrase is not None:
        return unlock_with_passphrase(home, passphrase)
    if ask is None:
        raise VaultError(
            "The vault is locked: run `alliance unlock`, or set ALLIANCE_PASSPHRASE "
            "or --passphrase-file."
        )
    for attempt in range(1, MAX_ATTEMPTS + 1):
        try:
            return unlock_with_passphrase(home, ask())
        except WrongPassphrase:
            if attempt == MAX_ATTEMPTS:
                raise WrongPassphrase(f"Wrong passphrase ({MAX_ATTEMPTS} tries).") from None
    raise AssertionError("unreachable")


def unlock_for_window(home: Path | None, passphrase: str) -> None:
    """`alliance unlock`: derive the key once and hand it to the unlock agent."""
    home = home or vault_home()
    key = unlock_with_passphrase(home, passphrase)
    open_vault(home, key).close()
    agent.start(home, key)


def lock(home: Path | None = None) -> bool:
    """End the unlock window; True if the vault was unlocked."""
    return agent.lock(home or vault_home())


def change_vault_passphrase(home: Path | None, current: str, new: str) -> None:
    home = home or vault_home()
    key = unlock_with_passphrase(home, current)
    change_passphrase(home, key, new)
    agent.lock(home)


def recover(home: Path | None, recovery_key: str, new_passphrase: str) -> None:
    """Set a new passphrase using the recovery key shown at `init`."""
    home = home or vault_home()
    key = unlock_with_recovery(home, recovery_key)
    change_passphrase(home, key, new_passphrase)
    agent.lock(home)


def backup(vault: Vault, destination: Path) -> Path:
    """A consistent encrypted copy of the vault (header and database) in `destination`."""
    from alliance.store.backup import backup_vault

    return backup_vault(vault, destination)
