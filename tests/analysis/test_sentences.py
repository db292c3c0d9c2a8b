from alliance.analysis.sentences import split_sentences


def test_offsets_point_back_into_the_text() -> None:
    text = "I cried a little.  He listened!\nThen Dr. Lee said hi? Yes"
    spans = split_sentences(text)
    assert [s.text for s in spans] == [
        "I cried a little.",
        "He listened!",
        "Then Dr. Lee said hi?",
        "Yes",
    ]
    for span in spans:
        assert text[span.start : span.end] == span.text


def test_empty_and_punctuation_only_give_nothing() -> None:
    assert split_sentences("") == []
    assert split_sentences(" ... \n\n") == []
