"""SciPy's lsq_linear (methods 'trf' and 'bvls') on random bounded problems:
tall, square and wide, full rank and rank deficient, with bounds that cut
off the unconstrained solution, one-sided and infinite bounds, and one whose
unconstrained solution is feasible. Writes A, b, lb, ub per case under
tests/data/optimize/lsq_linear/ and cases.csv (per case and method: status,
nit, cost, optimality, active count and x) for
tests/optimize/lsq_linear_test.cpp.

Run: .venv/bin/python tests/reference/optimize_lsq_linear.py
"""

import csv
from pathlib import Path

import numpy as np
import scipy
from scipy.optimize import lsq_linear

OUT = Path(__file__).resolve().parents[1] / "data" / "optimize" / "lsq_linear"


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(20261206)
    rows = []
    shapes = [("tall", 30, 8), ("square", 10, 10), ("wide", 6, 12), ("tall_big", 200, 40),
              ("rank_deficient", 25, 8), ("one_sided", 40, 10), ("feasible", 20, 5)]
    for name, m, n in shapes:
        a = rng.standard_normal((m, n))
        if name == "rank_deficient":
            a[:, 5] = a[:, 1] + a[:, 2]
        b = rng.standard_normal(m) * 3
        lb, ub = -0.3 * np.ones(n), 0.4 * np.ones(n)
        if name == "one_sided":
            lb, ub = np.zeros(n), np.full(n, np.inf)  # nonnegative least squares
            ub[0] = 0.1
        if name == "feasible":
            lb, ub = -100 * np.ones(n), 100 * np.ones(n)
        np.save(OUT / f"{name}_a.npy", a)
        np.save(OUT / f"{name}_b.npy", b)
        np.save(OUT / f"{name}_lb.npy", lb)
        np.save(OUT / f"{name}_ub.npy", ub)
        for method in ("trf", "bvls"):
            r = lsq_linear(a, b, bounds=(lb, ub), method=method)
            rows.append([name, method, r.status, r.nit, repr(float(r.cost)), repr(float(r.optimality)),
                         int(np.sum(r.active_mask != 0)), int(np.linalg.matrix_rank(a)),
                         ";".join(repr(float(v)) for v in r.x)])
    with open(OUT / "cases.csv", "w", newline="") as out:
        w = csv.writer(out, lineterminator="\n")
        w.writerow(["name", "method", "status", "nit", "cost", "optimality", "active", "rank", "x"])
        w.writerows(rows)
    print(f"scipy {scipy.__version__}: {len(rows)} runs written to {OUT}")


if __name__ == "__main__":
    main()
