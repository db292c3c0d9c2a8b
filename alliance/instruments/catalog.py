"""Load instruments from YAML: the shipped ones, plus a user's own in a vault's instruments/ folder.

    load_instrument("phq9")                      # shipped
    load_instrument("ors", user_dir=vault / "instruments")
    list_instruments(user_dir=...)               # shipped first, then the user's, by id

A user file is named `<id>.yaml` (or `.yml`) and may not reuse a shipped id: a shipped
instrument's wording and scoring cannot be silently replaced. A malformed file is refused with one
line naming the file, the line and the field, e.g.

    ors.yaml: line 14: items[2].options[0].value: Input should be a valid integer

Validation runs in two steps: the Pydantic schema (schema.py) for shapes and ranges, then checks
across fields here. Both report a path into the document, which `_line_of` maps to a line through
the YAML node tree (PyYAML's node marks). Shipped instruments are parsed once per process.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

import yaml
from pydantic import ValidationError

from alliance.domain.expected import RecoveryParams
from alliance.domain.instruments import (
    Band,
    Cutoff,
    FlagRule,
    Instrument,
    Item,
    MissingRule,
    Population,
    ReliableChangeNorms,
    ResponseOption,
    Scoring,
    Subscale,
)
from alliance.domain.schedule import Schedule
from alliance.errors import InvalidInput, NotFound
from alliance.instruments import schema
from alliance.instruments.checks import SchemaProblem, check_instrument, options_for

SHIPPED = ("phq9", "gad7", "phq2", "gad2", "phq4", "who5", "sf4", "er8")
_SUFFIXES = (".yaml", ".yml")


def normalise_id(instrument_id: str) -> str:
    """'PHQ-9', 'phq_9' and 'phq9' all name the same instrument."""
    return instrument_id.strip().lower().replace("-", "").replace("_", "")


def load_instrument(instrument_id: str, user_dir: Path | None = None) -> Instrument:
    """A shipped instrument, or a user's `<id>.yaml` from `user_dir`."""
    wanted = normalise_id(instrument_id)
    if wanted in SHIPPED:
        return _load_shipped(wanted)
    if user_dir is not None:
        for path in _user_files(user_dir):
            if normalise_id(path.stem) == wanted:
                return load_file(path)
    known = ", ".join(i.id for i in list_instruments(user_dir))
    raise NotFound(f"no instrument '{instrument_id}'; known instruments: {known}")


def list_instruments(user_dir: Path | None = None) -> list[Instrument]:
    """Every instrument: shipped ones in their usual order, then the user's, by id."""
    shipped = [_load_shipped(i) for i in SHIPPED]
    user = [load_file(path) for path in _user_files(user_dir)] if user_dir else []
    return shipped + sorted(user, key=lambda i: i.id)


def load_file(path: Path) -> Instrument:
    """Parse and validate one user YAML file (which may not reuse a shipped id)."""
    instrument = parse_instrument(
        path.read_text(encoding="utf-8"), name=str(path), origin=str(path)
    )
    if instrument.id in SHIPPED:
        raise InvalidInput(
            f"{path}: id '{instrument.id}' is a shipped instrument; give yours another id"
        )
    if normalise_id(path.stem) != normalise_id(instrument.id):
        raise InvalidInput(f"{path}: the file name must match its id '{instrument.id}'")
    return instrument


def parse_instrument(text: str, *, name: str, origin: str = "shipped") -> Instrument:
    """Validate YAML text into a domain Instrument; errors name `name`, the line and the field."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = f"line {mark.line + 1}: " if mark else ""
        raise InvalidInput(f"{name}: {line}not valid YAML: {exc.problem}") from None
    if not isinstance(data, dict):
        raise InvalidInput(f"{name}: line 1: expected a mapping of fields (id, name, items...)")
    try:
        model = schema.InstrumentModel.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise _located(name, root, tuple(first["loc"]), first["msg"]) from None
    try:
        check_instrument(model)
    except SchemaProblem as problem:
        raise _located(name, root, problem.loc, problem.message) from None
    return to_domain(model, origin)


def to_domain(model: schema.InstrumentModel, origin: str = "shipped") -> Instrument:
    """Convert a validated schema model into the domain's frozen dataclasses."""
    return Instrument(
        id=model.id,
        name=model.name,
        short_name=model.short_name,
        version=model.version,
        licence=model.licence,
        attribution=model.attribution,
        timeframe=model.timeframe,
        instructions=model.instructions,
        items=tuple(_item(model, item) for item in model.items),
        scoring=Scoring(
            method=model.scoring.method,
            multiplier=model.scoring.multiplier,
            missing=MissingRule(
                max_missing=model.scoring.missing.max_missing,
                prorate=model.scoring.missing.prorate,
                description=model.scoring.missing.rule,
            ),
        ),
        higher_is_better=model.higher_is_better,
        validated=model.validated,
        notes=model.notes,
        free_text=model.free_text,
        subscales=tuple(
            Subscale(s.id, s.name, tuple(s.items), s.positive_at) for s in model.subscales
        ),
        bands=tuple(Band(b.min, b.max, b.label) for b in model.bands),
        cutoffs=tuple(Cutoff(c.id, c.value, c.direction, c.label, c.source) for c in model.cutoffs),
        flags=tuple(
            FlagRule(f.id, f.label, f.when, f.value, f.target, f.safety) for f in model.flags
        ),
        change=_change(model.change),
        expected=_expected(model.expected),
        schedule=_schedule(model.schedule),
        loinc_panel=model.loinc.panel if model.loinc else None,
        loinc_total=model.loinc.total if model.loinc else None,
        origin=origin,
    )


@functools.cache
def _load_shipped(instrument_id: str) -> Instrument:
    resource = resources.files("alliance.instruments").joinpath(f"{instrument_id}.yaml")
    return parse_instrument(resource.read_text(encoding="utf-8"), name=f"{instrument_id}.yaml")


def _user_files(user_dir: Path | None) -> list[Path]:
    if user_dir is None or not user_dir.is_dir():
        return []
    return sorted(p for p in user_dir.iterdir() if p.suffix in _SUFFIXES and p.is_file())


def _item(model: schema.InstrumentModel, item: schema.ItemModel) -> Item:
    options, slider = options_for(model, item)
    return Item(
        id=item.id,
        text=item.text,
        options=tuple(ResponseOption(o.value, o.label) for o in options),
        reversed=item.reversed,
        loinc=item.loinc,
        slider=slider,
        suggestion=item.suggestion,
    )


def _population(model: schema.PopulationModel | None) -> Population | None:
    return None if model is None else Population(model.mean, model.sd, model.source)


def _change(model: schema.ChangeModel | None) -> ReliableChangeNorms | None:
    if model is None:
        return None
    return ReliableChangeNorms(
        rci=model.rci,
        sd=model.sd,
        reliability=model.reliability,
        reliability_kind=model.reliability_kind,
        source=model.source,
        clinical_cutoff=model.clinical_cutoff,
        functional=_population(model.functional),
        dysfunctional=_population(model.dysfunctional),
    )


def _expected(model: schema.ExpectedModel | None) -> RecoveryParams | None:
    if model is None:
        return None
    return RecoveryParams(model.asymptote, model.rate, model.spread, model.source, model.unit)


def _schedule(model: schema.ScheduleModel | None) -> Schedule | None:
    if model is None:
        return None
    return Schedule(model.every_sessions, model.every_days, model.label)


def _located(
    name: str, root: yaml.Node | None, loc: Sequence[object], message: str
) -> InvalidInput:
    line = _line_of(root, loc)
    field = _field_path(loc) or "(document)"
    return InvalidInput(f"{name}: line {line}: {field}: {message}")


def _field_path(loc: Sequence[object]) -> str:
    path = ""
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path


def _line_of(root: yaml.Node | None, loc: Sequence[object]) -> int:
    """The 1-based line of the deepest node the path reaches (its key, for a mapping entry)."""
    if root is None:
        return 1
    node: yaml.Node = root
    line = node.start_mark.line
    for part in loc:
        if isinstance(node, yaml.MappingNode) and isinstance(part, str):
            match = next(((k, v) for k, v in node.value if k.value == part), None)
            if match is None:
                break
            line, node = match[0].start_mark.line, match[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            if not 0 <= part < len(node.value):
                break
            node = node.value[part]
            line = node.start_mark.line
        else:
            break
    return line + 1
