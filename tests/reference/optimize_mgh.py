"""SciPy's minimize on Moré, Garbow and Hillstrom's unconstrained test problems
("Testing unconstrained optimization software", ACM TOMS 7(1), 1981), written
from the paper's definitions: f(x) = sum r_i(x)^2 from their standard starting
points. Writes tests/data/optimize/mgh/results.csv: per problem and method
(bfgs, cg, lbfgsb, newton_cg with the gradient; nelder_mead, powell) SciPy's answer and counts,
and bounded.csv: L-BFGS-B on Hock and Schittkowski's bound-constrained
problems ("Test examples for nonlinear programming codes", 1981), which
tests/optimize/minimize_mgh_test.cpp compares with ours; and trust.csv: the
trust-region methods (trust-ncg with hess and with hessp, trust-exact) on the
MGH problems, with the Hessian by central differences of that gradient
(step 1e-5 max(1, |x_j|), symmetrized), computed the same way in C++.

The gradient is the complex-step derivative Im f(x + i h e_j) / h with
h = 1e-20 (Squire and Trapp 1998): exact to rounding for these analytic
residuals, and computed the same way on the C++ side.

Run: .venv/bin/python tests/reference/optimize_mgh.py
"""

import csv
from pathlib import Path

import numpy as np
import scipy
from scipy.optimize import minimize

OUT = Path(__file__).resolve().parents[1] / "data" / "optimize" / "mgh"


def rosenbrock(x):
    return np.array([10 * (x[1] - x[0] ** 2), 1 - x[0]])


def freudenstein_roth(x):
    return np.array([-13 + x[0] + ((5 - x[1]) * x[1] - 2) * x[1],
                     -29 + x[0] + ((x[1] + 1) * x[1] - 14) * x[1]])


def powell_badly_scaled(x):
    return np.array([1e4 * x[0] * x[1] - 1, np.exp(-x[0]) + np.exp(-x[1]) - 1.0001])


def brown_badly_scaled(x):
    return np.array([x[0] - 1e6, x[1] - 2e-6, x[0] * x[1] - 2])


def beale(x):
    y = [1.5, 2.25, 2.625]
    return np.array([y[i] - x[0] * (1 - x[1] ** (i + 1)) for i in range(3)])


def jennrich_sampson(x):
    i = np.arange(1, 11)
    return 2 + 2 * i - (np.exp(i * x[0]) + np.exp(i * x[1]))


def helical_valley(x):
    theta = np.arctan(x[1] / x[0]) / (2 * np.pi) + (0.5 if np.real(x[0]) < 0 else 0.0)
    return np.array([10 * (x[2] - 10 * theta), 10 * (np.sqrt(x[0] ** 2 + x[1] ** 2) - 1), x[2]])


BARD_Y = [0.14, 0.18, 0.22, 0.25, 0.29, 0.32, 0.35, 0.39, 0.37, 0.58, 0.73, 0.96, 1.34, 2.10, 4.39]


def bard(x):
    r = []
    for i in range(1, 16):
        u, v = i, 16 - i
        w = min(u, v)
        r.append(BARD_Y[i - 1] - (x[0] + u / (v * x[1] + w * x[2])))
    return np.array(r)


GAUSSIAN_Y = [0.0009, 0.0044, 0.0175, 0.0540, 0.1295, 0.2420, 0.3521, 0.3989, 0.3521, 0.2420, 0.1295, 0.0540,
              0.0175, 0.0044, 0.0009]


def gaussian(x):
    return np.array([x[0] * np.exp(-x[1] * ((8 - i) / 2 - x[2]) ** 2 / 2) - GAUSSIAN_Y[i - 1] for i in range(1, 16)])


def box_3d(x):
    t = 0.1 * np.arange(1, 11)
    return np.exp(-t * x[0]) - np.exp(-t * x[1]) - x[2] * (np.exp(-t) - np.exp(-10 * t))


def powell_singular(x):
    return np.array([x[0] + 10 * x[1], np.sqrt(5) * (x[2] - x[3]), (x[1] - 2 * x[2]) ** 2,
                     np.sqrt(10) * (x[0] - x[3]) ** 2])


def wood(x):
    return np.array([10 * (x[1] - x[0] ** 2), 1 - x[0], np.sqrt(90) * (x[3] - x[2] ** 2), 1 - x[2],
                     np.sqrt(10) * (x[1] + x[3] - 2), (x[1] - x[3]) / np.sqrt(10)])


KO_Y = [0.1957, 0.1947, 0.1735, 0.1600, 0.0844, 0.0627, 0.0456, 0.0342, 0.0323, 0.0235, 0.0246]
KO_U = [4, 2, 1, 0.5, 0.25, 0.167, 0.125, 0.1, 0.0833, 0.0714, 0.0625]


def kowalik_osborne(x):
    return np.array([y - x[0] * (u * u + u * x[1]) / (u * u + u * x[2] + x[3]) for y, u in zip(KO_Y, KO_U)])


def brown_dennis(x):
    t = np.arange(1, 21) / 5
    return (x[0] + t * x[1] - np.exp(t)) ** 2 + (x[2] + x[3] * np.sin(t) - np.cos(t)) ** 2


OSBORNE1_Y = [0.844, 0.908, 0.932, 0.936, 0.925, 0.908, 0.881, 0.850, 0.818, 0.784, 0.751, 0.718, 0.685, 0.658,
              0.628, 0.603, 0.580, 0.558, 0.538, 0.522, 0.506, 0.490, 0.478, 0.467, 0.457, 0.448, 0.438, 0.431,
              0.424, 0.420, 0.414, 0.411, 0.406]


def osborne1(x):
    t = 10.0 * np.arange(33)
    return np.array(OSBORNE1_Y) - (x[0] + x[1] * np.exp(-t * x[3]) + x[2] * np.exp(-t * x[4]))


def biggs_exp6(x):
    t = 0.1 * np.arange(1, 14)
    y = np.exp(-t) - 5 * np.exp(-10 * t) + 3 * np.exp(-4 * t)
    return x[2] * np.exp(-t * x[0]) - x[3] * np.exp(-t * x[1]) + x[5] * np.exp(-t * x[4]) - y


def watson(x):
    n = len(x)
    r = []
    for i in range(1, 30):
        t = i / 29
        s1 = sum((j - 1) * x[j - 1] * t ** (j - 2) for j in range(2, n + 1))
        s2 = sum(x[j - 1] * t ** (j - 1) for j in range(1, n + 1))
        r.append(s1 - s2 ** 2 - 1)
    r.append(x[0])
    r.append(x[1] - x[0] ** 2 - 1)
    return np.array(r)


def extended_rosenbrock(x):
    r = []
    for i in range(0, len(x), 2):
        r += [10 * (x[i + 1] - x[i] ** 2), 1 - x[i]]
    return np.array(r)


def extended_powell_singular(x):
    r = []
    for i in range(0, len(x), 4):
        r += list(powell_singular(x[i:i + 4]))
    return np.array(r)


def penalty1(x):
    return np.concatenate([np.sqrt(1e-5) * (x - 1), [np.sum(x * x) - 0.25]])


def variably_dimensioned(x):
    j = np.arange(1, len(x) + 1)
    s = np.sum(j * (x - 1))
    return np.concatenate([x - 1, [s, s * s]])


def trigonometric(x):
    n = len(x)
    i = np.arange(1, n + 1)
    return n - np.sum(np.cos(x)) + i * (1 - np.cos(x)) - np.sin(x)


def broyden_tridiagonal(x):
    xp = np.concatenate([[0], x, [0]])
    return np.array([(3 - 2 * xp[i]) * xp[i] - xp[i - 1] - 2 * xp[i + 1] + 1 for i in range(1, len(x) + 1)])


def broyden_banded(x):
    n = len(x)
    r = []
    for i in range(n):
        s = sum(x[j] * (1 + x[j]) for j in range(max(0, i - 5), min(n, i + 2)) if j != i)
        r.append(x[i] * (2 + 5 * x[i] ** 2) + 1 - s)
    return np.array(r)


# name, residuals, x0, f* from the paper (the global minimum where it lists several)
PROBLEMS = [
    ("rosenbrock", rosenbrock, [-1.2, 1.0], 0.0),
    ("freudenstein_roth", freudenstein_roth, [0.5, -2.0], 0.0),
    ("powell_badly_scaled", powell_badly_scaled, [0.0, 1.0], 0.0),
    ("brown_badly_scaled", brown_badly_scaled, [1.0, 1.0], 0.0),
    ("beale", beale, [1.0, 1.0], 0.0),
    ("jennrich_sampson", jennrich_sampson, [0.3, 0.4], 124.362),
    ("helical_valley", helical_valley, [-1.0, 0.0, 0.0], 0.0),
    ("bard", bard, [1.0, 1.0, 1.0], 8.21487e-3),
    ("gaussian", gaussian, [0.4, 1.0, 0.0], 1.12793e-8),
    ("box_3d", box_3d, [0.0, 10.0, 20.0], 0.0),
    ("powell_singular", powell_singular, [3.0, -1.0, 0.0, 1.0], 0.0),
    ("wood", wood, [-3.0, -1.0, -3.0, -1.0], 0.0),
    ("kowalik_osborne", kowalik_osborne, [0.25, 0.39, 0.415, 0.39], 3.07505e-4),
    ("brown_dennis", brown_dennis, [25.0, 5.0, -5.0, -1.0], 85822.2),
    ("osborne1", osborne1, [0.5, 1.5, -1.0, 0.01, 0.02], 5.46489e-5),
    ("biggs_exp6", biggs_exp6, [1.0, 2.0, 1.0, 1.0, 1.0, 1.0], 0.0),
    ("watson", watson, [0.0] * 6, 2.28767e-3),
    ("extended_rosenbrock", extended_rosenbrock, [-1.2, 1.0] * 5, 0.0),
    ("extended_powell_singular", extended_powell_singular, [3.0, -1.0, 0.0, 1.0] * 2, 0.0),
    ("penalty1", penalty1, [1.0, 2.0, 3.0, 4.0], 2.24997e-5),
    ("variably_dimensioned", variably_dimensioned, list(1 - np.arange(1, 11) / 10), 0.0),
    ("trigonometric", trigonometric, [0.1] * 10, 0.0),
    ("broyden_tridiagonal", broyden_tridiagonal, [-1.0] * 10, 0.0),
    ("broyden_banded", broyden_banded, [-1.0] * 10, 0.0),
]

# Hock and Schittkowski's problems with bounds only: name, f, x0, lb, ub, f*.
def hs1(x):
    return 100 * (x[1] - x[0] ** 2) ** 2 + (1 - x[0]) ** 2


def hs3(x):
    return x[1] + 1e-5 * (x[1] - x[0]) ** 2


def hs4(x):
    return (x[0] + 1) ** 3 / 3 + x[1]


def hs5(x):
    return np.sin(x[0] + x[1]) + (x[0] - x[1]) ** 2 - 1.5 * x[0] + 2.5 * x[1] + 1


def hs38(x):
    return (100 * (x[1] - x[0] ** 2) ** 2 + (1 - x[0]) ** 2 + 90 * (x[3] - x[2] ** 2) ** 2 + (1 - x[2]) ** 2
            + 10.1 * ((x[1] - 1) ** 2 + (x[3] - 1) ** 2) + 19.8 * (x[1] - 1) * (x[3] - 1))


def hs45(x):
    return 2 - x[0] * x[1] * x[2] * x[3] * x[4] / 120


def hs110(x):
    return np.sum(np.log(x - 2) ** 2 + np.log(10 - x) ** 2) - np.prod(x) ** 0.2


INF = np.inf
BOUNDED = [
    ("hs1", hs1, [-2.0, 1.0], [-INF, -1.5], [INF, INF], 0.0),
    ("hs2", hs1, [-2.0, 1.0], [-INF, 1.5], [INF, INF], 0.0504261879),
    ("hs3", hs3, [10.0, 1.0], [-INF, 0.0], [INF, INF], 0.0),
    ("hs4", hs4, [1.125, 0.125], [1.0, 0.0], [INF, INF], 8 / 3),
    ("hs5", hs5, [0.0, 0.0], [-1.5, -3.0], [4.0, 3.0], -np.sqrt(3) / 2 - np.pi / 3),
    ("hs38", hs38, [-3.0, -1.0, -3.0, -1.0], [-10.0] * 4, [10.0] * 4, 0.0),
    ("hs45", hs45, [2.0] * 5, [0.0] * 5, [1.0, 2.0, 3.0, 4.0, 5.0], 1.0),
    ("hs110", hs110, [9.0] * 10, [2.001] * 10, [9.999] * 10, -45.77846971),
]

H = 1e-20


def objective(residuals):
    def f(x):
        r = residuals(x)
        return r @ r
    return f


def complex_step_gradient(f):
    def g(x):
        out = np.empty(len(x))
        for j in range(len(x)):
            z = np.array(x, dtype=complex)
            z[j] += 1j * H
            out[j] = np.imag(f(z)) / H
        return out
    return g


def difference_hessian(g):
    def hess(x):
        x = np.asarray(x, dtype=float)
        n = len(x)
        h = np.empty((n, n))
        for j in range(n):
            step = 1e-5 * max(1.0, abs(x[j]))
            up, down = x.copy(), x.copy()
            up[j] += step
            down[j] -= step
            h[:, j] = (g(up) - g(down)) / (2 * step)
        return (h + h.T) / 2
    return hess


def trust_runs():
    rows = []
    for name, residuals, x0, f_star in PROBLEMS:
        f = objective(residuals)
        g = complex_step_gradient(f)
        hess = difference_hessian(g)
        for method, scipy_method, kwargs in (("trust_ncg", "trust-ncg", {"hess": hess}),
                                             ("trust_ncg_hessp", "trust-ncg", {"hessp": lambda x, p: hess(x) @ p}),
                                             ("trust_exact", "trust-exact", {"hess": hess})):
            runs = [minimize(f, np.array(x0) + k * 2.0 ** -52 * np.maximum(1, np.abs(x0)), method=scipy_method,
                             jac=g, **kwargs) for k in (0, 1, 2, 3, 4)]
            res = runs[0]
            rows.append([name, len(x0), method, repr(f_star), repr(float(res.fun)), res.nfev, res.njev, res.nit,
                         res.status, repr(max(float(r.fun) for r in runs)), max(r.nfev for r in runs), res.nhev])
    with open(OUT / "trust.csv", "w", newline="") as out:
        w = csv.writer(out, lineterminator="\n")
        w.writerow(["problem", "n", "method", "f_star", "fun", "nfev", "njev", "nit", "status", "worst_fun",
                    "most_nfev", "nhev"])
        w.writerows(rows)
    print(f"{len(rows)} trust-region runs written to {OUT / 'trust.csv'}")


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    rows = []
    for name, residuals, x0, f_star in PROBLEMS:
        f = objective(residuals)
        g = complex_step_gradient(f)
        for method, scipy_method, jac in (("bfgs", "BFGS", g), ("cg", "CG", g), ("lbfgsb", "L-BFGS-B", g),
                                          ("nelder_mead", "Nelder-Mead", None), ("powell", "Powell", None),
                                          ("newton_cg", "Newton-CG", g)):
            res = minimize(f, np.array(x0), method=scipy_method, jac=jac)
            # SciPy's own sensitivity to rounding: the same run from x0 moved
            # by a few ulps (of max(1, |x0|)). Long runs on ill-conditioned problems (CG on
            # Osborne 1) end far apart; the test allows ours that spread.
            spread = [minimize(f, np.array(x0) + k * 2.0 ** -52 * np.maximum(1, np.abs(x0)), method=scipy_method, jac=jac)
                      for k in (1, 2, 3, 4)]
            worst_fun = max(float(r.fun) for r in spread + [res])
            most_nfev = max(r.nfev for r in spread + [res])
            rows.append([name, len(x0), method, repr(f_star), repr(float(res.fun)), res.nfev,
                         getattr(res, "njev", 0), res.nit, res.status, repr(worst_fun), most_nfev,
                         ";".join(repr(float(v)) for v in res.x)])
    with open(OUT / "results.csv", "w", newline="") as out:
        w = csv.writer(out, lineterminator="\n")
        w.writerow(["problem", "n", "method", "f_star", "fun", "nfev", "njev", "nit", "status", "worst_fun", "most_nfev",
                    "x"])
        w.writerows(rows)
    print(f"scipy {scipy.__version__}: {len(rows)} runs written to {OUT / 'results.csv'}")
    rows = []
    for name, f, x0, lb, ub, f_star in BOUNDED:
        g = complex_step_gradient(f)
        bounds = list(zip(lb, ub))
        res = minimize(f, np.array(x0), method="L-BFGS-B", jac=g, bounds=bounds)
        spread = [minimize(f, np.clip(np.array(x0) + k * 2.0 ** -52 * np.maximum(1, np.abs(x0)), lb, ub),
                           method="L-BFGS-B", jac=g, bounds=bounds) for k in (1, 2, 3, 4)]
        rows.append([name, len(x0), "lbfgsb", repr(float(f_star)), repr(float(res.fun)), res.nfev, res.njev, res.nit,
                     res.status, repr(max(float(r.fun) for r in spread + [res])),
                     max(r.nfev for r in spread + [res]), ";".join(repr(float(v)) for v in res.x)])
    with open(OUT / "bounded.csv", "w", newline="") as out:
        w = csv.writer(out, lineterminator="\n")
        w.writerow(["problem", "n", "method", "f_star", "fun", "nfev", "njev", "nit", "status", "worst_fun",
                    "most_nfev", "x"])
        w.writerows(rows)
    print(f"{len(rows)} bounded runs written to {OUT / 'bounded.csv'}")
    trust_runs()


if __name__ == "__main__":
    main()
