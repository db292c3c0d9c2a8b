"""Property tests: totals stay in range, scoring is monotone, reversed items mirror plain ones."""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

from alliance.domain.change import gas_t_score, jacobson_truax
from alliance.domain.instruments import (
    Instrument,
    Item,
    MissingRule,
    ResponseOption,
    Scoring,
    score,
)
from alliance.instruments.catalog import list_instruments

SHIPPED = {instrument.id: instrument for instrument in list_instruments()}


def answers_for(instrument: Instrument) -> st.SearchStrategy[list[int | None]]:
    return st.tuples(*(st.sampled_from(item.values) for item in instrument.items)).map(list)


@st.composite
def shipped_with_answers(draw: st.DrawFn) -> tuple[Instrument, list[int | None]]:
    instrument = draw(st.sampled_from(sorted(SHIPPED.values(), key=lambda i: i.id)))
    return instrument, draw(answers_for(instrument))


@given(shipped_with_answers())
def test_totals_stay_within_the_instrument_range(case: tuple[Instrument, list[int | None]]) -> None:
    instrument, answers = case
    result = score(instrument, answers)
    assert instrument.min_total <= result.total <= instrument.max_total
    assert result.band is not None or not instrument.bands


@given(shipped_with_answers(), st.data())
def test_raising_one_answer_never_lowers_the_total(
    case: tuple[Instrument, list[int | None]], data: st.DataObject
) -> None:
    instrument, answers = case
    index = data.draw(st.integers(0, len(answers) - 1))
    item = instrument.items[index]
    current = answers[index]
    assert current is not None
    higher = [v for v in item.values if v > current]
    if not higher:
        return
    raised = list(answers)
    raised[index] = data.draw(st.sampled_from(higher))
    before, after = score(instrument, answers).total, score(instrument, raised).total
    assert after > before  # none of the shipped items is reversed: strictly up


def synthetic(reversed_ids: frozenset[str], n_items: int, top: int) -> Instrument:
    options = tuple(ResponseOption(v, str(v)) for v in range(top + 1))
    items = tuple(
        Item(id=f"i{n}", text=f"item {n}", options=options, reversed=f"i{n}" in reversed_ids)
        for n in range(n_items)
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
        scoring=Scoring(missing=MissingRule()),
        higher_is_better=True,
    )


@st.composite
def synthetic_case(draw: st.DrawFn) -> tuple[Instrument, Instrument, list[int | None]]:
    n_items = draw(st.integers(1, 8))
    top = draw(st.integers(1, 6))
    reversed_ids = frozenset(f"i{n}" for n in range(n_items) if draw(st.booleans()))
    answers: list[int | None] = [draw(st.integers(0, top)) for _ in range(n_items)]
    return synthetic(reversed_ids, n_items, top), synthetic(frozenset(), n_items, top), answers


@given(synthetic_case())
def test_reversed_items_score_like_flipped_answers_on_a_plain_form(
    case: tuple[Instrument, Instrument, list[int | None]],
) -> None:
    with_reversed, plain, answers = case
    top = with_reversed.items[0].max_value
    flipped = [
        top - a if item.reversed and a is not None else a
        for item, a in zip(with_reversed.items, answers, strict=True)
    ]
    assert score(with_reversed, answers).total == score(plain, flipped).total


@given(synthetic_case(), st.data())
def test_reversed_item_moves_the_total_the_other_way(
    case: tuple[Instrument, Instrument, list[int | None]], data: st.DataObject
) -> None:
    instrument, _, answers = case
    index = data.draw(st.integers(0, len(answers) - 1))
    current = answers[index]
    assert current is not None
    if current == instrument.items[index].max_value:
        return
    raised = list(answers)
    raised[index] = current + 1
    delta = score(instrument, raised).total - score(instrument, answers).total
    assert delta == (-1 if instrument.items[index].reversed else 1)
    assert 0 <= score(instrument, raised).total <= instrument.max_total


@given(
    st.floats(0, 100),
    st.floats(0, 100),
    st.floats(0.5, 30),
    st.floats(0, 0.99),
)
def test_reliable_change_is_antisymmetric(pre: float, post: float, sd: float, r: float) -> None:
    forward = jacobson_truax(pre, post, sd=sd, reliability=r, higher_is_better=False)
    back = jacobson_truax(post, pre, sd=sd, reliability=r, higher_is_better=False)
    assert math.isclose(forward.rc, -back.rc, abs_tol=1e-9)
    assert forward.reliable == back.reliable


@given(st.lists(st.sampled_from([-2, -1, 0, 1, 2]), min_size=1, max_size=10))
def test_gas_t_is_50_when_attainments_cancel_and_ordered_otherwise(xs: list[int]) -> None:
    t = gas_t_score(xs)
    total = sum(xs)
    assert (t > 50) == (total > 0)
    assert (t < 50) == (total < 0)
