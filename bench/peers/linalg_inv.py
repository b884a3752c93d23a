#!/usr/bin/env python3
"""scipy.linalg.inv on the inputs that bench/linalg/solve_bench.cpp writes.

Usage: linalg_inv.py --data-dir DIR --case CASE [--repetitions R] [--min-time S]

Cases:
  n2000           the general 2000 x 2000 matrix of solve_n2000
  batch4_loop     the 100 000 4 x 4 matrices of solve_4x4_batch, one
                  scipy.linalg.inv call each in a Python loop
  batch4_stacked  the same matrices in one call on the stacked (100000, 4, 4) array
  batch16_loop, batch16_stacked
                  the same with the 100 000 16 x 16 matrices of solve_16x16_batch

Every call passes assume_a="gen", as our inv() does by default (SciPy 1.17's
default None first inspects the matrix for structure).
Prints one JSON object as linalg_solve.py does; accuracy is the largest
||a x - I||_inf / (||a||_inf ||x||_inf), as our side computes it.
"""

import numpy as np
import scipy.linalg

import linalg_data
from linalg_data import SYSTEMS


def main():
    args = linalg_data.parse_args(__doc__, ["n2000", *linalg_data.batch_cases(4, 16)])
    out = {}
    a, stacked = linalg_data.load_case(args, "solve_n2000", "solve")
    if stacked:
        def call():
            out["x"] = scipy.linalg.inv(a, assume_a="gen")
    else:
        x = np.empty_like(a)
        inv = scipy.linalg.inv

        def call():
            for k in range(SYSTEMS):
                x[k] = inv(a[k], assume_a="gen")
            out["x"] = x

    linalg_data.report(args, call, lambda: np.max(linalg_data.inverse_residual(a, out["x"])))


if __name__ == "__main__":
    main()
