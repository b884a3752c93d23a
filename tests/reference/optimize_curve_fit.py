"""SciPy's curve_fit with bounds (method 'trf') on an exponential decay whose
true rate lies outside the box, with and without the Jacobian, sigma and
absolute_sigma. Writes tests/data/optimize/curve_fit/bounded.csv (popt and
pcov flattened, ';'-separated) for tests/optimize/least_squares_test.cpp.

Run: .venv/bin/python tests/reference/optimize_curve_fit.py
"""

import csv
from pathlib import Path

import numpy as np
import scipy
from scipy.optimize import curve_fit

OUT = Path(__file__).resolve().parents[1] / "data" / "optimize" / "curve_fit"


def decay(x, a, b, c):
    return a * np.exp(-b * x) + c


def decay_jac(x, a, b, c):
    e = np.exp(-b * x)
    return np.stack([e, -a * x * e, np.ones_like(x)], axis=1)


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    x = np.linspace(0, 4, 50)
    y = decay(x, 2.5, 1.3, 0.5) + 0.01 * np.sin(7.0 * np.arange(50))
    bounds = ([0.0, 0.0, 0.0], [10.0, 1.0, 10.0])  # the true rate 1.3 is outside
    rows = []
    for case, kwargs in (("fd", {}), ("jac", {"jac": decay_jac}),
                         ("sigma", {"sigma": np.full(50, 0.01), "absolute_sigma": True})):
        popt, pcov, info, _, ier = curve_fit(decay, x, y, p0=[1.0, 0.5, 1.0], bounds=bounds, full_output=True,
                                             **kwargs)
        rows.append([case, ier, info["nfev"], ";".join(repr(float(v)) for v in popt),
                     ";".join(repr(float(v)) for v in pcov.ravel())])
    with open(OUT / "bounded.csv", "w", newline="") as out:
        w = csv.writer(out, lineterminator="\n")
        w.writerow(["case", "status", "nfev", "popt", "pcov"])
        w.writerows(rows)
    print(f"scipy {scipy.__version__}: {len(rows)} cases written to {OUT / 'bounded.csv'}")


if __name__ == "__main__":
    main()
