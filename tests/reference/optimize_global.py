#!/usr/bin/env python3
"""Reference runs of scipy.optimize.differential_evolution for
tests/optimize/global_test.cpp.

SciPy's random stream (NumPy's) is not scilearn's, so a run cannot be
reproduced step for step; what can be compared is how often and how cheaply
the method finds the global minimum. For each test problem this script runs
differential_evolution with SciPy's defaults (best1bin, popsize 15, tol 0.01,
mutation (0.5, 1), recombination 0.7, latinhypercube, immediate updating, L-BFGS-B
polish) for rng = 0, ..., SEEDS - 1 and writes one row of
tests/data/optimize/global/de_reference.csv:

    problem, n, seeds, successes, median_nfev, median_gap, max_gap, median_nit

  problem     the name used by the C++ test (the functions are defined in both
              places with the same formulas)
  successes   runs with f - f_min <= 1e-4 max(1, |f_min|)
  median_nfev median number of evaluations (the polish's included)
  median_gap  median of f - f_min; max_gap its largest value
  median_nit  median number of generations

Run with the pinned peers: .venv/bin/python3 tests/reference/optimize_global.py
"""
import pathlib

import numpy as np
import scipy
from scipy.optimize import differential_evolution

import fixture_io

OUT = pathlib.Path(__file__).resolve().parents[1] / "data" / "optimize" / "global"
SEEDS = 10


def rastrigin(x):
    return 10.0 * len(x) + float(np.sum(x * x - 10.0 * np.cos(2 * np.pi * x)))


def ackley(x):
    n = len(x)
    return float(-20.0 * np.exp(-0.2 * np.sqrt(np.sum(x * x) / n)) - np.exp(np.sum(np.cos(2 * np.pi * x)) / n)
                 + 20.0 + np.e)


def rosenbrock(x):
    return float(np.sum(100.0 * (x[1:] - x[:-1] ** 2) ** 2 + (1 - x[:-1]) ** 2))


def eggholder(x):
    a, b = x[0], x[1]
    return float(-(b + 47) * np.sin(np.sqrt(abs(a / 2 + (b + 47)))) - a * np.sin(np.sqrt(abs(a - (b + 47)))))


def camel(x):
    a, b = x[0], x[1]
    return float((4 - 2.1 * a * a + a ** 4 / 3) * a * a + a * b + (-4 + 4 * b * b) * b * b)


def branin(x):
    a, b = x[0], x[1]
    t = b - 5.1 / (4 * np.pi ** 2) * a * a + 5 / np.pi * a - 6
    return float(t * t + 10 * (1 - 1 / (8 * np.pi)) * np.cos(a) + 10)


HARTMANN3_A = np.array([[3.0, 10, 30], [0.1, 10, 35], [3.0, 10, 30], [0.1, 10, 35]])
HARTMANN3_P = 1e-4 * np.array([[3689, 1170, 2673], [4699, 4387, 7470], [1091, 8732, 5547], [381, 5743, 8828]])
HARTMANN3_C = np.array([1.0, 1.2, 3.0, 3.2])


def hartmann3(x):
    return float(-np.sum(HARTMANN3_C * np.exp(-np.sum(HARTMANN3_A * (x - HARTMANN3_P) ** 2, axis=1))))


# name, function, bounds, global minimum value
PROBLEMS = [
    ("rastrigin2", rastrigin, [(-5.12, 5.12)] * 2, 0.0),
    ("rastrigin5", rastrigin, [(-5.12, 5.12)] * 5, 0.0),
    ("ackley2", ackley, [(-5.0, 5.0)] * 2, 0.0),
    ("rosenbrock5", rosenbrock, [(-5.0, 5.0)] * 5, 0.0),
    ("eggholder", eggholder, [(-512.0, 512.0)] * 2, -959.6406627208505),
    ("camel", camel, [(-3.0, 3.0), (-2.0, 2.0)], -1.031628453489877),
    ("branin", branin, [(-5.0, 10.0), (0.0, 15.0)], 0.39788735772973816),
    ("hartmann3", hartmann3, [(0.0, 1.0)] * 3, -3.862782147820756),
]


def sample_rows(solve):
    """One row per problem: solve(f, bounds, seed) for seeds 0, ..., SEEDS - 1."""
    rows = []
    for name, f, bounds, fmin in PROBLEMS:
        gaps, nfevs, nits = [], [], []
        for seed in range(SEEDS):
            r = solve(f, bounds, seed)
            gaps.append(r.fun - fmin)
            nfevs.append(r.nfev)
            nits.append(r.nit)
        gaps = np.array(gaps)
        successes = int(np.sum(gaps <= 1e-4 * max(1.0, abs(fmin))))
        rows.append([name, len(bounds), SEEDS, successes, float(np.median(nfevs)), repr(float(np.median(gaps))),
                     repr(float(np.max(gaps))), float(np.median(nits))])
        print(rows[-1])
    return rows


def write_rows(file_name, rows):
    OUT.mkdir(parents=True, exist_ok=True)
    fixture_io.write_manifest(OUT / file_name,
                              ["problem", "n", "seeds", "successes", "median_nfev", "median_gap", "max_gap",
                               "median_nit"], rows)


def main():
    print("SciPy", scipy.__version__)
    write_rows("de_reference.csv", sample_rows(lambda f, bounds, seed: differential_evolution(f, bounds, rng=seed)))


if __name__ == "__main__":
    main()
