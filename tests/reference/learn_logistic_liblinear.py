"""Reference values for LogisticRegression's liblinear solver
(tests/learn/linear_model/logistic_liblinear_test.cpp): scikit-learn 1.9's
solver="liblinear" with the L2 penalty (primal and dual) and the L1 penalty,
with and without an intercept, intercept_scaling != 1, sample and class
weights, on dense and sparse (CSR) X; and one LogisticRegressionCV. Writes
tests/data/learn/logistic_liblinear/.

LIBLINEAR's iterates cannot be reproduced, so both sides are compared at the
minimizer of LIBLINEAR's objective (the intercept a penalized weight of a
constant feature of value intercept_scaling):

    C sum_i s_i log(1 + exp(-y_i (w . x_i + w_b B))) + penalty(w, w_b).

scikit-learn is run at tol=1e-10. Its primal L2 solver (a trust region Newton
method) also stops when a step's actual and predicted reductions are below
1e-12 of the objective, which leaves its gradient at up to ~1e-5 here; its
dual solver goes further. Each L2 case is therefore fitted both ways and the
two answers are required to agree to 1e-7 (normwise, relative to the largest
coefficient) before the case's own answer is saved. The objective value
(computed here from scikit-learn's coefficients with the formula the test
uses) is saved for every case.

Run: .venv/bin/python tests/reference/learn_logistic_liblinear.py
"""

import pathlib
import warnings

import numpy as np
import scipy.sparse as sp
from sklearn.linear_model import LogisticRegression, LogisticRegressionCV

OUT = pathlib.Path(__file__).resolve().parent.parent / "data" / "learn" / "logistic_liblinear"
OUT.mkdir(parents=True, exist_ok=True)
rng = np.random.default_rng(2026120801)


def save(name, array):
    np.save(OUT / f"{name}.npy", np.asarray(array, dtype=np.float64))


n, p = 120, 6
X = rng.standard_normal((n, p)) * rng.uniform(0.5, 2.0, p)
# Sparse: about 30% of the entries stored.
X_sparse = np.where(rng.uniform(size=(n, p + 2)) < 0.3, rng.standard_normal((n, p + 2)) * 1.5, 0.0)
w = rng.uniform(0.3, 2.0, n)
beta = rng.standard_normal(p) * (rng.uniform(size=p) < 0.7)
beta_sparse = rng.standard_normal(p + 2) * (rng.uniform(size=p + 2) < 0.7)
# Labels -2 / 4 (not 0 / 1), the positive class (4) a minority of about a third.
y = np.where(X @ beta - 0.8 + rng.logistic(size=n) > 0, 4.0, -2.0)
y_sparse = np.where(X_sparse @ beta_sparse + 0.3 + rng.logistic(size=n) > 0, 4.0, -2.0)
data = {"dense": (X, y), "sparse": (X_sparse, y_sparse)}
save("X_dense", X)
save("X_sparse", X_sparse)
save("y_dense", y)
save("y_sparse", y_sparse)
save("w", w)


def scale(A, s, y, classes, class_weight):
    """The per-sample weights s_i: sample weight times class weight."""
    if class_weight == "balanced":
        totals = np.array([s[y == c].sum() for c in classes])
        per_class = s.sum() / (len(classes) * totals)
        return s * per_class[np.searchsorted(classes, y)]
    if class_weight == "dict":
        return s * np.where(y == 4.0, 3.0, 0.5)
    return s


def objective(coef, intercept, A, y, s, C, l1, fit_intercept, B):
    """LIBLINEAR's objective at (coef, intercept): the intercept's weight is intercept / B."""
    t = np.where(y == 4.0, 1.0, -1.0)
    z = A @ coef.ravel() + (intercept[0] if fit_intercept else 0.0)
    wb = np.r_[coef.ravel(), intercept[0] / B] if fit_intercept else coef.ravel()
    penalty = np.abs(wb).sum() if l1 else 0.5 * wb @ wb
    return C * (s @ np.logaddexp(0, -t * z)) + penalty


# name, X, C, l1, dual, fit_intercept, intercept_scaling, weighted, class_weight
cases = [
    ("dense_l2", "dense", 1.0, 0, 0, 1, 1.0, 0, ""),
    ("dense_l2_no_intercept", "dense", 0.5, 0, 0, 0, 1.0, 0, ""),
    ("dense_l2_scaling", "dense", 2.0, 0, 0, 1, 5.0, 0, ""),
    ("dense_l2_weighted", "dense", 1.0, 0, 0, 1, 1.0, 1, ""),
    ("dense_l2_balanced", "dense", 0.3, 0, 0, 1, 1.0, 1, "balanced"),
    ("dense_l2_dict", "dense", 1.0, 0, 0, 1, 2.0, 0, "dict"),
    ("sparse_l2", "sparse", 1.0, 0, 0, 1, 1.0, 0, ""),
    ("dense_dual", "dense", 1.0, 0, 1, 1, 1.0, 0, ""),
    ("dense_dual_weighted_scaling", "dense", 0.5, 0, 1, 1, 3.0, 1, ""),
    ("sparse_dual_no_intercept", "sparse", 2.0, 0, 1, 0, 1.0, 0, ""),
    ("sparse_dual_balanced", "sparse", 1.0, 0, 1, 1, 1.0, 0, "balanced"),
    ("dense_l1", "dense", 0.1, 1, 0, 1, 1.0, 0, ""),
    ("dense_l1_no_intercept_weighted", "dense", 0.05, 1, 0, 0, 1.0, 1, ""),
    ("dense_l1_scaling_balanced", "dense", 0.06, 1, 0, 1, 2.0, 0, "balanced"),
    ("sparse_l1", "sparse", 0.1, 1, 0, 1, 1.0, 0, ""),
    ("sparse_l1_dict", "sparse", 0.2, 1, 0, 1, 1.0, 1, "dict"),
]


def loss_gradient(coef, intercept, A, y, s, C):
    """The gradient of C sum_i s_i log(1 + exp(-y_i z_i)) in the feature weights."""
    t = np.where(y == 4.0, 1.0, -1.0)
    z = A @ coef.ravel() + intercept[0]
    return -C * A.T @ (s * t / (1 + np.exp(t * z)))


def fit(A, yv, s, C, l1, dual, fit_intercept, B, class_weight, sparse):
    model = LogisticRegression(
        solver="liblinear", C=C, l1_ratio=float(l1), dual=bool(dual), fit_intercept=bool(fit_intercept),
        intercept_scaling=B, class_weight=({4.0: 3.0, -2.0: 0.5} if class_weight == "dict" else class_weight or None),
        tol=1e-10, max_iter=1000000, random_state=0)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        model.fit(sp.csr_matrix(A) if sparse else A, yv, sample_weight=s)
    return model


with open(OUT / "cases.csv", "w") as manifest:
    manifest.write("name,X,C,l1,dual,fit_intercept,intercept_scaling,weighted,class_weight\n")
    for name, xname, C, l1, dual, fit_intercept, B, weighted, class_weight in cases:
        A, yv = data[xname]
        s = w if weighted else None
        args = (A, yv, s, C, l1, dual, fit_intercept, B, class_weight, xname == "sparse")
        model = fit(*args)
        if not l1:
            other = fit(A, yv, s, C, l1, 1 - dual, fit_intercept, B, class_weight, xname == "sparse")
            gap = np.abs(other.coef_ - model.coef_).max() / max(1.0, np.abs(model.coef_).max())
            assert gap <= 1e-7, (name, gap)
        sw = scale(A, w if weighted else np.ones(n), yv, model.classes_, class_weight)
        value = objective(model.coef_, np.atleast_1d(model.intercept_), A, yv, sw, C, l1, fit_intercept, B)
        save(f"{name}_coef", model.coef_)
        save(f"{name}_intercept", np.atleast_1d(model.intercept_))
        save(f"{name}_objective", [value])
        if l1:
            # A zero is well determined where the loss gradient is inside
            # (-1, 1) by a margin that a 1e-8 change of the objective cannot close.
            g = loss_gradient(model.coef_, np.atleast_1d(model.intercept_), A, yv, sw, C)
            firm = (model.coef_.ravel() == 0) & (np.abs(g) < 1 - 1e-3)
            save(f"{name}_firm_zeros", firm.astype(float))
            print(f"  zero margins {np.round(1 - np.abs(g[model.coef_.ravel() == 0]), 4)}")
        print(f"{name}: n_iter {model.n_iter_[0]}, zeros {(model.coef_ == 0).sum()} of {model.coef_.size}, "
              f"objective {value:.15g}" + ("" if l1 else f", primal/dual gap {gap:.1e}"))
        manifest.write(f"{name},{xname},{C},{l1},{dual},{fit_intercept},{B},{weighted},{class_weight}\n")

# LogisticRegressionCV with liblinear (binary; StratifiedKFold without
# shuffling on both sides), scored by log-loss so that the scores are
# continuous in the coefficients; every path point fitted at tol=1e-10.
Cs = [0.01, 0.1, 1.0, 10.0]
cv = LogisticRegressionCV(Cs=Cs, cv=4, solver="liblinear", tol=1e-10, max_iter=1000000, scoring="neg_log_loss",
                          l1_ratios=(0.0,), use_legacy_attributes=True, random_state=0, intercept_scaling=2.0)
with warnings.catch_warnings():
    warnings.simplefilter("ignore", FutureWarning)
    cv.fit(X, y)
key = next(iter(cv.scores_))
save("cv_scores", cv.scores_[key].reshape(cv.scores_[key].shape[0], -1))
save("cv_C", [cv.C_[0]])
save("cv_coef", cv.coef_)
save("cv_intercept", cv.intercept_)
print("cv: C_", cv.C_)
