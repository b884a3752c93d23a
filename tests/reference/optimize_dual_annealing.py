#!/usr/bin/env python3
"""Reference runs of scipy.optimize.dual_annealing for
tests/optimize/global_test.cpp, on the problems of optimize_global.py.

As for differential_evolution, SciPy's random stream is not scilearn's, so
what is compared is how often and how cheaply the method finds the global
minimum: for rng = 0, ..., SEEDS - 1 with SciPy's defaults, one row of
tests/data/optimize/global/da_reference.csv per problem with the columns of
de_reference.csv (problem, n, seeds, successes, median_nfev, median_gap,
max_gap, median_nit).

Run with the pinned peers: .venv/bin/python3 tests/reference/optimize_dual_annealing.py
"""
import numpy as np
import scipy
from scipy.optimize import dual_annealing

import fixture_io
from optimize_global import OUT, PROBLEMS, SEEDS


def main():
    print("SciPy", scipy.__version__)
    rows = []
    for name, f, bounds, fmin in PROBLEMS:
        gaps, nfevs, nits = [], [], []
        for seed in range(SEEDS):
            r = dual_annealing(f, bounds, rng=seed)
            gaps.append(r.fun - fmin)
            nfevs.append(r.nfev)
            nits.append(r.nit)
        gaps = np.array(gaps)
        successes = int(np.sum(gaps <= 1e-4 * max(1.0, abs(fmin))))
        rows.append([name, len(bounds), SEEDS, successes, float(np.median(nfevs)), repr(float(np.median(gaps))),
                     repr(float(np.max(gaps))), float(np.median(nits))])
        print(rows[-1])
    fixture_io.write_manifest(OUT / "da_reference.csv",
                              ["problem", "n", "seeds", "successes", "median_nfev", "median_gap", "max_gap",
                               "median_nit"], rows)


if __name__ == "__main__":
    main()
