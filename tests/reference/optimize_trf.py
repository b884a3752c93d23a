"""SciPy's least_squares with method 'trf' (no bounds) on Moré, Garbow and
Hillstrom's 24 problems as residuals (definitions in optimize_mgh.py), with
the complex-step Jacobian, default options and x_scale='jac' (results.csv),
and with the box x0 - 2 (1 + |x0|) <= x <= x0 + 0.5 (1 + |x0|), which cuts
off most of their minima (bounded.csv); method 'dogbox' on the same problems
with and without that box (dogbox.csv); and the robust losses on an
exponential fit to data with outliers, with f_scale 0.1 and 1, with and
without bounds (losses.csv); for tests/optimize/least_squares_test.cpp.

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
    rows = []
    for name, f, x0, _ in mgh.PROBLEMS:
        x0 = np.array(x0)
        for boxed in (False, True):
            bounds = (x0 - 2 * (1 + np.abs(x0)), x0 + 0.5 * (1 + np.abs(x0))) if boxed else (-np.inf, np.inf)
            r = least_squares(lambda x: f(x), x0, jac=complex_step_jacobian(f), method="dogbox", bounds=bounds)
            rows.append([name, int(boxed), r.status, r.nfev, r.njev, repr(float(r.cost)),
                         int(np.sum(r.active_mask != 0))])
    with open(OUT / "dogbox.csv", "w", newline="") as out:
        w = csv.writer(out, lineterminator="\n")
        w.writerow(["problem", "boxed", "status", "nfev", "njev", "cost", "active"])
        w.writerows(rows)
    print(f"{len(rows)} dogbox runs written to {OUT / 'dogbox.csv'}")
    t = np.linspace(0, 3, 40)
    y = 2.0 * np.exp(-1.1 * t) + 0.3 + 0.01 * np.sin(5.0 * np.arange(40))
    y[[5, 17, 30]] += [1.5, -2.0, 3.0]  # outliers
    def residuals(p):
        return p[0] * np.exp(-p[1] * t) + p[2] - y
    def jacobian(p):
        e = np.exp(-p[1] * t)
        return np.stack([e, -p[0] * t * e, np.ones_like(t)], axis=1)
    rows = []
    for loss in ("linear", "soft_l1", "huber", "cauchy", "arctan"):
        for f_scale in (0.1, 1.0):
            for bounded in (False, True):
                bounds = ([0, 0, 0], [10, 1.0, 10]) if bounded else (-np.inf, np.inf)
                r = least_squares(residuals, [1.0, 0.5, 0.0 if not bounded else 0.1], jac=jacobian, loss=loss,
                                  f_scale=f_scale, bounds=bounds)
                rows.append([loss, f_scale, int(bounded), r.status, r.nfev, r.njev, repr(float(r.cost)),
                             ";".join(repr(float(v)) for v in r.x)])
    with open(OUT / "losses.csv", "w", newline="") as out:
        w = csv.writer(out, lineterminator="\n")
        w.writerow(["loss", "f_scale", "bounded", "status", "nfev", "njev", "cost", "x"])
        w.writerows(rows)
    print(f"{len(rows)} loss runs written to {OUT / 'losses.csv'}")


if __name__ == "__main__":
    main()
