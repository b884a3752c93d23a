"""SciPy's least_squares with method 'trf' (no bounds) on Moré, Garbow and
Hillstrom's 24 problems as residuals (definitions in optimize_mgh.py), with
the complex-step Jacobian, default options and x_scale='jac' (results.csv),
and with the box x0 - 2 (1 + |x0|) <= x <= x0 + 0.5 (1 + |x0|), which cuts
off most of their minima (bounded.csv), for tests/optimize/least_squares_test.cpp.

Run: .venv/bin/python tests/reference/optimize_trf.py
"""

import csv
from pathlib import Path

import numpy as np
import scipy
from scipy.optimize import least_squares

import optimize_mgh as mgh
from optimize_root import complex_step_jacobian

OUT = Path(__file__).resolve().parents[1] / "data" / "optimize" / "trf"


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    rows = []
    for name, f, x0, _ in mgh.PROBLEMS:
        jac = complex_step_jacobian(f)
        for scale in ("1", "jac"):
            r = least_squares(lambda x: f(x), np.array(x0), jac=jac, method="trf",
                              x_scale=1.0 if scale == "1" else "jac")
            rows.append([name, scale, r.status, r.nfev, r.njev, repr(float(r.cost)), repr(float(r.optimality))])
    with open(OUT / "results.csv", "w", newline="") as out:
        w = csv.writer(out, lineterminator="\n")
        w.writerow(["problem", "x_scale", "status", "nfev", "njev", "cost", "optimality"])
        w.writerows(rows)
    print(f"scipy {scipy.__version__}: {len(rows)} runs written to {OUT / 'results.csv'}")
    rows = []
    for name, f, x0, _ in mgh.PROBLEMS:
        x0 = np.array(x0)
        lb, ub = x0 - 2 * (1 + np.abs(x0)), x0 + 0.5 * (1 + np.abs(x0))
        r = least_squares(lambda x: f(x), x0, jac=complex_step_jacobian(f), method="trf", bounds=(lb, ub))
        rows.append([name, r.status, r.nfev, r.njev, repr(float(r.cost)), int(np.sum(r.active_mask != 0))])
    with open(OUT / "bounded.csv", "w", newline="") as out:
        w = csv.writer(out, lineterminator="\n")
        w.writerow(["problem", "status", "nfev", "njev", "cost", "active"])
        w.writerows(rows)
    print(f"{len(rows)} bounded runs written to {OUT / 'bounded.csv'}")


if __name__ == "__main__":
    main()
