"""Change between two scores: reliable change, clinical significance, categories, NHS TT, GAS.

Jacobson & Truax (1991):

    SE    = SD * sqrt(1 - r)          r: the instrument's reliability (test-retest where known)
    Sdiff = sqrt(2) * SE
    RC    = (post - pre) / Sdiff      reliable when |RC| > 1.96

The 1.96 boundary: |RC| exactly 1.96 does NOT count as reliable. We follow the R package
`clinicalsignificance`, which tests with a strict ">"; `is_reliable` is the one place this lives.

Where an instrument has a published fixed threshold (`rci`: PHQ-9 6 and GAD-7 4 per NHS Talking
Therapies, WHO-5 10 points), that convention is "a change of at least rci points" (>=) and it is
used by default, because these are the thresholds clinicians and services report against. RC is
then reported as change / (rci / 1.96), the z implied by the threshold, and the decision is made
on the points, not on that z. `method="jacobson-truax"` forces the SD and r route.

Direction matters: lower is better for PHQ-9 and GAD-7, higher for WHO-5 and SF-4; "improvement"
and "deterioration" are always in the instrument's own sense.

Clinical significance (J&T cut-offs a, b, c): an instrument names the cut-off whose reached side
is the clinical range (PHQ-9 caseness >= 10, WHO-5 <= 50). A change is clinically significant when
the pre score was in the clinical range and the post score is not. Categories (J&T): recovered =
reliable improvement and clinically significant; improved = reliable improvement only;
deteriorated = reliable deterioration; unchanged = anything else (crossing the cut-off without a
reliable change stays "unchanged", as in J&T).

Also here: the Gulliksen-Lord-Novick and Hageman-Arrindell alternatives, NHS Talking Therapies
indicators and the GAS T-score (Kiresuk & Sherman 1968).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from alliance.domain.instruments import Instrument, check_total
from alliance.errors import InvalidInput

Z_TWO_TAILED_95 = 1.96
Z_ONE_TAILED_95 = 1.65  # Hageman-Arrindell's critical value in `clinicalsignificance`

ChangeDirection = Literal["improvement", "deterioration", "none"]
Category = Literal["recovered", "improved", "unchanged", "deteriorated"]
ChangeMethod = Literal["auto", "jacobson-truax", "published"]
METHODS: tuple[ChangeMethod, ...] = ("auto", "jacobson-truax", "published")


@dataclass(frozen=True)
class ReliableChange:
    change: float  # post - pre, in reported points
    rc: float
    sdiff: float
    threshold_points: float  # the smallest |change| that counts as reliable
    reliable: bool
    direction: ChangeDirection
    method: str


@dataclass(frozen=True)
class ChangeAssessment:
    pre: float
    post: float
    reliable_change: ReliableChange
    clinically_significant: bool | None  # None: the instrument has no clinical cut-off
    category: Category

    def as_dict(self) -> dict[str, object]:
        """The stable JSON shape: rc, reliable, direction, clinically_significant, category."""
        return {
            "rc": round(self.reliable_change.rc, 4),
            "reliable": self.reliable_change.reliable,
            "direction": self.reliable_change.direction,
            "clinically_significant": self.clinically_significant,
            "category": self.category,
        }


def standard_error(sd: float, reliability: float) -> float:
    """SE of measurement: SD * sqrt(1 - r)."""
    if sd <= 0:
        raise InvalidInput(f"the SD must be positive, not {sd}")
    if not 0 <= reliability < 1:
        raise InvalidInput(f"reliability must be at least 0 and below 1, not {reliability}")
    return sd * math.sqrt(1 - reliability)


def sdiff(sd: float, reliability: float) -> float:
    """Standard error of a difference: sqrt(2) * SE (the Christensen & Mendoza correction)."""
    return math.sqrt(2) * standard_error(sd, reliability)


def is_reliable(rc: float, z: float = Z_TWO_TAILED_95) -> bool:
    """Strictly beyond the critical value: |RC| == 1.96 is not reliable (`clinicalsignificance`)."""
    return abs(rc) > z


def change_direction(pre: float, post: float, *, higher_is_better: bool) -> ChangeDirection:
    if post == pre:
        return "none"
    went_up = post > pre
    return "improvement" if went_up == higher_is_better else "deterioration"


def jacobson_truax(
    pre: float,
    post: float,
    *,
    sd: float,
    reliability: float,
    higher_is_better: bool,
    z: float = Z_TWO_TAILED_95,
) -> ReliableChange:
    s_diff = sdiff(sd, reliability)
    rc = (post - pre) / s_diff
    return ReliableChange(
        change=post - pre,
        rc=rc,
        sdiff=s_diff,
        threshold_points=z * s_diff,
        reliable=is_reliable(rc, z),
        direction=change_direction(pre, post, higher_is_better=higher_is_better),
        method=f"Jacobson-Truax (SD {sd:g}, r {reliability:g})",
    )


def published_threshold(
    pre: float, post: float, *, rci: float, higher_is_better: bool
) -> ReliableChange:
    """A fixed published threshold: reliable when |post - pre| >= rci points."""
    if rci <= 0:
        raise InvalidInput(f"a reliable-change threshold must be positive, not {rci}")
    implied_sdiff = rci / Z_TWO_TAILED_95
    return ReliableChange(
        change=post - pre,
        rc=(post - pre) / implied_sdiff,
        sdiff=implied_sdiff,
        threshold_points=rci,
        reliable=abs(post - pre) >= rci,
        direction=change_direction(pre, post, higher_is_better=higher_is_better),
        method=f"published threshold of {rci:g} points",
    )


def cutoff_a(
    dysfunctional_mean: float, dysfunctional_sd: float, *, higher_is_better: bool
) -> float:
    """Two SDs beyond the dysfunctional mean, in the healthy direction."""
    step = 2 * dysfunctional_sd
    return dysfunctional_mean + step if higher_is_better else dysfunctional_mean - step


def cutoff_b(functional_mean: float, functional_sd: float, *, higher_is_better: bool) -> float:
    """Within two SDs of the functional mean, on the dysfunctional side."""
    step = 2 * functional_sd
    return functional_mean - step if higher_is_better else functional_mean + step


def cutoff_c(
    functional_mean: float, functional_sd: float, dysfunctional_mean: float, dysfunctional_sd: float
) -> float:
    """The SD-weighted midpoint; J&T's preferred cut-off when the distributions overlap."""
    weighted = functional_sd * dysfunctional_mean + dysfunctional_sd * functional_mean
    return weighted / (functional_sd + dysfunctional_sd)


def categorize(change: ReliableChange, clinically_significant: bool | None) -> Category:
    if change.reliable and change.direction == "deterioration":
        return "deteriorated"
    if change.reliable and change.direction == "improvement":
        return "recovered" if clinically_significant else "improved"
    return "unchanged"


def reliable_change_for(
    instrument: Instrument, pre: float, post: float, method: ChangeMethod = "auto"
) -> ReliableChange:
    """Reliable change with the instrument's norms: its published threshold first, else J&T."""
    norms = instrument.change
    if norms is None:
        why = "" if instrument.validated else ": it is an Alliance scale, not a validated measure"
        raise InvalidInput(f"{instrument.short_name} has no reliable-change norms{why}")
    use_published = method == "published" or (method == "auto" and norms.rci is not None)
    if use_published:
        if norms.rci is None:
            raise InvalidInput(
                f"{instrument.short_name} has no published reliable-change threshold"
            )
        return published_threshold(
            pre,
            post,
            rci=norms.rci,
            higher_is_better=instrument.higher_is_better,
        )
    if norms.sd is None or norms.reliability is None:
        raise InvalidInput(f"{instrument.short_name} has no SD and reliability for Jacobson-Truax")
    return jacobson_truax(
        pre,
        post,
        sd=norms.sd,
        reliability=norms.reliability,
        higher_is_better=instrument.higher_is_better,
    )


def assess_change(
    instrument: Instrument, pre: float, post: float, method: ChangeMethod = "auto"
) -> ChangeAssessment:
    """Reliable change, clinical significance and the J&T category for one pre/post pair."""
    check_total(instrument, pre, "pre score")
    check_total(instrument, post, "post score")
    rc = reliable_change_for(instrument, pre, post, method)
    significant = clinically_significant(instrument, pre, post)
    return ChangeAssessment(pre, post, rc, significant, categorize(rc, significant))


def clinically_significant(instrument: Instrument, pre: float, post: float) -> bool | None:
    """Pre in the clinical range and post out of it; None when there is no clinical cut-off."""
    norms = instrument.change
    if norms is None or norms.clinical_cutoff is None:
        return None
    cutoff = instrument.cutoff(norms.clinical_cutoff)
    return cutoff.reached(pre) and not cutoff.reached(post)


def gln_rc(pre: float, post: float, *, pre_mean: float, sd: float, reliability: float) -> float:
    """Gulliksen-Lord-Novick RC (Hsu 1989): corrects for regression to the mean; critical 1.96."""
    se_pred = sd * math.sqrt(1 - reliability**2)
    return ((post - pre_mean) - reliability * (pre - pre_mean)) / se_pred


@dataclass(frozen=True)
class Hageman:
    r_dd: float
    rc: float


def hageman_arrindell_rc(
    pre: float,
    post: float,
    *,
    pre_mean: float,
    post_mean: float,
    pre_sd: float,
    post_sd: float,
    reliability: float,
    pre_post_r: float,
) -> Hageman:
    """Hageman & Arrindell (1999) RC_ID, as in `clinicalsignificance`; critical value 1.65."""
    se = standard_error(pre_sd, reliability)
    r_xx1 = (pre_sd**2 - se**2) / pre_sd**2
    r_xx2 = (post_sd**2 - se**2) / post_sd**2
    cross = 2 * pre_sd * post_sd * pre_post_r
    r_dd = (pre_sd**2 * r_xx1 + post_sd**2 * r_xx2 - cross) / (pre_sd**2 + post_sd**2 - cross)
    numerator = (post - pre) * r_dd + (post_mean - pre_mean) * (1 - r_dd)
    return Hageman(r_dd, numerator / (math.sqrt(r_dd) * math.sqrt(2 * se**2)))


# NHS Talking Therapies (formerly IAPT): caseness and reliable-change thresholds.
PHQ9_CASENESS = 10
GAD7_CASENESS = 8
PHQ9_RELIABLE_POINTS = 6
GAD7_RELIABLE_POINTS = 4


@dataclass(frozen=True)
class TalkingTherapiesOutcome:
    """NHS Talking Therapies indicators for one episode (PHQ-9 and GAD-7, first and last).

    Recovery is only defined for cases at intake: for others `recovered` and
    `reliable_recovery` are None (they leave the recovery denominator).
    """

    case_at_intake: bool
    recovered: bool | None
    reliable_improvement: bool
    reliable_deterioration: bool
    reliable_recovery: bool | None


def talking_therapies_outcome(
    *, phq9_pre: int, phq9_post: int, gad7_pre: int, gad7_post: int
) -> TalkingTherapiesOutcome:
    """Caseness PHQ-9 >= 10 or GAD-7 >= 8; recovery: a case at intake, below both at the end.

    Reliable improvement: PHQ-9 falls by >= 6 or GAD-7 by >= 4, with no reliable deterioration
    on the other; reliable deterioration is the mirror image. Reliable recovery: both.
    """
    for name, value, top in (
        ("PHQ-9", phq9_pre, 27),
        ("PHQ-9", phq9_post, 27),
        ("GAD-7", gad7_pre, 21),
        ("GAD-7", gad7_post, 21),
    ):
        if not 0 <= value <= top:
            raise InvalidInput(f"{name} score {value} is outside 0-{top}")
    phq_drop, gad_drop = phq9_pre - phq9_post, gad7_pre - gad7_post
    phq_better, gad_better = phq_drop >= PHQ9_RELIABLE_POINTS, gad_drop >= GAD7_RELIABLE_POINTS
    phq_worse, gad_worse = -phq_drop >= PHQ9_RELIABLE_POINTS, -gad_drop >= GAD7_RELIABLE_POINTS
    improvement = (phq_better and not gad_worse) or (gad_better and not phq_worse)
    deterioration = (phq_worse and not gad_better) or (gad_worse and not phq_better)
    case = phq9_pre >= PHQ9_CASENESS or gad7_pre >= GAD7_CASENESS
    if not case:
        return TalkingTherapiesOutcome(False, None, improvement, deterioration, None)
    recovered = phq9_post < PHQ9_CASENESS and gad7_post < GAD7_CASENESS
    return TalkingTherapiesOutcome(
        True, recovered, improvement, deterioration, recovered and improvement
    )


GAS_RHO = 0.3


def gas_t_score(
    attainments: Sequence[int], weights: Sequence[float] | None = None, rho: float = GAS_RHO
) -> float:
    """Kiresuk & Sherman T = 50 + 10 sum(w x) / sqrt((1 - rho) sum(w^2) + rho (sum w)^2).

    Attainment x is -2..+2 per goal (0 = as expected); weights default to 1 and must be positive.
    """
    if not attainments:
        raise InvalidInput("goal attainment needs at least one goal")
    if any(x not in (-2, -1, 0, 1, 2) for x in attainments):
        raise InvalidInput("each goal attainment must be one of -2, -1, 0, +1, +2")
    w = [1.0] * len(attainments) if weights is None else [float(v) for v in weights]
    if len(w) != len(attainments):
        raise InvalidInput(
            f"{len(attainments)} goals need {len(attainments)} weights, got {len(w)}"
        )
    if any(v <= 0 for v in w):
        raise InvalidInput("goal weights must be positive")
    if not 0 <= rho < 1:
        raise InvalidInput(f"rho must be at least 0 and below 1, not {rho}")
    weighted = sum(wi * xi for wi, xi in zip(w, attainments, strict=True))
    spread = math.sqrt((1 - rho) * sum(wi * wi for wi in w) + rho * sum(w) ** 2)
    return 50 + 10 * weighted / spread
