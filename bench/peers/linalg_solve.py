#!/usr/bin/env python3
"""scipy.linalg.solve on the inputs that bench/linalg/solve_bench.cpp writes.

Usage: linalg_solve.py --data-dir DIR --case CASE [--repetitions R] [--min-time S]

Cases (the inputs are described in bench/linalg/solve_bench.cpp):
  n100, n2000     one general n x n system, one right-hand side vector
  batch4_loop     100 000 distinct 4 x 4 systems, one scipy.linalg.solve call
                  each in a Python loop: the per-call comparison with ours
  batch4_stacked  the same systems in one call on the stacked (100000, 4, 4)
                  array (SciPy >= 1.15 solves batches): how a SciPy user
                  would write it when the systems are known together
  batch16_loop, batch16_stacked
                  the same with 100 000 distinct 16 x 16 systems

Every call passes assume_a="gen", as our solve() does by default: SciPy 1.17's
default (None) first inspects the matrix for structure, work our solve() does
not do. check_finite and overwrite_a / overwrite_b keep SciPy's defaults, which
match ours (inputs checked, never overwritten).

Prints one JSON object: time_s (median seconds per call of the whole workload),
times_s, accuracy (the largest ||a x - b||_inf / (||a||_inf ||x||_inf), as our
side computes it), blas_threads, versions.
"""

import numpy as np
import scipy.linalg

import linalg_data
from linalg_data import SYSTEMS

CASES = ["n100", "n2000", *linalg_data.batch_cases(4, 16)]


def relative_residual(a, x, b):
    """||a x - b||_inf / (||a||_inf ||x||_inf) over the last two axes of a (batched)."""
    r = np.einsum("...ij,...j->...i", a, x) - b
    return np.abs(r).max(axis=-1) / (linalg_data.inf_norm(a) * np.abs(x).max(axis=-1))


def single(data_dir, n):
    a = np.load(data_dir / f"solve_n{n}" / "a.npy")
    b = np.load(data_dir / f"solve_n{n}" / "b.npy")
    assert a.shape == (n, n) and b.shape == (n,), (a.shape, b.shape)
    out = {}

    def call():
        out["x"] = scipy.linalg.solve(a, b, assume_a="gen")

    return call, lambda: float(relative_residual(a, out["x"], b))


def batch(data_dir, order, stacked):
    folder = data_dir / f"solve_{order}x{order}_batch"
    a = linalg_data.load_batch(folder, order)
    b = np.load(folder / "b.npy")
    assert b.shape == (SYSTEMS, order), b.shape
    x = np.empty_like(b)
    if stacked:
        b_columns = b[:, :, np.newaxis]  # scipy's batched b is (..., n, nrhs)

        def call():
            x[...] = scipy.linalg.solve(a, b_columns, assume_a="gen")[:, :, 0]
    else:
        solve = scipy.linalg.solve

        def call():
            for k in range(SYSTEMS):
                x[k] = solve(a[k], b[k], assume_a="gen")

    return call, lambda: float(relative_residual(a, x, b).max())


def main():
    args = linalg_data.parse_args(__doc__, CASES)
    if args.case.startswith("n"):
        call, accuracy = single(args.data_dir, int(args.case[1:]))
    else:
        order, stacked = linalg_data.parse_batch_case(args.case)
        call, accuracy = batch(args.data_dir, order, stacked)
    linalg_data.report(args, call, accuracy)


if __name__ == "__main__":
    main()
