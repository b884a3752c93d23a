#!/usr/bin/env python3
"""scipy.optimize on the problems of bench/optimize/minimize_bench.cpp.

Usage: optimize_minimize.py --data-dir DIR --case CASE [--repetitions R] [--min-time S]

Cases: lbfgsb_rosen1000, bfgs_rosen50 (extended Rosenbrock with its gradient,
vectorized with NumPy as a SciPy user would write it), neldermead_quadratic10,
brentq_batch (100 000 scipy.optimize.brentq calls in a Python loop). Prints one
JSON object as linalg_solve.py does, plus `evaluations` (nfev, or the summed
function_calls of brentq); accuracy is f at the answer, or the largest root
error, by the formulas of the C++ side.
"""

import numpy as np
from scipy.optimize import brentq, minimize

import peer_timing

BATCH = 100_000


def extended_rosenbrock(x):
    a = x[1::2] - x[0::2] ** 2
    b = 1 - x[0::2]
    return float(np.sum(100 * a * a + b * b))


def extended_rosenbrock_gradient(x):
    g = np.empty_like(x)
    a = x[1::2] - x[0::2] ** 2
    g[0::2] = -400 * x[0::2] * a - 2 * (1 - x[0::2])
    g[1::2] = 200 * a
    return g


def rosenbrock_start(n):
    return np.where(np.arange(n) % 2 == 0, -1.2, 1.0)


def weighted_quadratic(x):
    return float(np.sum(np.arange(1, len(x) + 1) * x * x))


def main():
    args = peer_timing.parse_args(__doc__, ["lbfgsb_rosen1000", "bfgs_rosen50", "neldermead_quadratic10",
                                            "brentq_batch"])
    out = {}
    if args.case == "brentq_batch":
        c = 1 + np.arange(BATCH) / BATCH

        def call():
            roots, calls = np.empty(BATCH), 0
            for k in range(BATCH):
                ck = float(c[k])
                root, r = brentq(lambda x: x * x * x - ck, 0.0, 2.0, full_output=True)
                roots[k] = root
                calls += r.function_calls
            out["roots"], out["evaluations"] = roots, calls

        peer_timing.report(args, call, lambda: np.max(np.abs(out["roots"] - np.cbrt(c))),
                           evaluations=lambda: out["evaluations"])
        return
    if args.case == "neldermead_quadratic10":
        problem = dict(fun=weighted_quadratic, x0=np.ones(10), method="Nelder-Mead",
                       options=dict(maxiter=20000, maxfev=20000, xatol=1e-8, fatol=1e-8))
    else:
        n = 1000 if args.case == "lbfgsb_rosen1000" else 50
        problem = dict(fun=extended_rosenbrock, x0=rosenbrock_start(n), jac=extended_rosenbrock_gradient,
                       method="L-BFGS-B" if n == 1000 else "BFGS")

    def call():
        out["result"] = minimize(**problem)

    peer_timing.report(args, call, lambda: out["result"].fun, evaluations=lambda: out["result"].nfev)


if __name__ == "__main__":
    main()
