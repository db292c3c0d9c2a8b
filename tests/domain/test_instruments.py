"""Scoring the shipped instruments: clinical-facts §7.5 vectors, errors, missing items, flags."""

from __future__ import annotations

import pytest

from alliance.domain.instruments import (
    Instrument,
    Item,
    MissingRule,
    ResponseOption,
    Scoring,
    Subscale,
    band_for,
    score,
)
from alliance.errors import InvalidInput
from alliance.instruments.catalog import load_instrument

PHQ9 = load_instrument("phq9")
GAD7 = load_instrument("gad7")
PHQ4 = load_instrument("phq4")
WHO5 = load_instrument("who5")


def answers_summing_to(total: int, n_items: int, top: int) -> list[int]:
    """A valid answer list with the given total, filled from the first item."""
    answers = []
    for _ in range(n_items):
        value = min(top, total)
        answers.append(value)
        total -= value
    assert total == 0
    return answers


@pytest.mark.parametrize(
    ("total", "band"),
    [
        (0, "minimal"),
        (4, "minimal"),
        (5, "mild"),
        (9, "mild"),
        (10, "moderate"),
        (14, "moderate"),
        (15, "moderately severe"),
        (19, "moderately severe"),
        (20, "severe"),
        (27, "severe"),
    ],
)
def test_phq9_bands(total: int, band: str) -> None:
    result = score(PHQ9, answers_summing_to(total, 9, 3))
    assert result.total == total
    assert result.band == band


@pytest.mark.parametrize("total", [28, -1])
def test_phq9_refuses_totals_outside_its_range(total: int) -> None:
    with pytest.raises(InvalidInput, match="outside 0-27"):
        band_for(PHQ9, total)


def test_phq9_incomplete_form_is_refused_naming_the_item() -> None:
    with pytest.raises(InvalidInput, match=r"item 3 \(sleep\) unanswered"):
        score(PHQ9, [1, 1, None, 1, 1, 1, 1, 1, 1])


def test_phq9_item9_alone_raises_the_safety_flag() -> None:
    result = score(PHQ9, [0, 0, 0, 0, 0, 0, 0, 0, 1])
    assert (result.total, result.band) == (1, "minimal")
    assert "safety" in result.flags
    assert result.safety is True


def test_phq9_without_item9_has_no_safety_flag() -> None:
    result = score(PHQ9, [3, 3, 3, 3, 3, 3, 3, 3, 0])
    assert result.safety is False
    assert "safety" not in result.flags
    assert "caseness" in result.flags


@pytest.mark.parametrize(
    ("total", "band"),
    [(4, "minimal"), (5, "mild"), (10, "moderate"), (15, "severe"), (21, "severe")],
)
def test_gad7_bands(total: int, band: str) -> None:
    assert score(GAD7, answers_summing_to(total, 7, 3)).band == band


@pytest.mark.parametrize(("total", "positive"), [(9, False), (10, True)])
def test_gad7_screen_positive_at_10(total: int, positive: bool) -> None:
    result = score(GAD7, answers_summing_to(total, 7, 3))
    assert ("screen_positive" in result.flags) is positive
    assert "caseness" in result.flags  # NHS TT caseness is 8 or more


def test_phq4_subscales() -> None:
    result = score(PHQ4, [2, 1, 1, 1])
    assert (result.total, result.band) == (5, "mild")
    subscales = {s.id: s for s in result.subscales}
    assert (subscales["anxiety"].total, subscales["anxiety"].positive) == (3, True)
    assert (subscales["depression"].total, subscales["depression"].positive) == (2, False)
    assert result.flags == ("anxiety_positive",)


def test_phq4_items_are_gad2_then_phq2() -> None:
    gad2, phq2 = load_instrument("gad2"), load_instrument("phq2")
    assert [i.text for i in PHQ4.items] == [i.text for i in gad2.items + phq2.items]
    assert [i.text for i in phq2.items] == [i.text for i in PHQ9.items[:2]]
    assert [i.text for i in gad2.items] == [i.text for i in GAD7.items[:2]]


@pytest.mark.parametrize(
    ("answers", "raw", "percent", "band"),
    [
        ([3, 3, 2, 2, 3], 13, 52, "above the cut-off"),
        ([2, 3, 2, 2, 3], 12, 48, "poor well-being"),
        ([1, 1, 2, 1, 2], 7, 28, "very low well-being"),
        ([5, 5, 5, 5, 0], 20, 80, "above the cut-off"),
    ],
)
def test_who5_percentage_is_raw_times_four(
    answers: list[int], raw: int, percent: int, band: str
) -> None:
    result = score(WHO5, answers)
    assert (result.raw_total, result.total, result.band) == (raw, percent, band)
    assert ("poor_wellbeing" in result.flags) is (percent <= 50)


def test_who5_raw_10_is_40_not_the_wrong_20() -> None:
    result = score(WHO5, [2, 2, 2, 2, 2])
    assert result.raw_total == 10
    assert result.total == 40  # "(raw - 5) x 4" would give 20


def test_who5_single_item_at_zero_is_flagged_even_with_a_high_total() -> None:
    result = score(WHO5, [5, 5, 5, 5, 0])
    assert "low_item" in result.flags
    assert "poor_wellbeing" not in result.flags
    assert "low_item" not in score(WHO5, [2, 2, 2, 2, 2]).flags


def test_who5_likely_depression_cutoff_is_28() -> None:
    assert WHO5.cutoff("likely_depression").reached(28)
    assert not WHO5.cutoff("likely_depression").reached(32)


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ([0] * 8, "needs 9 answers"),
        ([0] * 10, "needs 9 answers"),
        ([0, 0, 0, 4, 0, 0, 0, 0, 0], r"item 4 \(tired\): 4 is not an allowed answer; use 0-3"),
        ([0, -1, 0, 0, 0, 0, 0, 0, 0], r"item 2 \(down\): -1 is not an allowed answer"),
        ([True, 0, 0, 0, 0, 0, 0, 0, 0], r"item 1 \(interest\): True is not a number"),
    ],
)
def test_bad_answers_are_refused_naming_the_problem(answers: list[int], message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        score(PHQ9, answers)


def synthetic(
    *, max_missing: int = 0, method: str = "sum", reversed_ids: tuple[str, ...] = ()
) -> Instrument:
    options = tuple(ResponseOption(v, str(v)) for v in range(5))
    items = tuple(
        Item(id=f"i{n}", text=f"item {n}", options=options, reversed=f"i{n}" in reversed_ids)
        for n in range(1, 5)
    )
    return Instrument(
        id="synthetic",
        name="Synthetic",
        short_name="SYN",
        version="1",
        licence="test",
        attribution="test",
        timeframe="now",
        instructions="answer",
        items=items,
        scoring=Scoring(
            method=method,  # type: ignore[arg-type]
            missing=MissingRule(max_missing=max_missing, prorate=max_missing > 0),
        ),
        higher_is_better=False,
        subscales=(Subscale("first", "First two", ("i1", "i2")),),
    )


def test_prorating_uses_the_mean_of_answered_items_rounded_half_up() -> None:
    instrument = synthetic(max_missing=1)
    result = score(instrument, [1, 2, None, 2])
    # mean 5/3 x 4 items = 6.67 -> 7
    assert result.total == 7
    assert result.missing == ("i3",)
    assert result.prorated is True
    assert score(instrument, [1, 2, None, 3]).total == 8  # 6/3 x 4 = 8 exactly


def test_prorating_still_refuses_more_skips_than_the_rule_allows() -> None:
    with pytest.raises(InvalidInput, match="at most 1 item"):
        score(synthetic(max_missing=1), [1, None, None, 2])


def test_subscale_with_a_skipped_item_is_prorated_over_its_own_items() -> None:
    result = score(synthetic(max_missing=1), [3, None, 1, 1])
    assert result.subscales[0].total == 6


def test_reversed_items_count_max_minus_answer() -> None:
    plain = synthetic()
    flipped = synthetic(reversed_ids=("i2",))
    assert flipped.reversed_items == ("i2",)
    assert score(plain, [1, 4, 0, 0]).total == 5
    assert score(flipped, [1, 4, 0, 0]).total == 1  # item 2 counts 4 - 4 = 0


def test_mean_method_reports_the_mean() -> None:
    assert score(synthetic(method="mean"), [1, 2, 3, 4]).total == 2.5


def test_score_as_dict_has_exactly_the_documented_keys() -> None:
    data = score(PHQ4, [2, 1, 1, 1]).as_dict()
    assert list(data) == ["instrument", "total", "band", "subscales", "flags", "missing"]
    assert data["subscales"] == {"anxiety": 3, "depression": 2}
