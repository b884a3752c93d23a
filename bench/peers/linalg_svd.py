#!/usr/bin/env python3
"""scipy.linalg.svd on the general matrices that bench/linalg/solve_bench.cpp writes.

Usage: linalg_svd.py --data-dir DIR --case CASE [--repetitions R] [--min-time S]

Cases:
  n2000           the 2000 x 2000 matrix of solve_n2000
  batch4_loop     the 100 000 4 x 4 matrices of solve_4x4_batch, one
                  scipy.linalg.svd call each in a Python loop
  batch4_stacked  the same matrices in one call on the stacked (100000, 4, 4) array
  batch16_loop, batch16_stacked
                  the same with the 100 000 16 x 16 matrices of solve_16x16_batch

SciPy's defaults, as ours: full_matrices=True, compute_uv=True, driver gesdd.
Prints one JSON object as linalg_solve.py does; accuracy is the largest
max(||a - u diag(s) vh||_1 / ||a||_1, ||u^T u - I||_1, ||vh vh^T - I||_1), as
our side computes it.
"""

import numpy as np
import scipy.linalg

import linalg_data
from linalg_data import SYSTEMS


def svd_residual(a, u, s, vh):
    back = (u * s[..., np.newaxis, :]) @ vh
    return np.maximum.reduce([
        linalg_data.one_norm(a - back) / linalg_data.one_norm(a),
        linalg_data.orthogonality(u),
        linalg_data.orthogonality(np.swapaxes(vh, -1, -2)),
    ])


def main():
    args = linalg_data.parse_args(__doc__, ["n2000", *linalg_data.batch_cases(4, 16)])
    out = {}
    a, stacked = linalg_data.load_case(args, "solve_n2000", "solve")
    if stacked:
        def call():
            out["u"], out["s"], out["vh"] = scipy.linalg.svd(a)
    else:
        u = np.empty_like(a)
        s = np.empty(a.shape[:-1])
        vh = np.empty_like(a)
        svd = scipy.linalg.svd

        def call():
            for k in range(SYSTEMS):
                u[k], s[k], vh[k] = svd(a[k])
            out["u"], out["s"], out["vh"] = u, s, vh

    linalg_data.report(args, call, lambda: np.max(svd_residual(a, out["u"], out["s"], out["vh"])))


if __name__ == "__main__":
    main()
