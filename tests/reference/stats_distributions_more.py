#!/usr/bin/env python3
"""Reference values of more scipy.stats distributions for
tests/stats/distributions_more_test.cpp, in the layouts of
stats_distributions.py (continuous) and stats_discrete.py (discrete), so
that tests/stats/distribution_cases.hpp reads them.

Writes tests/data/stats/distributions_more/continuous/:

cases.csv, one frozen distribution a row:
    case, name, p1, p2, loc, scale, mean, var, std, median, entropy,
    interval_low, interval_high, support_low, support_high
CASE_points.npy  x, pdf, logpdf, cdf, logcdf, sf, logsf
CASE_probs.npy   q, ppf, isf, ppf_miss, isf_miss
  (as stats_distributions.py, ppf_miss measuring how far SciPy's ppf is from
  inverting SciPy's cdf, here relative to the smaller tail: |cdf - q| / q for
  q <= 1/2, |sf - (1 - q)| / (1 - q) above; where it is large the test
  checks that ours inverts ours)

and tests/data/stats/distributions_more/discrete/:

cases.csv        case, name, p1, p2, p3, loc, mean, var, std, median,
                 entropy, interval_low, interval_high, support_low, support_high
CASE_points.npy  x, pmf, logpmf, cdf, logcdf, sf, logsf, then the same six
                 exactly (NaN where not computed)
CASE_probs.npy   q, ppf, isf, ppf_ok, isf_ok (as stats_discrete.py)
exact.csv        case, method, x, value: zipf's entropy and variance (below)
  The exact columns: SciPy 1.17's betabinom pmf comes from log-beta
  differences (errors of 2e-12 relative at n = 1000), and both distributions'
  cdf sums those pmf values and sf is 1 - cdf, which keeps no digits in the
  upper tail. For betabinom (n <= 1000) all six are computed in rational
  arithmetic (Python's fractions, on the same double parameters) and rounded
  once, the logs in 50-digit decimal arithmetic; for zipf sf is
  scipy.special.zeta(a, k + 1) / zeta(a) (Hurwitz zeta) and logsf the
  difference of their logs. zipf's entropy: SciPy 1.17 sums -pmf log pmf and
  stops early in the heavy tail (2.51 for a = 1.5); here log zeta(a) +
  a sum_k k^-a log k / zeta(a), both sums in 50-digit decimal arithmetic to
  k = 1999 plus the Euler-Maclaurin tail (A&S 23.1.30, two Bernoulli terms;
  the next is below 1e-25); its variance from the same zeta sums (SciPy's
  difference of ratios near 1 loses seven digits at a = 30).

and tests/data/stats/distributions_more/continuous/exact.csv:

    case, method, x, value
  Independent values where SciPy 1.17 loses digits, which the test uses
  instead of SciPy's: truncnorm's cdf, sf, logcdf, logsf, mean, var and
  entropy in 60-digit decimal arithmetic (the normal tail by its continued
  fraction, A&S 26.2.14, or its series; SciPy is off by up to 0.4% next to
  the ends of far intervals and returns NaN entropy for a >= 0.5); pareto's
  cdf and logcdf (1 - z^-b in decimal; SciPy forms 1 - z^-b in double, 1e-4
  relative off at z = 1 + 1e-12); triang's sf and logsf (SciPy forms 1 - cdf);
  skewnorm's cdf, sf and their logs as the integral of SciPy's own density by
  QUADPACK (scipy.integrate.quad, relative tolerance 1e-13; SciPy's cdf
  underflows in the light tail, where its Owen's T difference cancels);
  vonmises' mean, variance and tails (see vonmises_exact).
  x = 0 for mean, var, entropy.

vonmises: its values come from scipy.stats.vonmises_line, SciPy's von Mises
distribution on [-pi, pi] (the same formulas; SciPy 1.17's vonmises has the
whole real line as support, a periodic density and a cdf that grows by 1 a
turn, which scilearn does not follow).

Each distribution has cases with parameters outside the domain (NaN).
Run with the pinned peers: .venv/bin/python3 tests/reference/stats_distributions_more.py
"""
import decimal
import fractions
import math
import pathlib
import warnings

import numpy as np
import scipy
import scipy.integrate as integrate
import scipy.special as sc
import scipy.stats as st

import fixture_io

ROOT = pathlib.Path(__file__).resolve().parents[1] / "data" / "stats" / "distributions_more"

REAL = [-1e3, -40.0, -38.5, -20.0, -8.0, -3.0, -1.0, -0.25, 0.0, 1e-8, 0.3, 1.0, 2.5, 6.0, 12.0, 30.0, 39.0, 200.0,
        1e5]
POSITIVE = [-1.0, 0.0, 1e-200, 1e-12, 1e-4, 0.05, 0.5, 1.0, 1.7, 4.0, 9.0, 25.0, 60.0, 150.0, 500.0, 800.0, 1e4]
NEGATIVE = [-v for v in reversed(POSITIVE)]
UNIT = [-0.5, 0.0, 1e-200, 1e-12, 1e-4, 0.05, 0.3, 0.5, 0.7, 0.95, 0.9999, 1 - 1e-12, 1.0, 1.5]
PARETO = [0.5, 1.0, 1 + 1e-12, 1.0001, 1.05, 1.5, 2.0, 5.0, 30.0, 1e3, 1e10, 1e100, 1e300]
ANGLE = [-4.0, -np.pi, -3.1, -3.0, -2.0, -1.0, -0.5, -1e-8, 0.0, 1e-8, 0.5, 1.0, 2.0, 3.0, 3.1, np.pi, 4.0]
PROBS = [-0.1, 0.0, 1e-300, 1e-100, 1e-20, 1e-10, 1e-3, 0.05, 0.25, 0.5, 0.6, 0.9, 0.999, 1 - 1e-10, 1 - 1e-16, 1.0,
         1.1]


def truncnorm_grid(a, b):
    """Points over [a, b], just inside its ends, and beyond."""
    lo = a if np.isfinite(a) else min(b, 0.0) - 40.0
    hi = b if np.isfinite(b) else max(a, 0.0) + 40.0
    inner = list(lo + (hi - lo) * np.array([1e-12, 1e-4, 0.05, 0.3, 0.5, 0.7, 0.95, 0.9999, 1 - 1e-12]))
    return [lo - 1.0, lo, *inner, hi, hi + 1.0] + ([-1e3, 1e3] if not np.isfinite(a * b) else [])


# name -> list of (shape parameters, loc, scale, standardized grid); the last
# entries have parameters outside the domain.
NAN = float("nan")
CONTINUOUS = {
    "weibull_min": [((0.5,), 0.0, 1.0, POSITIVE), ((1.0,), 0.0, 1.0, POSITIVE), ((2.5,), 1.0, 2.0, POSITIVE),
                    ((10.0,), 0.0, 1.0, POSITIVE), ((-1.0,), 0.0, 1.0, POSITIVE)],
    "weibull_max": [((0.7,), 0.0, 1.0, NEGATIVE), ((3.0,), -1.0, 0.5, NEGATIVE), ((-1.0,), 0.0, 1.0, NEGATIVE)],
    "pareto": [((0.5,), 0.0, 1.0, PARETO), ((1.0,), 0.0, 1.0, PARETO), ((2.5,), -1.0, 2.0, PARETO),
               ((3.0,), 0.0, 1.0, PARETO), ((50.0,), 0.0, 1.0, PARETO), ((-1.0,), 0.0, 1.0, PARETO)],
    "gumbel_r": [((), 0.0, 1.0, REAL), ((), 2.0, 0.5, REAL), ((), 0.0, -1.0, REAL)],
    "gumbel_l": [((), 0.0, 1.0, REAL), ((), -1.0, 3.0, REAL), ((), 0.0, 0.0, REAL)],
    "genextreme": [((0.0,), 0.0, 1.0, REAL), ((0.5,), 0.0, 1.0, REAL + [1.9, 2.0]),
                   ((-0.5,), 0.0, 1.0, REAL + [-2.0, -1.9]), ((1.0,), 0.0, 1.0, REAL + [0.999, 1.0]),
                   ((2.0,), 0.0, 1.0, REAL + [0.4, 0.5]), ((-1.5,), 0.0, 1.0, REAL), ((-0.2,), 1.0, 2.0, REAL),
                   ((0.03,), 0.0, 1.0, REAL), ((-0.75,), 0.0, 1.0, REAL), ((np.inf,), 0.0, 1.0, REAL)],
    "invgamma": [((0.5,), 0.0, 1.0, POSITIVE), ((1.0,), 0.0, 1.0, POSITIVE), ((2.5,), 1.0, 2.0, POSITIVE),
                 ((30.0,), 0.0, 1.0, POSITIVE), ((150.0,), 0.0, 1.0, POSITIVE), ((-1.0,), 0.0, 1.0, POSITIVE)],
    "rayleigh": [((), 0.0, 1.0, POSITIVE), ((), 1.0, 2.0, POSITIVE), ((), 0.0, -1.0, POSITIVE)],
    "halfnorm": [((), 0.0, 1.0, POSITIVE), ((), 1.0, 2.0, POSITIVE), ((), 0.0, 0.0, POSITIVE)],
    "triang": [((0.0,), 0.0, 1.0, UNIT), ((0.3,), 0.0, 1.0, UNIT), ((1.0,), 0.0, 1.0, UNIT),
               ((0.5,), -1.0, 2.0, UNIT), ((1.5,), 0.0, 1.0, UNIT)],
    "skewnorm": [((0.0,), 0.0, 1.0, REAL), ((4.0,), 0.0, 1.0, REAL), ((-4.0,), 0.0, 1.0, REAL),
                 ((0.5,), 1.0, 2.0, REAL), ((50.0,), 0.0, 1.0, REAL), ((np.inf,), 0.0, 1.0, REAL)],
    "truncnorm": [((-1.0, 2.0), 0.0, 1.0, None), ((0.5, np.inf), 0.0, 1.0, None), ((-np.inf, -2.0), 0.0, 1.0, None),
                  ((2.0, 2.5), 1.0, 2.0, None), ((-np.inf, np.inf), 0.0, 1.0, None), ((30.0, np.inf), 0.0, 1.0, None),
                  ((30.0, 31.0), 0.0, 1.0, None), ((-31.0, -30.0), 0.0, 1.0, None), ((6.0, 7.0), 0.0, 1.0, None),
                  ((2.0, 1.0), 0.0, 1.0, REAL)],
    "vonmises": [((0.0,), 0.0, 1.0, ANGLE), ((0.5,), 0.0, 1.0, ANGLE), ((2.0,), 0.0, 1.0, ANGLE),
                 ((10.0,), 1.0, 1.0, ANGLE), ((49.5,), 0.0, 1.0, ANGLE), ((50.0,), 0.0, 1.0, ANGLE),
                 ((300.0,), 0.0, 1.0, ANGLE), ((1e4,), 0.0, 0.5, ANGLE), ((-1.0,), 0.0, 1.0, ANGLE)],
}

DISCRETE = {
    "betabinom": [((10, 2.0, 3.0), 0.0), ((1, 0.5, 0.5), 0.0), ((50, 0.2, 0.3), 0.0), ((100, 5.0, 50.0), -3.0),
                  ((0, 1.0, 1.0), 0.0), ((1000, 2.0, 2.0), 0.0), ((40, 600.0, 400.0), 0.0), ((10.5, 1.0, 1.0), 0.0),
                  ((10, 0.0, 1.0), 0.0)],
    "zipf": [((1.5,), 0.0), ((2.0,), 0.0), ((3.5,), 0.0), ((6.0,), 2.0), ((30.0,), 0.0), ((1.0,), 0.0)],
}

HEADER_CONTINUOUS = ["case", "name", "p1", "p2", "loc", "scale", "mean", "var", "std", "median", "entropy",
                     "interval_low", "interval_high", "support_low", "support_high"]
HEADER_DISCRETE = ["case", "name", "p1", "p2", "p3", "loc", "mean", "var", "std", "median", "entropy", "interval_low",
                   "interval_high", "support_low", "support_high"]

decimal.getcontext().prec = 50


def frozen_continuous(name, shapes, loc, scale):
    dist = st.vonmises_line if name == "vonmises" else getattr(st, name)
    return dist(*shapes, loc=loc, scale=scale)


PI = decimal.Decimal("3.14159265358979323846264338327950288419716939937510582097494")
DEC_TINY = decimal.Decimal("1e-70")


def dec_phi(x):
    x = decimal.Decimal(x)
    return (-(x * x) / 2).exp() / (2 * PI).sqrt()


def dec_upper_tail(x):
    """Phi(-x) in decimal: Laplace's continued fraction for the Mills ratio
    (A&S 26.2.14, Lentz's method) past 3, else 1/2 minus the series of
    Phi(x) - 1/2 = phi(x) sum x^(2n+1) / (1 3 ... (2n+1)) (A&S 26.2.11)."""
    if x == -np.inf:
        return decimal.Decimal(1)
    if x == np.inf:
        return decimal.Decimal(0)
    x = decimal.Decimal(x)
    if x < 0:
        return 1 - dec_upper_tail(-x)
    if x > 3:
        f, c, d = x, x, decimal.Decimal(0)
        for n in range(1, 10000):
            d = 1 / (x + n * d)
            c = x + n / c
            f *= c * d
            if abs(c * d - 1) < decimal.Decimal("1e-58"):
                break
        return dec_phi(x) / f
    term, total, n = x, x, 0
    while abs(term) > DEC_TINY:
        n += 1
        term = term * x * x / (2 * n + 1)
        total += term
    return decimal.Decimal("0.5") - dec_phi(x) * total


def dec_log(v):
    return float(v.ln()) if v > 0 else -np.inf


def dec_mass(l, u):
    """Phi(u) - Phi(l) from the tail the interval lies in (no cancellation)."""
    if l >= 0:
        return dec_upper_tail(l) - dec_upper_tail(u)
    if u <= 0:
        return dec_upper_tail(-u) - dec_upper_tail(-l)
    return 1 - dec_upper_tail(-l) - dec_upper_tail(u)


def truncnorm_exact(case, a, b, loc, scale, grid):
    z_mass = dec_mass(a, b)
    rows = []
    for zf in grid:
        if not a < zf < b:
            continue
        x = loc + scale * zf
        z = (x - loc) / scale  # the point as the C++ side standardizes it
        cdf = dec_mass(a, z) / z_mass
        sf = dec_mass(z, b) / z_mass
        rows += [[case, "cdf", x, float(cdf)], [case, "sf", x, float(sf)], [case, "logcdf", x, dec_log(cdf)],
                 [case, "logsf", x, dec_log(sf)]]
    da = dec_phi(a) / z_mass if np.isfinite(a) else decimal.Decimal(0)
    db = dec_phi(b) / z_mass if np.isfinite(b) else decimal.Decimal(0)
    ma = decimal.Decimal(a) * da if np.isfinite(a) else decimal.Decimal(0)
    mb = decimal.Decimal(b) * db if np.isfinite(b) else decimal.Decimal(0)
    mean = da - db
    var = 1 + ma - mb - mean * mean
    entropy = ((2 * PI).sqrt() * z_mass).ln() + decimal.Decimal("0.5") + (ma - mb) / 2
    s = decimal.Decimal(scale)
    rows += [[case, "mean", 0.0, float(decimal.Decimal(loc) + s * mean)], [case, "var", 0.0, float(s * s * var)],
             [case, "entropy", 0.0, float(entropy + s.ln())]]
    return rows


def pareto_exact(case, b, loc, scale, grid):
    rows = []
    for zf in grid:
        x = loc + scale * zf
        z = (x - loc) / scale
        if not z > 1:
            continue
        cdf = 1 - decimal.Decimal(z) ** (-decimal.Decimal(b))
        rows += [[case, "cdf", x, float(cdf)], [case, "logcdf", x, dec_log(cdf)]]
    return rows


def triang_exact(case, c, loc, scale, grid):
    rows = []
    dc = decimal.Decimal(c)
    for zf in grid:
        x = loc + scale * zf
        z = decimal.Decimal((x - loc) / scale)
        if not 0 < z < 1:
            continue
        sf = (1 - z) ** 2 / (1 - dc) if z >= dc else 1 - z * z / dc
        rows += [[case, "sf", x, float(sf)], [case, "logsf", x, dec_log(sf)]]
    return rows


def skewnorm_exact(case, a, loc, scale, grid):
    """The tails of skewnorm(a) as integrals of SciPy's log density, scaled by
    the density at the point (so nothing underflows) and by the log density's
    slope there (so the integrand falls on a scale of 1)."""
    d = st.skewnorm(a)
    rows = []
    for zf in grid:
        x = loc + scale * zf
        z = (x - loc) / scale
        lp = d.logpdf(z)
        slope = -z + a * np.exp(st.norm.logpdf(a * z) - sc.log_ndtr(a * z))
        unit = 1 / max(1.0, abs(slope))
        # The smaller tail by quadrature, the other as its complement.
        left = d.cdf(z) <= 0.5
        f = lambda v: np.exp(d.logpdf(z + (-v if left else v) * unit) - lp)
        val, _ = integrate.quad(f, 0, np.inf, epsabs=0, epsrel=1e-13, limit=400)
        log_small = lp + np.log(val * unit)
        small, large, log_large = np.exp(log_small), -np.expm1(log_small), np.log1p(-np.exp(log_small))
        cdf, sf, logcdf, logsf = (small, large, log_small, log_large) if left else (large, small, log_large, log_small)
        rows += [[case, "cdf", x, float(cdf)], [case, "logcdf", x, float(logcdf)], [case, "sf", x, float(sf)],
                 [case, "logsf", x, float(logsf)]]
    return rows


def vonmises_exact(case, kappa, loc, scale, grid):
    """vonmises_line: the mean (loc, by symmetry; SciPy integrates and gets
    1e-17 instead of 0); the variance and the entropy log(2 pi i0e(kappa)) +
    kappa E[2 sin(z/2)^2] as integrals by QUADPACK (SciPy's own integration
    of the variance is 1e-7 off at kappa = 10; its entropy's kappa (1 - I1 /
    I0) cancels); for kappa < 50 the smaller tail at each point as the
    integral of the density from the nearer end (SciPy's series keeps an
    absolute error of up to 1e-13, noise below that), the larger as its
    complement; for kappa >= 50 SciPy's normal approximation itself, with sf
    as ndtr(-b sin(z/2)) (SciPy's sf is 1 - cdf, 0 in the upper tail)."""
    d = st.vonmises_line(kappa)
    quad = lambda f, lo, hi, tol: integrate.quad(f, lo, hi, points=[0.0] if lo < 0 < hi else None, epsabs=0,
                                                 epsrel=tol, limit=400)[0]
    var = quad(lambda z: z * z * d.pdf(z), -np.pi, np.pi, 5e-14)
    spread = quad(lambda z: 2 * np.sin(z / 2) ** 2 * d.pdf(z), -np.pi, np.pi, 5e-14)
    entropy = np.log(2 * np.pi * sc.i0e(kappa)) + kappa * spread + np.log(scale)
    rows = [[case, "mean", 0.0, loc], [case, "var", 0.0, scale * scale * var], [case, "entropy", 0.0, entropy]]
    b = np.sqrt(2 / np.pi) / sc.i0e(kappa)
    for zf in grid:
        x = loc + scale * zf
        z = (x - loc) / scale
        if not -np.pi < z < np.pi:
            continue
        if kappa >= 50:
            rows += [[case, "sf", x, sc.ndtr(-b * np.sin(z / 2))], [case, "logsf", x, sc.log_ndtr(-b * np.sin(z / 2))]]
            continue
        left = z < 0
        small = quad(d.pdf, -np.pi, z, 1e-13) if left else quad(d.pdf, z, np.pi, 1e-13)
        big = -np.expm1(np.log(small))
        cdf, sf = (small, big) if left else (big, small)
        rows += [[case, "cdf", x, cdf], [case, "logcdf", x, np.log(cdf)], [case, "sf", x, sf],
                 [case, "logsf", x, np.log(sf)]]
    return rows


def exact_rows(case, name, shapes, loc, scale, grid):
    # quad warns of roundoff where the integral is at its tolerance already.
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        valid = scale > 0
        if name == "truncnorm" and valid and shapes[0] < shapes[1]:
            return truncnorm_exact(case, *shapes, loc, scale, grid)
        if name == "pareto" and valid and shapes[0] > 0:
            return pareto_exact(case, shapes[0], loc, scale, grid)
        if name == "triang" and valid and 0 <= shapes[0] <= 1:
            return triang_exact(case, shapes[0], loc, scale, grid)
        if name == "vonmises" and valid and shapes[0] >= 0:
            return vonmises_exact(case, shapes[0], loc, scale, grid)
        if name == "skewnorm" and valid and np.isfinite(shapes[0]):
            return skewnorm_exact(case, shapes[0], loc, scale, grid)
    return []


def miss(p, complement, q):
    """How far SciPy's quantile is from inverting SciPy's own cdf, relative to
    the smaller tail: |cdf - q| / q for q <= 1/2, |sf - (1 - q)| / (1 - q)
    above (the cdf near 1 cannot tell a quantile 1e-8 off)."""
    return np.where(q <= 0.5, np.abs(p - q) / q, np.abs(complement - (1 - q)) / (1 - q))


def write_continuous(out):
    fixture_io.fresh_dir(out)
    rows, exact, case = [], [], 0
    for name, params in CONTINUOUS.items():
        for shapes, loc, scale, grid in params:
            frozen = frozen_continuous(name, shapes, loc, scale)
            if grid is None:
                grid = truncnorm_grid(*shapes)
            x = loc + scale * np.array(grid) if scale > 0 else np.array(grid)
            q = np.array(PROBS)
            with warnings.catch_warnings(), np.errstate(all="ignore"):
                warnings.simplefilter("ignore")
                points = np.column_stack([x, frozen.pdf(x), frozen.logpdf(x), frozen.cdf(x), frozen.logcdf(x),
                                          frozen.sf(x), frozen.logsf(x)])
                ppf, isf = frozen.ppf(q), frozen.isf(q)
                inner = (q > 0) & (q < 1)
                ppf_miss = np.where(inner, miss(frozen.cdf(ppf), frozen.sf(ppf), q), 0.0)
                isf_miss = np.where(inner, miss(frozen.sf(isf), frozen.cdf(isf), q), 0.0)
                probs = np.column_stack([q, ppf, isf, np.nan_to_num(ppf_miss, nan=np.inf),
                                         np.nan_to_num(isf_miss, nan=np.inf)])
                mean, var = frozen.stats("mv")
                scalars = [mean, var, frozen.std(), frozen.median(), frozen.entropy(), *frozen.interval(0.95),
                           *frozen.support()]
            np.save(out / f"{case}_points.npy", points.astype(np.float64))
            np.save(out / f"{case}_probs.npy", probs.astype(np.float64))
            p = list(shapes) + [NAN] * (2 - len(shapes))
            rows.append([case, name] + [repr(float(v)) for v in p + [loc, scale] + scalars])
            exact += [[r[0], r[1], repr(float(r[2])), repr(float(r[3]))]
                      for r in exact_rows(case, name, shapes, loc, scale, grid)]
            case += 1
    fixture_io.write_manifest(out / "cases.csv", HEADER_CONTINUOUS, rows)
    fixture_io.write_manifest(out / "exact.csv", ["case", "method", "x", "value"], exact)
    return case


def points_for(frozen, name, loc):
    """As stats_discrete.py: integers and non-integers over the support, its
    ends and the tails; for zipf also far out (1e3 .. 1e300)."""
    a, b = frozen.support()
    if not np.isfinite(a):  # invalid parameters: any grid
        return np.array([-1.0, 0.0, 0.5, 1.0, 2.0, 3.0, 7.0])
    a, b = a - loc, b - loc
    m, s = frozen.mean() - loc, max(frozen.std(), 1.0)
    ks = {a - 2, a - 1, a, a + 1, a + 2, a + 0.3, a - 0.5, b, b - 1, b + 1, b + 0.5, b - 0.5}
    for c in (-30, -10, -3, -1, 0, 1, 3, 10, 30, 100):
        k = np.floor(m + c * s)
        ks |= {k, k + 0.5}
    if name == "zipf":
        ks |= {5.0, 20.0, 100.0, 1e3, 1e4}
    ks = np.array(sorted(v for v in ks if np.isfinite(v) and v >= a - 2 and v <= b + 1))
    return ks + loc


def rising(x, m):
    """The rising factorial x (x + 1) ... (x + m - 1) of a Fraction."""
    out = fractions.Fraction(1)
    for i in range(m):
        out *= x + i
    return out


def dec_float_log(v):
    return float((decimal.Decimal(v.numerator) / decimal.Decimal(v.denominator)).ln()) if v > 0 else -np.inf


def betabinom_exact(n, a, b, ks):
    """pmf(k) = C(n, k) (a)_k (b)_(n-k) / (a + b)_n and its sums, exactly."""
    n = int(n)
    fa, fb = fractions.Fraction(a), fractions.Fraction(b)
    total = rising(fa + fb, n)
    pmf = [math.comb(n, j) * rising(fa, j) * rising(fb, n - j) / total for j in range(n + 1)]
    lower = [fractions.Fraction(0)] * (n + 2)  # lower[j] = pmf[0] + ... + pmf[j - 1]
    for j in range(n + 1):
        lower[j + 1] = lower[j] + pmf[j]
    out = []
    for k in ks:
        j = int(np.floor(k))
        p = pmf[j] if j == k and 0 <= j <= n else fractions.Fraction(0)
        c = lower[min(max(j + 1, 0), n + 1)]
        sf = 1 - c
        out.append([float(p), dec_float_log(p), float(c), dec_float_log(c), float(sf), dec_float_log(sf)])
    return np.array(out)


def exact_columns(name, shapes, loc, x):
    k = x - loc
    out = np.full((len(x), 6), NAN)
    if name == "betabinom" and shapes[0] <= 1000:
        return betabinom_exact(*shapes, k)
    if name == "zipf":
        a = shapes[0]
        k = np.maximum(np.floor(k), 0.0)
        out[:, 5] = np.log(sc.zeta(a, k + 1)) - np.log(sc.zeta(a))
        out[:, 4] = np.exp(out[:, 5])
    return out


def dec_zeta(s):
    """zeta(s) in decimal: the sum to 1999 plus the Euler-Maclaurin tail."""
    D = decimal.Decimal
    s = D(s)
    total = sum((-s * D(k).ln()).exp() for k in range(1, 2000))
    x = D(2000)
    xs = (-s * x.ln()).exp()
    return total + x * xs / (s - 1) + xs / 2 + s * xs / x / 12 - s * (s + 1) * (s + 2) * xs / x ** 3 / 720


def zipf_exact_var(a):
    """zeta(a - 2) / zeta(a) - (zeta(a - 1) / zeta(a))^2 in decimal (SciPy's
    difference cancels: 1e-7 relative at a = 30)."""
    z0, z1, z2 = dec_zeta(a), dec_zeta(a - 1), dec_zeta(a - 2)
    return float(z2 / z0 - (z1 / z0) ** 2)


def zipf_exact_entropy(a):
    """log zeta(a) + a sum k^-a log k / zeta(a) in decimal: the sums to
    N - 1 = 1999 directly, the rest sum_(k >= N) f(k) = integral_N^inf f +
    f(N) / 2 - B2 / 2! f'(N) - B4 / 4! f'''(N) for f(x) = x^-a and
    x^-a log x."""
    D = decimal.Decimal
    a = D(a)
    n = 2000
    zeta, weighted = D(0), D(0)
    for k in range(1, n):
        p = (-a * D(k).ln()).exp()
        zeta += p
        weighted += p * D(k).ln()
    x = D(n)
    lx = x.ln()
    xa = (-a * lx).exp()  # x^-a
    b2, b4 = D(1) / 6, D(-1) / 30
    # f = x^-a: integral x^(1-a) / (a - 1), f' = -a x^(-a-1), f''' = -a (a+1) (a+2) x^(-a-3)
    zeta += x * xa / (a - 1) + xa / 2 - b2 / 2 * (-a * xa / x) - b4 / 24 * (-a * (a + 1) * (a + 2) * xa / x ** 3)
    # g = x^-a log x: integral x^(1-a) (L / (a-1) + 1 / (a-1)^2), g' = x^(-a-1) (1 - a L),
    # g''' = x^(-a-3) (-(a+2) a (a+1) L + (a+2)(2a+1) + a (a+1)), L = log x
    g1 = xa / x * (1 - a * lx)
    g3 = xa / x ** 3 * (-(a + 2) * a * (a + 1) * lx + (a + 2) * (2 * a + 1) + a * (a + 1))
    weighted += x * xa * (lx / (a - 1) + 1 / (a - 1) ** 2) + xa * lx / 2 - b2 / 2 * g1 - b4 / 24 * g3
    return float(zeta.ln() + a * weighted / zeta)


def quantile_is_small(name, shapes, q):
    """Where SciPy's ppf and isf can be asked: its zipf cdf sums the pmf over
    1..k, which for quantiles far in the heavy tail (k ~ 1e20 for zipf(1.5) at
    1 - 1e-10) runs out of memory. There (k beyond 1e5 by sf(k) ~ k^(1-a) /
    ((a-1) zeta(a))) the value is left NaN and marked wrong, and the test
    checks ours by the definition instead."""
    q = np.asarray(q)
    if name != "zipf" or not shapes[0] > 1:
        return np.full(q.shape, True), np.full(q.shape, True)
    a = shapes[0]

    def k_est(p):
        with np.errstate(all="ignore"):
            return np.where(p > 0, ((a - 1) * sc.zeta(a) * p) ** (-1 / (a - 1)), np.inf)

    edge = (q <= 0) | (q >= 1)
    return edge | (k_est(1 - q) <= 1e5), edge | (k_est(q) <= 1e5)


def write_discrete(out):
    fixture_io.fresh_dir(out)
    rows, exact_scalars, case = [], [], 0
    for name, params in DISCRETE.items():
        dist = getattr(st, name)
        for shapes, loc in params:
            frozen = dist(*shapes, loc=loc)
            with warnings.catch_warnings(), np.errstate(all="ignore"):
                warnings.simplefilter("ignore")
                x = points_for(frozen, name, loc)
                valid = np.isfinite(frozen.mean()) or name == "zipf" and np.isfinite(frozen.median())
                exact = exact_columns(name, shapes, loc, x) if valid else np.full((len(x), 6), NAN)
                points = np.column_stack([x, frozen.pmf(x), frozen.logpmf(x), frozen.cdf(x), frozen.logcdf(x),
                                          frozen.sf(x), frozen.logsf(x), exact])
                med = frozen.median()
                q = np.array(PROBS + ([frozen.cdf(med), frozen.sf(med)] if np.isfinite(med) else []))
                ppf_safe, isf_safe = quantile_is_small(name, shapes, q)
                ppf = np.where(ppf_safe, frozen.ppf(np.where(ppf_safe, q, 0.5)), NAN)
                isf = np.where(isf_safe, frozen.isf(np.where(isf_safe, q, 0.5)), NAN)
                inner = (q > 0) & (q < 1)
                ppf_ok = ~inner | ((frozen.cdf(ppf) >= q) & (frozen.cdf(ppf - 1) < q))
                isf_ok = ~inner | ((frozen.sf(isf) <= q) & (frozen.sf(isf - 1) > q))
                probs = np.column_stack([q, ppf, isf, ppf_ok, isf_ok])
                mean, var = frozen.stats("mv")
                # SciPy 1.17 sums zipf(1)'s entropy (invalid parameters) over
                # an ever larger range until memory runs out: NaN, as the rest.
                entropy = frozen.entropy() if np.isfinite(frozen.support()[0]) else NAN
                scalars = [mean, var, frozen.std(), med, entropy, *frozen.interval(0.95), *frozen.support()]
            np.save(out / f"{case}_points.npy", points.astype(np.float64))
            np.save(out / f"{case}_probs.npy", probs.astype(np.float64))
            p = [float(v) for v in shapes] + [NAN] * (3 - len(shapes))
            rows.append([case, name] + [repr(float(v)) for v in p + [loc] + scalars])
            if name == "zipf" and shapes[0] > 1:
                exact_scalars.append([case, "entropy", repr(0.0), repr(zipf_exact_entropy(shapes[0]))])
            if name == "zipf" and shapes[0] > 3:
                exact_scalars.append([case, "var", repr(0.0), repr(zipf_exact_var(shapes[0]))])
            case += 1
    fixture_io.write_manifest(out / "cases.csv", HEADER_DISCRETE, rows)
    fixture_io.write_manifest(out / "exact.csv", ["case", "method", "x", "value"], exact_scalars)
    return case


def main():
    n_continuous = write_continuous(ROOT / "continuous")
    n_discrete = write_discrete(ROOT / "discrete")
    print(f"scipy {scipy.__version__}: {n_continuous} continuous and {n_discrete} discrete cases written to {ROOT}")


if __name__ == "__main__":
    main()
