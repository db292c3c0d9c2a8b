"""Checks across the fields of a schema-valid instrument, each reporting the path it is about.

Pydantic checks each field on its own; these catch what only the whole file shows: duplicate
ids, subscales and flags pointing at items that do not exist, items without response options,
a missing-item rule that would understate totals, bands that leave a possible total unbanded.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from alliance.instruments.schema import InstrumentModel, ItemModel, OptionModel

Loc = tuple[str | int, ...]


class SchemaProblem(Exception):
    def __init__(self, loc: Loc, message: str) -> None:
        super().__init__(message)
        self.loc = loc
        self.message = message


def options_for(model: InstrumentModel, item: ItemModel) -> tuple[list[OptionModel], bool]:
    """The item's own options or slider, else the instrument's; and whether it is a slider."""
    slider = item.slider or (None if item.options else model.slider)
    options = item.options or (None if item.slider else model.response_options)
    if options is not None:
        return list(options), False
    if slider is None:
        return [], False
    values = range(slider.min, slider.max + 1)
    labels = {slider.min: slider.min_label, slider.max: slider.max_label}
    return [OptionModel(value=v, label=labels.get(v, str(v))) for v in values], True


def check_instrument(model: InstrumentModel) -> None:
    """Raise SchemaProblem for the first cross-field problem found."""
    if not model.validated and not model.notes.strip():
        raise SchemaProblem(
            ("validated",), "an instrument that is not validated must say so in notes"
        )
    if model.response_options and model.slider:
        raise SchemaProblem(("slider",), "give response_options or slider, not both")
    _unique((item.id for item in model.items), ("items",), "id")
    _check_items(model)
    item_ids = {item.id for item in model.items}
    _unique((s.id for s in model.subscales), ("subscales",), "id")
    for i, subscale in enumerate(model.subscales):
        for j, item_id in enumerate(subscale.items):
            if item_id not in item_ids:
                raise SchemaProblem(("subscales", i, "items", j), f"no item '{item_id}'")
    _unique((c.id for c in model.cutoffs), ("cutoffs",), "id")
    _unique((f.id for f in model.flags), ("flags",), "id")
    _check_flags(model, item_ids)
    _check_missing(model)
    _check_bands(model)
    cutoff_ids = {c.id for c in model.cutoffs}
    if model.change and model.change.clinical_cutoff not in (None, *cutoff_ids):
        raise SchemaProblem(
            ("change", "clinical_cutoff"), f"no cut-off '{model.change.clinical_cutoff}'"
        )


def _unique(ids: Iterable[str], where: Loc, field: str) -> None:
    seen: set[str] = set()
    for i, value in enumerate(ids):
        if value in seen:
            raise SchemaProblem((*where, i, field), f"duplicate id '{value}'")
        seen.add(value)


def _check_items(model: InstrumentModel) -> None:
    for i, item in enumerate(model.items):
        if item.options and item.slider:
            raise SchemaProblem(("items", i, "slider"), "give options or slider, not both")
        options, _ = options_for(model, item)
        if not options:
            raise SchemaProblem(
                ("items", i), "no response options: give options or slider here or for the form"
            )
        values = [o.value for o in options]
        if len(set(values)) != len(values):
            raise SchemaProblem(("items", i, "options"), "response option values must differ")


def _check_flags(model: InstrumentModel, item_ids: set[str]) -> None:
    subscale_ids = {s.id for s in model.subscales}
    for i, flag in enumerate(model.flags):
        needs = {"item_at_least": item_ids, "subscale_at_least": subscale_ids}.get(flag.when)
        if needs is None and flag.target is not None:
            raise SchemaProblem(("flags", i, "target"), f"'{flag.when}' takes no target")
        if needs is not None and flag.target not in needs:
            kind = "item" if flag.when == "item_at_least" else "subscale"
            raise SchemaProblem(("flags", i, "target"), f"needs the id of a {kind}")


def _check_missing(model: InstrumentModel) -> None:
    missing = model.scoring.missing
    if missing.max_missing >= len(model.items):
        raise SchemaProblem(
            ("scoring", "missing", "max_missing"), "must be smaller than the number of items"
        )
    if missing.max_missing and model.scoring.method == "sum" and not missing.prorate:
        raise SchemaProblem(
            ("scoring", "missing", "prorate"),
            "skipped items need prorate: true (a plain sum of fewer items understates the score)",
        )


def _check_bands(model: InstrumentModel) -> None:
    for i, band in enumerate(model.bands):
        if band.max < band.min:
            raise SchemaProblem(("bands", i, "max"), "max is below min")
        if i and band.min <= model.bands[i - 1].max:
            raise SchemaProblem(("bands", i, "min"), "bands must ascend without overlapping")
    if not model.bands:
        return
    for total in sorted(_possible_totals(model)):
        if not any(b.min <= total <= b.max for b in model.bands):
            raise SchemaProblem(("bands",), f"the possible total {total:g} falls in no band")


def _possible_totals(model: InstrumentModel) -> set[float]:
    sums = {0}
    per_item: list[Sequence[int]] = []
    for item in model.items:
        values = [o.value for o in options_for(model, item)[0]]
        per_item.append(values)
        sums = {s + v for s in sums for v in values}
    if model.scoring.missing.prorate:
        # Prorated totals are rounded to whole numbers anywhere in the range.
        low, high = sum(min(v) for v in per_item), sum(max(v) for v in per_item)
        sums |= set(range(low, high + 1))
    divisor = len(model.items) if model.scoring.method == "mean" else 1
    return {s / divisor * model.scoring.multiplier for s in sums}
