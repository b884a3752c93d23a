"""SciPy's normality tests (skewtest, kurtosistest, normaltest, shapiro,
anderson) for tests/stats/normality_tests_test.cpp. (The Kolmogorov-Smirnov
tests and laws are in stats_tests.py, beside ks_2samp.)

Writes under tests/data/stats/normality/:
cases.csv and NAME_x.npy: the tests on random samples (normal, skewed,
heavy- and light-tailed, tied, shifted far from 0; small and large n; every
alternative). Columns: name (the input's prefix), function, alternative,
options (key=value pairs joined by ';'), then the result's fields v0, v1,
...: statistic, pvalue (anderson: statistic, the fitted loc and scale, the
p-value of method='interpolate', then the critical values and the
significance levels; for logistic then loc, scale and A^2 with SciPy's
likelihood equations solved to full precision, see tight_logistic_anderson).

Run: .venv/bin/python tests/reference/stats_normality.py
"""

import warnings
from pathlib import Path

import numpy as np
import scipy
from scipy import optimize, stats

from fixture_io import fresh_dir, write_manifest

OUT = Path(__file__).resolve().parents[1] / "data" / "stats" / "normality"
ALTERNATIVES = ["two-sided", "less", "greater"]


def samples(rng):
    """Named samples: (name, x)."""
    out = []
    for n in (8, 9, 12, 20, 50, 200, 1000, 5000):
        out.append((f"normal_{n}", rng.normal(3.0, 2.0, n)))
    for n in (10, 30, 300):
        out.append((f"expon_{n}", rng.exponential(1.5, n)))
        out.append((f"t3_{n}", rng.standard_t(3, n)))
        out.append((f"uniform_{n}", rng.uniform(-1, 1, n)))
    out.append(("tied_40", np.round(rng.normal(0, 1.5, 40))))
    out.append(("offset_25", 1e6 + rng.normal(0, 1, 25)))
    # Symmetric integers: skewness exactly 0 (SciPy's y = 0 -> 1 substitution).
    out.append(("symmetric_11", np.array([-5.0, -3, -2, -1, 0, 0, 0, 1, 2, 3, 5])))
    out.append(("skewed_2000", rng.lognormal(0, 1, 2000)))
    return out


def tight_logistic_anderson(x):
    """anderson's logistic case with its two likelihood equations solved to
    full precision: SciPy solves them with fsolve(xtol=1e-5), which leaves
    loc and scale (and so A^2) off by up to ~1e-7 relative. The same
    equations and formula as scipy.stats.anderson, at a tighter xtol; returns
    [loc, scale, A^2]."""
    y = np.sort(x)
    n = len(x)

    def rootfunc(ab):
        a, b = ab
        t = (x - a) / b
        e = np.exp(t)
        return [np.sum(1.0 / (1 + e)) - 0.5 * n, np.sum(t * (1.0 - e) / (1 + e)) + n]

    with warnings.catch_warnings():
        # "xtol is too small, no further improvement is possible": the
        # iteration stopped at the rounding level, which is what is wanted.
        warnings.simplefilter("ignore", RuntimeWarning)
        a, b = optimize.fsolve(rootfunc, [np.mean(x), np.std(x, ddof=1)], xtol=1e-14)
    w = (y - a) / b
    i = np.arange(1, n + 1)
    a2 = -n - np.sum((2 * i - 1.0) / n * (stats.logistic.logcdf(w) + stats.logistic.logsf(w)[::-1]))
    return [a, b, a2]


def main():
    fresh_dir(OUT)
    rng = np.random.default_rng(20261207)
    rows = []

    def add(name, function, alternative, options, values, x=None):
        if x is not None:
            np.save(OUT / f"{name}_x.npy", np.asarray(x, dtype=np.float64))
        rows.append([name, function, alternative, options] + [repr(float(v)) for v in values])

    named = samples(rng)
    for name, x in named:
        np.save(OUT / f"{name}_x.npy", x)
        for alt in ALTERNATIVES:
            r = stats.skewtest(x, alternative=alt)
            add(name, "skewtest", alt, "", [r.statistic, r.pvalue])
            r = stats.kurtosistest(x, alternative=alt)
            add(name, "kurtosistest", alt, "", [r.statistic, r.pvalue])
        r = stats.normaltest(x)
        add(name, "normaltest", "two-sided", "", [r.statistic, r.pvalue])
    # kurtosistest alone works from 5 values.
    for n in (5, 6, 7):
        x = rng.normal(0, 1, n)
        for alt in ALTERNATIVES:
            r = stats.kurtosistest(x, alternative=alt)
            add(f"small_{n}", "kurtosistest", alt, "", [r.statistic, r.pvalue], x=x)

    # Shapiro-Wilk: every branch of Royston's p-value (n = 3 exact, 4..11,
    # 12..5000), tiny p-values, ties, a large offset.
    shapiro_inputs = [(name, x) for name, x in named]
    for n in (3, 4, 5, 6, 7, 11, 12, 2000):
        shapiro_inputs.append((f"sw_normal_{n}", rng.normal(0, 1, n)))
    shapiro_inputs += [("sw_three_a", np.array([1.0, 2.0, 3.5])), ("sw_three_b", np.array([0.0, 0.0, 1.0])),
                       ("sw_expon_500", rng.exponential(1, 500)), ("sw_outlier_100",
                                                                   np.append(rng.normal(0, 1, 99), 25.0))]
    for name, x in shapiro_inputs:
        r = stats.shapiro(x)
        add(name, "shapiro", "two-sided", "", [r.statistic, r.pvalue], x=x)

    # Anderson-Darling for each distribution SciPy fits in closed form or by
    # root finding (weibull_min left out).
    anderson_inputs = {
        "norm": [("normal_20", None), ("expon_30", None), ("ad_normal_5", rng.normal(1, 2, 5)),
                 ("normal_1000", None)],
        "expon": [("expon_10", None), ("expon_300", None), ("ad_expon_big", rng.exponential(4, 2000)),
                  ("uniform_30", None)],
        "logistic": [("ad_logistic_40", rng.logistic(2, 0.5, 40)), ("normal_200", None),
                     ("ad_logistic_7", rng.logistic(0, 1, 7))],
        "gumbel_r": [("ad_gumbel_r_50", rng.gumbel(1, 2, 50)), ("normal_50", None)],
        "gumbel_l": [("ad_gumbel_l_60", -rng.gumbel(1, 2, 60)), ("t3_30", None)],
    }
    data = dict(named)
    for dist, inputs in anderson_inputs.items():
        for name, x in inputs:
            if x is None:
                x = data[name]
            else:
                np.save(OUT / f"{name}_x.npy", x)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", FutureWarning)
                r = stats.anderson(x, dist=dist)
            p = stats.anderson(x, dist=dist, method="interpolate").pvalue
            loc, scale = r.fit_result.params
            extra = []
            if dist == "logistic":
                extra = tight_logistic_anderson(x)
            add(name, "anderson", "two-sided", f"dist={dist}",
                [r.statistic, loc, scale, p] + list(r.critical_values) + list(r.significance_level) + extra)

    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    write_manifest(OUT / "cases.csv", ["name", "function", "alternative", "options"] +
                   [f"v{i}" for i in range(width - 4)], rows)

    print(f"scipy {scipy.__version__}: {len(rows)} cases written to {OUT}")


if __name__ == "__main__":
    main()
