#!/usr/bin/env python3
"""scipy.sparse.linalg.lobpcg on the 2-D Poisson workload of bench/sparse/lobpcg_bench.cpp.

Usage: sparse_lobpcg.py --data-dir DIR --case CASE [--repetitions R] [--min-time S]

Cases: side100 (10^4 unknowns, the compare row), side30 (a quick run).

The call: lobpcg(A, x0, tol=1e-5, maxiter=2000, largest=False), x0 the
workload's 8-column starting block. Accuracy: max_k |lambda_k - exact_k|
against the closed form of the Poisson spectrum, as our side computes it.
"""

import warnings

import numpy as np
import scipy.sparse.linalg

import sparse_data

SIDES = {"side100": 100, "side30": 30}
K = 8


def exact_smallest(side):
    h = np.pi / (side + 1)
    i = np.arange(1, K + 1)
    grid = 4 - 2 * np.cos(i * h)[:, None] - 2 * np.cos(i * h)[None, :]
    return np.sort(grid.ravel())[:K]


def main():
    args = sparse_data.parse_args(__doc__, list(SIDES))
    side = SIDES[args.case]
    folder = args.data_dir / f"sparse_lobpcg_{side}"
    a = sparse_data.load_csr(folder)
    x0 = np.load(folder / "x0.npy")
    exact = exact_smallest(side)
    out = {}

    def call():
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # a residual a little above tol warns; the gate judges the values
            out["w"], out["v"] = scipy.sparse.linalg.lobpcg(a, x0, tol=1e-5, maxiter=2000, largest=False)

    def accuracy():
        return float(np.abs(np.sort(out["w"]) - exact).max())

    sparse_data.report(args, call, accuracy)


if __name__ == "__main__":
    main()
