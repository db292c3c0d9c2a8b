"""Reading reflections: emotions, relationship themes and crisis language.

`analyze(text)` is pure: the same text and model files give the same Reading. Model files ship
inside the package and load lazily, once, on first use. Nothing is sent anywhere.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from alliance.analysis.reading import Reading


def analyze(text: str) -> Reading:
    """Read one text."""
    return analyze_many([text])[0]


def analyze_many(texts: Sequence[str]) -> list[Reading]:
    """Read many texts; emotions are scored for all their sentences in one batch."""
    from alliance.analysis.crisis import read_crisis
    from alliance.analysis.emotions import read_emotions_batch
    from alliance.analysis.sentences import split_sentences
    from alliance.analysis.themes import read_themes

    split = [split_sentences(text) for text in texts]
    emotions = read_emotions_batch(list(texts), split)
    version = model_version()
    return [
        Reading(
            emotions=emotion,
            themes=read_themes(text, sentences),
            crisis=read_crisis(text, sentences),
            model_version=version,
        )
        for text, sentences, emotion in zip(texts, split, emotions, strict=True)
    ]


@cache
def model_version() -> str:
    """One version for the whole reader: it changes when any model or rule set changes."""
    import hashlib
    from pathlib import Path

    from alliance.analysis import emotions

    # The theme and crisis readers are rules in code: their version is the hash of that code,
    # and so is the emotion reader's aggregation (sentence votes, entry scores).
    here = Path(__file__).parent
    digest = hashlib.sha256()
    for name in sorted(p.name for p in here.glob("*.py") if p.name not in _NOT_RULES):
        digest.update((here / name).read_bytes())
    return f"emo-{emotions.MODEL_VERSION}+rules-{digest.hexdigest()[:10]}"


_NOT_RULES = {"__init__.py", "reading.py"}


def reading_as_dict(reading: Reading, entry_id: object = None) -> dict[str, object]:
    """The JSON shape of `alliance analyze --jsonl` (documented in docs/analysis.md)."""
    return {
        "id": entry_id,
        "emotions": {
            "labels": list(reading.emotions.labels),
            "scores": {label: round(score, 4) for label, score in reading.emotions.scores.items()},
        },
        "sentiment": reading.emotions.sentiment,
        "themes": [
            {
                "theme": hit.theme,
                "score": round(hit.score, 4),
                "evidence": [span.as_dict() for span in hit.evidence],
            }
            for hit in reading.themes
        ],
        "crisis": {
            "level": reading.crisis.level,
            "evidence": [span.as_dict() for span in reading.crisis.evidence],
        },
        "model_version": reading.model_version,
    }
