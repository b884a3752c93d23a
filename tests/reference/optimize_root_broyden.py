"""SciPy's root with the quasi-Newton methods of scipy.optimize._nonlin
(broyden1, broyden2, anderson) on the square systems among Moré, Garbow and
Hillstrom's test problems (definitions in optimize_mgh.py, standard starting
points) and on the example of SciPy's broyden1 documentation, with SciPy's
default options and with a few options changed (line search, rank reduction,
alpha, tolerances, iteration limit). Writes
tests/data/optimize/root/nonlin.csv for tests/optimize/root_nonlin_test.cpp:
per run SciPy's status, success, nit, nfev, the max norm of fun(x) and x
(entries separated by spaces).

Run: .venv/bin/python tests/reference/optimize_root_broyden.py
"""

import csv
import warnings
from pathlib import Path

import numpy as np
import scipy
import scipy.linalg
from scipy.optimize import root

import optimize_mgh as mgh

OUT = Path(__file__).resolve().parents[1] / "data" / "optimize" / "root"
SQUARE = ["rosenbrock", "freudenstein_roth", "powell_badly_scaled", "helical_valley", "powell_singular",
          "extended_rosenbrock", "extended_powell_singular", "trigonometric", "broyden_tridiagonal",
          "broyden_banded"]


def doc_example(x):
    """The system of SciPy's broyden1 / broyden2 / anderson docstrings."""
    return np.array([x[0] + 0.5 * (x[0] - x[1]) ** 3 - 1.0, 0.5 * (x[1] - x[0]) ** 3 + x[1]])


# Option variants: a label (the C++ test maps it to its own options) and
# SciPy's options dict for root.
VARIANTS = {
    "default": {},
    "wolfe": {"line_search": "wolfe"},
    "no_line_search": {"line_search": None},
    "alpha": {"jac_options": {"alpha": 0.5}},
    "restart_rank3": {"jac_options": {"reduction_method": "restart", "max_rank": 3}},
    "simple_rank3": {"jac_options": {"reduction_method": "simple", "max_rank": 3}},
    "svd_rank4": {"jac_options": {"reduction_method": ("svd", 2), "max_rank": 4}},
    "tight": {"fatol": 1e-10, "xtol": 1e-12},
    "maxiter5": {"maxiter": 5},
}


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    problems = {name: (f, x0) for name, f, x0, _ in mgh.PROBLEMS}
    problems["doc_example"] = (doc_example, [0.0, 0.0])
    runs = []
    for name in ["doc_example"] + SQUARE:
        for method in ("broyden1", "broyden2", "anderson"):
            runs.append((name, method, "default"))
    for name in ("doc_example", "rosenbrock", "helical_valley", "trigonometric", "broyden_tridiagonal"):
        for variant in VARIANTS:
            if variant == "default":
                continue
            methods = ("broyden1", "broyden2") if "rank" in variant else ("broyden1",)
            for method in methods:
                runs.append((name, method, variant))
    for name in ("doc_example", "broyden_tridiagonal"):
        runs.append((name, "anderson", "wolfe"))
        runs.append((name, "anderson", "anderson_M2"))
    rows = []
    for name, method, variant in runs:
        f, x0 = problems[name]
        options = {"jac_options": {"M": 2, "w0": 0.0}} if variant == "anderson_M2" \
            else VARIANTS[variant]
        with np.errstate(all="ignore"), warnings.catch_warnings():
            warnings.simplefilter("ignore", scipy.linalg.LinAlgWarning)
            try:
                r = root(lambda x: f(x), np.array(x0, dtype=float), method=method, options=options)
            except ValueError as e:
                # "Jacobian inversion yielded zero vector": SciPy raises; the
                # C++ side returns status 3 (see root.hpp). No x or counts.
                assert "zero vector" in str(e)
                rows.append([name, method, variant, 3, 0, 0, 0, "nan", ""])
                continue
            except ArithmeticError:
                # A diverging run whose |F| overflows (or underflows to 0) in
                # nonlin_solve's forcing-term bookkeeping, which the Broyden
                # methods do not use: SciPy raises, the C++ side goes on.
                rows.append([name, method, variant, -1, 0, 0, 0, "nan", ""])
                continue
            fmax = float(np.max(np.abs(r.fun)))
        rows.append([name, method, variant, int(r.status), int(r.success), int(r.nit), int(r.nfev), repr(fmax),
                     " ".join(repr(float(v)) for v in r.x)])
    with open(OUT / "nonlin.csv", "w", newline="") as out:
        w = csv.writer(out, lineterminator="\n")
        w.writerow(["problem", "method", "variant", "status", "success", "nit", "nfev", "fmax", "x"])
        w.writerows(rows)
    print(f"scipy {scipy.__version__}: {len(rows)} runs written to {OUT / 'nonlin.csv'}")


if __name__ == "__main__":
    main()
