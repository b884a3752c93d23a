"""SciPy's hypothesis tests and correlation on random samples: small and
large n, samples with ties, every alternative and the methods SciPy chooses
between. Writes each case's inputs (NAME_x.npy, NAME_y.npy, or NAME_g0.npy ...
for f_oneway's groups) and a manifest cases.csv under
tests/data/stats/hypothesis_tests/ with SciPy's result fields, for
tests/stats/hypothesis_tests_test.cpp; and kolmogorov_laws.csv, the
Kolmogorov-Smirnov distributions (see write_kolmogorov_laws).

Manifest columns: name (the inputs' prefix, shared by a case's
alternatives), function, alternative, options (key=value pairs
joined by ';'), then the result's fields in SciPy's order (v0 = statistic,
v1 = pvalue, v2 ... the extra fields: df for the t tests; for linregress
slope, intercept, rvalue, pvalue, stderr, intercept_stderr).

Run: .venv/bin/python tests/reference/stats_tests.py
"""

from pathlib import Path

import numpy as np
import scipy
from scipy import optimize, stats

from fixture_io import fresh_dir, write_manifest

OUT = Path(__file__).resolve().parents[1] / "data" / "stats" / "hypothesis_tests"
ALTERNATIVES = ["two-sided", "less", "greater"]


def main():
    fresh_dir(OUT)
    rng = np.random.default_rng(20261206)
    rows = []

    def add(name, function, alternative, options, values, **arrays):
        for key, array in arrays.items():
            np.save(OUT / f"{name}_{key}.npy", np.asarray(array, dtype=np.float64))
        rows.append([name, function, alternative, options] + [repr(float(v)) for v in values])

    def options_text(**options):
        return ";".join(f"{k}={v}" for k, v in options.items())

    # t tests: small and large n, a mean far from the null (tiny p-values).
    for k, (n, shift) in enumerate([(5, 0.3), (40, 0.2), (1000, 0.05), (300, 1.5)]):
        a = rng.normal(1.0 + shift, 2.0, n)
        for alt in ALTERNATIVES:
            r = stats.ttest_1samp(a, 1.0, alternative=alt)
            add(f"t1_{k}", "ttest_1samp", alt, options_text(popmean=1.0), [r.statistic, r.pvalue, r.df], x=a)
    for k, (na, nb, shift, scale) in enumerate([(5, 7, 0.5, 1.0), (40, 60, 0.3, 2.0), (1000, 800, 0.1, 0.5),
                                                (200, 150, 1.2, 3.0)]):
        a = rng.normal(0.0, 1.0, na)
        b = rng.normal(shift, scale, nb)
        for equal_var in (True, False):
            for alt in ALTERNATIVES:
                r = stats.ttest_ind(a, b, equal_var=equal_var, alternative=alt)
                add(f"tind_{k}_{int(equal_var)}", "ttest_ind", alt, options_text(equal_var=int(equal_var)),
                    [r.statistic, r.pvalue, r.df], x=a, y=b)
    for k, (n, shift) in enumerate([(6, 0.4), (80, 0.1), (500, 0.3)]):
        a = rng.normal(0.0, 1.0, n)
        b = a + rng.normal(shift, 0.5, n)
        for alt in ALTERNATIVES:
            r = stats.ttest_rel(a, b, alternative=alt)
            add(f"trel_{k}", "ttest_rel", alt, "", [r.statistic, r.pvalue, r.df], x=a, y=b)

    # One-way ANOVA: few and many groups, unequal sizes, a strong effect.
    for k, (sizes, effect) in enumerate([([4, 5, 6], 0.5), ([30, 25, 40, 35, 20], 0.3), ([500, 700], 0.2),
                                         ([10, 12, 8, 15], 3.0)]):
        groups = [rng.normal(effect * g, 1.0, s) for g, s in enumerate(sizes)]
        r = stats.f_oneway(*groups)
        add(f"anova_{k}", "f_oneway", "two-sided", options_text(groups=len(groups)), [r.statistic, r.pvalue],
            **{f"g{g}": x for g, x in enumerate(groups)})

    # Correlation: small and large n, strong correlation (tiny p-values),
    # integer data (ties) for the rank methods.
    def correlated(n, rho, integer=False):
        x = rng.standard_normal(n)
        y = rho * x + np.sqrt(1 - rho * rho) * rng.standard_normal(n)
        if integer:
            x, y = np.round(3 * x), np.round(3 * y)
        return x, y

    for k, (n, rho) in enumerate([(3, 0.5), (10, 0.4), (100, 0.1), (2000, 0.3), (50, 0.95)]):
        x, y = correlated(n, rho)
        for alt in ALTERNATIVES:
            r = stats.pearsonr(x, y, alternative=alt)
            add(f"pearson_{k}", "pearsonr", alt, "", [r.statistic, r.pvalue], x=x, y=y)
    for k, (n, rho, integer) in enumerate([(10, 0.4, False), (100, 0.2, True), (1000, 0.6, True), (40, 0.9, False)]):
        x, y = correlated(n, rho, integer)
        for alt in ALTERNATIVES:
            r = stats.spearmanr(x, y, alternative=alt)
            add(f"spearman_{k}", "spearmanr", alt, "", [r.statistic, r.pvalue], x=x, y=y)
    kendall = [(8, 0.5, False, "auto"), (25, 0.3, False, "auto"), (33, 0.8, False, "auto"), (60, 0.3, False, "auto"),
               (20, 0.4, True, "auto"), (300, 0.2, True, "auto"), (15, 0.5, False, "asymptotic"),
               (50, 0.5, False, "exact")]
    for k, (n, rho, integer, method) in enumerate(kendall):
        x, y = correlated(n, rho, integer)
        for alt in ALTERNATIVES:
            r = stats.kendalltau(x, y, method=method, alternative=alt)
            add(f"kendall_{k}", "kendalltau", alt, options_text(method=method), [r.statistic, r.pvalue],
                x=x, y=y)
    # Kendall's exact rule for large n with at most one discordant pair.
    x = np.arange(40.0)
    y = x.copy()
    y[[10, 11]] = y[[11, 10]]
    for alt in ALTERNATIVES:
        r = stats.kendalltau(x, y, alternative=alt)
        add(f"kendall_onedis", "kendalltau", alt, options_text(method="auto"), [r.statistic, r.pvalue], x=x, y=y)
    for k, (n, rho) in enumerate([(3, 0.7), (20, 0.5), (500, 0.1), (60, 0.99)]):
        x, y = correlated(n, rho)
        x, y = 2 * x + 10, 0.5 * y - 3
        for alt in ALTERNATIVES:
            r = stats.linregress(x, y, alternative=alt)
            add(f"linreg_{k}", "linregress", alt, "",
                [r.slope, r.intercept, r.rvalue, r.pvalue, r.stderr, r.intercept_stderr], x=x, y=y)

    # Chi-squared goodness of fit: equal and given expected frequencies, ddof.
    for k, (cells, n, ddof, given) in enumerate([(4, 40, 0, False), (10, 1000, 0, True), (6, 300, 2, True),
                                                 (25, 100000, 1, False)]):
        p = rng.dirichlet(np.full(cells, 20.0))
        f_obs = rng.multinomial(n, p).astype(float)
        if given:
            f_exp = n * rng.dirichlet(np.full(cells, 20.0))
            r = stats.chisquare(f_obs, f_exp, ddof=ddof)
            add(f"chisq_{k}", "chisquare", "greater", options_text(ddof=ddof, f_exp=1), [r.statistic, r.pvalue],
                x=f_obs, y=f_exp)
        else:
            r = stats.chisquare(f_obs, ddof=ddof)
            add(f"chisq_{k}", "chisquare", "greater", options_text(ddof=ddof, f_exp=0), [r.statistic, r.pvalue],
                x=f_obs)

    # Mann-Whitney U: the exact method (SciPy's choice for a sample of at most
    # 8 without ties, and forced), the asymptotic one with ties and without
    # the continuity correction.
    mwu = [(5, 7, 0.5, False, "auto", True), (3, 25, 1.0, False, "auto", True), (8, 60, 0.3, False, "auto", True),
           (12, 15, 0.8, False, "exact", True), (30, 40, 0.5, True, "auto", True),
           (500, 400, 0.2, True, "auto", False), (20, 25, 0.4, False, "asymptotic", False),
           (200, 300, 1.5, False, "auto", True)]
    for k, (nx, ny, shift, integer, method, continuity) in enumerate(mwu):
        x = rng.normal(shift, 1.0, nx)
        y = rng.normal(0.0, 1.0, ny)
        if integer:
            x, y = np.round(2 * x), np.round(2 * y)
        for alt in ALTERNATIVES:
            r = stats.mannwhitneyu(x, y, use_continuity=continuity, alternative=alt, method=method)
            add(f"mwu_{k}", "mannwhitneyu", alt, options_text(method=method, use_continuity=int(continuity)),
                [r.statistic, r.pvalue], x=x, y=y)

    # Two-sample Kolmogorov-Smirnov: the exact method (equal and unequal
    # sizes, ties), the asymptotic formulas (forced, and SciPy's choice past
    # 10000 values).
    ks = [(5, 7, 0.5, False, "auto"), (30, 30, 0.4, False, "auto"), (40, 25, 0.8, True, "auto"),
          (300, 200, 0.2, False, "auto"), (1000, 1000, 0.1, True, "auto"), (60, 45, 0.5, False, "asymp"),
          (12000, 300, 0.1, False, "auto")]
    for k, (n1, n2, shift, integer, method) in enumerate(ks):
        x = rng.normal(shift, 1.0, n1)
        y = rng.normal(0.0, 1.0, n2)
        if integer:
            x, y = np.round(2 * x), np.round(2 * y)
        for alt in ALTERNATIVES:
            r = stats.ks_2samp(x, y, alternative=alt, method=method)
            add(f"ks2_{k}", "ks_2samp", alt, options_text(method=method),
                [r.statistic, r.pvalue, r.statistic_location, r.statistic_sign], x=x, y=y)

    # Wilcoxon signed-rank: exact (n <= 50 without ties or zeros), the sign-
    # flip permutation (n <= 13 with ties or zeros), asymptotic (ties, zeros,
    # n > 50), the zero methods and the continuity correction.
    wil = [(10, 0.5, False, False, "wilcox", False, "auto"), (30, 0.3, False, False, "wilcox", False, "auto"),
           (50, 0.2, False, False, "wilcox", False, "auto"), (12, 0.4, True, True, "wilcox", False, "auto"),
           (9, 0.4, True, True, "zsplit", False, "auto"), (13, 0.4, True, True, "pratt", False, "auto"),
           (40, 0.3, True, True, "wilcox", False, "auto"), (40, 0.3, True, True, "pratt", True, "auto"),
           (40, 0.3, True, True, "zsplit", True, "auto"), (200, 0.1, False, False, "wilcox", True, "auto"),
           (500, 0.2, True, True, "wilcox", False, "auto"), (20, 0.5, False, False, "wilcox", True, "asymptotic"),
           (15, 1.5, False, False, "wilcox", False, "auto")]
    for k, (n, shift, integer, paired, zero_method, correction, method) in enumerate(wil):
        x = rng.normal(shift, 1.0, n)
        y = rng.normal(0.0, 1.0, n) if paired else np.zeros(n)
        if integer:
            x, y = np.round(2 * x), np.round(2 * y)
        for alt in ALTERNATIVES:
            r = stats.wilcoxon(x - y, zero_method=zero_method, correction=correction, alternative=alt,
                               method=method)
            add(f"wil_{k}", "wilcoxon", alt,
                options_text(zero_method=zero_method, correction=int(correction), method=method),
                [r.statistic, r.pvalue], x=x - y)

    # Kruskal-Wallis, Levene (three centres), Bartlett: few and many groups,
    # ties, a strong effect.
    for k, (sizes, effect, scale, integer) in enumerate([([4, 5, 6], 0.5, 0.5, False), ([30, 25, 40, 35], 0.3, 0.3, True),
                                                         ([500, 700], 0.2, 0.1, False), ([10, 12, 8], 3.0, 1.0, False),
                                                         ([20, 20, 20, 20, 20], 0.0, 0.0, True)]):
        groups = [rng.normal(effect * g, 1.0 + scale * g, s) for g, s in enumerate(sizes)]
        if integer:
            groups = [np.round(2 * g) for g in groups]
        arrays = {f"g{g}": x for g, x in enumerate(groups)}
        r = stats.kruskal(*groups)
        add(f"kw_{k}", "kruskal", "greater", options_text(groups=len(groups)), [r.statistic, r.pvalue], **arrays)
        for center in ("median", "mean", "trimmed"):
            r = stats.levene(*groups, center=center, proportiontocut=0.1)
            add(f"kw_{k}", "levene", "greater", options_text(groups=len(groups), center=center),
                [r.statistic, r.pvalue])
        r = stats.bartlett(*groups)
        add(f"kw_{k}", "bartlett", "greater", options_text(groups=len(groups)), [r.statistic, r.pvalue])

    # Friedman: blocks with and without ties.
    for k, (k_treat, n, effect, integer) in enumerate([(3, 10, 0.5, False), (4, 30, 0.3, True), (5, 200, 0.1, True),
                                                     (3, 6, 2.0, False)]):
        groups = [rng.normal(effect * j, 1.0, n) for j in range(k_treat)]
        if integer:
            groups = [np.round(g) for g in groups]
        r = stats.friedmanchisquare(*groups)
        add(f"fried_{k}", "friedmanchisquare", "greater", options_text(groups=k_treat), [r.statistic, r.pvalue],
            **{f"g{g}": x for g, x in enumerate(groups)})

    # Jarque-Bera: normal, skewed and heavy-tailed samples.
    for k, x in enumerate([rng.normal(size=8), rng.normal(size=200), rng.exponential(size=100),
                           rng.standard_t(3, size=2000), rng.exponential(size=5000)]):
        r = stats.jarque_bera(x)
        add(f"jb_{k}", "jarque_bera", "greater", "", [r.statistic, r.pvalue], x=x)

    # False discovery rate: both methods, ties among the p-values.
    for k, ps in enumerate([rng.uniform(size=15) ** 3, np.concatenate([rng.uniform(size=40), [0.01, 0.01, 0.2]]),
                            np.array([0.5, 0.6, 0.1, 0.001])]):
        for method in ("bh", "by"):
            adjusted = stats.false_discovery_control(ps, method=method)
            add(f"fdr_{k}_{method}", "false_discovery_control", "two-sided", options_text(method=method), [],
                x=ps, y=adjusted)

    # More asymptotic two-sided ks_2samp (kstwo at the effective size): a
    # half-even rounding of n1 n2 / (n1 + n2) (= 2.5 for 5 and 5), large
    # samples, a tiny p-value.
    for k, (n1, n2, shift) in enumerate([(5, 5, 0.5), (20000, 15000, 0.02), (3000, 4000, 0.3), (1, 3, 0.0)]):
        x = rng.normal(shift, 1.0, n1)
        y = rng.normal(0.0, 1.0, n2)
        r = stats.ks_2samp(x, y, method="asymp")
        add(f"ks2a_{k}", "ks_2samp", "two-sided", options_text(method="asymp"),
            [r.statistic, r.pvalue, r.statistic_location, r.statistic_sign], x=x, y=y)

    # One-sample Kolmogorov-Smirnov: each alternative and method, against
    # distributions of the stats module; samples that fit and that do not
    # (tiny p-values), ties.
    ks1 = [(20, "norm", (3.0, 2.0), rng.normal(3.0, 2.0, 20)), (200, "norm", (3.0, 2.0), rng.normal(3.0, 2.0, 200)),
           (50, "norm", (2.0, 2.0), rng.normal(3.0, 2.0, 50)), (30, "expon", (0.0, 1.5), rng.exponential(1.5, 30)),
           (300, "norm", (1.5, 1.5), rng.exponential(1.5, 300)), (10, "uniform", (-1.0, 2.0), rng.uniform(-1, 1, 10)),
           (40, "norm", (0.0, 1.5), np.round(rng.normal(0, 1.5, 40))),
           (1000, "logistic", (3.0, 1.2), rng.normal(3.0, 2.0, 1000)),
           (5000, "norm", (3.0, 2.0), rng.normal(3.0, 2.0, 5000)), (300, "t", (3.0,), rng.standard_t(3, 300)),
           (1, "norm", (0.0, 1.0), np.array([0.3])), (8, "norm", (0.0, 1.0), rng.normal(0.0, 1.0, 8))]
    for k, (n, dist, args, x) in enumerate(ks1):
        cdf = getattr(stats, dist)(*args).cdf
        for alt in ALTERNATIVES:
            for method in ("auto", "exact", "asymp", "approx") if alt == "two-sided" else ("auto",):
                r = stats.ks_1samp(x, cdf, alternative=alt, method=method)
                add(f"ks1_{k}", "ks_1samp", alt,
                    options_text(dist=dist, params=" ".join(repr(a) for a in args), method=method),
                    [r.statistic, r.pvalue, r.statistic_location, r.statistic_sign], x=x)
    write_kolmogorov_laws()

    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    write_manifest(OUT / "cases.csv", ["name", "function", "alternative", "options"] +
                   [f"v{i}" for i in range(width - 4)], rows)
    print(f"scipy {scipy.__version__}: {len(rows)} cases written to {OUT}")


def write_kolmogorov_laws():
    """kolmogorov_laws.csv: ksone, kstwo and kstwobign (cdf, sf, pdf, ppf,
    isf) over a grid of (n, x) that visits every region of Simard and
    L'Ecuyer's method choice (n d^2 and n d^1.5 on both sides of each
    threshold, n d near 1/2, 1 and n - 1), far tails included. Columns: law,
    function, n, x, value (n 0 for kstwobign)."""
    laws = []

    def law(name, function, n, x, value):
        laws.append([name, function, str(n), repr(float(x)), repr(float(value))])

    for n in (1, 2, 3, 5, 10, 20, 50, 100, 140, 141, 400, 1000, 5000, 20000, 100000, 100001):
        ds = {0.6 / n, 0.9 / n, 1.0 / n, 1.3 / n, 0.5, 0.6, 0.9, 1 - 0.8 / n, 1 - 1.2 / n}
        ds |= {np.sqrt(v / n) for v in (0.05, 0.3, 0.6, 0.754, 0.76, 1.0, 2.0, 2.19, 2.21, 3.0, 3.99, 4.01, 6.0,
                                        10.0, 17.9, 18.1, 40.0, 100.0, 200.0, 340.0, 360.0, 369.0)}
        if n > 140:
            ds |= {(v / n) ** (2 / 3) for v in (1.3, 1.39, 1.41, 1.6)}  # Durbin / Pelz-Good boundary
        for d in sorted(ds):
            if 0 < d < 1:
                law("kstwo", "cdf", n, d, stats.kstwo.cdf(d, n))
                law("kstwo", "sf", n, d, stats.kstwo.sf(d, n))
    for n in (1, 2, 5, 10, 100, 1000, 10000, 50000, 2000000):
        for d in (0.3 / n, 1.0 / n, 2.5 / n, 0.01, 0.05, 0.1, 0.3, 0.5, 0.9, 1 - 0.5 / n):
            if 0 < d < 1:
                law("ksone", "sf", n, d, stats.ksone.sf(d, n))
                law("ksone", "cdf", n, d, stats.ksone.cdf(d, n))
    # kstwo's quantiles: SciPy's kstwo.ppf / isf solve cdf(x) = p by brentq
    # with xtol 1e-14, which cannot resolve upper-tail probabilities below
    # ~1e-16 (it returns 1 - 1/n for isf(1e-30)) and, for n > 140, inverts the
    # Pelz-Good cdf where the sf is Miller's (they differ by up to ~1e-5).
    # The references here invert SciPy's own cdf (for a lower-tail
    # probability <= 1/2) or sf (upper tail) with brentq to full precision.
    def inverse(f, target, lo, hi):
        return optimize.brentq(lambda x: f(x) - target, lo, hi, xtol=1e-300, rtol=8.9e-16, maxiter=1000)

    for n in (1, 3, 10, 50, 140, 200, 2000):
        cdf, sf = (lambda x, n=n: stats.kstwo.cdf(x, n)), (lambda x, n=n: stats.kstwo.sf(x, n))
        for q in (1e-300, 1e-30, 1e-6, 0.01, 0.2, 0.5, 0.8, 0.99, 1 - 1e-9):
            law("kstwo", "ppf", n, q, inverse(cdf, q, 0.5 / n, 1) if q <= 0.5 else inverse(sf, 1 - q, 0.5 / n, 1))
            law("kstwo", "isf", n, q, inverse(sf, q, 0.5 / n, 1) if q <= 0.5 else inverse(cdf, 1 - q, 0.5 / n, 1))
    for n in (1, 5, 100):
        for q in (1e-6, 0.05, 0.5, 0.95):
            law("ksone", "ppf", n, q, stats.ksone.ppf(q, n))
            law("ksone", "isf", n, q, stats.ksone.isf(q, n))
    for x in (0.035, 0.045, 0.08, 0.2, 0.5, 0.8, 0.82, 0.83, 1.0, 1.36, 2.0, 3.0, 5.0, 10.0, 18.0, 18.6, 26.0):
        for function in ("cdf", "sf", "pdf"):
            law("kstwobign", function, 0, x, getattr(stats.kstwobign, function)(x))
    for q in (1e-300, 1e-100, 1e-10, 0.01, 0.3, 0.5, 0.7, 0.99, 1 - 1e-10):
        law("kstwobign", "ppf", 0, q, stats.kstwobign.ppf(q))
        law("kstwobign", "isf", 0, q, stats.kstwobign.isf(q))
    write_manifest(OUT / "kolmogorov_laws.csv", ["law", "function", "n", "x", "value"], laws)


if __name__ == "__main__":
    main()
