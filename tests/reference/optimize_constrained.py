"""SciPy's SLSQP, COBYLA and trust-constr on Hock and Schittkowski's constrained test
problems ("Test examples for nonlinear programming codes", 1981), written
from their definitions as tests/optimize/hs_constrained.hpp writes them.
The objective's gradient is exact (hand-written); the constraints' Jacobians
are left to finite differences, as tests/optimize/minimize_constrained_test.cpp
does. Writes tests/data/optimize/constrained/results.csv: per problem and
method, the known minimum f_star, SciPy's fun, nfev, njev, nit, status and x.

Run: .venv/bin/python tests/reference/optimize_constrained.py
"""

import csv
from pathlib import Path

import numpy as np
import scipy
from scipy.optimize import Bounds, LinearConstraint, NonlinearConstraint, minimize

OUT = Path(__file__).resolve().parents[1] / "data" / "optimize" / "constrained"
INF = np.inf


def problem(name, f, grad, x0, f_star, constraints, bounds=None):
    return dict(name=name, f=f, grad=grad, x0=np.array(x0, float), f_star=f_star,
                constraints=constraints, bounds=bounds)


def eq(fun):
    return {"type": "eq", "fun": fun}


def ineq(fun):
    return {"type": "ineq", "fun": fun}


PROBLEMS = [
    problem("hs6", lambda x: (1 - x[0]) ** 2, lambda x: np.array([-2 * (1 - x[0]), 0.0]), [-1.2, 1.0], 0.0,
            [eq(lambda x: 10 * (x[1] - x[0] ** 2))]),
    problem("hs7", lambda x: np.log(1 + x[0] ** 2) - x[1], lambda x: np.array([2 * x[0] / (1 + x[0] ** 2), -1.0]),
            [2.0, 2.0], -np.sqrt(3), [eq(lambda x: (1 + x[0] ** 2) ** 2 + x[1] ** 2 - 4)]),
    problem("hs10", lambda x: x[0] - x[1], lambda x: np.array([1.0, -1.0]), [-10.0, 10.0], -1.0,
            [ineq(lambda x: -3 * x[0] ** 2 + 2 * x[0] * x[1] - x[1] ** 2 + 1)]),
    problem("hs11", lambda x: (x[0] - 5) ** 2 + x[1] ** 2 - 25, lambda x: np.array([2 * (x[0] - 5), 2 * x[1]]),
            [4.9, 0.1], -8.498464223, [ineq(lambda x: -x[0] ** 2 + x[1])]),
    problem("hs12", lambda x: 0.5 * x[0] ** 2 + x[1] ** 2 - x[0] * x[1] - 7 * x[0] - 7 * x[1],
            lambda x: np.array([x[0] - x[1] - 7, 2 * x[1] - x[0] - 7]), [0.0, 0.0], -30.0,
            [ineq(lambda x: 25 - 4 * x[0] ** 2 - x[1] ** 2)]),
    problem("hs21", lambda x: 0.01 * x[0] ** 2 + x[1] ** 2 - 100, lambda x: np.array([0.02 * x[0], 2 * x[1]]),
            [-1.0, -1.0], -99.96, [LinearConstraint([[10.0, -1.0]], 10.0, INF)],
            Bounds([2.0, -50.0], [50.0, 50.0])),
    problem("hs26", lambda x: (x[0] - x[1]) ** 2 + (x[1] - x[2]) ** 4,
            lambda x: np.array([2 * (x[0] - x[1]), -2 * (x[0] - x[1]) + 4 * (x[1] - x[2]) ** 3,
                                -4 * (x[1] - x[2]) ** 3]),
            [-2.6, 2.0, 2.0], 0.0, [eq(lambda x: (1 + x[1] ** 2) * x[0] + x[2] ** 4 - 3)]),
    problem("hs28", lambda x: (x[0] + x[1]) ** 2 + (x[1] + x[2]) ** 2,
            lambda x: np.array([2 * (x[0] + x[1]), 2 * (x[0] + x[1]) + 2 * (x[1] + x[2]), 2 * (x[1] + x[2])]),
            [-4.0, 1.0, 1.0], 0.0, [LinearConstraint([[1.0, 2.0, 3.0]], 1.0, 1.0)]),
    problem("hs35", lambda x: (9 - 8 * x[0] - 6 * x[1] - 4 * x[2] + 2 * x[0] ** 2 + 2 * x[1] ** 2 + x[2] ** 2
                               + 2 * x[0] * x[1] + 2 * x[0] * x[2]),
            lambda x: np.array([-8 + 4 * x[0] + 2 * x[1] + 2 * x[2], -6 + 4 * x[1] + 2 * x[0],
                                -4 + 2 * x[2] + 2 * x[0]]),
            [0.5, 0.5, 0.5], 1.0 / 9.0, [LinearConstraint([[1.0, 1.0, 2.0]], -INF, 3.0)],
            Bounds([0.0] * 3, [INF] * 3)),
    problem("hs39", lambda x: -x[0], lambda x: np.array([-1.0, 0.0, 0.0, 0.0]), [2.0] * 4, -1.0,
            [eq(lambda x: x[1] - x[0] ** 3 - x[2] ** 2), eq(lambda x: x[0] ** 2 - x[1] - x[3] ** 2)]),
    problem("hs48", lambda x: (x[0] - 1) ** 2 + (x[1] - x[2]) ** 2 + (x[3] - x[4]) ** 2,
            lambda x: np.array([2 * (x[0] - 1), 2 * (x[1] - x[2]), -2 * (x[1] - x[2]), 2 * (x[3] - x[4]),
                                -2 * (x[3] - x[4])]),
            [3.0, 5.0, -3.0, 2.0, -2.0], 0.0,
            [LinearConstraint([[1.0, 1.0, 1.0, 1.0, 1.0], [0.0, 0.0, 1.0, -2.0, -2.0]], [5.0, -3.0], [5.0, -3.0])]),
    problem("hs71", lambda x: x[0] * x[3] * (x[0] + x[1] + x[2]) + x[2],
            lambda x: np.array([x[3] * (2 * x[0] + x[1] + x[2]), x[0] * x[3], x[0] * x[3] + 1,
                                x[0] * (x[0] + x[1] + x[2])]),
            [1.0, 5.0, 5.0, 1.0], 17.0140173,
            [NonlinearConstraint(lambda x: [x[0] * x[1] * x[2] * x[3], x @ x], [25.0, 40.0], [INF, 40.0])],
            Bounds([1.0] * 4, [5.0] * 4)),
    problem("hs76", lambda x: (x[0] ** 2 + 0.5 * x[1] ** 2 + x[2] ** 2 + 0.5 * x[3] ** 2 - x[0] * x[2]
                               + x[2] * x[3] - x[0] - 3 * x[1] + x[2] - x[3]),
            lambda x: np.array([2 * x[0] - x[2] - 1, x[1] - 3, 2 * x[2] - x[0] + x[3] + 1, x[3] + x[2] - 1]),
            [0.5] * 4, -4.681818181,
            [LinearConstraint([[1.0, 2.0, 1.0, 1.0], [3.0, 1.0, 2.0, -1.0], [0.0, 1.0, 4.0, 0.0]],
                              [-INF, -INF, 1.5], [5.0, 4.0, INF])],
            Bounds([0.0] * 4, [INF] * 4)),
]


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    rows = []
    for p in PROBLEMS:
        for method in ("slsqp", "cobyla", "trust_constr"):
            res = minimize(p["f"], p["x0"], jac=None if method == "cobyla" else p["grad"],
                           method=method.replace("_", "-"), bounds=p["bounds"], constraints=p["constraints"])
            njev = int(getattr(res, "njev", 0))
            nit = int(getattr(res, "nit", 0))
            assert abs(res.fun - p["f_star"]) <= 1e-4 * max(1.0, abs(p["f_star"])), (p["name"], method, res)
            rows.append([p["name"], len(p["x0"]), method, repr(float(p["f_star"])), repr(float(res.fun)),
                         int(res.nfev), njev, nit, int(res.status), ";".join(repr(float(v)) for v in res.x)])
    with open(OUT / "results.csv", "w", newline="") as out:
        w = csv.writer(out, lineterminator="\n")
        w.writerow(["problem", "n", "method", "f_star", "fun", "nfev", "njev", "nit", "status", "x"])
        w.writerows(rows)
    print(f"scipy {scipy.__version__}: {len(rows)} runs written to {OUT}")


if __name__ == "__main__":
    main()
