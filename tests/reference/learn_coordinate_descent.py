"""Reference values for the coordinate-descent linear models
(tests/learn/linear_model/coordinate_descent_test.cpp): scikit-learn 1.9's
Lasso, ElasticNet, MultiTaskLasso, MultiTaskElasticNet, lasso_path /
enet_path, LassoCV and ElasticNetCV with the same hyper-parameters on the
same data. Writes tests/data/learn/coordinate_descent/*.npy and the manifests
cases.csv, paths.csv, cv.csv, multitask.csv.

Every estimator case is fitted twice:
- at a tight tolerance (tol=1e-12, max_iter=10^6): coordinate descent then
  stands at the minimizer to rounding, so two correct implementations agree
  on the objective (saved as NAME_objective) to ~1e-12 and, where the
  minimizer is unique, on the coefficients;
- at the default tol=1e-4: both sides run the same algorithm (same cyclic
  order, same screening, same stopping rule), so the iteration counts
  (NAME_default_n_iter) and the stopped iterates agree too.

Data: "dense" (60 x 8, offsets and scales, correlated columns), "wide"
(30 x 50, p > n), "ill" (60 x 8 with a nearly collinear pair and scales from
1e-2 to 1e2), "sparse" (80 x 20, 25% non-zeros; saved dense, fitted by
scikit-learn as scipy.sparse CSC), weights w (uniform on [0.2, 3]), and a
multi-task Y (50 x 10 features, 3 targets).

Run: .venv/bin/python tests/reference/learn_coordinate_descent.py
"""

import csv
import pathlib
import warnings

import numpy as np
import scipy.sparse as sp
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import (
    ElasticNet,
    ElasticNetCV,
    Lasso,
    LassoCV,
    MultiTaskElasticNet,
    MultiTaskLasso,
    enet_path,
    lasso_path,
)

OUT = pathlib.Path(__file__).resolve().parent.parent / "data" / "learn" / "coordinate_descent"
OUT.mkdir(parents=True, exist_ok=True)
rng = np.random.default_rng(20261207)
warnings.simplefilter("ignore", ConvergenceWarning)


def save(name, array):
    np.save(OUT / f"{name}.npy", np.asarray(array, dtype=np.float64))


# ---------------------------------------------------------------- data
n, p = 60, 8
mix = np.eye(p) + 0.3 * rng.standard_normal((p, p))
X_dense = rng.standard_normal((n, p)) @ mix * np.linspace(0.5, 4.0, p) + np.linspace(-3, 5, p)
true = np.array([2.0, 0.0, -1.5, 0.0, 0.0, 0.7, 0.0, 0.2])
y_dense = (X_dense - X_dense.mean(0)) @ true + 1.3 + 0.5 * rng.standard_normal(n)

n_w, p_w = 30, 50
X_wide = rng.standard_normal((n_w, p_w)) + 0.5
true_w = np.zeros(p_w)
true_w[[3, 11, 25, 40]] = [3.0, -2.0, 1.5, 1.0]
y_wide = X_wide @ true_w + 0.3 * rng.standard_normal(n_w)

X_ill = X_dense.copy()
X_ill[:, 1] = X_dense[:, 0] + 1e-3 * rng.standard_normal(n)
X_ill[:, 3] *= 100.0
X_ill[:, 6] *= 0.01
y_ill = y_dense + X_ill[:, 1] * 0.5

n_s, p_s = 80, 20
mask = rng.uniform(size=(n_s, p_s)) < 0.25
X_sparse = np.where(mask, rng.standard_normal((n_s, p_s)) * 2 + 1, 0.0)
true_s = np.zeros(p_s)
true_s[[0, 4, 9, 15]] = [1.5, -2.0, 1.0, 0.5]
y_sparse = X_sparse @ true_s + 0.7 + 0.2 * rng.standard_normal(n_s)

w_dense = rng.uniform(0.2, 3.0, n)
w_wide = rng.uniform(0.2, 3.0, n_w)
w_sparse = rng.uniform(0.2, 3.0, n_s)
w_sparse[[3, 17]] = 0.0  # zero weights: rows that do not count

n_m, p_m, T = 50, 10, 3
X_multi = rng.standard_normal((n_m, p_m)) + np.linspace(0, 2, p_m)
W_true = np.zeros((T, p_m))
W_true[:, [1, 4, 7]] = rng.standard_normal((T, 3)) * 2
Y_multi = X_multi @ W_true.T + 0.3 * rng.standard_normal((n_m, T)) + np.array([1.0, -2.0, 0.5])
w_multi = rng.uniform(0.2, 3.0, n_m)

data = {
    "dense": (X_dense, y_dense, w_dense),
    "wide": (X_wide, y_wide, w_wide),
    "ill": (X_ill, y_ill, w_dense),
    "sparse": (X_sparse, y_sparse, w_sparse),
}
for key, (X, y, w) in data.items():
    save(f"X_{key}", X)
    save(f"y_{key}", y)
    save(f"w_{key}", w)
save("X_multi", X_multi)
save("Y_multi", Y_multi)
save("w_multi", w_multi)


def objective(X, y, w, coef, intercept, alpha, l1_ratio):
    """scikit-learn's objective: (1 / (2 sum w)) sum w r^2 + alpha l1_ratio |coef|_1 + alpha (1 - l1_ratio) / 2 |coef|^2."""
    w = np.ones(X.shape[0]) if w is None else w
    r = y - X @ coef.T - intercept
    if r.ndim == 1:
        loss = 0.5 * np.sum(w * r**2) / np.sum(w)
        l1 = np.abs(coef).sum()
    else:
        loss = 0.5 * np.sum(w[:, None] * r**2) / np.sum(w)
        l1 = np.sqrt((coef**2).sum(axis=0)).sum()
    return loss + alpha * l1_ratio * l1 + 0.5 * alpha * (1 - l1_ratio) * np.sum(coef**2)


# ---------------------------------------------------------------- Lasso / ElasticNet
# name, data, alpha, l1_ratio (None: Lasso), fit_intercept, positive, precompute, weighted, sparse, unique
cases = [
    ("lasso_dense", "dense", 0.1, None, True, False, False, False, False, 1),
    ("enet_dense", "dense", 0.05, 0.5, True, False, False, False, False, 1),
    ("enet_dense_gram", "dense", 0.05, 0.5, True, False, True, False, False, 1),
    ("lasso_dense_gram", "dense", 0.1, None, True, False, True, False, False, 1),
    ("lasso_no_intercept", "dense", 0.1, None, False, False, False, False, False, 1),
    ("lasso_wide", "wide", 0.05, None, True, False, False, False, False, 1),
    ("enet_wide", "wide", 0.02, 0.7, True, False, False, False, False, 1),
    ("lasso_ill", "ill", 0.01, None, True, False, False, False, False, 0),
    ("enet_ill_gram", "ill", 0.01, 0.3, True, False, True, False, False, 1),
    ("lasso_positive", "dense", 0.05, None, True, True, False, False, False, 1),
    ("enet_positive_gram", "dense", 0.05, 0.6, True, True, True, False, False, 1),
    ("lasso_weighted", "dense", 0.1, None, True, False, False, True, False, 1),
    ("enet_weighted_gram", "dense", 0.05, 0.5, True, False, True, True, False, 1),
    ("enet_wide_weighted", "wide", 0.02, 0.7, True, False, False, True, False, 1),
    ("ridge_enet", "dense", 0.1, 0.0, True, False, False, False, False, 1),
    ("lasso_sparse", "sparse", 0.05, None, True, False, False, False, True, 1),
    ("enet_sparse_weighted", "sparse", 0.05, 0.5, True, False, False, True, True, 1),
    ("lasso_sparse_no_intercept", "sparse", 0.05, None, False, False, False, False, True, 1),
    ("enet_sparse_positive", "sparse", 0.03, 0.8, True, True, False, False, True, 1),
    ("lasso_sparse_weighted_no_intercept", "sparse", 0.05, None, False, False, False, True, True, 1),
]

rows = []
for name, key, alpha, l1_ratio, fit_intercept, positive, precompute, weighted, sparse, unique in cases:
    X, y, w = data[key]
    sw = w if weighted else None
    Xfit = sp.csc_matrix(X) if sparse else X
    common = dict(alpha=alpha, fit_intercept=fit_intercept, positive=positive, precompute=precompute)
    make = (lambda **kw: Lasso(**common, **kw)) if l1_ratio is None else (
        lambda **kw: ElasticNet(**common, l1_ratio=l1_ratio, **kw))
    tight = make(tol=1e-12, max_iter=1_000_000).fit(Xfit, y, sample_weight=sw)
    default = make().fit(Xfit, y, sample_weight=sw)
    save(f"{name}_coef", tight.coef_)
    save(f"{name}_intercept", [tight.intercept_])
    save(f"{name}_objective", [objective(X, y, sw, tight.coef_, tight.intercept_, alpha, 1.0 if l1_ratio is None else l1_ratio)])
    save(f"{name}_default_coef", default.coef_)
    save(f"{name}_default_n_iter", [default.n_iter_])
    save(f"{name}_default_dual_gap", [default.dual_gap_])
    rows.append([name, key, alpha, "lasso" if l1_ratio is None else l1_ratio, int(fit_intercept), int(positive),
                 int(precompute), int(weighted), int(sparse), unique])

with open(OUT / "cases.csv", "w", newline="") as f:
    writer = csv.writer(f, lineterminator="\n")
    writer.writerow(["name", "data", "alpha", "l1_ratio", "fit_intercept", "positive", "precompute", "weighted",
                     "sparse", "unique"])
    writer.writerows(rows)

# ---------------------------------------------------------------- paths
# name, data, function, l1_ratio, n_alphas (0: the given alphas), eps, positive, sparse
paths = [
    ("lasso_path_dense", "dense", "lasso", 1.0, 20, 1e-3, False, False),   # n > p: "auto" uses the Gram matrix
    ("enet_path_wide", "wide", "enet", 0.5, 15, 1e-2, False, False),      # p > n: no Gram matrix
    ("lasso_path_sparse", "sparse", "lasso", 1.0, 10, 1e-3, False, True),
    ("enet_path_given", "dense", "enet", 0.8, 0, 1e-3, False, False),
    ("lasso_path_positive", "dense", "lasso", 1.0, 12, 1e-2, True, False),
]
given_alphas = np.array([0.5, 0.01, 2.0, 0.1])
save("given_alphas", given_alphas)
rows = []
for name, key, function, l1_ratio, n_alphas, eps, positive, sparse in paths:
    X, y, _ = data[key]
    Xfit = sp.csc_matrix(X) if sparse else X
    alphas = given_alphas if n_alphas == 0 else n_alphas
    kw = dict(alphas=alphas, eps=eps, positive=positive, tol=1e-12, max_iter=1_000_000)
    if function == "lasso":
        a, coefs, gaps = lasso_path(Xfit, y, **kw)
    else:
        a, coefs, gaps = enet_path(Xfit, y, l1_ratio=l1_ratio, **kw)
    save(f"{name}_alphas", a)
    save(f"{name}_coefs", coefs)
    rows.append([name, key, function, l1_ratio, n_alphas, eps, int(positive), int(sparse)])
with open(OUT / "paths.csv", "w", newline="") as f:
    writer = csv.writer(f, lineterminator="\n")
    writer.writerow(["name", "data", "function", "l1_ratio", "n_alphas", "eps", "positive", "sparse"])
    writer.writerows(rows)

# ---------------------------------------------------------------- CV
# name, data, estimator, l1_ratios (";"-joined), n_alphas (0: given), cv, weighted, sparse, fit_intercept
cvs = [
    ("lassocv_dense", "dense", "lasso", "1", 30, 5, False, False, True),
    ("lassocv_wide", "wide", "lasso", "1", 20, 3, False, False, True),
    ("lassocv_sparse", "sparse", "lasso", "1", 20, 4, False, True, True),
    ("lassocv_given", "dense", "lasso", "1", 0, 3, False, False, True),
    ("enetcv_dense", "dense", "enet", "0.2;0.5;0.9", 15, 3, True, False, True),
    ("enetcv_sparse_weighted", "sparse", "enet", "0.3;0.7", 10, 5, True, True, False),
]
rows = []
for name, key, estimator, l1s, n_alphas, cv, weighted, sparse, fit_intercept in cvs:
    X, y, w = data[key]
    sw = w if weighted else None
    Xfit = sp.csc_matrix(X) if sparse else X
    alphas = given_alphas if n_alphas == 0 else n_alphas
    kw = dict(alphas=alphas, cv=cv, tol=1e-12, max_iter=1_000_000, fit_intercept=fit_intercept)
    if estimator == "lasso":
        model = LassoCV(**kw).fit(Xfit, y, sample_weight=sw)
        mse = model.mse_path_[None, :, :]
        alphas_ = np.atleast_2d(model.alphas_)
    else:
        ratios = [float(v) for v in l1s.split(";")]
        model = ElasticNetCV(l1_ratio=ratios, **kw).fit(Xfit, y, sample_weight=sw)
        mse = model.mse_path_
        alphas_ = np.atleast_2d(model.alphas_)
        save(f"{name}_l1_ratio_", [model.l1_ratio_])
    save(f"{name}_alpha_", [model.alpha_])
    save(f"{name}_alphas_", alphas_)
    save(f"{name}_mse_path", mse.reshape(-1, mse.shape[-1]))  # (n_l1 * n_alphas) x n_folds
    save(f"{name}_coef", model.coef_)
    save(f"{name}_intercept", [model.intercept_])
    rows.append([name, key, estimator, l1s, n_alphas, cv, int(weighted), int(sparse), int(fit_intercept)])
with open(OUT / "cv.csv", "w", newline="") as f:
    writer = csv.writer(f, lineterminator="\n")
    writer.writerow(["name", "data", "estimator", "l1_ratios", "n_alphas", "cv", "weighted", "sparse",
                     "fit_intercept"])
    writer.writerows(rows)

# ---------------------------------------------------------------- multi-task
multi = [
    ("mtlasso", 0.1, None, True, False),
    ("mtenet", 0.05, 0.6, True, False),
    ("mtlasso_weighted", 0.1, None, True, True),
    ("mtenet_no_intercept", 0.05, 0.4, False, False),
]
rows = []
for name, alpha, l1_ratio, fit_intercept, weighted in multi:
    sw = w_multi if weighted else None
    make = (lambda **kw: MultiTaskLasso(alpha=alpha, fit_intercept=fit_intercept, **kw)) if l1_ratio is None else (
        lambda **kw: MultiTaskElasticNet(alpha=alpha, l1_ratio=l1_ratio, fit_intercept=fit_intercept, **kw))
    tight = make(tol=1e-12, max_iter=1_000_000).fit(X_multi, Y_multi, sample_weight=sw)
    default = make().fit(X_multi, Y_multi, sample_weight=sw)
    save(f"{name}_coef", tight.coef_)
    save(f"{name}_intercept", np.broadcast_to(tight.intercept_, (T,)))
    save(f"{name}_objective",
         [objective(X_multi, Y_multi, sw, tight.coef_, tight.intercept_, alpha, 1.0 if l1_ratio is None else l1_ratio)])
    save(f"{name}_default_n_iter", [default.n_iter_])
    save(f"{name}_default_coef", default.coef_)
    rows.append([name, alpha, "lasso" if l1_ratio is None else l1_ratio, int(fit_intercept), int(weighted)])
with open(OUT / "multitask.csv", "w", newline="") as f:
    writer = csv.writer(f, lineterminator="\n")
    writer.writerow(["name", "alpha", "l1_ratio", "fit_intercept", "weighted"])
    writer.writerows(rows)
print("wrote", len(list(OUT.iterdir())), "files to", OUT)
