#!/usr/bin/env python3
"""scipy.sparse.linalg.spsolve on the 2-D Poisson matrix that bench/sparse/spsolve_bench.cpp writes.

Usage: sparse_spsolve.py --data-dir DIR --case CASE [--repetitions R] [--min-time S]

Cases: grid1000 (10^6 unknowns, the compare rows), grid100 (10^4, a quick run).

SciPy's defaults, as a user calls it: spsolve(A, b) with A the csr_array of
sparse_poisson_SIDE/{indptr,indices,data}.npy. Without scikit-umfpack (not
in the peers' environment) that is SuperLU with the COLAMD ordering; SciPy has
no sparse Cholesky, so this is the peer of both our LU (UMFPACK) and our SPD
(CHOLMOD) rows. Prints one JSON object as linalg_solve.py does; accuracy is
||A x - b||_2 / ||b||_2, as our side computes it.
"""

import scipy.sparse.linalg

import sparse_data

SIDES = {"grid1000": 1000, "grid100": 100}


def main():
    args = sparse_data.parse_args(__doc__, list(SIDES))
    a, b = sparse_data.poisson(args.data_dir, SIDES[args.case])
    out = {}

    def call():
        out["x"] = scipy.sparse.linalg.spsolve(a, b)

    sparse_data.report(args, call, lambda: sparse_data.relative_residual_2norm(a, out["x"], b))


if __name__ == "__main__":
    main()
