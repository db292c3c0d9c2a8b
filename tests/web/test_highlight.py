"""Cutting an entry into marked pieces from the reading's offsets."""

from __future__ import annotations

from types import SimpleNamespace

from alliance.web.highlight import Piece, emotion_spans, pieces, theme_spans

BODY = "Long day. I felt heard. We laughed."


def reading(*spans: tuple[str, int, int, str]) -> dict[str, object]:
    return {
        "themes": [
            {"theme": theme, "evidence": [{"start": s, "end": e, "text": text}]}
            for theme, s, e, text in spans
        ]
    }


def test_offsets_on_the_title_and_body_text_are_moved_onto_the_body() -> None:
    title = "Long day"
    start = len(title) + 1 + BODY.index("I felt")
    found = theme_spans(BODY, title, reading(("heard", start, start + 14, "I felt heard.")))
    assert found == [(10, 23, "heard")]
    assert BODY[10:23] == "I felt heard."


def test_a_span_whose_offset_is_off_is_found_by_its_text_or_dropped() -> None:
    moved = theme_spans(BODY, "", reading(("heard", 0, 13, "I felt heard.")))
    assert moved == [(10, 23, "heard")]
    assert theme_spans(BODY, "", reading(("heard", 0, 5, "not there"))) == []


def test_pieces_cover_the_text_exactly_and_overlaps_carry_both_marks() -> None:
    spans = [(10, 23, "heard"), (10, 35, "bond")]
    cut = pieces(BODY, spans, [(24, 35, "joy")])
    assert "".join(p.text for p in cut) == BODY
    assert cut == [
        Piece("Long day. "),
        Piece("I felt heard.", ("bond", "heard")),
        Piece(" ", ("bond",)),
        Piece("We laughed.", ("bond",), ("joy",)),
    ]
    assert [p.marked for p in cut] == [False, True, True, True]


def test_sentence_emotions_skip_neutral() -> None:
    sentence = SimpleNamespace(
        span=SimpleNamespace(start=10, text="I felt heard."), labels=("neutral", "relief")
    )
    assert emotion_spans(BODY, "", [sentence]) == [(10, 23, "relief")]
