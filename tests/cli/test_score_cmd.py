"""`alliance score` and `alliance change`, in-process on a local Typer app."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from alliance.cli.score_cmd import parse_answers, register

runner = CliRunner()


@pytest.fixture
def app() -> typer.Typer:
    local = typer.Typer()
    register(local)
    return local


def run_json(app: typer.Typer, *args: str) -> dict[str, object]:
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    data: dict[str, object] = json.loads(result.stdout)
    return data


def test_score_json_has_exactly_the_documented_shape(app: typer.Typer) -> None:
    data = run_json(app, "score", "phq9", "--answers", "0,0,0,0,0,0,0,0,1")
    assert data == {
        "instrument": "phq9",
        "total": 1,
        "band": "minimal",
        "subscales": {},
        "flags": ["safety"],
        "missing": [],
    }


def test_score_json_subscales(app: typer.Typer) -> None:
    data = run_json(app, "score", "phq4", "--answers", "2,1,1,1")
    assert data["subscales"] == {"anxiety": 3, "depression": 2}
    assert data["flags"] == ["anxiety_positive"]


def test_score_who5_reports_the_percentage(app: typer.Typer) -> None:
    data = run_json(app, "score", "who5", "--answers", "2,2,2,2,2")
    assert data["total"] == 40


def test_score_readable_view(app: typer.Typer) -> None:
    result = runner.invoke(app, ["score", "phq4", "--answers", "2,1,1,1"])
    assert result.exit_code == 0
    assert "PHQ-4: 5 of 12 (mild)" in result.stdout
    assert "Anxiety (GAD-2)" in result.stdout


def test_score_readable_view_of_the_safety_item_offers_support(app: typer.Typer) -> None:
    result = runner.invoke(app, ["score", "phq9", "--answers", "0,0,0,0,0,0,0,0,2"])
    assert result.exit_code == 0
    assert "988" in result.stdout
    assert "116 123" in result.stdout
    assert "findahelpline.com" in result.stdout
    assert "urgent" not in result.stdout.lower()


def test_score_readable_view_marks_alliance_scales(app: typer.Typer) -> None:
    result = runner.invoke(app, ["score", "sf4", "--answers", "8,8,8,8"])
    assert "not a validated measure" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["score", "phq9", "--answers", "1,2,3"], "PHQ-9 needs 9 answers"),
        (["score", "phq9", "--answers", "0,0,0,0,0,0,0,0,4"], "item 9 (self_harm): 4 is not"),
        (["score", "phq9", "--answers", "0,0,,0,0,0,0,0,0"], "item 3 (sleep) unanswered"),
        (["score", "phq9", "--answers", "0,a,0"], "answer 2 ('a') is not a whole number"),
        (["score", "ors", "--answers", "1"], "no instrument 'ors'"),
        (["change", "phq9", "--pre", "30", "--post", "10"], "pre score 30 is outside 0-27"),
        (["change", "sf4", "--pre", "20", "--post", "30"], "SF-4 has no reliable-change norms"),
        (["change", "phq9", "--pre", "9", "--post", "3", "--method", "x"], "unknown method"),
    ],
)
def test_errors_are_one_line_on_stderr_with_exit_1(
    app: typer.Typer, args: list[str], message: str
) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert message in result.stderr
    assert result.stderr.count("\n") == 1


def test_change_json_has_exactly_the_documented_shape(app: typer.Typer) -> None:
    data = run_json(app, "change", "phq9", "--pre", "16", "--post", "8")
    assert list(data) == ["rc", "reliable", "direction", "clinically_significant", "category"]
    assert data["reliable"] is True
    assert data["direction"] == "improvement"
    assert data["clinically_significant"] is True
    assert data["category"] == "recovered"


def test_change_jacobson_truax_method(app: typer.Typer) -> None:
    published = run_json(app, "change", "phq9", "--pre", "20", "--post", "14")
    jt = run_json(
        app, "change", "phq9", "--pre", "20", "--post", "14", "--method", "jacobson-truax"
    )
    assert published["reliable"] is True and jt["reliable"] is False
    assert published["rc"] == -1.96


def test_change_for_higher_is_better(app: typer.Typer) -> None:
    data = run_json(app, "change", "who5", "--pre", "60", "--post", "48")
    assert (data["direction"], data["category"]) == ("deterioration", "deteriorated")


def test_change_readable_view(app: typer.Typer) -> None:
    result = runner.invoke(app, ["change", "gad7", "--pre", "12", "--post", "6"])
    assert result.exit_code == 0
    assert "GAD-7 12 -> 6: recovered" in result.stdout


def test_score_a_user_instrument_from_a_folder(app: typer.Typer, tmp_path: Path) -> None:
    yaml_text = (Path(__file__).parents[2] / "alliance" / "instruments" / "gad2.yaml").read_text(
        encoding="utf-8"
    )
    (tmp_path / "my_gad2.yaml").write_text(yaml_text.replace("id: gad2", "id: my_gad2"))
    data = run_json(app, "score", "my_gad2", "--answers", "2,2", "--instruments-dir", str(tmp_path))
    assert data["instrument"] == "my_gad2"
    assert data["total"] == 4


def test_parse_answers_marks_skips() -> None:
    assert parse_answers("1, 2,,-,3") == [1, 2, None, None, 3]
