"""The result types of reading a text. Plain frozen dataclasses, so every layer can hold them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

CrisisLevel = Literal["none", "concern", "urgent"]
Sentiment = Literal["positive", "negative", "ambiguous", "neutral"]


@dataclass(frozen=True)
class Span:
    """A stretch of the original text, by character offsets (end exclusive)."""

    start: int
    end: int
    text: str

    def as_dict(self) -> dict[str, object]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True)
class SentenceEmotions:
    span: Span
    scores: dict[str, float]
    labels: tuple[str, ...]


@dataclass(frozen=True)
class EmotionReading:
    """Scores for the 28 GoEmotions labels; `labels` holds only those above their threshold."""

    scores: dict[str, float]
    labels: tuple[str, ...]
    ekman: dict[str, float]
    sentiment: Sentiment
    sentences: tuple[SentenceEmotions, ...] = ()


@dataclass(frozen=True)
class ThemeHit:
    theme: str
    score: float
    evidence: tuple[Span, ...]


@dataclass(frozen=True)
class CrisisReading:
    level: CrisisLevel
    evidence: tuple[Span, ...] = ()


@dataclass(frozen=True)
class Reading:
    emotions: EmotionReading
    themes: tuple[ThemeHit, ...]
    crisis: CrisisReading
    model_version: str
    extra: dict[str, object] = field(default_factory=dict)

    def theme_ids(self) -> tuple[str, ...]:
        return tuple(hit.theme for hit in self.themes)
