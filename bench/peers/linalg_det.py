#!/usr/bin/env python3
"""scipy.linalg.det on the matrix of known determinant that bench/linalg/det_bench.cpp writes.

Usage: linalg_det.py --data-dir DIR --case n2000 [--repetitions R] [--min-time S]

Prints one JSON object as linalg_solve.py does; accuracy is
|det - det_ref| / |det_ref|, det_ref the determinant known by construction
(det_n2000/det.npy), as our side computes it.
"""

import argparse
import pathlib

import numpy as np
import scipy.linalg

import peer_timing


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=pathlib.Path, required=True)
    parser.add_argument("--case", required=True, choices=["n2000"])
    parser.add_argument("--repetitions", type=int, default=5)
    parser.add_argument("--min-time", type=float, default=0.2)
    args = parser.parse_args()
    folder = args.data_dir / f"det_{args.case}"
    a = np.load(folder / "a.npy")
    expected = float(np.load(folder / "det.npy")[0])
    out = {}

    def call():
        out["det"] = scipy.linalg.det(a)

    result = peer_timing.time_call(call, args.repetitions, args.min_time)
    result.update(
        case=args.case,
        accuracy=abs(float(out["det"]) - expected) / abs(expected),
        blas_threads=peer_timing.blas_threads(),
        versions=peer_timing.versions("numpy", "scipy"),
    )
    peer_timing.emit(result)


if __name__ == "__main__":
    main()
