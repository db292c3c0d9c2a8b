"""Insights: themes, emotions and check-ins per week; what goes with better or worse sessions."""

from __future__ import annotations

from collections import Counter
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from alliance.web.context import Unlocked, on_vault, render

router = APIRouter(include_in_schema=False)
WEEKS = 12
SPANS = (12, 26, 52)
TOP_LINES = 5
CONTRAST_ROWS = 12


def insights_data(vault: Any, weeks: int = WEEKS) -> dict[str, Any]:
    from alliance.reports.charts import bar_chart, line_chart
    from alliance.services.checkins import QUADRANTS
    from alliance.services.insights import session_contrast, weekly

    found = weekly(vault, weeks)
    has_entries = any(w.entries for w in found)
    labels = [f"{w.week_start.day} {w.week_start:%b}" for w in found]
    charts = []
    if has_entries:
        charts.append(
            bar_chart(
                "Entries per week",
                labels,
                [w.entries for w in found],
                "chart-entries",
                y_label="entries",
            )
        )
        for kind, title in (("themes", "Themes per week"), ("emotions", "Emotions per week")):
            totals: Counter[str] = Counter()
            for week in found:
                totals.update(getattr(week, kind))
            top = [name for name, _ in totals.most_common(TOP_LINES) if name != "neutral"]
            series = [
                (name.replace("_", " "), [float(getattr(w, kind).get(name, 0)) for w in found])
                for name in top
            ]
            if series:
                names = ", ".join(name for name, _ in series)
                description = (
                    f"How many entries carried each of the {len(series)} most frequent "
                    f"{kind} ({names}), week by week, over {len(found)} week(s)."
                )
                charts.append(
                    line_chart(title, labels, series, f"chart-{kind}", description=description)
                )
    contrast = session_contrast(vault)
    return {
        "weeks": found,
        "span": weeks,
        "spans": SPANS,
        "has_entries": has_entries,
        "charts": charts,
        "quadrants": QUADRANTS,
        "contrast": contrast,
        "contrast_rows": contrast.rows[:CONTRAST_ROWS],
    }


@router.get("/insights")
async def insights_page(request: Request, session: Unlocked, weeks: int = WEEKS) -> Response:
    span = weeks if weeks in SPANS else WEEKS
    return render(request, "insights.html", **await on_vault(request, insights_data, span))
