#!/usr/bin/env python3
"""scipy.linalg.lstsq on the inputs that bench/linalg/lstsq_bench.cpp reads.

Usage: linalg_lstsq.py --data-dir DIR --case CASE [--repetitions R] [--min-time S]

Cases:
  n2000       the square general system of solve_n2000
  4000x2000   the tall system of lstsq_4000x2000

Both sides use the default driver gelsd and the default cutoff (cond=None).
Prints one JSON object as linalg_solve.py does; accuracy is
||a^T (b - a x)||_inf / (||a||_1 (||a||_inf ||x||_inf + ||b||_inf)), as our side
computes it (see lstsq_bench.cpp).
"""

import numpy as np
import scipy.linalg

import linalg_data


def least_squares_residual(a, x, b):
    normal = a.T @ (b - a @ x)
    scale = linalg_data.one_norm(a) * (linalg_data.inf_norm(a) * np.abs(x).max() + np.abs(b).max())
    return float(np.abs(normal).max() / scale)


def main():
    args = linalg_data.parse_args(__doc__, ["n2000", "4000x2000"])
    folder = args.data_dir / ("solve_n2000" if args.case == "n2000" else f"lstsq_{args.case}")
    a = np.load(folder / "a.npy")
    b = np.load(folder / "b.npy")
    assert b.shape == (a.shape[0],), (a.shape, b.shape)
    out = {}

    def call():
        out["x"], _, out["rank"], _ = scipy.linalg.lstsq(a, b, lapack_driver="gelsd")

    linalg_data.report(args, call, lambda: least_squares_residual(a, out["x"], b), rank=lambda: int(out["rank"]))


if __name__ == "__main__":
    main()
