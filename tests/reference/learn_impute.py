"""Reference values for scilearn::learn's imputers and nan_euclidean_distances
(tests/learn/impute/*_test.cpp): SimpleImputer, KNNImputer and
MissingIndicator fitted by scikit-learn with a few parameter settings on data
with missing values. Writes tests/data/learn/impute/: NAME.npy arrays (float64;
NaN marks a missing value) and feature names as NAME.txt (one per line).

The KNN data are continuous and the script asserts that no two candidate
donors of any imputed entry are at nearly equal distances around the
n_neighbors-th place, so scikit-learn's choice (argpartition, unspecified among
ties) is the only one; the integer data of the zero-distance case are exact
in floating point.

Run: .venv/bin/python tests/reference/learn_impute.py
"""

import pathlib
import warnings

import numpy as np
import sklearn
from sklearn.impute import KNNImputer, MissingIndicator, SimpleImputer
from sklearn.metrics.pairwise import nan_euclidean_distances

assert sklearn.__version__ == "1.9.1", sklearn.__version__

OUT = pathlib.Path(__file__).resolve().parent.parent / "data" / "learn" / "impute"
OUT.mkdir(parents=True, exist_ok=True)
for old in list(OUT.glob("*.npy")) + list(OUT.glob("*.txt")):
    old.unlink()
rng = np.random.default_rng(20261206)


def save(name, array):
    np.save(OUT / f"{name}.npy", np.asarray(array, dtype=np.float64))


def save_text(name, lines):
    with open(OUT / f"{name}.txt", "w") as f:
        f.write("".join(f"{line}\n" for line in lines))


def with_missing(X, fraction):
    X = X.copy()
    X[rng.random(X.shape) < fraction] = np.nan
    return X


# --- SimpleImputer on continuous data: feature 3 all missing in fit, row 7
# all missing, values rounded to 2 decimals so medians of even counts mix.
X = np.round(rng.standard_normal((30, 5)) * [1, 10, 0.1, 1, 100] + [0, 5, -1, 0, 50], 2)
X = with_missing(X, 0.2)
X[:, 3] = np.nan
X[7, :] = np.nan
X_test = np.round(rng.standard_normal((12, 5)) * 3, 2)
X_test = with_missing(X_test, 0.3)
X_test[4, :] = np.nan
X_test[0, 3] = 1.5  # present in a dropped feature
save("simple_X", X)
save("simple_X_test", X_test)

# Integer data with ties for most_frequent: in feature 0 the values 1 and 2
# appear 4 times each (1, the smallest, wins), in feature 1 -3 and 7 appear 3
# times each; feature 2 is all missing; feature 3 has a clear mode.
X_int = np.array(
    [
        [1, 7, np.nan, 0],
        [2, -3, np.nan, 0],
        [1, 7, np.nan, 5],
        [2, np.nan, np.nan, 0],
        [np.nan, -3, np.nan, 5],
        [1, 7, np.nan, 0],
        [2, -3, np.nan, np.nan],
        [1, 4, np.nan, 0],
        [2, np.nan, np.nan, 2],
        [3, 4, np.nan, np.nan],
    ]
)
save("int_X", X_int)
X_int_test = np.array([[np.nan, np.nan, 1, np.nan], [4, np.nan, np.nan, 2], [np.nan, 0, np.nan, 1]])
save("int_X_test", X_int_test)

simple_cases = []
with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # "Skipping features without any observed values"
    for data, data_test, prefix in ((X, X_test, "simple"), (X_int, X_int_test, "int")):
        for strategy in ("mean", "median", "most_frequent", "constant"):
            for keep_empty in (False, True):
                for indicator in (False, True):
                    params = dict(strategy=strategy, keep_empty_features=keep_empty, add_indicator=indicator)
                    if strategy == "constant" and prefix == "int":
                        params["fill_value"] = -7.5
                    name = f"{prefix}_{strategy}_{int(keep_empty)}_{int(indicator)}"
                    imputer = SimpleImputer(**params).fit(data)
                    save(f"{name}_statistics", imputer.statistics_.astype(np.float64))
                    save(f"{name}_transform", imputer.transform(data_test))
                    save(f"{name}_fit_transform", imputer.transform(data))
                    if indicator:
                        save(f"{name}_indicator_features", imputer.indicator_.features_)
                        # scikit-learn takes a feature whose indicator is set in every row
                        # for a dropped one, so with keep_empty_features its matching runs
                        # out of features (IndexError); the C++ side throws ValueError.
                        try:
                            save(f"{name}_inverse", imputer.inverse_transform(imputer.transform(data)))
                        except IndexError:
                            pass
                    save_text(f"{name}_names", imputer.get_feature_names_out())
                    simple_cases.append(
                        f"{name},{prefix},{strategy},{int(keep_empty)},{int(indicator)},"
                        f"{params.get('fill_value', 'None')}"
                    )
    # A numeric placeholder: -1 marks the missing values (NaN is not allowed).
    X_minus = np.where(np.isnan(X_int), -1.0, X_int)
    X_minus_test = np.where(np.isnan(X_int_test), -1.0, X_int_test)
    save("minus_X", X_minus)
    save("minus_X_test", X_minus_test)
    imputer = SimpleImputer(missing_values=-1, strategy="most_frequent", add_indicator=True).fit(X_minus)
    save("minus_statistics", imputer.statistics_.astype(np.float64))
    save("minus_transform", imputer.transform(X_minus_test))
    save("minus_inverse", imputer.inverse_transform(imputer.transform(X_minus)))
save_text("simple_cases", simple_cases)

# --- MissingIndicator
for features in ("missing-only", "all"):
    tag = features.replace("-", "_")
    indicator = MissingIndicator(features=features, error_on_new=False).fit(X)
    save(f"indicator_{tag}_features", indicator.features_)
    save(f"indicator_{tag}_transform", indicator.transform(X_test))
    save_text(f"indicator_{tag}_names", indicator.get_feature_names_out())

# --- nan_euclidean_distances
A = with_missing(rng.standard_normal((9, 4)) * 2 + 1, 0.3)
A[2, :] = np.nan
B = with_missing(rng.standard_normal((6, 4)), 0.3)
B[5, :] = [np.nan, 1.25, np.nan, np.nan]
save("nan_euclidean_X", A)
save("nan_euclidean_Y", B)
save("nan_euclidean_XY", nan_euclidean_distances(A, B))
save("nan_euclidean_XY_squared", nan_euclidean_distances(A, B, squared=True))
save("nan_euclidean_XX", nan_euclidean_distances(A))


# --- KNNImputer on continuous data. Feature 4 all missing in fit; a test
# row all missing (imputed with the fit means).
def assert_no_ties(fit, test, k):
    """No nearly equal distances at the k-th place among any entry's donors."""
    D = nan_euclidean_distances(test, fit)
    for i, c in zip(*np.nonzero(np.isnan(test))):
        donors = ~np.isnan(fit[:, c])
        d = np.sort(D[i, donors])
        d = d[~np.isnan(d)]
        if len(d) > k:
            assert d[k] - d[k - 1] > 1e-6 * d[k], (i, c, d[k - 1], d[k])


K_fit = with_missing(rng.standard_normal((40, 5)) * [1, 2, 0.5, 3, 1], 0.15)
K_fit[:, 4] = np.nan
K_test = with_missing(rng.standard_normal((15, 5)), 0.25)
K_test[3, :] = np.nan
save("knn_X", K_fit)
save("knn_X_test", K_test)
knn_cases = []
for k in (1, 3, 5):
    assert_no_ties(K_fit, K_test, k)
    assert_no_ties(K_fit, K_fit, k)
    for weights in ("uniform", "distance"):
        for keep_empty, indicator in ((False, False), (True, True)):
            name = f"knn_{k}_{weights}_{int(keep_empty)}_{int(indicator)}"
            imputer = KNNImputer(
                n_neighbors=k, weights=weights, keep_empty_features=keep_empty, add_indicator=indicator
            ).fit(K_fit)
            save(f"{name}_transform", imputer.transform(K_test))
            save(f"{name}_fit_transform", imputer.transform(K_fit))
            if indicator:
                save(f"{name}_indicator_features", imputer.indicator_.features_)
            knn_cases.append(f"{name},{k},{weights},{int(keep_empty)},{int(indicator)}")
save_text("knn_cases", knn_cases)

# More neighbours than donors: every donor counts (25 neighbours, 40 rows).
imputer = KNNImputer(n_neighbors=60, weights="distance").fit(K_fit)
save("knn_60_distance_transform", imputer.transform(K_test))

# Zero distances with integer data (exact in floating point): test row 0
# matches fit rows 1 and 3 on their shared features, so with distance weights
# those two alone give the value; uniform weights average the 3 nearest
# (distinct distances beyond the zeros).
Z_fit = np.array(
    [[0, 0, 0, 10], [1, 2, np.nan, 4], [5, 1, 3, 9], [1, 2, 8, 6], [3, 3, 3, 1], [9, 0, 2, np.nan], [2, 7, 1, 3]],
    dtype=float,
)
Z_test = np.array([[1, 2, np.nan, np.nan], [np.nan, 3, 3, np.nan], [4, np.nan, 0, 2]], dtype=float)
save("zero_X", Z_fit)
save("zero_X_test", Z_test)
for weights in ("uniform", "distance"):
    imputer = KNNImputer(n_neighbors=3, weights=weights).fit(Z_fit)
    save(f"zero_{weights}_transform", imputer.transform(Z_test))
save_text("knn_names", KNNImputer(add_indicator=True).fit(K_fit).get_feature_names_out())
