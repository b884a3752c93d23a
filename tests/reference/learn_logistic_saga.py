"""Reference values for LogisticRegression's sag and saga solvers
(tests/learn/linear_model/logistic_sag_test.cpp): scikit-learn 1.9's saga
fitted to convergence (tol=1e-13) with L1 and elastic-net penalties, on dense
and sparse data, two and three classes. Writes tests/data/learn/logistic_saga/.

The stochastic solvers' sample orders cannot agree between implementations, so
both sides are run to the minimizer and compared there: the objective value
(saved as NAME_objective.npy, computed here from scikit-learn's coefficients
with the formula the test uses) and the coefficients, which the data make
unique (n > p, features in general position).

Run: .venv/bin/python tests/reference/learn_logistic_saga.py
"""

import pathlib
import warnings

import numpy as np
import scipy.sparse as sp
from scipy.special import logsumexp
from sklearn.linear_model import LogisticRegression

OUT = pathlib.Path(__file__).resolve().parent.parent / "data" / "learn" / "logistic_saga"
OUT.mkdir(parents=True, exist_ok=True)
rng = np.random.default_rng(2026120701)


def save(name, array):
    np.save(OUT / f"{name}.npy", np.asarray(array, dtype=np.float64))


n, p = 200, 12
X = rng.standard_normal((n, p)) * rng.uniform(0.5, 2.0, p)
# Sparse: about 25% of the entries stored.
X_sparse = np.where(rng.uniform(size=(n, p)) < 0.25, rng.standard_normal((n, p)) * 2.0, 0.0)
w = rng.uniform(0.3, 2.0, n)
beta2 = rng.standard_normal(p) * (rng.uniform(size=p) < 0.6)
beta3 = rng.standard_normal((3, p)) * (rng.uniform(size=(3, p)) < 0.6)


def labels2(A):
    return np.where(A @ beta2 + 0.2 + rng.logistic(size=n) > 0, 4.0, -2.0)


def labels3(A):
    return np.array([0.0, 1.0, 5.0])[np.argmax(A @ beta3.T + rng.gumbel(size=(n, 3)), axis=1)]


data = {"dense": X, "sparse": X_sparse}
targets = {
    "dense_y2": labels2(X),
    "dense_y3": labels3(X),
    "sparse_y2": labels2(X_sparse),
    "sparse_y3": labels3(X_sparse),
}
for name, value in data.items():
    save(f"X_{name}", value)
for name, value in targets.items():
    save(name, value)
save("w", w)


def objective(model, A, y, s, C, l1_ratio):
    """Mean weighted log-loss + (1 - r) ||W||^2 / (2 C S) + r ||W||_1 / (C S)."""
    scores = A @ model.coef_.T + model.intercept_
    classes = model.classes_
    if len(classes) == 2:
        z = scores[:, 0]
        t = (y == classes[1]).astype(float)
        loss = np.logaddexp(0, z) - t * z
    else:
        idx = np.searchsorted(classes, y)
        loss = logsumexp(scores, axis=1) - scores[np.arange(n), idx]
    S = s.sum()
    W = model.coef_
    return (s @ loss) / S + (1 - l1_ratio) * (W**2).sum() / (2 * C * S) + l1_ratio * np.abs(W).sum() / (C * S)


# name, data, target, C, l1_ratio, fit_intercept, weighted
cases = [
    ("dense_l1_y2", "dense", "dense_y2", 0.5, 1.0, 1, 0),
    ("dense_enet_y3", "dense", "dense_y3", 1.0, 0.5, 1, 0),
    ("dense_l1_y3_weighted", "dense", "dense_y3", 0.3, 1.0, 1, 1),
    ("sparse_l1_y2", "sparse", "sparse_y2", 0.2, 1.0, 1, 0),
    ("sparse_enet_y2_weighted", "sparse", "sparse_y2", 2.0, 0.3, 1, 1),
    ("sparse_l1_y3", "sparse", "sparse_y3", 0.5, 1.0, 0, 0),
    ("sparse_l2_y3", "sparse", "sparse_y3", 1.0, 0.0, 1, 0),
]
with open(OUT / "cases.csv", "w") as manifest:
    manifest.write("name,X,y,C,l1_ratio,fit_intercept,weighted\n")
    for name, xname, yname, C, l1_ratio, fit_intercept, weighted in cases:
        A = data[xname]
        y = targets[yname]
        s = w if weighted else np.ones(n)
        model = LogisticRegression(
            solver="saga", C=C, l1_ratio=l1_ratio, fit_intercept=bool(fit_intercept), tol=1e-13,
            max_iter=200000, random_state=0)
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            model.fit(sp.csr_matrix(A) if xname == "sparse" else A, y, sample_weight=s)
        save(f"{name}_coef", model.coef_)
        save(f"{name}_intercept", model.intercept_)
        save(f"{name}_objective", [objective(model, A, y, s, C, l1_ratio)])
        print(f"{name}: n_iter {model.n_iter_[0]}, zeros {(model.coef_ == 0).sum()} of {model.coef_.size}, "
              f"objective {objective(model, A, y, s, C, l1_ratio):.15g}")
        manifest.write(f"{name},{xname},{yname},{C},{l1_ratio},{fit_intercept},{weighted}\n")

# L2 only, for sag and saga: the minimizer itself, from newton-cholesky at
# tol=1e-12 (quadratic convergence).
for yname in ("dense_y2", "dense_y3"):
    model = LogisticRegression(solver="newton-cholesky", C=1.0, tol=1e-12, max_iter=1000).fit(X, targets[yname])
    save(f"{yname}_l2_coef", model.coef_)
    save(f"{yname}_l2_intercept", model.intercept_)
