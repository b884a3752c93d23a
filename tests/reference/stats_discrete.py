#!/usr/bin/env python3
"""Reference values of scipy.stats' discrete distributions for
tests/stats/discrete_distributions_test.cpp.

Writes tests/data/stats/discrete/:

cases.csv, one frozen distribution a row:
    case, name, p1, p2, p3, loc, mean, var, std, median, entropy,
    interval_low, interval_high, support_low, support_high
  name      SciPy's name; p1, p2, p3 its shape parameters (NaN where unused)
  interval  interval(0.95)
  Numbers are Python's repr (round-trip exact; 'inf', 'nan').
CASE_points.npy, one row a point: x, pmf, logpmf, cdf, logcdf, sf, logsf
CASE_probs.npy,  one row a probability: q, ppf, isf, ppf_ok, isf_ok
  ppf_ok    1 where SciPy's ppf(q) is the smallest k with cdf(k) >= q by
            SciPy's own cdf (isf_ok: the smallest k with sf(k) <= q), else 0:
            there SciPy's quantile is wrong (NaN for poisson's isf at tiny q,
            off by one where a rounded 1 - q decides) and the test checks that
            ours satisfies the definition instead.

Points are integers and non-integers around the support's ends, the mean
+- 1, 3, 10, 30 and 100 standard deviations (far tails: logpmf and logsf
where pmf and sf underflow) and beyond the support; probabilities include 0,
1e-300, 1 - 1e-16, 1, values outside [0, 1], and cdf / sf at the median
exactly (the boundary of a step). Each distribution also has cases with
invalid parameters, where SciPy returns NaN.

Run with the pinned peers: .venv/bin/python3 tests/reference/stats_discrete.py
"""
import pathlib
import warnings

import numpy as np
import scipy
import scipy.stats as st

import fixture_io

OUT = pathlib.Path(__file__).resolve().parents[1] / "data" / "stats" / "discrete"

PROBS = [-0.1, 0.0, 1e-300, 1e-100, 1e-20, 1e-10, 1e-3, 0.05, 0.25, 0.5, 0.6, 0.9, 0.999, 1 - 1e-10, 1 - 1e-16, 1.0,
         1.1]

# name -> list of (shape parameters, loc); the entries marked bad have
# parameters outside the domain.
CASES = {
    "bernoulli": [((0.3,), 0.0), ((0.0,), 0.0), ((1.0,), 0.0), ((0.75,), 2.0), ((1.5,), 0.0)],
    "binom": [((10, 0.3), 0.0), ((1, 0.5), 0.0), ((50, 0.02), -3.0), ((1000, 0.5), 0.0), ((200, 0.999), 0.0),
              ((0, 0.4), 0.0), ((30, 1e-6), 0.0), ((10, 1.0), 0.0), ((10.5, 0.3), 0.0), ((10, -0.1), 0.0)],
    "poisson": [((0.5,), 0.0), ((3.0,), 0.0), ((40.0,), 2.0), ((1000.0,), 0.0), ((1e-8,), 0.0), ((-1.0,), 0.0)],
    "geom": [((0.3,), 0.0), ((0.9,), 0.0), ((1e-3,), -1.0), ((1.0,), 0.0), ((0.0,), 0.0)],
    "nbinom": [((5, 0.5), 0.0), ((0.7, 0.2), 0.0), ((2.5, 0.9), 1.0), ((40, 0.05), 0.0), ((0.0, 0.5), 0.0),
               ((3, 1.2), 0.0)],
    "hypergeom": [((20, 7, 12), 0.0), ((500, 50, 100), 0.0), ((10, 10, 4), 0.0), ((1000, 1, 999), 3.0),
                  ((60, 30, 30), -2.0), ((20, 7, 25), 0.0), ((20.5, 7, 12), 0.0)],
    "randint": [((0, 10), 0.0), ((-3, 4), 1.0), ((5, 6), 0.0), ((4, 4), 0.0), ((0.5, 3), 0.0)],
}

HEADER = ["case", "name", "p1", "p2", "p3", "loc", "mean", "var", "std", "median", "entropy", "interval_low",
          "interval_high", "support_low", "support_high"]


def points_for(frozen, loc):
    """Integers and non-integers over the support and its tails, plus loc."""
    a, b = frozen.support()
    if not np.isfinite(a):  # invalid parameters: any grid
        return np.array([-1.0, 0.0, 0.5, 1.0, 2.0, 3.0, 7.0])
    a, b = a - loc, b - loc
    m, s = frozen.mean() - loc, max(frozen.std(), 1.0)
    ks = {a - 2, a - 1, a, a + 1, a + 2, a + 0.3, a - 0.5, b, b - 1, b + 1, b + 0.5, b - 0.5}
    for c in (-30, -10, -3, -1, 0, 1, 3, 10, 30, 100):
        k = np.floor(m + c * s)
        ks |= {k, k + 0.5}
    ks = np.array(sorted(v for v in ks if np.isfinite(v) and v >= a - 2 and v <= b + 1))
    return ks + loc


def main():
    fixture_io.fresh_dir(OUT)
    rows = []
    case = 0
    for name, params in CASES.items():
        dist = getattr(st, name)
        for shapes, loc in params:
            frozen = dist(*shapes, loc=loc)
            with warnings.catch_warnings(), np.errstate(all="ignore"):
                warnings.simplefilter("ignore")
                x = points_for(frozen, loc)
                points = np.column_stack([x, frozen.pmf(x), frozen.logpmf(x), frozen.cdf(x), frozen.logcdf(x),
                                          frozen.sf(x), frozen.logsf(x)])
                med = frozen.median()
                q = np.array(PROBS + ([frozen.cdf(med), frozen.sf(med)] if np.isfinite(med) else []))
                ppf, isf = frozen.ppf(q), frozen.isf(q)
                inner = (q > 0) & (q < 1)
                ppf_ok = ~inner | ((frozen.cdf(ppf) >= q) & (frozen.cdf(ppf - 1) < q))
                isf_ok = ~inner | ((frozen.sf(isf) <= q) & (frozen.sf(isf - 1) > q))
                probs = np.column_stack([q, ppf, isf, ppf_ok, isf_ok])
                mean, var = frozen.stats("mv")
                scalars = [mean, var, frozen.std(), med, frozen.entropy(), *frozen.interval(0.95),
                           *frozen.support()]
            np.save(OUT / f"{case}_points.npy", points.astype(np.float64))
            np.save(OUT / f"{case}_probs.npy", probs.astype(np.float64))
            p = [float(v) for v in shapes] + [float("nan")] * (3 - len(shapes))
            rows.append([case, name] + [repr(float(v)) for v in p + [loc] + scalars])
            case += 1
    fixture_io.write_manifest(OUT / "cases.csv", HEADER, rows)
    print(f"scipy {scipy.__version__}: {case} cases written to {OUT}")


if __name__ == "__main__":
    main()
