"""Report charts that `alliance.reports.charts` does not draw: the GAS T-score over time and
the 0-10 "how I feel about ending" rating. Same style and rules as charts.py: an accessible SVG
(`role="img"`, `<title>`, `<desc>`) with the numbers as a table, colours as presentation
attributes (no `style`), every text escaped, meaning never carried by colour alone.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from markupsafe import Markup, escape

from alliance.domain.ending import FeelingWeek
from alliance.domain.goals import GasPoint
from alliance.reports.charts import HEIGHT, WIDTH, Chart

_LEFT, _RIGHT, _TOP, _BOTTOM = 44, 170, 16, 58
_INK, _MUTED, _LINE, _REFERENCE = "#1f2933", "#52606d", "#1f4e79", "#8a4b08"
_MAX_X_LABELS = 10
_SERIES_DASHES = ("", "6 3", "2 3", "8 3 2 3", "12 4", "1 2")
_SERIES_COLOURS = ("#1f4e79", "#8a4b08", "#2f6b2f", "#6b2f6b", "#7a1f1f", "#3d3d3d")
GAS_LOW, GAS_HIGH = 20.0, 80.0


def gas_chart(points: Sequence[GasPoint], chart_id: str) -> Chart:
    """The GAS T-score on each rating day, against the line at 50 (goals met as expected)."""
    labels = [f"{p.day.day} {p.day:%b}" for p in points]
    values = [p.t_score for p in points]
    low = min([GAS_LOW, *values])
    high = max([GAS_HIGH, *values])
    title = "Goals: GAS T-score"
    latest = f" Latest {values[-1]:.1f} (n = {points[-1].n} goals)." if points else ""
    description = (
        f"{len(points)} rating day(s); 50 means goals met as expected, higher is better.{latest}"
    )
    svg = _scale_svg(chart_id, title, description, labels, values, low, high, 50.0, "T = 50")
    rows = tuple((f"{p.day.day} {p.day:%b %Y}", f"{p.t_score:.1f}", str(p.n)) for p in points)
    return Chart(title, description, svg, ("Day", "T-score", "Goals rated (n)"), rows)


def feelings_chart(weeks: Sequence[FeelingWeek], chart_id: str) -> Chart:
    """The weekly mean of the 0-10 rating (weeks without a rating are left out)."""
    rated = [w for w in weeks if w.rating_mean is not None]
    labels = [f"{w.week_start.day} {w.week_start:%b}" for w in rated]
    values = [w.rating_mean or 0.0 for w in rated]
    title = "How I feel about ending (0-10)"
    description = f"{len(rated)} week(s) with a rating; 0 is dreading it, 10 at peace with it." + (
        f" Latest {values[-1]:.1f}." if values else ""
    )
    svg = _scale_svg(chart_id, title, description, labels, values, 0.0, 10.0, None, "")
    rows = tuple(
        (
            f"week of {w.week_start.day} {w.week_start:%b %Y}",
            f"{w.rating_mean:.1f}",
            str(len(w.ratings)),
        )
        for w in rated
    )
    return Chart(title, description, svg, ("Week", "Mean rating", "Ratings (n)"), rows)


def monthly_lines_chart(
    title: str, months: Sequence[str], series: Sequence[tuple[str, Sequence[float]]], chart_id: str
) -> Chart:
    """Journal counts per month, one line per name, each with its own dashes and end label."""
    top = max((v for _, values in series for v in values), default=0.0)
    high = max(1.0, float(_nice(top)))
    names = ", ".join(name for name, _ in series) or "nothing yet"
    description = f"Entries per month over {len(months)} month(s): {names}."
    lines = [(name, list(values)) for name, values in series]
    svg = _scale_svg(chart_id, title, description, months, [], 0.0, high, None, "", lines=lines)
    rows = tuple(
        (month, *(f"{values[i]:g}" for _, values in series)) for i, month in enumerate(months)
    )
    return Chart(title, description, svg, ("Month", *(name for name, _ in series)), rows)


def _scale_svg(
    chart_id: str,
    title: str,
    description: str,
    labels: Sequence[str],
    values: Sequence[float],
    low: float,
    high: float,
    reference: float | None,
    reference_label: str,
    *,
    lines: Sequence[tuple[str, Sequence[float]]] = (),
) -> Markup:
    left, right, top, bottom = _LEFT, WIDTH - _RIGHT, _TOP, HEIGHT - _BOTTOM
    step = (right - left) / max(len(labels), 1)

    def x(index: int) -> float:
        return left + step * (index + 0.5)

    def y(value: float) -> float:
        return bottom - (value - low) / (high - low) * (bottom - top)

    parts = [
        f'<line x1="{left}" y1="{bottom}" x2="{right}" y2="{bottom}" stroke="{_MUTED}"/>',
        f'<line x1="{left}" y1="{top}" x2="{left}" y2="{bottom}" stroke="{_MUTED}"/>',
    ]
    for tick in _ticks(low, high):
        parts.append(
            f'<line x1="{left - 4}" y1="{y(tick):.1f}" x2="{left}" y2="{y(tick):.1f}" '
            f'stroke="{_MUTED}"/>' + _text(left - 7, y(tick) + 4, f"{tick:g}", anchor="end")
        )
    if reference is not None:
        parts.append(
            f'<line x1="{left}" y1="{y(reference):.1f}" x2="{right}" y2="{y(reference):.1f}" '
            f'stroke="{_REFERENCE}" stroke-width="1.5" stroke-dasharray="6 3"/>'
            + _text(right + 8, y(reference) + 4, reference_label, fill=_REFERENCE)
        )
    coords = [(x(i), y(v)) for i, v in enumerate(values)]
    if len(coords) > 1:
        joined = " ".join(f"{cx:.1f},{cy:.1f}" for cx, cy in coords)
        parts.append(
            f'<polyline points="{joined}" fill="none" stroke="{_LINE}" stroke-width="2.25"/>'
        )
    for (cx, cy), value in zip(coords, values, strict=True):
        parts.append(f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="4.5" fill="{_LINE}"/>')
        parts.append(_text(cx, cy - 9, f"{value:.0f}", anchor="middle"))
    parts.extend(_named_lines(lines, x, y, right))
    every = max(1, -(-len(labels) // _MAX_X_LABELS))
    for index, label in enumerate(labels):
        if index % every == 0 or index == len(labels) - 1:
            parts.append(_text(x(index), bottom + 16, label, anchor="middle"))
    if not values and not lines:
        parts.append(_text((left + right) / 2, (top + bottom) / 2, "No data yet", anchor="middle"))
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" role="img" class="chart-svg" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" font-family="sans-serif">'
        f'<title id="{chart_id}-title">{escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>'
        f'<rect x="0" y="0" width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>'
        + "".join(parts)
        + "</svg>"
    )


def _named_lines(
    lines: Sequence[tuple[str, Sequence[float]]],
    x: Callable[[int], float],
    y: Callable[[float], float],
    right: float,
) -> list[str]:
    parts: list[str] = []
    taken: list[float] = []
    for index, (name, values) in enumerate(lines):
        colour = _SERIES_COLOURS[index % len(_SERIES_COLOURS)]
        dash = _SERIES_DASHES[index % len(_SERIES_DASHES)]
        coords = [(x(i), y(v)) for i, v in enumerate(values)]
        if len(coords) > 1:
            joined = " ".join(f"{cx:.1f},{cy:.1f}" for cx, cy in coords)
            dashes = f' stroke-dasharray="{dash}"' if dash else ""
            parts.append(
                f'<polyline points="{joined}" fill="none" stroke="{colour}" '
                f'stroke-width="2"{dashes}/>'
            )
        parts.extend(_shape(index, cx, cy, colour) for cx, cy in coords)
        if coords:
            label_y = coords[-1][1]
            while any(abs(label_y - other) < 14 for other in taken):
                label_y += 14
            taken.append(label_y)
            parts.append(_text(right + 8, label_y + 4, name, fill=colour))
    return parts


def _shape(index: int, x: float, y: float, colour: str) -> str:
    """Markers differ by shape, so a line never depends on its colour alone."""
    if index % 3 == 0:
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="{colour}"/>'
    if index % 3 == 1:
        return f'<rect x="{x - 3.5:.1f}" y="{y - 3.5:.1f}" width="7" height="7" fill="{colour}"/>'
    return (
        f'<polygon points="{x:.1f},{y - 4.5:.1f} {x + 4.5:.1f},{y + 3.5:.1f} '
        f'{x - 4.5:.1f},{y + 3.5:.1f}" fill="{colour}"/>'
    )


def _nice(value: float) -> int:
    for nice in (1, 2, 5, 10, 20, 25, 50, 100, 200, 500):
        if value <= nice:
            return nice
    return int(value) + 1


def _text(x: float, y: float, text: str, *, anchor: str = "start", fill: str = _INK) -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="11" text-anchor="{anchor}" '
        f'fill="{fill}">{escape(text)}</text>'
    )


def _ticks(low: float, high: float) -> list[float]:
    span = high - low
    step = next((s for s in (1, 2, 5, 10, 20, 25, 50) if span / s <= 6), span)
    first = low if low % step == 0 else low - low % step + step
    ticks = []
    value = first
    while value <= high + 1e-9:
        ticks.append(value)
        value += step
    return ticks
