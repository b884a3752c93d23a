#!/usr/bin/env python3
"""scipy.linalg.cholesky on the positive definite matrix that bench/linalg/cholesky_bench.cpp writes.

Usage: linalg_cholesky.py --data-dir DIR --case n2000 [--repetitions R] [--min-time S]

SciPy's defaults, as ours: the upper factor u with a = u^T u (lower=False),
inputs checked and not overwritten. Prints one JSON object as linalg_solve.py
does; accuracy is ||u^T u - a||_inf / ||a||_inf, as our side computes it.
"""

import argparse
import pathlib

import numpy as np
import scipy.linalg

import linalg_data
import peer_timing


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=pathlib.Path, required=True)
    parser.add_argument("--case", required=True, choices=["n2000"])
    parser.add_argument("--repetitions", type=int, default=5)
    parser.add_argument("--min-time", type=float, default=0.2)
    args = parser.parse_args()
    a = np.load(args.data_dir / f"cholesky_{args.case}" / "a.npy")
    out = {}

    def call():
        out["u"] = scipy.linalg.cholesky(a)

    result = peer_timing.time_call(call, args.repetitions, args.min_time)
    u = out["u"]
    result.update(
        case=args.case,
        accuracy=float(linalg_data.inf_norm(u.T @ u - a) / linalg_data.inf_norm(a)),
        blas_threads=peer_timing.blas_threads(),
        versions=peer_timing.versions("numpy", "scipy"),
    )
    peer_timing.emit(result)


if __name__ == "__main__":
    main()
