#!/usr/bin/env python3
"""scipy.linalg.det on the matrix of known determinant that bench/linalg/det_bench.cpp writes.

Usage: linalg_det.py --data-dir DIR --case n2000 [--repetitions R] [--min-time S]

Prints one JSON object as linalg_solve.py does; accuracy is
|det - det_ref| / |det_ref|, det_ref the determinant known by construction
(det_n2000/det.npy), as our side computes it.
"""

import numpy as np
import scipy.linalg

import linalg_data


def main():
    args = linalg_data.parse_args(__doc__, ["n2000"])
    folder = args.data_dir / f"det_{args.case}"
    a = np.load(folder / "a.npy")
    expected = float(np.load(folder / "det.npy")[0])
    out = {}

    def call():
        out["det"] = scipy.linalg.det(a)

    linalg_data.report(args, call, lambda: abs(float(out["det"]) - expected) / abs(expected))


if __name__ == "__main__":
    main()
