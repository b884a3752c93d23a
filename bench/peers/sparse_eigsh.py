#!/usr/bin/env python3
"""scipy.sparse.linalg.eigsh by shift-invert on the grid-graph Laplacian of bench/sparse/eigsh_bench.cpp.

Usage: sparse_eigsh.py --data-dir DIR --case CASE [--repetitions R] [--min-time S]

Cases: side316 (99 856 nodes, the compare row), side50 (a quick run).

The call: eigsh(L, k=6, sigma=-1e-3) (which='LM': the 6 nearest sigma, i.e.
the smallest; SciPy factors L + 1e-3 I with SuperLU). Accuracy: max_k
|lambda_k - exact_k| / 8 against the closed form of the grid-graph spectrum,
as our side computes it.
"""

import numpy as np
import scipy.sparse.linalg

import sparse_data

SIDES = {"side316": 316, "side50": 50}


def exact_smallest(side):
    h = np.pi / side
    i = np.arange(6)
    grid = (2 - 2 * np.cos(i * h))[:, None] + (2 - 2 * np.cos(i * h))[None, :]
    return np.sort(grid.ravel())[:6]


def main():
    args = sparse_data.parse_args(__doc__, list(SIDES))
    side = SIDES[args.case]
    a = sparse_data.load_csr(args.data_dir / f"sparse_laplacian_{side}")
    exact = exact_smallest(side)
    out = {}

    def call():
        out["w"], _ = scipy.sparse.linalg.eigsh(a, k=6, sigma=-1e-3)

    def accuracy():
        return float(np.abs(np.sort(out["w"]) - exact).max() / 8)

    sparse_data.report(args, call, accuracy)


if __name__ == "__main__":
    main()
