"""Published test vectors shared by several test modules (clinical-facts.md section 7)."""

# Goal Attainment Scaling T-scores (Kiresuk-Sherman, rho 0.3): weights, attainment, T.
GAS_T_SCORES: list[tuple[tuple[int, ...], tuple[int, ...], float]] = [
    ((1, 1, 1), (0, 0, 0), 50.0),
    ((1, 1, 1), (1, 0, -1), 50.0),
    ((1, 1, 1), (-1, -1, -1), 36.3069),
    ((1, 1, 1), (2, 2, 2), 77.3861),
    ((1, 1, 1), (-2, -2, -2), 22.6139),
    ((3, 2, 1), (1, 0, -1), 54.4065),
    ((1,), (-1,), 40.0),
    ((1,), (2,), 70.0),
    ((1, 1, 1, 1, 1), (1, 1, 1, 1, 1), 65.0756),
    ((1, 1), (1, 0), 56.2017),
]
