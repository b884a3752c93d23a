"""Reference values for the naive Bayes classifiers
(tests/learn/naive_bayes/naive_bayes_test.cpp): scikit-learn 1.9's GaussianNB,
MultinomialNB, ComplementNB, BernoulliNB and CategoricalNB fitted with the same
hyper-parameters on the same data. Writes tests/data/learn/naive_bayes/*.npy
and cases.csv.

Data: iris and digits (both sides load the bundled copies: load_iris /
load_digits), and small generated count / categorical data saved here. For
each case (a row of cases.csv: name, estimator, data) the fitted attributes
are saved as CASE_<attribute>.npy (CategoricalNB's per-feature lists as
CASE_<attribute>_<feature>.npy), and the joint log-likelihood, log-probabilities
and probabilities on the case's test rows as CASE_jll / CASE_log_proba /
CASE_proba. The hyper-parameters of each case are written out in the C++ test
too (by name).

partial_fit cases feed the rows in the chunks [0, 40), [40, 90), [90, n), the
classes given on the first call, sample weights on the second chunk only.

Run: .venv/bin/python tests/reference/learn_naive_bayes.py
"""

import csv
import pathlib
import warnings

import numpy as np
from sklearn.datasets import load_digits, load_iris
from sklearn.naive_bayes import BernoulliNB, CategoricalNB, ComplementNB, GaussianNB, MultinomialNB

OUT = pathlib.Path(__file__).resolve().parent.parent / "data" / "learn" / "naive_bayes"
OUT.mkdir(parents=True, exist_ok=True)
rng = np.random.default_rng(20261206)


def save(name, array):
    np.save(OUT / f"{name}.npy", np.asarray(array, dtype=np.float64))


iris = load_iris()
digits = load_digits()
# Iris with the labels -1, 3, 7 and its rows shuffled (so that every chunk of
# partial_fit sees a mix); weights with some zeros.
perm = rng.permutation(150)
X_iris = iris.data[perm]
y_iris = np.array([-1.0, 3.0, 7.0])[iris.target[perm]]
w_iris = rng.uniform(0.2, 3.0, 150)
w_iris[rng.choice(150, 10, replace=False)] = 0.0
# Iris far from the origin: the variance is small against the mean squared,
# where X^2 / var - 2 X theta / var + theta^2 / var cancels (the test checks the
# expanded kernel against scikit-learn's direct sum).
X_shift = X_iris + 1e5
X_digits = digits.data
y_digits = digits.target.astype(np.float64)
N_DIGITS_TEST = 60

# Counts: 3 classes (-2, 0, 5) with their own Poisson rates over 12 features.
n_counts = 150
y_counts = np.array([-2.0, 0.0, 5.0])[rng.integers(0, 3, n_counts)]
rates = rng.uniform(0.2, 6.0, (3, 12))
X_counts = rng.poisson(rates[np.searchsorted([-2.0, 0.0, 5.0], y_counts)]).astype(np.float64)
w_counts = rng.uniform(0.1, 4.0, n_counts)
# Categorical: 5 features with 2 to 6 categories, class-dependent frequencies.
n_cat = 150
y_cat = np.array([1.0, 2.0, 4.0])[rng.integers(0, 3, n_cat)]
X_cat = np.empty((n_cat, 5))
for j, k in enumerate([2, 3, 4, 5, 6]):
    probs = rng.dirichlet(np.ones(k), size=3)
    for i in range(n_cat):
        X_cat[i, j] = rng.choice(k, p=probs[int(np.searchsorted([1.0, 2.0, 4.0], y_cat[i]))])
w_cat = rng.uniform(0.1, 4.0, n_cat)

save("X_iris", X_iris)
save("y_iris", y_iris)
save("w_iris", w_iris)
save("X_counts", X_counts)
save("y_counts", y_counts)
save("w_counts", w_counts)
save("X_cat", X_cat)
save("y_cat", y_cat)
save("w_cat", w_cat)

DATA = {
    "iris": (X_iris, y_iris, w_iris),
    "shift": (X_shift, y_iris, w_iris),
    "digits": (X_digits, y_digits, None),
    "counts": (X_counts, y_counts, w_counts),
    "cat": (X_cat, y_cat, w_cat),
}
CHUNKS = [(0, 40), (40, 90), (90, None)]

# name, estimator, data, constructor arguments, how: fit / weighted / partial
CASES = [
    ("g_iris", GaussianNB, "iris", {}, "fit"),
    ("g_iris_priors", GaussianNB, "iris", {"priors": [0.2, 0.3, 0.5]}, "fit"),
    ("g_iris_weighted", GaussianNB, "iris", {"var_smoothing": 1e-6}, "weighted"),
    ("g_iris_partial", GaussianNB, "iris", {}, "partial"),
    ("g_shift", GaussianNB, "shift", {}, "fit"),
    ("g_digits", GaussianNB, "digits", {}, "fit"),
    ("m_counts", MultinomialNB, "counts", {}, "fit"),
    ("m_counts_weighted", MultinomialNB, "counts", {"alpha": 0.5, "fit_prior": False}, "weighted"),
    ("m_counts_prior", MultinomialNB, "counts", {"class_prior": [0.1, 0.3, 0.6]}, "fit"),
    ("m_counts_alpha0", MultinomialNB, "counts", {"alpha": 0.0, "force_alpha": False}, "fit"),
    ("m_counts_partial", MultinomialNB, "counts", {}, "partial"),
    ("m_digits", MultinomialNB, "digits", {}, "fit"),
    ("c_counts", ComplementNB, "counts", {}, "fit"),
    ("c_counts_norm", ComplementNB, "counts", {"norm": True, "alpha": 0.3}, "weighted"),
    ("c_counts_partial", ComplementNB, "counts", {}, "partial"),
    ("c_digits", ComplementNB, "digits", {}, "fit"),
    ("b_counts", BernoulliNB, "counts", {}, "fit"),
    ("b_counts_binarize", BernoulliNB, "counts", {"binarize": 2.5, "alpha": 0.7}, "weighted"),
    ("b_counts_prior", BernoulliNB, "counts", {"binarize": 3.0, "class_prior": [0.5, 0.25, 0.25]}, "fit"),
    ("b_counts_partial", BernoulliNB, "counts", {"binarize": 1.0}, "partial"),
    ("b_digits", BernoulliNB, "digits", {"binarize": 7.5}, "fit"),
    ("cat", CategoricalNB, "cat", {}, "fit"),
    ("cat_weighted", CategoricalNB, "cat", {"alpha": 0.5, "fit_prior": False}, "weighted"),
    ("cat_min", CategoricalNB, "cat", {"min_categories": [3, 2, 6, 5, 8]}, "fit"),
    ("cat_min_int", CategoricalNB, "cat", {"min_categories": 7}, "fit"),
    ("cat_alpha0", CategoricalNB, "cat", {"alpha": 0.0, "force_alpha": False}, "fit"),
    ("cat_partial", CategoricalNB, "cat", {}, "partial"),
]

ATTRIBUTES = {
    GaussianNB: ["theta_", "var_", "class_prior_", "class_count_", "epsilon_", "classes_"],
    MultinomialNB: ["feature_count_", "class_count_", "feature_log_prob_", "class_log_prior_", "classes_"],
    ComplementNB: ["feature_count_", "feature_all_", "class_count_", "feature_log_prob_", "class_log_prior_", "classes_"],
    BernoulliNB: ["feature_count_", "class_count_", "feature_log_prob_", "class_log_prior_", "classes_"],
    CategoricalNB: ["category_count_", "n_categories_", "class_count_", "feature_log_prob_", "class_log_prior_", "classes_"],
}

rows = []
for name, cls, data, kwargs, how in CASES:
    X, y, w = DATA[data]
    model = cls(**kwargs)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        if how == "fit":
            model.fit(X, y)
        elif how == "weighted":
            model.fit(X, y, sample_weight=w)
        else:
            # The first chunk misses classes only when it happens to; the
            # classes are given on the first call.
            classes = np.unique(y)
            for k, (start, stop) in enumerate(CHUNKS):
                model.partial_fit(
                    X[start:stop],
                    y[start:stop],
                    classes=classes if k == 0 else None,
                    sample_weight=w[start:stop] if k == 1 else None,
                )
    warned = any("alpha too small" in str(c.message) for c in caught)
    for attribute in ATTRIBUTES[cls]:
        value = getattr(model, attribute)
        if isinstance(value, list):
            for j, v in enumerate(value):
                save(f"{name}_{attribute.rstrip('_')}_{j}", v)
        else:
            save(f"{name}_{attribute.rstrip('_')}", np.atleast_1d(value))
    X_test = X[:N_DIGITS_TEST] if data == "digits" else X
    save(f"{name}_jll", model.predict_joint_log_proba(X_test))
    save(f"{name}_log_proba", model.predict_log_proba(X_test))
    save(f"{name}_proba", model.predict_proba(X_test))
    save(f"{name}_predict", model.predict(X_test))
    rows.append([name, cls.__name__, data, how, int(warned)])

with open(OUT / "cases.csv", "w", newline="") as f:
    writer = csv.writer(f, lineterminator="\n")
    writer.writerow(["name", "estimator", "data", "how", "alpha_warning"])
    writer.writerows(rows)

total = sum(p.stat().st_size for p in OUT.iterdir())
print(f"{len(rows)} cases, {total / 1024:.0f} KiB in {OUT.name}")
