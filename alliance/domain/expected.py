"""Expected recovery: where a client's score would usually be by now, given where they started.

The model (in the spirit of Lambert's expected treatment response, Finch, Lambert & Schaalje
2001: a curve conditioned on the intake score, with tolerance bands around it):

    expected(t) = asymptote + (intake - asymptote) * exp(-rate * t)
    sd(t)       = spread * sqrt(1 - exp(-2 * rate * t))
    band(t)     = expected(t) -/+ band_z * sd(t)          (band_z 1.2816: 10th to 90th percentile)

`t` is the number of sessions since intake (t = 0 is the intake measure itself). The curve is
log-linear: log(score - asymptote) falls linearly with t. It is the mean path of a mean-reverting
(Ornstein-Uhlenbeck) process started at the intake score, which is why the band opens from zero
at intake and widens to `spread` as the curve levels off.

Parameters come from the instrument's YAML (`expected:`, with their provenance) until a caseload
has enough of its own history: `calibrate` fits the same curve to the caseload's completed
episodes that started within +-1 point of this client's intake, once at least 30 of them exist,
and the returned model says which it used ("default" or "calibrated from N episodes").

A score is "off track" when it falls outside the band on the worse side; `position` reports that
(alerts.py turns it into an alert). Pure Python, no numpy: the fit is a one-parameter search with
a closed-form asymptote, which is quick for caseload-sized data.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from alliance.errors import InvalidInput

BAND_Z_80 = 1.2816  # 10th-90th percentile of a normal: "red" above the 90th (Lambert-style)
MIN_EPISODES = 30
INTAKE_WINDOW = 1.0
_RATE_BOUNDS = (1e-3, 3.0)

Position = Literal["better", "within", "worse"]


@dataclass(frozen=True)
class RecoveryParams:
    """The curve's shape. `source` says where the numbers come from (shown to people)."""

    asymptote: float
    rate: float
    spread: float
    source: str = ""
    unit: str = "session"
    band_z: float = BAND_Z_80

    def __post_init__(self) -> None:
        if self.rate <= 0 or self.spread <= 0 or self.band_z <= 0:
            raise InvalidInput("expected-recovery rate, spread and band_z must be positive")


@dataclass(frozen=True)
class ExpectedPoint:
    t: float
    expected: float
    lower: float
    upper: float


@dataclass(frozen=True)
class Episode:
    """One completed episode: the intake score and later (t, score) observations, t > 0."""

    intake: float
    observations: tuple[tuple[float, float], ...]


@dataclass(frozen=True)
class ExpectedModel:
    """The expected trajectory for one intake score, clamped to the instrument's score range."""

    intake: float
    params: RecoveryParams
    basis: str
    n_episodes: int
    score_min: float
    score_max: float

    def at(self, t: float) -> ExpectedPoint:
        if t < 0:
            raise InvalidInput(f"sessions since intake cannot be negative ({t})")
        p = self.params
        decay = math.exp(-p.rate * t)
        expected = p.asymptote + (self.intake - p.asymptote) * decay
        half_width = p.band_z * p.spread * math.sqrt(1.0 - decay * decay)
        return ExpectedPoint(
            t=t,
            expected=self._clamp(expected),
            lower=self._clamp(expected - half_width),
            upper=self._clamp(expected + half_width),
        )

    def trajectory(self, ts: Iterable[float]) -> tuple[ExpectedPoint, ...]:
        return tuple(self.at(t) for t in ts)

    def _clamp(self, value: float) -> float:
        return min(self.score_max, max(self.score_min, value))


def default_model(
    intake: float, params: RecoveryParams, *, score_min: float, score_max: float
) -> ExpectedModel:
    return ExpectedModel(intake, params, "default", 0, score_min, score_max)


def calibrate(
    episodes: Sequence[Episode],
    *,
    intake: float,
    default: RecoveryParams | None,
    score_min: float,
    score_max: float,
    min_episodes: int = MIN_EPISODES,
    window: float = INTAKE_WINDOW,
) -> ExpectedModel | None:
    """The expected model for `intake`: fitted from similar episodes when there are enough.

    Similar means an intake within `window` points (inclusive) and at least one later score.
    With fewer than `min_episodes` of them the instrument's default parameters are used; with
    no defaults either, there is nothing to compare against and the result is None.
    """
    similar = [e for e in episodes if abs(e.intake - intake) <= window and len(e.observations) > 0]
    if len(similar) >= min_episodes:
        source = (
            f"fitted to {len(similar)} completed episodes in this caseload with an intake "
            f"within {window:g} point(s) of {intake:g}"
        )
        params = fit_recovery(similar, source=source)
        basis = f"calibrated from {len(similar)} episodes"
        return ExpectedModel(intake, params, basis, len(similar), score_min, score_max)
    if default is None:
        return None
    return default_model(intake, default, score_min=score_min, score_max=score_max)


def fit_recovery(episodes: Sequence[Episode], *, source: str = "") -> RecoveryParams:
    """Least-squares fit of asymptote and rate to all observations; spread from the residuals.

    For a fixed rate the asymptote has a closed form (the model is linear in it), so only the
    rate is searched: a coarse log-spaced grid, then golden-section refinement around the best.
    """
    points = [(e.intake, t, y) for e in episodes for t, y in e.observations]
    if not points or any(t <= 0 for _, t, _ in points):
        raise InvalidInput("fitting needs observations after intake (t > 0)")
    rate = _best_rate(points)
    asymptote = _asymptote_for(points, rate)
    spread = _spread_for(points, rate, asymptote)
    return RecoveryParams(asymptote=asymptote, rate=rate, spread=spread, source=source)


def position(
    model: ExpectedModel, t: float, observed: float, *, higher_is_better: bool
) -> Position:
    """Is the observed score inside the expected band, or outside it on the better/worse side?"""
    point = model.at(t)
    if observed > point.upper:
        return "better" if higher_is_better else "worse"
    if observed < point.lower:
        return "worse" if higher_is_better else "better"
    return "within"


def _asymptote_for(points: Sequence[tuple[float, float, float]], rate: float) -> float:
    # y - x0*w = A*(1 - w) with w = exp(-rate*t): ordinary least squares in A.
    numerator = denominator = 0.0
    for intake, t, y in points:
        w = math.exp(-rate * t)
        numerator += (1 - w) * (y - intake * w)
        denominator += (1 - w) ** 2
    return numerator / denominator


def _sse(points: Sequence[tuple[float, float, float]], rate: float) -> float:
    asymptote = _asymptote_for(points, rate)
    total = 0.0
    for intake, t, y in points:
        predicted = asymptote + (intake - asymptote) * math.exp(-rate * t)
        total += (y - predicted) ** 2
    return total


def _best_rate(points: Sequence[tuple[float, float, float]]) -> float:
    low, high = _RATE_BOUNDS
    steps = 60
    grid = [low * math.exp(math.log(high / low) * i / steps) for i in range(steps + 1)]
    best = min(range(len(grid)), key=lambda i: _sse(points, grid[i]))
    a, b = grid[max(best - 1, 0)], grid[min(best + 1, steps)]
    golden = (math.sqrt(5) - 1) / 2
    for _ in range(60):
        c, d = b - golden * (b - a), a + golden * (b - a)
        if _sse(points, c) <= _sse(points, d):
            b = d
        else:
            a = c
    return (a + b) / 2


def _spread_for(
    points: Sequence[tuple[float, float, float]], rate: float, asymptote: float
) -> float:
    # Var(t) = spread^2 * (1 - exp(-2 rate t)): pooled moment estimate of spread^2.
    squared = weight = 0.0
    for intake, t, y in points:
        predicted = asymptote + (intake - asymptote) * math.exp(-rate * t)
        squared += (y - predicted) ** 2
        weight += 1 - math.exp(-2 * rate * t)
    spread = math.sqrt(squared / weight) if weight > 0 else 0.0
    # A perfectly regular caseload would give zero spread and a zero-width band; keep it usable.
    return max(spread, 1e-6)
