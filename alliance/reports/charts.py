"""Charts drawn on the server as SVG, for the web app and the PDF reports alike.

A `Chart` is an accessible SVG (`role="img"`, named by its `<title>` and `<desc>`) with the
same numbers as a small table, so a screen reader or a printed report never depends on the
picture. No meaning rests on colour alone: bands are named, markers differ by shape, lines by
dash pattern and a legend. Colours are presentation attributes, never `style`, so charts draw
under the web app's CSP and in WeasyPrint. All text is escaped here: the result is `Markup`.
`series_from_history` turns a measures history into the `ScoreSeries` of `measure_chart`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from markupsafe import Markup, escape

from alliance.reports import svg as draw

if TYPE_CHECKING:
    from alliance.services.measures import InstrumentHistory

WIDTH = 640
HEIGHT = 300
_LEFT, _RIGHT, _TOP, _BOTTOM = 44, 170, 16, 58
_NARROW_RIGHT = 24  # charts without band names beside them
_INK = draw.INK
_MUTED = "#52606d"
_LINE = "#1f4e79"
_BAND_FILLS = ("#eef2f6", "#ffffff")
_EXPECTED_FILL = "#c9e3f2"
_EXPECTED_LINE = "#2c6e91"
_IMPROVED, _WORSE = "#1d6b3a", "#9b1c1c"
_SERIES_DASHES = ("", "6 3", "2 3", "8 3 2 3", "12 4", "1 2")
_SERIES_COLOURS = ("#1f4e79", "#8a4b08", "#2f6b2f", "#6b2f6b", "#7a1f1f", "#3d3d3d")
_MAX_X_LABELS = 10

Reliable = Literal["improvement", "deterioration"]


@dataclass(frozen=True)
class Chart:
    """An SVG chart with the numbers behind it, as columns and rows of plain text."""

    title: str
    description: str
    svg: Markup
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]

    def table_html(self) -> Markup:
        """The numbers as a table: a header row, then one row per point, its first cell a
        row header."""
        head = "".join(f'<th scope="col">{escape(c)}</th>' for c in self.columns)
        body = "".join(
            f'<tr><th scope="row">{escape(r[0])}</th>{_cells(r[1:])}</tr>' for r in self.rows
        )
        caption = f"<caption>{escape(self.title)}: the numbers</caption>"
        return Markup(
            f"<table>{caption}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
        )

    def html(self) -> Markup:
        """A figure: the chart, its caption, and the table folded under "The numbers"."""
        return Markup(
            '<figure class="chart">'
            f"{self.svg}"
            f"<figcaption>{escape(self.title)}. {escape(self.description)}</figcaption>"
            f"<details><summary>The numbers behind this chart</summary>{self.table_html()}"
            "</details></figure>"
        )


@dataclass(frozen=True)
class BandSpec:
    low: float
    high: float
    label: str


@dataclass(frozen=True)
class ScorePoint:
    """One response. `expected` is (lower, expected, upper) of the expected-recovery band."""

    label: str  # short, for the x axis ("3 Mar")
    score: float
    expected: tuple[float, float, float] | None = None
    reliable: Reliable | None = None
    intake: bool = False
    long_label: str = ""  # for the table ("3 Mar 2026, session 4"); the label if empty


@dataclass(frozen=True)
class ScoreSeries:
    title: str
    low: float
    high: float
    higher_is_better: bool
    bands: tuple[BandSpec, ...]
    points: tuple[ScorePoint, ...]


def measure_chart(series: ScoreSeries, chart_id: str) -> Chart:
    """Scores over time against the bands, the expected-recovery band, reliable-change markers."""
    right = _RIGHT if series.bands else _NARROW_RIGHT
    plot = _Plot(len(series.points), series.low, series.high, right=right)
    parts: list[str] = []
    for index, band in enumerate(series.bands):
        parts.append(_band(plot, band, _BAND_FILLS[index % 2]))
    parts.append(_axes(plot, series.low, series.high))
    parts.append(_expected_band(plot, series.points))
    parts.append(_score_line(plot, series.points))
    parts.append(_x_labels(plot, [p.label for p in series.points]))
    parts.append(_measure_legend(series.points))
    better = "higher" if series.higher_is_better else "lower"
    description = (
        f"{len(series.points)} score(s) from {_num(series.low)} to {_num(series.high)}; "
        f"{better} is better."
        + (f" Latest {_num(series.points[-1].score)}." if series.points else "")
        + (" The shaded band is the expected range of recovery." if _expected(series) else "")
    )
    columns = ("When", "Score", "Band", "Expected range", "Reliable change")
    rows = tuple(_score_row(series.bands, point) for point in series.points)
    svg = _svg(chart_id, series.title, description, "".join(parts))
    return Chart(series.title, description, svg, columns, rows)


def _score_row(bands: Sequence[BandSpec], point: ScorePoint) -> tuple[str, ...]:
    expected = point.expected
    return (
        (point.long_label or point.label) + (" (intake)" if point.intake else ""),
        _num(point.score),
        next((b.label for b in bands if b.low <= point.score <= b.high), ""),
        "" if expected is None else f"{_num(expected[0])}–{_num(expected[2])}",
        point.reliable or "",
    )


def line_chart(
    title: str,
    x_labels: Sequence[str],
    series: Sequence[tuple[str, Sequence[float]]],
    chart_id: str,
    *,
    description: str = "",
) -> Chart:
    """One line per named series over the same x labels (weeks). Lines differ by dash pattern
    and marker shape, and a legend below names each one with its own pattern."""
    top = max((v for _, values in series for v in values), default=0.0)
    high = max(1.0, draw.nice_ceiling(top))
    plot = _Plot(len(x_labels), 0.0, high, right=_NARROW_RIGHT)
    parts = [_axes(plot, 0.0, high), _x_labels(plot, x_labels)]
    legend: list[tuple[str, str]] = []
    for index, (name, values) in enumerate(series):
        colour = _SERIES_COLOURS[index % len(_SERIES_COLOURS)]
        dash = _SERIES_DASHES[index % len(_SERIES_DASHES)]
        points = [(plot.x(i), plot.y(v)) for i, v in enumerate(values)]
        parts.append(draw.polyline(points, colour, dash))
        parts.extend(draw.marker(index, x, y, colour) for x, y in points)
        sample = draw.polyline([(_LEFT, HEIGHT - 16), (_LEFT + 22, HEIGHT - 16)], colour, dash)
        legend.append((sample + draw.marker(index, _LEFT + 11, HEIGHT - 16, colour), name))
    parts.append(_legend(legend))
    names = ", ".join(name for name, _ in series) or "nothing yet"
    description = description or f"Per week, over {len(x_labels)} week(s): {names}."
    columns = ("Week", *(name for name, _ in series))
    rows = tuple(
        (label, *(_num(values[i]) for _, values in series)) for i, label in enumerate(x_labels)
    )
    svg = _svg(chart_id, title, description, "".join(parts))
    return Chart(title, description, svg, columns, rows)


def bar_chart(
    title: str, x_labels: Sequence[str], values: Sequence[float], chart_id: str, *, y_label: str
) -> Chart:
    """One bar per x label (a week), its value written above it."""
    high = max(1.0, draw.nice_ceiling(max(values, default=0.0)))
    plot = _Plot(len(x_labels), 0.0, high, right=_NARROW_RIGHT)
    width = max(4.0, min(36.0, plot.step * 0.6))
    parts = [_axes(plot, 0.0, high), _x_labels(plot, x_labels)]
    for index, value in enumerate(values):
        x, y = plot.x(index), plot.y(value)
        parts.append(
            f'<rect x="{x - width / 2:.1f}" y="{y:.1f}" width="{width:.1f}" '
            f'height="{plot.bottom - y:.1f}" fill="{_LINE}"/>'
        )
        if value:
            parts.append(draw.text(x, y - 4, _num(value), anchor="middle", size=11))
    span = f", {x_labels[0]} to {x_labels[-1]}" if x_labels else ""
    description = f"One bar per week, {len(x_labels)} week(s){span}: {_num(sum(values))} in all."
    rows = tuple((label, _num(v)) for label, v in zip(x_labels, values, strict=True))
    svg = _svg(chart_id, title, description, "".join(parts))
    return Chart(title, description, svg, ("Week", y_label.capitalize()), rows)


def series_from_history(history: InstrumentHistory) -> ScoreSeries:
    """A measure's history (voided responses left out) as a chart series."""
    instrument = history.instrument
    if instrument is None:
        raise ValueError(f"{history.instrument_id} is no longer installed; nothing to chart")
    points: list[ScorePoint] = []
    for row in history.active:
        response = row.response
        if response.total is None:
            continue
        taken = response.taken_at
        expected = None
        if row.expected is not None and row.t:
            expected = (row.expected.lower, row.expected.expected, row.expected.upper)
        reliable: Reliable | None = None
        if row.change is not None and row.change.reliable_change.reliable:
            found = row.change.reliable_change.direction
            reliable = None if found == "none" else found
        points.append(
            ScorePoint(
                label=f"{taken.day} {taken:%b}",
                long_label=f"{taken.day} {taken:%b %Y}"
                + (f", session {response.session_number}" if response.session_number else ""),
                score=response.total,
                expected=expected,
                reliable=reliable,
                intake=row.is_intake,
            )
        )
    return ScoreSeries(
        title=f"{instrument.short_name} scores",
        low=instrument.min_total,
        high=instrument.max_total,
        higher_is_better=instrument.higher_is_better,
        bands=tuple(BandSpec(b.min, b.max, b.label) for b in instrument.bands),
        points=tuple(points),
    )


def chart_id_for(*words: str) -> str:
    """A safe, unique-enough id for a chart's title and description elements."""
    return "chart-" + re.sub(r"[^a-z0-9]+", "-", "-".join(words).lower()).strip("-")


class _Plot:
    """Where things go: x by index (evenly spaced), y linear from low (bottom) to high."""

    def __init__(self, count: int, low: float, high: float, *, right: int = _RIGHT) -> None:
        self.left, self.right = _LEFT, WIDTH - right
        self.top, self.bottom = _TOP, HEIGHT - _BOTTOM
        self.count, self.low, self.high = count, low, high if high > low else low + 1
        self.step = (self.right - self.left) / max(count, 1)

    def x(self, index: int) -> float:
        return self.left + self.step * (index + 0.5)

    def y(self, value: float) -> float:
        clamped = min(self.high, max(self.low, value))
        share = (clamped - self.low) / (self.high - self.low)
        return self.bottom - share * (self.bottom - self.top)


def _svg(chart_id: str, title: str, description: str, body: str) -> Markup:
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" role="img" class="chart-svg" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" font-family="sans-serif">'
        f'<title id="{chart_id}-title">{escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>'
        f'<rect x="0" y="0" width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>{body}</svg>'
    )


def _band(plot: _Plot, band: BandSpec, fill: str) -> str:
    # Bands are inclusive whole-number ranges (5-9, 10-14): their edges sit half a point out.
    low = max(plot.low, band.low - 0.5)
    high = min(plot.high, band.high + 0.5)
    top, bottom = plot.y(high), plot.y(low)
    label = f"{band.label} ({_num(band.low)}–{_num(band.high)})"
    return (
        f'<rect x="{plot.left}" y="{top:.1f}" width="{plot.right - plot.left}" '
        f'height="{bottom - top:.1f}" fill="{fill}" stroke="#c3ccd5" stroke-width="0.5"/>'
        + draw.text(plot.right + 8, (top + bottom) / 2 + 4, label, size=11, fill=_MUTED)
    )


def _axes(plot: _Plot, low: float, high: float) -> str:
    axes = f"M{plot.left},{plot.top} V{plot.bottom} H{plot.right}"
    lines = [draw.shape(axes, f'fill="none" stroke="{_MUTED}"')]
    for tick in draw.ticks(low, high):
        y = plot.y(tick)
        lines.append(draw.shape(f"M{plot.left - 4},{y:.1f} h4", f'stroke="{_MUTED}"'))
        lines.append(draw.text(plot.left - 7, y + 4, _num(tick), anchor="end", size=11))
    return "".join(lines)


def _expected_band(plot: _Plot, points: Sequence[ScorePoint]) -> str:
    with_band = [(i, p.expected) for i, p in enumerate(points) if p.expected is not None]
    if not with_band:
        return ""
    # The band opens from the intake score (t = 0), where it has no width yet.
    start = [(i, (p.score, p.score, p.score)) for i, p in enumerate(points) if p.intake][:1]
    ordered = [*start, *with_band]
    upper = [f"{plot.x(i):.1f},{plot.y(e[2]):.1f}" for i, e in ordered]
    lower = [f"{plot.x(i):.1f},{plot.y(e[0]):.1f}" for i, e in reversed(ordered)]
    centre = [(plot.x(i), plot.y(e[1])) for i, e in ordered]
    return (
        f'<polygon points="{" ".join(upper + lower)}" fill="{_EXPECTED_FILL}" '
        f'fill-opacity="0.6" stroke="{_EXPECTED_LINE}" stroke-width="0.75"/>'
        + draw.polyline(centre, _EXPECTED_LINE, "4 3", width=1.25)
    )


def _score_line(plot: _Plot, points: Sequence[ScorePoint]) -> str:
    coords = [(plot.x(i), plot.y(p.score)) for i, p in enumerate(points)]
    parts = [draw.polyline(coords, _LINE, "", width=2.25)]
    for (x, y), point in zip(coords, points, strict=True):
        if point.intake:
            parts.append(
                f'<rect x="{x - 5:.1f}" y="{y - 5:.1f}" width="10" height="10" fill="{_LINE}"/>'
            )
        else:
            parts.append(draw.dot(x, y, 4.5, _LINE))
        if point.reliable == "improvement":
            parts.append(draw.diamond(x, y, 10, _IMPROVED))
        elif point.reliable == "deterioration":
            parts.append(draw.cross(x, y, 9, _WORSE))
    return "".join(parts)


def _measure_legend(points: Sequence[ScorePoint]) -> str:
    y = HEIGHT - 16
    box = f'<rect x="{_LEFT}" y="{y - 5}" width="14" height="10" '
    items = [(box + f'fill="{_LINE}"/>', "intake"), (draw.dot(_LEFT + 7, y, 4.5, _LINE), "score")]
    if any(p.expected for p in points):
        items.append(
            (box + f'fill="{_EXPECTED_FILL}" stroke="{_EXPECTED_LINE}"/>', "expected range")
        )
    if any(p.reliable == "improvement" for p in points):
        items.append((draw.diamond(_LEFT + 7, y, 8, _IMPROVED), "reliable improvement"))
    if any(p.reliable == "deterioration" for p in points):
        items.append((draw.cross(_LEFT + 7, y, 7, _WORSE), "reliable deterioration"))
    return _legend(items)


def _legend(items: Sequence[tuple[str, str]]) -> str:
    """Shapes (drawn at the left edge) and their names, in a row along the bottom."""
    y = HEIGHT - 12
    parts: list[str] = []
    offset = 0.0
    for shape, label in items:
        parts.append(f'<g transform="translate({offset:.0f},0)">{shape}</g>')
        parts.append(draw.text(_LEFT + offset + 28, y, label, size=11))
        offset += 40 + 6.5 * len(label)
    return "".join(parts)


def _x_labels(plot: _Plot, labels: Sequence[str]) -> str:
    return "".join(
        draw.text(plot.x(i), plot.bottom + 16, labels[i], anchor="middle", size=11)
        for i in x_label_indices(len(labels))
    )


def x_label_indices(count: int) -> list[int]:
    """Every n-th label, at most _MAX_X_LABELS, always the last one; a label that would sit
    closer than n steps before the last gives way to it, so no two labels overlap."""
    if count == 0:
        return []
    every = max(1, -(-count // _MAX_X_LABELS))
    chosen = list(range(0, count, every))
    if chosen[-1] != count - 1:
        if len(chosen) > 1:
            chosen[-1] = count - 1
        else:
            chosen.append(count - 1)
    return chosen


def _expected(series: ScoreSeries) -> bool:
    return any(point.expected is not None for point in series.points)


def _cells(values: Sequence[str]) -> str:
    return "".join(f"<td>{escape(value)}</td>" for value in values)


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"
