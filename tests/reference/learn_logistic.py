"""Reference values for LogisticRegression (tests/learn/linear_model/logistic_regression_test.cpp):
scikit-learn 1.9's LogisticRegression fitted with the same hyper-parameters on
the same data. Writes tests/data/learn/logistic/*.npy and cases.csv.

The objective (mean weighted log-loss plus ||W||^2 / (2 C S)) is strictly
convex in the coefficients and has one minimizer, but a solver stopped at the
default tol=1e-4 stands wherever its own path left it: two correct
implementations then differ in the 4th digit. So every case is fitted to the
minimizer itself, on both sides: the reference (`NAME_*.npy`) is
scikit-learn's newton-cholesky at tol=1e-12 (quadratic convergence: the
minimizer to rounding), and lbfgs runs with tol=1e-10 and max_iter=10000.
L-BFGS-B then stops on its relative-reduction test (ftol = 64 eps, which
scikit-learn sets and tol cannot lower), within about 1e-6 of the minimizer
relative to the largest coefficient; scikit-learn's own lbfgs answer is saved
too (`NAME_lbfgs_*.npy`) and its distance to the reference printed and
checked here (the ill-conditioned cases excepted: there lbfgs stops far
earlier, along the nearly flat direction, and only the probabilities and the
objective are compared).

Run: .venv/bin/python tests/reference/learn_logistic.py
"""

import pathlib

import numpy as np
from sklearn.linear_model import LogisticRegression

OUT = pathlib.Path(__file__).resolve().parent.parent / "data" / "learn" / "logistic"
OUT.mkdir(parents=True, exist_ok=True)
rng = np.random.default_rng(20261207)


def save(name, array):
    np.save(OUT / f"{name}.npy", np.asarray(array, dtype=np.float64))


# Features of different scales and offsets; labels from a noisy linear model,
# so no class is separable (the unpenalized fit exists).
n, p = 90, 4
scales = np.array([1.0, 10.0, 0.1, 3.0])
offsets = np.array([0.0, 5.0, -1.0, 2.0])
X = rng.standard_normal((n, p)) * scales + offsets
X_test = rng.standard_normal((25, p)) * scales + offsets
Z = (X - offsets) / scales
w = rng.uniform(0.2, 3.0, n)

logit = Z @ np.array([1.5, -1.0, 0.5, 0.0]) + 0.3 + rng.logistic(size=n)
y2 = np.where(logit > 0, 3.0, -1.0)
scores = Z @ np.array([[1.0, -0.5, 0.0, 0.3], [-1.0, 0.5, 0.8, 0.0], [0.0, 0.0, -0.8, -0.3]]).T
y3 = np.array([-1.0, 3.0, 7.0])[np.argmax(scores + rng.gumbel(size=(n, 3)), axis=1)]
# Imbalanced classes for class_weight: most samples of class 7 become -1.
y3_imbalanced = y3.copy()
y3_imbalanced[(y3 == 7.0) & (rng.uniform(size=n) < 0.6)] = -1.0

# Ill-conditioned: feature 1 nearly equals feature 0, feature 3 is 1000 times larger.
X_ill = X.copy()
X_ill[:, 1] = X[:, 0] + 1e-2 * rng.standard_normal(n)
X_ill[:, 3] = 100.0 * Z[:, 3]
X_ill_test = X_test.copy()
X_ill_test[:, 1] = X_test[:, 0]
X_ill_test[:, 3] = 100.0 * (X_test[:, 3] - offsets[3]) / scales[3]

save("X", X)
save("X_test", X_test)
save("X_ill", X_ill)
save("X_ill_test", X_ill_test)
save("w", w)
save("y2", y2)
save("y3", y3)
save("y3_imbalanced", y3_imbalanced)

# name, X, X_test, y, constructor arguments, sample_weight?
CASES = []
for y_name in ("y2", "y3"):
    for C in (0.01, 1.0, 100.0):
        CASES.append((f"{y_name}_C{C:g}", "X", y_name, {"C": C}, False))
    CASES.append((f"{y_name}_no_intercept", "X", y_name, {"fit_intercept": False}, False))
    CASES.append((f"{y_name}_weighted", "X", y_name, {}, True))
    CASES.append((f"{y_name}_no_penalty", "X", y_name, {"C": np.inf}, False))
    CASES.append((f"{y_name}_ill", "X_ill", y_name, {"C": 10.0}, False))
CASES.append(("y3_balanced", "X", "y3_imbalanced", {"class_weight": "balanced"}, False))
CASES.append(("y3_balanced_weighted", "X", "y3_imbalanced", {"class_weight": "balanced"}, True))
CASES.append(("y3_class_weight", "X", "y3_imbalanced", {"class_weight": {-1: 0.5, 7: 3.0}}, False))
CASES.append(("y2_balanced", "X", "y2", {"class_weight": "balanced", "C": 0.1}, False))

data = {"X": X, "X_ill": X_ill, "y2": y2, "y3": y3, "y3_imbalanced": y3_imbalanced}
tests = {"X": X_test, "X_ill": X_ill_test}

lines = []
for name, x_name, y_name, kwargs, weighted in CASES:
    Xc, yc = data[x_name], data[y_name]
    fit_kw = {"sample_weight": w} if weighted else {}
    lbfgs = LogisticRegression(tol=1e-10, max_iter=10000, **kwargs).fit(Xc, yc, **fit_kw)
    model = LogisticRegression(tol=1e-12, max_iter=1000, solver="newton-cholesky", **kwargs).fit(Xc, yc, **fit_kw)
    scale = max(1.0, np.abs(model.coef_).max())
    gap = max(np.abs(model.coef_ - lbfgs.coef_).max(), np.abs(model.intercept_ - lbfgs.intercept_).max()) / scale
    assert gap < 1e-5 or "ill" in name, (name, gap)
    Xt = tests[x_name]
    save(f"{name}_coef", model.coef_)
    save(f"{name}_intercept", model.intercept_)
    save(f"{name}_classes", model.classes_)
    save(f"{name}_proba", model.predict_proba(Xt))
    save(f"{name}_decision", model.decision_function(Xt))
    save(f"{name}_predict", model.predict(Xt))
    save(f"{name}_lbfgs_coef", lbfgs.coef_)
    save(f"{name}_lbfgs_intercept", lbfgs.intercept_)
    save(f"{name}_lbfgs_proba", lbfgs.predict_proba(Xt))
    C = kwargs.get("C", 1.0)
    fit_intercept = kwargs.get("fit_intercept", True)
    cw = kwargs.get("class_weight", "none")
    if isinstance(cw, dict):
        cw = "dict"
    lines.append(f"{name},{x_name},{y_name},{C:.17g},{int(fit_intercept)},{int(weighted)},{cw}")
    print(f"{name}: n_iter lbfgs {lbfgs.n_iter_[0]}, newton {model.n_iter_[0]}, lbfgs vs minimizer {gap:.1e}")

header = "name,X,y,C,fit_intercept,weighted,class_weight"
(OUT / "cases.csv").write_text("\n".join([header, *lines]) + "\n")
