"""SciPy's Krylov solvers (scipy.sparse.linalg cg, bicgstab, gmres, minres) on
2-D Poisson, a badly scaled SPD matrix (with and without a Jacobi
preconditioner), a nonsymmetric convection-diffusion matrix, and symmetric
indefinite shifted Poisson matrices (one of them singular, where minres
returns a least-squares solution). The matrices and right-hand sides are built
from exactly representable numbers, as tests/sparse/problems.hpp builds them,
so both sides iterate on bitwise the same system; the manifest records each
case's info, the number of products with A (counted by wrapping A) and the
relative residual ||b - A x|| / ||b|| of SciPy's answer.

Writes tests/data/sparse/krylov/cases.csv for tests/sparse/krylov_test.cpp.

Run: .venv/bin/python tests/reference/sparse_krylov.py
"""

import csv
from pathlib import Path

import numpy as np
import scipy
import scipy.sparse as sp
from scipy.sparse.linalg import LinearOperator, bicgstab, cg, gmres, minres

OUT = Path(__file__).resolve().parents[1] / "data" / "sparse" / "krylov"


def five_point(nx, centre, west, east, south, north):
    rows, cols, vals = [], [], []
    for i in range(nx):
        for j in range(nx):
            k = i * nx + j
            for kk, v, present in ((k, centre, True), (k - 1, west, j > 0), (k + 1, east, j + 1 < nx),
                                   (k - nx, south, i > 0), (k + nx, north, i + 1 < nx)):
                if present:
                    rows.append(k)
                    cols.append(kk)
                    vals.append(v)
    n = nx * nx
    return sp.csr_matrix((vals, (rows, cols)), shape=(n, n))


def problem(name, nx):
    if name == "poisson":
        return five_point(nx, 4.0, -1.0, -1.0, -1.0, -1.0)
    if name == "convdiff":
        return five_point(nx, 4.0, -1.3, -0.7, -1.2, -0.8)
    if name == "scaled":
        d = sp.diags(1.0 + np.arange(nx * nx) % 7)
        return sp.csr_matrix(d @ five_point(nx, 4.0, -1.0, -1.0, -1.0, -1.0) @ d)
    if name == "indefinite":  # Poisson - 2.1 I: eigenvalues on both sides of 0, none near it
        return five_point(nx, 1.9, -1.0, -1.0, -1.0, -1.0)
    if name == "singular":  # Poisson - 2 I at nx = 20: singular (cos(7 pi / 21) = 1/2), b not in its range
        return five_point(nx, 2.0, -1.0, -1.0, -1.0, -1.0)
    raise ValueError(name)


def rhs(n):
    return 1.0 + (np.arange(n) % 5).astype(float)


class Counted:
    """A as a LinearOperator that counts its products."""

    def __init__(self, a):
        self.a = a
        self.count = 0

    def operator(self):
        def matvec(x):
            self.count += 1
            return self.a @ x

        return LinearOperator(self.a.shape, matvec=matvec, dtype=float)


# name, solver, problem, nx, rtol, atol, maxiter (0: default), restart (gmres),
# preconditioner, x0 (zero / ones), shift (minres), callback_type (gmres)
CASES = [
    ("cg_poisson", "cg", "poisson", 30, 1e-8, 0.0, 0, 0, "none", "zero", 0.0, ""),
    ("cg_poisson_default_rtol", "cg", "poisson", 30, 1e-5, 0.0, 0, 0, "none", "zero", 0.0, ""),
    ("cg_poisson_x0", "cg", "poisson", 30, 1e-8, 0.0, 0, 0, "none", "ones", 0.0, ""),
    ("cg_poisson_atol", "cg", "poisson", 30, 0.0, 1e-6, 0, 0, "none", "zero", 0.0, ""),
    ("cg_scaled", "cg", "scaled", 20, 1e-8, 0.0, 0, 0, "none", "zero", 0.0, ""),
    ("cg_scaled_jacobi", "cg", "scaled", 20, 1e-8, 0.0, 0, 0, "jacobi", "zero", 0.0, ""),
    ("cg_maxiter", "cg", "poisson", 30, 1e-8, 0.0, 10, 0, "none", "zero", 0.0, ""),
    ("bicgstab_convdiff", "bicgstab", "convdiff", 30, 1e-8, 0.0, 0, 0, "none", "zero", 0.0, ""),
    ("bicgstab_convdiff_jacobi", "bicgstab", "convdiff", 30, 1e-8, 0.0, 0, 0, "jacobi", "zero", 0.0, ""),
    ("bicgstab_convdiff_x0", "bicgstab", "convdiff", 30, 1e-6, 0.0, 0, 0, "none", "ones", 0.0, ""),
    ("bicgstab_scaled_jacobi", "bicgstab", "scaled", 20, 1e-8, 0.0, 0, 0, "jacobi", "zero", 0.0, ""),
    ("bicgstab_maxiter", "bicgstab", "convdiff", 30, 1e-8, 0.0, 5, 0, "none", "zero", 0.0, ""),
    ("gmres_convdiff", "gmres", "convdiff", 30, 1e-8, 0.0, 0, 20, "none", "zero", 0.0, "x"),
    ("gmres_convdiff_restart5", "gmres", "convdiff", 30, 1e-8, 0.0, 0, 5, "none", "zero", 0.0, "x"),
    ("gmres_convdiff_jacobi", "gmres", "convdiff", 30, 1e-8, 0.0, 0, 10, "jacobi", "zero", 0.0, "x"),
    ("gmres_convdiff_x0", "gmres", "convdiff", 30, 1e-6, 0.0, 0, 20, "none", "ones", 0.0, "x"),
    ("gmres_poisson_default", "gmres", "poisson", 30, 1e-5, 0.0, 0, 20, "none", "zero", 0.0, "x"),
    ("gmres_scaled_jacobi", "gmres", "scaled", 20, 1e-8, 0.0, 0, 30, "jacobi", "zero", 0.0, "x"),
    ("gmres_maxiter", "gmres", "convdiff", 30, 1e-8, 0.0, 2, 5, "none", "zero", 0.0, "x"),
    ("gmres_pr_norm", "gmres", "convdiff", 30, 1e-8, 0.0, 0, 20, "none", "zero", 0.0, "pr_norm"),
    ("gmres_legacy_maxiter", "gmres", "convdiff", 30, 1e-8, 0.0, 7, 5, "none", "zero", 0.0, "legacy"),
    ("minres_indefinite", "minres", "indefinite", 20, 1e-8, 0.0, 0, 0, "none", "zero", 0.0, ""),
    ("minres_indefinite_30", "minres", "indefinite", 30, 1e-10, 0.0, 0, 0, "none", "zero", 0.0, ""),
    ("minres_singular_least_squares", "minres", "singular", 20, 1e-8, 0.0, 0, 0, "none", "zero", 0.0, ""),
    ("minres_shift_argument", "minres", "poisson", 20, 1e-8, 0.0, 0, 0, "none", "zero", 2.1, ""),
    ("minres_poisson", "minres", "poisson", 30, 1e-8, 0.0, 0, 0, "none", "zero", 0.0, ""),
    ("minres_scaled_jacobi", "minres", "scaled", 20, 1e-8, 0.0, 0, 0, "jacobi", "zero", 0.0, ""),
    ("minres_x0", "minres", "indefinite", 20, 1e-6, 0.0, 0, 0, "none", "ones", 0.0, ""),
    ("minres_maxiter", "minres", "indefinite", 20, 1e-8, 0.0, 10, 0, "none", "zero", 0.0, ""),
]


def run(case):
    name, solver, prob, nx, rtol, atol, maxiter, restart, precond, x0, shift, cb_type = case
    a = problem(prob, nx)
    n = a.shape[0]
    b = rhs(n)
    counted = Counted(a)
    kw = {"rtol": rtol}
    if maxiter:
        kw["maxiter"] = maxiter
    if precond == "jacobi":
        d = a.diagonal()
        kw["M"] = LinearOperator(a.shape, matvec=lambda x: x / d, dtype=float)
    if x0 == "ones":
        kw["x0"] = np.ones(n)
    calls = [0]

    def callback(_):
        calls[0] += 1

    if solver == "cg":
        x, info = cg(counted.operator(), b, atol=atol, callback=callback, **kw)
    elif solver == "bicgstab":
        x, info = bicgstab(counted.operator(), b, atol=atol, callback=callback, **kw)
    elif solver == "gmres":
        x, info = gmres(counted.operator(), b, atol=atol, restart=restart, callback=callback,
                        callback_type=cb_type, **kw)
    else:
        x, info = minres(counted.operator(), b, shift=shift, callback=callback, **kw)
    residual = np.linalg.norm(b - (a @ x - shift * x)) / np.linalg.norm(b)
    return [*case[:-1], cb_type or "none", int(info), counted.count, calls[0], repr(float(residual))]


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    rows = [run(c) for c in CASES]
    header = ["name", "solver", "problem", "nx", "rtol", "atol", "maxiter", "restart", "precond", "x0", "shift",
              "callback_type", "info", "matvecs", "callbacks", "residual"]
    with open(OUT / "cases.csv", "w", newline="") as out:
        w = csv.writer(out, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)
    for r in rows:
        print(r)
    print(f"scipy {scipy.__version__}: {len(rows)} cases written to {OUT}")


if __name__ == "__main__":
    main()
