"""The measures history in the terminal: a table, and a small chart of scores against bands.

The chart is readable without colour:

    PHQ-9 scores against its bands (lower is better)
    27 │                │ severe (20-27)
    ...
    19 │··············o │ moderately severe (15-19)
    18 │···········o··· │
    ...
    14 │     :  :  :  : │ moderate (10-14)
    13 │     o  :  :  : │
    12 │  o  :  :  :  : │
    ...
       └────────────────┘
          1  2  3  4  5
    o score   : expected range   bands alternate blank and dotted

One row per score level (several levels per row when the range is long, e.g. WHO-5 0-100), one
column per response. `o` is a score; `:` marks the expected-recovery range at that response
(when there is one); the band regions alternate between a blank and a dotted background, and
each band is named on its top row. Colour, when the terminal has it, only repeats that.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from alliance.services.measures import HistoryRow, InstrumentHistory

MAX_ROWS = 28
MAX_COLUMNS = 24
CELL = 3
SCORE_MARK = "o"
EXPECTED_MARK = ":"
_FILLS = (" ", "·")
_BAND_STYLES = ("", "dim")


@dataclass(frozen=True)
class ChartBand:
    low: float
    high: float
    label: str


@dataclass(frozen=True)
class ChartPoint:
    """One response: its number in the history table, its score and its expected range."""

    number: int
    score: float
    expected: tuple[float, float] | None = None


def score_chart(
    title: str,
    *,
    low: float,
    high: float,
    bands: Sequence[ChartBand],
    points: Sequence[ChartPoint],
) -> Text:
    """The chart as Rich `Text`; `.plain` is the same chart without any styling."""
    from rich.text import Text

    shown = list(points)[-MAX_COLUMNS:]
    step = max(1, math.ceil((high - low + 1) / MAX_ROWS))
    rows = int((high - low) // step) + 1
    label_width = len(_number(low + (rows - 1) * step))
    labelled: set[str] = set()
    chart = Text(title + "\n")
    if len(shown) < len(points):
        chart.append(f"(the last {len(shown)} of {len(points)} responses)\n")
    for row in range(rows - 1, -1, -1):
        row_low = low + row * step
        band_index, band = _band_at(bands, row_low)
        fill = _FILLS[band_index % 2] if band else " "
        style = _BAND_STYLES[band_index % 2] if band else ""
        chart.append(f"{_number(row_low):>{label_width}} │")
        for point in shown:
            cell = _cell(point, row_low, step, fill)
            chart.append(cell, style="bold" if SCORE_MARK in cell else style)
        chart.append(" │")
        if band is not None and band.label not in labelled:
            labelled.add(band.label)
            chart.append(f" {band.label} ({_number(band.low)}-{_number(band.high)})", style=style)
        chart.append("\n")
    pad = " " * label_width
    chart.append(f"{pad} └{'─' * (CELL * len(shown) + 1)}┘\n")
    chart.append(f"{pad}  {''.join(f'{p.number:>{CELL}}' for p in shown)}\n")
    legend = f"{SCORE_MARK} score"
    if any(p.expected is not None for p in shown):
        legend += f"   {EXPECTED_MARK} expected range"
    if bands:
        legend += "   bands alternate blank and dotted"
    chart.append(legend + "\n", style="dim")
    return chart


def score_row(score: float, low: float, high: float) -> int:
    """The chart row (0 = the lowest) that a score is drawn on."""
    step = max(1, math.ceil((high - low + 1) / MAX_ROWS))
    return int((score - low) // step)


def _cell(point: ChartPoint, row_low: float, step: int, fill: str) -> str:
    """A row holds the scores in [row_low, row_low + step)."""
    row_top = row_low + step
    if row_low <= point.score < row_top:
        mark = SCORE_MARK
    elif point.expected is not None and _overlaps(point.expected, row_low, row_top):
        mark = EXPECTED_MARK
    else:
        mark = fill
    return fill * (CELL - 1) + mark


def _overlaps(expected: tuple[float, float], row_low: float, row_top: float) -> bool:
    lower, upper = expected
    return lower < row_top and upper >= row_low


def _band_at(bands: Sequence[ChartBand], value: float) -> tuple[int, ChartBand | None]:
    for index, band in enumerate(bands):
        if band.low <= value <= band.high:
            return index, band
    return 0, None


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def show_histories(console: Console, records: Sequence[InstrumentHistory]) -> None:
    """Each instrument: the history table, the chart, and where the expected range comes from."""
    if not records:
        console.print("No measures yet: fill one in with `alliance measure phq9`.")
    for record in records:
        name = record.instrument.short_name if record.instrument else record.instrument_id
        console.print(
            f"\n[bold]{name}[/bold]: Change and RC (reliable change index; yes = reliable) "
            "are against the first (intake) response."
        )
        if not record.rows:
            console.print(f"No {name} responses yet.", markup=False)
            continue
        console.print(history_table(record))
        chart = history_chart(record)
        if chart is not None:
            console.print(chart)
        if record.model is not None:
            unit = "sessions" if record.t_unit == "sessions" else "weeks (no sessions recorded)"
            console.print(
                f"Expected range: {record.model.basis} curve, by {unit} since intake. "
                f"{record.model.params.source}",
                markup=False,
                style="dim",
            )
        if record.instrument is not None and not record.instrument.validated:
            console.print(f"{name} is an Alliance scale, not a validated measure.", style="dim")


def history_chart(record: InstrumentHistory) -> Text | None:
    """The chart of one instrument's responses that count (voided ones are left out)."""
    instrument = record.instrument
    if instrument is None:
        return None
    numbers = {row.response.id: n for n, row in enumerate(record.rows, 1)}
    points = [
        ChartPoint(
            numbers[row.response.id],
            row.response.total,
            (row.expected.lower, row.expected.upper) if row.expected and row.t else None,
        )
        for row in record.active
        if row.response.total is not None
    ]
    if not points:
        return None
    direction = "higher" if instrument.higher_is_better else "lower"
    return score_chart(
        f"{instrument.short_name} scores against its bands ({direction} is better)",
        low=instrument.min_total,
        high=instrument.max_total,
        bands=[ChartBand(b.min, b.max, b.label) for b in instrument.bands],
        points=points,
    )


def history_table(record: InstrumentHistory) -> Table:
    """One row per response: date, score, band, change against the first, expected, track."""
    from rich import box
    from rich.table import Table

    from alliance.domain.instruments import plain_number

    # Single-space gaps and a wrapping band column keep the table within 80 columns.
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, padding=(0, 0))
    for header in ("#", "Date", "Score", "Band", "Change", "RC", "Category", "Expected", "Track"):
        wide = {"Date": 10, "Category": 12, "Track": 9}.get(header)
        table.add_column(header, min_width=wide, max_width=10 if header == "Band" else None)
    for number, row in enumerate(record.rows, 1):
        response = row.response
        total = "" if response.total is None else str(plain_number(response.total))
        cells = [str(number), response.taken_at.date().isoformat(), total, response.band or ""]
        if response.voided:
            table.add_row(*cells, "void", "", response.void_reason or "", "", "", style="dim")
            continue
        change = row.change
        if change is None:
            cells += ["intake" if row.is_intake else "", "", ""]
        else:
            rc = change.reliable_change
            reliable = "yes" if rc.reliable else "no"
            cells += [f"{plain_number(rc.change):+}", f"{rc.rc:.2f} {reliable}", change.category]
        cells.append(_expected_cell(row))
        cells.append(_TRACK.get(row.position or "", ""))
        table.add_row(*cells)
    return table


_TRACK = {"worse": "off track", "within": "on track", "better": "ahead"}


def _expected_cell(row: HistoryRow) -> str:
    point = row.expected
    if point is None or not row.t:
        return ""
    return f"{point.lower:.0f}-{point.upper:.0f}"
