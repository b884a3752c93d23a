#!/usr/bin/env python3
"""scipy.optimize's global optimizers on the problems of bench/optimize/global_bench.cpp.

Usage: optimize_global.py --data-dir DIR --case CASE [--repetitions R] [--min-time S]

Cases: de_rastrigin10 (differential_evolution on the 10-d Rastrigin function
over [-5.12, 5.12]^10, rng=1, best1bin, popsize 15, maxiter 100, tol 0,
polish off: 15150 evaluations). The objective is written with NumPy as a SciPy
user would write it. Prints one JSON object as linalg_solve.py does, plus
`evaluations` (nfev); accuracy is f at the answer (minimum 0).
"""

import numpy as np
from scipy.optimize import differential_evolution

import peer_timing


def rastrigin(x):
    return 10.0 * len(x) + float(np.sum(x * x - 10.0 * np.cos(2 * np.pi * x)))


def main():
    args = peer_timing.parse_args(__doc__, ["de_rastrigin10"])
    n = 10
    bounds = [(-5.12, 5.12)] * n
    out = {}

    def call():
        out["result"] = differential_evolution(rastrigin, bounds, maxiter=100, tol=0, polish=False, rng=1)

    peer_timing.report(args, call, lambda: out["result"].fun, evaluations=lambda: out["result"].nfev)


if __name__ == "__main__":
    main()
