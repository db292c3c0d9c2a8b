"""Measures use-cases: take a questionnaire, void a response, read the history, list, schedule.

A response is scored before anything is written, then stored in one transaction, item by item
(`answers_json`: item id -> answer). A voided response stays listed, marked, and is left out of
change, expected recovery and alerts. In a history the first response not voided is the intake;
each later one gets its reliable change against it and its expected-recovery band at time `t`.
`t` counts the sessions held after the intake up to the response (a linked response counts from
its session's start), the unit of the expected curves; where no session was recorded in that
span it is weeks since intake (`t_unit` says which). One vault is one person, not a caseload, so
the curves use the instrument's default parameters. Details: docs/measures.md.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from alliance.domain.change import ChangeAssessment, assess_change
from alliance.domain.expected import ExpectedModel, ExpectedPoint, Position, calibrate, position
from alliance.domain.instruments import Instrument, band_for, plain_number, score
from alliance.domain.schedule import DueStatus, due_status
from alliance.errors import InvalidInput, NotFound

if TYPE_CHECKING:
    from alliance.domain.sessions import SessionRecord
    from alliance.store.tables import MeasureResponse
    from alliance.store.vault import Vault

TimeUnit = Literal["sessions", "weeks"]
MAX_NOTE_BYTES = 100_000
MAX_REASON_BYTES = 10_000
# A clock a little ahead of the database's is not "the future".
_CLOCK_SLACK = timedelta(minutes=5)
_DAYS_PER_WEEK = 7.0
_JSON_NAMES = {"instrument_id": "instrument", "session_number": "session"}


@dataclass(frozen=True)
class StoredResponse:
    """One stored questionnaire. `answers`: item id -> answer (None: skipped), in item order."""

    id: str
    instrument_id: str
    instrument_version: str
    taken_at: datetime
    tz: str
    session_id: str | None
    session_number: int | None
    answers: dict[str, int | None]
    total: float | None
    band: str | None
    flags: tuple[str, ...]
    note: str
    voided_at: datetime | None
    void_reason: str | None

    @property
    def voided(self) -> bool:
        return self.voided_at is not None

    def as_dict(self) -> dict[str, object]:
        shown = {_JSON_NAMES.get(k, k): _json(v) for k, v in vars(self).items()}
        return {**shown, "voided": self.voided}


@dataclass(frozen=True)
class HistoryRow:
    """A response with, unless voided, its change against intake and its expected band."""

    response: StoredResponse
    is_intake: bool
    t: float | None = None  # time since intake, in the history's `t_unit`
    change: ChangeAssessment | None = None  # None: intake, voided, or no reliable-change norms
    expected: ExpectedPoint | None = None
    expected_band: str | None = None  # the severity band of the expected score
    position: Position | None = None  # None at t = 0, when voided, or with no expected curve

    @property
    def on_track(self) -> bool | None:
        return None if self.position is None else self.position != "worse"

    def as_dict(self) -> dict[str, object]:
        change, point = self.change, self.expected
        return {
            **self.response.as_dict(),
            "intake": self.is_intake,
            "t": _json(self.t),
            "change": None
            if change is None
            else {"points": _json(change.post - change.pre), **change.as_dict()},
            "expected": None
            if point is None
            else {
                **{k: _json(getattr(point, k)) for k in ("expected", "lower", "upper")},
                "band": self.expected_band,
            },
            "position": self.position,
            "on_track": self.on_track,
        }


@dataclass(frozen=True)
class InstrumentHistory:
    instrument_id: str
    instrument: Instrument | None  # None when a user's YAML has been removed since
    t_unit: TimeUnit
    model: ExpectedModel | None
    rows: tuple[HistoryRow, ...]

    @property
    def active(self) -> list[HistoryRow]:
        return [row for row in self.rows if not row.response.voided]

    def as_dict(self) -> dict[str, object]:
        found, model = self.instrument, self.model
        return {
            **(instrument_as_dict(found) if found else {"instrument": self.instrument_id}),
            "t_unit": self.t_unit,
            "expected_basis": model.basis if model else None,
            "expected_source": model.params.source if model else None,
            "responses": [row.as_dict() for row in self.rows],
        }


@dataclass(frozen=True)
class DueMeasure:
    instrument: Instrument
    last_taken: datetime | None
    status: DueStatus

    def as_dict(self) -> dict[str, object]:
        schedule = self.instrument.schedule
        status = {k: v for k, v in vars(self.status).items() if k != "missed_occasions"}
        return {
            "instrument": self.instrument.id,
            "name": self.instrument.short_name,
            "schedule": schedule.label if schedule else None,
            "last_taken": _json(self.last_taken),
            **status,
        }


def instrument_as_dict(instrument: Instrument) -> dict[str, object]:
    """What `alliance instruments --json` prints for one instrument (docs/measures.md)."""
    schedule = instrument.schedule
    return {
        "instrument": instrument.id,
        "name": instrument.short_name,
        "full_name": instrument.name,
        "version": instrument.version,
        "items": len(instrument.items),
        "range": [_json(instrument.min_total), _json(instrument.max_total)],
        "bands": [
            {"min": _json(b.min), "max": _json(b.max), "label": b.label} for b in instrument.bands
        ],
        "higher_is_better": instrument.higher_is_better,
        "validated": instrument.validated,
        "schedule": schedule.label if schedule else None,
        "origin": instrument.origin,
    }


def take_measure(
    vault: Vault,
    instrument_id: str,
    answers: Sequence[int | None],
    *,
    session_ref: str | None = None,
    taken_at: datetime | None = None,
    note: str = "",
) -> StoredResponse:
    """Score and store one completed questionnaire. Invalid answers store nothing."""
    from alliance.store.tables import MeasureResponse

    instrument = load_instrument(vault, instrument_id)
    result = score(instrument, answers)
    moment = _taken_moment(taken_at)
    moment_zone = taken_at.tzinfo if taken_at else None
    note = _bounded(note, MAX_NOTE_BYTES, "A note")
    link = find_session_link(vault, session_ref) if session_ref is not None else None
    with vault.transaction() as db:
        row = MeasureResponse(
            id=str(uuid.uuid4()),
            instrument_id=instrument.id,
            instrument_version=instrument.version,
            taken_at=moment,
            tz=str(getattr(moment_zone, "key", "UTC")),
            session_id=link.id if link else None,
            answers_json=json.dumps(dict(zip(result.item_ids, result.answers, strict=True))),
            total=result.total,
            band=result.band,
            flags_json=json.dumps(list(result.flags)),
            note=note,
        )
        db.add(row)
        db.flush()
        return _stored(row, {link.id: link.number} if link else {})


def void_response(vault: Vault, response_id_prefix: str, reason: str) -> StoredResponse:
    """Mark a response as void: it stays listed but leaves change, expected and alerts."""
    from alliance.store.measures_repo import find_response, sessions_by_id

    reason = _bounded(reason, MAX_REASON_BYTES, "A reason")
    if not reason:
        raise InvalidInput("Give a reason for voiding the response (--reason).")
    with vault.transaction() as db:
        row = find_response(db, response_id_prefix)
        if row.voided_at is not None:
            when = row.voided_at.astimezone(UTC).date().isoformat()
            raise InvalidInput(f"Response {row.id[:8]} was already voided on {when}.")
        row.voided_at = datetime.now(UTC)
        row.void_reason = reason
        db.flush()
        linked = sessions_by_id(db, [row.session_id] if row.session_id else [])
        return _stored(row, {sid: session.number for sid, session in linked.items()})


def history(
    vault: Vault, instrument_id: str | None = None, *, now: datetime | None = None
) -> list[InstrumentHistory]:
    """Each instrument's responses with change against intake and the expected band."""
    from alliance.store.measures_repo import held_session_times, responses, sessions_by_id

    wanted = load_instrument(vault, instrument_id).id if instrument_id else None
    moment = now or datetime.now(UTC)
    with vault.transaction() as db:
        rows = responses(db, wanted)
        linked = sessions_by_id(db, [r.session_id for r in rows if r.session_id])
        held = held_session_times(db, moment)
    numbers = {sid: session.number for sid, session in linked.items()}
    stored = [_stored(row, numbers) for row in rows]
    starts = {sid: session.starts_at for sid, session in linked.items()}
    ids = [wanted] if wanted else sorted({r.instrument_id for r in stored}, key=_shipped_first)
    return [
        _instrument_history(vault, iid, [r for r in stored if r.instrument_id == iid], held, starts)
        for iid in ids
    ]


def list_instruments(vault: Vault) -> list[Instrument]:
    """The shipped instruments, then the person's own from the vault's instruments folder."""
    from alliance.instruments.catalog import list_instruments as catalog_list

    return catalog_list(user_dir=_user_dir(vault))


def load_instrument(vault: Vault, instrument_id: str) -> Instrument:
    from alliance.instruments.catalog import load_instrument as catalog_load

    return catalog_load(instrument_id, user_dir=_user_dir(vault))


def due_measures(vault: Vault, *, now: datetime | None = None) -> list[DueMeasure]:
    """Where each scheduled instrument stands. Never-taken ones are due, never missed."""
    from alliance.store.measures_repo import held_session_times, responses

    moment = now or datetime.now(UTC)
    today = moment.astimezone(UTC).date()
    with vault.transaction() as db:
        rows = [r for r in responses(db) if r.voided_at is None]
        held = held_session_times(db, moment)
    due: list[DueMeasure] = []
    for instrument in list_instruments(vault):
        if instrument.schedule is None:
            continue
        own = [r for r in rows if r.instrument_id == instrument.id]
        last = own[-1].taken_at if own else None
        sessions_since = _sessions_without(own, held, last) if last else None
        status = due_status(
            instrument.schedule,
            today=max(today, last.date()) if last else today,
            last_taken=last.date() if last else None,
            sessions_since=sessions_since,
        )
        due.append(DueMeasure(instrument, last, status))
    return due


def find_session_link(vault: Vault, ref: str) -> SessionRecord:
    """A therapy session by number, `last`, or id prefix (the sessions service's resolver)."""
    from alliance.services.sessions import get_session

    return get_session(vault, ref)[0]


def _instrument_history(
    vault: Vault,
    instrument_id: str,
    stored: list[StoredResponse],
    held: list[tuple[str, datetime]],
    starts: dict[str, datetime],
) -> InstrumentHistory:
    try:
        instrument: Instrument | None = load_instrument(vault, instrument_id)
    except NotFound:  # a user's YAML removed since: list the responses, compare nothing
        instrument = None
    active = [r for r in stored if not r.voided and r.total is not None]
    intake = active[0] if active else None
    if instrument is None or intake is None or intake.total is None:
        rows = tuple(HistoryRow(r, r is intake, None, None, None, None, None) for r in stored)
        return InstrumentHistory(instrument_id, instrument, "sessions", None, rows)

    def anchor(response: StoredResponse) -> datetime:
        linked = starts.get(response.session_id or "")
        return linked if linked is not None else response.taken_at

    def sessions_since_intake(response: StoredResponse) -> int:
        return sum(1 for _, start in held if anchor(intake) < start <= anchor(response))

    unit: TimeUnit = "sessions" if sessions_since_intake(active[-1]) > 0 else "weeks"
    model = calibrate(
        [],
        intake=intake.total,
        default=instrument.expected,
        score_min=instrument.min_total,
        score_max=instrument.max_total,
    )
    rows_out: list[HistoryRow] = []
    for response in stored:
        if response.voided or response.total is None:
            rows_out.append(HistoryRow(response, False, None, None, None, None, None))
            continue
        if unit == "sessions":
            t = float(sessions_since_intake(response))
        else:
            t = max(0.0, (response.taken_at - intake.taken_at).days / _DAYS_PER_WEEK)
        is_intake = response is intake
        change = None
        if not is_intake and instrument.change is not None:
            change = assess_change(instrument, intake.total, response.total)
        point = model.at(t) if model else None
        expected_band = band_for(instrument, round(point.expected)) if point else None
        where = None
        if model is not None and t > 0:  # at t = 0 the band is closed: too soon to compare
            where = position(model, t, response.total, higher_is_better=instrument.higher_is_better)
        rows_out.append(HistoryRow(response, is_intake, t, change, point, expected_band, where))
    return InstrumentHistory(instrument_id, instrument, unit, model, tuple(rows_out))


def _sessions_without(
    own: list[MeasureResponse], held: list[tuple[str, datetime]], last: datetime
) -> int:
    """Sessions held after the last response that no response of this instrument is linked to."""
    covered = {r.session_id for r in own if r.session_id}
    return sum(1 for sid, start in held if start > last and sid not in covered)


def _stored(row: MeasureResponse, numbers: dict[str, int]) -> StoredResponse:
    same = ("id", "instrument_id", "instrument_version", "tz", "session_id", "total", "band")
    return StoredResponse(
        **{name: getattr(row, name) for name in same},
        taken_at=row.taken_at.astimezone(UTC),
        session_number=numbers.get(row.session_id or ""),
        answers={str(k): v for k, v in json.loads(row.answers_json).items()},
        flags=tuple(json.loads(row.flags_json)),
        note=row.note,
        voided_at=row.voided_at.astimezone(UTC) if row.voided_at else None,
        void_reason=row.void_reason,
    )


def _taken_moment(taken_at: datetime | None) -> datetime:
    now = datetime.now(UTC)
    if taken_at is None:
        return now
    if taken_at.tzinfo is None:
        raise InvalidInput("Give the time the measure was taken with its time zone.")
    if taken_at - now > _CLOCK_SLACK:
        raise InvalidInput("A measure cannot be taken in the future.")
    return taken_at.astimezone(UTC)


def _bounded(text: str, limit: int, what: str) -> str:
    if len(text.encode("utf-8", errors="surrogatepass")) > limit:
        raise InvalidInput(f"{what} is at most {limit:,} bytes.")
    return text.strip()


def _shipped_first(instrument_id: str) -> tuple[int, str]:
    from alliance.instruments.catalog import SHIPPED

    rank = SHIPPED.index(instrument_id) if instrument_id in SHIPPED else len(SHIPPED)
    return (rank, instrument_id)


def _json(value: object) -> object:
    """Times as ISO-8601 UTC with a `Z` (`2026-11-26T21:00:00Z`), numbers as plain numbers."""
    if isinstance(value, datetime):
        return value.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    if isinstance(value, float):
        return plain_number(round(value, 2))
    if isinstance(value, tuple | dict):
        return list(value) if isinstance(value, tuple) else dict(value)
    return value


def _user_dir(vault: Vault) -> Path | None:
    from alliance.store.paths import INSTRUMENTS_DIR

    folder = vault.home / INSTRUMENTS_DIR
    return folder if folder.is_dir() else None
