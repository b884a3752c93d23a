#!/usr/bin/env python3
"""sklearn.impute.KNNImputer on the workload of bench/learn/impute_bench.cpp.

Usage: learn_impute.py --data-dir DIR --case knn [--repetitions R] [--min-time S]

Case knn: KNNImputer(n_neighbors=5).fit(X_fit).transform(X) with
learn_impute/X_fit.npy (10^4 x 32) and X.npy (2000 x 32), 10% NaN (laid out
in C order first, as a NumPy user's data is). Prints one JSON object as the
other peers do; the accuracy is the same self-check as ours (see the C++
file's header).
"""

import numpy as np
from sklearn.impute import KNNImputer

import peer_timing

CHECKED = 50
NEIGHBORS = 5


def direct(fit, x, c):
    """The imputed value of x[c] by the definition (distances from differences)."""
    donors = ~np.isnan(fit[:, c])
    both = ~np.isnan(fit[donors]) & ~np.isnan(x)
    diff = np.where(both, fit[donors] - np.where(np.isnan(x), 0, x), 0)
    present = both.sum(axis=1)
    keep = present > 0
    d = np.sqrt((diff[keep] ** 2).sum(axis=1) * fit.shape[1] / present[keep])
    order = np.lexsort((np.arange(len(d)), d))[:NEIGHBORS]
    return fit[donors][keep][order, c].mean()


def main():
    args = peer_timing.parse_args(__doc__, ["knn"])
    fit = np.ascontiguousarray(np.load(args.data_dir / "learn_impute" / "X_fit.npy"))
    X = np.ascontiguousarray(np.load(args.data_dir / "learn_impute" / "X.npy"))
    out = {}

    def call():
        out["Z"] = KNNImputer(n_neighbors=NEIGHBORS).fit(fit).transform(X)

    def accuracy():
        Z = out["Z"]
        worst = 0.0
        for i in range(CHECKED):
            for c in np.flatnonzero(np.isnan(X[i])):
                exact = direct(fit, X[i], c)
                worst = max(worst, abs(Z[i, c] - exact) / max(1.0, abs(exact)))
        return worst

    peer_timing.report(args, call, accuracy)


if __name__ == "__main__":
    main()
