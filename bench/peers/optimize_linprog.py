#!/usr/bin/env python3
"""scipy.optimize.linprog (method 'highs') on the sparse LP of bench/optimize/linprog_bench.cpp.

Usage: optimize_linprog.py --data-dir DIR --case sparse2000 [--repetitions R] [--min-time S]

Solves min c^T x, A x <= b, 0 <= x <= 10 with A the 2000 x 2000 sparse matrix
of lp_sparse_2000/{rows,cols,vals}.npy (built once as CSR, before the clock),
b = b_ub.npy, c = c.npy. Prints one JSON object as linalg_solve.py does;
accuracy is the largest relative KKT violation (primal infeasibility, dual
infeasibility, duality gap) from SciPy's own x and marginals, as our side
computes it.
"""

import numpy as np
import scipy.sparse
from scipy.optimize import linprog

import peer_timing

UPPER = 10.0


def kkt_violation(a, b, c, res):
    if res.status != 0:
        return float("inf")
    primal = np.max(np.maximum(a @ res.x - b, 0)) / (1 + np.max(np.abs(b)))
    y, zl, zu = res.ineqlin.marginals, res.lower.marginals, res.upper.marginals
    dual = np.max(np.abs(c - a.T @ y - zl - zu)) / (1 + np.max(np.abs(c)))
    gap = abs(res.fun - (b @ y + UPPER * np.sum(zu))) / (1 + abs(res.fun))
    return max(primal, dual, gap)


def main():
    args = peer_timing.parse_args(__doc__, ["sparse2000"])
    d = args.data_dir / "lp_sparse_2000"
    rows, cols, vals = (np.load(d / f"{k}.npy") for k in ("rows", "cols", "vals"))
    b, c = np.load(d / "b_ub.npy"), np.load(d / "c.npy")
    a = scipy.sparse.csr_array((vals, (rows, cols)), shape=(len(b), len(c)))
    out = {}

    def call():
        out["res"] = linprog(c, A_ub=a, b_ub=b, bounds=(0, UPPER), method="highs")

    peer_timing.report(args, call, lambda: kkt_violation(a, b, c, out["res"]))


if __name__ == "__main__":
    main()
