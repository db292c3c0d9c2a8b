"""Change: clinical-facts §7.1-7.4 vectors, the 1.96 boundary, categories, NHS Talking Therapies."""

from __future__ import annotations

import pytest

from alliance.domain.change import (
    assess_change,
    categorize,
    change_direction,
    cutoff_a,
    cutoff_b,
    cutoff_c,
    gas_t_score,
    gln_rc,
    hageman_arrindell_rc,
    is_reliable,
    jacobson_truax,
    published_threshold,
    sdiff,
    standard_error,
    talking_therapies_outcome,
)
from alliance.errors import InvalidInput
from alliance.instruments.catalog import load_instrument
from tests.vectors import GAS_T_SCORES

PHQ9 = load_instrument("phq9")
GAD7 = load_instrument("gad7")
WHO5 = load_instrument("who5")


# §7.1: pre, post, SD, r -> SE, Sdiff, RC, RCI raw (lower is better)
@pytest.mark.parametrize(
    ("pre", "post", "sd", "r", "se", "s_diff", "rc", "rci_raw"),
    [
        (18, 10, 5.0, 0.84, 2.0000, 2.8284, -2.8284, 5.5437),
        (20, 14, 5.41, 0.84, 2.1640, 3.0604, -1.9606, 5.9983),
        (12, 8, 3.5, 0.83, 1.4431, 2.0408, -1.9600, 4.0000),
        (40, 30, 7.6, 0.95, 1.6994, 2.4033, -4.1609, 4.7105),
    ],
)
def test_jacobson_truax_vectors(
    pre: float,
    post: float,
    sd: float,
    r: float,
    se: float,
    s_diff: float,
    rc: float,
    rci_raw: float,
) -> None:
    assert standard_error(sd, r) == pytest.approx(se, abs=5e-5)
    assert sdiff(sd, r) == pytest.approx(s_diff, abs=5e-5)
    result = jacobson_truax(pre, post, sd=sd, reliability=r, higher_is_better=False)
    assert result.rc == pytest.approx(rc, abs=5e-5)
    assert result.threshold_points == pytest.approx(rci_raw, abs=5e-5)
    assert result.direction == "improvement"
    assert result.reliable is (abs(result.rc) > 1.96)


def test_first_vector_is_a_reliable_improvement() -> None:
    assert jacobson_truax(18, 10, sd=5, reliability=0.84, higher_is_better=False).reliable


def test_rc_of_exactly_196_is_not_reliable() -> None:
    assert is_reliable(1.96) is False
    assert is_reliable(-1.96) is False
    assert is_reliable(1.9600001) is True
    assert is_reliable(-1.9600001) is True


def test_gad7_back_calculated_row_falls_just_short_under_jacobson_truax() -> None:
    # RC = -1.95998: the strict ">" keeps it unreliable; NHS TT's fixed 4 points counts it.
    jt = jacobson_truax(12, 8, sd=3.5, reliability=0.83, higher_is_better=False)
    assert jt.reliable is False
    assert published_threshold(12, 8, rci=4, higher_is_better=False).reliable is True


def test_published_threshold_counts_a_change_of_exactly_rci() -> None:
    exactly = published_threshold(20, 14, rci=6, higher_is_better=False)
    assert exactly.reliable is True
    assert exactly.rc == pytest.approx(-1.96)
    assert published_threshold(20, 15, rci=6, higher_is_better=False).reliable is False


def test_direction_follows_the_instrument() -> None:
    assert change_direction(10, 5, higher_is_better=False) == "improvement"
    assert change_direction(10, 5, higher_is_better=True) == "deterioration"
    assert change_direction(48, 60, higher_is_better=True) == "improvement"
    assert change_direction(7, 7, higher_is_better=True) == "none"


def test_spanier_cutoffs_higher_is_better() -> None:
    # §7.2: married M0 114.8 SD0 17.8; divorced M1 70.7 SD1 23.8
    assert cutoff_a(70.7, 23.8, higher_is_better=True) == pytest.approx(118.30)
    assert cutoff_b(114.8, 17.8, higher_is_better=True) == pytest.approx(79.20)
    assert cutoff_c(114.8, 17.8, 70.7, 23.8) == pytest.approx(95.9303, abs=5e-5)


def test_phq9_illustrative_cutoff_c_and_lower_is_better_a_b() -> None:
    assert cutoff_c(3, 3.5, 15, 5) == pytest.approx(7.9412, abs=5e-5)
    assert cutoff_a(15, 5, higher_is_better=False) == 5
    assert cutoff_b(3, 3.5, higher_is_better=False) == 10


def test_gln_vector() -> None:
    # §7.3: pre 18, post 10, M_pre 16, SD 5, r .84
    assert gln_rc(18, 10, pre_mean=16, sd=5, reliability=0.84) == pytest.approx(-2.830886, abs=5e-7)


def test_hageman_arrindell_vector() -> None:
    result = hageman_arrindell_rc(
        18, 10, pre_mean=16, post_mean=10, pre_sd=5, post_sd=6, reliability=0.84, pre_post_r=0.5
    )
    assert result.r_dd == pytest.approx(0.741935, abs=5e-7)
    assert result.rc == pytest.approx(-3.071837, abs=5e-7)


@pytest.mark.parametrize(("weights", "attainment", "t"), GAS_T_SCORES)
def test_gas_t_score_vectors(weights: list[float], attainment: list[int], t: float) -> None:
    assert gas_t_score(attainment, weights) == pytest.approx(t, abs=5e-5)


def test_gas_refuses_bad_input() -> None:
    with pytest.raises(InvalidInput):
        gas_t_score([3])
    with pytest.raises(InvalidInput):
        gas_t_score([1, 0], [1])
    with pytest.raises(InvalidInput):
        gas_t_score([1], [0])
    with pytest.raises(InvalidInput):
        gas_t_score([])


@pytest.mark.parametrize(
    ("pre", "post", "category", "significant"),
    [
        (16, 8, "recovered", True),  # drop 8 >= 6 and below caseness
        (20, 14, "improved", False),  # drop 6, still >= 10
        (11, 9, "unchanged", True),  # crossed the cut-off, but not reliably
        (12, 18, "deteriorated", False),
        (8, 2, "improved", False),  # never in the clinical range
    ],
)
def test_phq9_categories(pre: float, post: float, category: str, significant: bool) -> None:
    result = assess_change(PHQ9, pre, post)
    assert result.category == category
    assert result.clinically_significant is significant


def test_who5_change_of_12_points_counts_and_higher_is_better() -> None:
    result = assess_change(WHO5, 48, 60)
    assert result.reliable_change.reliable is True
    assert result.reliable_change.direction == "improvement"
    assert result.category == "recovered"  # from <= 50 to above it
    assert assess_change(WHO5, 60, 48).category == "deteriorated"
    assert assess_change(WHO5, 48, 56).reliable_change.reliable is False


def test_jacobson_truax_method_on_phq9_uses_its_sd_and_r() -> None:
    result = assess_change(PHQ9, 20, 14, "jacobson-truax")
    assert result.reliable_change.sdiff == pytest.approx(sdiff(5.5, 0.84))
    assert result.reliable_change.reliable is False  # 6 / 3.11 = 1.93
    assert "Jacobson-Truax" in result.reliable_change.method


def test_assess_change_refuses_scores_outside_the_range() -> None:
    with pytest.raises(InvalidInput, match="outside 0-27"):
        assess_change(PHQ9, 28, 10)


def test_instruments_without_norms_say_so() -> None:
    with pytest.raises(InvalidInput, match="SF-4 has no reliable-change norms: it is an Alliance"):
        assess_change(load_instrument("sf4"), 20, 30)


def test_categorize_without_a_cutoff_never_says_recovered() -> None:
    change = published_threshold(20, 10, rci=6, higher_is_better=False)
    assert categorize(change, None) == "improved"


def test_change_as_dict_keys() -> None:
    data = assess_change(PHQ9, 18, 10).as_dict()
    assert list(data) == ["rc", "reliable", "direction", "clinically_significant", "category"]


# §7.5 NHS Talking Therapies classification
def test_nhs_tt_reliable_recovery() -> None:
    result = talking_therapies_outcome(phq9_pre=16, phq9_post=8, gad7_pre=12, gad7_post=6)
    assert result.case_at_intake is True
    assert result.recovered is True
    assert result.reliable_improvement is True
    assert result.reliable_recovery is True
    assert result.reliable_deterioration is False


def test_nhs_tt_recovered_but_not_reliably() -> None:
    result = talking_therapies_outcome(phq9_pre=11, phq9_post=9, gad7_pre=9, gad7_post=7)
    assert result.recovered is True
    assert result.reliable_improvement is False
    assert result.reliable_recovery is False


def test_nhs_tt_not_a_case_is_excluded_from_recovery() -> None:
    result = talking_therapies_outcome(phq9_pre=8, phq9_post=4, gad7_pre=6, gad7_post=3)
    assert result.case_at_intake is False
    assert result.recovered is None
    assert result.reliable_recovery is None
    assert result.reliable_improvement is False  # drops 4 < 6 and 3 < 4


def test_nhs_tt_reliable_deterioration() -> None:
    result = talking_therapies_outcome(phq9_pre=12, phq9_post=18, gad7_pre=9, gad7_post=9)
    assert result.reliable_deterioration is True
    assert result.reliable_improvement is False
    assert result.recovered is False


def test_nhs_tt_improvement_on_one_and_deterioration_on_the_other_is_neither() -> None:
    result = talking_therapies_outcome(phq9_pre=18, phq9_post=10, gad7_pre=6, gad7_post=11)
    assert result.reliable_improvement is False
    assert result.reliable_deterioration is False


def test_nhs_tt_gad7_drop_of_4_alone_is_reliable_improvement() -> None:
    result = talking_therapies_outcome(phq9_pre=9, phq9_post=9, gad7_pre=12, gad7_post=8)
    assert result.reliable_improvement is True
    assert result.recovered is False  # GAD-7 8 is still a case


def test_nhs_tt_refuses_out_of_range_scores() -> None:
    with pytest.raises(InvalidInput, match="GAD-7 score 22"):
        talking_therapies_outcome(phq9_pre=9, phq9_post=9, gad7_pre=22, gad7_post=8)
