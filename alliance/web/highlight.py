"""An entry's text cut into pieces, each with the themes of the sentences it lies in.

The stored reading gives evidence as character offsets into the text that was read: the title,
a newline and the body (or the body alone when there is no title). The entry page shows the
body, so offsets are moved onto the body and checked against its text; a span whose text is not
found where expected is looked up by its text instead, and dropped if it cannot be found.

The template renders each piece as escaped text, wrapping the pieces that carry themes in a
`<mark>` followed by a visible label naming them: the meaning never rests on colour alone.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

Span = tuple[int, int, str]  # start, end (exclusive) on the body, and a theme or emotion


@dataclass(frozen=True)
class Piece:
    text: str
    themes: tuple[str, ...] = ()
    emotions: tuple[str, ...] = ()

    @property
    def marked(self) -> bool:
        return bool(self.themes or self.emotions)


def theme_spans(body: str, title: str, reading: dict[str, Any] | None) -> list[Span]:
    """(start, end, theme) on the body, from the reading's evidence."""
    if not reading:
        return []
    shift = len(title) + 1 if title else 0
    spans: list[Span] = []
    for hit in reading.get("themes", []):
        for evidence in hit.get("evidence", []):
            placed = _place(body, int(evidence["start"]) - shift, str(evidence.get("text", "")))
            if placed is not None:
                spans.append((*placed, str(hit["theme"])))
    return spans


def _place(body: str, start: int, text: str) -> tuple[int, int] | None:
    if not text:
        return None
    if start >= 0 and body[start : start + len(text)] == text:
        return start, start + len(text)
    found = body.find(text)
    return None if found < 0 else (found, found + len(text))


def emotion_spans(body: str, title: str, sentences: Iterable[Any]) -> list[Span]:
    """(start, end, emotion) on the body, from the analyser's sentence-level emotions."""
    shift = len(title) + 1 if title else 0
    spans: list[Span] = []
    for sentence in sentences:
        placed = _place(body, sentence.span.start - shift, sentence.span.text)
        if placed is not None:
            spans.extend((*placed, label) for label in sentence.labels if label != "neutral")
    return spans


def pieces(body: str, themes: Iterable[Span], emotions: Iterable[Span] = ()) -> list[Piece]:
    """The body cut at every span boundary; each piece lists the themes and emotions on it."""
    clipped = [
        [(max(0, s), min(len(body), e), name) for s, e, name in spans if e > s]
        for spans in (themes, emotions)
    ]
    edges = {edge for spans in clipped for s, e, _ in spans for edge in (s, e)}
    cuts = sorted({0, len(body), *edges})
    out: list[Piece] = []
    for start, end in itertools.pairwise(cuts):
        covering = [
            tuple(sorted({name for s, e, name in spans if s <= start and end <= e}))
            for spans in clipped
        ]
        out.append(Piece(body[start:end], covering[0], covering[1]))
    return _merged(out)


def _merged(found: Sequence[Piece]) -> list[Piece]:
    """Neighbouring pieces with the same marks become one (one label per run)."""
    merged: list[Piece] = []
    for piece in found:
        if not piece.text:
            continue
        last = merged[-1] if merged else None
        if last is not None and (last.themes, last.emotions) == (piece.themes, piece.emotions):
            merged[-1] = Piece(last.text + piece.text, piece.themes, piece.emotions)
        else:
            merged.append(piece)
    return merged
