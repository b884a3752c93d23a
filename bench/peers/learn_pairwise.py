#!/usr/bin/env python3
"""sklearn.metrics.pairwise_distances on the workload of bench/learn/pairwise_bench.cpp.

Usage: learn_pairwise.py --data-dir DIR --case euclidean [--repetitions R] [--min-time S]

Case euclidean: pairwise_distances(X, metric='euclidean') of the 10^4 x 64
matrix learn_pairwise/X.npy (laid out in C order first, as a NumPy user's
data is). Prints one JSON object as the other peers do; the accuracy is the
same self-check as ours (see the C++ file's header).
"""

import numpy as np
from sklearn.metrics import pairwise_distances

import peer_timing

CHECKED = 100


def main():
    args = peer_timing.parse_args(__doc__, ["euclidean"])
    X = np.ascontiguousarray(np.load(args.data_dir / "learn_pairwise" / "X.npy"))
    out = {}

    def call():
        out["D"] = pairwise_distances(X, metric="euclidean")

    def accuracy():
        D = out["D"]
        if np.any(np.diag(D) != 0):
            return float("inf")
        exact = np.sqrt(((X[:CHECKED, None, :] - X[None, :, :]) ** 2).sum(axis=2))
        mask = np.ones_like(exact, dtype=bool)
        mask[np.arange(CHECKED), np.arange(CHECKED)] = False
        return np.max(np.abs(D[:CHECKED][mask] - exact[mask]) / exact[mask])

    peer_timing.report(args, call, accuracy)


if __name__ == "__main__":
    main()
