"""Reference values for the GLMs (PoissonRegressor, GammaRegressor,
TweedieRegressor), d2_tweedie_score, QuantileRegressor, RANSACRegressor and
TheilSenRegressor (tests/learn/linear_model/{glm,quantile_regressor,ransac,
theil_sen}_test.cpp): scikit-learn 1.9 with the same hyper-parameters on the
same data. Writes tests/data/learn/glm_robust/*.npy and the manifests
glm_cases.csv, quantile_cases.csv, theil_sen_cases.csv, d2_tweedie.csv.

GLMs: the penalized objective (mean half deviance + alpha / 2 ||w||^2) is
strictly convex for these data; every reference is scikit-learn's
newton-cholesky at tol=1e-12 (quadratic convergence: the minimizer to
rounding), so a solver of ours run to a tight tol must land on the same
coefficients.

QuantileRegressor: HiGHS's vertex; the objective value (mean weighted pinball
loss + alpha ||coef||_1) is saved, which every optimal vertex shares.

TheilSenRegressor: sizes where the number of subsets C(n, n_subsamples) is at
most max_subpopulation, so scikit-learn enumerates them all (no randomness).

RANSACRegressor: inliers on an exact plane plus gross outliers; the reference
is the LinearRegression fitted on the true inliers.

Run: .venv/bin/python tests/reference/learn_glm_robust.py
"""

import csv
import pathlib
import warnings

import numpy as np
import scipy.sparse as sp
from sklearn.linear_model import (
    GammaRegressor,
    LinearRegression,
    PoissonRegressor,
    QuantileRegressor,
    RANSACRegressor,
    TheilSenRegressor,
    TweedieRegressor,
)
from sklearn.metrics import d2_tweedie_score, mean_pinball_loss

OUT = pathlib.Path(__file__).resolve().parent.parent / "data" / "learn" / "glm_robust"
OUT.mkdir(parents=True, exist_ok=True)
rng = np.random.default_rng(20261207)


def save(name, array):
    np.save(OUT / f"{name}.npy", np.asarray(array, dtype=np.float64))


def write_csv(name, header, rows):
    with open(OUT / name, "w", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


# ---------------------------------------------------------------- GLMs
n, p = 80, 3
X = rng.standard_normal((n, p)) * np.array([1.0, 0.5, 2.0]) + np.array([0.0, 1.0, -0.5])
X_test = rng.standard_normal((20, p)) * np.array([1.0, 0.5, 2.0]) + np.array([0.0, 1.0, -0.5])
w = rng.uniform(0.2, 3.0, n)
eta = X @ np.array([0.3, -0.2, 0.15]) + 0.5
mu = np.exp(eta)
y_poisson = rng.poisson(mu).astype(float)
y_gamma = rng.gamma(shape=2.0, scale=mu / 2.0)
# Compound Poisson-gamma (Tweedie 1 < p < 2): zeros and positive amounts.
counts = rng.poisson(mu / 2.0)
y_tweedie = np.array([rng.gamma(2.0, 1.0, size=k).sum() for k in counts])
y_normal = X @ np.array([1.0, -2.0, 0.5]) + 3.0 + 0.5 * rng.standard_normal(n)
# Positive targets with a mean linear in X (for identity links with power > 0).
X_pos = rng.uniform(0.5, 2.0, (n, p))
X_pos_test = rng.uniform(0.5, 2.0, (20, p))
y_pos = rng.gamma(shape=4.0, scale=(X_pos @ np.array([1.0, 0.5, 2.0]) + 1.0) / 4.0)

# Sparse input (about 60% zeros), fitted by scikit-learn as a CSR matrix.
X_sparse = X * (rng.uniform(size=X.shape) < 0.4)
X_sparse_test = X_test * (rng.uniform(size=X_test.shape) < 0.4)
y_poisson_sparse = rng.poisson(np.exp(X_sparse @ np.array([0.3, -0.2, 0.15]) + 0.5)).astype(float)

for name, value in [("X_sparse", X_sparse), ("X_sparse_test", X_sparse_test), ("y_poisson_sparse", y_poisson_sparse),
                    ("X", X), ("X_test", X_test), ("w", w), ("y_poisson", y_poisson), ("y_gamma", y_gamma),
                    ("y_tweedie", y_tweedie), ("y_normal", y_normal), ("X_pos", X_pos), ("X_pos_test", X_pos_test),
                    ("y_pos", y_pos)]:
    save(name, value)

# name, estimator class, X, X_test, y, params, weighted
GLM_CASES = [
    ("poisson_default", "poisson", "X", "X_test", "y_poisson", dict(), False),
    ("poisson_alpha0", "poisson", "X", "X_test", "y_poisson", dict(alpha=0.0), False),
    ("poisson_alpha0.01", "poisson", "X", "X_test", "y_poisson", dict(alpha=0.01), False),
    ("poisson_no_intercept", "poisson", "X", "X_test", "y_poisson", dict(alpha=0.1, fit_intercept=False), False),
    ("poisson_weighted", "poisson", "X", "X_test", "y_poisson", dict(alpha=0.1), True),
    ("gamma_alpha0.1", "gamma", "X", "X_test", "y_gamma", dict(alpha=0.1), False),
    ("gamma_weighted", "gamma", "X", "X_test", "y_gamma", dict(alpha=0.01), True),
    ("tweedie_p1.5", "tweedie", "X", "X_test", "y_tweedie", dict(power=1.5, alpha=0.1), False),
    ("tweedie_p1.5_weighted", "tweedie", "X", "X_test", "y_tweedie", dict(power=1.5, alpha=0.01), True),
    ("tweedie_p0", "tweedie", "X", "X_test", "y_normal", dict(power=0.0, alpha=0.5), False),
    ("tweedie_p0_no_intercept", "tweedie", "X", "X_test", "y_normal", dict(power=0.0, alpha=0.0, fit_intercept=False), False),
    ("tweedie_p3", "tweedie", "X_pos", "X_pos_test", "y_pos", dict(power=3.0, alpha=0.05), False),
    ("tweedie_p1_identity", "tweedie", "X_pos", "X_pos_test", "y_pos", dict(power=1.0, link="identity", alpha=0.01), False),
    ("tweedie_p2_identity", "tweedie", "X_pos", "X_pos_test", "y_pos", dict(power=2.0, link="identity", alpha=0.01), False),
    ("tweedie_p0_log", "tweedie", "X_pos", "X_pos_test", "y_pos", dict(power=0.0, link="log", alpha=0.01), False),
    ("poisson_sparse", "poisson", "X_sparse", "X_sparse_test", "y_poisson_sparse", dict(alpha=0.01), False),
    ("tweedie_p1.5_sparse_weighted", "tweedie", "X_sparse", "X_sparse_test", "y_poisson_sparse",
     dict(power=1.5, alpha=0.01), True),
]
CLASSES = {"poisson": PoissonRegressor, "gamma": GammaRegressor, "tweedie": TweedieRegressor}
data = {"X_sparse": X_sparse, "X_sparse_test": X_sparse_test, "y_poisson_sparse": y_poisson_sparse,
        "X": X, "X_test": X_test, "X_pos": X_pos, "X_pos_test": X_pos_test, "y_poisson": y_poisson,
        "y_gamma": y_gamma, "y_tweedie": y_tweedie, "y_normal": y_normal, "y_pos": y_pos}

rows = []
for name, cls, Xn, Xtn, yn, params, weighted in GLM_CASES:
    model = CLASSES[cls](solver="newton-cholesky", tol=1e-12, max_iter=1000, **params)
    sw = w if weighted else None
    is_sparse = Xn == "X_sparse"
    X_fit = sp.csr_matrix(data[Xn]) if is_sparse else data[Xn]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        model.fit(X_fit, data[yn], sample_weight=sw)
    save(f"{name}_coef", model.coef_)
    save(f"{name}_predict", model.predict(sp.csr_matrix(data[Xtn]) if is_sparse else data[Xtn]))
    # score on the training data (D^2), weighted where the fit was
    score = model.score(X_fit, data[yn], sample_weight=sw)
    # lbfgs at a tight tol, for the record (printed distance to the minimizer)
    lb = CLASSES[cls](solver="lbfgs", tol=1e-10, max_iter=10000, **params).fit(X_fit, data[yn], sample_weight=sw)
    dist = np.max(np.abs(np.r_[lb.coef_, lb.intercept_] - np.r_[model.coef_, model.intercept_])) / max(
        1.0, np.max(np.abs(np.r_[model.coef_, model.intercept_])))
    print(f"{name}: newton n_iter={model.n_iter_}, lbfgs n_iter={lb.n_iter_}, lbfgs distance {dist:.2e}")
    rows.append([name, cls, Xn, Xtn, yn, params.get("power", ""), params.get("link", "auto"),
                 repr(params.get("alpha", 1.0)), int(params.get("fit_intercept", True)), int(weighted),
                 repr(float(model.intercept_)), repr(float(score)), int(is_sparse)])
write_csv("glm_cases.csv", ["name", "class", "X", "X_test", "y", "power", "link", "alpha", "fit_intercept",
                            "weighted", "intercept", "score", "sparse"], rows)

# d2_tweedie_score on a few predictions
y_true = rng.gamma(2.0, 1.5, 30)
y_pred = y_true * rng.uniform(0.6, 1.4, 30) + 0.1
w30 = rng.uniform(0.5, 2.0, 30)
save("d2_y_true", y_true)
save("d2_y_pred", y_pred)
save("d2_w", w30)
rows = []
for power in (0.0, 1.0, 1.5, 2.0, 3.0, -1.0):
    for weighted in (False, True):
        value = d2_tweedie_score(y_true, y_pred, sample_weight=w30 if weighted else None, power=power)
        rows.append([repr(power), int(weighted), repr(float(value))])
write_csv("d2_tweedie.csv", ["power", "weighted", "value"], rows)

# ---------------------------------------------------------------- QuantileRegressor
nq = 60
Xq = rng.standard_normal((nq, 3)) * np.array([1.0, 3.0, 0.5])
yq = Xq @ np.array([1.0, -0.5, 2.0]) + 1.0 + rng.standard_t(3, nq)
wq = rng.uniform(0.5, 2.0, nq)
wq[[3, 17]] = 0.0  # rows of zero weight are dropped, as scikit-learn does
Xq_sparse = Xq * (rng.uniform(size=Xq.shape) < 0.5)
save("Xq", Xq)
save("yq", yq)
save("wq", wq)
save("Xq_sparse", Xq_sparse)
QUANTILE_CASES = [
    ("median_alpha0", dict(quantile=0.5, alpha=0.0), False),
    ("q0.25_alpha0.05", dict(quantile=0.25, alpha=0.05), False),
    ("q0.9_alpha0.01_no_intercept", dict(quantile=0.9, alpha=0.01, fit_intercept=False), False),
    ("q0.7_weighted", dict(quantile=0.7, alpha=0.02), True),
    ("median_alpha1", dict(quantile=0.5, alpha=1.0), False),
    ("sparse_q0.6_weighted", dict(quantile=0.6, alpha=0.01), True),
]
rows = []
for name, params, weighted in QUANTILE_CASES:
    sw = wq if weighted else None
    X_fit = sp.csr_matrix(Xq_sparse) if name.startswith("sparse") else Xq
    model = QuantileRegressor(**params).fit(X_fit, yq, sample_weight=sw)
    pred = model.predict(X_fit)
    objective = mean_pinball_loss(yq, pred, sample_weight=sw, alpha=params["quantile"]) + params["alpha"] * np.sum(
        np.abs(model.coef_))
    save(f"q_{name}_coef", model.coef_)
    rows.append([name, repr(params["quantile"]), repr(params["alpha"]), int(params.get("fit_intercept", True)),
                 int(weighted), repr(float(model.intercept_)), repr(float(objective)), int(name.startswith("sparse"))])
write_csv("quantile_cases.csv", ["name", "quantile", "alpha", "fit_intercept", "weighted", "intercept", "objective",
                                 "sparse"], rows)

# ---------------------------------------------------------------- TheilSenRegressor
THEIL_SEN_CASES = []
Xt = rng.standard_normal((12, 2))
yt = Xt @ np.array([2.0, -1.0]) + 0.5 + 0.3 * rng.standard_normal(12)
yt[[2, 7]] += np.array([8.0, -6.0])  # two outliers
save("Xt", Xt)
save("yt", yt)
Xt1 = rng.standard_normal((15, 1))
yt1 = 3.0 * Xt1[:, 0] + 0.2 * rng.standard_normal(15)
yt1[4] = 30.0
save("Xt1", Xt1)
save("yt1", yt1)
Xt3 = rng.standard_normal((10, 3))
yt3 = Xt3 @ np.array([1.0, 0.5, -1.5]) - 1.0 + 0.1 * rng.standard_normal(10)
save("Xt3", Xt3)
save("yt3", yt3)
cases = [
    ("default", "Xt", "yt", dict()),                                  # C(12, 3) = 220 subsets
    ("n_subsamples5", "Xt", "yt", dict(n_subsamples=5)),              # C(12, 5) = 792, lstsq on 5 rows
    ("no_intercept", "Xt", "yt", dict(fit_intercept=False)),          # C(12, 2) = 66
    ("one_feature_no_intercept", "Xt1", "yt1", dict(fit_intercept=False)),  # 1-D: the median of slopes
    ("one_feature", "Xt1", "yt1", dict()),                            # C(15, 2) = 105
    ("three_features_tol", "Xt3", "yt3", dict(tol=1e-8, max_iter=1000)),  # C(10, 4) = 210
]
rows = []
for name, Xn, yn, params in cases:
    Xd, yd = (Xt, yt) if Xn == "Xt" else ((Xt1, yt1) if Xn == "Xt1" else (Xt3, yt3))
    model = TheilSenRegressor(random_state=0, **params).fit(Xd, yd)
    save(f"ts_{name}_coef", model.coef_)
    rows.append([name, Xn, yn, params.get("n_subsamples", ""), int(params.get("fit_intercept", True)),
                 repr(params.get("tol", 1e-3)), params.get("max_iter", 300), repr(float(model.intercept_)),
                 model.n_subpopulation_, repr(float(model.breakdown_)), model.n_iter_])
write_csv("theil_sen_cases.csv", ["name", "X", "y", "n_subsamples", "fit_intercept", "tol", "max_iter", "intercept",
                                  "n_subpopulation", "breakdown", "n_iter"], rows)

# ---------------------------------------------------------------- RANSACRegressor
nr = 50
Xr = rng.uniform(-5, 5, (nr, 2))
yr = Xr @ np.array([1.5, -0.7]) + 2.0 + 1e-3 * rng.standard_normal(nr)
outliers = np.zeros(nr, dtype=bool)
outliers[rng.choice(nr, 12, replace=False)] = True
yr[outliers] += rng.choice([-1.0, 1.0], outliers.sum()) * rng.uniform(20, 40, outliers.sum())
save("Xr", Xr)
save("yr", yr)
save("r_inliers", ~outliers)
reference = LinearRegression().fit(Xr[~outliers], yr[~outliers])
save("r_coef", np.r_[reference.coef_, reference.intercept_])
ransac = RANSACRegressor(residual_threshold=0.1, random_state=0).fit(Xr, yr)
assert np.array_equal(ransac.inlier_mask_, ~outliers)
assert np.allclose(np.r_[ransac.estimator_.coef_, ransac.estimator_.intercept_], np.r_[reference.coef_,
                   reference.intercept_], rtol=1e-12, atol=1e-12)
ransac_mad = RANSACRegressor(random_state=0).fit(Xr, yr)  # MAD threshold
print("RANSAC: trials", ransac.n_trials_, "MAD trials", ransac_mad.n_trials_,
      "MAD inliers == true inliers:", np.array_equal(ransac_mad.inlier_mask_, ~outliers))
save("r_mad_inliers", ransac_mad.inlier_mask_)
print("threshold (MAD of y):", np.median(np.abs(yr - np.median(yr))))
