"""How a CLI command gets an open vault: agent, passphrase file, environment, or a prompt."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING

from alliance.cli import state
from alliance.errors import VaultError

if TYPE_CHECKING:
    from alliance.services.vault import Vault


def given_passphrase() -> str | None:
    """From --passphrase-file, else ALLIANCE_PASSPHRASE (see docs/security.md on the risk)."""
    if state.passphrase_file is not None:
        try:
            text = state.passphrase_file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise VaultError(f"Cannot read the passphrase file: {error}.") from None
        return text.splitlines()[0] if text else ""
    return os.environ.get("ALLIANCE_PASSPHRASE")


def prompt_for_passphrase() -> Callable[[], str] | None:
    """An interactive prompt, only when a person is at a terminal."""
    if not _has_terminal():
        return None

    def ask() -> str:
        import getpass

        try:
            return getpass.getpass("Passphrase: ")
        except (EOFError, OSError):
            raise VaultError("No passphrase given.") from None

    return ask


def _has_terminal() -> bool:
    try:
        with open("/dev/tty"):
            return True
    except OSError:
        return False


def open_vault() -> Vault:
    """Unlock the vault for one command. A prompted unlock also opens the unlock window."""
    from alliance.services.vault import unlock

    passphrase = given_passphrase()
    ask = None if passphrase is not None else prompt_for_passphrase()
    return unlock(passphrase=passphrase, ask=ask, start_agent=ask is not None)
