"""scikit-learn's regression metrics on small cases: random targets with and
without sample weights, ties and zero weights (for the weighted median),
positive targets and counts with zeros (log errors, Tweedie deviances),
constant y_true (R^2 / explained variance with and without force_finite),
one sample, and three outputs (raw_values, uniform_average, variance_weighted,
one constant output, all outputs constant). Writes tests/data/learn/metrics_regression/
for tests/learn/metrics/regression_test.cpp: CASE_y_true.npy, CASE_y_pred.npy,
CASE_w.npy and values.csv (case, function, multioutput ('single' for the
vector form), weighted, options, values joined by ';').

Run: .venv/bin/python tests/reference/learn_metrics_regression.py
"""

import csv
import warnings
from pathlib import Path

import numpy as np
import sklearn
from sklearn import metrics

OUT = Path(__file__).resolve().parents[1] / "data" / "learn" / "metrics_regression"

MULTI = ["mean_squared_error", "root_mean_squared_error", "mean_absolute_error", "median_absolute_error",
         "r2_score", "explained_variance_score", "mean_absolute_percentage_error", "mean_squared_log_error",
         "d2_absolute_error_score"]
VARIANCE_WEIGHTED = ["r2_score", "explained_variance_score"]


def cases(rng):
    n = 50
    y = rng.normal(2.0, 3.0, n)
    out = {"basic": (y, y + rng.normal(0, 1.0, n), rng.uniform(0.1, 2.0, n))}
    # Ties in the errors and integer weights: cumulative weights hit half the total exactly.
    yt = np.array([1.0, 2, 2, 3, 5, 5, 5, 8, 9, 10, 10, 12])
    yp = yt + np.array([0.5, -0.5, 0.5, 1, 0, 2, -2, 1, 0.5, -1, 1, 3])
    out["ties"] = (yt, yp, np.array([1.0, 2, 0, 1, 3, 1, 0, 2, 1, 1, 2, 2]))
    pos = rng.gamma(2.0, 1.5, 40) + 0.05
    out["positive"] = (pos, pos * rng.uniform(0.6, 1.5, 40), rng.uniform(0.5, 1.5, 40))
    counts = rng.poisson(1.2, 40).astype(float)
    out["counts"] = (counts, rng.uniform(0.3, 3.0, 40), rng.uniform(0.5, 1.5, 40))
    # Constant targets get weights in halves, so that the weighted mean is the
    # constant exactly and the denominator exactly 0 (any rounding would give
    # a tiny denominator and a score of -1e30 that no two sums agree on).
    halves = lambda size: rng.integers(1, 5, size) / 2.0  # noqa: E731
    out["constant"] = (np.full(10, 3.5), 3.5 + rng.normal(0, 0.5, 10), halves(10))
    out["constant_perfect"] = (np.full(10, -2.0), np.full(10, -2.0), halves(10))
    out["one"] = (np.array([1.5]), np.array([2.0]), np.array([2.0]))
    Y = rng.normal(0, 2.0, (40, 3)) + np.array([1.0, 5.0, -3.0])
    out["multi"] = (Y, Y + rng.normal(0, [0.5, 1.0, 2.0], (40, 3)), rng.uniform(0.2, 1.8, 40))
    Yc = Y.copy()
    Yc[:, 1] = 4.0
    out["multi_const_col"] = (Yc, Yc + rng.normal(0, 0.5, (40, 3)), halves(40))
    Ya = np.tile([1.0, 2.0, 3.0], (12, 1))
    Pa = Ya.copy()
    Pa[:, 0] += rng.normal(0, 0.3, 12)
    out["multi_all_const"] = (Ya, Pa, halves(12))
    Yp = rng.gamma(2.0, 1.0, (30, 2)) + 0.1
    out["multi_positive"] = (Yp, Yp * rng.uniform(0.7, 1.4, (30, 2)), rng.uniform(0.5, 1.5, 30))
    return out


def value_text(v):
    return ";".join(repr(float(x)) for x in np.atleast_1d(v))


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("*.npy"):
        old.unlink()
    rng = np.random.default_rng(20261207)
    rows = []
    for name, (yt, yp, w) in cases(rng).items():
        np.save(OUT / f"{name}_y_true.npy", yt)
        np.save(OUT / f"{name}_y_pred.npy", yp)
        np.save(OUT / f"{name}_w.npy", w)
        multi = yt.ndim == 2
        positive = name in ("positive", "counts", "multi_positive")
        functions = list(MULTI)
        if not multi:
            functions += ["max_error"]
        if not positive:
            functions.remove("mean_squared_log_error")
        for f in functions:
            for weighted in ((False,) if f == "max_error" else (False, True)):
                kw = {"sample_weight": w} if weighted else {}
                modes = ["raw_values", "uniform_average"] + (VARIANCE_WEIGHTED and
                                                             (["variance_weighted"] if f in VARIANCE_WEIGHTED else []))
                for mode in (modes if multi else ["single"]):
                    mkw = {} if mode == "single" else {"multioutput": mode}
                    with warnings.catch_warnings():
                        warnings.simplefilter("ignore")
                        v = getattr(metrics, f)(yt, yp, **kw, **mkw)
                    rows.append([name, f, mode, int(weighted), "", value_text(v)])
                    if f in VARIANCE_WEIGHTED:
                        with warnings.catch_warnings():
                            warnings.simplefilter("ignore")
                            v = getattr(metrics, f)(yt, yp, **kw, **mkw, force_finite=False)
                        rows.append([name, f, mode, int(weighted), "force_finite=0", value_text(v)])
        if not multi:
            powers = [0.0]
            if name in ("positive",):
                powers += [-0.5, 1.0, 1.5, 2.0, 3.0]
            if name == "counts":
                powers += [1.0, 1.5]
            for p in powers:
                for weighted in (False, True):
                    kw = {"sample_weight": w} if weighted else {}
                    v = metrics.mean_tweedie_deviance(yt, yp, power=p, **kw)
                    rows.append([name, "mean_tweedie_deviance", "single", int(weighted), f"power={p!r}",
                                 value_text(v)])
            if name in ("positive", "counts"):
                for weighted in (False, True):
                    kw = {"sample_weight": w} if weighted else {}
                    rows.append([name, "mean_poisson_deviance", "single", int(weighted), "",
                                 value_text(metrics.mean_poisson_deviance(yt, yp, **kw))])
                    if name == "positive":
                        rows.append([name, "mean_gamma_deviance", "single", int(weighted), "",
                                     value_text(metrics.mean_gamma_deviance(yt, yp, **kw))])
    with open(OUT / "values.csv", "w", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["case", "function", "multioutput", "weighted", "options", "values"])
        writer.writerows(rows)
    print(f"scikit-learn {sklearn.__version__}: {len(rows)} values written to {OUT}")


if __name__ == "__main__":
    main()
