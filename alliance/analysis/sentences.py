"""Split text into sentences, keeping character offsets into the original text.

Deliberately small: reflections are informal prose, and the readers downstream only need
stable sentence-sized spans. A full tokenizer would cost start-up time for little gain.
"""

from __future__ import annotations

import re

from alliance.analysis.reading import Span

# A sentence ends at . ! ? or an ellipsis (optionally followed by closing quotes/brackets),
# or at a line break. Common abbreviations are protected so "Dr. Lee" stays whole.
_ABBREVIATIONS = ("dr", "mr", "mrs", "ms", "st", "vs", "etc", "e.g", "i.e", "prof", "approx")
_BOUNDARY = re.compile(r"""(?:[.!?]+|…)["'”’)\]]*(?=\s)|\n+""")


def split_sentences(text: str) -> list[Span]:
    """Return the sentences of `text` as spans, trimmed of surrounding white space."""
    spans: list[Span] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        end = match.end()
        if _ends_with_abbreviation(text[start : match.start()]):
            continue
        _append_trimmed(spans, text, start, end)
        start = end
    _append_trimmed(spans, text, start, len(text))
    return spans


def _ends_with_abbreviation(chunk: str) -> bool:
    words = chunk.rsplit(None, 1)
    return bool(words) and words[-1].lower().rstrip(".") in _ABBREVIATIONS


def _append_trimmed(spans: list[Span], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if not stripped or not any(ch.isalnum() for ch in stripped):
        return
    offset = start + (len(piece) - len(piece.lstrip()))
    spans.append(Span(offset, offset + len(stripped), stripped))
