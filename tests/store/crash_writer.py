"""Child process for the crash test: writes entries and prints each id only after commit."""

from __future__ import annotations

import sys
import uuid
from pathlib import Path

from alliance.store.tables import Entry, EntryTag, utcnow
from alliance.store.vault import open_vault


def main(home: Path, data_key: bytes) -> None:
    vault = open_vault(home, data_key)
    while True:
        entry_id = str(uuid.uuid4())
        now = utcnow()
        with vault.transaction() as session:
            entry = Entry(
                id=entry_id,
                created_at=now,
                updated_at=now,
                tz="UTC",
                title="crash test",
                body=f"entry {entry_id} " + "words " * 50,
                kind="note",
            )
            entry.tags = [EntryTag(tag="#crash")]
            session.add(entry)
        print(entry_id, flush=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]), bytes.fromhex(sys.argv[2]))
