#!/usr/bin/env python3
"""scipy.linalg.expm on the matrix of known exponential that bench/linalg/expm_bench.cpp writes.

Usage: linalg_expm.py --data-dir DIR --case n500 [--repetitions R] [--min-time S]

Prints one JSON object as linalg_solve.py does; accuracy is
||expm(a) - e_ref||_1 / ||e_ref||_1, e_ref the exponential known in closed form
(expm_n500/expm.npy), as our side computes it.
"""

import numpy as np
import scipy.linalg

import linalg_data


def main():
    args = linalg_data.parse_args(__doc__, ["n500"])
    folder = args.data_dir / f"expm_{args.case}"
    a = np.load(folder / "a.npy")
    expected = np.load(folder / "expm.npy")
    out = {}

    def call():
        out["x"] = scipy.linalg.expm(a)

    linalg_data.report(args, call,
                       lambda: linalg_data.one_norm(out["x"] - expected) / linalg_data.one_norm(expected))


if __name__ == "__main__":
    main()
