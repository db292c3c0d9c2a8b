"""The Pydantic schema of an instrument YAML file (shipped or a user's own).

Only the shape and value ranges are checked here; checks across fields (item ids that
subscales and flags refer to, bands covering every possible total...) live in catalog.py, so that
each error can name the exact field and line. Unknown keys are refused (`extra="forbid"`) so a
typo cannot silently drop a rule.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

Id = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=40)]
Text = Annotated[str, Field(min_length=1)]
Loinc = Annotated[str, Field(pattern=r"^\d{1,7}-\d$")]
Positive = Annotated[float, Field(gt=0)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class OptionModel(_Strict):
    value: int
    label: Text


class SliderModel(_Strict):
    min: int
    max: int
    min_label: Text
    max_label: Text

    @model_validator(mode="after")
    def _ordered(self) -> SliderModel:
        if self.max <= self.min:
            raise ValueError("max must be greater than min")
        return self


class ItemModel(_Strict):
    id: Id
    text: Text
    reversed: bool = False
    loinc: Loinc | None = None
    options: list[OptionModel] | None = Field(default=None, min_length=2)
    slider: SliderModel | None = None
    suggestion: str = ""  # shown when the item is answered at its lowest (ER-8 "not yet")


class MissingModel(_Strict):
    max_missing: int = Field(default=0, ge=0)
    prorate: bool = False
    rule: Text  # the documented rule, in words, shown to people


class ScoringModel(_Strict):
    method: Literal["sum", "mean"] = "sum"
    multiplier: Positive = 1.0
    missing: MissingModel


class SubscaleModel(_Strict):
    id: Id
    name: Text
    items: list[Id] = Field(min_length=1)
    positive_at: float | None = None


class BandModel(_Strict):
    min: float
    max: float
    label: Text


class CutoffModel(_Strict):
    id: Id
    value: float
    direction: Literal["at_or_above", "at_or_below"]
    label: Text
    source: str = ""


class FlagModel(_Strict):
    id: Id
    label: Text
    when: Literal[
        "item_at_least", "any_item_at_most", "total_at_least", "total_at_most", "subscale_at_least"
    ]
    value: float
    target: Id | None = None
    safety: bool = False


class PopulationModel(_Strict):
    mean: float
    sd: Positive
    source: Text


class ChangeModel(_Strict):
    rci: Positive | None = None
    sd: Positive | None = None
    reliability: float | None = Field(default=None, ge=0, lt=1)
    reliability_kind: str = ""
    source: Text
    clinical_cutoff: Id | None = None
    functional: PopulationModel | None = None
    dysfunctional: PopulationModel | None = None

    @model_validator(mode="after")
    def _usable(self) -> ChangeModel:
        if self.rci is None and (self.sd is None or self.reliability is None):
            raise ValueError("give rci, or both sd and reliability")
        return self


class ExpectedModel(_Strict):
    asymptote: float
    rate: Positive
    spread: Positive
    unit: Literal["session"] = "session"
    source: Text


class ScheduleModel(_Strict):
    every_sessions: int | None = Field(default=None, ge=1)
    every_days: int | None = Field(default=None, ge=1)
    label: Text

    @model_validator(mode="after")
    def _some_interval(self) -> ScheduleModel:
        if self.every_sessions is None and self.every_days is None:
            raise ValueError("give every_sessions, every_days or both")
        return self


class LoincModel(_Strict):
    panel: Loinc | None = None
    total: Loinc | None = None


class InstrumentModel(_Strict):
    id: Id
    name: Text
    short_name: Text
    version: Text
    licence: Text
    attribution: Text
    validated: bool
    notes: str = ""
    timeframe: Text
    instructions: Text
    free_text: str = ""  # an optional open question shown after the items
    higher_is_better: bool
    loinc: LoincModel | None = None
    response_options: list[OptionModel] | None = Field(default=None, min_length=2)
    slider: SliderModel | None = None
    items: list[ItemModel] = Field(min_length=1)
    scoring: ScoringModel
    subscales: list[SubscaleModel] = []
    bands: list[BandModel] = []
    cutoffs: list[CutoffModel] = []
    flags: list[FlagModel] = []
    change: ChangeModel | None = None
    expected: ExpectedModel | None = None
    schedule: ScheduleModel | None = None
