#!/usr/bin/env python3
"""scipy.stats on the workloads of bench/stats/stats_bench.cpp.

Usage: stats_bench.py --data-dir DIR --case CASE [--repetitions R] [--min-time S]

Cases: {pdf,cdf,ppf}_{norm,gamma,beta,t} (10^6 points of stats/<dist>_x.npy or
stats/q.npy; gamma(2.5), beta(2, 5), t(5)), describe and rankdata (10^7
values), spearmanr and kendalltau (10^5 pairs), mannwhitneyu (10^5 + 10^5),
norm_rvs (10^7 draws), gaussian_kde (evaluate 10^4 points on 10^4 samples). Prints one JSON object as linalg_solve.py does; the
accuracy is the same self-check as ours (see the C++ file's header).
"""

import math

import numpy as np
from scipy import stats

import peer_timing

DISTRIBUTIONS = {"norm": stats.norm(), "gamma": stats.gamma(2.5), "beta": stats.beta(2, 5), "t": stats.t(5)}
CASES = [f"{m}_{d}" for m in ("pdf", "cdf", "ppf") for d in DISTRIBUTIONS] + [
    "describe", "rankdata", "spearmanr", "kendalltau", "mannwhitneyu", "norm_rvs", "gaussian_kde"]


def main():
    args = peer_timing.parse_args(__doc__, CASES)
    root = args.data_dir / "stats"
    out = {}
    case = args.case
    if case.split("_")[0] in ("pdf", "cdf", "ppf") and case != "norm_rvs":
        method, name = case.split("_")
        d = DISTRIBUTIONS[name]
        if method == "ppf":
            q = np.load(root / "q.npy")
            call = lambda: out.__setitem__("r", d.ppf(q))  # noqa: E731
            accuracy = lambda: np.max(np.abs((d.cdf(out["r"]) - q) / q))  # noqa: E731
        else:
            x = np.load(root / f"{name}_x.npy")
            if method == "pdf":
                call = lambda: out.__setitem__("r", d.pdf(x))  # noqa: E731
                h = x[1] - x[0]
                accuracy = lambda: abs(h * (out["r"].sum() - 0.5 * (out["r"][0] + out["r"][-1]))  # noqa: E731
                                       - (d.cdf(x[-1]) - d.cdf(x[0])))
            else:
                call = lambda: out.__setitem__("r", d.cdf(x))  # noqa: E731
                accuracy = lambda: np.max(np.abs(out["r"] + d.sf(x) - 1))  # noqa: E731
    elif case in ("describe", "rankdata"):
        a = np.load(root / "sample_1e7.npy")
        if case == "describe":
            call = lambda: out.__setitem__("r", stats.describe(a))  # noqa: E731
            accuracy = lambda: abs(out["r"].mean) + abs(out["r"].variance - 1)  # noqa: E731
        else:
            call = lambda: out.__setitem__("r", stats.rankdata(a))  # noqa: E731
            n = a.size
            accuracy = lambda: abs(out["r"].sum() - n * (n + 1) / 2) / (n * (n + 1) / 2)  # noqa: E731
    elif case in ("spearmanr", "kendalltau"):
        x, y = np.load(root / "pair_x.npy"), np.load(root / "pair_y.npy")
        f = stats.spearmanr if case == "spearmanr" else stats.kendalltau
        truth = 6 / math.pi * math.asin(0.25) if case == "spearmanr" else 2 / math.pi * math.asin(0.5)
        call = lambda: out.__setitem__("r", f(x, y))  # noqa: E731
        accuracy = lambda: abs(out["r"].statistic - truth)  # noqa: E731
    elif case == "mannwhitneyu":
        a, b = np.load(root / "mw_a.npy"), np.load(root / "mw_b.npy")
        truth = 0.5 * math.erfc(0.1 / 2)
        call = lambda: out.__setitem__("r", stats.mannwhitneyu(a, b))  # noqa: E731
        accuracy = lambda: abs(out["r"].statistic / (a.size * b.size) - truth)  # noqa: E731
    elif case == "gaussian_kde":
        data, points = np.load(root / "kde_data.npy"), np.load(root / "kde_points.npy")
        kde = stats.gaussian_kde(data)
        v = 1 + kde.covariance[0, 0]
        call = lambda: out.__setitem__("r", kde.evaluate(points))  # noqa: E731
        accuracy = lambda: np.max(np.abs(np.exp(-0.5 * points**2 / v) / np.sqrt(2 * np.pi * v) - out["r"]))  # noqa: E731
    else:
        rng = np.random.default_rng(1)
        call = lambda: out.__setitem__("r", stats.norm.rvs(size=10_000_000, random_state=rng))  # noqa: E731
        accuracy = lambda: abs(out["r"].mean()) + abs(out["r"].var() - 1)  # noqa: E731
    peer_timing.report(args, call, accuracy)


if __name__ == "__main__":
    main()
