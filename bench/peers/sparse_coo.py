#!/usr/bin/env python3
"""scipy.sparse.coo_matrix.tocsr() on the entries that bench/sparse/coo_bench.cpp writes.

Usage: sparse_coo.py --data-dir DIR --case CASE [--repetitions R] [--min-time S]

Cases: nnz10000000 (10^7 entries, the compare row), nnz100000 (a quick run).
The coo_matrix((vals, (rows, cols)), shape=(N, N)) of sparse_coo_NNZ is built
before the clock; the timed call is its .tocsr(), which sums the duplicates
(and so sorts each row's columns): a canonical CSR, as our side's.

Prints one JSON object as linalg_solve.py does; accuracy, as our side's:
max_i |(A v)_i - y_i| / ||y||_inf (y_i the sum of vals[k] v[cols[k]] over row
i's entries, by np.bincount), plus |A.nnz - nnz.npy|, plus 1 when A is not
canonical (columns strictly increasing within each row).
"""

import numpy as np
import scipy.sparse

import sparse_data

SIZES = {"nnz10000000": 10_000_000, "nnz100000": 100_000}


def canonical(a):
    """True when every row's column indices strictly increase (sorted, no duplicates)."""
    step = np.diff(a.indices)
    row_start = np.zeros(len(a.indices), dtype=bool)
    row_start[a.indptr[1:-1][a.indptr[1:-1] < len(a.indices)]] = True
    return bool(np.all((step > 0) | row_start[1:]))


def main():
    args = sparse_data.parse_args(__doc__, list(SIZES))
    nnz = SIZES[args.case]
    n = nnz // 10
    folder = args.data_dir / f"sparse_coo_{nnz}"
    rows, cols, vals = (np.load(folder / f"{k}.npy") for k in ("rows", "cols", "vals"))
    v = np.load(folder / "v.npy")
    distinct = int(np.load(folder / "nnz.npy")[0])
    assert rows.shape == cols.shape == vals.shape == (nnz,) and v.shape == (n,)
    coo = scipy.sparse.coo_matrix((vals, (rows, cols)), shape=(n, n))
    out = {}

    def call():
        out["a"] = coo.tocsr()

    def accuracy():
        a = out["a"]
        y = np.bincount(rows, weights=vals * v[cols], minlength=n)
        return (sparse_data.relative_difference(a @ v, y) + abs(a.nnz - distinct)
                + (0.0 if canonical(a) else 1.0))

    sparse_data.report(args, call, accuracy)


if __name__ == "__main__":
    main()
