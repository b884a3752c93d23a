#!/usr/bin/env python3
"""scikit-learn's Ridge and RidgeCV on the workloads of bench/learn/ridge_bench.cpp.

Usage: learn_ridge.py --data-dir DIR --case CASE [--repetitions R] [--min-time S]

Cases: ridge (Ridge().fit(X, y).predict(X) on learn_ridge/ridge_X.npy,
10^5 x 500, and ridge_y.npy), ridge_cv (RidgeCV(alphas=np.logspace(-3, 3,
20)).fit(X, y) on ridge_cv_X.npy, 10^4 x 200, and ridge_cv_y.npy). Inputs are
laid out C-contiguous before the clock, as scikit-learn wants them. Prints one
JSON object as linalg_solve.py does; the accuracy is the C++ side's (see its
header): ||X'(y - X coef - intercept) - alpha coef|| / (||X|| ||y||).
"""

import numpy as np
from sklearn.linear_model import Ridge, RidgeCV

import peer_timing

CASES = ["ridge", "ridge_cv"]


def main():
    args = peer_timing.parse_args(__doc__, CASES)
    root = args.data_dir / "learn_ridge"
    X = np.ascontiguousarray(np.load(root / f"{args.case}_X.npy"))
    y = np.load(root / f"{args.case}_y.npy")
    if args.case == "ridge":
        model = Ridge()
        call = lambda: model.fit(X, y).predict(X)  # noqa: E731
        alpha = lambda: 1.0  # noqa: E731
    else:
        model = RidgeCV(alphas=np.logspace(-3, 3, 20))
        call = lambda: model.fit(X, y)  # noqa: E731
        alpha = lambda: float(model.alpha_)  # noqa: E731

    def accuracy():
        residual = y - X @ model.coef_ - model.intercept_
        return np.linalg.norm(X.T @ residual - alpha() * model.coef_) / (np.linalg.norm(X) * np.linalg.norm(y))

    peer_timing.report(args, call, accuracy)


if __name__ == "__main__":
    main()
