#!/usr/bin/env python3
"""Reference runs of scipy.optimize's scalar root finders and scalar
minimizers for tests/optimize/root_scalar_test.cpp and
tests/optimize/minimize_scalar_test.cpp.

Writes tests/data/optimize/scalar/, three numeric CSV files with a header
(the C++ side reads them with scilearn::io::load_csv):

roots.csv, one solver run a row:
    case, func, p1, p2, a, b, x0, method, maxiter, root, iterations,
    function_calls, converged, warned, calls_k2
  func     the test function (1-15: Alefeld, Potra & Shi 1995, "APS"; 16: x - p1),
           p1, p2 its parameters (see FUNCTIONS below, and the same table in
           the C++ test)
  method   0 bisect, 1 brentq, 2 brenth, 3 ridder, 4 toms748 (bracket [a, b]);
           5 newton (fprime), 6 secant (x1 chosen by SciPy), 7 halley
           (fprime, fprime2), 8 root_scalar's newton without fprime
           (finite-difference derivative), all from x0
  maxiter  -1: SciPy's default
  iterations -1 where an end point is the root (SciPy leaves its count unset)
  warned   1 if SciPy emitted a RuntimeWarning (newton with disp=False)
  calls_k2 toms748 rows: function_calls of SciPy's toms748 with k=2 (the
           variant Boost implements); -1 elsewhere
minimize.csv, one minimize_scalar run a row:
    case, func, method, nbracket, b1, b2, b3, lower, upper, tol, maxiter,
    x, fun, nit, nfev, success
  method 0 brent, 1 golden, 2 bounded; nbracket 0, 2 or 3 bracket points
  (b1..b3); lower / upper the bounds of bounded; tol / maxiter -1: default
  (nit = nfev = -1: SciPy raised RuntimeError, the bracket search's
  iteration limit)
bracket.csv, one scipy.optimize.bracket call a row:
    case, func, xa0, xb0, xa, xb, xc, fa, fb, fc, funcalls, valid
  valid 1: a bracket; 0: BracketError (the points of its data); -1:
  RuntimeError at the iteration limit (no points)

The test functions are written with math (libm, as the C++ side's <cmath>)
and with the same operation order as the C++ copies, so both evaluate them to
the same doubles and the solvers' iterates can be compared one for one.

Run with the pinned peers: .venv/bin/python3 tests/reference/optimize_scalar.py
"""
import math
import pathlib
import warnings

import numpy as np
import scipy
import scipy.optimize as so

import fixture_io

OUT = pathlib.Path(__file__).resolve().parents[1] / "data" / "optimize" / "scalar"

MAX_EXPABLE = math.log(1.7976931348623157e308)


# libm's exp and pow with C's results where Python's math raises instead
# (overflow: +-inf; pow of a negative base to a non-integer: NaN). Arguments
# are made np.float64 so that a division by zero gives C's inf / NaN too.
def exp(v):
    try:
        return math.exp(v)
    except OverflowError:
        return math.inf


def pow(x, y):  # noqa: A001
    try:
        return math.pow(x, y)
    except OverflowError:
        odd = float(y).is_integer() and int(y) % 2 == 1
        return -math.inf if (x < 0 and odd) else math.inf
    except ValueError:
        return math.nan


def aps02_sum(x, power):
    x = np.float64(x)
    s = 0.0
    for i in range(1, 21):
        d = x - i * i
        dp = 1.0
        for _ in range(power):
            dp = dp * d
        s = s + (2 * i - 5) * (2 * i - 5) / dp
    return s


# (f, f', f'') of each test function, parameters p1, p2.
def f(func, x, n, a):
    x = np.float64(x)
    if func == 1:
        return math.sin(x) - x / 2
    if func == 2:
        return -2 * aps02_sum(x, 3)
    if func == 3:
        return n * x * exp(a * x)  # APS 3: a x exp(b x) with (a, b) = (p1, p2)
    if func == 4:
        return pow(x, n) - a
    if func == 5:
        return math.sin(x) - 1.0 / 2
    if func == 6:
        return 2 * x * exp(-n) - 2 * exp(-n * x) + 1
    if func == 7:
        t = 1 - n * x
        return (1 + (1 - n) * (1 - n)) * x - t * t
    if func == 8:
        return x * x - pow(1 - x, n)
    if func == 9:
        return (1 + pow(1 - n, 4)) * x - pow(1 - n * x, 4)
    if func == 10:
        return exp(-n * x) * (x - 1) + pow(x, n)
    if func == 11:
        return (n * x - 1) / ((n - 1) * x)
    if func == 12:
        return pow(x, 1.0 / n) - pow(n, 1.0 / n)
    if func == 13:
        if x == 0:
            return 0.0
        y = 1 / (x * x)
        if y > MAX_EXPABLE:
            return 0.0
        return x / exp(y)
    if func == 14:
        if x <= 0:
            return -n / 20.0
        return n / 20.0 * (x / 1.5 + math.sin(x) - 1)
    if func == 15:
        if x < 0:
            return -0.859
        if x > 2 * 1e-3 / (1 + n):
            return math.e - 1.859
        return exp((n + 1) * x / 2 * 1000) - 1.859
    if func == 16:
        return x - n
    raise ValueError(func)


def fp(func, x, n, a):
    x = np.float64(x)
    if func == 1:
        return math.cos(x) - 1.0 / 2
    if func == 2:
        return 6 * aps02_sum(x, 4)
    if func == 3:
        return n * (a * x + 1) * exp(a * x)
    if func == 4:
        return n * pow(x, n - 1)
    if func == 5:
        return math.cos(x)
    if func == 6:
        return 2 * exp(-n) + 2 * n * exp(-n * x)
    if func == 7:
        return (1 + (1 - n) * (1 - n)) + 2 * n * (1 - n * x)
    if func == 8:
        return 2 * x + n * pow(1 - x, n - 1)
    if func == 9:
        return (1 + pow(1 - n, 4)) + 4 * n * pow(1 - n * x, 3)
    if func == 10:
        return exp(-n * x) * (-n * (x - 1) + 1) + n * pow(x, n - 1)
    if func == 11:
        return 1 / (n - 1) / (x * x)
    if func == 12:
        return pow(x, (1.0 - n) / n) / n
    if func == 13:
        if x == 0:
            return 0.0
        y = 1 / (x * x)
        if y > MAX_EXPABLE:
            return 0.0
        return (1 + 2 / (x * x)) / exp(y)
    if func == 14:
        if x <= 0:
            return 0.0
        return n / 20.0 * (1.0 / 1.5 + math.cos(x))
    if func == 15:
        if x < 0 or x > 2 * 1e-3 / (1 + n):
            return 0.0
        return exp((n + 1) * x / 2 * 1000) * (n + 1) / 2 * 1000
    if func == 16:
        return 1.0
    raise ValueError(func)


def fpp(func, x, n, a):
    x = np.float64(x)
    if func in (1, 5):
        return -math.sin(x)
    if func == 2:
        return 24 * aps02_sum(x, 5)
    if func == 3:
        return n * (a * (a * x + 1) + a) * exp(a * x)
    if func == 4:
        return n * (n - 1) * pow(x, n - 2)
    if func == 6:
        return -2 * n * n * exp(-n * x)
    if func == 7:
        return -2 * n * n
    if func == 8:
        return 2 - n * (n - 1) * pow(1 - x, n - 2)
    if func == 9:
        return -12 * n * n * pow(1 - n * x, 2)
    if func == 10:
        return exp(-n * x) * (n * n * (x - 1) - 2 * n) + n * (n - 1) * pow(x, n - 2)
    if func == 11:
        return -2 / (n - 1) / (x * x * x)
    if func == 12:
        return pow(x, (1.0 - 2 * n) / n) * (1.0 / n) * (1.0 - n) / n
    if func == 13:
        if x == 0:
            return 0.0
        y = 1 / (x * x)
        if y > MAX_EXPABLE:
            return 0.0
        return 2 * (2 - x * x) / (x * x * x * x * x) / exp(y)
    if func == 14:
        if x <= 0:
            return 0.0
        return -n / 20.0 * math.sin(x)
    if func == 15:
        if x < 0 or x > 2 * 1e-3 / (1 + n):
            return 0.0
        return exp((n + 1) * x / 2 * 1000) * (n + 1) / 2 * 1000 * (n + 1) / 2 * 1000
    if func == 16:
        return 0.0
    raise ValueError(func)


# (func, p1, p2, a, b, x0): the APS problems' brackets and start points, as in
# SciPy's own test-suite (scipy/optimize/_tstutils.py), a subset of the
# parameter values.
APS = [
    (1, 0, 0, math.pi / 2, math.pi, 3),
    (2, 0, 0, 1 + 1e-9, 4 - 1e-9, 2),
    (2, 0, 0, 4 + 1e-9, 9 - 1e-9, 5),
    (2, 0, 0, 9 + 1e-9, 16 - 1e-9, 10),
    (2, 0, 0, 49 + 1e-9, 64 - 1e-9, 50),
    (3, -40, -1, -9, 31, -2),
    (3, -100, -2, -9, 31, -2),
    (3, -200, -3, -9, 31, -2),
    (4, 4, 0.2, 0, 5, 2.5),
    (4, 8, 0.2, 0, 5, 2.5),
    (4, 12, 0.2, 0, 5, 2.5),
    (4, 4, 1, 0, 5, 2.5),
    (4, 8, 1, 0, 5, 2.5),
    (4, 8, 1, -0.95, 4.05, 1.5),
    (4, 14, 1, -0.95, 4.05, 1.5),
    (5, 0, 0, 0, 1.5, 1.3),
    (6, 1, 0, 0, 1, 0.5),
    (6, 2, 0, 0, 1, 0.5),
    (6, 5, 0, 0, 1, 0.4),
    (6, 20, 0, 0, 1, 0.1),
    (6, 100, 0, 0, 1, 2e-2),
    (7, 5, 0, 0, 1, 0.4),
    (7, 10, 0, 0, 1, 0.4),
    (7, 20, 0, 0, 1, 0.4),
    (8, 2, 0, 0, 1, 0.9),
    (8, 5, 0, 0, 1, 0.9),
    (8, 10, 0, 0, 1, 0.9),
    (8, 20, 0, 0, 1, 0.9),
    (9, 1, 0, 0, 1, 0.5),
    (9, 4, 0, 0, 1, 0.5),
    (9, 8, 0, 0, 1, 0.5),
    (9, 20, 0, 0, 1, 0.5),
    (10, 1, 0, 0, 1, 0.9),
    (10, 5, 0, 0, 1, 0.9),
    (10, 15, 0, 0, 1, 0.9),
    (11, 2, 0, 0.01, 1, 1e-2),
    (11, 5, 0, 0.01, 1, 1e-2),
    (11, 20, 0, 0.01, 1, 1e-2),
    (12, 2, 0, 1, 100, 1.1),
    (12, 3, 0, 1, 100, 1.1),
    (12, 9, 0, 1, 100, 1.1),
    (12, 33, 0, 1, 100, 1.1),
    (13, 0, 0, -1, 4, 1.5),
    (14, 1, 0, -1000, math.pi / 2, 1),
    (14, 5, 0, -1000, math.pi / 2, 1),
    (14, 17, 0, -1000, math.pi / 2, 1),
    (15, 20, 0, -1000, 1e-4, -2),
    (15, 25, 0, -1000, 1e-4, -2),
    # A bracket whose lower end is the root (x - 0.25 on [0.25, 1]).
    (16, 0.25, 0, 0.25, 1, 0.5),
]

BRACKETING = {0: so.bisect, 1: so.brentq, 2: so.brenth, 3: so.ridder, 4: so.toms748}


def root_rows():
    rows = []

    def add(func, n, a_, lo, hi, x0, method, maxiter, r, warned, calls_k2=-1):
        iterations = r.iterations
        if method <= 3 and r.converged and r.function_calls == 2:
            # An end point is the root: SciPy's C solvers return before setting
            # their iteration count, which then holds whatever was in memory.
            iterations = -1
        rows.append([len(rows), func, n, a_, repr(lo), repr(hi), repr(x0), method, maxiter, repr(float(r.root)),
                     iterations, r.function_calls, int(r.converged), int(warned), calls_k2])

    for func, n, a_, lo, hi, x0 in APS:
        g = lambda x: f(func, x, n, a_)  # noqa: E731
        g1 = lambda x: fp(func, x, n, a_)  # noqa: E731
        g2 = lambda x: fpp(func, x, n, a_)  # noqa: E731
        for method, solver in BRACKETING.items():
            _, r = solver(g, lo, hi, full_output=True, disp=False)
            k2 = -1
            if method == 4:
                k2 = so.toms748(g, lo, hi, k=2, full_output=True, disp=False)[1].function_calls
            add(func, n, a_, lo, hi, x0, method, -1, r, False, k2)
        runs = {5: dict(fprime=g1), 6: dict(), 7: dict(fprime=g1, fprime2=g2)}
        for method, kwargs in runs.items():
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                _, r = so.newton(g, x0, full_output=True, disp=False, **kwargs)
            warned = any(issubclass(w.category, RuntimeWarning) for w in caught)
            add(func, n, a_, lo, hi, x0, method, -1, r, warned)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            r = so.root_scalar(g, x0=x0, method="newton")
        warned = any(issubclass(w.category, RuntimeWarning) for w in caught)
        add(func, n, a_, lo, hi, x0, 8, -1, r, warned)

    # Iteration limits: every solver stopped early on APS 1 and APS 4 (8, 1).
    for func, n, a_, lo, hi, x0 in (APS[0], APS[12]):
        g = lambda x: f(func, x, n, a_)  # noqa: E731
        g1 = lambda x: fp(func, x, n, a_)  # noqa: E731
        g2 = lambda x: fpp(func, x, n, a_)  # noqa: E731
        for maxiter in (0, 1, 3):
            for method, solver in BRACKETING.items():
                if method == 4:
                    continue  # Boost counts toms748's limit in steps, not iterations
                _, r = solver(g, lo, hi, maxiter=maxiter, full_output=True, disp=False)
                add(func, n, a_, lo, hi, x0, method, maxiter, r, False)
        for maxiter in (1, 2):
            for method, kwargs in {5: dict(fprime=g1), 6: dict(), 7: dict(fprime=g1, fprime2=g2)}.items():
                _, r = so.newton(g, x0, maxiter=maxiter, full_output=True, disp=False, **kwargs)
                add(func, n, a_, lo, hi, x0, method, maxiter, r, False)
    return rows


# Test functions of minimize_scalar (same order of operations as the C++ copies).
def m(func, x):
    x = np.float64(x)
    if func == 1:
        return (x - 1.5) * (x - 1.5) - 0.8
    if func == 2:
        return x * x * x * x - 3 * x * x + x
    if func == 3:
        return math.cos(x)
    if func == 4:
        return exp(x) - 2 * x
    if func == 5:
        return (x - 2) * x * (x + 2) * (x + 2)
    if func == 6:
        return x * math.log(x) if x > 0 else math.inf
    if func == 7:
        return abs(x - 0.3)
    if func == 8:
        return math.sin(x) + math.sin(10 * x / 3)
    if func == 9:
        return -x * exp(-x)
    if func == 10:
        return x  # no minimum: the bracket search fails
    raise ValueError(func)


# (func, method, bracket, bounds, tol, maxiter); method 0 brent, 1 golden, 2 bounded.
MINIMIZE = []
for method in (0, 1):
    for func, brackets in [
        (1, [(), (0, 1), (0, 1, 3)]),
        (2, [(), (0, 1), (-3, -1), (-2, -1, 0)]),
        (3, [(), (2, 3), (2, 3, 4)]),
        (4, [(), (-1, 0), (0, 0.5, 2)]),
        (5, [(), (-3, -2), (0, 1, 2)]),
        (6, [(0.2, 0.5), (0.1, 0.5, 1)]),
        (7, [(), (0, 1), (-1, 0.25, 1)]),
        (8, [(3, 4), (4, 5.5, 6.5)]),
        (9, [(), (0, 2), (0, 2, 5)]),
        (10, [()]),
    ]:
        for br in brackets:
            MINIMIZE.append((func, method, br, None, -1, -1))
    MINIMIZE += [(1, method, (), None, 1e-4, -1), (2, method, (), None, -1, 3), (9, method, (0, 2), None, 1e-12, -1)]
for func, bounds in [(1, (0, 3)), (1, (-5, 0)), (2, (-3, 3)), (2, (0, 2)), (3, (0, 6)), (4, (-1, 2)), (5, (-3, 3)),
                     (6, (0.1, 3)), (7, (-1, 1)), (8, (2.7, 7.5)), (9, (0, 10)), (10, (-1, 1))]:
    MINIMIZE.append((func, 2, (), bounds, -1, -1))
MINIMIZE += [(8, 2, (), (2.7, 7.5), 1e-9, -1), (8, 2, (), (2.7, 7.5), -1, 5), (2, 2, (), (-3, 3), 1e-3, -1)]


def minimize_rows():
    rows = []
    for func, method, br, bounds, tol, maxiter in MINIMIZE:
        g = lambda x: m(func, x)  # noqa: E731
        options = {} if maxiter < 0 else {"maxiter": maxiter}
        try:
            if method == 2:
                if tol > 0:
                    options["xatol"] = tol
                r = so.minimize_scalar(g, bounds=bounds, method="bounded", options=options)
            else:
                r = so.minimize_scalar(g, bracket=br if br else None, method=("brent", "golden")[method],
                                       tol=None if tol < 0 else tol, options=options)
        except RuntimeError:
            # The bracket search hit its iteration limit, which SciPy raises
            # (not a BracketError): recorded as nit = nfev = -1, success 0.
            r = so.OptimizeResult(x=math.nan, fun=math.nan, nit=-1, nfev=-1, success=False)
        b = list(br) + [0] * (3 - len(br))
        lower, upper = bounds if bounds else (0, 0)
        rows.append([len(rows), func, method, len(br), *map(repr, map(float, b)), repr(float(lower)),
                     repr(float(upper)), tol, maxiter, repr(float(r.x)), repr(float(r.fun)), r.nit, r.nfev,
                     int(r.success)])
    return rows


BRACKET = [(1, 0, 1), (1, 5, 4), (2, 0, 1), (2, 0.5, 0.6), (3, 0, 1), (3, 3, 3.5), (4, -5, -4), (5, 0, 1),
           (5, -10, -9), (6, 0.5, 0.6), (7, 0, 1), (8, 3, 3.1), (9, 0, 0.1), (9, 5, 6), (10, 0, 1)]


def bracket_rows():
    rows = []
    for func, xa0, xb0 in BRACKET:
        g = lambda x: m(func, x)  # noqa: E731
        try:
            out = so.bracket(g, xa0, xb0)
            valid = 1
        except so._optimize.BracketError as e:
            out = e.data
            valid = 0
        except RuntimeError:  # the iteration limit: SciPy keeps no points
            out = [math.nan] * 6 + [-1]
            valid = -1
        xa, xb, xc, fa, fb, fc, funcalls = out
        rows.append([len(rows), func, repr(float(xa0)), repr(float(xb0)),
                     *[repr(float(v)) for v in (xa, xb, xc, fa, fb, fc)], funcalls, valid])
    return rows


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    fixture_io.write_manifest(OUT / "roots.csv",
                              ["case", "func", "p1", "p2", "a", "b", "x0", "method", "maxiter", "root", "iterations",
                               "function_calls", "converged", "warned", "calls_k2"], root_rows())
    fixture_io.write_manifest(OUT / "minimize.csv",
                              ["case", "func", "method", "nbracket", "b1", "b2", "b3", "lower", "upper", "tol",
                               "maxiter", "x", "fun", "nit", "nfev", "success"], minimize_rows())
    fixture_io.write_manifest(OUT / "bracket.csv",
                              ["case", "func", "xa0", "xb0", "xa", "xb", "xc", "fa", "fb", "fc", "funcalls", "valid"],
                              bracket_rows())
    print(f"scipy {scipy.__version__}: wrote {OUT}")


if __name__ == "__main__":
    main()
