"""Reference values for the estimator contract's first estimators
(tests/learn/base_estimators_test.cpp): StandardScaler, LinearRegression and a
Pipeline of the two, fitted by scikit-learn with the same hyper-parameters on
the same data. Writes tests/data/learn/base/*.npy.

Run: .venv/bin/python tests/reference/learn_base.py
"""

import pathlib

import numpy as np
from sklearn.linear_model import LinearRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

OUT = pathlib.Path(__file__).resolve().parent.parent / "data" / "learn" / "base"
OUT.mkdir(parents=True, exist_ok=True)
rng = np.random.default_rng(20261206)


def save(name, array):
    np.save(OUT / f"{name}.npy", np.asarray(array, dtype=np.float64))


# Features of very different scales and offsets, one constant column.
n, p = 60, 5
X = rng.standard_normal((n, p)) * [1.0, 100.0, 1e-3, 5.0, 0.0] + [0.0, 1e4, -3.0, 2.0, 7.0]
w = rng.uniform(0.1, 3.0, n)
coef = np.array([1.5, -0.02, 300.0, 0.0, 0.0])
y = X @ coef + 4.0 + 0.1 * rng.standard_normal(n)
X_test = rng.standard_normal((10, p)) * [1.0, 100.0, 1e-3, 5.0, 0.0] + [0.0, 1e4, -3.0, 2.0, 7.0]
save("X", X)
save("w", w)
save("y", y)
save("X_test", X_test)

# StandardScaler: plain, weighted, with NaN entries, without centering, partial_fit in two batches.
for name, kwargs, fit_kwargs in [
    ("scaler", {}, {}),
    ("scaler_weighted", {}, {"sample_weight": w}),
    ("scaler_no_mean", {"with_mean": False}, {}),
]:
    s = StandardScaler(**kwargs).fit(X, **fit_kwargs)
    save(f"{name}_mean", s.mean_)
    save(f"{name}_var", s.var_)
    save(f"{name}_scale", s.scale_)
    save(f"{name}_transform", s.transform(X_test))

X_nan = X.copy()
X_nan[rng.choice(n, 7, replace=False), 0] = np.nan
X_nan[rng.choice(n, 3, replace=False), 2] = np.nan
save("X_nan", X_nan)
s = StandardScaler().fit(X_nan)
save("scaler_nan_mean", s.mean_)
save("scaler_nan_var", s.var_)
save("scaler_nan_n_samples_seen", s.n_samples_seen_)
save("scaler_nan_transform", s.transform(X_nan))

s = StandardScaler()
s.partial_fit(X[:25], sample_weight=w[:25])
s.partial_fit(X[25:], sample_weight=w[25:])
save("scaler_partial_mean", s.mean_)
save("scaler_partial_var", s.var_)

# LinearRegression: plain, weighted, through the origin, positive, rank-deficient.
for name, kwargs, fit_kwargs in [
    ("ols", {}, {}),
    ("ols_weighted", {}, {"sample_weight": w}),
    ("ols_no_intercept", {"fit_intercept": False}, {}),
    ("ols_positive", {"positive": True}, {}),
]:
    m = LinearRegression(**kwargs).fit(X, y, **fit_kwargs)
    save(f"{name}_coef", m.coef_)
    save(f"{name}_intercept", [m.intercept_])
    save(f"{name}_predict", m.predict(X_test))
    save(f"{name}_score", [m.score(X_test, X_test @ coef + 4.0)])
    if not kwargs.get("positive"):
        save(f"{name}_rank", [m.rank_])
        save(f"{name}_singular", m.singular_)

# Rank deficient: column 3 duplicates column 0.
X_dup = X[:, :4].copy()
X_dup[:, 3] = X_dup[:, 0]
save("X_dup", X_dup)
m = LinearRegression().fit(X_dup, y)
save("ols_dup_coef", m.coef_)
save("ols_dup_intercept", [m.intercept_])
save("ols_dup_rank", [m.rank_])

# Pipeline(StandardScaler, LinearRegression).
pipe = make_pipeline(StandardScaler(), LinearRegression()).fit(X, y, linearregression__sample_weight=w)
save("pipe_predict", pipe.predict(X_test))
save("pipe_coef", pipe[-1].coef_)

# Composition: FeatureUnion, ColumnTransformer, TransformedTargetRegressor.
from sklearn.compose import ColumnTransformer, TransformedTargetRegressor  # noqa: E402
from sklearn.pipeline import FeatureUnion  # noqa: E402

union = FeatureUnion(
    [("scaled", StandardScaler()), ("raw", "passthrough"), ("gone", "drop")],
    transformer_weights={"raw": 0.5},
).fit(X)
save("union_transform", union.transform(X_test))
np.savetxt(OUT / "union_names.txt", union.get_feature_names_out(), fmt="%s")

ct = ColumnTransformer(
    [("scale", StandardScaler(), [0, 1]), ("keep", "passthrough", [3]), ("none", StandardScaler(), [])],
    remainder="passthrough",
).fit(X)
save("column_transform", ct.transform(X_test))
np.savetxt(OUT / "column_names.txt", ct.get_feature_names_out(), fmt="%s")

ttr = TransformedTargetRegressor(regressor=LinearRegression(), transformer=StandardScaler()).fit(X, y, sample_weight=w)
save("ttr_predict", ttr.predict(X_test))
y_positive = np.exp(y / 500.0)
save("y_positive", y_positive)
ttr = TransformedTargetRegressor(regressor=LinearRegression(), func=np.log, inverse_func=np.exp).fit(X, y_positive)
save("ttr_log_predict", ttr.predict(X_test))

# A tall, well-conditioned problem (LinearRegression's normal-equations path):
# 3000 x 8, feature scales up to 30 and offsets up to 1e3 (condition ~30 after centering).
X_tall = rng.standard_normal((3000, 8)) * np.linspace(1.0, 30.0, 8) + np.linspace(-1e3, 1e3, 8)
w_tall = rng.uniform(0.5, 2.0, 3000)
y_tall = X_tall @ np.linspace(-2.0, 2.0, 8) + 7.0 + rng.standard_normal(3000)
save("X_tall", X_tall)
save("w_tall", w_tall)
save("y_tall", y_tall)
for name, fit_kwargs in [("tall", {}), ("tall_weighted", {"sample_weight": w_tall})]:
    m = LinearRegression().fit(X_tall, y_tall, **fit_kwargs)
    save(f"{name}_coef", m.coef_)
    save(f"{name}_intercept", [m.intercept_])
    save(f"{name}_singular", m.singular_)

# Tall but nearly collinear (condition ~1e7): gelsd's path, rank cut at tol = 1e-6.
X_tall_ill = X_tall.copy()
X_tall_ill[:, 7] = X_tall[:, 0] + 1e-6 * rng.standard_normal(3000)
save("X_tall_ill", X_tall_ill)
m = LinearRegression().fit(X_tall_ill, y_tall)
save("tall_ill_coef", m.coef_)
save("tall_ill_rank", [m.rank_])
save("tall_ill_predict", m.predict(X_tall_ill[:10]))
