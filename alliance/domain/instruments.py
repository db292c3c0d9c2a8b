"""Instruments as data, and how a set of answers becomes a score.

An `Instrument` is a plain frozen description of a questionnaire: items with their verbatim text
and response options, how to score them (`Scoring`, with a documented `MissingRule`), severity
`bands`, named `cutoffs`, `flags` (e.g. PHQ-9 item 9 > 0 starts the safety flow), the norms for
reliable change, expected-recovery defaults and a default `Schedule`. Instruments are built by
`alliance.instruments.catalog` from YAML; nothing here reads files.

`score(instrument, answers)` takes one answer per item, in item order, with None for a skipped
item, and returns a `Score`. Rules:
- Every answer must be one of the item's option values; anything else raises InvalidInput
  naming the item.
- Reversed items are scored as (min + max - answer) before summing.
- Skipped items: by default every item is required. An instrument may allow up to
  `max_missing` skipped items with `prorate`: the total is then the mean of the answered
  (scored) items times the number of items, rounded half up to a whole number (then the
  multiplier applies), so bands and cut-offs see the same kind of number as a complete form.
  Subscales are prorated over their own answered items the same way.
- total = raw sum (or mean, for method "mean") x multiplier (WHO-5: raw x 4 = percentage).
- Flags on items look at the answer as given (before reversal); flags on totals at the reported
  total. `Score.safety` is True when a flag marked `safety` fired.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from alliance.domain.expected import RecoveryParams
from alliance.domain.schedule import Schedule
from alliance.errors import InvalidInput

Direction = Literal["at_or_above", "at_or_below"]
FlagWhen = Literal[
    "item_at_least", "any_item_at_most", "total_at_least", "total_at_most", "subscale_at_least"
]
ScoringMethod = Literal["sum", "mean"]


@dataclass(frozen=True)
class ResponseOption:
    value: int
    label: str


@dataclass(frozen=True)
class Item:
    id: str
    text: str
    options: tuple[ResponseOption, ...]
    reversed: bool = False
    loinc: str | None = None
    slider: bool = False  # a display hint: a 0-N slider with labelled ends
    suggestion: str = ""  # shown when answered at its lowest (ER-8: what is left to do)

    @property
    def values(self) -> tuple[int, ...]:
        return tuple(option.value for option in self.options)

    @property
    def min_value(self) -> int:
        return min(self.values)

    @property
    def max_value(self) -> int:
        return max(self.values)

    def scored(self, answer: int) -> int:
        """The value that counts towards the total: reversed items are flipped."""
        return self.min_value + self.max_value - answer if self.reversed else answer

    def label_for(self, answer: int) -> str:
        return next((o.label for o in self.options if o.value == answer), str(answer))


@dataclass(frozen=True)
class MissingRule:
    max_missing: int = 0
    prorate: bool = False
    description: str = "Every item must be answered."


@dataclass(frozen=True)
class Scoring:
    method: ScoringMethod = "sum"
    multiplier: float = 1.0
    missing: MissingRule = MissingRule()


@dataclass(frozen=True)
class Subscale:
    id: str
    name: str
    items: tuple[str, ...]
    positive_at: float | None = None


@dataclass(frozen=True)
class Band:
    """A severity band, inclusive at both ends, on the reported total."""

    min: float
    max: float
    label: str

    def contains(self, total: float) -> bool:
        return self.min <= total <= self.max


@dataclass(frozen=True)
class Cutoff:
    id: str
    value: float
    direction: Direction
    label: str
    source: str = ""

    def reached(self, total: float) -> bool:
        return total >= self.value if self.direction == "at_or_above" else total <= self.value


@dataclass(frozen=True)
class FlagRule:
    id: str
    label: str
    when: FlagWhen
    value: float
    target: str | None = None  # the item or subscale id for item_at_least / subscale_at_least
    safety: bool = False  # True: this flag starts the safety flow


@dataclass(frozen=True)
class Population:
    """Mean and SD of a reference group (functional or dysfunctional) for cut-offs a, b, c."""

    mean: float
    sd: float
    source: str = ""


@dataclass(frozen=True)
class ReliableChangeNorms:
    """What reliable change means for an instrument.

    `rci` is a published fixed threshold in reported points (PHQ-9 6, GAD-7 4, WHO-5 10);
    `sd` and `reliability` feed Jacobson-Truax. `clinical_cutoff` names the cut-off whose
    reached side is the clinical range (e.g. "caseness").
    """

    rci: float | None = None
    sd: float | None = None
    reliability: float | None = None
    reliability_kind: str = ""
    source: str = ""
    clinical_cutoff: str | None = None
    functional: Population | None = None
    dysfunctional: Population | None = None


@dataclass(frozen=True)
class Instrument:
    id: str
    name: str
    short_name: str
    version: str
    licence: str
    attribution: str
    timeframe: str
    instructions: str
    items: tuple[Item, ...]
    scoring: Scoring
    higher_is_better: bool
    validated: bool = True
    notes: str = ""
    free_text: str = ""  # an optional open question after the items (SF-4)
    subscales: tuple[Subscale, ...] = ()
    bands: tuple[Band, ...] = ()
    cutoffs: tuple[Cutoff, ...] = ()
    flags: tuple[FlagRule, ...] = ()
    change: ReliableChangeNorms | None = None
    expected: RecoveryParams | None = None
    schedule: Schedule | None = None
    loinc_panel: str | None = None
    loinc_total: str | None = None
    origin: str = "shipped"  # "shipped" or the path of the user's YAML file

    @property
    def item_ids(self) -> tuple[str, ...]:
        return tuple(item.id for item in self.items)

    @property
    def reversed_items(self) -> tuple[str, ...]:
        return tuple(item.id for item in self.items if item.reversed)

    @property
    def min_total(self) -> float:
        return self._reported(sum(item.min_value for item in self.items))

    @property
    def max_total(self) -> float:
        return self._reported(sum(item.max_value for item in self.items))

    def item(self, item_id: str) -> Item:
        for item in self.items:
            if item.id == item_id:
                return item
        raise InvalidInput(f"{self.short_name} has no item '{item_id}'")

    def cutoff(self, cutoff_id: str) -> Cutoff:
        for cutoff in self.cutoffs:
            if cutoff.id == cutoff_id:
                return cutoff
        raise InvalidInput(f"{self.short_name} has no cut-off '{cutoff_id}'")

    def _reported(self, raw_sum: float) -> float:
        per_item = raw_sum / len(self.items) if self.scoring.method == "mean" else raw_sum
        return per_item * self.scoring.multiplier


@dataclass(frozen=True)
class SubscaleScore:
    id: str
    name: str
    total: float | None  # None when none of its items were answered
    positive: bool | None


@dataclass(frozen=True)
class Score:
    instrument_id: str
    total: float
    raw_total: float
    band: str | None
    subscales: tuple[SubscaleScore, ...]
    flags: tuple[str, ...]
    missing: tuple[str, ...]
    item_ids: tuple[str, ...]
    answers: tuple[int | None, ...]
    safety: bool
    prorated: bool

    def answer(self, item_id: str) -> int | None:
        return self.answers[self.item_ids.index(item_id)]

    def as_dict(self) -> dict[str, object]:
        """The stable JSON shape: instrument, total, band, subscales, flags, missing."""
        return {
            "instrument": self.instrument_id,
            "total": plain_number(self.total),
            "band": self.band,
            "subscales": {
                s.id: None if s.total is None else plain_number(s.total) for s in self.subscales
            },
            "flags": list(self.flags),
            "missing": list(self.missing),
        }


def plain_number(value: float) -> float:
    """Whole numbers as int (13, not 13.0) so JSON and text read naturally."""
    return int(value) if float(value).is_integer() else round(value, 4)


def score(instrument: Instrument, answers: Sequence[int | None]) -> Score:
    """Score one completed form. See the module docstring for the rules."""
    _check_answers(instrument, answers)
    pairs = list(zip(instrument.items, answers, strict=True))
    missing = tuple(item.id for item, a in pairs if a is None)
    _check_missing(instrument, missing)
    answered = {item.id: a for item, a in pairs if a is not None}
    scored = {item.id: item.scored(a) for item, a in pairs if a is not None}
    raw = _combine(instrument, instrument.item_ids, scored)
    total = raw * instrument.scoring.multiplier
    subscales = tuple(_subscale_score(instrument, s, scored) for s in instrument.subscales)
    fired = [rule for rule in instrument.flags if _flag_fires(rule, total, answered, subscales)]
    return Score(
        instrument_id=instrument.id,
        total=total,
        raw_total=raw,
        band=band_for(instrument, total),
        subscales=subscales,
        flags=tuple(rule.id for rule in fired),
        missing=missing,
        item_ids=instrument.item_ids,
        answers=tuple(answers),
        safety=any(rule.safety for rule in fired),
        prorated=bool(missing),
    )


def band_for(instrument: Instrument, total: float) -> str | None:
    """The band label for a reported total; out-of-range totals are refused."""
    check_total(instrument, total, "total")
    for band in instrument.bands:
        if band.contains(total):
            return band.label
    return None


def check_total(instrument: Instrument, total: float, what: str = "score") -> None:
    """Refuse a reported total outside the instrument's range (e.g. PHQ-9 28 or -1)."""
    if not instrument.min_total <= total <= instrument.max_total:
        raise InvalidInput(
            f"{instrument.short_name} {what} {plain_number(total)} is outside "
            f"{plain_number(instrument.min_total)}-{plain_number(instrument.max_total)}"
        )


def _check_answers(instrument: Instrument, answers: Sequence[int | None]) -> None:
    expected = len(instrument.items)
    if len(answers) != expected:
        raise InvalidInput(
            f"{instrument.short_name} needs {expected} answers, one per item; got {len(answers)}"
        )
    for number, (item, answer) in enumerate(zip(instrument.items, answers, strict=True), 1):
        if answer is None:
            continue
        # bool is an int subclass: True must not pass as the answer 1.
        if isinstance(answer, bool) or not isinstance(answer, int):
            raise InvalidInput(
                f"{instrument.short_name} item {number} ({item.id}): {answer!r} is not a number"
            )
        if answer not in item.values:
            raise InvalidInput(
                f"{instrument.short_name} item {number} ({item.id}): {answer} is not an allowed "
                f"answer; use {_describe_values(item.values)}"
            )


def _describe_values(values: tuple[int, ...]) -> str:
    ordered = sorted(values)
    if ordered == list(range(ordered[0], ordered[-1] + 1)):
        return f"{ordered[0]}-{ordered[-1]}"
    return ", ".join(str(v) for v in ordered)


def _check_missing(instrument: Instrument, missing: tuple[str, ...]) -> None:
    rule = instrument.scoring.missing
    if len(missing) <= rule.max_missing:
        return
    numbers = [str(instrument.item_ids.index(item_id) + 1) for item_id in missing]
    which = ", ".join(f"{n} ({item_id})" for n, item_id in zip(numbers, missing, strict=True))
    allowed = (
        "every item answered"
        if rule.max_missing == 0
        else (f"at most {rule.max_missing} item(s) skipped")
    )
    raise InvalidInput(
        f"{instrument.short_name}: item {which} unanswered; {instrument.short_name} needs {allowed}"
    )


def _combine(instrument: Instrument, item_ids: Sequence[str], scored: dict[str, int]) -> float:
    """Raw score over `item_ids`: sum (prorated when some are missing) or mean."""
    answered = [scored[i] for i in item_ids if i in scored]
    mean = sum(answered) / len(answered)
    if instrument.scoring.method == "mean":
        return mean
    if len(answered) == len(item_ids):
        return float(sum(answered))
    return float(_round_half_up(mean * len(item_ids)))


def _round_half_up(value: float) -> int:
    return math.floor(value + 0.5)


def _subscale_score(
    instrument: Instrument, subscale: Subscale, scored: dict[str, int]
) -> SubscaleScore:
    if not any(item_id in scored for item_id in subscale.items):
        return SubscaleScore(subscale.id, subscale.name, None, None)
    total = _combine(instrument, subscale.items, scored) * instrument.scoring.multiplier
    positive = None if subscale.positive_at is None else total >= subscale.positive_at
    return SubscaleScore(subscale.id, subscale.name, total, positive)


def _flag_fires(
    rule: FlagRule,
    total: float,
    answered: dict[str, int],
    subscales: tuple[SubscaleScore, ...],
) -> bool:
    if rule.when == "item_at_least":
        answer = answered.get(rule.target or "")
        return answer is not None and answer >= rule.value
    if rule.when == "any_item_at_most":
        return any(answer <= rule.value for answer in answered.values())
    if rule.when == "total_at_least":
        return total >= rule.value
    if rule.when == "total_at_most":
        return total <= rule.value
    subscale_total = next((s.total for s in subscales if s.id == rule.target), None)
    return subscale_total is not None and subscale_total >= rule.value
