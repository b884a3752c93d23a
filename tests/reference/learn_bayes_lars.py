"""Reference values for BayesianRidge, ARDRegression, lars_path, Lars,
LassoLars, LassoLarsIC, orthogonal_mp, OrthogonalMatchingPursuit and
HuberRegressor (tests/learn/linear_model/{bayes,least_angle,omp,huber}_test.cpp):
scikit-learn 1.9 with the same hyper-parameters on the same data.
Writes tests/data/learn/bayes_lars/*.npy.

Each quantity is one .npy file named CASE_FIELD (scalars as 1-element arrays,
index lists as floats). The LARS cases include paths where a variable leaves
the lasso path (a coefficient crosses zero), found on the first 120 rows of the
diabetes data.

Run: .venv/bin/python tests/reference/learn_bayes_lars.py
"""

import pathlib

import numpy as np
from sklearn.datasets import load_diabetes
from sklearn.linear_model import (
    ARDRegression,
    BayesianRidge,
    HuberRegressor,
    Lars,
    LassoLars,
    LassoLarsIC,
    OrthogonalMatchingPursuit,
    lars_path,
    orthogonal_mp,
)
from sklearn.linear_model._huber import _huber_loss_and_gradient

OUT = pathlib.Path(__file__).resolve().parent.parent / "data" / "learn" / "bayes_lars"
OUT.mkdir(parents=True, exist_ok=True)
rng = np.random.default_rng(20261208)


def save(name, array):
    np.save(OUT / f"{name}.npy", np.atleast_1d(np.asarray(array, dtype=np.float64)))


# Tall data: 60 x 6, features of different scales, a sparse true model.
n, p = 60, 6
scales = np.array([1.0, 5.0, 0.2, 2.0, 1.0, 3.0])
X = rng.standard_normal((n, p)) * scales + np.array([0.0, 2.0, -1.0, 0.5, 0.0, 1.0])
true = np.array([1.5, 0.0, -4.0, 0.0, 0.8, 0.0])
y = X @ true + 2.0 + 0.3 * rng.standard_normal(n)
X_test = rng.standard_normal((10, p)) * scales
w = rng.uniform(0.2, 3.0, n)
# Wide data: 15 x 25.
Xw = rng.standard_normal((15, 25))
yw = Xw[:, :4] @ np.array([2.0, -1.0, 0.5, 3.0]) + 0.1 * rng.standard_normal(15)
# Wide data with more noise for the tol cases.
# Diabetes, first 120 rows (scaled as sklearn ships it), y raw.
d = load_diabetes()
Xd, yd = d.data[:120], d.target[:120]
# Outliers for Huber: 10% of y shifted far.
yh = y.copy()
yh[::10] += 25.0
for name, value in dict(X=X, y=y, X_test=X_test, w=w, Xw=Xw, yw=yw, Xd=Xd, yd=yd, yh=yh).items():
    save(name, value)

# ---- BayesianRidge
cases = {
    "br_default": (BayesianRidge(), X, y, None),
    "br_weighted_score": (BayesianRidge(compute_score=True, tol=1e-6), X, y, w),
    "br_wide": (
        BayesianRidge(fit_intercept=False, alpha_init=1.0, lambda_init=1e-3, compute_score=True, max_iter=50),
        Xw,
        yw,
        None,
    ),
}
for name, (model, A, b, sw) in cases.items():
    model.fit(A, b, sample_weight=sw)
    save(f"{name}_coef", model.coef_)
    save(f"{name}_intercept", model.intercept_)
    save(f"{name}_alpha", model.alpha_)
    save(f"{name}_lambda", model.lambda_)
    save(f"{name}_sigma", model.sigma_)
    save(f"{name}_n_iter", model.n_iter_)
    if model.compute_score:
        save(f"{name}_scores", model.scores_)
    T = X_test if A is X else Xw[:5] + 0.5
    mean, std = model.predict(T, return_std=True)
    save(f"{name}_mean", mean)
    save(f"{name}_std", std)
    print(name, model.n_iter_, model.alpha_, model.lambda_)

# ---- ARDRegression
cases = {
    "ard_default": (ARDRegression(), X, y),
    "ard_wide": (ARDRegression(threshold_lambda=1e3, compute_score=True, fit_intercept=False), Xw, yw),
    "ard_diabetes": (ARDRegression(compute_score=True, tol=1e-5), Xd, yd),
}
for name, (model, A, b) in cases.items():
    model.fit(A, b)
    save(f"{name}_coef", model.coef_)
    save(f"{name}_intercept", model.intercept_)
    save(f"{name}_alpha", model.alpha_)
    save(f"{name}_lambda", model.lambda_)
    save(f"{name}_sigma", model.sigma_)
    save(f"{name}_n_iter", model.n_iter_)
    if model.compute_score:
        save(f"{name}_scores", model.scores_)
    T = X_test if A is X else (Xw[:5] + 0.5 if A is Xw else Xd[:5] * 0.5)
    mean, std = model.predict(T, return_std=True)
    save(f"{name}_mean", mean)
    save(f"{name}_std", std)
    print(name, model.n_iter_, model.alpha_, int(np.sum(model.lambda_ < model.threshold_lambda)))

# ---- lars_path
Xdc, ydc = Xd - Xd.mean(axis=0), yd - yd.mean()
G = Xdc.T @ Xdc
paths = {
    "lp_lar_gram": dict(X=Xdc, y=ydc, Gram=G, method="lar"),
    "lp_lar_x": dict(X=Xdc, y=ydc, method="lar"),
    "lp_lasso_x": dict(X=Xdc, y=ydc, method="lasso"),
    "lp_lasso_gram": dict(X=Xdc, y=ydc, Gram=G, method="lasso"),
    "lp_lasso_positive": dict(X=Xdc, y=ydc, Gram=G, method="lasso", positive=True, alpha_min=0.5),
    "lp_lar_max_iter": dict(X=Xdc, y=ydc, method="lar", max_iter=3),
    "lp_lasso_wide": dict(X=Xw, y=yw, method="lasso", alpha_min=1e-3),
    "lp_lasso_wide_gram": dict(X=Xw, y=yw, Gram=Xw.T @ Xw, method="lasso", alpha_min=1e-3),
    "lp_lasso_alpha_min": dict(X=Xdc, y=ydc, Gram=G, method="lasso", alpha_min=0.3),
}
for name, kw in paths.items():
    alphas, active, coefs, n_iter = lars_path(return_n_iter=True, **kw)
    save(f"{name}_alphas", alphas)
    save(f"{name}_active", np.asarray(active, dtype=float))
    save(f"{name}_coefs", coefs)
    save(f"{name}_n_iter", n_iter)
    drops = len(alphas) - 1 - len(active)
    print(name, "steps", len(alphas) - 1, "active", active, "drops", drops)

# ---- Lars / LassoLars / LassoLarsIC
models = {
    "lars_n4": (Lars(n_nonzero_coefs=4), X, y),
    "lars_wide": (Lars(n_nonzero_coefs=10, precompute=False, fit_intercept=False), Xw, yw),
    "lassolars": (LassoLars(alpha=0.05), Xd, yd),
    "lassolars_positive": (LassoLars(alpha=0.01, positive=True, fit_intercept=False), X, y),
    "lassolars_nogram": (LassoLars(alpha=0.1, precompute=False), Xd, yd),
}
for name, (model, A, b) in models.items():
    model.fit(A, b)
    save(f"{name}_coef", model.coef_)
    save(f"{name}_intercept", model.intercept_)
    save(f"{name}_alphas", model.alphas_)
    save(f"{name}_active", np.asarray(model.active_, dtype=float))
    save(f"{name}_coef_path", model.coef_path_)
    save(f"{name}_n_iter", model.n_iter_)
    print(name, model.n_iter_, model.active_)
for crit in ("aic", "bic"):
    model = LassoLarsIC(criterion=crit).fit(Xd, yd)
    name = f"ic_{crit}"
    save(f"{name}_coef", model.coef_)
    save(f"{name}_intercept", model.intercept_)
    save(f"{name}_alpha", model.alpha_)
    save(f"{name}_alphas", model.alphas_)
    save(f"{name}_criterion", model.criterion_)
    save(f"{name}_noise_variance", model.noise_variance_)
    print(name, model.alpha_, model.noise_variance_)
model = LassoLarsIC(criterion="bic", noise_variance=100.0, fit_intercept=False).fit(Xw, yw)
save("ic_given_coef", model.coef_)
save("ic_given_alpha", model.alpha_)
save("ic_given_criterion", model.criterion_)

# ---- OMP
omps = {
    "omp_k3_x": dict(X=Xd, y=yd, n_nonzero_coefs=3, precompute=False),
    "omp_k3_gram": dict(X=Xd, y=yd, n_nonzero_coefs=3, precompute=True),
    "omp_tol_x": dict(X=Xw, y=yw, tol=0.5),
    "omp_tol_gram": dict(X=X, y=y, tol=5.0, precompute=True),
    "omp_default_x": dict(X=Xw, y=yw),
}
for name, kw in omps.items():
    # With precompute=True scikit-learn 1.9 ignores return_n_iter (it returns
    # the Gram solver's answer directly), so n_iter is taken from the support.
    out = orthogonal_mp(return_n_iter=True, **kw)
    coef, n_iter = out if isinstance(out, tuple) else (out, np.count_nonzero(out))
    save(f"{name}_coef", coef)
    save(f"{name}_n_iter", n_iter)
    print(name, n_iter, np.flatnonzero(coef))
ests = {
    "ompe_default": (OrthogonalMatchingPursuit(), Xd, yd),
    "ompe_k4": (OrthogonalMatchingPursuit(n_nonzero_coefs=4), X, y),
    "ompe_tol": (OrthogonalMatchingPursuit(tol=20.0, precompute=False), X, y),
    "ompe_wide": (OrthogonalMatchingPursuit(n_nonzero_coefs=5, fit_intercept=False), Xw, yw),
}
for name, (model, A, b) in ests.items():
    model.fit(A, b)
    save(f"{name}_coef", model.coef_)
    save(f"{name}_intercept", model.intercept_)
    save(f"{name}_n_iter", model.n_iter_)
    save(f"{name}_n_nonzero_coefs", -1 if model.n_nonzero_coefs_ is None else model.n_nonzero_coefs_)
    print(name, model.n_iter_, np.flatnonzero(model.coef_))

# ---- HuberRegressor: the objective at the solution (the minimizer of a
# convex function; coefficients compared more loosely).
hubers = {
    "huber_default": (HuberRegressor(), X, yh, None),
    "huber_weighted": (HuberRegressor(epsilon=1.5, alpha=1e-2, max_iter=500, tol=1e-10), X, yh, w),
    "huber_no_intercept": (HuberRegressor(fit_intercept=False, max_iter=500, tol=1e-10), X, yh, None),
}
for name, (model, A, b, sw) in hubers.items():
    model.fit(A, b, sample_weight=sw)
    params = np.r_[model.coef_, [model.intercept_] if model.fit_intercept else [], [model.scale_]]
    sw_ = np.ones(len(b)) if sw is None else sw
    loss, _ = _huber_loss_and_gradient(params, A, b, model.epsilon, model.alpha, sw_)
    save(f"{name}_coef", model.coef_)
    save(f"{name}_intercept", model.intercept_)
    save(f"{name}_scale", model.scale_)
    save(f"{name}_objective", loss)
    save(f"{name}_outliers", model.outliers_.astype(float))
    save(f"{name}_n_iter", model.n_iter_)
    print(name, model.n_iter_, loss, model.scale_, np.flatnonzero(model.outliers_))

# ---- Multi-target Y (Lars, LassoLars, OrthogonalMatchingPursuit): a second
# target built from other features. With a 2-D y and precompute="auto",
# scikit-learn's Lars uses the Gram matrix whatever the shape.
Y2 = np.c_[yd, 0.5 * yd + 300.0 * Xd[:, 0] - 200.0 * Xd[:, 4]]
save("Y2", Y2)
multi = {
    "multi_lars": Lars(n_nonzero_coefs=5),
    "multi_lassolars": LassoLars(alpha=0.1),
    "multi_lassolars_nogram": LassoLars(alpha=0.1, precompute=False),
}
for name, model in multi.items():
    model.fit(Xd, Y2)
    save(f"{name}_coef", model.coef_)
    save(f"{name}_intercept", model.intercept_)
    save(f"{name}_n_iter", model.n_iter_)
    for k in range(2):
        save(f"{name}_alphas_{k}", model.alphas_[k])
        save(f"{name}_active_{k}", np.asarray(model.active_[k], dtype=float))
        save(f"{name}_coef_path_{k}", model.coef_path_[k])
    print(name, model.n_iter_, model.active_)
model = OrthogonalMatchingPursuit(n_nonzero_coefs=3).fit(Xd, Y2)
save("multi_omp_coef", model.coef_)
save("multi_omp_intercept", model.intercept_)
save("multi_omp_n_iter", model.n_iter_)
print("multi_omp", model.n_iter_, [np.flatnonzero(c) for c in model.coef_])

# ---- HuberRegressor on scipy.sparse CSR input: X with about 60% zeros.
import scipy.sparse as sp

Xs = X * (rng.uniform(size=X.shape) < 0.4)
save("Xs", Xs)
model = HuberRegressor().fit(sp.csr_matrix(Xs), yh, sample_weight=w)
save("huber_sparse_coef", model.coef_)
save("huber_sparse_intercept", model.intercept_)
save("huber_sparse_scale", model.scale_)
save("huber_sparse_n_iter", model.n_iter_)
print("huber_sparse", model.n_iter_, model.scale_)
