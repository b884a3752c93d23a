#!/usr/bin/env python3
"""scipy.linalg.eigh on the symmetric matrices that bench/linalg/eigh_bench.cpp writes.

Usage: linalg_eigh.py --data-dir DIR --case CASE [--repetitions R] [--min-time S]

Cases:
  n2000           the 2000 x 2000 matrix of eigh_n2000
  batch4_loop     the 100 000 4 x 4 matrices of eigh_4x4_batch, one
                  scipy.linalg.eigh call each in a Python loop
  batch4_stacked  the same matrices in one call on the stacked (100000, 4, 4) array
  batch16_loop, batch16_stacked
                  the same with the 100 000 16 x 16 matrices of eigh_16x16_batch

SciPy's defaults, as ours: eigenvalues and eigenvectors, lower triangle, driver
evr. Prints one JSON object as linalg_solve.py does; accuracy is the largest
max(||a v - v diag(w)||_1 / ||a||_1, ||v^T v - I||_1), as our side computes it.
"""

import numpy as np
import scipy.linalg

import linalg_data
from linalg_data import SYSTEMS


def eigen_residual(a, w, v):
    r = a @ v - v * w[..., np.newaxis, :]
    return np.maximum(linalg_data.one_norm(r) / linalg_data.one_norm(a), linalg_data.orthogonality(v))


def main():
    args = linalg_data.parse_args(__doc__, ["n2000", *linalg_data.batch_cases(4, 16)])
    out = {}
    a, stacked = linalg_data.load_case(args, "eigh_n2000", "eigh")
    if stacked:
        def call():
            out["w"], out["v"] = scipy.linalg.eigh(a)
    else:
        w = np.empty(a.shape[:-1])
        v = np.empty_like(a)
        eigh = scipy.linalg.eigh

        def call():
            for k in range(SYSTEMS):
                w[k], v[k] = eigh(a[k])
            out["w"], out["v"] = w, v

    linalg_data.report(args, call, lambda: np.max(eigen_residual(a, out["w"], out["v"])))


if __name__ == "__main__":
    main()
