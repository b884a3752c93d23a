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
import scipy
from scipy.optimize import dual_annealing

from optimize_global import sample_rows, write_rows


def main():
    print("SciPy", scipy.__version__)
    write_rows("da_reference.csv", sample_rows(lambda f, bounds, seed: dual_annealing(f, bounds, rng=seed)))


if __name__ == "__main__":
    main()
