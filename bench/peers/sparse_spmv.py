#!/usr/bin/env python3
"""SciPy's A @ x on the random CSR matrix that bench/sparse/spmv_bench.cpp writes.

Usage: sparse_spmv.py --data-dir DIR --case CASE [--repetitions R] [--min-time S]

Cases: n1000000 (10^6 x 10^6, 10^7 non-zeros, the compare row), n10000 (a
quick run). A is the csr_array of sparse_spmv_N/{indptr,indices,data}.npy,
x = x.npy; the timed call is `A @ x` (a new array each call, as ours).

Prints one JSON object as linalg_solve.py does; accuracy is
max_i |y_i - y_ref_i| / ||y_ref||_inf, y_ref each row's sum of
data[k] x[indices[k]] in stored order (np.bincount over the entries), as our
side computes it from the same arrays.
"""

import numpy as np

import sparse_data

SIZES = {"n1000000": 1_000_000, "n10000": 10_000}


def main():
    args = sparse_data.parse_args(__doc__, list(SIZES))
    n = SIZES[args.case]
    folder = args.data_dir / f"sparse_spmv_{n}"
    a = sparse_data.load_csr(folder)
    x = np.load(folder / "x.npy")
    assert a.shape == (n, n) and x.shape == (n,), (a.shape, x.shape)
    out = {}

    def call():
        out["y"] = a @ x

    def accuracy():
        rows = np.repeat(np.arange(n), np.diff(a.indptr))
        y_ref = np.bincount(rows, weights=a.data * x[a.indices], minlength=n)
        return sparse_data.relative_difference(out["y"], y_ref)

    sparse_data.report(args, call, accuracy)


if __name__ == "__main__":
    main()
