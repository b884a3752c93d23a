#!/usr/bin/env python3
"""scipy.sparse.linalg.cg with a Jacobi preconditioner on the 2-D Poisson matrix of bench/sparse/spsolve_bench.cpp.

Usage: sparse_cg.py --data-dir DIR --case CASE [--repetitions R] [--min-time S]

Cases: grid1000 (10^6 unknowns, the compare row), grid100 (10^4, a quick run).

The call, as a SciPy user writes Jacobi-preconditioned CG (SciPy has no
Jacobi helper; a sparse diagonal matrix of the inverted diagonal is the
common idiom, and cg applies it as M @ r, a compiled DIA product):

    cg(A, b, rtol=1e-8, M=scipy.sparse.diags_array(1 / A.diagonal()), callback=count)

x0 = 0, atol = 0 and maxiter = 10 n are SciPy's defaults, the same as ours;
building M is inside the timed call on both sides. The callback only counts
iterations (one Python call per iteration, next to a 10^6-row matvec).

Prints one JSON object as linalg_solve.py does, plus `evaluations` (the
iterations); accuracy is the true relative residual ||b - A x||_2 / ||b||_2
(infinite when info != 0), as our side computes it.
"""

import scipy.sparse
import scipy.sparse.linalg

import sparse_data

SIDES = {"grid1000": 1000, "grid100": 100}


def main():
    args = sparse_data.parse_args(__doc__, list(SIDES))
    a, b = sparse_data.poisson(args.data_dir, SIDES[args.case])
    out = {}

    def call():
        iterations = [0]

        def count(_):
            iterations[0] += 1

        m = scipy.sparse.diags_array(1.0 / a.diagonal())
        out["x"], out["info"] = scipy.sparse.linalg.cg(a, b, rtol=1e-8, M=m, callback=count)
        out["nit"] = iterations[0]

    def accuracy():
        return sparse_data.relative_residual_2norm(a, out["x"], b) if out["info"] == 0 else float("inf")

    sparse_data.report(args, call, accuracy, evaluations=lambda: out["nit"])


if __name__ == "__main__":
    main()
