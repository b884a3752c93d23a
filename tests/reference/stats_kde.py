"""SciPy's gaussian_kde on a one-dimensional mixture (n = 200) and a
two-dimensional correlated sample (n = 150, with and without weights), with
bw_method scott, silverman and 0.3: factor, neff, covariance, the density and
its log at points (far ones included), and integrate_box_1d. Writes
tests/data/stats/kde/ for tests/stats/kde_test.cpp.

Run: .venv/bin/python tests/reference/stats_kde.py
"""

import csv
from pathlib import Path

import numpy as np
import scipy
from scipy.stats import gaussian_kde

OUT = Path(__file__).resolve().parents[1] / "data" / "stats" / "kde"


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(20261206)
    one = np.concatenate([rng.normal(-1, 0.5, 120), rng.normal(2, 1.0, 80)])[None, :]
    two = rng.multivariate_normal([0, 1], [[1, 0.6], [0.6, 2]], 150).T
    weights = rng.uniform(0.1, 1.0, 150)
    points1 = np.concatenate([np.linspace(-4, 6, 21), [-30.0, 40.0]])[None, :]
    points2 = np.vstack([np.linspace(-3, 3, 9), np.linspace(-2, 4, 9)])
    points2 = np.hstack([points2, [[15.0], [-12.0]]])
    for name, array in (("one", one), ("two", two), ("weights", weights), ("points1", points1), ("points2", points2)):
        np.save(OUT / f"{name}.npy", array)
    rows = []
    for data, pts, w, label in ((one, points1, None, "one"), (two, points2, None, "two"), (two, points2, weights, "two_w")):
        for bw in ("scott", "silverman", 0.3):
            kde = gaussian_kde(data, bw_method=bw, weights=w)
            case = f"{label}:{bw}"
            rows.append([case, "factor", repr(float(kde.factor))])
            rows.append([case, "neff", repr(float(kde.neff))])
            rows.append([case, "covariance", ";".join(repr(float(v)) for v in kde.covariance.ravel())])
            rows.append([case, "evaluate", ";".join(repr(float(v)) for v in kde.evaluate(pts))])
            rows.append([case, "logpdf", ";".join(repr(float(v)) for v in kde.logpdf(pts))])
            if data.shape[0] == 1:
                rows.append([case, "integrate_box_1d", repr(float(kde.integrate_box_1d(-1.5, 0.7)))])
    with open(OUT / "values.csv", "w", newline="") as out:
        w = csv.writer(out, lineterminator="\n")
        w.writerow(["case", "quantity", "value"])
        w.writerows(rows)
    print(f"scipy {scipy.__version__}: {len(rows)} values written to {OUT}")


if __name__ == "__main__":
    main()
