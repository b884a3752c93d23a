"""Reference values for scilearn::learn::SplineTransformer
(tests/learn/preprocessing/spline_transformer_test.cpp): scikit-learn 1.9.1's
SplineTransformer fitted with many parameter settings. Writes
tests/data/learn/spline_transformer/:

- data sets as NAME.npy (float64): X_fit (fit), X_eval (transformed: X_fit,
  then points outside the training range and on its boundaries), X_in (X_fit
  and points inside the range only, for extrapolation 'error'), weights, and
  the same for the data with ties / a constant feature (X_ties_*) and with NaN
  (X_nan_*), plus the explicit knot arrays (knots_*);
- cases.csv: one case a row (name, parameters, which data sets);
- CASE.npy: the transform of the case's evaluation set, CASE_t.npy: the full
  knot vectors (bsplines_[j].t in column j); CASE_names.txt for some cases.

Run: .venv/bin/python tests/reference/learn_spline_transformer.py
"""

import csv
import pathlib

import numpy as np
import sklearn
from sklearn.preprocessing import SplineTransformer

assert sklearn.__version__ == "1.9.1", sklearn.__version__

OUT = pathlib.Path(__file__).resolve().parent.parent / "data" / "learn" / "spline_transformer"
OUT.mkdir(parents=True, exist_ok=True)
for old in list(OUT.glob("*.npy")) + list(OUT.glob("*.txt")) + list(OUT.glob("*.csv")):
    old.unlink()
rng = np.random.default_rng(20261206)


def save(name, array):
    np.save(OUT / f"{name}.npy", np.asarray(array, dtype=np.float64))


# Two continuous features of different scales and offsets.
n = 16
X_fit = np.column_stack([rng.uniform(-2.0, 3.0, n), 50.0 + 20.0 * rng.standard_normal(n)])
lo, hi = X_fit.min(axis=0), X_fit.max(axis=0)
span = hi - lo
# Outside the range (within about a third of the range, so that 'continue'
# and 'linear' values stay of order 1), exactly on the ends, inside.
X_out = np.array([
    lo - 0.3 * span, lo - 0.01 * span, lo, hi, hi + 0.02 * span, hi + 0.35 * span,
    [lo[0] - 0.1 * span[0], hi[1] + 0.1 * span[1]], [hi[0] + 0.2 * span[0], lo[1] - 0.2 * span[1]],
])
X_inside = np.array([lo, hi, lo + 0.5 * span, lo + 0.123 * span])
X_eval = np.vstack([X_fit, X_out])
X_in = np.vstack([X_fit, X_inside])
weights = rng.uniform(0.2, 3.0, n)
weights[[2, 7]] = 0.0  # zero weights: ignored by uniform knots, skipped by quantiles
# Integer weights (ties in the cumulative weights: exact percentile hits).
int_weights = rng.integers(0, 4, n).astype(float)
int_weights[0] = 1.0

# Ties and a constant feature: quantile knots repeat (zero-length knot spans),
# and a zero step anywhere switches np.linspace to its other formula.
X_ties_fit = np.column_stack([
    rng.uniform(0.0, 10.0, n),
    np.array([0, 0, 0, 0, 0, 0, 0, 1, 1, 2, 2, 3, 5, 5, 8, 0], dtype=float),
    np.full(n, 4.0),
])
X_ties_eval = np.vstack([X_ties_fit, [[-1.0, -1.0, 3.0], [11.0, 9.0, 5.0], [5.0, 0.0, 4.0], [0.5, 4.0, 4.0]]])
X_ties_in = np.vstack([X_ties_fit, [[5.0, 0.0, 4.0], [0.5, 4.0, 4.0], [9.0, 1.5, 4.0]]])

# NaN (handle_missing='zeros').
X_nan_fit = X_fit.copy()
X_nan_fit[[1, 5, 9], 0] = np.nan
X_nan_fit[[5, 12], 1] = np.nan
X_nan_eval = np.vstack([X_nan_fit, X_out, [[np.nan, 50.0], [0.5, np.nan]]])
lo_nan, hi_nan = np.nanmin(X_nan_fit, axis=0), np.nanmax(X_nan_fit, axis=0)
X_nan_in = np.vstack([X_nan_fit, [lo_nan, hi_nan, 0.5 * (lo_nan + hi_nan)], [[np.nan, 50.0], [0.5, np.nan]]])

# Explicit knots, sorted, covering the range of the training data.
knots_a = np.column_stack([np.array([-2.5, -1.0, 0.0, 0.5, 2.0, 3.5]), np.array([0.0, 30.0, 45.0, 50.0, 70.0, 110.0])])
knots_b = np.column_stack([np.array([-3.0, 0.0, 4.0]), np.array([-10.0, 60.0, 120.0])])

for name, value in [("X_fit", X_fit), ("X_eval", X_eval), ("X_in", X_in), ("weights", weights),
                    ("int_weights", int_weights), ("X_ties_fit", X_ties_fit), ("X_ties_eval", X_ties_eval),
                    ("X_ties_in", X_ties_in), ("X_nan_fit", X_nan_fit), ("X_nan_eval", X_nan_eval),
                    ("X_nan_in", X_nan_in), ("knots_a", knots_a), ("knots_b", knots_b)]:
    save(name, value)

rows = []


def case(name, data="X", n_knots=5, degree=3, knots="uniform", extrapolation="constant", include_bias=True,
         order="C", handle_missing="error", weights_name="", names=False):
    """Fits on {data}_fit (with the named weights), transforms {data}_eval, or
    {data}_in for extrapolation 'error' and for 'constant' with degree 0 (which
    scikit-learn cannot extrapolate above the last knot)."""
    X_fit_ = np.load(OUT / f"{data}_fit.npy")
    inside_only = extrapolation == "error" or (extrapolation == "constant" and degree == 0)
    apply = f"{data}_in" if inside_only else f"{data}_eval"
    X_apply = np.load(OUT / f"{apply}.npy")
    knots_value = np.load(OUT / f"{knots}.npy") if knots.startswith("knots_") else knots
    spline = SplineTransformer(n_knots=n_knots, degree=degree, knots=knots_value, extrapolation=extrapolation,
                               include_bias=include_bias, order=order, handle_missing=handle_missing)
    sample_weight = np.load(OUT / f"{weights_name}.npy") if weights_name else None
    spline.fit(X_fit_, sample_weight=sample_weight)
    Z = spline.transform(X_apply)
    assert Z.shape == (X_apply.shape[0], spline.n_features_out_)
    if extrapolation == "linear" and degree <= 1:
        # scikit-learn 1.9.1's transform increments its loop-wide `degree` for
        # every feature in this case (degree 0 -> 1 -> 2 ...), so from the
        # second feature on it extrapolates from the wrong knots and columns.
        # The intended values, which scilearn computes, are those of each
        # feature fitted alone (where that bug cannot act): stacked here.
        blocks = []
        for j in range(X_fit_.shape[1]):
            alone = SplineTransformer(n_knots=n_knots, degree=degree,
                                      knots=knots_value[:, [j]] if knots.startswith("knots_") else knots,
                                      extrapolation=extrapolation, include_bias=include_bias, order=order,
                                      handle_missing=handle_missing)
            alone.fit(X_fit_[:, [j]], sample_weight=sample_weight)
            blocks.append(alone.transform(X_apply[:, [j]]))
        Z = np.hstack(blocks)
    save(name, Z)
    save(f"{name}_t", np.column_stack([b.t for b in spline.bsplines_]))
    if names:
        with open(OUT / f"{name}_names.txt", "w") as f:
            f.write("".join(f"{s}\n" for s in spline.get_feature_names_out()))
    rows.append([name, data, n_knots, degree, knots, extrapolation, int(include_bias), order, handle_missing,
                 weights_name, apply, spline.bsplines_[0].c.shape[1], int(names)])


for extrapolation in ["error", "constant", "linear", "continue", "periodic"]:
    for degree in range(4):
        for knots in ["uniform", "quantile"]:
            case(f"{extrapolation}_{degree}_{knots}", degree=degree, knots=knots, extrapolation=extrapolation,
                 names=(degree == 3 and knots == "uniform"))
# Weighted knots: quantiles by the weights' inverted CDF; uniform ignores zero weights.
for extrapolation in ["constant", "periodic", "linear"]:
    for degree in [1, 3]:
        case(f"weighted_{extrapolation}_{degree}", degree=degree, knots="quantile", extrapolation=extrapolation,
             weights_name="weights")
case("weighted_int_quantile", n_knots=7, degree=2, knots="quantile", weights_name="int_weights")
case("weighted_int_quantile_3", n_knots=4, degree=3, knots="quantile", extrapolation="continue",
     weights_name="int_weights")
case("weighted_uniform", degree=2, knots="uniform", extrapolation="linear", weights_name="weights")
case("weighted_ties_quantile", data="X_ties", n_knots=6, degree=3, knots="quantile", weights_name="weights")
# Explicit knots.
case("explicit_continue", knots="knots_a", degree=3, extrapolation="continue", names=True)
case("explicit_periodic", knots="knots_a", degree=2, extrapolation="periodic")
case("explicit_linear", knots="knots_a", degree=1, extrapolation="linear")
case("explicit_constant_short", knots="knots_b", degree=3, extrapolation="constant")
case("explicit_error", knots="knots_b", degree=2, extrapolation="error")
# include_bias = False, order = "F", other knot counts.
case("no_bias_constant", include_bias=False, names=True)
case("no_bias_periodic", include_bias=False, extrapolation="periodic", degree=2, names=True)
case("no_bias_linear_0", include_bias=False, extrapolation="linear", degree=0, n_knots=4)
case("order_f", order="F", degree=2, knots="quantile", extrapolation="linear")
case("two_knots", n_knots=2, degree=3, extrapolation="linear")
case("many_knots", n_knots=9, degree=2, knots="quantile", extrapolation="continue")
case("periodic_tight", n_knots=4, degree=3, extrapolation="periodic")  # n_splines == degree: folds overlap
case("periodic_high", n_knots=6, degree=5, extrapolation="periodic")
case("degree_5", n_knots=4, degree=5, extrapolation="linear")
# Ties, a constant feature.
for extrapolation in ["constant", "linear", "continue", "periodic", "error"]:
    for knots in ["uniform", "quantile"]:
        case(f"ties_{extrapolation}_{knots}", data="X_ties", degree=3, knots=knots, extrapolation=extrapolation)
case("ties_linear_quantile_1", data="X_ties", degree=1, knots="quantile", extrapolation="linear")
# Missing values encoded as zeros.
for extrapolation in ["constant", "linear", "continue", "periodic", "error"]:
    case(f"nan_{extrapolation}", data="X_nan", degree=2, knots="quantile" if extrapolation == "linear" else "uniform",
         extrapolation=extrapolation, handle_missing="zeros")
case("nan_weighted", data="X_nan", degree=3, knots="quantile", handle_missing="zeros", weights_name="weights")

with open(OUT / "cases.csv", "w", newline="") as f:
    writer = csv.writer(f, lineterminator="\n")
    writer.writerow(["name", "data", "n_knots", "degree", "knots", "extrapolation", "include_bias", "order",
                     "handle_missing", "weights", "apply", "n_splines", "names"])
    writer.writerows(rows)

# Feature names with given input names.
spline = SplineTransformer(n_knots=3, degree=1).fit(X_fit)
with open(OUT / "names_given.txt", "w") as f:
    f.write("".join(f"{s}\n" for s in spline.get_feature_names_out(["age", "income"])))

# What scikit-learn rejects (the C++ test checks the same cases throw).
for bad in [dict(n_knots=1), dict(degree=-1), dict(knots=knots_a[::-1]), dict(knots=knots_a[:1]),
            dict(knots=knots_a[:, :1]), dict(n_knots=3, degree=3, extrapolation="periodic")]:
    try:
        SplineTransformer(**bad).fit(X_fit)
        raise AssertionError(f"accepted {bad}")
    except ValueError:
        pass
for bad_X in [X_fit[:1], np.vstack([X_fit, [[np.nan, 1.0]]])]:
    try:
        SplineTransformer().fit(bad_X)
        raise AssertionError("accepted a bad X")
    except ValueError:
        pass
try:
    SplineTransformer(extrapolation="error").fit(X_fit).transform(X_eval)
    raise AssertionError("extrapolated with extrapolation='error'")
except ValueError:
    pass
try:
    SplineTransformer(degree=0).fit(X_fit).transform(X_eval)
    raise AssertionError("constant extrapolation of degree 0 above the last knot worked")
except ValueError:
    pass

total = sum(p.stat().st_size for p in OUT.iterdir())
print(f"{len(rows)} cases, {total / 1024:.0f} KB in {OUT.name}/")
