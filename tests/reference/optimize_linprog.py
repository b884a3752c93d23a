"""SciPy's linprog (method 'highs') and milp on small linear and mixed-integer
programs with known answers: SciPy's documentation examples, classic textbook
LPs, degenerate, infeasible and unbounded ones, equality-only and free-variable
problems, a random sparse feasible LP (50 x 80), a knapsack and a small mixed
MILP. Writes under tests/data/optimize/linprog/ for
tests/optimize/linprog_test.cpp:

* per case NAME_c, NAME_lb, NAME_ub, NAME_integrality (0 continuous, 1 integer)
  and either NAME_A_ub, NAME_b_ub, NAME_A_eq, NAME_b_eq (kind linprog: SciPy's
  linprog arguments) or NAME_A, NAME_cl, NAME_cu (kind milp: one
  LinearConstraint cl <= A x <= cu); every matrix dense, possibly 0 x n;
* SciPy's answer: NAME_x and, for linprog without integrality, the marginals
  NAME_ineqlin, NAME_eqlin, NAME_lower, NAME_upper (when status is 0);
* cases.csv: name, kind, status, fun (repr; 'nan' when SciPy gives None),
  x_unique, marginals_unique (1 when the script proved the optimum, or the
  multipliers, unique: see unique_lp / unique_integer), mip_node_count.

Run: .venv/bin/python tests/reference/optimize_linprog.py
"""

import itertools
from pathlib import Path

import numpy as np
import scipy
from scipy.optimize import LinearConstraint, linprog, milp

from fixture_io import fresh_dir, write_manifest

OUT = Path(__file__).resolve().parents[1] / "data" / "optimize" / "linprog"
INF = np.inf
TOL = 1e-9


def unique_lp(a_ub, b_ub, a_eq, lb, ub, res):
    """(x unique, multipliers unique) for an LP solved to optimality.

    Every optimum satisfies complementary slackness with every optimal dual, so
    the constraints with a nonzero multiplier (and the equality rows) stay
    active at all optima: if their normals have rank n, x is the only optimum.
    Every optimal dual is supported on the constraints active at x: if those
    normals are linearly independent, the multipliers are unique."""
    n = len(res.x)
    scale = 1 + np.max(np.abs(res.x))
    rows_pinned, rows_active = [], []
    for i, row in enumerate(a_ub):
        if res.slack[i] <= TOL * scale * (1 + np.abs(b_ub[i])):
            rows_active.append(row)
            if abs(res.ineqlin.marginals[i]) > TOL:
                rows_pinned.append(row)
    for row in a_eq:
        rows_active.append(row)
        rows_pinned.append(row)
    eye = np.eye(n)
    for j in range(n):
        for bound, marg, side in ((lb[j], res.lower.marginals[j], res.x[j] - lb[j]),
                                  (ub[j], res.upper.marginals[j], ub[j] - res.x[j])):
            if np.isfinite(bound) and side <= TOL * scale:
                rows_active.append(eye[j])
                if abs(marg) > TOL:
                    rows_pinned.append(eye[j])

    def rank(rows):
        return np.linalg.matrix_rank(np.array(rows)) if rows else 0

    return rank(rows_pinned) == n, rank(rows_active) == len(rows_active)


def unique_integer(c, a, cl, cu, lb, ub, fun):
    """True when exactly one integer point in the (small) box is optimal:
    every point of the box is enumerated."""
    ranges = [range(int(lo), int(hi) + 1) for lo, hi in zip(lb, ub)]
    optima = 0
    for point in itertools.product(*ranges):
        x = np.array(point, dtype=float)
        ax = a @ x
        if np.all(ax >= cl - 1e-9) and np.all(ax <= cu + 1e-9) and abs(c @ x - fun) <= 1e-9 * (1 + abs(fun)):
            optima += 1
    return optima == 1


def expand_bounds(bounds, n):
    """SciPy's linprog bounds (one pair for all, or one per variable, None for
    infinite) as two arrays."""
    pairs = [bounds] * n if isinstance(bounds, tuple) else bounds
    lb = np.array([-INF if p[0] is None else p[0] for p in pairs], dtype=float)
    ub = np.array([INF if p[1] is None else p[1] for p in pairs], dtype=float)
    return lb, ub


def matrix(a, n):
    return np.zeros((0, n)) if a is None else np.asarray(a, dtype=float).reshape(-1, n)


def vector(b):
    return np.zeros(0) if b is None else np.asarray(b, dtype=float)


def save(name, **arrays):
    for key, value in arrays.items():
        np.save(OUT / f"{name}_{key}.npy", np.asarray(value, dtype=np.float64))


def fun_text(fun):
    return "nan" if fun is None else repr(float(fun))


def lp_case(rows, name, c, a_ub=None, b_ub=None, a_eq=None, b_eq=None, bounds=(0, None), integrality=None):
    c = np.asarray(c, dtype=float)
    n = len(c)
    a_ub, b_ub, a_eq, b_eq = matrix(a_ub, n), vector(b_ub), matrix(a_eq, n), vector(b_eq)
    lb, ub = expand_bounds(bounds, n)
    integ = np.zeros(n) if integrality is None else np.asarray(integrality, dtype=float)
    res = linprog(c, A_ub=a_ub if len(b_ub) else None, b_ub=b_ub if len(b_ub) else None,
                  A_eq=a_eq if len(b_eq) else None, b_eq=b_eq if len(b_eq) else None, bounds=bounds,
                  method="highs", integrality=integrality)
    save(name, c=c, A_ub=a_ub, b_ub=b_ub, A_eq=a_eq, b_eq=b_eq, lb=lb, ub=ub, integrality=integ)
    x_unique = marg_unique = 0
    if res.status == 0:
        save(name, x=res.x)
        if integrality is None:
            save(name, ineqlin=res.ineqlin.marginals, eqlin=res.eqlin.marginals, lower=res.lower.marginals,
                 upper=res.upper.marginals)
            x_unique, marg_unique = unique_lp(a_ub, b_ub, a_eq, lb, ub, res)
        elif np.all(integ == 1) and np.all(np.isfinite(lb)) and np.all(np.isfinite(ub)):
            a = np.vstack([a_ub, a_eq])
            x_unique = unique_integer(c, a, np.concatenate([np.full(len(b_ub), -INF), b_eq]),
                                      np.concatenate([b_ub, b_eq]), lb, ub, res.fun)
    nodes = getattr(res, "mip_node_count", None) if integrality is not None else 0
    rows.append([name, "linprog", res.status, fun_text(res.fun), int(x_unique), int(marg_unique),
                 -1 if nodes is None else nodes])


def milp_case(rows, name, c, a, cl, cu, lb, ub, integrality):
    c = np.asarray(c, dtype=float)
    n = len(c)
    a = matrix(a, n)
    cl, cu, lb, ub = vector(cl), vector(cu), vector(lb), vector(ub)
    integ = np.asarray(integrality, dtype=float)
    res = milp(c, integrality=integ, bounds=scipy.optimize.Bounds(lb, ub),
               constraints=LinearConstraint(a, cl, cu) if len(cl) else None)
    save(name, c=c, A=a, cl=cl, cu=cu, lb=lb, ub=ub, integrality=integ)
    x_unique = 0
    if res.status == 0:
        save(name, x=res.x)
        if np.all(integ == 1) and np.all(np.isfinite(lb)) and np.all(np.isfinite(ub)):
            x_unique = unique_integer(c, a, cl, cu, lb, ub, res.fun)
    nodes = res.mip_node_count
    rows.append([name, "milp", res.status, fun_text(res.fun), int(x_unique), 0, -1 if nodes is None else nodes])


def main():
    fresh_dir(OUT)
    rows = []
    # SciPy's linprog docstring example: fun -22 at (10, -3).
    lp_case(rows, "scipy_doc", [-1, 4], [[-3, 1], [1, 2]], [6, 4], bounds=[(None, None), (-3, None)])
    # SciPy's linprog tutorial (user guide, "Linear programming"): as first
    # written there it is infeasible; with x1 <= 6 instead of 5 it is not.
    for name, x1_max in (("scipy_tutorial_infeasible", 5), ("scipy_tutorial_relaxed", 6)):
        lp_case(rows, name, [-29, -45, 0, 0], [[1, -1, -3, 0], [-2, 3, 7, -3]], [5, -10],
                [[2, 8, 1, 0], [4, 4, 0, 1]], [60, 60], bounds=[(0, None), (0, x1_max), (None, 0.5), (-3, None)])
    # Hillier and Lieberman's Wyndor Glass: max 3 x1 + 5 x2, optimum 36 at (2, 6).
    lp_case(rows, "wyndor", [-3, -5], [[1, 0], [0, 2], [3, 2]], [4, 12, 18])
    # A diet problem: cheapest foods meeting nutrient minimums (>= rows negated).
    lp_case(rows, "diet", [0.6, 0.35, 0.5, 0.8],
            -np.array([[20, 5, 10, 30], [2, 8, 3, 1], [4, 1, 12, 6]]), -np.array([60, 20, 30]))
    # Balanced transportation problem: supplies 20, 30, 25; demands 10, 25, 15, 25.
    supply, demand = [20, 30, 25], [10, 25, 15, 25]
    cost = np.array([[8, 6, 10, 9], [9, 12, 13, 7], [14, 9, 16, 5]], dtype=float)
    a_eq = np.zeros((7, 12))
    for i in range(3):
        a_eq[i, 4 * i:4 * i + 4] = 1
    for j in range(4):
        a_eq[3 + j, j::4] = 1
    lp_case(rows, "transportation", cost.ravel(), a_eq=a_eq, b_eq=supply + demand)
    # Degenerate vertex: three constraints active at (2/3, 2/3) in the plane.
    lp_case(rows, "degenerate", [-1, -1], [[1, 2], [2, 1], [1, 1]], [2, 2, 4 / 3])
    # Upper bounds active (their marginals nonzero).
    lp_case(rows, "upper_bounds", [-2, -3, -1], [[1, 1, 1], [1, 2, 0]], [10, 8],
            bounds=[(0, 4), (0, 3), (1, 5)])
    # Free variables: x1 + x2 >= -1, |x1 - x2| <= 3; min x1 + 2 x2 at (1, -2).
    lp_case(rows, "free_variables", [1, 2], [[-1, -1], [1, -1], [-1, 1]], [1, 3, 3], bounds=(None, None))
    # Equality constraints only, nonnegative variables.
    rng = np.random.default_rng(20260301)
    a_eq = rng.uniform(0.5, 2.0, (3, 5))
    lp_case(rows, "equality_only", rng.uniform(1, 3, 5), a_eq=a_eq, b_eq=a_eq @ rng.uniform(0.5, 1.5, 5))
    lp_case(rows, "infeasible", [1, 1], [[1, 1]], [-1])
    lp_case(rows, "infeasible_equalities", [1, 1, 1], a_eq=[[1, 1, 0], [1, 1, 0]], b_eq=[1, 2],
            bounds=(None, None))
    lp_case(rows, "unbounded", [-1, 0], [[0, 1]], [1])
    lp_case(rows, "unbounded_free", [1, -1], a_eq=[[1, 1]], b_eq=[0], bounds=(None, None))
    # Random sparse feasible LP, 50 inequality and 10 equality rows over 80
    # variables (about 10 % nonzeros), b = A x_f + slack, c > 0, 0 <= x <= 10.
    m, n = 50, 80
    x_f = rng.uniform(0, 2, n)

    def sparse(rows_, cols_):
        return np.where(rng.random((rows_, cols_)) < 0.1, rng.standard_normal((rows_, cols_)), 0.0)

    a_ub, a_eq = sparse(m, n), sparse(10, n)
    lp_case(rows, "random_sparse_50x80", rng.uniform(-1, 1, n), a_ub, a_ub @ x_f + rng.uniform(0, 1, m), a_eq,
            a_eq @ x_f, bounds=(0, 10))
    # linprog with integrality (SciPy hands it to milp).
    lp_case(rows, "linprog_integer", [-1, -1], [[2, 1], [1, 2]], [4.5, 4.5], integrality=[1, 1])
    lp_case(rows, "linprog_integer_unique", [-3, -2, -4], [[3, 2, 5], [1, 1, 1]], [14.5, 4.2],
            bounds=(0, 5), integrality=[1, 1, 1])
    # SciPy's milp docstring example: fun -2 at (1, 2) or (2, 2).
    milp_case(rows, "milp_doc", [0, -1], [[-1, 1], [3, 2], [2, 3]], [-INF] * 3, [1, 12, 12], [0, 0], [INF, INF],
              [1, 1])
    # The knapsack of SciPy's milp tutorial: capacity 100, binary choices.
    sizes = [21, 11, 15, 9, 34, 25, 41, 52]
    values = [22, 12, 16, 10, 35, 26, 42, 53]
    milp_case(rows, "knapsack", -np.array(values), [sizes], [0], [100], [0] * 8, [1] * 8, [1] * 8)
    # A knapsack with a unique optimum (values not proportional to sizes).
    milp_case(rows, "knapsack_unique", -np.array([10, 13, 7, 8, 11, 4]), [[5, 7, 4, 3, 6, 2]], [-INF], [15],
              [0] * 6, [1] * 6, [1] * 6)
    # A small mixed problem: two integer and two continuous variables, two-sided rows.
    milp_case(rows, "mixed", [-5, -4, -3, 1], [[2, 3, 1, 0], [4, 1, 2, -1], [3, 4, 2, 0]], [-INF, -2, 1],
              [5, 11, 8], [0, 0, 0, 0], [INF, INF, 1.5, 3], [1, 1, 0, 0])
    milp_case(rows, "milp_infeasible", [1, 1], [[1, 1]], [2.2], [2.8], [0, 0], [INF, INF], [1, 1])
    # HiGHS's presolve cannot tell unbounded from infeasible here: SciPy says status 4.
    milp_case(rows, "milp_unbounded", [-1, 0], [[0, 1]], [-INF], [1], [0, 0], [INF, INF], [1, 1])
    write_manifest(OUT / "cases.csv", ["name", "kind", "status", "fun", "x_unique", "marginals_unique",
                                       "mip_node_count"], rows)
    print(f"scipy {scipy.__version__}: {len(rows)} cases written to {OUT}")
    for row in rows:
        print(row)


if __name__ == "__main__":
    main()
