#!/usr/bin/env python3
"""Reference runs of scipy.optimize.linear_sum_assignment for
tests/optimize/linear_sum_assignment_test.cpp.

Writes tests/data/optimize/assignment/:

cases.csv, one problem a row:
    case, kind, rows, cols, maximize, feasible, total
  kind      what the matrix is (see CASES below): normal, uniform, int5, int3,
            const, outer, big, inf (+inf forbidden entries; -inf with maximize)
  feasible  1 if SciPy found an assignment, 0 if it raised
            "cost matrix is infeasible"
  total     cost[row_ind, col_ind].sum() of SciPy's assignment (NaN if infeasible)
cost_<case>.npy   the cost matrix, rows x cols (int32 where every entry is an
            integer, to keep the files small; float64 otherwise)
row_<case>.npy, col_<case>.npy   SciPy's row_ind and col_ind (float64; absent
            if infeasible)

Run with the pinned peers: .venv/bin/python3 tests/reference/optimize_assignment.py
"""
import pathlib

import numpy as np
import scipy
import scipy.optimize as so

import fixture_io

OUT = pathlib.Path(__file__).resolve().parents[1] / "data" / "optimize" / "assignment"

SQUARE = [1, 2, 3, 5, 8, 13, 20, 50, 100, 200]
WIDE = [(1, 4), (3, 7), (10, 25), (50, 120), (100, 200)]
TALL = [(4, 1), (7, 3), (25, 10), (120, 50), (200, 100)]


def cases(rng):
    """(kind, maximize, matrix) of every problem."""
    out = []
    for n in SQUARE:
        out.append(("normal", False, rng.standard_normal((n, n))))
    for shape in WIDE + TALL:
        out.append(("uniform", False, rng.random(shape)))
    # Integer costs with many ties: many optimal assignments.
    for shape in [(5, 5), (20, 20), (60, 60), (150, 150), (40, 90), (90, 40), (1, 30), (30, 1)]:
        out.append(("int5", False, rng.integers(0, 5, shape).astype(np.float64)))
    for shape in [(12, 12), (100, 100), (33, 70), (70, 33)]:
        out.append(("int3", False, rng.integers(0, 3, shape).astype(np.float64)))
    # Every assignment ties; and the outer product i * j, whose minimum pairs
    # the rows in reverse order (rearrangement inequality).
    out.append(("const", False, np.full((30, 30), 7.0)))
    out.append(("const", False, np.full((10, 25), -2.5)))
    i = np.arange(1, 41, dtype=np.float64)
    out.append(("outer", False, np.outer(i, i)))
    out.append(("outer", False, np.outer(i[:15], i)))
    # Large offsets with small differences: the duals must not lose them.
    out.append(("big", False, 1e6 + rng.random((60, 60))))
    out.append(("big", False, -1e8 * rng.integers(1, 4, (20, 45)) + rng.random((20, 45))))
    # Maximization.
    for shape in [(1, 1), (6, 6), (40, 40), (200, 200), (15, 60), (60, 15)]:
        out.append(("normal", True, rng.standard_normal(shape)))
    for shape in [(30, 30), (25, 50), (50, 25)]:
        out.append(("int5", True, rng.integers(0, 5, shape).astype(np.float64)))
    # Forbidden pairs: +inf (minimize) / -inf (maximize) entries at several
    # densities; SciPy decides which of these are feasible.
    for n, m, p in [(4, 4, 0.3), (10, 10, 0.5), (10, 10, 0.8), (50, 50, 0.6), (100, 100, 0.9), (8, 20, 0.7),
                    (20, 8, 0.7), (30, 60, 0.95), (60, 30, 0.95), (6, 6, 0.75), (12, 12, 0.85), (200, 200, 0.97)]:
        for maximize in (False, True):
            c = rng.random((n, m))
            c[rng.random((n, m)) < p] = -np.inf if maximize else np.inf
            out.append(("inf", maximize, c))
    # Forbidden pairs with integer (tied) costs.
    for n, m in [(25, 25), (15, 40)]:
        c = rng.integers(0, 4, (n, m)).astype(np.float64)
        c[rng.random((n, m)) < 0.5] = np.inf
        out.append(("inf", False, c))
    # Structurally infeasible: two rows that may use only the same column.
    c = rng.random((5, 5))
    c[1, 1:] = np.inf
    c[3, 1:] = np.inf
    out.append(("inf", False, c))
    # A tall matrix with an all-forbidden row is feasible (that row stays free).
    c = rng.random((6, 3))
    c[2, :] = np.inf
    out.append(("inf", False, c))
    return out


def main():
    fixture_io.fresh_dir(OUT)
    rng = np.random.default_rng(20160401)
    rows = []
    for case, (kind, maximize, c) in enumerate(cases(rng)):
        c = np.asarray(c, dtype=np.float64)
        integral = np.all(np.isfinite(c)) and np.all(c == np.round(c)) and np.all(np.abs(c) < 2**31)
        np.save(OUT / f"cost_{case}.npy", c.astype(np.int32) if integral else c)
        try:
            r, k = so.linear_sum_assignment(c, maximize=maximize)
        except ValueError as e:
            assert "infeasible" in str(e), e
            rows.append([case, kind, c.shape[0], c.shape[1], int(maximize), 0, "nan"])
            continue
        fixture_io.save_float64(OUT, f"row_{case}", r)
        fixture_io.save_float64(OUT, f"col_{case}", k)
        rows.append([case, kind, c.shape[0], c.shape[1], int(maximize), 1, repr(float(c[r, k].sum()))])
    fixture_io.write_manifest(OUT / "cases.csv", ["case", "kind", "rows", "cols", "maximize", "feasible", "total"],
                              rows)
    print(f"scipy {scipy.__version__}: wrote {len(rows)} cases, "
          f"{sum(1 for r in rows if r[5] == 0)} infeasible, to {OUT}")


if __name__ == "__main__":
    main()
