"""Writing in $VISUAL / $EDITOR without ever losing what was typed.

The vault is opened (and the passphrase asked) before the editor starts. The text lives in a
0600 draft in the vault's drafts/ folder while the editor has it; the draft is deleted only
once the entry is saved. When anything fails after the editor closes, the error says where
the draft is.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from alliance.errors import AllianceError, InvalidInput

if TYPE_CHECKING:
    from alliance.services.vault import Vault

Saved = TypeVar("Saved")


def editor_command() -> list[str]:
    """$VISUAL, else $EDITOR, else vi when there is one."""
    for variable in ("VISUAL", "EDITOR"):
        value = os.environ.get(variable, "").strip()
        if value:
            return shlex.split(value)
    if shutil.which("vi"):
        return ["vi"]
    raise InvalidInput("No editor: set $VISUAL or $EDITOR, or give the text on the command line.")


def edit_draft(
    vault: Vault,
    initial: str,
    extract: Callable[[str], str | None],
    save: Callable[[str], Saved],
) -> Saved | None:
    """Open `initial` in the editor and save what comes back.

    `extract` turns the edited file into the text to save: None means "nothing changed"
    (the draft goes, nothing is saved), "" means "empty" (an error).
    """
    from alliance.domain.entries import decode_utf8
    from alliance.services.journal import new_draft

    command = editor_command()
    draft = new_draft(vault, initial)
    _run(command, draft)
    text = _kept_on_error(draft, lambda: extract(decode_utf8(draft.read_bytes())))
    if text is None:
        draft.unlink(missing_ok=True)
        return None
    if not text.strip():
        draft.unlink(missing_ok=True)
        raise InvalidInput("The entry is empty; nothing was saved.")
    saved = _kept_on_error(draft, lambda: save(text))
    draft.unlink(missing_ok=True)
    return saved


def _run(command: list[str], draft: Path) -> None:
    try:
        finished = subprocess.run([*command, str(draft)], check=False)
    except OSError as error:
        raise InvalidInput(
            f"Cannot start the editor {command[0]!r} ({error.strerror}); the draft is {draft}."
        ) from None
    if finished.returncode != 0:
        raise InvalidInput(
            f"The editor exited with status {finished.returncode}; your text is kept in {draft}."
        )


def _kept_on_error(draft: Path, action: Callable[[], Saved]) -> Saved:
    """Run `action`; on any failure, say where the draft is (it stays on disk)."""
    try:
        return action()
    except AllianceError as error:
        message = str(error).rstrip(".")
        raise type(error)(f"{message}. Your text is kept in {draft}.") from None
    except Exception:
        import sys

        sys.stderr.write(f"alliance: saving failed; your text is kept in {draft}.\n")
        raise
