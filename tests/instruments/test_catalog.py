"""The catalog: shipped YAMLs load with their facts; user YAMLs add instruments; bad ones are
refused with one line naming the file, the line and the field."""

from __future__ import annotations

from pathlib import Path

import pytest

from alliance.domain.instruments import score
from alliance.errors import InvalidInput, NotFound
from alliance.instruments.catalog import SHIPPED, list_instruments, load_instrument

PFIZER = (
    "Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with "
    "an educational grant from Pfizer Inc. No permission required to reproduce, translate, "
    "display or distribute."
)

ORS_LIKE = """\
id: ors_like
name: My outcome scale
short_name: MOS
version: "1.0"
licence: Licensed to this practice
attribution: Test attribution
validated: true
timeframe: The last week
instructions: Rate each area.
higher_is_better: true
slider: {min: 0, max: 10, min_label: low, max_label: high}
items:
  - {id: individually, text: Individually}
  - {id: interpersonally, text: Interpersonally}
  - {id: socially, text: Socially}
  - {id: overall, text: Overall}
scoring:
  method: sum
  missing: {max_missing: 0, rule: All items.}
cutoffs:
  - {id: clinical, value: 25, direction: at_or_below, label: Clinical range}
change:
  rci: 5
  source: test
  clinical_cutoff: clinical
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_all_shipped_instruments_load_in_order() -> None:
    assert [i.id for i in list_instruments()] == list(SHIPPED)


@pytest.mark.parametrize("instrument_id", ["phq9", "gad7", "phq2", "gad2", "phq4"])
def test_pfizer_instruments_carry_the_attribution_verbatim(instrument_id: str) -> None:
    assert load_instrument(instrument_id).attribution == PFIZER


def test_who5_attribution_and_no_invented_loinc() -> None:
    who5 = load_instrument("who5")
    assert "Psychiatric Center North Zealand" in who5.attribution
    assert who5.loinc_panel is None and who5.loinc_total is None
    assert all(item.loinc is None for item in who5.items)


def test_phq9_facts() -> None:
    phq9 = load_instrument("phq9")
    assert (phq9.loinc_panel, phq9.loinc_total) == ("44249-1", "44261-6")
    assert phq9.items[8].loinc == "44260-8"
    assert phq9.items[8].text == (
        "Thoughts that you would be better off dead, or of hurting yourself in some way"
    )
    assert phq9.change is not None and phq9.change.rci == 6
    assert phq9.schedule is not None
    assert (phq9.schedule.every_sessions, phq9.schedule.every_days) == (1, 14)


def test_alliance_scales_are_marked_not_validated_with_no_borrowed_cutoffs() -> None:
    for instrument_id in ("sf4", "er8"):
        instrument = load_instrument(instrument_id)
        assert instrument.validated is False
        assert "not a validated clinical measure" in instrument.notes
        assert instrument.bands == () and instrument.cutoffs == () and instrument.change is None


def test_alliance_scales_match_the_spec_wording() -> None:
    spec = Path(__file__).resolve().parents[2].parent / "shared" / "spec" / "alliance-scales.md"
    if not spec.exists():
        pytest.skip("../shared/spec/alliance-scales.md is not beside this checkout")
    text = spec.read_text(encoding="utf-8")
    for instrument_id in ("sf4", "er8"):
        for item in load_instrument(instrument_id).items:
            assert f"| {item.id} | {item.text} |" in text


def test_sf4_is_a_0_to_10_slider_and_er8_has_suggestions() -> None:
    sf4 = load_instrument("sf4")
    assert all(item.slider and item.values == tuple(range(11)) for item in sf4.items)
    assert sf4.items[0].options[0].label == "not at all"
    assert sf4.free_text == "Anything you want your therapist to know about today?"
    assert all(item.suggestion for item in load_instrument("er8").items)


def test_ids_are_forgiving_about_case_and_dashes() -> None:
    assert load_instrument("PHQ-9").id == "phq9"


def test_unknown_instrument_lists_the_known_ones() -> None:
    with pytest.raises(NotFound, match="no instrument 'ors'; known instruments: phq9"):
        load_instrument("ors")


def test_user_instrument_is_added_and_scored(tmp_path: Path) -> None:
    write(tmp_path, "ors_like.yaml", ORS_LIKE)
    instrument = load_instrument("ors_like", user_dir=tmp_path)
    assert instrument.origin.endswith("ors_like.yaml")
    assert score(instrument, [5, 6, 7, 8]).total == 26
    assert [i.id for i in list_instruments(tmp_path)][-1] == "ors_like"


def test_user_file_cannot_replace_a_shipped_instrument(tmp_path: Path) -> None:
    write(tmp_path, "phq9.yaml", ORS_LIKE.replace("id: ors_like", "id: phq9"))
    assert load_instrument("phq9", user_dir=tmp_path).origin == "shipped"
    with pytest.raises(InvalidInput, match="is a shipped instrument"):
        list_instruments(tmp_path)


def test_file_name_must_match_the_id(tmp_path: Path) -> None:
    write(tmp_path, "other.yaml", ORS_LIKE)
    with pytest.raises(InvalidInput, match="must match its id"):
        list_instruments(tmp_path)


def line_of(text: str, fragment: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if fragment in line)


@pytest.mark.parametrize(
    ("old", "new", "field", "line_fragment"),
    [
        (
            "  - {id: socially, text: Socially}",
            "  - {id: socially, text: 3}",
            "items[2].text",
            "id: socially",
        ),
        ('version: "1.0"', "version: 1.0", "version", "version:"),
        (
            "higher_is_better: true",
            "higher_is_better: yes please",
            "higher_is_better",
            "higher_is_better",
        ),
        ("  rci: 5", "  rci: -5", "change.rci", "rci:"),
        ("  - {id: overall, text: Overall}", "  - {id: overall}", "items[3].text", "id: overall"),
        (
            "  clinical_cutoff: clinical",
            "  clinical_cutoff: caseness",
            "change.clinical_cutoff",
            "clinical_cutoff",
        ),
        (
            "  - {id: socially, text: Socially}",
            "  - {id: overall, text: Socially}",
            "items[3].id",  # the second use of an id is the one reported
            "text: Overall",
        ),
        (
            "instructions: Rate each area.",
            "instructions: Rate each area.\ncolour: red",
            "colour",
            "colour",
        ),
    ],
)
def test_malformed_user_yaml_names_file_line_and_field(
    tmp_path: Path, old: str, new: str, field: str, line_fragment: str
) -> None:
    text = ORS_LIKE.replace(old, new)
    assert text != ORS_LIKE
    path = write(tmp_path, "ors_like.yaml", text)
    with pytest.raises(InvalidInput) as caught:
        load_instrument("ors_like", user_dir=tmp_path)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(f"{path}: line {line_of(text, line_fragment)}: {field}: ")


def test_yaml_syntax_error_names_the_line(tmp_path: Path) -> None:
    text = ORS_LIKE.replace("  - {id: socially, text: Socially}", "  - {id: socially, text: [")
    path = write(tmp_path, "ors_like.yaml", text)
    with pytest.raises(InvalidInput, match=rf"^{path}: line \d+: not valid YAML"):
        load_instrument("ors_like", user_dir=tmp_path)


def test_bands_must_cover_every_possible_total(tmp_path: Path) -> None:
    text = (
        ORS_LIKE
        + "bands:\n  - {min: 0, max: 20, label: low}\n  - {min: 22, max: 40, label: high}\n"
    )
    write(tmp_path, "ors_like.yaml", text)
    with pytest.raises(InvalidInput, match=r"bands: the possible total 21 falls in no band"):
        load_instrument("ors_like", user_dir=tmp_path)


def test_unvalidated_instrument_must_say_so(tmp_path: Path) -> None:
    write(tmp_path, "ors_like.yaml", ORS_LIKE.replace("validated: true", "validated: false"))
    with pytest.raises(
        InvalidInput, match=r"line 7: validated: an instrument that is not validated"
    ):
        load_instrument("ors_like", user_dir=tmp_path)


def test_skipping_items_in_a_sum_needs_prorating(tmp_path: Path) -> None:
    text = ORS_LIKE.replace("{max_missing: 0, rule: All items.}", "{max_missing: 1, rule: One.}")
    write(tmp_path, "ors_like.yaml", text)
    with pytest.raises(InvalidInput, match=r"scoring\.missing\.prorate: skipped items need"):
        load_instrument("ors_like", user_dir=tmp_path)
