#!/usr/bin/env python3
"""scikit-learn's LogisticRegression on the workloads of bench/learn/logistic_bench.cpp.

Usage: learn_logistic.py --data-dir DIR --case CASE [--repetitions R] [--min-time S]

Cases: lbfgs_2 and lbfgs_10: LogisticRegression() (lbfgs, C = 1, tol = 1e-4,
max_iter = 100) fitted on learn_logistic/X.npy (100 000 x 100, laid out
C-contiguous as scikit-learn wants it, before the clock) with y2.npy (2
classes) or y10.npy (10 classes). Prints one JSON object as linalg_solve.py
does; the accuracy is the largest entry of the objective's gradient at the
answer, by the same formula as the C++ side (see its header).

saga_l1_sparse: LogisticRegression(solver="saga", l1_ratio=1, C=0.1,
random_state=0) on the CSR matrix of learn_logistic_sparse/ (100 000 x 10 000,
density 0.01); the accuracy is the L1 problem's largest optimality violation
relative to lambda = 1 / (C n), as the C++ side computes it.
"""

import numpy as np
import scipy.sparse as sp
from sklearn.linear_model import LogisticRegression

import peer_timing

CASES = ["lbfgs_2", "lbfgs_10", "saga_l1_sparse"]


def gradient_norm(model, X, y):
    proba = model.predict_proba(X)
    n = X.shape[0]
    onehot = (y[:, None] == model.classes_[None, :]).astype(float)
    residual = proba - onehot
    if model.coef_.shape[0] == 1:
        residual = residual[:, 1:]
    g_coef = (residual.T @ X + model.coef_) / n
    g_intercept = residual.sum(axis=0) / n
    return max(np.abs(g_coef).max(), np.abs(g_intercept).max())


def l1_violation(model, X, y, C):
    n = X.shape[0]
    residual = model.predict_proba(X)[:, 1] - y
    g = X.T @ residual / n
    lam = 1 / (C * n)
    w = model.coef_[0]
    violation = np.where(w != 0, np.abs(g + lam * np.sign(w)), np.maximum(np.abs(g) - lam, 0))
    return max(abs(residual.mean()), violation.max()) / lam


def main():
    args = peer_timing.parse_args(__doc__, CASES)
    if args.case == "saga_l1_sparse":
        root = args.data_dir / "learn_logistic_sparse"
        load = lambda name: np.load(root / f"{name}.npy")
        X = sp.csr_matrix((load("data"), load("indices").astype(np.int32), load("indptr").astype(np.int32)),
                          shape=(100_000, 10_000))
        y = load("y")
        model = LogisticRegression(solver="saga", l1_ratio=1, C=0.1, random_state=0)
        peer_timing.report(args, lambda: model.fit(X, y), lambda: l1_violation(model, X, y, 0.1),
                           n_iter=lambda: int(model.n_iter_[0]))
        return
    root = args.data_dir / "learn_logistic"
    X = np.ascontiguousarray(np.load(root / "X.npy"))
    y = np.load(root / ("y2.npy" if args.case == "lbfgs_2" else "y10.npy"))
    model = LogisticRegression()
    peer_timing.report(args, lambda: model.fit(X, y), lambda: gradient_norm(model, X, y),
                       n_iter=lambda: int(model.n_iter_[0]))


if __name__ == "__main__":
    main()
