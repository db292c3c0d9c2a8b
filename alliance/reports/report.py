"""Render a report: HTML from Jinja2 templates with server-side SVG charts, and PDF (WeasyPrint).

    html = render_html(build_report(vault, ...), paper="a4")
    pdf = render_pdf(html)

The same HTML serves the browser and the PDF. Standalone (files, PDF) it carries its stylesheet
inline; the web app passes `stylesheet_href` instead, because its Content-Security-Policy
forbids inline styles. `@page` takes the paper size (A4 or Letter) from a parameter.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import TYPE_CHECKING, Literal

from alliance.errors import InvalidInput

if TYPE_CHECKING:
    from jinja2 import Environment

    from alliance.domain.ending import FeelingWeek
    from alliance.reports.charts import Chart
    from alliance.services.readings import WeekTrend
    from alliance.services.reports import ReportData

Paper = Literal["a4", "letter"]
PAPERS: dict[Paper, str] = {"a4": "A4", "letter": "letter"}
CHARTED_THEMES = 4
CHARTED_EMOTIONS = 4
NOT_CHARTED = frozenset({"er8"})  # the ER-8 is shown item by item in the ending section
NOT_INFORMATIVE = frozenset({"neutral"})  # an emotion label that says "none of the others"
MAX_WEEKLY_POINTS = 16  # longer records are charted per month, or the lines become noise


@dataclass(frozen=True)
class ChartGroups:
    measures: tuple[Chart, ...]
    feedback: tuple[Chart, ...]
    journal: tuple[Chart, ...]
    goals: tuple[Chart, ...]
    ending: tuple[Chart, ...]

    @property
    def every(self) -> tuple[Chart, ...]:
        return self.measures + self.feedback + self.journal + self.goals + self.ending


def check_paper(text: str) -> Paper:
    for paper in PAPERS:
        if paper == text.strip().lower():
            return paper
    raise InvalidInput(f"--paper is a4 or letter, not {text!r}.")


def render_html(
    data: ReportData, *, paper: Paper = "a4", stylesheet_href: str | None = None
) -> str:
    """The whole report as one HTML document."""
    from alliance.domain.ending import RELAPSE_SECTIONS, plan_gaps
    from alliance.domain.goals import LEVEL_NAMES, level_label
    from alliance.reports.summary import day_words, period_words, summary
    from alliance.services.ending import CRISIS_INTRO

    return (
        _env()
        .get_template("report.html")
        .render(
            data=data,
            charts=build_charts(data),
            sentences=summary(data),
            period=period_words(data),
            day_words=day_words,
            level_label=level_label,
            level_names=LEVEL_NAMES,
            relapse_sections=RELAPSE_SECTIONS,
            plan_gaps=plan_gaps(data.plan),
            crisis_intro=CRISIS_INTRO,
            followup_days=_followup_days(data),
            css=None if stylesheet_href else report_css(paper, data.audience),
            stylesheet_href=stylesheet_href,
            paper=paper,
        )
    )


FOOTERS = {
    "me": "My Alliance report. Not a diagnosis.",
    "therapist": "Prepared by the client with Alliance. Not a diagnosis.",
}


def report_css(paper: Paper = "a4", audience: str = "me") -> str:
    """The report stylesheet for this paper size and audience (screen and print)."""
    footer = FOOTERS.get(audience, FOOTERS["me"])
    return _env().get_template("report.css").render(page_size=PAPERS[paper], footer=footer)


def render_pdf(html: str) -> bytes:
    """A PDF of a standalone report's HTML. Nothing is fetched: every chart is inline SVG."""
    import logging

    from weasyprint import HTML

    # WeasyPrint logs each CSS property it does not support; the report needs none of them.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    return bytes(HTML(string=html, url_fetcher=_no_fetching).write_pdf())


def _followup_days(data: ReportData) -> list[date]:
    from alliance.domain.ending import followup_dates

    final = data.plan.final_session
    if final is None:
        return []
    return sorted({check_in.day for check_in in followup_dates(final, data.plan.followup_months)})


def build_charts(data: ReportData) -> ChartGroups:
    from alliance.reports.charts import chart_id_for, measure_chart
    from alliance.reports.charts import series_from_history as series
    from alliance.reports.report_charts import gas_chart

    measures: list[Chart] = []
    feedback: list[Chart] = []
    for record in data.measures:
        if record.instrument is None or record.instrument_id in NOT_CHARTED:
            continue
        chart = measure_chart(series(record), chart_id_for("measure", record.instrument_id))
        (measures if record.instrument.validated else feedback).append(chart)
    journal = [
        found
        for kind, count, what in (
            ("themes", CHARTED_THEMES, "Themes"),
            ("emotions", CHARTED_EMOTIONS, "Emotions"),
        )
        if (found := _journal_chart(data.weeks, kind, count, what)) is not None
    ]
    goals = [gas_chart(data.gas, chart_id_for("goals", "gas"))] if data.gas else []
    ending = ending_charts(data.feelings)
    return ChartGroups(tuple(measures), tuple(feedback), tuple(journal), tuple(goals), ending)


def ending_charts(feelings: tuple[FeelingWeek, ...]) -> tuple[Chart, ...]:
    """Fear of ending and readiness in the journal per week, and the 0-10 rating."""
    from alliance.reports.charts import chart_id_for
    from alliance.reports.report_charts import feelings_chart

    charts = [] if (themes := _ending_themes_chart(feelings)) is None else [themes]
    if any(week.ratings for week in feelings):
        charts.append(feelings_chart(feelings, chart_id_for("ending", "rating")))
    return tuple(charts)


def _ending_themes_chart(feelings: tuple[FeelingWeek, ...]) -> Chart | None:
    """Entries carrying fear of ending and readiness to end, each week from the first to the
    last week either appears (weeks without such entries count 0)."""
    from datetime import timedelta

    from alliance.reports.charts import chart_id_for, line_chart

    marked = [w for w in feelings if w.ending_fear or w.ending_ready]
    if not marked:
        return None
    by_monday = {w.week_start: w for w in marked}
    mondays = [marked[0].week_start]
    while mondays[-1] < marked[-1].week_start:
        mondays.append(mondays[-1] + timedelta(weeks=1))
    fear = [float(by_monday[m].ending_fear) if m in by_monday else 0.0 for m in mondays]
    ready = [float(by_monday[m].ending_ready) if m in by_monday else 0.0 for m in mondays]
    return line_chart(
        "Fear of ending and readiness to end in the journal",
        [f"{m.day} {m:%b}" for m in mondays],
        [("fear of ending", fear), ("readiness to end", ready)],
        chart_id_for("ending", "themes"),
    )


def _journal_chart(weeks: tuple[WeekTrend, ...], kind: str, count: int, what: str) -> Chart | None:
    """The most frequent themes (or emotions) per week, or per month over a long record."""
    from alliance.reports.charts import chart_id_for, line_chart
    from alliance.reports.report_charts import monthly_lines_chart

    totals: Counter[str] = Counter()
    for week in weeks:
        totals.update(getattr(week, kind))
    names = [name for name, _ in totals.most_common() if name not in NOT_INFORMATIVE][:count]
    if not names:
        return None
    every = _every_week(weeks)
    if len(every) <= MAX_WEEKLY_POINTS:
        labels = [f"{w.week_start.day} {w.week_start:%b}" for w in every]
        lines = [
            (_theme_name(n), [float(getattr(w, kind).get(n, 0)) for w in every]) for n in names
        ]
        title = f"{what} in the journal per week"
        return line_chart(title, labels, lines, chart_id_for(kind, "per-week"))
    months: dict[date, Counter[str]] = {}
    for week in every:  # a week counts in the month its Monday falls in
        first_day = week.week_start.replace(day=1)
        months.setdefault(first_day, Counter()).update(getattr(week, kind))
    labels = [
        f"{m:%b %Y}" if index == 0 or m.month == 1 else f"{m:%b}" for index, m in enumerate(months)
    ]
    lines = [(_theme_name(n), [float(c.get(n, 0)) for c in months.values()]) for n in names]
    title = f"{what} in the journal per month"
    return monthly_lines_chart(title, labels, lines, chart_id_for(kind, "per-month"))


def _every_week(weeks: tuple[WeekTrend, ...]) -> list[WeekTrend]:
    """The weeks from the first to the last, with the weeks without entries as zeros."""
    from datetime import timedelta

    from alliance.services.readings import WeekTrend

    if not weeks:
        return []
    by_monday = {week.week_start: week for week in weeks}
    monday, last = weeks[0].week_start, weeks[-1].week_start
    filled = []
    while monday <= last:
        filled.append(by_monday.get(monday) or WeekTrend(monday, 0))
        monday += timedelta(weeks=1)
    return filled


def _theme_name(name: str) -> str:
    from alliance.reports.summary import THEME_NAMES

    return THEME_NAMES.get(name, name)


@cache
def _env() -> Environment:
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    return Environment(
        loader=PackageLoader("alliance.reports", "templates"),
        autoescape=select_autoescape(["html"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _no_fetching(url: str, *args: object, **kwargs: object) -> dict[str, object]:
    raise ValueError(f"a report fetches nothing ({url[:40]})")
