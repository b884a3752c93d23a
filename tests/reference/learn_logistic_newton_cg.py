"""Reference values for LogisticRegression's newton-cg solver
(tests/learn/linear_model/logistic_newton_cg_test.cpp): scikit-learn 1.9's
LogisticRegression(solver="newton-cg") on the data of learn_logistic.py
(tests/data/learn/logistic/, dense) and learn_logistic_saga.py
(tests/data/learn/logistic_saga/, X_sparse passed as CSR). Writes
tests/data/learn/logistic_newton_cg/.

Each case is fitted twice:
- at tol=1e-12 (`NAME_coef`, `NAME_intercept`): newton-cg converges
  superlinearly, so this is the minimizer to rounding; the script checks it
  against scikit-learn's newton-cholesky at tol=1e-12 (the other solver's
  reference) and prints the distance;
- at the default tol=1e-4 (`NAME_default_coef`, `NAME_default_intercept`):
  where this iteration stops before the minimizer, so a second implementation
  of the same iteration lands on the same point only up to rounding.
The iteration counts of both fits go to cases.csv.

Run: .venv/bin/python tests/reference/learn_logistic_newton_cg.py
"""

import pathlib
import warnings

import numpy as np
import scipy.sparse as sp
from sklearn.linear_model import LogisticRegression

DATA = pathlib.Path(__file__).resolve().parent.parent / "data" / "learn"
OUT = DATA / "logistic_newton_cg"
OUT.mkdir(parents=True, exist_ok=True)


def load(name):
    return np.load(DATA / f"{name}.npy")


def save(name, array):
    np.save(OUT / f"{name}.npy", np.asarray(array, dtype=np.float64))


# name, X, y, sample weights ("" for none), C, fit_intercept
CASES = [
    ("y2_C1", "logistic/X", "logistic/y2", "", 1.0, True),
    ("y3_C1", "logistic/X", "logistic/y3", "", 1.0, True),
    ("y2_C100", "logistic/X", "logistic/y2", "", 100.0, True),
    ("y3_C0.01", "logistic/X", "logistic/y3", "", 0.01, True),
    ("y2_weighted", "logistic/X", "logistic/y2", "logistic/w", 1.0, True),
    ("y3_weighted", "logistic/X", "logistic/y3", "logistic/w", 1.0, True),
    ("y2_no_intercept", "logistic/X", "logistic/y2", "", 1.0, False),
    ("y3_no_intercept", "logistic/X", "logistic/y3", "", 1.0, False),
    ("y2_no_penalty", "logistic/X", "logistic/y2", "", np.inf, True),
    ("y3_no_penalty", "logistic/X", "logistic/y3", "", np.inf, True),
    ("y2_ill", "logistic/X_ill", "logistic/y2", "", 10.0, True),
    ("y3_ill", "logistic/X_ill", "logistic/y3", "", 10.0, True),
    ("sparse_y2", "logistic_saga/X_sparse", "logistic_saga/sparse_y2", "", 1.0, True),
    ("sparse_y2_no_intercept", "logistic_saga/X_sparse", "logistic_saga/sparse_y2", "", 1.0, False),
    ("sparse_y3_weighted", "logistic_saga/X_sparse", "logistic_saga/sparse_y3", "logistic_saga/w", 1.0, True),
    ("sparse_y3_no_penalty", "logistic_saga/X_sparse", "logistic_saga/sparse_y3", "", np.inf, True),
]

lines = []
for name, x_name, y_name, w_name, C, fit_intercept in CASES:
    X, y = load(x_name), load(y_name)
    if "sparse" in x_name:
        X = sp.csr_matrix(X)
    fit_kw = {"sample_weight": load(w_name)} if w_name else {}
    kw = {"C": C, "fit_intercept": fit_intercept}
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # neither fit may warn
        tight = LogisticRegression(solver="newton-cg", tol=1e-12, max_iter=1000, **kw).fit(X, y, **fit_kw)
        default = LogisticRegression(solver="newton-cg", **kw).fit(X, y, **fit_kw)
        exact = LogisticRegression(solver="newton-cholesky", tol=1e-12, max_iter=1000, **kw).fit(X, y, **fit_kw)
    scale = max(1.0, np.abs(exact.coef_).max())
    gap = max(np.abs(tight.coef_ - exact.coef_).max(), np.abs(tight.intercept_ - exact.intercept_).max()) / scale
    assert gap < 1e-9, (name, gap)
    save(f"{name}_coef", tight.coef_)
    save(f"{name}_intercept", tight.intercept_)
    save(f"{name}_default_coef", default.coef_)
    save(f"{name}_default_intercept", default.intercept_)
    lines.append(f"{name},{x_name},{y_name},{w_name},{C:.17g},{int(fit_intercept)},{tight.n_iter_[0]},"
                 f"{default.n_iter_[0]}")
    print(f"{name}: n_iter tol=1e-12 {tight.n_iter_[0]}, tol=1e-4 {default.n_iter_[0]}; "
          f"vs newton-cholesky {gap:.1e}")

header = "name,X,y,w,C,fit_intercept,n_iter_tight,n_iter_default"
(OUT / "cases.csv").write_text("\n".join([header, *lines]) + "\n")
