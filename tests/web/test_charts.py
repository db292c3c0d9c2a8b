"""Server-side SVG charts: accessible, escaped, and the same numbers as a table."""

from __future__ import annotations

import itertools
import re
import xml.etree.ElementTree as ET

import pytest

from alliance.reports.charts import (
    BandSpec,
    ScorePoint,
    ScoreSeries,
    bar_chart,
    chart_id_for,
    line_chart,
    measure_chart,
)

SVG = "{http://www.w3.org/2000/svg}"
BANDS = (BandSpec(0, 4, "minimal"), BandSpec(5, 9, "mild"), BandSpec(10, 27, "more"))


def series(*points: ScorePoint) -> ScoreSeries:
    return ScoreSeries("PHQ-9 scores", 0, 27, False, BANDS, points)


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def test_a_measure_chart_is_a_named_image_with_its_numbers_as_a_table() -> None:
    chart = measure_chart(
        series(
            ScorePoint("5 Jan", 18, intake=True),
            ScorePoint("19 Jan", 12, expected=(9.0, 13.5, 18.0)),
            ScorePoint("2 Feb", 6, expected=(5.0, 10.0, 15.0), reliable="improvement"),
        ),
        "chart-phq9",
    )
    root = parse(chart.svg)
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "chart-phq9-title chart-phq9-desc"
    assert root.find(f"{SVG}title").text == "PHQ-9 scores"
    assert "lower is better" in root.find(f"{SVG}desc").text
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "mild (5–9)" in texts  # bands are named, not only tinted
    assert "reliable improvement" in texts and "expected range" in texts
    assert "style" not in chart.svg  # presentation attributes only: the CSP allows no styles
    assert chart.rows[0] == ("5 Jan (intake)", "18", "more", "", "")
    assert chart.rows[2] == ("2 Feb", "6", "mild", "5–15", "improvement")
    table = chart.table_html()
    assert table.count("<tr>") == 4 and '<th scope="row">19 Jan</th>' in table


def test_the_expected_band_opens_from_the_intake_and_markers_differ_by_shape() -> None:
    chart = measure_chart(
        series(
            ScorePoint("a", 10, intake=True),
            ScorePoint("b", 20, expected=(6.0, 8.0, 12.0), reliable="deterioration"),
        ),
        "c",
    )
    root = parse(chart.svg)
    band = root.find(f"{SVG}polygon")
    assert band is not None and len(band.get("points", "").split()) == 4
    assert root.find(f"{SVG}path") is not None  # the deterioration cross
    assert "reliable deterioration" in [t.text for t in root.iter(f"{SVG}text")]


def test_text_is_escaped_in_the_svg_and_the_table() -> None:
    name = '<script>alert("x")</script>'
    chart = line_chart(name, ["w1", "w2"], [(name, [1, 2])], chart_id_for("x", name))
    assert "<script>" not in chart.svg and "<script>" not in chart.html()
    parse(chart.svg)  # still well-formed
    assert re.fullmatch(r"chart-[a-z0-9-]+", chart_id_for("x", name))


def test_line_and_bar_charts_carry_every_value_in_their_tables() -> None:
    lines = line_chart(
        "Themes per week", ["1 Jan", "8 Jan"], [("heard", [2, 0]), ("stuck", [0, 3])], "t"
    )
    assert lines.columns == ("Week", "heard", "stuck")
    assert lines.rows == (("1 Jan", "2", "0"), ("8 Jan", "0", "3"))
    root = parse(lines.svg)
    assert len(list(root.iter(f"{SVG}polyline"))) == 4  # two lines, two legend samples
    assert {"heard", "stuck"} <= {t.text for t in root.iter(f"{SVG}text")}
    bars = bar_chart("Entries per week", ["1 Jan", "8 Jan"], [4, 0], "b", y_label="entries")
    assert bars.rows == (("1 Jan", "4"), ("8 Jan", "0"))
    assert len(list(parse(bars.svg).iter(f"{SVG}rect"))) == 3  # background and two bars


def test_an_empty_series_still_draws() -> None:
    chart = measure_chart(series(), "empty")
    assert chart.rows == () and parse(chart.svg).get("role") == "img"


@pytest.mark.parametrize("count", [1, 2, 9, 10, 11, 12, 13, 25, 40])
def test_x_labels_keep_their_distance_and_always_show_the_last(count: int) -> None:
    from alliance.reports.charts import x_label_indices

    chosen = x_label_indices(count)
    assert chosen[0] == 0 and chosen[-1] == count - 1
    assert len(chosen) <= 10 or count <= 10
    every = max(1, -(-count // 10))
    assert all(b - a >= every for a, b in itertools.pairwise(chosen))
