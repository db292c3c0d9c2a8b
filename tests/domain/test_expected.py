"""Expected recovery: the curve, its band, the default/calibrated choice and the fit."""

from __future__ import annotations

import itertools
import math
import random

import pytest

from alliance.domain.expected import (
    BAND_Z_80,
    Episode,
    RecoveryParams,
    calibrate,
    default_model,
    fit_recovery,
    position,
)
from alliance.errors import InvalidInput
from alliance.instruments.catalog import load_instrument

PARAMS = RecoveryParams(asymptote=5, rate=0.15, spread=5.5, source="test")


def test_curve_starts_at_intake_with_a_closed_band() -> None:
    point = default_model(15, PARAMS, score_min=0, score_max=27).at(0)
    assert point.expected == point.lower == point.upper == 15


def test_curve_follows_the_log_linear_formula() -> None:
    model = default_model(15, PARAMS, score_min=0, score_max=27)
    point = model.at(8)
    expected = 5 + 10 * math.exp(-0.15 * 8)
    half = BAND_Z_80 * 5.5 * math.sqrt(1 - math.exp(-2 * 0.15 * 8))
    assert point.expected == pytest.approx(expected)
    assert point.upper == pytest.approx(expected + half)
    assert point.lower == pytest.approx(max(0.0, expected - half))


def test_curve_approaches_the_asymptote_and_band_widens() -> None:
    model = default_model(20, PARAMS, score_min=0, score_max=27)
    points = model.trajectory(range(0, 60, 4))
    assert all(a.expected > b.expected for a, b in itertools.pairwise(points))
    widths = [p.upper - p.expected for p in points]
    assert all(a < b for a, b in itertools.pairwise(widths))
    assert points[-1].expected == pytest.approx(5, abs=0.05)


def test_band_is_clamped_to_the_score_range() -> None:
    point = default_model(3, PARAMS, score_min=0, score_max=27).at(30)
    assert point.lower == 0


def test_negative_time_is_refused() -> None:
    with pytest.raises(InvalidInput):
        default_model(15, PARAMS, score_min=0, score_max=27).at(-1)


def test_position_is_direction_aware() -> None:
    model = default_model(15, PARAMS, score_min=0, score_max=27)
    upper = model.at(6).upper
    assert position(model, 6, upper + 0.5, higher_is_better=False) == "worse"
    assert position(model, 6, upper + 0.5, higher_is_better=True) == "better"
    assert position(model, 6, model.at(6).expected, higher_is_better=False) == "within"


def simulated_episodes(
    n: int, intake: float, params: RecoveryParams, *, seed: int = 7, sessions: int = 10
) -> list[Episode]:
    rng = random.Random(seed)
    episodes = []
    for _ in range(n):
        observations = []
        for t in range(1, sessions + 1):
            decay = math.exp(-params.rate * t)
            mean = params.asymptote + (intake - params.asymptote) * decay
            sd = params.spread * math.sqrt(1 - decay * decay)
            observations.append((float(t), mean + rng.gauss(0, sd)))
        episodes.append(Episode(intake, tuple(observations)))
    return episodes


def test_fit_recovers_known_parameters() -> None:
    truth = RecoveryParams(asymptote=6, rate=0.25, spread=3)
    fitted = fit_recovery(simulated_episodes(400, 18, truth))
    assert fitted.asymptote == pytest.approx(6, abs=0.5)
    assert fitted.rate == pytest.approx(0.25, abs=0.03)
    assert fitted.spread == pytest.approx(3, abs=0.3)


def test_calibrate_uses_defaults_below_30_similar_episodes() -> None:
    episodes = simulated_episodes(29, 16, RecoveryParams(asymptote=9, rate=0.3, spread=3))
    model = calibrate(episodes, intake=16, default=PARAMS, score_min=0, score_max=27)
    assert model is not None
    assert model.basis == "default"
    assert model.params == PARAMS


def test_calibrate_fits_once_30_similar_episodes_exist() -> None:
    truth = RecoveryParams(asymptote=9, rate=0.3, spread=3)
    episodes = simulated_episodes(30, 16, truth)
    model = calibrate(episodes, intake=16, default=PARAMS, score_min=0, score_max=27)
    assert model is not None
    assert model.basis == "calibrated from 30 episodes"
    assert model.n_episodes == 30
    assert model.params.asymptote == pytest.approx(9, abs=1.5)
    assert "30 completed episodes" in model.params.source


def test_calibrate_only_counts_intakes_within_one_point() -> None:
    near = simulated_episodes(20, 17, PARAMS) + simulated_episodes(10, 15, PARAMS, seed=3)
    far = simulated_episodes(30, 20, PARAMS, seed=5)
    model = calibrate(near + far, intake=16, default=PARAMS, score_min=0, score_max=27)
    assert model is not None and model.basis == "calibrated from 30 episodes"
    fewer = calibrate(near[:29] + far, intake=16, default=PARAMS, score_min=0, score_max=27)
    assert fewer is not None and fewer.basis == "default"


def test_calibrate_without_defaults_or_history_returns_none() -> None:
    assert calibrate([], intake=16, default=None, score_min=0, score_max=40) is None


def test_fit_needs_observations_after_intake() -> None:
    with pytest.raises(InvalidInput):
        fit_recovery([Episode(10, ((0.0, 10.0),))])


def test_shipped_defaults_carry_their_provenance() -> None:
    for instrument_id in ("phq9", "gad7", "who5"):
        params = load_instrument(instrument_id).expected
        assert params is not None
        assert "not a published fit" in params.source
    assert load_instrument("sf4").expected is None


def test_phq9_default_reaches_below_caseness_by_session_8_from_the_nhs_intake_mean() -> None:
    phq9 = load_instrument("phq9")
    assert phq9.expected is not None
    model = default_model(15.4, phq9.expected, score_min=0, score_max=27)
    assert model.at(8).expected < 10
