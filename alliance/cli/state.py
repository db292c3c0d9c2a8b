"""Options given before the command (`alliance --passphrase-file F list`)."""

from __future__ import annotations

from pathlib import Path

passphrase_file: Path | None = None
