"""SciPy's solve_bvp on the problems of tests/integrate/solve_bvp_test.cpp
(SciPy's documented examples and the problems of its own test_bvp.py): the
final mesh, the solution and its derivative at the mesh, the RMS residuals,
niter, status, p, and the spline (value and first derivative) on a fine grid.
Our solver runs the same algorithm, so meshes and counts are compared one for
one.

Writes tests/data/integrate/solve_bvp/*.npy and cases.csv (one row a case:
name, status, niter, nodes, k).

Run: .venv/bin/python tests/reference/integrate_solve_bvp.py
"""

from pathlib import Path

import numpy as np
from fixture_io import fresh_dir, save_float64, write_manifest
from scipy.integrate import solve_bvp

OUT = Path(__file__).resolve().parents[1] / "data" / "integrate" / "solve_bvp"


def bratu_fun(x, y):
    return np.vstack((y[1], -np.exp(y[0])))


def bratu_bc(ya, yb):
    return np.array([ya[0], yb[0]])


def sl_fun(x, y, p):
    return np.vstack((y[1], -p[0] ** 2 * y[0]))


def sl_bc(ya, yb, p):
    return np.array([ya[0], yb[0], ya[1] - p[0]])


def sl_fun_jac(x, y, p):
    n, m = y.shape
    df_dy = np.zeros((n, n, m))
    df_dy[0, 1] = 1
    df_dy[1, 0] = -p[0] ** 2
    df_dp = np.zeros((n, 1, m))
    df_dp[1, 0] = -2 * p[0] * y[0]
    return df_dy, df_dp


def sl_bc_jac(ya, yb, p):
    dbc_dya = np.zeros((3, 2))
    dbc_dya[0, 0] = 1
    dbc_dya[2, 1] = 1
    dbc_dyb = np.zeros((3, 2))
    dbc_dyb[1, 0] = 1
    dbc_dp = np.zeros((3, 1))
    dbc_dp[2, 0] = -1
    return dbc_dya, dbc_dyb, dbc_dp


def emden_fun(x, y):
    return np.vstack((y[1], -y[0] ** 5))


def emden_fun_jac(x, y):
    df_dy = np.zeros((2, 2, x.shape[0]))
    df_dy[0, 1] = 1
    df_dy[1, 0] = -5 * y[0] ** 4
    return df_dy


def emden_bc(ya, yb):
    return np.array([ya[1], yb[0] - (3 / 4) ** 0.5])


def exp_fun(x, y):
    return np.vstack((y[1], y[0]))


def exp_bc(ya, yb):
    return np.hstack((ya[0] - 1, yb[0]))


def shock_fun(x, y):
    eps = 1e-3
    return np.vstack((y[1], -(x * y[1] + eps * np.pi ** 2 * np.cos(np.pi * x) + np.pi * x * np.sin(np.pi * x)) / eps))


def shock_bc(ya, yb):
    return np.array([ya[0] + 2, yb[0]])


def undefined_fun(x, y):
    return np.zeros_like(y)


def undefined_bc(ya, yb):
    return np.array([ya[0], yb[0] - 1])


def cases():
    """name -> (fun, bc, x, y, solve_bvp keyword arguments)."""
    x5 = np.linspace(0, 1, 5)
    bratu_b = np.zeros((2, 5))
    bratu_b[0] = 3
    # The docs' Sturm-Liouville example: a guess like sin(2 pi x), k0 = 6.
    sl_doc = np.zeros((2, 5))
    sl_doc[0, 1] = 1
    sl_doc[0, 3] = -1
    # A guess like sin(pi x) (one hump), k0 = 3: the first eigenvalue pi.
    sl_pi = np.zeros((2, 5))
    sl_pi[0, 1:4] = [0.7, 1, 0.7]
    x10 = np.linspace(0, 1, 10)
    emden_y = np.empty((2, 10))
    emden_y[0] = (3 / 4) ** 0.5
    emden_y[1] = 1e-4
    emden_s = np.array([[0, 0], [0, -2]])
    return {
        "bratu_a": (bratu_fun, bratu_bc, x5, np.zeros((2, 5)), {}),
        "bratu_b": (bratu_fun, bratu_bc, x5, bratu_b, {}),
        "bratu_a_tol6": (bratu_fun, bratu_bc, x5, np.zeros((2, 5)), {"tol": 1e-6}),
        "sturm_doc": (sl_fun, sl_bc, x5, sl_doc, {"p": [6.0]}),
        "sturm_pi": (sl_fun, sl_bc, x5, sl_pi, {"p": [3.0]}),
        "sturm_pi_jac": (sl_fun, sl_bc, x5, sl_pi, {"p": [3.0], "fun_jac": sl_fun_jac, "bc_jac": sl_bc_jac}),
        "emden": (emden_fun, emden_bc, x10, emden_y, {"S": emden_s}),
        "emden_jac": (emden_fun, emden_bc, x10, emden_y, {"S": emden_s, "fun_jac": emden_fun_jac}),
        "exp": (exp_fun, exp_bc, x5, np.zeros((2, 5)), {}),
        "exp_tol8": (exp_fun, exp_bc, x5, np.zeros((2, 5)), {"tol": 1e-8}),
        "shock": (shock_fun, shock_bc, np.linspace(-1, 1, 5), np.zeros((2, 5)), {}),
        # bc_tol = 0 is out of reach (the residual ends near 4e-33, not 0): status 3.
        "bc_tol_zero": (exp_fun, exp_bc, x5, np.zeros((2, 5)), {"bc_tol": 0.0}),
        "max_nodes": (exp_fun, exp_bc, np.linspace(0, 1, 2), np.zeros((2, 2)), {"tol": 1e-5, "max_nodes": 5}),
        "singular": (undefined_fun, undefined_bc, x5, np.zeros((2, 5)), {}),
    }


def main():
    fresh_dir(OUT)
    rows = []
    for name, (fun, bc, x, y, kwargs) in cases().items():
        r = solve_bvp(fun, bc, x, y, **kwargs)
        grid = np.linspace(x[0], x[-1], 101)
        save_float64(OUT, f"{name}_x", r.x)
        save_float64(OUT, f"{name}_y", r.y)
        save_float64(OUT, f"{name}_yp", r.yp)
        save_float64(OUT, f"{name}_rms", r.rms_residuals)
        save_float64(OUT, f"{name}_sol", r.sol(grid))
        save_float64(OUT, f"{name}_dsol", r.sol(grid, 1))
        k = 0 if r.p is None else r.p.size
        if k:
            save_float64(OUT, f"{name}_p", r.p)
        rows.append([name, r.status, r.niter, r.x.size, k])
    write_manifest(OUT / "cases.csv", ["name", "status", "niter", "nodes", "k"], rows)


if __name__ == "__main__":
    main()
