"""SciPy's root (methods hybr and lm) on the square systems among Moré, Garbow
and Hillstrom's test problems (their residuals as equations, from the standard
starting points; definitions in optimize_mgh.py), with MINPACK's forward
differences and with the complex-step Jacobian. Writes
tests/data/optimize/root/results.csv for tests/optimize/root_test.cpp.

Run: .venv/bin/python tests/reference/optimize_root.py
"""

import csv
from pathlib import Path

import numpy as np
import scipy
from scipy.optimize import root

import optimize_mgh as mgh

OUT = Path(__file__).resolve().parents[1] / "data" / "optimize" / "root"
SQUARE = ["rosenbrock", "freudenstein_roth", "powell_badly_scaled", "helical_valley", "powell_singular",
          "extended_rosenbrock", "extended_powell_singular", "trigonometric", "broyden_tridiagonal",
          "broyden_banded"]


def complex_step_jacobian(residuals):
    def jac(x):
        m = len(residuals(np.asarray(x, dtype=float)))
        out = np.empty((m, len(x)))
        for j in range(len(x)):
            z = np.array(x, dtype=complex)
            z[j] += 1e-20j
            out[:, j] = np.imag(residuals(z)) / 1e-20
        return out
    return jac


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    problems = {name: (f, x0) for name, f, x0, _ in mgh.PROBLEMS}
    rows = []
    for name in SQUARE:
        f, x0 = problems[name]
        for method in ("hybr", "lm"):
            for jac_kind, jac in (("fd", None), ("jac", complex_step_jacobian(f))):
                r = root(lambda x: f(x), np.array(x0), method=method, jac=jac)
                rows.append([name, method, jac_kind, int(r.status), int(r.success), r.nfev, getattr(r, "njev", 0),
                             repr(float(np.linalg.norm(r.fun)))])
    with open(OUT / "results.csv", "w", newline="") as out:
        w = csv.writer(out, lineterminator="\n")
        w.writerow(["problem", "method", "jac", "status", "success", "nfev", "njev", "fnorm"])
        w.writerows(rows)
    print(f"scipy {scipy.__version__}: {len(rows)} runs written to {OUT / 'results.csv'}")


if __name__ == "__main__":
    main()
