"""SciPy's SuperLU factorizations (scipy.sparse.linalg.splu and spilu) on the
matrices of tests/sparse/problems.hpp (built from exactly representable
entries, as the test builds them) and on convection-diffusion with its rows
reversed (so partial pivoting must move every pivot). For each case: the
permutations perm_r and perm_c, nnz; for splu the solutions of A x = b and
A^T x = b (b_k = 1 + k mod 5); for spilu the inner iterations of
gmres(restart = 20, rtol = 1e-8) preconditioned by it, and without (our
spilu is another ILU, so only its effect is compared).

Writes tests/data/sparse/superlu/cases.csv for tests/sparse/superlu_test.cpp.

Run: .venv/bin/python tests/reference/sparse_superlu.py
"""

import csv
from pathlib import Path

import scipy
from scipy.sparse.linalg import LinearOperator, gmres, spilu, splu

from sparse_krylov import problem, rhs

OUT = Path(__file__).resolve().parents[1] / "data" / "sparse" / "superlu"

CASES = [
    # name, function, problem, nx, permc_spec, drop_tol, fill_factor
    ("convdiff", "splu", "convdiff", 8, "COLAMD", 0, 0),
    ("convdiff_natural", "splu", "convdiff", 8, "NATURAL", 0, 0),
    ("convdiff_mmd", "splu", "convdiff", 8, "MMD_AT_PLUS_A", 0, 0),
    ("reversed", "splu", "reversed", 8, "COLAMD", 0, 0),
    ("scaled", "splu", "scaled", 7, "COLAMD", 0, 0),
    ("ilu_convdiff", "spilu", "convdiff", 30, "COLAMD", 1e-4, 10),
    ("ilu_convdiff_loose", "spilu", "convdiff", 30, "COLAMD", 1e-2, 2),
    ("ilu_indefinite", "spilu", "indefinite", 20, "COLAMD", 1e-4, 10),
    ("ilu_scaled", "spilu", "scaled", 25, "COLAMD", 1e-3, 5),
]


def matrix(name, nx):
    if name == "reversed":
        return problem("convdiff", nx)[::-1].tocsc()
    return problem(name, nx).tocsc()


def inner_iterations(a, b, m):
    count = [0]

    def tick(_):
        count[0] += 1

    _, info = gmres(a, b, rtol=1e-8, restart=20, maxiter=200, M=m, callback=tick, callback_type="pr_norm")
    return count[0] if info == 0 else -1


def numbers(v):
    return " ".join(repr(float(x)) for x in v)


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    rows = []
    for name, function, prob, nx, permc, drop_tol, fill in CASES:
        a = matrix(prob, nx)
        b = rhs(a.shape[0])
        if function == "splu":
            lu = splu(a, permc_spec=permc)
            with_m = without = 0
        else:
            lu = spilu(a, drop_tol=drop_tol, fill_factor=fill, permc_spec=permc)
            with_m = inner_iterations(a, b, LinearOperator(a.shape, lu.solve))
            without = inner_iterations(a, b, None)
        complete = function == "splu"
        rows.append([name, function, prob, nx, permc, drop_tol, fill, lu.nnz if complete else 0,
                     " ".join(str(int(p)) for p in lu.perm_r) if complete else "",
                     " ".join(str(int(p)) for p in lu.perm_c) if complete else "",
                     numbers(lu.solve(b)) if function == "splu" else "",
                     numbers(lu.solve(b, trans="T")) if function == "splu" else "", with_m, without])
    with open(OUT / "cases.csv", "w", newline="") as f:
        f.write(f"# scipy {scipy.__version__}: name,function,problem,nx,permc_spec,drop_tol,fill_factor,nnz,"
                "perm_r,perm_c,solve(b),solve(b trans T),gmres inner iterations with M,without (-1: none)\n")
        csv.writer(f, lineterminator="\n").writerows(rows)


if __name__ == "__main__":
    main()
