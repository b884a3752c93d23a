#!/usr/bin/env python3
"""Reference values of scipy.integrate's sampled-data rules (trapezoid, simpson,
cumulative_trapezoid, cumulative_simpson, romb) and of newton_cotes, for
tests/integrate/sample_test.cpp.

Writes tests/data/integrate/sample/: pool.npy, one 1-D float64 array that
holds every input and result, and two manifests that point into it (an array
is OFF,ROWS,COLS: ROWS x COLS values from offset OFF, a 2-D one in row-major
order; a 1-D one has COLS = 1):

rules.csv, one call a row:
    case, function, spacing, dx, axis, initial, y (3 columns), x (3), expected (3)
  function  trapezoid | simpson | cumulative_trapezoid | cumulative_simpson | romb
  spacing   x: the sample points x; dx: constant spacing dx (x is 0,0,0)
  axis      v: y is 1-D (the Vector overload); else SciPy's axis of the 2-D y
  initial   none, or the value passed as `initial`
  expected  SciPy's result (1 x 1 for a scalar)
newton_cotes.csv, one call a row:
    case, kind, n, equal, rn (3), an (3), B (3), cond (3)
  kind  int: newton_cotes(n); array: newton_cotes(rn, equal)
  an, B the weights and error coefficient; cond, for the moment-matrix path
  (not tabulated), the 2-norm condition number of SciPy's moment matrix,
  which bounds how far two correct implementations may differ (0,0,0
  elsewhere, as rn for kind int).
qmc_quad.csv, one call a row:
    case, engine, n_points, a (3), b (3), integral
  qmc_quad(f, a, b, n_estimates=1, n_points, qrng=ENGINE(2, scramble=False))
  with f(x) = exp(-|x|^2): unscrambled Sobol' and Halton points are the same
  in scilearn, so the integrals agree to rounding.

The samples are smooth functions plus noise from a fixed NumPy seed; the
non-uniform x have widths within a factor 3 of each other, so that every
weight of every rule stays O(width).

Run with the pinned peers: .venv/bin/python tests/reference/integrate_sample.py
"""

import pathlib
import warnings

import numpy as np
import scipy
from scipy import integrate, stats

from fixture_io import fresh_dir, write_manifest

OUT = pathlib.Path(__file__).resolve().parents[1] / "data" / "integrate" / "sample"

RNG = np.random.default_rng(20261207)


def samples(shape):
    """A smooth signal with noise: y = sin(3 t) + t^2 / 4 + noise along the last axis."""
    t = np.linspace(-1.0, 2.0, shape[-1])
    return np.sin(3 * t) + t * t / 4 + 0.3 * RNG.standard_normal(shape)


def points(n, decreasing=False, repeated=False):
    """n sorted sample points with widths in [0.5, 1.5) * 0.1."""
    widths = 0.1 * (0.5 + RNG.random(max(n - 1, 0)))
    if repeated and n > 3:
        widths[n // 2] = 0.0  # a repeated point: SciPy's guarded divisions
    x = np.concatenate([[-0.4], -0.4 + np.cumsum(widths)])[:n]
    return x[::-1].copy() if decreasing else x


POOL = []
STORED = {}  # id(array) -> (array, its cells): an input used by several calls is stored once


def put(array):
    """Appends array to the pool (once); returns its OFF, ROWS, COLS cells."""
    if array is None:
        return [0, 0, 0]
    if id(array) in STORED:
        return STORED[id(array)][1]
    a = np.asarray(array, dtype=np.float64)
    rows, cols = (a.shape[0], 1) if a.ndim == 1 else a.shape
    cells = [sum(p.size for p in POOL), rows, cols]
    POOL.append(a.reshape(-1))
    STORED[id(array)] = (array, cells)
    return cells


def call(function, y, spacing, dx, axis, initial, x):
    """SciPy's result for one manifest row."""
    f = getattr(integrate, function)
    kwargs = {}
    if axis != "v":
        kwargs["axis"] = int(axis)
    if initial != "none":
        kwargs["initial"] = float(initial)
    if function == "romb":
        return f(y, dx=dx, **kwargs)
    if spacing == "x":
        return f(y, x=x, **kwargs)
    return f(y, dx=dx, **kwargs)


def rule_cases():
    rows = []
    count = 0

    def add(function, y, spacing, dx=1.0, axis="v", initial="none", x=None):
        nonlocal count
        name = f"r{count:03d}"
        count += 1
        expected = np.atleast_1d(np.asarray(call(function, y, spacing, dx, axis, initial, x), dtype=np.float64))
        rows.append([name, function, spacing, repr(dx), axis, initial] + put(y) + put(x if spacing == "x" else None)
                    + put(expected))

    sizes = [1, 2, 3, 4, 5, 6, 7, 10, 11, 64, 65, 200, 201]
    for n in sizes:
        y = samples((n,))
        x = points(n)
        for function in ("trapezoid", "simpson", "cumulative_trapezoid", "cumulative_simpson"):
            add(function, y, "dx")
            add(function, y, "dx", dx=0.37)
            add(function, y, "x", x=x)
        # Decreasing x integrates backwards (cumulative_simpson takes it only below 3 samples).
        for function in ("trapezoid", "simpson", "cumulative_trapezoid"):
            add(function, y, "x", x=points(n, decreasing=True))
        if n < 3:
            add("cumulative_simpson", y, "x", x=points(n, decreasing=True))
        if n > 3:
            add("simpson", y, "x", x=points(n, repeated=True))
        add("cumulative_trapezoid", y, "dx", dx=0.5, initial="0.0")
        add("cumulative_trapezoid", y, "x", x=x, initial="0.0")
        for initial in ("0.0", "2.5", "-1.25"):
            add("cumulative_simpson", y, "dx", dx=0.5, initial=initial)
            add("cumulative_simpson", y, "x", x=x, initial=initial)
    # cumulative_simpson with a negative dx (SciPy checks only x's order).
    add("cumulative_simpson", samples((9,)), "dx", dx=-0.25)

    # Matrices along both axes (and SciPy's negative names of them), odd and even lengths.
    for shape in ((6, 9), (7, 4), (3, 2), (5, 1)):
        y = samples(shape)
        for axis in ("0", "1", "-1", "-2"):
            n = shape[int(axis) % 2]
            x = points(n)
            for function in ("trapezoid", "simpson", "cumulative_trapezoid", "cumulative_simpson"):
                add(function, y, "dx", dx=0.3, axis=axis)
                add(function, y, "x", x=x, axis=axis)
            add("cumulative_trapezoid", y, "x", x=x, axis=axis, initial="0.0")
            add("cumulative_simpson", y, "x", x=x, axis=axis, initial="1.5")
            add("cumulative_simpson", y, "dx", dx=0.3, axis=axis, initial="-0.5")

    # romb on 2^k + 1 samples.
    for n in (2, 3, 5, 9, 17, 33, 65, 129, 257):
        y = samples((n,))
        add("romb", y, "dx")
        add("romb", y, "dx", dx=0.125)
    for shape in ((9, 5), (4, 17)):
        y = samples(shape)
        for axis in ("0", "1", "-1", "-2"):
            if (shape[int(axis) % 2] - 1) & (shape[int(axis) % 2] - 2) == 0:
                add("romb", y, "dx", dx=0.2, axis=axis)
    write_manifest(OUT / "rules.csv", ["case", "function", "spacing", "dx", "axis", "initial", "y_off", "y_rows",
                                       "y_cols", "x_off", "x_rows", "x_cols", "e_off", "e_rows", "e_cols"], rows)
    return count


def newton_cotes_cases():
    rows = []
    count = 0

    def add(kind, n, equal, rn=None):
        nonlocal count
        name = f"nc{count:02d}"
        count += 1
        an, b = integrate.newton_cotes(n if kind == "int" else rn, equal)
        # The moment matrix SciPy inverts, where it does.
        positions = np.arange(n + 1) if kind == "int" or equal else np.asarray(rn, dtype=np.float64)
        cond = None
        if not ((kind == "int" or equal or np.all(np.diff(positions) == 1)) and n <= 14):
            t = 2 * positions / float(n) - 1
            cond = [np.linalg.cond(t ** np.arange(n + 1)[:, np.newaxis])]
        rows.append([name, kind, n, int(bool(equal))] + put(rn if kind == "array" else None) + put(an) + put([b])
                    + put(cond))

    for n in range(1, 23):
        add("int", n, 0)
    add("array", 4, 1, rn=np.array([0.0, 3.0, 1.0, 7.0, 2.0]))  # equal: the positions are ignored
    add("array", 3, 0, rn=np.array([0.0, 1.0, 2.0, 3.0]))  # unit steps: equal spacing detected
    add("array", 3, 0, rn=np.array([0.0, 1.5, 2.0, 3.0]))
    add("array", 4, 0, rn=np.array([0.0, 0.3, 1.1, 2.5, 4.0]))
    add("array", 6, 0, rn=np.array([0.0, 0.5, 1.7, 3.0, 3.9, 5.2, 6.0]))
    add("array", 1, 0, rn=np.array([0.0, 1.0]))
    add("array", 16, 1, rn=np.arange(17.0))
    write_manifest(OUT / "newton_cotes.csv", ["case", "kind", "n", "equal", "rn_off", "rn_rows", "rn_cols", "an_off",
                                              "an_rows", "an_cols", "b_off", "b_rows", "b_cols", "cond_off",
                                              "cond_rows", "cond_cols"], rows)
    return count


def qmc_quad_cases():
    """qmc_quad with n_estimates=1 on unscrambled Sobol' / Halton points (equal
    to scilearn's), f(x) = exp(-|x|^2). (SciPy's log=True fails with one
    estimate: log(n_estimates - 1).)"""
    rows = []
    count = 0
    for engine in ("sobol", "halton"):
        for a, b in (([-1.0, 0.5], [2.0, 1.5]), ([2.0, 0.5], [-1.0, 1.5]), ([0.0, -3.0], [0.25, 1.0])):
            qrng = (stats.qmc.Sobol if engine == "sobol" else stats.qmc.Halton)(2, scramble=False)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", RuntimeWarning)  # the standard error of one estimate: NaN
                r = integrate.qmc_quad(lambda x: np.exp(-np.sum(x**2, axis=0)), a, b, n_estimates=1, n_points=256,
                                       qrng=qrng)
            rows.append([f"q{count}", engine, 256] + put(np.array(a)) + put(np.array(b)) + [repr(float(r.integral))])
            count += 1
    write_manifest(OUT / "qmc_quad.csv", ["case", "engine", "n_points", "a_off", "a_rows", "a_cols", "b_off",
                                          "b_rows", "b_cols", "integral"], rows)
    return count


def main():
    assert scipy.__version__ == "1.17.1", scipy.__version__
    fresh_dir(OUT)
    rules = rule_cases()
    nc = newton_cotes_cases()
    qmc = qmc_quad_cases()
    np.save(OUT / "pool.npy", np.concatenate(POOL))
    print(f"wrote {rules} rule cases, {nc} newton_cotes cases and {qmc} qmc_quad cases to {OUT}")


if __name__ == "__main__":
    main()
