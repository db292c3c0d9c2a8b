"""Evidence sentences from a stored reading (the JSON kept in entry_readings)."""

from __future__ import annotations

import json


def evidence_texts(reading_json: str, theme: str) -> list[str]:
    """The sentences that carried `theme`. A reading from an older analyser may lack
    evidence, or be unreadable; it then adds nothing."""
    try:
        reading = json.loads(reading_json)
    except json.JSONDecodeError:
        return []
    texts: list[str] = []
    for hit in reading.get("themes", []) if isinstance(reading, dict) else []:
        if isinstance(hit, dict) and hit.get("theme") == theme:
            for span in hit.get("evidence", []):
                text = span.get("text") if isinstance(span, dict) else None
                if isinstance(text, str) and text.strip():
                    texts.append(text.strip())
    return texts
