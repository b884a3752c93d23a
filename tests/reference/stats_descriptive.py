"""NumPy's and SciPy's descriptive statistics on a few samples: normal,
lognormal (positive), integers with ties, tiny ones. Writes each sample as
tests/data/stats/descriptive/<name>.npy and values.csv (sample, function,
parameter, value) for tests/stats/descriptive_test.cpp.

Run: .venv/bin/python tests/reference/stats_descriptive.py
"""

import csv
from pathlib import Path

import numpy as np
import scipy
import scipy.stats as st

OUT = Path(__file__).resolve().parents[1] / "data" / "stats" / "descriptive"

METHODS = ["inverted_cdf", "averaged_inverted_cdf", "closest_observation", "interpolated_inverted_cdf", "hazen",
           "weibull", "linear", "median_unbiased", "normal_unbiased", "lower", "higher", "midpoint", "nearest"]
QS = [0.0, 0.1, 0.25, 0.3, 0.5, 0.77, 0.9, 1.0]


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(20261206)
    samples = {
        "normal7": rng.standard_normal(7),
        "normal40": 3 + 2 * rng.standard_normal(40),
        "lognormal15": rng.lognormal(0.5, 1.0, 15),
        "ties20": rng.integers(0, 6, 20).astype(float),
        "two": np.array([4.0, -1.0]),
        "one": np.array([2.5]),
    }
    rows = []
    for name, a in samples.items():
        np.save(OUT / f"{name}.npy", a)
        values = [("mean", "", np.mean(a)), ("var", "0", np.var(a)), ("var", "1", np.var(a, ddof=1) if a.size > 1 else np.nan),
                  ("median", "", np.median(a)), ("moment", "2", st.moment(a, 2)), ("moment", "3", st.moment(a, 3)),
                  ("moment", "4", st.moment(a, 4)), ("skew", "biased", st.skew(a)),
                  ("skew", "unbiased", st.skew(a, bias=False)), ("kurtosis", "fisher", st.kurtosis(a)),
                  ("kurtosis", "pearson", st.kurtosis(a, fisher=False)),
                  ("kurtosis", "unbiased", st.kurtosis(a, bias=False)), ("sem", "1", st.sem(a) if a.size > 1 else np.nan),
                  ("variation", "0", st.variation(a)), ("iqr", "linear", st.iqr(a)),
                  ("iqr", "normal", st.iqr(a, scale="normal")),
                  ("trim_mean", "0.1", st.trim_mean(a, 0.1)), ("trim_mean", "0.25", st.trim_mean(a, 0.25)),
                  ("mad", "1", st.median_abs_deviation(a)), ("mad", "normal", st.median_abs_deviation(a, scale="normal")),
                  ("mode", "value", st.mode(a).mode), ("mode", "count", st.mode(a).count)]
        if np.all(a > 0):
            values += [("gmean", "", st.gmean(a)), ("hmean", "", st.hmean(a)), ("pmean", "0.5", st.pmean(a, 0.5)),
                       ("pmean", "-2", st.pmean(a, -2)), ("entropy", "", st.entropy(a)),
                       ("entropy", "base2_vs_uniform", st.entropy(a, np.ones_like(a), base=2))]
        # Weighted forms: real weights (mean, ddof-0 variance, the three
        # means) and integer frequency weights (variance with ddof 1).
        w = rng.uniform(0.1, 3.0, a.size)
        f = rng.integers(1, 5, a.size)
        np.save(OUT / f"{name}_weights.npy", w)
        np.save(OUT / f"{name}_fweights.npy", f.astype(float))
        values += [("wmean", "", np.average(a, weights=w)),
                   ("wvar", "0", np.cov(a, aweights=w, ddof=0)),
                   ("wvar", "f1", np.cov(a, fweights=f, ddof=1)),
                   ("wstd", "0", np.sqrt(np.cov(a, aweights=w, ddof=0)))]
        if np.all(a > 0):
            values += [("wgmean", "", st.gmean(a, weights=w)), ("whmean", "", st.hmean(a, weights=w)),
                       ("wpmean", "0.5", st.pmean(a, 0.5, weights=w)), ("wpmean", "-2", st.pmean(a, -2, weights=w))]
        for method in METHODS:
            for q in QS:
                values.append(("quantile", f"{method}:{q!r}", np.quantile(a, q, method=method)))
        for method in ("average", "min", "max", "dense", "ordinal"):
            values.append(("rankdata", method, ";".join(repr(float(r)) for r in st.rankdata(a, method=method))))
        for function, parameter, value in values:
            rows.append([name, function, parameter, value if isinstance(value, str) else repr(float(value))])
    with open(OUT / "values.csv", "w", newline="") as out:
        w = csv.writer(out, lineterminator="\n")
        w.writerow(["sample", "function", "parameter", "value"])
        w.writerows(rows)
    print(f"numpy {np.__version__}, scipy {scipy.__version__}: {len(rows)} values written to {OUT}")


if __name__ == "__main__":
    main()
