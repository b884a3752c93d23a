"""SciPy's multivariate_normal, multinomial and dirichlet on a grid of
parameters and points, for tests/stats/multivariate_test.cpp. Writes each
case's arrays (NAME_mean.npy, NAME_cov.npy, NAME_x.npy, NAME_low.npy,
NAME_p.npy, NAME_alpha.npy) and a manifest cases.csv under
tests/data/stats/multivariate/.

Manifest columns: name (the arrays' prefix), function, alternative (unused,
empty), options (key=value pairs joined by ';'), then SciPy's values: one per
row of NAME_x for the point functions (mvn_logpdf, multinomial_logpmf,
dirichlet_logpdf), else the result's entries (mean, cov row by row, var,
entropy; mvn_cdf: the probability of the box [low, x] of each row).

The cdf references are SciPy's cdf with tolerances 1e-8 (its default is
1e-5), so that they are accurate to about 1e-8.

Run: .venv/bin/python tests/reference/stats_multivariate.py
"""

from pathlib import Path
import warnings

import numpy as np
import scipy
from scipy import stats

from fixture_io import fresh_dir, write_manifest

OUT = Path(__file__).resolve().parents[1] / "data" / "stats" / "multivariate"


def main():
    fresh_dir(OUT)
    rng = np.random.default_rng(20261208)
    rows = []

    def save(name, **arrays):
        for key, array in arrays.items():
            np.save(OUT / f"{name}_{key}.npy", np.asarray(array, dtype=np.float64))

    def add(name, function, options, values):
        rows.append([name, function, "", options] + [repr(float(v)) for v in np.ravel(values)])

    # multivariate_normal: definite, ill-conditioned, and singular covariances.
    a = rng.standard_normal((4, 4))
    definite = {
        "mvn_d1": (np.array([0.5]), np.array([[2.0]])),
        "mvn_d2": (np.array([0.0, 0.0]), np.array([[1.0, 0.5], [0.5, 1.0]])),
        "mvn_d3": (np.array([1.0, -1.0, 0.5]), np.array([[2.0, 0.3, -0.4], [0.3, 1.0, 0.2], [-0.4, 0.2, 0.5]])),
        "mvn_d4": (rng.standard_normal(4), a @ a.T + 0.1 * np.eye(4)),
        "mvn_d3_strong": (np.zeros(3), np.array([[1.0, 0.95, 0.9], [0.95, 1.0, 0.95], [0.9, 0.95, 1.0]])),
    }
    b = rng.standard_normal((3, 2))
    singular = {"mvn_singular3": (np.array([1.0, 2.0, 3.0]), b @ b.T)}
    for name, (mean, cov) in list(definite.items()) + list(singular.items()):
        allow = name in singular
        d = mean.size
        dist = stats.multivariate_normal(mean, cov, allow_singular=allow)
        x = mean + rng.standard_normal((6, d)) * 1.5
        if allow:  # points on the support, and two off it
            x[:4] = dist.rvs(size=4, random_state=rng).reshape(4, d)
        x = np.vstack([x, mean + 40.0])  # far out: logpdf without underflow
        save(name, mean=mean, cov=cov, x=x)
        add(name, "mvn_logpdf", f"allow_singular={int(allow)}", dist.logpdf(x).reshape(-1))
        add(name, "mvn_entropy", f"allow_singular={int(allow)}", [dist.entropy()])
        if allow:
            continue
        upper = mean + rng.standard_normal((4, d))
        low = np.vstack([np.full(d, -np.inf), mean - 1.0, mean - 3.0, upper[3] + 0.5])  # the last is a flipped box
        save(name + "_cdf", x=upper, low=low)
        values = [stats.multivariate_normal.cdf(upper[i], mean, cov, abseps=1e-8, releps=1e-8,
                                                maxpts=10_000_000 * d, lower_limit=low[i],
                                                rng=np.random.default_rng(i)) for i in range(4)]
        add(name + "_cdf", "mvn_cdf", "", values)

    # multinomial: counts summing to n, counts that do not, bad parameters.
    for name, n, p in (("mult_3", 10, [0.2, 0.3, 0.5]), ("mult_5", 40, [0.05, 0.1, 0.15, 0.3, 0.4]),
                       ("mult_zero_p", 6, [0.0, 0.25, 0.75]), ("mult_n0", 0, [0.5, 0.5])):
        dist = stats.multinomial(n, p)
        k = len(p)
        x = [rng.multinomial(n, p) for _ in range(5)]
        x.append(np.r_[n, np.zeros(k - 1)])
        x.append(np.r_[np.ones(k - 1), max(n - k + 2, 0)])  # sums to n + 1 unless n tiny: probability 0
        x = np.array(x, dtype=float)
        save(name, p=p, x=x)
        add(name, "multinomial_logpmf", f"n={n}", dist.logpmf(x))
        add(name, "multinomial_moments", f"n={n}", np.r_[dist.mean(), dist.cov().reshape(-1), dist.entropy()])

    # dirichlet: alpha above and below 1, points given with k or k - 1 entries.
    for name, alpha in (("dir_3", [1.5, 2.0, 3.5]), ("dir_small", [0.3, 0.7, 0.5, 2.0]),
                        ("dir_2", [4.0, 0.9])):
        alpha = np.array(alpha)
        dist = stats.dirichlet(alpha)
        x = rng.dirichlet(alpha, size=6)
        x = np.clip(x, 1e-12, None)
        x /= x.sum(axis=1, keepdims=True)
        save(name, alpha=alpha, x=x)
        add(name, "dirichlet_logpdf", "", [dist.logpdf(row) for row in x])
        add(name, "dirichlet_moments", "", np.r_[dist.mean(), dist.var(), dist.cov().reshape(-1), dist.entropy()])

    write_manifest(OUT / "cases.csv", ["name", "function", "alternative", "options"], rows)
    print(f"scipy {scipy.__version__}: {len(rows)} cases written to {OUT}")


if __name__ == "__main__":
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        main()
