"""scikit-learn's pairwise distances and kernels, and SciPy's cdist (exact
differences) for the Euclidean ones, on X (12 x 5) and Y (9 x 5): standard
normal points ('normal'), the same moved 20 away from the origin ('offset',
where the norm trick loses digits), and rows with zeros and duplicates
('degenerate': a zero row for the cosine, repeated rows for exact zeros).
Each function with Y and without (X with itself). Writes
tests/data/learn/metrics_pairwise/ for tests/learn/metrics/pairwise_test.cpp:
CASE_X.npy, CASE_Y.npy, rN.npy (the results) and values.csv (case,
function, options, with_y, result file).

Run: .venv/bin/python tests/reference/learn_metrics_pairwise.py
"""

import csv
from pathlib import Path

import numpy as np
import sklearn
from scipy.spatial.distance import cdist
from sklearn.metrics import pairwise as pw

OUT = Path(__file__).resolve().parents[1] / "data" / "learn" / "metrics_pairwise"

DISTANCES = [("euclidean", {}), ("l2", {}), ("sqeuclidean", {}), ("manhattan", {}), ("cityblock", {}),
             ("l1", {}), ("cosine", {}), ("chebyshev", {}), ("minkowski", {"p": 3.0}),
             ("minkowski", {"p": 1.5}), ("minkowski", {"p": 2.0}), ("minkowski", {"p": 1.0})]
KERNELS = [("linear", {}), ("polynomial", {}), ("polynomial", {"degree": 2.0, "gamma": 0.3, "coef0": 0.5}),
           ("rbf", {}), ("rbf", {"gamma": 0.05}), ("laplacian", {}), ("laplacian", {"gamma": 0.4}),
           ("sigmoid", {}), ("sigmoid", {"gamma": 0.02, "coef0": -0.3}), ("cosine", {})]


def data(rng):
    X, Y = rng.standard_normal((12, 5)), rng.standard_normal((9, 5))
    out = {"normal": (X, Y), "offset": (X + 20.0, Y + 20.0)}
    Xd, Yd = X.copy(), Y.copy()
    Xd[3] = 0.0
    Xd[7] = Xd[2]
    Yd[4] = Xd[2]
    Yd[0] = 0.0
    out["degenerate"] = (Xd, Yd)
    return out


def options_text(kw):
    return ";".join(f"{k}={v!r}" for k, v in kw.items())


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("*.npy"):
        old.unlink()
    rng = np.random.default_rng(20261209)
    rows = []

    def add(case, function, kw, with_y, result):
        name = f"r{len(rows)}"
        np.save(OUT / f"{name}.npy", np.asarray(result, dtype=float))
        rows.append([case, function, options_text(kw), int(with_y), name])

    for case, (X, Y) in data(rng).items():
        np.save(OUT / f"{case}_X.npy", X)
        np.save(OUT / f"{case}_Y.npy", Y)
        for with_y in (True, False):
            args = (X, Y) if with_y else (X,)
            for metric, kw in DISTANCES:
                add(case, "pairwise_distances", {"metric": metric, **kw}, with_y,
                    pw.pairwise_distances(*args, metric=metric, **kw))
            add(case, "euclidean_distances", {"squared": True}, with_y, pw.euclidean_distances(*args, squared=True))
            add(case, "cdist_euclidean", {}, with_y, cdist(X, Y if with_y else X))
            add(case, "cosine_similarity", {}, with_y, pw.cosine_similarity(*args))
            for metric, kw in KERNELS:
                add(case, "pairwise_kernels", {"metric": metric, **kw}, with_y,
                    pw.pairwise_kernels(*args, metric=metric, **kw))
    with open(OUT / "values.csv", "w", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["case", "function", "options", "with_y", "result"])
        writer.writerows(rows)
    print(f"scikit-learn {sklearn.__version__}: {len(rows)} results written to {OUT}")


if __name__ == "__main__":
    main()
