"""Reference values for scilearn::learn's preprocessing transformers
(tests/learn/preprocessing/*_test.cpp): each class fitted by scikit-learn with
a few parameter settings on the same data. Writes tests/data/learn/preprocessing/:
NAME.npy arrays (float64), ragged per-feature arrays as NAME_<j>.npy, and
feature names / string labels as NAME.txt (one per line).

Run: .venv/bin/python tests/reference/learn_preprocessing.py
"""

import pathlib
import warnings

import numpy as np
import sklearn
from sklearn.preprocessing import (
    Binarizer,
    KBinsDiscretizer,
    LabelBinarizer,
    LabelEncoder,
    MaxAbsScaler,
    MinMaxScaler,
    Normalizer,
    OneHotEncoder,
    OrdinalEncoder,
    PolynomialFeatures,
    PowerTransformer,
    QuantileTransformer,
    RobustScaler,
)

assert sklearn.__version__ == "1.9.1", sklearn.__version__

OUT = pathlib.Path(__file__).resolve().parent.parent / "data" / "learn" / "preprocessing"
OUT.mkdir(parents=True, exist_ok=True)
for old in list(OUT.glob("*.npy")) + list(OUT.glob("*.txt")):
    old.unlink()
rng = np.random.default_rng(20261207)


def save(name, array):
    np.save(OUT / f"{name}.npy", np.asarray(array, dtype=np.float64))


def save_ragged(name, arrays):
    """One array per feature (categories_): NAME_0.npy, NAME_1.npy, ...; None as an empty array."""
    for j, a in enumerate(arrays):
        save(f"{name}_{j}", [] if a is None else a)


def save_text(name, lines):
    with open(OUT / f"{name}.txt", "w") as f:
        f.write("".join(f"{line}\n" for line in lines))


def as_float(objects):
    """An inverse_transform result with None / 'infrequent_sklearn' as NaN (what the C++ side returns)."""
    out = np.empty(objects.shape)
    for index, v in np.ndenumerate(objects):
        out[index] = np.nan if v is None or isinstance(v, str) else float(v)
    return out


# Continuous features of different scales and offsets, one constant column;
# the held-out rows reach outside the training range (for clip).
n, p = 41, 4
X = rng.standard_normal((n, p)) * [1.0, 100.0, 1e-3, 0.0] + [0.0, 1e4, -3.0, 7.0]
X[5, 0] = 8.0  # an outlier
X_test = rng.standard_normal((9, p)) * [2.0, 150.0, 2e-3, 1.0] + [0.0, 1e4, -3.0, 7.0]
X_nan = X.copy()
X_nan[rng.choice(n, 6, replace=False), 0] = np.nan
X_nan[rng.choice(n, 3, replace=False), 2] = np.nan
X_test_nan = X_test.copy()
X_test_nan[[1, 4], [0, 2]] = np.nan
for name, value in [("X", X), ("X_test", X_test), ("X_nan", X_nan), ("X_test_nan", X_test_nan)]:
    save(name, value)


def scaler_case(name, scaler, X_fit, X_apply, attributes):
    scaler.fit(X_fit)
    for attribute in attributes:
        save(f"{name}_{attribute}", getattr(scaler, attribute + "_"))
    Z = scaler.transform(X_apply)
    save(f"{name}_transform", Z)
    if hasattr(scaler, "inverse_transform"):
        save(f"{name}_inverse", scaler.inverse_transform(Z))


minmax = ["data_min", "data_max", "data_range", "scale", "min"]
scaler_case("minmax", MinMaxScaler(), X, X_test, minmax)
scaler_case("minmax_range", MinMaxScaler(feature_range=(-1, 2.5)), X, X_test, minmax)
scaler_case("minmax_clip", MinMaxScaler(feature_range=(-1, 2.5), clip=True), X, X_test, minmax)
scaler_case("minmax_nan", MinMaxScaler(), X_nan, X_test_nan, minmax)
s = MinMaxScaler()
s.partial_fit(X[:20])
s.partial_fit(X[20:])
save("minmax_partial_data_min", s.data_min_)
save("minmax_partial_data_max", s.data_max_)
save("minmax_partial_scale", s.scale_)

scaler_case("maxabs", MaxAbsScaler(), X, X_test, ["max_abs", "scale"])
scaler_case("maxabs_clip", MaxAbsScaler(clip=True), X, X_test, ["max_abs", "scale"])
scaler_case("maxabs_nan", MaxAbsScaler(), X_nan, X_test_nan, ["max_abs", "scale"])

scaler_case("robust", RobustScaler(), X, X_test, ["center", "scale"])
scaler_case("robust_even", RobustScaler(), X[:40], X_test, ["center", "scale"])
scaler_case("robust_range", RobustScaler(quantile_range=(10.0, 90.0), unit_variance=True), X, X_test,
            ["center", "scale"])
scaler_case("robust_odd_range", RobustScaler(quantile_range=(3.3, 61.7)), X[:40], X_test, ["center", "scale"])
scaler_case("robust_no_center", RobustScaler(with_centering=False), X, X_test, ["scale"])
scaler_case("robust_nan", RobustScaler(), X_nan, X_test_nan, ["center", "scale"])

X_rows = X_test.copy()
X_rows[3] = 0.0  # a zero row is left as is
X_rows[4] = [-2.0, 0.5, 0.0, 1.0]
save("X_rows", X_rows)
for norm in ["l1", "l2", "max"]:
    save(f"normalizer_{norm}_transform", Normalizer(norm=norm).fit(X_rows).transform(X_rows))
for threshold in [0.0, 0.5]:
    save(f"binarizer_{threshold}_transform", Binarizer(threshold=threshold).fit(X_rows).transform(X_rows))

# Categorical features: integer codes of uneven frequencies, non-integer
# values (Python's spelling of them in feature names), a binary feature and
# one with NaN as a category; the held-out rows hold unknown values.
m = 80
C = np.column_stack([
    rng.choice([1, 2, 3, 5, 8], m, p=[0.4, 0.3, 0.15, 0.1, 0.05]),
    rng.choice([-1.5, 0.25, 1e-5, 1e16, 2.0], m, p=[0.3, 0.3, 0.2, 0.1, 0.1]),
    rng.choice([0, 1], m, p=[0.7, 0.3]),
    rng.choice([10.0, 20.0, 30.0, np.nan], m, p=[0.3, 0.3, 0.3, 0.1]),
]).astype(float)
C_test = np.array([
    [1, -1.5, 0, 10.0],
    [8, 2.0, 1, np.nan],
    [3, 0.25, 1, 30.0],
    [4, 0.25, 0, 20.0],   # 4 unknown in feature 0
    [2, 7.0, 1, 10.0],    # 7 unknown in feature 1
    [5, 1e16, 0, 40.0],   # 40 unknown in feature 3
])
C_known = C_test[:3]
save("C", C)
save("C_test", C_test)
save("C_known", C_known)


def onehot_case(name, encoder, X_apply):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        encoder.fit(C)
        Z = encoder.transform(X_apply)
    save(f"{name}_transform", Z)
    save(f"{name}_inverse", as_float(encoder.inverse_transform(Z)))
    save_ragged(f"{name}_categories", encoder.categories_)
    save(f"{name}_drop_idx", [] if encoder.drop_idx_ is None else
         [-1 if d is None else d for d in encoder.drop_idx_])
    if hasattr(encoder, "infrequent_categories_"):
        save_ragged(f"{name}_infrequent", encoder.infrequent_categories_)
    save_text(f"{name}_names", encoder.get_feature_names_out())


onehot_case("onehot", OneHotEncoder(sparse_output=False), C_known)
onehot_case("onehot_first", OneHotEncoder(sparse_output=False, drop="first"), C_known)
onehot_case("onehot_if_binary", OneHotEncoder(sparse_output=False, drop="if_binary"), C_known)
onehot_case("onehot_ignore", OneHotEncoder(sparse_output=False, handle_unknown="ignore"), C_test)
onehot_case("onehot_ignore_first", OneHotEncoder(sparse_output=False, handle_unknown="ignore", drop="first"), C_test)
onehot_case("onehot_min_count", OneHotEncoder(sparse_output=False, min_frequency=10,
                                              handle_unknown="infrequent_if_exist"), C_test)
onehot_case("onehot_min_fraction", OneHotEncoder(sparse_output=False, min_frequency=0.2,
                                                 handle_unknown="infrequent_if_exist", drop="first"), C_test)
onehot_case("onehot_max_categories", OneHotEncoder(sparse_output=False, max_categories=3,
                                                   handle_unknown="ignore"), C_test)
onehot_case("onehot_max_one", OneHotEncoder(sparse_output=False, max_categories=1,
                                            handle_unknown="infrequent_if_exist"), C_test)
save_text("onehot_names_given", OneHotEncoder(sparse_output=False, min_frequency=10).fit(C)
          .get_feature_names_out(["a", "b", "c", "d"]))


def ordinal_case(name, encoder, X_apply):
    encoder.fit(C)
    Z = encoder.transform(X_apply)
    save(f"{name}_transform", Z)
    try:
        save(f"{name}_inverse", as_float(encoder.inverse_transform(Z)))
    except IndexError:
        # scikit-learn 1.9.1's inverse_transform miscounts the infrequent code
        # of a feature that also has NaN (it counts NaN among the categories):
        # no reference for that case.
        pass
    save_ragged(f"{name}_categories", encoder.categories_)
    if hasattr(encoder, "infrequent_categories_"):
        save_ragged(f"{name}_infrequent", encoder.infrequent_categories_)


ordinal_case("ordinal", OrdinalEncoder(), C_known)
ordinal_case("ordinal_unknown", OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1), C_test)
ordinal_case("ordinal_unknown_nan", OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=np.nan,
                                                   encoded_missing_value=-2), C_test)
ordinal_case("ordinal_min_count", OrdinalEncoder(min_frequency=10), C_known)
ordinal_case("ordinal_max_categories", OrdinalEncoder(max_categories=2, handle_unknown="use_encoded_value",
                                                      unknown_value=9), C_test)

# Target labels.
y = rng.choice([3, -1, 7, 12], 30).astype(float)
y_test = np.array([7.0, -1.0, 12.0, 3.0, 3.0])
save("y", y)
save("y_test", y_test)
le = LabelEncoder().fit(y)
save("label_encoder_classes", le.classes_)
save("label_encoder_transform", le.transform(y_test))
words = ["tokyo", "paris", "Zurich", "amsterdam", "paris", "tokyo", "Zurich"]
save_text("words", words)
le = LabelEncoder().fit(words)
save_text("label_encoder_string_classes", le.classes_)
save("label_encoder_string_transform", le.transform(["paris", "Zurich", "tokyo"]))

y_binary = np.where(y > 5, 7.0, 3.0)
save("y_binary", y_binary)
for name, labels, kwargs in [("binary", y_binary, {}), ("multiclass", y, {}),
                             ("multiclass_labels", y, {"neg_label": -1, "pos_label": 2}),
                             ("binary_labels", y_binary, {"neg_label": -2, "pos_label": 0})]:
    lb = LabelBinarizer(**kwargs).fit(labels)
    Y = lb.transform(labels)
    save(f"label_binarizer_{name}_classes", lb.classes_)
    save(f"label_binarizer_{name}_transform", Y)
    save(f"label_binarizer_{name}_inverse", lb.inverse_transform(Y))
lb = LabelBinarizer().fit(y)
save("label_binarizer_unseen", lb.transform([3.0, 5.0]))
save("label_binarizer_binary_as_multiclass", LabelBinarizer().fit(y_binary).transform([3.0, 7.0, 12.0]))

# PolynomialFeatures on 3 features of the held-out continuous data.
X_poly = X_test[:, :3].copy()

save("X_poly", X_poly)
for name, kwargs in [("poly", {}), ("poly_3", {"degree": 3}), ("poly_interaction", {"degree": 3, "interaction_only": True}),
                     ("poly_no_bias", {"degree": 2, "include_bias": False}), ("poly_0", {"degree": 0}),
                     ("poly_4_interaction", {"degree": 4, "interaction_only": True, "include_bias": False})]:
    poly = PolynomialFeatures(**kwargs).fit(X_poly)
    save(f"{name}_transform", poly.transform(X_poly))
    save(f"{name}_powers", poly.powers_)
    save_text(f"{name}_names", poly.get_feature_names_out())
save_text("poly_names_given", PolynomialFeatures(degree=3).fit(X_poly).get_feature_names_out(["a", "b", "c"]))

# PowerTransformer on skewed data: lognormal, exponential, a negative-valued
# gamma and a constant column; held-out rows within the same ranges.
m_pt = 60
X_skew = np.column_stack([
    np.exp(rng.standard_normal(m_pt)),
    rng.exponential(3.0, m_pt) + 0.1,
    -rng.gamma(2.0, 1.5, m_pt) + 1.0,
    np.full(m_pt, 4.0),
])
X_skew_test = X_skew[:7] * 1.1
X_skew_nan = X_skew.copy()
X_skew_nan[[3, 17, 40], 1] = np.nan
for name, value in [("X_skew", X_skew), ("X_skew_test", X_skew_test), ("X_skew_nan", X_skew_nan)]:
    save(name, value)
for name, kwargs, data in [("power_yj", {}, X_skew), ("power_yj_raw", {"standardize": False}, X_skew_nan),
                           ("power_bc", {"method": "box-cox"}, X_skew[:, :2]),
                           ("power_bc_raw", {"method": "box-cox", "standardize": False}, X_skew_nan[:, :2])]:
    pt = PowerTransformer(**kwargs).fit(data)
    test = X_skew_test[:, :data.shape[1]]
    save(f"{name}_lambdas", pt.lambdas_)
    Z = pt.transform(test)
    save(f"{name}_transform", Z)
    save(f"{name}_inverse", pt.inverse_transform(Z))

# QuantileTransformer: continuous columns, a column with ties (small
# integers), held-out rows inside and outside the training range.
X_q = X.copy()
X_q[:, 3] = rng.integers(0, 4, n).astype(float)
X_q_test = np.vstack([X_test, X_q[:4] , [[-50.0, 0.0, -10.0, 9.0]]])
X_q_test[-2, 3] = 2.0
X_q_nan = X_q.copy()
X_q_nan[[2, 9, 30], 0] = np.nan
for name, value in [("X_q", X_q), ("X_q_test", X_q_test), ("X_q_nan", X_q_nan)]:
    save(name, value)
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    for name, kwargs, data in [("quantile_10", {"n_quantiles": 10}, X_q),
                               ("quantile_normal", {"n_quantiles": 20, "output_distribution": "normal"}, X_q),
                               ("quantile_default", {}, X_q),
                               ("quantile_nan", {"n_quantiles": 15}, X_q_nan)]:
        qt = QuantileTransformer(**kwargs).fit(data)
        save(f"{name}_quantiles", qt.quantiles_)
        save(f"{name}_references", qt.references_)
        Z = qt.transform(X_q_test)
        save(f"{name}_transform", Z)
        save(f"{name}_inverse", qt.inverse_transform(Z))

# KBinsDiscretizer on the continuous data (a constant column included) and
# a column with heavy ties (bins narrower than 1e-8 removed).
X_bins = X_q.copy()
X_bins_test = X_q_test.copy()
save("X_bins", X_bins)
save("X_bins_test", X_bins_test)
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    for name, kwargs in [("kbins_quantile", {"encode": "ordinal"}),
                         ("kbins_linear", {"encode": "ordinal", "n_bins": 4, "quantile_method": "linear"}),
                         ("kbins_inverted", {"encode": "ordinal", "n_bins": 6, "quantile_method": "inverted_cdf"}),
                         ("kbins_uniform", {"encode": "onehot-dense", "n_bins": 3, "strategy": "uniform"}),
                         ("kbins_kmeans", {"encode": "ordinal", "n_bins": 4, "strategy": "kmeans"})]:
        kb = KBinsDiscretizer(**kwargs).fit(X_bins)
        save_ragged(f"{name}_edges", kb.bin_edges_)
        save(f"{name}_n_bins", kb.n_bins_)
        Z = kb.transform(X_bins_test)
        save(f"{name}_transform", Z)
        save(f"{name}_inverse", kb.inverse_transform(Z))
        save_text(f"{name}_names", kb.get_feature_names_out())
    X_const = np.column_stack([X[:, 0], np.full(n, 7.0)])
    save("X_const", X_const)
    kb = KBinsDiscretizer(encode="ordinal", strategy="uniform", n_bins=3).fit(X_const)
    save("kbins_const_transform", kb.transform(X_const))
