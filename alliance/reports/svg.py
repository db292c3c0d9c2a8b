"""SVG primitives for the charts: lines, markers, text and axis steps, as strings.

Colours are presentation attributes, never `style`, so the shapes draw under the web app's
CSP and in WeasyPrint; text is escaped here.
"""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import escape

INK = "#1f2933"


def polyline(
    points: Sequence[tuple[float, float]], colour: str, dash: str, width: float = 2
) -> str:
    if len(points) < 2:
        return ""
    coords = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
    dashes = f' stroke-dasharray="{dash}"' if dash else ""
    return (
        f'<polyline points="{coords}" fill="none" stroke="{colour}" '
        f'stroke-width="{width}"{dashes}/>'
    )


def marker(index: int, x: float, y: float, colour: str) -> str:
    """A filled circle, square or triangle, by the series' index."""
    if index % 3 == 0:
        return dot(x, y, 3.5, colour)
    if index % 3 == 1:
        return f'<rect x="{x - 3.5:.1f}" y="{y - 3.5:.1f}" width="7" height="7" fill="{colour}"/>'
    return shape(f"M{x:.1f},{y - 4.5:.1f} l4.5,8 h-9 Z", f'fill="{colour}"')


def diamond(x: float, y: float, size: float, colour: str) -> str:
    outline = f'fill="none" stroke="{colour}" stroke-width="2"'
    return shape(
        f"M{x:.1f},{y - size:.1f} l{size},{size} l-{size},{size} l-{size},-{size} Z", outline
    )


def cross(x: float, y: float, size: float, colour: str) -> str:
    side = 2 * size
    d = f"M{x - size:.1f},{y - size:.1f} l{side},{side} m0,-{side} l-{side},{side}"
    return shape(d, f'stroke="{colour}" stroke-width="2.5"')


def dot(x: float, y: float, r: float, colour: str) -> str:
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r}" fill="{colour}"/>'


def shape(d: str, paint: str) -> str:
    return f'<path d="{d}" {paint}/>'


def text(
    x: float, y: float, text: str, *, anchor: str = "start", size: int = 12, fill: str = INK
) -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" '
        f'fill="{fill}">{escape(text)}</text>'
    )


def ticks(low: float, high: float) -> list[float]:
    step = next(
        (s for s in (1, 2, 5, 10, 20, 25, 50, 100, 200, 500) if (high - low) / s <= 6), 1000
    )
    first = low if low % step == 0 else low - low % step + step
    return [first + step * i for i in range(int((high - first) // step) + 1)]


def nice_ceiling(value: float) -> float:
    for nice in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000):
        if value <= nice:
            return float(nice)
    return float(value)
