"""Reference values for the SGD estimators (tests/learn/linear_model/sgd_test.cpp):
scikit-learn 1.9's SGDClassifier, SGDRegressor, Perceptron,
PassiveAggressiveClassifier and PassiveAggressiveRegressor fitted with
shuffle=False, where scikit-learn's SGD is deterministic and the C++ side runs
the same steps in the same order. Writes tests/data/learn/sgd/*.npy.

Data (saved here): X (70 x 4, standardized normal with a shifted column),
y2 (two classes, labels 2 and 5), y3 (three classes, labels -1, 3, 7), yr (a
linear target with noise), w (sample weights in [0.2, 2], a few zeros).

For each case (the hyper-parameters are written out in the C++ test too, by
name) the script saves CASE_coef, CASE_intercept, CASE_info ([n_iter_, t_])
and CASE_decision (decision_function / predict on X).

Cases named *_partial feed partial_fit the rows [0, 30), [30, 70) (classes on
the first call); *_warm fit twice with warm_start=True.

The optimum case: log_loss with an L2 penalty, minimized exactly by L-BFGS
(gtol 1e-12) on (1/n) sum_i log(1 + exp(-s_i (x_i . w + b))) + alpha ||w||^2 / 2,
saved as optimum_coef / optimum_intercept, which SGD with a small constant
rate, averaging and many shuffled epochs approaches.

Run: .venv/bin/python tests/reference/learn_sgd.py
"""

import pathlib
import warnings

import numpy as np
from scipy.optimize import minimize
from sklearn.linear_model import (
    PassiveAggressiveClassifier,
    PassiveAggressiveRegressor,
    Perceptron,
    SGDClassifier,
    SGDRegressor,
)

OUT = pathlib.Path(__file__).resolve().parent.parent / "data" / "learn" / "sgd"
OUT.mkdir(parents=True, exist_ok=True)
rng = np.random.default_rng(20261207)


def save(name, array):
    np.save(OUT / f"{name}.npy", np.asarray(array, dtype=np.float64))


n, p = 70, 4
X = rng.standard_normal((n, p))
X[:, 2] = 0.5 * X[:, 2] + 1.0
beta = np.array([1.5, -2.0, 0.7, 0.0])
score = X @ beta + 0.5 * rng.standard_normal(n)
y2 = np.where(score > 0.5, 5.0, 2.0)
y3 = np.select([score < -0.5, score < 1.5], [-1.0, 3.0], 7.0)
yr = X @ beta + 0.3 + 0.2 * rng.standard_normal(n)
w = rng.uniform(0.2, 2.0, n)
w[[3, 17, 40]] = 0.0
save("X", X)
save("y2", y2)
save("y3", y3)
save("yr", yr)
save("w", w)
targets = {"y2": y2, "y3": y3, "yr": yr}

C = dict(shuffle=False)
# name: (estimator class, params, target, use sample weights)
cases = {
    "hinge_optimal": (SGDClassifier, dict(C, tol=None, max_iter=5), "y2", False),
    "hinge_optimal_3": (SGDClassifier, dict(C, tol=None, max_iter=5), "y3", False),
    "log_constant": (SGDClassifier, dict(C, loss="log_loss", learning_rate="constant", eta0=0.05, tol=None,
                                         max_iter=10), "y2", False),
    "log_constant_3": (SGDClassifier, dict(C, loss="log_loss", learning_rate="constant", eta0=0.05, tol=None,
                                           max_iter=10), "y3", False),
    "mhuber_elasticnet_invscaling": (SGDClassifier, dict(C, loss="modified_huber", penalty="elasticnet",
                                                         l1_ratio=0.3, alpha=0.01, learning_rate="invscaling",
                                                         eta0=0.1, tol=None, max_iter=7), "y3", False),
    "sqhinge_l1_optimal": (SGDClassifier, dict(C, loss="squared_hinge", penalty="l1", alpha=1e-3, tol=None,
                                               max_iter=5), "y2", False),
    "perceptron_loss": (SGDClassifier, dict(C, loss="perceptron", penalty=None, learning_rate="constant",
                                            eta0=1.0, tol=None, max_iter=4), "y3", False),
    "hinge_tol": (SGDClassifier, dict(C), "y2", False),
    "log_adaptive_tol": (SGDClassifier, dict(C, loss="log_loss", learning_rate="adaptive", eta0=0.5, tol=1e-4,
                                             n_iter_no_change=3), "y3", False),
    "log_average": (SGDClassifier, dict(C, loss="log_loss", learning_rate="constant", eta0=0.1, average=True,
                                        tol=None, max_iter=6), "y2", False),
    "hinge_average10_3": (SGDClassifier, dict(C, average=10, tol=None, max_iter=3), "y3", False),
    "hinge_weighted_balanced_3": (SGDClassifier, dict(C, class_weight="balanced", alpha=1e-3, tol=None,
                                                      max_iter=5), "y3", True),
    "log_dict_weight": (SGDClassifier, dict(C, loss="log_loss", class_weight={2: 0.5, 5: 3.0},
                                            learning_rate="invscaling", eta0=0.2, tol=None, max_iter=5), "y2", True),
    "hinge_no_intercept": (SGDClassifier, dict(C, fit_intercept=False, tol=None, max_iter=5), "y2", False),
    "sqerror_classifier": (SGDClassifier, dict(C, loss="squared_error", learning_rate="constant", eta0=0.01,
                                               tol=None, max_iter=5), "y3", False),
    "huber_classifier": (SGDClassifier, dict(C, loss="huber", epsilon=0.3, tol=None, max_iter=5), "y2", False),
    "pa1_classifier": (SGDClassifier, dict(C, penalty=None, learning_rate="pa1", eta0=0.5, tol=None, max_iter=4),
                       "y3", False),
    "perceptron": (Perceptron, dict(C), "y3", False),
    "perceptron_l2": (Perceptron, dict(C, penalty="l2", alpha=1e-3, tol=None, max_iter=5), "y2", True),
    "pa_hinge": (PassiveAggressiveClassifier, dict(C, C=0.5, tol=None, max_iter=5), "y2", False),
    "pa_squared_hinge_3": (PassiveAggressiveClassifier, dict(C, loss="squared_hinge", C=0.2), "y3", False),
    "reg_default": (SGDRegressor, dict(C), "yr", False),
    "reg_invscaling": (SGDRegressor, dict(C, tol=None, max_iter=10), "yr", False),
    "reg_huber_constant": (SGDRegressor, dict(C, loss="huber", epsilon=0.5, learning_rate="constant", eta0=0.02,
                                              tol=None, max_iter=8), "yr", True),
    "reg_epsins_elasticnet_optimal": (SGDRegressor, dict(C, loss="epsilon_insensitive", penalty="elasticnet",
                                                         l1_ratio=0.5, alpha=1e-2, learning_rate="optimal",
                                                         tol=None, max_iter=6), "yr", False),
    "reg_sqepsins_l1_adaptive": (SGDRegressor, dict(C, loss="squared_epsilon_insensitive", penalty="l1",
                                                    alpha=1e-3, learning_rate="adaptive", eta0=0.05, tol=1e-4),
                                 "yr", False),
    "reg_average": (SGDRegressor, dict(C, average=True, eta0=0.05, tol=None, max_iter=10), "yr", False),
    "reg_average20_none": (SGDRegressor, dict(C, penalty=None, average=20, learning_rate="constant", eta0=0.01,
                                              tol=None, max_iter=3), "yr", True),
    "pa_reg": (PassiveAggressiveRegressor, dict(C, C=0.1, tol=None, max_iter=5), "yr", False),
    "pa_reg_squared": (PassiveAggressiveRegressor, dict(C, loss="squared_epsilon_insensitive", C=0.1,
                                                        epsilon=0.05), "yr", False),
    # partial_fit in two chunks, and warm starts
    "log_partial_3": (SGDClassifier, dict(C, loss="log_loss", learning_rate="invscaling", eta0=0.1), "y3", False),
    "hinge_average_partial": (SGDClassifier, dict(C, average=True), "y3", False),
    "reg_partial": (SGDRegressor, dict(C), "yr", True),
    "reg_average_partial": (SGDRegressor, dict(C, average=5), "yr", False),
    "hinge_warm": (SGDClassifier, dict(C, warm_start=True, tol=None, max_iter=3), "y3", False),
    "reg_warm": (SGDRegressor, dict(C, warm_start=True, tol=None, max_iter=3), "yr", False),
}

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    for name, (cls, params, target, weighted) in cases.items():
        y = targets[target]
        est = cls(**params)
        sw = w if weighted else None
        if name.endswith("_partial") or name.endswith("_partial_3"):
            if cls is SGDRegressor:
                est.partial_fit(X[:30], y[:30], sample_weight=None if sw is None else sw[:30])
                est.partial_fit(X[30:], y[30:], sample_weight=None if sw is None else sw[30:])
            else:
                est.partial_fit(X[:30], y[:30], classes=np.unique(y))
                est.partial_fit(X[30:], y[30:])
        elif name.endswith("_warm"):
            est.fit(X, y)
            est.fit(X, y)
        elif cls in (PassiveAggressiveClassifier, PassiveAggressiveRegressor):
            est.fit(X, y)
        else:
            est.fit(X, y, sample_weight=sw)
        coef = np.atleast_2d(est.coef_)
        save(f"{name}_coef", coef)
        save(f"{name}_intercept", np.atleast_1d(est.intercept_))
        save(f"{name}_info", [est.n_iter_, est.t_])
        if target == "yr":
            save(f"{name}_decision", est.predict(X))
        else:
            save(f"{name}_decision", np.atleast_2d(est.decision_function(X).T).T)
            if params.get("loss") in ("log_loss", "modified_huber"):
                save(f"{name}_proba", est.predict_proba(X))

# Sparse X (scipy.sparse CSR): X with about 60% of its entries zeroed, saved
# dense as Xs; scikit-learn's sparse path touches only the stored entries and
# moves the intercept at 0.01 of the rate.
import scipy.sparse as sp  # noqa: E402

Xs = X * (rng.uniform(size=X.shape) < 0.4)
save("Xs", Xs)
Xcsr = sp.csr_matrix(Xs)
sparse_cases = {
    "sparse_hinge": (SGDClassifier, dict(C, tol=None, max_iter=5), "y2", False),
    "sparse_log_elasticnet_average_3": (SGDClassifier, dict(C, loss="log_loss", penalty="elasticnet", alpha=1e-3,
                                                            learning_rate="constant", eta0=0.05, average=True,
                                                            tol=None, max_iter=6), "y3", True),
    "sparse_mhuber_tol": (SGDClassifier, dict(C, loss="modified_huber", penalty="l1", alpha=1e-3), "y2", False),
    "sparse_reg_l1": (SGDRegressor, dict(C, penalty="l1", alpha=1e-3, tol=None, max_iter=8), "yr", True),
    "sparse_reg_tol": (SGDRegressor, dict(C), "yr", False),
    "sparse_perceptron": (Perceptron, dict(C, tol=None, max_iter=5), "y3", True),
    "sparse_pa_classifier": (PassiveAggressiveClassifier, dict(C, tol=None, max_iter=5), "y2", False),
    "sparse_pa_regressor": (PassiveAggressiveRegressor, dict(C, tol=None, max_iter=5), "yr", False),
}
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    for name, (cls, params, target, weighted) in sparse_cases.items():
        y = targets[target]
        # The passive-aggressive fits take no sample_weight.
        est = cls(**params).fit(Xcsr, y, sample_weight=w) if weighted else cls(**params).fit(Xcsr, y)
        save(f"{name}_coef", np.atleast_2d(est.coef_))
        save(f"{name}_intercept", np.atleast_1d(est.intercept_))
        save(f"{name}_info", [est.n_iter_, est.t_])
        if target == "yr":
            save(f"{name}_decision", est.predict(Xcsr))
        else:
            save(f"{name}_decision", np.atleast_2d(est.decision_function(Xcsr).T).T)

# partial_fit for one epoch equals fit with max_iter=1 (scikit-learn's own
# check, repeated here on its output): one file each.
for cls, target in ((SGDClassifier, "y3"), (SGDRegressor, "yr")):
    y = targets[target]
    a = cls(shuffle=False, max_iter=1, tol=None).fit(X, y)
    b = cls(shuffle=False)
    if cls is SGDClassifier:
        b.partial_fit(X, y, classes=np.unique(y))
    else:
        b.partial_fit(X, y)
    assert np.array_equal(a.coef_, b.coef_) and np.array_equal(a.intercept_, b.intercept_)

# The exact optimum of the L2-penalized log loss (labels y2 > 3 positive).
s = np.where(y2 > 3, 1.0, -1.0)
alpha = 0.01


def objective(theta):
    coef, b = theta[:p], theta[p]
    r = X @ coef + b
    m = -s * r
    loss = np.logaddexp(0, m).mean() + 0.5 * alpha * coef @ coef
    g = -s * np.exp(m - np.logaddexp(0, m)) / n
    return loss, np.concatenate([X.T @ g + alpha * coef, [g.sum()]])


res = minimize(objective, np.zeros(p + 1), jac=True, method="L-BFGS-B",
               options=dict(gtol=1e-12, ftol=1e-15, maxiter=10000))
assert res.success, res.message
save("optimum_coef", res.x[:p])
save("optimum_intercept", res.x[p:])

# Shuffled fits: our shuffling is not NumPy's, so the C++ test compares the
# training accuracy / R^2 and the epoch counts with the range scikit-learn gives
# over the seeds 0..9: digits (standardized) with the default SGDClassifier,
# diabetes (standardized) with the default SGDRegressor.
from sklearn.datasets import load_diabetes, load_digits  # noqa: E402
from sklearn.preprocessing import StandardScaler  # noqa: E402

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    digits = load_digits()
    Xd = StandardScaler().fit_transform(digits.data)
    rows = []
    for seed in range(10):
        est = SGDClassifier(random_state=seed).fit(Xd, digits.target)
        rows.append([est.score(Xd, digits.target), est.n_iter_])
    save("shuffled_digits", rows)
    diabetes = load_diabetes()
    Xb = StandardScaler().fit_transform(diabetes.data)
    rows = []
    for seed in range(10):
        est = SGDRegressor(random_state=seed).fit(Xb, diabetes.target)
        rows.append([est.score(Xb, diabetes.target), est.n_iter_])
    save("shuffled_diabetes", rows)

print("wrote", len(list(OUT.glob("*.npy"))), "files to", OUT)
