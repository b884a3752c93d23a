#!/usr/bin/env python3
"""scipy.linalg.cholesky on the positive definite matrix that bench/linalg/cholesky_bench.cpp writes.

Usage: linalg_cholesky.py --data-dir DIR --case n2000 [--repetitions R] [--min-time S]

SciPy's defaults, as ours: the upper factor u with a = u^T u (lower=False),
inputs checked and not overwritten. Prints one JSON object as linalg_solve.py
does; accuracy is ||u^T u - a||_inf / ||a||_inf, as our side computes it.
"""

import numpy as np
import scipy.linalg

import linalg_data


def main():
    args = linalg_data.parse_args(__doc__, ["n2000"])
    a = np.load(args.data_dir / f"cholesky_{args.case}" / "a.npy")
    out = {}

    def call():
        out["u"] = scipy.linalg.cholesky(a)

    def accuracy():
        u = out["u"]
        return linalg_data.inf_norm(u.T @ u - a) / linalg_data.inf_norm(a)

    linalg_data.report(args, call, accuracy)


if __name__ == "__main__":
    main()
