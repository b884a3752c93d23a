"""SciPy's LOBPCG (scipy.sparse.linalg.lobpcg) on problems built from exactly
representable numbers, as tests/sparse/lobpcg_test.cpp builds them: a diagonal
matrix (SciPy's own documentation example, with and without constraints and a
preconditioner), 2-D Poisson, the generalized pencil of a 1-D stiffness and
mass matrix, a diagonal pencil (so that unit vectors as constraints are
eigenvectors) with a preconditioner, and a small problem that takes SciPy's
dense path. The starting
block is X(i, j) = ((i + 1) (j + 3) 7919 mod 101) - 50 on both sides. Each
case's values are also checked here against a dense eigensolver, so the
fixture is not only LOBPCG's word.

Writes tests/data/sparse/lobpcg/cases.csv: name, problem, size, k, largest,
maxiter, tol, preconditioned, constrained, the iteration whose block SciPy
returned (the one with the smallest mean residual norm; 0 on the dense path),
the Ritz values and residual norms of the starting block (the first entries
of its histories; empty on the dense path), then SciPy's eigenvalues in its
order, each list space-separated.

Run: .venv/bin/python tests/reference/sparse_lobpcg.py
"""

import csv
import warnings
from pathlib import Path

import numpy as np
import scipy
import scipy.linalg
import scipy.sparse as sp
from scipy.sparse.linalg import lobpcg

from sparse_krylov import five_point

OUT = Path(__file__).resolve().parents[1] / "data" / "sparse" / "lobpcg"


def tridiagonal(n, off, centre):
    return sp.csr_matrix(sp.diags([off * np.ones(n - 1), centre * np.ones(n), off * np.ones(n - 1)], [-1, 0, 1]))


def problem(name, size):
    """(A, B or None) of the named problem."""
    if name == "diagonal":
        return sp.csr_matrix(sp.diags(np.arange(1.0, size + 1))), None
    if name == "poisson":
        return five_point(size, 4.0, -1.0, -1.0, -1.0, -1.0), None
    if name == "pencil":
        return tridiagonal(size, -1.0, 2.0), tridiagonal(size, 1.0, 4.0)
    if name == "diagonal_pencil":
        return sp.csr_matrix(sp.diags(np.arange(1.0, size + 1))), sp.csr_matrix(sp.diags(1.0 + np.arange(size) % 3))
    raise ValueError(name)


def start(n, k):
    i, j = np.meshgrid(np.arange(n), np.arange(k), indexing="ij")
    return (((i + 1) * (j + 3) * 7919) % 101 - 50).astype(np.float64)


CASES = [
    # name, problem, size, k, largest, maxiter, tol, preconditioned (M = A^-1 diagonal), constrained (Y = e_0..e_2)
    ("diagonal_largest", "diagonal", 100, 3, True, 200, 1e-8, False, False),
    ("diagonal_smallest", "diagonal", 100, 3, False, 200, 1e-8, False, False),
    ("diagonal_constrained", "diagonal", 100, 3, False, 200, 1e-8, False, True),
    ("diagonal_preconditioned", "diagonal", 100, 3, False, 40, 1e-8, True, True),
    ("poisson_smallest", "poisson", 20, 4, False, 500, 1e-8, False, False),
    ("poisson_largest", "poisson", 20, 2, True, 500, 1e-8, False, False),
    ("poisson_jacobi", "poisson", 20, 4, False, 500, 1e-8, True, False),
    ("pencil_smallest", "pencil", 200, 3, False, 800, 1e-8, False, False),
    ("pencil_largest", "pencil", 200, 3, True, 800, 1e-8, False, False),
    ("dense_path", "diagonal", 20, 5, True, 20, 0.0, False, False),
    ("diagonal_single", "diagonal", 100, 1, True, 200, 1e-8, False, False),
    ("poisson_largest_jacobi", "poisson", 20, 2, True, 500, 1e-8, True, False),
    ("pencil_preconditioned", "pencil", 200, 3, False, 800, 1e-8, True, False),
    # Y = e_0..e_2 are eigenvectors of this pencil, so the constrained pairs are pairs of the pencil.
    ("diagonal_pencil_constrained", "diagonal_pencil", 100, 3, False, 200, 1e-8, True, True),
]


def dense_values(a, b, y, k, largest):
    """The wanted eigenvalues of (A, B), restricted to the B-orthogonal complement of Y's columns."""
    a = a.toarray()
    b = np.eye(a.shape[0]) if b is None else b.toarray()
    if y is not None:
        z = scipy.linalg.null_space(y.T @ b)
        a, b = z.T @ a @ z, z.T @ b @ z
    w = scipy.linalg.eigh(a, b, eigvals_only=True)
    return w[::-1][:k] if largest else w[:k]


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    rows = []
    for name, prob, size, k, largest, maxiter, tol, preconditioned, constrained in CASES:
        a, b = problem(prob, size)
        n = a.shape[0]
        m = sp.diags(1.0 / a.diagonal()) if preconditioned else None
        y = np.eye(n, 3) if constrained else None
        with warnings.catch_warnings():
            warnings.simplefilter("error" if name != "dense_path" else "ignore")
            out = lobpcg(a, start(n, k), B=b, M=m, Y=y, tol=tol or None, maxiter=maxiter, largest=largest,
                         retLambdaHistory=True, retResidualNormsHistory=True)
        w, values_history, norms_history = (out[0], out[2], out[3]) if len(out) == 4 else (out[0], [], [])
        # The histories hold iterations 0 .. best, then the final values.
        best = max(len(norms_history) - 2, 0)
        initial = values_history[0] if len(values_history) else []
        initial_norms = norms_history[0] if len(norms_history) else []
        want = dense_values(a, b, y, k, largest)
        assert np.allclose(w, want, rtol=1e-6, atol=0), (name, w, want)
        rows.append([name, prob, size, k, int(largest), maxiter, repr(tol), int(preconditioned), int(constrained),
                     best, " ".join(repr(float(x)) for x in np.atleast_1d(initial)),
                     " ".join(repr(float(x)) for x in np.atleast_1d(initial_norms)),
                     " ".join(repr(float(x)) for x in w)])
    with open(OUT / "cases.csv", "w", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["name", "problem", "size", "k", "largest", "maxiter", "tol", "preconditioned",
                         "constrained", "best_iteration", "initial_values", "initial_norms", "values"])
        writer.writerows(rows)
    print(f"wrote {len(rows)} cases with SciPy {scipy.__version__}")


if __name__ == "__main__":
    main()
