"""`alliance measure`, `measures`, `alerts`, `instruments`, in-process on real vaults."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from alliance.cli.charts import CELL, SCORE_MARK
from alliance.cli.measure_cmd import register
from alliance.domain.change import assess_change
from alliance.domain.expected import default_model
from alliance.domain.instruments import band_for
from alliance.instruments.catalog import SHIPPED, load_instrument
from alliance.services.alerts import crisis_resources_text
from alliance.store.vault import Vault
from tests.conftest import PASSPHRASE
from tests.services.test_measures import add_session, phq9

runner = CliRunner()
T0 = datetime(2024, 1, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def app(vault: Vault, monkeypatch: pytest.MonkeyPatch) -> typer.Typer:
    monkeypatch.setenv("ALLIANCE_PASSPHRASE", PASSPHRASE)
    local = typer.Typer()
    register(local)
    return local


def invoke(app: typer.Typer, *args: str, stdin: str | None = None) -> Any:
    return runner.invoke(app, list(args), input=stdin)


def ok_json(app: typer.Typer, *args: str) -> dict[str, Any]:
    result = invoke(app, *args, "--json")
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def count(vault: Vault) -> int:
    return int(vault.raw().execute("SELECT count(*) FROM measure_responses").fetchone()[0])


def answers(values: list[int]) -> str:
    return ",".join(str(v) for v in values)


def flat(text: str) -> str:
    return " ".join(text.split())


def chart_marks(output: str, columns: int) -> dict[int, list[int]]:
    """For each chart column (1-based), the score rows holding the score mark."""
    marks: dict[int, list[int]] = {}
    for line in output.splitlines():
        label, bar, rest = line.partition(" │")
        if not bar or not label.strip().isdigit():
            continue
        for column in range(columns):
            if rest[CELL * column + CELL - 1 : CELL * column + CELL] == SCORE_MARK:
                marks.setdefault(column + 1, []).append(int(label))
    return marks


def test_five_phq9s_over_weeks_show_change_expected_alerts_and_chart(
    app: typer.Typer, vault: Vault
) -> None:
    weeks = [0, 1, 2, 4, 6]
    totals = [12, 13, 11, 16, 19]
    for week, total in zip(weeks, totals, strict=True):
        at = (T0 + timedelta(weeks=week)).isoformat()
        result = invoke(app, "measure", "phq9", "--answers", answers(phq9(total)), "--at", at)
        assert result.exit_code == 0, result.output
        assert f"PHQ-9: {total} of 27 ({band_for(load_instrument('phq9'), total)})" in result.stdout

    instrument = load_instrument("phq9")
    assert instrument.expected is not None
    model = default_model(12, instrument.expected, score_min=0, score_max=27)
    [record] = ok_json(app, "measures", "--instrument", "phq9")["instruments"]
    assert record["t_unit"] == "weeks" and record["expected_basis"] == "default"
    rows = record["responses"]
    assert [row["total"] for row in rows] == totals
    assert [row["band"] for row in rows] == [band_for(instrument, t) for t in totals]
    assert rows[0]["intake"] is True and rows[0]["change"] is None
    for row, week, total in zip(rows[1:], weeks[1:], totals[1:], strict=True):
        assessed = assess_change(instrument, 12, total)
        assert row["change"] == {"points": total - 12, **assessed.as_dict()}
        point = model.at(week)
        assert row["expected"]["lower"] == round(point.lower, 2)
        assert row["expected"]["upper"] == round(point.upper, 2)
        assert row["on_track"] is (total <= point.upper)
    assert rows[-1]["change"]["category"] == "deteriorated"
    assert rows[-1]["on_track"] is False

    alerts = {a["kind"]: a for a in ok_json(app, "alerts")["alerts"]}
    assert {"reliable_deterioration", "off_track"} <= set(alerts)
    assert alerts["reliable_deterioration"]["evidence"]["change"] == 7
    assert all(alerts[k]["message"] and alerts[k]["next_step"] for k in alerts)
    text = invoke(app, "alerts").stdout
    assert "Why: phq9: 12 at intake, 19 now (+7); reliable from 6 points" in flat(text)
    assert "Next step:" in text

    shown = invoke(app, "measures")
    assert shown.exit_code == 0
    for week in weeks:
        assert (T0 + timedelta(weeks=week)).date().isoformat() in shown.stdout
    assert "deteriorated" in shown.stdout and "off track" in shown.stdout
    marks = chart_marks(shown.stdout, len(totals))
    assert marks == {n: [total] for n, total in enumerate(totals, 1)}
    assert "moderately severe (15-19)" in shown.stdout


def test_safety_item_shows_the_crisis_resources(app: typer.Typer) -> None:
    result = invoke(app, "measure", "phq9", "--answers", "0,0,0,0,0,0,0,0,1")
    assert result.exit_code == 0, result.output
    assert "PHQ-9: 1 of 27 (minimal)" in result.stdout
    assert "URGENT" in result.stdout
    assert flat(crisis_resources_text()) in flat(result.stdout)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["phq9", "--answers", "0,0,0,4,0,0,0,0,0"], "item 4 (tired): 4 is not an allowed answer"),
        (["phq9", "--answers", "0,0,0,0,0,0,0,0,0,0"], "needs 9 answers, one per item; got 10"),
        (["phq9", "--answers", "0,0,0"], "got 3"),
        (["phq9", "--answers", "0,0,0,0,0,0,0,0,"], "item 9 (self_harm) unanswered"),
        (["phq9", "--answers", "0,x,0,0,0,0,0,0,0"], "answer 2 ('x') is not a whole number"),
        (["nosuch", "--answers", "1"], "no instrument 'nosuch'"),
        (["phq9", "--answers", "0,0,0,0,0,0,0,0,0", "--session", "7"], "No session number 7"),
        (["phq9", "--answers", "0,0,0,0,0,0,0,0,0", "--at", "someday"], "not an ISO date"),
    ],
)
def test_bad_input_is_one_line_and_stores_nothing(
    app: typer.Typer, vault: Vault, args: list[str], message: str
) -> None:
    invoke(app, "measure", "gad7", "--answers", "0,0,0,0,0,0,0")
    before = count(vault)
    result = invoke(app, "measure", *args)
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("alliance: ")
    assert message in lines[0]
    assert count(vault) == before


def test_asks_item_by_item_with_back_skip_and_retry(app: typer.Typer) -> None:
    # 1, 2, back (item 2 again) 3, skip item 3, an invalid 9 then 1, three more 1s,
    # then item 3 is asked again at the end.
    typed = "1\n2\nb\n3\ns\n9\n1\n1\n1\n1\n1\n"
    result = invoke(app, "measure", "gad7", stdin=typed)
    assert result.exit_code == 0, result.output
    gad7 = load_instrument("gad7")
    assert gad7.items[0].text in result.stdout  # verbatim item text
    assert flat(gad7.attribution) in flat(result.stdout)
    assert "0 Not at all" in result.stdout and "3 Nearly every day" in result.stdout
    assert "'9' is not an answer to item 4" in result.stdout
    [record] = ok_json(app, "measures")["instruments"]
    stored = record["responses"][0]["answers"]
    assert list(stored.values()) == [1, 3, 1, 1, 1, 1, 1]


def test_a_required_item_left_skipped_is_refused(app: typer.Typer, vault: Vault) -> None:
    result = invoke(app, "measure", "gad7", stdin="1\n1\ns\n1\n1\n1\n1\ns\n")
    assert result.exit_code == 1
    assert "item 3 (worry_too_much) unanswered" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert count(vault) == 0


def test_stopping_early_stores_nothing(app: typer.Typer, vault: Vault) -> None:
    result = invoke(app, "measure", "phq9", stdin="1\n2\n")
    assert result.exit_code == 1
    assert "nothing was stored" in result.stderr
    assert count(vault) == 0


def test_sf4_asks_its_free_text_and_says_it_is_not_validated(app: typer.Typer) -> None:
    result = invoke(app, "measure", "sf4", stdin="8\n9\n8\n9\nFelt a bit rushed [today]\n")
    assert result.exit_code == 0, result.output
    assert "0 = not at all ... 10 = completely" in result.stdout
    assert "not a validated measure" in result.stdout
    [record] = ok_json(app, "measures")["instruments"]
    assert record["responses"][0]["note"] == "Felt a bit rushed [today]"
    assert record["responses"][0]["total"] == 34


def test_linked_to_a_session(app: typer.Typer, vault: Vault) -> None:
    add_session(vault, 1, T0)
    data = ok_json(app, "measure", "sf4", "--answers", "9,9,9,9", "--session", "1")
    assert data["response"]["session"] == 1
    assert data["alerts"] == []


def test_void_keeps_the_response_marked(app: typer.Typer, vault: Vault) -> None:
    first = ok_json(app, "measure", "phq9", "--answers", answers(phq9(20)), "--at", "2024-01-01")
    ok_json(app, "measure", "phq9", "--answers", answers(phq9(14)), "--at", "2024-01-02")
    ok_json(app, "measure", "phq9", "--answers", answers(phq9(6)), "--at", "2024-01-22")
    response_id = first["response"]["id"]
    missing_reason = invoke(app, "measures", "void", response_id[:8])
    assert missing_reason.exit_code != 0
    result = invoke(app, "measures", "void", response_id[:8], "--reason", "wrong form")
    assert result.exit_code == 0, result.output
    assert "wrong form" in result.stdout
    rows = ok_json(app, "measures")["instruments"][0]["responses"]
    assert [r["voided"] for r in rows] == [True, False, False]
    assert rows[0]["void_reason"] == "wrong form" and rows[0]["change"] is None
    assert rows[1]["intake"] is True
    assert rows[2]["change"]["points"] == 6 - 14
    assert count(vault) == 3
    assert "void" in invoke(app, "measures").stdout


def test_instruments_and_due(app: typer.Typer) -> None:
    listed = ok_json(app, "instruments")["instruments"]
    assert [i["instrument"] for i in listed] == list(SHIPPED)
    phq = listed[0]
    assert phq["range"] == [0, 27] and phq["items"] == 9 and phq["validated"] is True
    text = invoke(app, "instruments").stdout
    assert "sf4" in text and "not a validated measure" in text
    ok_json(app, "measure", "who5", "--answers", "3,3,3,3,3", "--at", "2024-01-01")
    due = {d["instrument"]: d for d in ok_json(app, "measures", "due")["due"]}
    assert due["who5"]["missed"] is True and due["who5"]["last_taken"].startswith("2024-01-01")
    assert due["gad7"]["reason"] == "never taken" and due["gad7"]["missed"] is False


def test_due_lists_follow_up_check_ins_after_the_last_session(
    app: typer.Typer, vault: Vault
) -> None:
    from alliance.services.ending import PlanChanges, update_plan

    assert ok_json(app, "measures", "due")["followups"] == []  # no last session yet
    last = (datetime.now(UTC) - timedelta(days=31)).date().isoformat()
    update_plan(vault, PlanChanges(last_session=last))
    followups = ok_json(app, "measures", "due")["followups"]
    assert [(f["instrument"], f["months"], f["state"]) for f in followups] == [
        ("phq9", 1, "due"),
        ("gad7", 1, "due"),
    ]
    text = invoke(app, "measures", "due").stdout
    assert "follow-up check-in 1 month(s) after your last session is due" in text


def test_empty_history_and_no_alerts(app: typer.Typer) -> None:
    assert ok_json(app, "measures") == {"instruments": []}
    assert "No measures yet" in invoke(app, "measures").stdout
    assert ok_json(app, "alerts") == {"alerts": []}
    assert "No alerts" in invoke(app, "alerts").stdout


def test_chart_puts_each_score_on_its_row_over_a_long_range() -> None:
    from alliance.cli.charts import ChartBand, ChartPoint, score_chart, score_row

    who5 = load_instrument("who5")
    scores = [0, 28, 52, 100]
    points = [ChartPoint(n, s, (40.0, 60.0)) for n, s in enumerate(scores, 1)]
    bands = [ChartBand(b.min, b.max, b.label) for b in who5.bands]
    chart = score_chart("WHO-5", low=0, high=100, bands=bands, points=points).plain
    rows = [line for line in chart.splitlines() if " │" in line and line.split(" │")[0].strip()]
    assert len(rows) <= 28  # several levels per row, not 101 rows
    labels = [int(line.split(" │")[0]) for line in rows]
    marks = chart_marks(chart, len(scores))
    for number, value in enumerate(scores, 1):
        [label] = marks[number]
        assert labels.index(label) == len(labels) - 1 - score_row(value, 0, 100)
        assert label <= value
    assert ":" in chart and all(band.label in chart for band in who5.bands)
