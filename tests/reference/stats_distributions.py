#!/usr/bin/env python3
"""Reference values of scipy.stats' continuous distributions for
tests/stats/distributions_test.cpp.

Writes tests/data/stats/distributions/:

cases.csv, one frozen distribution a row:
    case, name, p1, p2, loc, scale, mean, var, std, median, entropy,
    interval_low, interval_high, support_low, support_high
  name      SciPy's name; p1, p2 its shape parameters (NaN where unused)
  interval  interval(0.95)
  Numbers are Python's repr (round-trip exact; 'inf', 'nan').
CASE_points.npy, one row a point: x, pdf, logpdf, cdf, logcdf, sf, logsf
CASE_probs.npy,  one row a probability: q, ppf, isf, ppf_miss, isf_miss
  ppf_miss  |cdf(ppf(q)) - q| / q with SciPy's own functions (isf_miss the same
            with sf and isf): where it is large, SciPy's quantile is wrong
            (inf, NaN, or the wrong tail at q = 1e-300) and the test checks
            that ours inverts the cdf instead.

Points are loc + scale * z over a grid of standardized z that reaches the
far tails (logpdf and logsf where pdf and sf underflow, x beyond the support);
probabilities include 0, 1e-300, 1e-100, 1 - 1e-16 and 1. Each distribution
also has a case with invalid parameters, where SciPy returns NaN.

Run with the pinned peers: .venv/bin/python3 tests/reference/stats_distributions.py
"""
import pathlib
import warnings

import numpy as np
import scipy
import scipy.stats as st

import fixture_io

OUT = pathlib.Path(__file__).resolve().parents[1] / "data" / "stats" / "distributions"

REAL = [-1e3, -40.0, -38.5, -20.0, -8.0, -3.0, -1.0, -0.25, 0.0, 1e-8, 0.3, 1.0, 2.5, 6.0, 12.0, 30.0, 39.0, 200.0,
        1e5]
POSITIVE = [-1.0, 0.0, 1e-200, 1e-12, 1e-4, 0.05, 0.5, 1.0, 1.7, 4.0, 9.0, 25.0, 60.0, 150.0, 500.0, 800.0, 1e4]
UNIT = [-0.5, 0.0, 1e-200, 1e-12, 1e-4, 0.05, 0.3, 0.5, 0.7, 0.95, 0.9999, 1 - 1e-12, 1.0, 1.5]
PROBS = [-0.1, 0.0, 1e-300, 1e-100, 1e-20, 1e-10, 1e-3, 0.05, 0.25, 0.5, 0.6, 0.9, 0.999, 1 - 1e-10, 1 - 1e-16, 1.0,
         1.1]

# name -> (grid of z, list of (shape parameters, loc, scale)); the last entry
# of each list has parameters outside the domain.
CASES = {
    "norm": (REAL, [((), 0.0, 1.0), ((), 1.5, 2.5), ((), -3.0, 0.5), ((), 0.0, -1.0)]),
    "uniform": (UNIT, [((), 0.0, 1.0), ((), -2.0, 5.0), ((), 0.0, 0.0)]),
    "expon": (POSITIVE, [((), 0.0, 1.0), ((), 2.0, 0.5), ((), 0.0, -2.0)]),
    "gamma": (POSITIVE, [((0.5,), 0.0, 1.0), ((1.0,), 0.0, 1.0), ((2.5,), 1.0, 2.0), ((30.0,), 0.0, 1.0),
                         ((0.05,), 0.0, 3.0), ((-1.0,), 0.0, 1.0)]),
    "beta": (UNIT, [((0.5, 0.5), 0.0, 1.0), ((2.0, 3.0), 0.0, 1.0), ((1.0, 4.0), -1.0, 2.0), ((0.3, 7.0), 0.0, 1.0),
                    ((40.0, 25.0), 0.0, 1.0), ((2.0, 0.0), 0.0, 1.0)]),
    "lognorm": (POSITIVE, [((1.0,), 0.0, 1.0), ((0.25,), 0.0, 2.0), ((2.5,), -1.0, 1.0), ((0.0,), 0.0, 1.0)]),
    "t": (REAL, [((1.0,), 0.0, 1.0), ((2.5,), 0.0, 1.0), ((10.0,), 1.0, 3.0), ((0.7,), 0.0, 1.0), ((150.0,), 0.0, 1.0),
                 ((0.0,), 0.0, 1.0)]),
    "chi2": (POSITIVE, [((1.0,), 0.0, 1.0), ((2.0,), 0.0, 1.0), ((7.0,), 0.5, 2.0), ((55.0,), 0.0, 1.0),
                        ((-3.0,), 0.0, 1.0)]),
    "f": (POSITIVE, [((1.0, 1.0), 0.0, 1.0), ((2.0, 7.0), 0.0, 1.0), ((5.0, 3.0), 0.0, 2.0), ((12.0, 30.0), 1.0, 1.0),
                     ((30.0, 4.5), 0.0, 1.0), ((3.0, -1.0), 0.0, 1.0)]),
    "cauchy": (REAL, [((), 0.0, 1.0), ((), 2.0, 0.5), ((), 0.0, 0.0)]),
    "laplace": (REAL, [((), 0.0, 1.0), ((), -1.0, 3.0), ((), 0.0, -1.0)]),
    "logistic": (REAL, [((), 0.0, 1.0), ((), 4.0, 0.2), ((), 0.0, -1.0)]),
}

HEADER = ["case", "name", "p1", "p2", "loc", "scale", "mean", "var", "std", "median", "entropy", "interval_low",
          "interval_high", "support_low", "support_high"]


def main():
    fixture_io.fresh_dir(OUT)
    rows = []
    case = 0
    for name, (grid, params) in CASES.items():
        dist = getattr(st, name)
        for shapes, loc, scale in params:
            frozen = dist(*shapes, loc=loc, scale=scale)
            x = loc + scale * np.array(grid) if scale > 0 else np.array(grid)
            q = np.array(PROBS)
            with warnings.catch_warnings(), np.errstate(all="ignore"):
                warnings.simplefilter("ignore")
                points = np.column_stack([x, frozen.pdf(x), frozen.logpdf(x), frozen.cdf(x), frozen.logcdf(x),
                                          frozen.sf(x), frozen.logsf(x)])
                ppf, isf = frozen.ppf(q), frozen.isf(q)
                inner = (q > 0) & (q < 1)
                ppf_miss = np.where(inner, np.abs(frozen.cdf(ppf) - q) / q, 0.0)
                isf_miss = np.where(inner, np.abs(frozen.sf(isf) - q) / q, 0.0)
                probs = np.column_stack([q, ppf, isf, np.nan_to_num(ppf_miss, nan=np.inf),
                                         np.nan_to_num(isf_miss, nan=np.inf)])
                mean, var = frozen.stats("mv")
                scalars = [mean, var, frozen.std(), frozen.median(), frozen.entropy(), *frozen.interval(0.95),
                           *frozen.support()]
            np.save(OUT / f"{case}_points.npy", points.astype(np.float64))
            np.save(OUT / f"{case}_probs.npy", probs.astype(np.float64))
            p = list(shapes) + [float("nan")] * (2 - len(shapes))
            rows.append([case, name] + [repr(float(v)) for v in p + [loc, scale] + scalars])
            case += 1
    fixture_io.write_manifest(OUT / "cases.csv", HEADER, rows)
    print(f"scipy {scipy.__version__}: {case} cases written to {OUT}")


if __name__ == "__main__":
    main()
