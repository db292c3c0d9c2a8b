"""A report's summary: plain sentences written from the numbers by templates.

Rules the templates keep: every number comes with how many data points it rests on; change is
described, never explained ("is lower than", not "improved because of"); the Alliance scales say
they are not validated; and the summary always ends by saying it is not a diagnosis. No entry
text is ever used: themes and emotions appear as names with counts.
"""

from __future__ import annotations

import statistics
from collections import Counter
from datetime import date
from typing import TYPE_CHECKING

from alliance.domain.goals import level_label
from alliance.domain.instruments import plain_number

if TYPE_CHECKING:
    from alliance.services.measures import HistoryRow, InstrumentHistory
    from alliance.services.reports import ReportData

NOT_A_DIAGNOSIS = (
    "This summary describes what was recorded. It is not a diagnosis, and it does not show "
    "what caused any change."
)
THEME_NAMES = {
    "bond": "trust and closeness",
    "valued": "feeling valued",
    "heard": "being heard",
    "mutuality": "mutuality",
    "gratitude": "gratitude",
    "ending_fear": "fear of ending",
    "ending_ready": "readiness to end",
    "rupture": "rupture",
    "repair": "repair",
    "dependence": "dependence",
    "progress": "progress and insight",
    "opening_up": "opening up",
    "disclosure": "therapist self-disclosure",
    "stuck": "feeling stuck",
}
TOP_THEMES = 3


def day_words(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def period_words(data: ReportData) -> str:
    if data.since and data.until:
        return f"{day_words(data.since)} to {day_words(data.until)}"
    if data.since:
        return f"the time from {day_words(data.since)}"
    if data.until:
        return f"the time up to {day_words(data.until)}"
    return "the whole record"


def summary(data: ReportData) -> list[str]:
    sentences = [
        f"This report covers {period_words(data)}: {_count(data.sessions_held, 'therapy session')}"
        f" held and {_count(data.entries_written, 'journal entry', 'journal entries')} written."
    ]
    for record in data.measures:
        line = _measure_sentence(record)
        if line:
            sentences.append(line)
    sentences.extend(_goal_sentences(data))
    themes = _theme_sentence(data)
    if themes:
        sentences.append(themes)
    final = data.plan.final_session
    if final is not None:
        how = "agreed together" if data.plan.last_session else "proposed by the taper"
        sentences.append(f"The last session is planned for {day_words(final)} ({how}).")
    sentences.append(NOT_A_DIAGNOSIS)
    return sentences


def _measure_sentence(record: InstrumentHistory) -> str | None:
    instrument = record.instrument
    rows = [r for r in record.active if r.response.total is not None]
    if instrument is None or not rows or instrument.id == "er8":
        return None  # the ER-8 is shown item by item with readiness, never as a score
    name = instrument.short_name
    totals = [r.response.total for r in rows if r.response.total is not None]
    if not instrument.validated:
        mean = statistics.fmean(totals)
        return (
            f"{instrument.name} ({name}, an Alliance scale, not a validated measure): "
            f"{_count(len(totals), 'response')}, averaging {mean:.1f} of "
            f"{plain_number(instrument.max_total)} (lowest {plain_number(min(totals))}, "
            f"highest {plain_number(max(totals))})."
        )
    first, last = rows[0], rows[-1]
    text = f"{name}: {_count(len(rows), 'score')} in this period"
    text += f"; the first was {_score_words(first)} and the latest {_score_words(last)}."
    change = last.change
    if change is not None:  # None for the intake itself
        rc = change.reliable_change
        compared = f"Compared with the first score on record ({plain_number(change.pre)})"
        if rc.reliable and rc.direction == "improvement":
            verdict = "a reliable improvement"
        elif rc.reliable and rc.direction == "deterioration":
            verdict = "a reliable deterioration"
        else:
            verdict = "within the range of ordinary ups and downs"
        needed = plain_number(round(rc.threshold_points, 1))
        text += f" {compared}, the latest is {verdict} (reliable change needs {needed} points)."
    return text


def _score_words(row: HistoryRow) -> str:
    response = row.response
    total = plain_number(response.total or 0)
    band = f", {response.band}" if response.band else ""
    return f"{total}{band} on {day_words(response.taken_at.date())}"


def _goal_sentences(data: ReportData) -> list[str]:
    lines = [line for line in data.goals if line.goal.archived is None]
    if not lines:
        return []
    rated = [line for line in lines if line.latest is not None]
    met = sum(1 for line in rated if line.latest is not None and line.latest.level >= 0)
    sentences = [
        f"Goals: {_count(len(lines), 'goal')}; by the latest ratings, {met} of {len(rated)} "
        "rated goals are at the expected outcome (0) or above."
    ]
    if data.gas:
        latest = data.gas[-1]
        sentences.append(
            f"The Goal Attainment Scaling T-score was {latest.t_score:.1f} on "
            f"{day_words(latest.day)} (n = {_count(latest.n, 'goal')} rated; 50 means goals met "
            f"as expected), from {_count(len(data.gas), 'rating day')} in this period."
        )
    for line in rated:
        assert line.latest is not None
        level = line.latest.level
        sentences.append(
            f'"{line.goal.title}": {level_label(level)}, "{line.goal.describe(level)}".'
        )
    return sentences


def _theme_sentence(data: ReportData) -> str | None:
    entries = sum(week.entries for week in data.weeks)
    counts: Counter[str] = Counter()
    for week in data.weeks:
        counts.update(week.themes)
    if not entries or not counts:
        return None
    top = [
        f"{THEME_NAMES.get(theme, theme)} ({n} of {entries} entries)"
        for theme, n in counts.most_common(TOP_THEMES)
    ]
    return "In the journal, the themes Alliance found most often were " + _and(top) + "."


def _count(n: int, singular: str, plural: str | None = None) -> str:
    return f"{n} {singular if n == 1 else plural or singular + 's'}"


def _and(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
