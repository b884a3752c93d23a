"""scipy.stats with nan_policy='omit' on samples holding NaNs, for
tests/stats/nan_policy_test.cpp (the 'raise' and 'propagate' cases need no
reference: ValueError and NaN). Writes NAME_x.npy (and NAME_y.npy for two
samples) and a manifest cases.csv under tests/data/stats/nan_policy/.

Manifest columns: name, function, alternative (unused, empty), options
(unused, empty), then SciPy's result: the statistic, and the p-value for
the tests; describe gives nobs, min, max, mean, variance, skewness,
kurtosis.

Run: .venv/bin/python tests/reference/stats_nan_policy.py
"""

from pathlib import Path

import numpy as np
import scipy
from scipy import stats

from fixture_io import fresh_dir, write_manifest

OUT = Path(__file__).resolve().parents[1] / "data" / "stats" / "nan_policy"


def main():
    fresh_dir(OUT)
    rng = np.random.default_rng(20261209)
    x = np.abs(rng.standard_normal(30)) + 0.1
    y = 0.5 * x + rng.standard_normal(30)
    x[[3, 11, 20]] = np.nan
    y[[5, 11, 27]] = np.nan  # pair 11 has NaN on both sides
    np.save(OUT / "s_x.npy", x)
    np.save(OUT / "s_y.npy", y)
    om = {"nan_policy": "omit"}
    rows = []

    def add(function, values):
        rows.append(["s", function, "", ""] + [repr(float(v)) for v in np.ravel(values)])

    d = stats.describe(x, **om)
    add("describe", [d.nobs, d.minmax[0], d.minmax[1], d.mean, d.variance, d.skewness, d.kurtosis])
    add("skew", [stats.skew(x, **om)])
    add("kurtosis", [stats.kurtosis(x, **om)])
    add("moment3", [stats.moment(x, 3, **om)])
    add("sem", [stats.sem(x, **om)])
    add("variation", [stats.variation(x, **om)])
    add("gmean", [stats.gmean(x, **om)])
    add("hmean", [stats.hmean(x, **om)])
    add("pmean", [stats.pmean(x, 1.5, **om)])
    add("iqr", [stats.iqr(x, **om)])
    add("median_abs_deviation", [stats.median_abs_deviation(x, **om)])
    r = stats.ttest_1samp(x, 0.5, **om)
    add("ttest_1samp", [r.statistic, r.pvalue])
    r = stats.ttest_ind(x, y, **om)
    add("ttest_ind", [r.statistic, r.pvalue])
    r = stats.ttest_rel(x, y, **om)
    add("ttest_rel", [r.statistic, r.pvalue])
    r = stats.mannwhitneyu(x, y, **om)
    add("mannwhitneyu", [r.statistic, r.pvalue])
    r = stats.kruskal(x, y, **om)
    add("kruskal", [r.statistic, r.pvalue])
    r = stats.spearmanr(x, y, **om)
    add("spearmanr", [r.statistic, r.pvalue])
    r = stats.kendalltau(x, y, **om)
    add("kendalltau", [r.statistic, r.pvalue])
    write_manifest(OUT / "cases.csv", ["name", "function", "alternative", "options"], rows)
    print(f"scipy {scipy.__version__}: {len(rows)} cases written to {OUT}")


if __name__ == "__main__":
    main()
