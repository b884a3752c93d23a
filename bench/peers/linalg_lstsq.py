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

import argparse
import pathlib

import numpy as np
import scipy.linalg

import linalg_data
import peer_timing


def least_squares_residual(a, x, b):
    normal = a.T @ (b - a @ x)
    scale = linalg_data.one_norm(a) * (linalg_data.inf_norm(a) * np.abs(x).max() + np.abs(b).max())
    return float(np.abs(normal).max() / scale)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=pathlib.Path, required=True)
    parser.add_argument("--case", required=True, choices=["n2000", "4000x2000"])
    parser.add_argument("--repetitions", type=int, default=5)
    parser.add_argument("--min-time", type=float, default=0.2)
    args = parser.parse_args()
    folder = args.data_dir / ("solve_n2000" if args.case == "n2000" else f"lstsq_{args.case}")
    a = np.load(folder / "a.npy")
    b = np.load(folder / "b.npy")
    assert b.shape == (a.shape[0],), (a.shape, b.shape)
    out = {}

    def call():
        out["x"], _, out["rank"], _ = scipy.linalg.lstsq(a, b, lapack_driver="gelsd")

    result = peer_timing.time_call(call, args.repetitions, args.min_time)
    result.update(
        case=args.case,
        accuracy=least_squares_residual(a, out["x"], b),
        rank=int(out["rank"]),
        blas_threads=peer_timing.blas_threads(),
        versions=peer_timing.versions("numpy", "scipy"),
    )
    peer_timing.emit(result)


if __name__ == "__main__":
    main()
