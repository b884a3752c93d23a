"""SciPy's tests on counts: power_divergence (every named lambda_ and numeric
ones), chisquare without the sum check, chi2_contingency (with and without
Yates' correction, several lambda_), fisher_exact on 2 x 2 tables and
binomtest with its proportion_ci, on small and large counts, tables with
zeros and many random tables, for every alternative. Writes each case's
inputs (NAME_obs.npy, NAME_exp.npy, NAME_table.npy, NAME_expected.npy) and a
manifest cases.csv under tests/data/stats/contingency/, for
tests/stats/contingency_tests_test.cpp.

Manifest columns: name, function, alternative, options (key=value pairs
joined by ';'), then values v0, v1, ...:
- power_divergence, chisquare: statistic, pvalue, then the exact statistic
  (Python's decimal at 50 digits on the same double inputs) and SciPy's
  chi2 upper tail at it (special.chdtrc). SciPy forms (o / e)^lambda - 1 and
  log(o / e) from the rounded ratio o / e, which costs about eps * sum(o)
  absolutely, so with large counts its statistic is off in the 11th digit;
  the exact value is what the C++ side is held to.
- chi2_contingency: statistic, pvalue, dof, exact statistic, chdtrc at it;
  SciPy's expected_freq in NAME_expected.npy.
- fisher_exact: statistic (the sample odds ratio), pvalue.
- binomtest: statistic (k / n), pvalue.
- proportion_ci: low, high as SciPy returns them, then for method=exact the
  Clopper-Pearson ends from scipy.stats.beta's ppf / isf (SciPy finds them
  by brentq with xtol 2e-12; the beta quantiles are the same ends without
  that tolerance).

The script also checks that SciPy raises ValueError on the bad inputs that
the C++ tests expect to throw.

Run: .venv/bin/python tests/reference/stats_contingency.py
"""

import decimal
import warnings
from decimal import Decimal
from pathlib import Path

import numpy as np
from scipy import special, stats
from scipy.stats import contingency

from fixture_io import fresh_dir, write_manifest

OUT = Path(__file__).resolve().parents[1] / "data" / "stats" / "contingency"
ALTERNATIVES = ["two-sided", "less", "greater"]
LAMBDAS = {"pearson": 1.0, "log-likelihood": 0.0, "freeman-tukey": -0.5, "mod-log-likelihood": -1.0,
           "neyman": -2.0, "cressie-read": 2 / 3}

decimal.getcontext().prec = 50


def exact_statistic(f_obs, f_exp, lambda_):
    """The power divergence statistic of the double inputs, to 50 digits."""
    lam = Decimal(float(lambda_))
    total = Decimal(0)
    for o, e in zip(np.ravel(f_obs), np.ravel(f_exp)):
        o, e = Decimal(float(o)), Decimal(float(e))
        if lam == 1:
            total += (o - e) ** 2 / e
        elif lam == 0:
            total += 0 if o == 0 else 2 * o * (o / e).ln()
        elif lam == -1:
            total += 0 if e == 0 else 2 * e * (e / o).ln()
        elif o != 0:  # o = 0 contributes 0 for lambda > 0 (the cases below with zeros)
            total += o * ((o / e) ** lam - 1) / (lam * (lam + 1) / 2)
    return float(total)


def options_text(**options):
    return ";".join(f"{k}={v}" for k, v in options.items())


def expect_value_error(call):
    try:
        call()
    except ValueError:
        return
    raise AssertionError("SciPy did not raise ValueError")


def main():
    fresh_dir(OUT)
    rng = np.random.default_rng(20261207)
    rows = []

    def add(name, function, alternative, options, values, **arrays):
        for key, array in arrays.items():
            np.save(OUT / f"{name}_{key}.npy", np.asarray(array, dtype=np.float64))
        rows.append([name, function, alternative, options] + [repr(float(v)) for v in values])

    def add_divergence(name, function, f_obs, f_exp, ddof, lambda_, **extra):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            if function == "chisquare":
                r = stats.chisquare(f_obs, f_exp, ddof=ddof, sum_check=False)
            else:
                r = stats.power_divergence(f_obs, f_exp, ddof=ddof, lambda_=lambda_)
        expected = f_exp if f_exp is not None else np.full(len(f_obs), np.mean(f_obs))
        df = len(f_obs) - 1 - ddof
        if np.isfinite(r.statistic):
            exact = exact_statistic(f_obs, expected, lambda_)
            p_exact = special.chdtrc(df, exact)
        else:
            exact, p_exact = r.statistic, r.pvalue
        arrays = {"obs": f_obs} if f_exp is None else {"obs": f_obs, "exp": f_exp}
        add(name, function, "greater",
            options_text(**{"lambda": repr(float(lambda_))}, ddof=ddof, f_exp=int(f_exp is not None), **extra),
            [r.statistic, r.pvalue, exact, p_exact], **arrays)

    # power_divergence: every named lambda_ and numeric ones, on small and
    # large counts (n up to 1e7), with and without f_exp, several ddof.
    count = 0
    for lambda_ in list(LAMBDAS.values()) + [0.3, -1.7, 2.0, 3.5]:
        # given: f_exp None, "other" (expected frequencies of another law:
        # large statistics) or "true" (those of the law sampled: statistics
        # near k - 1, the first-order parts of the terms cancelling).
        for n, cells, given, ddof in [(20, 3, None, 0), (60, 5, "other", 0), (500, 8, "true", 1),
                                      (5000, 4, None, 2), (10 ** 6, 6, "other", 0), (10 ** 6, 6, "true", 0),
                                      (10 ** 7, 10, None, 0), (10 ** 7, 5, "true", 1), (300, 12, "other", 3)]:
            p = rng.dirichlet(np.full(cells, 5.0))
            f_obs = rng.multinomial(n, p).astype(float)
            while lambda_ <= -0.5 and np.any(f_obs == 0):  # zeros give inf / NaN there; tested separately
                f_obs = rng.multinomial(n, p).astype(float)
            f_exp = {None: None, "other": n * rng.dirichlet(np.full(cells, 20.0)), "true": n * p}[given]
            add_divergence(f"pd_{count}", "power_divergence", f_obs, f_exp, ddof, lambda_)
            count += 1
    # Zeros in f_obs (0 for lambda_ >= 0, inf / NaN below), zeros in f_exp
    # (inf), NaN (propagates), k - 1 - ddof = 0 (chi2 with 0 df: p 0 for a
    # positive statistic, NaN at 0) and < 0 (NaN), an empty f_obs.
    zeros = np.array([0.0, 3.0, 5.0, 0.0, 12.0])
    for lambda_ in LAMBDAS.values():
        add_divergence(f"pd_{count}", "power_divergence", zeros, None, 0, lambda_)
        count += 1
    for lambda_ in (1.0, 0.0, -1.0, 0.5):
        add_divergence(f"pd_{count}", "power_divergence", np.array([1.0, 3.0, 4.0]), np.array([4.0, 4.0, 0.0]), 0,
                       lambda_)
        count += 1
    for f_obs, f_exp, ddof in [(np.array([1.0, np.nan, 4.0]), None, 0), (np.array([1.0, 3.0, 4.0]), None, 2),
                               (np.array([1.0, 3.0, 4.0]), None, 5), (np.array([3.0]), None, 0),
                               (np.array([]), None, 0), (np.array([5.0, 5.0, 5.0]), None, 2)]:
        add_divergence(f"pd_{count}", "power_divergence", f_obs, f_exp, ddof, 1.0)
        count += 1
    # chisquare's sum_check=False: sums that differ.
    for k, (f_obs, f_exp) in enumerate([(np.array([16.0, 18, 16, 14, 12, 12]), np.array([16.0, 16, 16, 16, 16, 8])),
                                        (np.array([10.0, 20, 30]), np.array([12.0, 22, 31]))]):
        add_divergence(f"chisq_{k}", "chisquare", f_obs, f_exp, 0, 1.0, sum_check=0)

    # chi2_contingency: 2 x 2 with and without Yates' correction (|diff| < 0.5
    # included), larger tables, one row / column (dof 0), zeros inside,
    # large counts, several lambda_, many random tables.
    tables = [np.array([[12.0, 5], [7, 9]]), np.array([[10.0, 20], [10.2, 20]]), np.array([[1.5, 2.5], [3.25, 4]]),
              np.array([[0.0, 5], [3, 7]]), np.array([[250000.0, 240000], [260000, 255500]]),
              np.array([[3.0, 8, 1], [9, 2, 4]]), np.array([[1.0, 2, 3, 4]]), np.array([[5.0], [6], [7]]),
              np.array([[0.0, 4, 9], [3, 0, 2], [8, 1, 0]]), np.array([[10.0, 10, 20], [20, 20, 20]])]
    for _ in range(28):
        r, c = rng.integers(2, 6, size=2)
        scale = [5, 50, 1000, 100000][rng.integers(4)]
        p = np.outer(rng.dirichlet(np.full(r, 4.0)), rng.dirichlet(np.full(c, 4.0)))
        p = 0.7 * p + 0.3 * rng.dirichlet(np.full(r * c, 3.0)).reshape(r, c)  # some dependence
        table = rng.multinomial(scale * r * c, p.ravel()).reshape(r, c).astype(float)
        if np.all(table.sum(axis=0) > 0) and np.all(table.sum(axis=1) > 0):
            tables.append(table)
    for k, table in enumerate(tables):
        settings = [(True, 1.0), (False, 1.0), (True, 0.0), (False, 2 / 3)]
        if np.all(table > 0):
            settings += [(True, -0.5), (False, -1.0)]
        for correction, lambda_ in settings:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", RuntimeWarning)
                res = stats.chi2_contingency(table, correction=correction, lambda_=lambda_)
            observed = table.copy()
            if res.dof == 1 and correction:
                diff = res.expected_freq - table
                observed = table + np.minimum(0.5, np.abs(diff)) * np.sign(diff)
            exact = 0.0 if res.dof == 0 else exact_statistic(observed, res.expected_freq, lambda_)
            p_exact = 1.0 if res.dof == 0 else special.chdtrc(res.dof, exact)
            add(f"ct_{k}_{int(correction)}_{settings.index((correction, lambda_))}", "chi2_contingency", "greater",
                options_text(correction=int(correction), **{"lambda": repr(float(lambda_))}),
                [res.statistic, res.pvalue, res.dof, exact, p_exact], table=table, expected=res.expected_freq)
    # NaN in a table: every expected frequency NaN, NaN results.
    nan_table = np.array([[1.0, 2], [np.nan, 4]])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        res = stats.chi2_contingency(nan_table)
    add("ct_nan", "chi2_contingency", "greater", options_text(correction=1, **{"lambda": "1.0"}),
        [res.statistic, res.pvalue, res.dof, res.statistic, res.pvalue], table=nan_table,
        expected=res.expected_freq)

    # fisher_exact: tables with zeros and zero margins, symmetric ones (the
    # two-sided p-value 1 by the mode test), small, medium and large counts.
    fisher_tables = [[[0, 0], [1, 2]], [[3, 0], [4, 0]], [[0, 5], [3, 0]], [[5, 0], [0, 3]], [[2, 0], [3, 4]],
                     [[3, 4], [0, 2]], [[1, 2], [3, 4]], [[5, 5], [5, 5]], [[3, 7], [7, 3]], [[8, 2], [1, 5]],
                     [[1, 9], [11, 3]], [[0, 10], [10, 0]], [[100, 2], [1, 100]], [[1, 0], [0, 1]],
                     [[7, 12], [0, 0]], [[2, 7], [8, 2]], [[40, 60], [60, 40]], [[5000, 4900], [4950, 5100]]]
    for _ in range(40):
        scale = [6, 30, 200, 3000][rng.integers(4)]
        fisher_tables.append(rng.integers(0, scale, size=(2, 2)).tolist())
    for k, table in enumerate(fisher_tables):
        for alt in ALTERNATIVES:
            res = stats.fisher_exact(table, alternative=alt)
            add(f"fisher_{k}", "fisher_exact", alt, "", [res.statistic, res.pvalue], table=np.array(table))

    # binomtest: small and large n, k = 0 and n, p = 0, 1 and 0.5 (equal
    # probabilities on both sides), k = p n, far tails (tiny p-values).
    binom_cases = [(3, 10, 0.5), (0, 1, 0.5), (1, 1, 0.3), (0, 5, 0.2), (5, 5, 0.2), (2, 4, 0.5), (7, 20, 0.35),
                   (0, 10, 0.0), (3, 10, 0.0), (10, 10, 1.0), (4, 10, 1.0), (682, 1000, 0.7), (5150, 10000, 0.5),
                   (30, 10000, 0.01), (120, 10000, 0.01), (400, 1000, 0.6), (50, 100, 0.1),
                   (1, 100, 0.5), (999990, 1000000, 0.99999), (3, 7, 3 / 7), (14, 40, 0.35),
                   # Outcomes as likely as k on the other side (p = (j + 1) / (n + 1) makes j and j + 1
                   # equally likely; p = 1/2 mirrors k), which only the 1e-7 slack counts despite rounding.
                   (0, 3, 0.25), (1, 3, 0.25), (1, 5, 1 / 3), (2, 5, 1 / 3), (2, 9, 0.3), (3, 9, 0.3),
                   (6, 19, 0.35), (7, 19, 0.35), (1, 9, 0.5), (30, 100, 0.5), (70, 100, 0.5), (13, 29, 0.5),
                   (2, 13, 0.5), (11, 13, 0.5)]
    for _ in range(25):
        n = int([5, 40, 500, 20000][rng.integers(4)])
        p = float(rng.uniform(0.02, 0.98))
        k = int(np.clip(rng.binomial(n, np.clip(p + rng.normal(0, 0.05), 0, 1)), 0, n))
        binom_cases.append((k, n, p))
    for j, (k, n, p) in enumerate(binom_cases):
        for alt in ALTERNATIVES:
            res = stats.binomtest(k, n, p, alternative=alt)
            add(f"binom_{j}", "binomtest", alt, options_text(k=k, n=n, p=repr(p)), [res.statistic, res.pvalue])
            for method in ("exact", "wilson", "wilsoncc"):
                for level in (0.95, 0.5, 0.999):
                    ci = res.proportion_ci(confidence_level=level, method=method)
                    values = [ci.low, ci.high]
                    if method == "exact":
                        alpha = (1 - level) / 2 if alt == "two-sided" else 1 - level
                        low = 0.0 if k == 0 or alt == "less" else stats.beta.ppf(alpha, k, n - k + 1)
                        high = 1.0 if k == n or alt == "greater" else stats.beta.isf(alpha, k + 1, n - k)
                        values += [low, high]
                    add(f"binom_{j}", "proportion_ci", alt,
                        options_text(k=k, n=n, p=repr(p), method=method, level=level), values)

    # The bad inputs the C++ side rejects with ValueError, rejected by SciPy too.
    expect_value_error(lambda: stats.power_divergence([1.0, 3.0, 4.0], lambda_="foo"))
    expect_value_error(lambda: stats.power_divergence([1.0, 3.0, 4.0], [1.0, 3.0, 4.001]))
    expect_value_error(lambda: stats.power_divergence([1.0, 3.0, 4.0], [1.0, 3.0]))
    expect_value_error(lambda: stats.chi2_contingency([[1, 2], [-3, 4]]))
    expect_value_error(lambda: stats.chi2_contingency(np.zeros((0, 3))))
    expect_value_error(lambda: stats.chi2_contingency([[1, 0], [2, 0]]))
    expect_value_error(lambda: stats.chi2_contingency([[1, 2], [np.inf, 4]]))
    expect_value_error(lambda: stats.fisher_exact([[1, 2], [-3, 4]]))
    expect_value_error(lambda: stats.fisher_exact([[1, 2, 3], [3, 4, 5]], alternative="less"))
    expect_value_error(lambda: stats.binomtest(-1, 5))
    expect_value_error(lambda: stats.binomtest(3, 0))
    expect_value_error(lambda: stats.binomtest(6, 5))
    expect_value_error(lambda: stats.binomtest(2, 5, 1.5))
    expect_value_error(lambda: stats.binomtest(2, 5, np.nan))
    expect_value_error(lambda: stats.binomtest(2, 5).proportion_ci(1.5))
    expect_value_error(lambda: stats.binomtest(2, 5).proportion_ci(method="foo"))
    assert contingency.expected_freq(np.zeros((0, 3))).size == 0

    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    write_manifest(OUT / "cases.csv", ["name", "function", "alternative", "options"] +
                   [f"v{i}" for i in range(width - 4)], rows)
    print(f"{len(rows)} cases written to {OUT}")


if __name__ == "__main__":
    main()
