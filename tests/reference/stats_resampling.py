"""SciPy's robust line fits, resampling methods and binned statistics:
theilslopes (both intercept methods, several alpha, ties, x=None),
siegelslopes (both methods), pointbiserialr, bootstrap (every method,
alternative and several confidence levels, on one, two and paired samples),
permutation_test (every permutation type, exact and randomized) and
binned_statistic / binned_statistic_2d (every named statistic and two
callables, integer and explicit bins, ranges, points on and near the right
edge, NaN). Writes each case's arrays (NAME_KEY.npy, float64) and a manifest
cases.csv under tests/data/stats/resampling/, for
tests/stats/regression_slopes_test.cpp and tests/stats/resampling_test.cpp.

Manifest columns: name, function, options (key=value pairs joined by ';'),
then values v0, v1, ...:
- theilslopes: slope, intercept, low_slope, high_slope; siegelslopes: slope,
  intercept; pointbiserialr: statistic, pvalue. Inputs NAME_y.npy and, unless
  options say x=none, NAME_x.npy.
- bootstrap: low, high, standard_error of SciPy's interval from the bootstrap
  distribution NAME_dist.npy (2000 resamples of SciPy's stream), recomputed
  with n_resamples=0 and bootstrap_result, so that the C++ side can feed it
  the same distribution; samples NAME_s0.npy, NAME_s1.npy.
- bootstrap_mc: low, high, standard_error of a full SciPy run (9999
  resamples, BCa, 95%): the C++ side draws its own resamples and is held to
  Monte Carlo accuracy.
- permutation_test: statistic, pvalue, then for a randomized SciPy run the
  exact p-value (n_resamples=inf); the exact null distribution in
  NAME_null.npy (sorted for 'independent', whose enumeration order follows
  Python's set iteration; in SciPy's order otherwise).
- binned_statistic(_2d): NAME_statistic.npy, NAME_edges.npy (NAME_xedges /
  NAME_yedges), NAME_binnumber.npy; inputs NAME_x.npy, NAME_y.npy,
  NAME_values.npy, NAME_bins.npy (explicit edges).

The script also checks that SciPy raises on the bad inputs that the C++
tests expect to throw.

Run: .venv/bin/python tests/reference/stats_resampling.py
"""

import warnings
from pathlib import Path

import numpy as np
from scipy import stats

from fixture_io import fresh_dir, write_manifest

OUT = Path(__file__).resolve().parents[1] / "data" / "stats" / "resampling"
ALTERNATIVES = ["two-sided", "less", "greater"]


def options_text(**options):
    return ";".join(f"{k}={v}" for k, v in options.items())


def expect_error(call, error=ValueError):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            call()
    except error:
        return
    raise AssertionError("SciPy did not raise")


def quiet(call):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return call()


# The statistics of the bootstrap and permutation cases, written so that the
# C++ side can evaluate them with the same operations (integer data make the
# sums exact; sequential sums where the data are not integers).
def seq_mean(a):
    total = 0.0
    for v in a:
        total += float(v)
    return total / len(a)


BOOTSTRAP_STATISTICS = {
    "mean": lambda s: np.mean(s[0]),
    "std1": lambda s: np.std(s[0], ddof=1),
    "median": lambda s: np.median(s[0]),
    "mean_diff": lambda s: np.mean(s[0]) - np.mean(s[1]),
}

PERMUTATION_STATISTICS = {
    "mean_diff": lambda s: np.mean(s[0]) - np.mean(s[1]),
    "seq_mean_diff": lambda s: seq_mean(s[0]) - seq_mean(s[1]),
    "between_groups": lambda s: sum(len(g) * (np.mean(g) * np.mean(g)) for g in s),
    "mean": lambda s: np.mean(s[0]),
    "paired_mean_diff": lambda s: np.mean(s[0] - s[1]),
    "dot": lambda s: float(np.dot(s[0], s[1])),
    "trend": lambda s: float(np.dot(np.arange(len(s[0]), dtype=float), s[0])),
}


def main():
    fresh_dir(OUT)
    rng = np.random.default_rng(20261208)
    rows = []

    def add(name, function, options, results, **arrays):
        for key, array in arrays.items():
            np.save(OUT / f"{name}_{key}.npy", np.asarray(array, dtype=np.float64))
        rows.append([name, function, options] + [repr(float(v)) for v in results])

    # ---- theilslopes / siegelslopes / pointbiserialr -----------------------
    line_data = []
    x = np.linspace(-5, 5, 150)
    y = x + rng.normal(size=150)
    y[11:15] += 10
    y[-5:] -= 7
    line_data.append((y, x))  # SciPy's documentation example
    line_data.append((np.array([2.0, 5.0]), np.array([1.0, 3.0])))
    line_data.append((np.array([1.0, 4.0, 2.0]), np.array([0.5, 1.0, 3.0])))
    for n in (5, 10, 25):
        x = rng.uniform(0, 10, n)
        line_data.append((1.5 - 0.7 * x + rng.standard_t(2, n), x))
    x = rng.integers(0, 10, 40).astype(float)  # ties in x
    line_data.append((2 * x + rng.normal(size=40), x))
    x = rng.uniform(0, 5, 30)
    line_data.append((np.round(x + rng.normal(size=30)), x))  # ties in y
    x = rng.integers(0, 6, 60).astype(float)
    line_data.append((np.round(3 - x + rng.normal(0, 2, 60)), x))  # ties in both
    line_data.append((np.array([3.0, 3, 3, 3]), np.array([1.0, 1, 2, 2])))  # negative variance: NaN ends
    line_data.append((np.array([1.0, 2, 3, 5]), np.array([1.0, 1, 1, 2])))  # one x apart from the rest
    line_data.append((rng.normal(size=20), None))  # x = arange
    line_data.append((np.array([1.0, 2, np.nan, 4]), np.array([1.0, 2, 3, 4])))
    line_data.append((np.array([1.0, 2, 3, 4]), np.array([1.0, np.nan, 3, 4])))
    line_data.append((np.array([1.0]), np.array([2.0])))
    line_data.append((np.array([]), np.array([])))
    line_data.append((np.array([1.0, 2, 3]), np.array([4.0, 4, 4])))  # all x equal
    for k, (y, x) in enumerate(line_data):
        arrays = {"y": y} if x is None else {"y": y, "x": x}
        xo = "none" if x is None else "given"
        for alpha in (0.95, 0.9, 0.5, 0.05, 0.999, 0.3, 1.5, -0.2, np.nan):
            for method in ("separate", "joint"):
                r = quiet(lambda: stats.theilslopes(y, x, alpha=alpha, method=method))
                add(f"theil_{k}", "theilslopes", options_text(x=xo, alpha=repr(float(alpha)), method=method),
                    [r.slope, r.intercept, r.low_slope, r.high_slope], **arrays)
        for method in ("hierarchical", "separate"):
            if x is not None and len(x) > 1 and np.all(x == x[0]):
                continue  # SciPy returns uninitialized memory; the C++ test checks NaN itself
            r = quiet(lambda: stats.siegelslopes(y, x, method=method))
            add(f"theil_{k}", "siegelslopes", options_text(x=xo, method=method), [r.slope, r.intercept], **arrays)
    for k, n in enumerate([2, 3, 5, 8, 20, 100, 1000]):
        x = rng.integers(0, 2, n).astype(float)
        x[0], x[-1] = 0.0, 1.0
        y = 0.8 * x + rng.normal(size=n)
        r = quiet(lambda: stats.pointbiserialr(x, y))
        add(f"pbis_{k}", "pointbiserialr", "", [r.statistic, r.pvalue], x=x, y=y)
    extra = [(np.array([2.0, 7, 7, 2, 7]), np.array([1.0, 5, 4, 2, 6])),  # two values other than 0 / 1
             (np.array([1.0]), np.array([3.0])),
             (np.array([1.0, 1, 1]), np.array([3.0, 1, 2])),
             (np.array([0.0, 1, np.nan]), np.array([3.0, 1, 2]))]
    for k, (x, y) in enumerate(extra, start=7):
        r = quiet(lambda: stats.pointbiserialr(x, y))
        add(f"pbis_{k}", "pointbiserialr", "", [r.statistic, r.pvalue], x=x, y=y)

    # ---- bootstrap ----------------------------------------------------------
    boot_sets = [
        ("mean", False, [rng.integers(0, 20, 15).astype(float)]),
        ("std1", False, [rng.normal(5, 2, 25)]),
        ("median", False, [rng.normal(0, 1, 12)]),
        ("median", False, [rng.integers(0, 6, 9).astype(float)]),  # many ties with theta_hat
        ("mean", False, [rng.exponential(3.0, 30)]),
        ("mean_diff", False, [rng.integers(0, 30, 10).astype(float), rng.integers(5, 35, 14).astype(float)]),
        ("mean_diff", True, [rng.integers(0, 30, 12).astype(float), rng.integers(0, 30, 12).astype(float)]),
        ("mean", False, [np.full(6, 2.5)]),  # degenerate: BCa NaN
    ]
    for k, (stat_name, paired, data) in enumerate(boot_sets):
        stat = BOOTSTRAP_STATISTICS[stat_name]

        def statistic(*s, stat=stat):
            return stat(s)

        base = quiet(lambda: stats.bootstrap(data, statistic, n_resamples=2000, paired=paired, vectorized=False,
                                          rng=100 + k))
        arrays = {f"s{j}": s for j, s in enumerate(data)}
        arrays["dist"] = base.bootstrap_distribution
        for method in ("percentile", "basic", "BCa"):
            for alt in ALTERNATIVES:
                for level in (0.95, 0.9, 0.5, 1.0, 0.0):
                    r = quiet(lambda: stats.bootstrap(data, statistic, n_resamples=0, paired=paired,
                                                      vectorized=False, bootstrap_result=base, method=method, alternative=alt,
                                                      confidence_level=level))
                    ci = r.confidence_interval
                    add(f"boot_{k}", "bootstrap",
                        options_text(statistic=stat_name, paired=int(paired), samples=len(data),
                                     method=method.lower(), alternative=alt, level=level),
                        [ci.low, ci.high, r.standard_error], **arrays)
        if k < 7:
            r = quiet(lambda: stats.bootstrap(data, statistic, paired=paired, vectorized=False, rng=200 + k))
            add(f"boot_{k}", "bootstrap_mc", options_text(statistic=stat_name, paired=int(paired), samples=len(data)),
                [r.confidence_interval.low, r.confidence_interval.high, r.standard_error])

    # ---- permutation_test ---------------------------------------------------
    perm_sets = [
        ("independent", "mean_diff", [[3.0, 9, 4, 12, 7], [1.0, 5, 2, 6]], 9999),
        ("independent", "mean_diff", [[3.0, 3, 4, 5], [3.0, 4, 4]], 9999),  # ties
        ("independent", "between_groups", [[3.0, 8, 4], [1.0, 5, 2], [9.0, 7]], 9999),
        ("independent", "seq_mean_diff", [[0.1, 0.7, 0.3, 0.25], [0.4, 0.5, 0.2]], 9999),  # rounding: gamma
        ("samples", "mean", [[1.0, -3, 4, 2, -1, 5, 6, -2]], 9999),
        ("samples", "paired_mean_diff", [[5.0, 9, 4, 7, 6, 8], [3.0, 8, 5, 4, 6, 2]], 9999),
        ("samples", "paired_mean_diff", [[5.0, 9, 4], [3.0, 8, 5], [1.0, 1, 2]], 9999),
        ("pairings", "dot", [[1.0, 3, 2, 5], [2.0, 2, 7, 4]], 9999),
        ("pairings", "dot", [[1.0, 3, 2, 5, 4], [2.0, 2, 7, 4, 9]], np.inf),
        ("pairings", "trend", [[4.0, 1, 3, 7, 6]], 9999),
    ]
    for k, (ptype, stat_name, data, n_resamples) in enumerate(perm_sets):
        data = [np.array(s) for s in data]
        stat = PERMUTATION_STATISTICS[stat_name]
        for alt in ALTERNATIVES:
            r = stats.permutation_test(data, lambda *s, stat=stat: stat(s), permutation_type=ptype,
                                       n_resamples=n_resamples, alternative=alt, vectorized=False, rng=1)
            null = np.sort(r.null_distribution) if ptype == "independent" else r.null_distribution
            arrays = {f"s{j}": s for j, s in enumerate(data)}
            arrays["null"] = null
            add(f"perm_{k}", "permutation_test",
                options_text(type=ptype, statistic=stat_name, samples=len(data), alternative=alt,
                             n_resamples=n_resamples), [r.statistic, r.pvalue], **arrays)
    # Randomized: C(22, 10) = 646646 assignments > 9999; the exact p-value
    # from all of them, which the C++ randomized p-values are held to.
    a, b = rng.normal(0.0, 1, 12), rng.normal(0.9, 1, 10)

    def mean_diff(x, y, axis=-1):
        return np.mean(x, axis=axis) - np.mean(y, axis=axis)

    for alt in ALTERNATIVES:
        r = stats.permutation_test((a, b), mean_diff, alternative=alt, rng=2)
        exact = stats.permutation_test((a, b), mean_diff, alternative=alt, n_resamples=np.inf, batch=50000)
        add("perm_rand", "permutation_test", options_text(type="independent", statistic="mean_diff", samples=2,
                                                          alternative=alt, n_resamples=9999),
            [r.statistic, r.pvalue, exact.pvalue], s0=a, s1=b)

    # ---- binned_statistic ---------------------------------------------------
    named = ["mean", "std", "median", "count", "sum", "min", "max"]
    callables = {"ptp": np.ptp, "len": lambda v: float(len(v))}  # ptp raises on an empty bin: NaN

    def add_binned(name, x, values, statistic, bins=None, range_=None, edges=None):
        fn = callables.get(statistic, statistic)
        r = quiet(lambda: stats.binned_statistic(x, values, fn, bins=edges if edges is not None else bins,
                                                 range=range_))
        opts = dict(statistic=statistic, bins=bins if edges is None else "edges")
        if range_ is not None:
            opts["range"] = f"{range_[0]!r}:{range_[1]!r}"
        arrays = dict(x=x, values=values, statistic=r.statistic, edges=r.bin_edges, binnumber=r.binnumber)
        if edges is not None:
            arrays["bins"] = edges
        add(name, "binned_statistic", options_text(**opts), [], **arrays)

    x = rng.uniform(0, 10, 200)
    x[:3] = [0.0, 10.0, 10.0]  # the ends of the default range
    values = rng.uniform(1, 5, 200)
    mixed = rng.normal(0, 1, 200)
    xi = rng.integers(0, 8, 100).astype(float)  # many points on edges
    vi = rng.normal(size=100)
    xe = np.array([0.5, 1.0, 2.0, 3.0, 3.0 + 1e-9, 3.0 + 1e-3, 3.5, -1.0, 2.999999999, 1.5])
    ve = np.arange(10.0)
    k = 0
    for statistic in named + list(callables):
        for bins, range_, edges, (xs, vs) in [(10, None, None, (x, values)), (1, None, None, (x, values)),
                                              (7, None, None, (x, mixed)), (6, (2.0, 8.0), None, (x, values)),
                                              (3, (4.0, 4.0), None, (x, values)), (8, None, None, (xi, vi)),
                                              (None, None, np.array([0.0, 2.5, 5.0, 7.5, 9.0]), (x, values)),
                                              (None, None, np.array([0.0, 1.0, 2.0, 3.0]), (xe, ve)),
                                              (4, (0.0, 3.0), None, (xe, ve))]:
            add_binned(f"bin_{k}", xs, vs, statistic, bins, range_, edges)
            k += 1
    # NaN among the values; NaN and infinity in x with explicit edges.
    vn = np.array([1.0, np.nan, 3.0, 4.0, np.nan, 2.0, 5.0, np.nan])
    xn = np.array([0.5, 1.5, 1.2, 2.5, 2.7, 0.7, 2.2, 0.1])
    for statistic in named:
        add_binned(f"bin_{k}", xn, vn, statistic, 3)
        k += 1
    xnan = np.array([0.5, np.nan, 1.5, np.inf, -np.inf, 2.5])
    for statistic in ("mean", "count", "max"):
        add_binned(f"bin_{k}", xnan, np.arange(6.0), statistic, edges=np.array([0.0, 1.0, 2.0, 3.0]))
        k += 1
    add_binned(f"bin_{k}", np.array([]), np.array([]), "mean", 3, (0.0, 1.0))  # empty x with a range
    k += 1

    # ---- binned_statistic_2d ------------------------------------------------
    x2, y2 = rng.uniform(0, 4, 150), rng.normal(0, 1, 150)
    v2 = rng.uniform(1, 3, 150)
    k2 = 0
    for statistic in ["mean", "count", "median", "std", "max", "len"]:
        for bins, range_, edges in [((5, 5), None, None), ((3, 4), None, None),
                                    ((4, 3), ((0.0, 4.0), (-1.0, 1.0)), None),
                                    (None, None, (np.array([0.0, 1.0, 2.5, 4.0]), np.array([-3.0, 0.0, 0.5, 3.0])))]:
            fn = callables.get(statistic, statistic)
            r = quiet(lambda: stats.binned_statistic_2d(x2, y2, v2, fn,
                                                        bins=list(bins) if edges is None else list(edges),
                                                        range=range_))
            opts = dict(statistic=statistic, bins="edges" if edges is not None else f"{bins[0]}:{bins[1]}")
            arrays = dict(x=x2, y=y2, values=v2, statistic=r.statistic, xedges=r.x_edge, yedges=r.y_edge,
                          binnumber=r.binnumber)
            if range_ is not None:
                opts["range"] = f"{range_[0][0]!r}:{range_[0][1]!r}:{range_[1][0]!r}:{range_[1][1]!r}"
            if edges is not None:
                arrays["xbins"], arrays["ybins"] = edges
            add(f"bin2_{k2}", "binned_statistic_2d", options_text(**opts), [], **arrays)
            k2 += 1

    # ---- the bad inputs the C++ side rejects with ValueError ----------------
    expect_error(lambda: stats.theilslopes([1.0, 2, 3], [1.0, 2]))
    expect_error(lambda: stats.theilslopes([1.0, 2, 4], [1.0, 2, 3], alpha=1.0), OverflowError)
    expect_error(lambda: stats.siegelslopes([1.0, 2, 3], [1.0, 2]))
    expect_error(lambda: stats.pointbiserialr([0.0, 1, 1], [1.0, 2]))
    one = (np.arange(5.0),)
    expect_error(lambda: stats.bootstrap((), np.mean))
    expect_error(lambda: stats.bootstrap((np.array([1.0]),), np.mean))
    expect_error(lambda: stats.bootstrap((np.arange(4.0), np.arange(3.0)), lambda a, b: 0.0, paired=True))
    expect_error(lambda: stats.bootstrap(one, np.mean, n_resamples=-1))
    expect_error(lambda: stats.bootstrap(one, np.mean, n_resamples=0))
    expect_error(lambda: stats.permutation_test((np.arange(4.0),), np.mean))
    expect_error(lambda: stats.permutation_test((np.arange(4.0), np.array([1.0])), mean_diff))
    expect_error(lambda: stats.permutation_test((np.arange(4.0), np.arange(3.0)), mean_diff, n_resamples=0))
    expect_error(lambda: stats.permutation_test((np.arange(4.0), np.arange(3.0)), mean_diff, n_resamples=2.5))
    expect_error(lambda: stats.permutation_test((np.arange(4.0), np.arange(3.0)), mean_diff,
                                                permutation_type="samples"))
    xs, vs = np.arange(5.0), np.arange(5.0)
    expect_error(lambda: stats.binned_statistic(xs, vs, bins=0))
    expect_error(lambda: stats.binned_statistic(xs, vs, bins=[3.0, 2, 1, 0]))
    expect_error(lambda: stats.binned_statistic(xs, vs, bins=[0.0, 1, 1, 2]))
    expect_error(lambda: stats.binned_statistic(xs, vs, bins=3, range=(4.0, 1.0)))
    expect_error(lambda: stats.binned_statistic(xs, vs, bins=3, range=(0.0, np.inf)))
    expect_error(lambda: stats.binned_statistic(np.array([1.0, np.nan]), np.arange(2.0), bins=3))
    expect_error(lambda: stats.binned_statistic(np.array([]), np.array([]), bins=3))
    expect_error(lambda: stats.binned_statistic(xs, vs[:3]), AttributeError)

    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    write_manifest(OUT / "cases.csv", ["name", "function", "options"] + [f"v{i}" for i in range(width - 3)], rows)
    print(f"{len(rows)} cases written to {OUT}")


if __name__ == "__main__":
    main()
