"""Vault commands: init, unlock, lock, passwd, recover, backup."""

from __future__ import annotations

from pathlib import Path

import typer

from alliance.errors import VaultError


def register(app: typer.Typer) -> None:
    app.command("init")(init)
    app.command("unlock")(unlock)
    app.command("lock")(lock)
    app.command("passwd")(passwd)
    app.command("recover")(recover)
    app.command("backup")(backup)
    app.command("check")(check)


def new_passphrase() -> str:
    """A new passphrase: from --passphrase-file or ALLIANCE_PASSPHRASE, else asked twice."""
    from alliance.cli.vault_access import given_passphrase

    given = given_passphrase()
    if given is not None:
        return given
    first = typer.prompt("New passphrase", hide_input=True)
    if typer.prompt("Repeat it", hide_input=True) != first:
        raise VaultError("The two passphrases differ; nothing was changed.")
    return str(first)


def init() -> None:
    """Create your encrypted vault and show its recovery key (once)."""
    from alliance.services.vault import init_vault

    vault, recovery = init_vault(new_passphrase())
    vault.close()
    typer.echo(f"Created your vault in {vault.home}.")
    show_recovery_key(recovery)


def show_recovery_key(recovery: str) -> None:
    typer.echo("")
    typer.echo("Your recovery key (write it down and keep it somewhere safe; it is shown only")
    typer.echo("now, and it is the only way back in if you forget your passphrase):")
    typer.echo("")
    typer.echo(f"    {recovery}")


def unlock() -> None:
    """Unlock once: commands run without asking for 15 idle minutes (`alliance lock` ends it)."""
    from alliance.cli.vault_access import given_passphrase, prompt_for_passphrase
    from alliance.errors import WrongPassphrase
    from alliance.services.vault import MAX_ATTEMPTS, unlock_for_window

    given = given_passphrase()
    ask = prompt_for_passphrase()
    if given is not None:
        unlock_for_window(None, given)
    elif ask is None:
        raise VaultError("No passphrase: run this at a terminal, or use --passphrase-file.")
    else:
        for attempt in range(1, MAX_ATTEMPTS + 1):
            try:
                unlock_for_window(None, ask())
                break
            except WrongPassphrase:
                if attempt == MAX_ATTEMPTS:
                    raise
                typer.echo("Wrong passphrase, try again.", err=True)
    typer.echo("Unlocked for 15 idle minutes. `alliance lock` locks it now.")


def lock() -> None:
    """Lock the vault now (ends the unlock window)."""
    from alliance.services.vault import lock as lock_vault

    typer.echo("Locked." if lock_vault() else "The vault was already locked.")


def passwd() -> None:
    """Change your passphrase (re-wraps the key; your entries are not rewritten)."""
    from alliance.services.vault import change_vault_passphrase

    current = typer.prompt("Current passphrase", hide_input=True)
    change_vault_passphrase(None, current, new_passphrase())
    typer.echo("Passphrase changed. The vault is locked.")


def recover() -> None:
    """Set a new passphrase with your recovery key."""
    from alliance.services.vault import recover as recover_vault

    recovery = typer.prompt("Recovery key")
    recover_vault(None, recovery, new_passphrase())
    typer.echo("Passphrase changed. Your recovery key stays the same.")


def backup(destination: Path = typer.Argument(..., help="A new, empty folder.")) -> None:
    """Make a consistent, encrypted copy of your vault."""
    from alliance.cli.vault_access import open_vault
    from alliance.services.vault import backup as backup_vault

    vault = open_vault()
    try:
        where = backup_vault(vault, destination)
    finally:
        vault.close()
    typer.echo(f"Backed up to {where} (encrypted; it opens with the same passphrase).")


def check() -> None:
    """Verify the vault: every page's authentication code and the database structure."""
    from alliance.cli.vault_access import open_vault

    vault = open_vault()
    try:
        vault.check()
    finally:
        vault.close()
    typer.echo("The vault is intact.")
