"""Reference values for the covariance estimators (EllipticEnvelope included) and the discriminant
analyses (tests/learn/covariance/covariance_test.cpp,
tests/learn/discriminant_analysis/discriminant_analysis_test.cpp):
scikit-learn 1.9's sklearn.covariance functions and estimators, and
LinearDiscriminantAnalysis / QuadraticDiscriminantAnalysis fitted with the
same hyper-parameters on the same data.

Writes tests/data/learn/covariance/*.npy and
tests/data/learn/discriminant_analysis/*.npy with cases.csv (one row per
case: name, data, estimator, solver, shrinkage, priors, n_components,
store_covariance, reg_param). For each case the fitted attributes are saved as
CASE_<attribute>.npy (QDA's per-class lists as CASE_<attribute>_<k>.npy), and
decision_function / predict_proba / predict_log_proba / predict / transform
on the data's test rows as CASE_decision, CASE_proba, CASE_log_proba,
CASE_predict, CASE_transform.

Run: .venv/bin/python tests/reference/learn_discriminant_analysis.py
"""

import csv
import pathlib
import warnings

import numpy as np
from sklearn.covariance import (
    OAS,
    EllipticEnvelope,
    EmpiricalCovariance,
    LedoitWolf,
    ShrunkCovariance,
    GraphicalLasso,
    MinCovDet,
    empirical_covariance,
    graphical_lasso,
    ledoit_wolf,
    ledoit_wolf_shrinkage,
    log_likelihood,
    oas,
    shrunk_covariance,
)
from sklearn.discriminant_analysis import LinearDiscriminantAnalysis, QuadraticDiscriminantAnalysis

ROOT = pathlib.Path(__file__).resolve().parent.parent / "data" / "learn"
rng = np.random.default_rng(20261207)


def saver(folder):
    out = ROOT / folder
    out.mkdir(parents=True, exist_ok=True)

    def save(name, array):
        np.save(out / f"{name}.npy", np.asarray(array, dtype=np.float64))

    return save


# ------------------------------------------------------------------ covariance
save = saver("covariance")
mix = rng.normal(size=(5, 5))
X_cov = rng.normal(size=(80, 5)) @ mix + np.array([1.0, -2.0, 0.5, 10.0, 0.0])
X_cov_test = rng.normal(size=(30, 5)) @ mix
X_wide = rng.normal(size=(12, 15)) + 3.0  # p > n: a singular empirical covariance
X_one = rng.normal(size=(40, 1)) * 2.0 + 1.0
comp = np.cov(X_cov_test.T, bias=True)
for name, X in {"cov": X_cov, "cov_test": X_cov_test, "wide": X_wide, "one": X_one}.items():
    save(f"X_{name}", X)
save("comp", comp)

for centred in (False, True):
    tag = "centred" if centred else "plain"
    save(f"fn_empirical_{tag}", empirical_covariance(X_cov, assume_centered=centred))
    save(f"fn_ledoit_wolf_wide_{tag}", ledoit_wolf(X_wide, assume_centered=centred)[0])
    save(f"fn_ledoit_wolf_shrinkage_wide_{tag}", [ledoit_wolf_shrinkage(X_wide, assume_centered=centred, block_size=7)])
    save(f"fn_oas_wide_{tag}", oas(X_wide, assume_centered=centred)[0])
    save(f"fn_oas_shrinkage_wide_{tag}", [oas(X_wide, assume_centered=centred)[1]])
    estimators = {
        "empirical": EmpiricalCovariance(assume_centered=centred),
        "shrunk": ShrunkCovariance(assume_centered=centred, shrinkage=0.3),
        "ledoit_wolf": LedoitWolf(assume_centered=centred),
        "oas": OAS(assume_centered=centred),
    }
    for est_name, est in estimators.items():
        for data_name, X in {"cov": X_cov, "wide": X_wide, "one": X_one}.items():
            est.fit(X)
            case = f"{est_name}_{data_name}_{tag}"
            save(f"{case}_location", est.location_)
            save(f"{case}_covariance", est.covariance_)
            save(f"{case}_precision", est.precision_)
            save(f"{case}_shrinkage", [getattr(est, "shrinkage_", getattr(est, "shrinkage", 0.0))])
            X_test = {"cov": X_cov_test, "wide": X_wide[:7] - 1.0, "one": X_one[:9] * 0.5}[data_name]
            save(f"{case}_score", [est.score(X_test)])
            save(f"{case}_mahalanobis", est.mahalanobis(X_test))
            if data_name == "cov":
                save(
                    f"{case}_error_norm",
                    [
                        est.error_norm(comp),
                        est.error_norm(comp, norm="spectral"),
                        est.error_norm(comp, scaling=False, squared=False),
                        est.error_norm(comp, norm="spectral", scaling=False, squared=False),
                    ],
                )
save("fn_shrunk", shrunk_covariance(empirical_covariance(X_cov), 0.3))
save("fn_log_likelihood", [log_likelihood(comp, np.linalg.inv(empirical_covariance(X_cov)))])
save("fn_ledoit_wolf_one", ledoit_wolf(X_one)[0])
save("fn_oas_one", oas(X_one)[0])

# The graphical lasso on X_cov's empirical covariance (and on its
# correlation matrix): the default tolerances, and tight ones where both
# sides stand at the optimum.
emp = empirical_covariance(X_cov)
corr = emp / np.sqrt(np.outer(np.diag(emp), np.diag(emp)))
for name, S, alpha, opts in [
    ("glasso_corr_default", corr, 0.1, {}),
    ("glasso_corr_tight", corr, 0.1, {"tol": 1e-12, "enet_tol": 1e-12, "max_iter": 500}),
    ("glasso_corr_strong", corr, 0.4, {}),
    ("glasso_emp_default", emp, 0.5, {}),
]:
    cov_, prec_, costs_, n_iter_ = graphical_lasso(S, alpha, return_costs=True, return_n_iter=True, **opts)
    save(f"{name}_covariance", cov_)
    save(f"{name}_precision", prec_)
    save(f"{name}_costs", np.array(costs_))
    save(f"{name}_n_iter", [n_iter_])
save("corr", corr)
model = GraphicalLasso(alpha=0.2).fit(X_cov)
save("glasso_model_location", model.location_)
save("glasso_model_covariance", model.covariance_)
save("glasso_model_precision", model.precision_)
save("glasso_model_n_iter", [model.n_iter_])
save("glasso_model_score", [model.score(X_cov_test)])

# MinCovDet on data with clear outliers, where FastMCD's answer does not
# depend on its random starts: 100 + 10 samples in 3 features (the n <= 500
# path) and 650 + 50 in 2 (the subsets). Data sets are drawn until one gives
# the same raw and reweighted supports from 10 seeds (the C-steps may end
# in another local optimum for some seeds otherwise).
mcd_rng = np.random.default_rng(20261208)  # its own stream: the cases below keep their data
mcd_data = {}
for name, (n_in, n_out, p) in {"mcd_small": (100, 10, 3), "mcd_large": (650, 50, 2)}.items():
    for attempt in range(20):
        A = mcd_rng.normal(size=(p, p)) + 2 * np.eye(p)
        X = np.vstack([mcd_rng.normal(size=(n_in, p)) @ A, mcd_rng.normal(size=(n_out, p)) + 12.0])
        X = X[mcd_rng.permutation(len(X))]
        fits = [MinCovDet(random_state=seed).fit(X) for seed in range(10)]
        if all(
            np.array_equal(f.raw_support_, fits[0].raw_support_) and np.array_equal(f.support_, fits[0].support_)
            for f in fits[1:]
        ):
            break
    else:
        raise RuntimeError(f"{name}: no data set with a seed-independent MCD")
    save(f"X_{name}", X)
    mcd_data[name] = X
    m = fits[0]
    for attribute in ("raw_location_", "raw_covariance_", "raw_support_", "location_", "covariance_",
                      "precision_", "support_", "dist_"):
        save(f"{name}_{attribute[:-1]}", getattr(m, attribute))

# EllipticEnvelope on the same two data sets: offset_ and, on test rows,
# score_samples, decision_function, predict and score. The test rows are 20
# rows of the reweighted MCD support, jittered by a tenth of each feature's
# robust spread (labelled +1), and 5 rows 6 to 10 robust spreads away from
# the robust location along random directions (labelled -1), so that each
# case's score also counts inliers the contamination threshold cuts off.
# Each case checks that 10 seeds give one MCD support, as above.
ee_rng = np.random.default_rng(20261209)  # its own stream again
ee_cases = {
    "ee_small": ("mcd_small", {}),
    "ee_small_c25_sf80": ("mcd_small", {"contamination": 0.25, "support_fraction": 0.8}),
    "ee_large_c05": ("mcd_large", {"contamination": 0.05}),
}
for case, (data, kwargs) in ee_cases.items():
    X = mcd_data[data]
    fits = [EllipticEnvelope(random_state=seed, **kwargs).fit(X) for seed in range(10)]
    if not all(np.array_equal(f.support_, fits[0].support_) for f in fits[1:]):
        raise RuntimeError(f"{case}: the MCD support depends on the seed")
    e = fits[0]
    p = X.shape[1]
    spread = np.sqrt(np.diag(e.covariance_))
    inliers = X[e.support_][:20] + ee_rng.normal(scale=0.1, size=(20, p)) * spread
    directions = ee_rng.normal(size=(5, p))
    directions /= np.linalg.norm(directions, axis=1, keepdims=True)
    outliers = e.location_ + ee_rng.uniform(6, 10, size=(5, 1)) * directions * spread
    test = np.vstack([inliers, outliers])
    labels = np.r_[np.ones(20), -np.ones(5)]
    save(f"X_{case}_test", test)
    save(f"y_{case}_test", labels)
    save(f"{case}_offset", [e.offset_])
    save(f"{case}_covariance", e.covariance_)
    save(f"{case}_score_samples", e.score_samples(test))
    save(f"{case}_decision", e.decision_function(test))
    save(f"{case}_predict", e.predict(test))
    save(f"{case}_fit_predict", EllipticEnvelope(random_state=0, **kwargs).fit_predict(X))
    save(f"{case}_score", [e.score(test, labels)])

# ------------------------------------------------------------------ discriminant analysis
save = saver("discriminant_analysis")


def gaussian_classes(labels, n, p, spread, cov_mix=None):
    y = np.asarray(labels, dtype=np.float64)[rng.integers(0, len(labels), n)]
    centres = rng.normal(scale=spread, size=(len(labels), p))
    A = rng.normal(size=(p, p)) if cov_mix is None else cov_mix
    X = rng.normal(size=(n, p)) @ A + centres[np.searchsorted(labels, y)]
    return X, y


data = {}
data["three"] = gaussian_classes([-1.0, 3.0, 7.0], 120, 4, 2.0)
data["two"] = gaussian_classes([0.0, 1.0], 80, 3, 1.5)
data["many"] = gaussian_classes([0.0, 1.0, 2.0, 3.0, 4.0, 5.0], 300, 8, 1.0)
Xc, yc = gaussian_classes([1.0, 2.0, 5.0], 60, 5, 2.0)
Xc[:, 4] = Xc[:, 0] - 2.0 * Xc[:, 1]  # rank deficient: the svd solver's tol cut and lsqr's minimum norm
data["collinear"] = (Xc, yc)
Xk, yk = gaussian_classes([0.0, 1.0, 2.0], 90, 4, 2.0)
Xk[:, 2] = np.array([3.0, -1.0, 2.0])[yk.astype(int)]  # constant within each class: std 0 -> 1
data["constant"] = (Xk, yk)
# QDA: classes with their own covariances.
Xq = []
yq = []
for label, size in ((-1.0, 50), (3.0, 40), (7.0, 45)):
    A = rng.normal(size=(4, 4))
    Xq.append(rng.normal(size=(size, 4)) @ A + rng.normal(scale=2.0, size=4))
    yq += [label] * size
perm = rng.permutation(len(yq))
data["quad"] = (np.vstack(Xq)[perm], np.array(yq)[perm])
Xq2, yq2 = data["quad"]
mask = yq2 != 7.0
data["quad_two"] = (Xq2[mask], yq2[mask])
# Nearly collinear features: the svd solver's Gram matrix path (condition
# 1e3) and its direct SVD (condition 1e5, below the tol cut).
near_rng = np.random.default_rng(20261209)  # its own stream: the data above stay as they were
for name, noise in (("near3", 1e-3), ("near5", 1e-5)):
    Xn = near_rng.normal(size=(150, 5))
    yn = np.array([0.0, 1.0, 2.0])[near_rng.integers(0, 3, 150)]
    Xn[:, 0] += 2.0 * yn
    Xn[:, 4] = Xn[:, 3] + noise * near_rng.normal(size=150)
    data[name] = (Xn, yn)

for name, (X, y) in data.items():
    save(f"X_{name}", X)
    save(f"y_{name}", y)
    test_rng = near_rng if name.startswith("near") else rng
    save(f"X_{name}_test", X[:25] + test_rng.normal(scale=0.5, size=X[:25].shape))

# name, data, estimator, solver, shrinkage, priors, n_components, store_covariance, reg_param
cases = [
    ("three_svd", "three", "lda", "svd", "", "", "", 0, 0),
    ("three_svd_store", "three", "lda", "svd", "", "", "", 1, 0),
    ("three_svd_priors", "three", "lda", "svd", "", "0.2 0.3 0.5", "", 0, 0),
    ("three_svd_ncomp1", "three", "lda", "svd", "", "", "1", 0, 0),
    ("three_lsqr", "three", "lda", "lsqr", "", "", "", 0, 0),
    ("three_lsqr_auto", "three", "lda", "lsqr", "auto", "", "", 0, 0),
    ("three_lsqr_fixed", "three", "lda", "lsqr", "0.3", "0.5 0.25 0.25", "", 0, 0),
    ("three_eigen", "three", "lda", "eigen", "", "", "", 0, 0),
    ("three_eigen_auto", "three", "lda", "eigen", "auto", "", "", 0, 0),
    ("three_eigen_fixed", "three", "lda", "eigen", "0.3", "", "1", 0, 0),
    ("two_svd", "two", "lda", "svd", "", "", "", 0, 0),
    ("two_lsqr", "two", "lda", "lsqr", "", "", "", 0, 0),
    ("two_eigen_auto", "two", "lda", "eigen", "auto", "", "", 0, 0),
    ("many_svd", "many", "lda", "svd", "", "", "", 1, 0),
    ("many_lsqr_auto", "many", "lda", "lsqr", "auto", "", "", 0, 0),
    ("many_eigen", "many", "lda", "eigen", "", "", "3", 0, 0),
    ("collinear_svd", "collinear", "lda", "svd", "", "", "", 0, 0),
    ("collinear_lsqr", "collinear", "lda", "lsqr", "", "", "", 0, 0),
    ("constant_svd", "constant", "lda", "svd", "", "", "", 0, 0),
    ("near3_svd", "near3", "lda", "svd", "", "", "", 0, 0),
    ("near5_svd", "near5", "lda", "svd", "", "", "", 0, 0),
    ("qda_svd", "quad", "qda", "svd", "", "", "", 0, 0),
    ("qda_svd_reg", "quad", "qda", "svd", "", "", "", 1, 0.3),
    ("qda_svd_priors", "quad", "qda", "svd", "", "0.5 0.3 0.2", "", 0, 0),
    ("qda_two", "quad_two", "qda", "svd", "", "", "", 1, 0),
    ("qda_eigen", "quad", "qda", "eigen", "", "", "", 1, 0),
    ("qda_eigen_auto", "quad", "qda", "eigen", "auto", "", "", 0, 0),
    ("qda_eigen_fixed", "quad", "qda", "eigen", "0.2", "", "", 0, 0),
    # A covariance_estimator in place of shrinkage ("est:" + the estimator).
    ("three_lsqr_oas", "three", "lda", "lsqr", "est:oas", "", "", 0, 0),
    ("three_eigen_ledoit_wolf", "three", "lda", "eigen", "est:ledoit_wolf", "", "", 0, 0),
    ("qda_eigen_oas", "quad", "qda", "eigen", "est:oas", "", "", 1, 0),
]


def shrink_value(text):
    if text == "" or text.startswith("est:"):
        return None
    return "auto" if text == "auto" else float(text)


def covariance_estimator(text):
    return {"est:oas": OAS(), "est:ledoit_wolf": LedoitWolf()}.get(text)


with open(ROOT / "discriminant_analysis" / "cases.csv", "w", newline="") as f:
    writer = csv.writer(f)
    for row in cases:
        writer.writerow(row)
        name, data_name, kind, solver, shrinkage, priors, n_components, store, reg = row
        X, y = data[data_name]
        X_test = np.load(ROOT / "discriminant_analysis" / f"X_{data_name}_test.npy")
        priors = None if priors == "" else [float(v) for v in priors.split()]
        if kind == "lda":
            model = LinearDiscriminantAnalysis(
                solver=solver,
                shrinkage=shrink_value(shrinkage),
                covariance_estimator=covariance_estimator(shrinkage),
                priors=priors,
                n_components=None if n_components == "" else int(n_components),
                store_covariance=bool(store),
            )
        else:
            model = QuadraticDiscriminantAnalysis(
                solver=solver,
                shrinkage=shrink_value(shrinkage),
                covariance_estimator=covariance_estimator(shrinkage),
                priors=priors,
                reg_param=reg,
                store_covariance=bool(store),
            )
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            model.fit(X, y)
        save(f"{name}_classes", model.classes_)
        save(f"{name}_means", model.means_)
        save(f"{name}_priors", model.priors_)
        save(f"{name}_decision", model.decision_function(X_test))
        save(f"{name}_proba", model.predict_proba(X_test))
        save(f"{name}_log_proba", model.predict_log_proba(X_test))
        save(f"{name}_predict", model.predict(X_test))
        if kind == "lda":
            save(f"{name}_coef", model.coef_)
            save(f"{name}_intercept", model.intercept_)
            if hasattr(model, "covariance_"):
                save(f"{name}_covariance", model.covariance_)
            if solver != "lsqr":
                save(f"{name}_scalings", model.scalings_)
                save(f"{name}_explained_variance_ratio", model.explained_variance_ratio_)
                save(f"{name}_transform", model.transform(X_test))
            if solver == "svd":
                save(f"{name}_xbar", model.xbar_)
        else:
            for k in range(len(model.classes_)):
                save(f"{name}_rotations_{k}", model.rotations_[k])
                save(f"{name}_scalings_{k}", model.scalings_[k])
                if store:
                    save(f"{name}_covariance_{k}", model.covariance_[k])
