"""Reference values for Ridge, RidgeClassifier, RidgeCV and RidgeClassifierCV
(tests/learn/linear_model/ridge_test.cpp): scikit-learn 1.9 fitted with the
same hyper-parameters on the same data. Writes tests/data/learn/ridge/*.npy
and four manifests (ridge.csv, classifier.csv, cv.csv, classifier_cv.csv).

The ridge objective is strictly convex (alpha > 0), so every solver has the
same minimizer. cholesky and svd reach it to rounding; the iterative solvers
(lsqr, sparse_cg, lbfgs) run at tol=1e-12 here so that they reach it too, and
each case's answer is also checked against cholesky's (or, for positive,
against a projected-gradient optimality test) before it is saved. Sparse
cases use scipy.sparse.csr_matrix of the same dense array (exact zeros).

Run: .venv/bin/python tests/reference/learn_ridge.py
"""

import pathlib

import numpy as np
import scipy.sparse as sp
from sklearn.linear_model import Ridge, RidgeClassifier, RidgeClassifierCV, RidgeCV

OUT = pathlib.Path(__file__).resolve().parent.parent / "data" / "learn" / "ridge"
OUT.mkdir(parents=True, exist_ok=True)
rng = np.random.default_rng(20261208)


def save(name, array):
    np.save(OUT / f"{name}.npy", np.asarray(array, dtype=np.float64))


# Dense, well-conditioned: features of different scales and offsets.
n, p = 60, 5
scales = np.array([1.0, 10.0, 0.1, 3.0, 1.0])
offsets = np.array([0.0, 5.0, -1.0, 2.0, 10.0])
X = rng.standard_normal((n, p)) * scales + offsets
X_test = rng.standard_normal((15, p)) * scales + offsets
Z = (X - offsets) / scales
beta = np.array([1.5, -1.0, 0.5, 0.0, 2.0])
y = Z @ beta + 0.7 + 0.3 * rng.standard_normal(n)
Y = np.column_stack([y, Z @ np.array([0.0, 1.0, -2.0, 1.0, 0.5]) + 0.2 * rng.standard_normal(n), -3.0 + Z[:, 0]])
w = rng.uniform(0.2, 3.0, n)

# Standardized (sag / saga converge at a rate set by the features' scales).
Xstd = (X - X.mean(axis=0)) / X.std(axis=0)
Xstd_test = (X_test - X.mean(axis=0)) / X.std(axis=0)

# Ill-conditioned: feature 1 nearly equals feature 0 (difference 1e-4).
X_ill = X.copy()
X_ill[:, 1] = X[:, 0] + 1e-4 * rng.standard_normal(n)

# p > n.
X_wide = rng.standard_normal((20, 40)) + 1.0
X_wide_test = rng.standard_normal((6, 40)) + 1.0
y_wide = X_wide[:, :5] @ np.array([1.0, -1.0, 2.0, 0.5, 0.0]) + 0.1 * rng.standard_normal(20)

# Sparse: about 70 % zeros, non-zero mean columns.
Xs = rng.standard_normal((80, 12)) + 0.5
Xs[rng.uniform(size=Xs.shape) < 0.7] = 0.0
Xs_test = rng.standard_normal((10, 12)) + 0.5
Xs_test[rng.uniform(size=Xs_test.shape) < 0.7] = 0.0
ys = Xs @ rng.standard_normal(12) + 1.0 + 0.1 * rng.standard_normal(80)
ws = rng.uniform(0.2, 3.0, 80)
Xs_wide = rng.standard_normal((15, 30)) + 0.5
Xs_wide[rng.uniform(size=Xs_wide.shape) < 0.6] = 0.0
Xs_wide_test = rng.standard_normal((5, 30)) + 0.5
Xs_wide_test[rng.uniform(size=Xs_wide_test.shape) < 0.6] = 0.0
ys_wide = Xs_wide[:, :4] @ np.array([1.0, 2.0, -1.0, 0.5]) + 0.1 * rng.standard_normal(15)

# Classification: two and three classes, with arbitrary integer labels.
y2 = np.where(Z @ beta + rng.logistic(size=n) > 0, 3.0, -1.0)
scores = Z @ np.array([[1.0, -0.5, 0.0, 0.3, 0.0], [-1.0, 0.5, 0.8, 0.0, 0.2], [0.0, 0.0, -0.8, -0.3, 0.0]]).T
y3 = np.array([-1.0, 3.0, 7.0])[np.argmax(scores + rng.gumbel(size=(n, 3)), axis=1)]
y3s = np.array([0.0, 1.0, 2.0])[np.argmax(Xs[:, :3] + 0.3 * rng.standard_normal((80, 3)), axis=1)]

data = {
    "X": X, "X_test": X_test, "Xstd": Xstd, "Xstd_test": Xstd_test, "Y": Y, "y": y, "w": w, "X_ill": X_ill, "X_wide": X_wide, "X_wide_test": X_wide_test,
    "y_wide": y_wide, "Xs": Xs, "Xs_test": Xs_test, "ys": ys, "ws": ws, "Xs_wide": Xs_wide, "Xs_wide_test": Xs_wide_test, "ys_wide": ys_wide,
    "y2": y2, "y3": y3, "y3s": y3s,
}
for key, value in data.items():
    save(key, value)
test_of = {"Xstd": "Xstd_test", "X": "X_test", "X_ill": "X_test", "X_wide": "X_wide_test", "Xs": "Xs_test", "Xs_wide": "Xs_wide_test"}
weights_of = {"Xstd": "w", "X": "w", "X_ill": "w", "Xs": "ws"}
TIGHT = 1e-12


def as_input(name, sparse):
    return sp.csr_matrix(data[name]) if sparse else data[name]


# ----------------------------------------------------------------- Ridge
# name, X, y, alpha (float or list), fit_intercept, weighted, solver, sparse, positive
RIDGE = []
for solver in ("auto", "cholesky", "svd", "lsqr", "sparse_cg"):
    RIDGE.append((f"dense_{solver}", "X", "y", 1.0, True, False, solver, False, False))
    RIDGE.append((f"weighted_{solver}", "X", "y", 1.0, True, True, solver, False, False))
for solver in ("cholesky", "lsqr"):
    RIDGE.append((f"no_intercept_{solver}", "X", "y", 0.3, False, False, solver, False, False))
for solver in ("cholesky", "svd"):
    RIDGE.append((f"ill_{solver}", "X_ill", "y", 1e-3, True, False, solver, False, False))
for solver in ("cholesky", "svd", "lsqr", "sparse_cg"):
    RIDGE.append((f"wide_{solver}", "X_wide", "y_wide", 0.5, True, False, solver, False, False))
for solver in ("cholesky", "svd", "lsqr"):
    RIDGE.append((f"multi_{solver}", "X", "Y", 1.0, True, False, solver, False, False))
for solver in ("cholesky", "svd", "sparse_cg"):
    RIDGE.append((f"per_target_{solver}", "X", "Y", [0.1, 1.0, 10.0], True, False, solver, False, False))
RIDGE.append(("multi_weighted_cholesky", "X", "Y", 2.0, True, True, "cholesky", False, False))
RIDGE.append(("positive", "X", "y", 1.0, True, False, "auto", False, True))
RIDGE.append(("positive_weighted", "X", "y", 1.0, True, True, "lbfgs", False, True))
for solver in ("auto", "sparse_cg", "lsqr"):
    RIDGE.append((f"sparse_{solver}", "Xs", "ys", 1.0, True, False, solver, True, False))
    RIDGE.append((f"sparse_weighted_{solver}", "Xs", "ys", 1.0, True, True, solver, True, False))
for solver in ("sag", "saga"):
    RIDGE.append((f"std_{solver}", "Xstd", "y", 1.0, True, False, solver, False, False))
    RIDGE.append((f"std_weighted_{solver}", "Xstd", "y", 1.0, True, True, solver, False, False))
RIDGE.append(("sparse_sag", "Xs", "ys", 1.0, True, False, "sag", True, False))
RIDGE.append(("sparse_weighted_sag", "Xs", "ys", 1.0, True, True, "sag", True, False))
RIDGE.append(("sparse_no_intercept_saga", "Xs", "ys", 1.0, False, False, "saga", True, False))
RIDGE.append(("sparse_no_intercept_cholesky", "Xs", "ys", 1.0, False, False, "cholesky", True, False))
RIDGE.append(("sparse_positive", "Xs", "ys", 1.0, True, False, "lbfgs", True, True))
RIDGE.append(("sparse_wide_sparse_cg", "Xs_wide", "ys_wide", 0.5, True, False, "sparse_cg", True, False))
RIDGE.append(("sparse_wide_lsqr", "Xs_wide", "ys_wide", 0.5, True, False, "lsqr", True, False))

lines = []
for name, x_name, y_name, alpha, fit_intercept, weighted, solver, sparse, positive in RIDGE:
    Xc = as_input(x_name, sparse)
    fit_kw = {"sample_weight": data[weights_of[x_name]]} if weighted else {}
    kw = dict(alpha=np.asarray(alpha) if isinstance(alpha, list) else alpha, fit_intercept=fit_intercept,
              solver=solver, positive=positive, tol=TIGHT)
    if solver == "lsqr":
        kw["max_iter"] = 1000
    if solver in ("sag", "saga"):
        kw["max_iter"] = 100000
        kw["random_state"] = 0
    model = Ridge(**kw).fit(Xc, data[y_name], **fit_kw)
    if not positive:  # the same minimizer as a dense Cholesky fit
        dense = Ridge(alpha=kw["alpha"], fit_intercept=fit_intercept, solver="svd")
        dense.fit(data[x_name], data[y_name], **fit_kw)
        gap = np.abs(model.coef_ - dense.coef_).max() / max(1.0, np.abs(dense.coef_).max())
        assert gap < 1e-8, (name, gap)
    save(f"ridge_{name}_coef", np.atleast_2d(model.coef_))
    save(f"ridge_{name}_intercept", np.atleast_1d(model.intercept_))
    save(f"ridge_{name}_predict", model.predict(as_input(test_of[x_name], sparse)))
    alpha_text = ";".join(f"{a:.17g}" for a in alpha) if isinstance(alpha, list) else f"{alpha:.17g}"
    lines.append(f"{name},{x_name},{y_name},{alpha_text},{int(fit_intercept)},{int(weighted)},{solver},"
                 f"{int(sparse)},{int(positive)}")
    print(f"ridge {name}: solver_ {model.solver_}, n_iter {model.n_iter_}")
header = "name,X,y,alpha,fit_intercept,weighted,solver,sparse,positive"
(OUT / "ridge.csv").write_text("\n".join([header, *lines]) + "\n")

# ----------------------------------------------------------------- RidgeClassifier
# name, X, y, alpha, fit_intercept, weighted, class_weight, solver, sparse
CLF = [
    ("two", "X", "y2", 1.0, True, False, "none", "auto", False),
    ("three", "X", "y3", 1.0, True, False, "none", "auto", False),
    ("three_svd_alpha10", "X", "y3", 10.0, True, False, "none", "svd", False),
    ("three_weighted", "X", "y3", 0.5, True, True, "none", "auto", False),
    ("three_balanced", "X", "y3", 1.0, True, False, "balanced", "auto", False),
    ("two_no_intercept", "X", "y2", 1.0, False, False, "none", "cholesky", False),
    ("sparse_three", "Xs", "y3s", 1.0, True, False, "none", "sparse_cg", True),
    ("sparse_three_lsqr_weighted", "Xs", "y3s", 1.0, True, True, "balanced", "lsqr", True),
]
lines = []
for name, x_name, y_name, alpha, fit_intercept, weighted, cw, solver, sparse in CLF:
    Xc = as_input(x_name, sparse)
    fit_kw = {"sample_weight": data[weights_of[x_name]]} if weighted else {}
    kw = dict(alpha=alpha, fit_intercept=fit_intercept, solver=solver, tol=TIGHT,
              class_weight=None if cw == "none" else cw)
    if solver == "lsqr":
        kw["max_iter"] = 1000
    model = RidgeClassifier(**kw).fit(Xc, data[y_name], **fit_kw)
    Xt = as_input(test_of[x_name], sparse)
    save(f"clf_{name}_coef", np.atleast_2d(model.coef_))
    save(f"clf_{name}_intercept", np.atleast_1d(model.intercept_))
    save(f"clf_{name}_classes", model.classes_)
    save(f"clf_{name}_decision", model.decision_function(Xt).reshape(Xt.shape[0], -1))
    save(f"clf_{name}_predict", model.predict(Xt))
    lines.append(f"{name},{x_name},{y_name},{alpha:.17g},{int(fit_intercept)},{int(weighted)},{cw},{solver},{int(sparse)}")
header = "name,X,y,alpha,fit_intercept,weighted,class_weight,solver,sparse"
(OUT / "classifier.csv").write_text("\n".join([header, *lines]) + "\n")

# ----------------------------------------------------------------- RidgeCV
ALPHAS = np.logspace(-3, 3, 13)
save("alphas", ALPHAS)
# name, X, y, fit_intercept, weighted, gcv_mode, sparse, alpha_per_target, cv
CV = []
for mode in ("auto", "svd", "eigen"):
    CV.append((f"dense_{mode}", "X", "y", True, False, mode, False, False, "none"))
    CV.append((f"weighted_{mode}", "X", "y", True, True, mode, False, False, "none"))
    CV.append((f"wide_{mode}", "X_wide", "y_wide", True, False, mode, False, False, "none"))
CV.append(("no_intercept", "X", "y", False, False, "auto", False, False, "none"))
CV.append(("wide_no_intercept_svd", "X_wide", "y_wide", False, False, "svd", False, False, "none"))
CV.append(("ill", "X_ill", "y", True, False, "auto", False, False, "none"))
CV.append(("multi", "X", "Y", True, False, "auto", False, False, "none"))
CV.append(("multi_svd_weighted", "X", "Y", True, True, "svd", False, False, "none"))
CV.append(("per_target", "X", "Y", True, False, "auto", False, True, "none"))
CV.append(("sparse", "Xs", "ys", True, False, "auto", True, False, "none"))
CV.append(("sparse_weighted", "Xs", "ys", True, True, "auto", True, False, "none"))
CV.append(("sparse_wide", "Xs_wide", "ys_wide", True, False, "auto", True, False, "none"))
CV.append(("kfold", "X", "y", True, False, "auto", False, False, "5"))
lines = []
for name, x_name, y_name, fit_intercept, weighted, mode, sparse, per_target, cv in CV:
    Xc = as_input(x_name, sparse)
    fit_kw = {"sample_weight": data[weights_of[x_name]]} if weighted else {}
    kfold = cv != "none"
    model = RidgeCV(alphas=ALPHAS, fit_intercept=fit_intercept, gcv_mode=mode, store_cv_results=not kfold,
                    alpha_per_target=per_target, cv=int(cv) if kfold else None)
    model.fit(Xc, data[y_name], **fit_kw)
    save(f"cv_{name}_coef", np.atleast_2d(model.coef_))
    save(f"cv_{name}_intercept", np.atleast_1d(model.intercept_))
    save(f"cv_{name}_alpha", np.atleast_1d(model.alpha_))
    save(f"cv_{name}_best_score", np.atleast_1d(model.best_score_))
    if not kfold:
        save(f"cv_{name}_cv_results", model.cv_results_.reshape(-1, len(ALPHAS)))
    lines.append(f"{name},{x_name},{y_name},{int(fit_intercept)},{int(weighted)},{mode},{int(sparse)},{int(per_target)},{cv}")
    print(f"cv {name}: alpha_ {model.alpha_}")
header = "name,X,y,fit_intercept,weighted,gcv_mode,sparse,alpha_per_target,cv"
(OUT / "cv.csv").write_text("\n".join([header, *lines]) + "\n")

# ----------------------------------------------------------------- RidgeClassifierCV
# name, X, y, weighted, class_weight, sparse, cv
CLF_CV = [
    ("two", "X", "y2", False, "none", False, "none"),
    ("three", "X", "y3", False, "none", False, "none"),
    ("three_weighted_balanced", "X", "y3", True, "balanced", False, "none"),
    ("sparse_three", "Xs", "y3s", False, "none", True, "none"),
    ("three_kfold", "X", "y3", False, "none", False, "3"),
]
lines = []
for name, x_name, y_name, weighted, cw, sparse, cv in CLF_CV:
    Xc = as_input(x_name, sparse)
    fit_kw = {"sample_weight": data[weights_of[x_name]]} if weighted else {}
    kfold = cv != "none"
    model = RidgeClassifierCV(alphas=ALPHAS, class_weight=None if cw == "none" else cw, store_cv_results=not kfold,
                              cv=int(cv) if kfold else None)
    model.fit(Xc, data[y_name], **fit_kw)
    Xt = as_input(test_of[x_name], sparse)
    save(f"clfcv_{name}_coef", np.atleast_2d(model.coef_))
    save(f"clfcv_{name}_intercept", np.atleast_1d(model.intercept_))
    save(f"clfcv_{name}_alpha", np.atleast_1d(model.alpha_))
    save(f"clfcv_{name}_best_score", np.atleast_1d(model.best_score_))
    save(f"clfcv_{name}_predict", model.predict(Xt))
    if not kfold:
        save(f"clfcv_{name}_cv_results", model.cv_results_.reshape(-1, len(ALPHAS)))
    lines.append(f"{name},{x_name},{y_name},{int(weighted)},{cw},{int(sparse)},{cv}")
    print(f"clfcv {name}: alpha_ {model.alpha_}")
header = "name,X,y,weighted,class_weight,sparse,cv"
(OUT / "classifier_cv.csv").write_text("\n".join([header, *lines]) + "\n")
