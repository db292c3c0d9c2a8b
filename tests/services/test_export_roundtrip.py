"""The JSON export is lossless: the demo vault survives export, import and export again."""

from __future__ import annotations

from pathlib import Path

from alliance.demo import fill_demo
from alliance.services.export import export_vault, import_vault
from alliance.services.vault import init_vault
from tests.conftest import PASSPHRASE


def test_the_demo_vault_round_trips_through_the_json_export(tmp_path: Path) -> None:
    original, _ = init_vault(PASSPHRASE, tmp_path / "original")
    copy, _ = init_vault(PASSPHRASE, tmp_path / "copy")
    try:
        fill_demo(original)
        first = export_vault(original)
        import_vault(copy, first)
        second = export_vault(copy)
    finally:
        original.close()
        copy.close()
    first.pop("exported_at")
    second.pop("exported_at")
    for table in ("entries", "sessions", "measure_responses", "goals", "goal_entry_links"):
        assert first[table], f"the demo should have {table}"
    assert second == first
