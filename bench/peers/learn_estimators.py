#!/usr/bin/env python3
"""scikit-learn's LinearRegression and GridSearchCV on the workloads of bench/learn/estimators_bench.cpp.

Usage: learn_estimators.py --data-dir DIR --case CASE [--repetitions R] [--min-time S]

Cases: linear_regression (LinearRegression() on learn_estimators/ols_X.npy,
10^6 x 100, and ols_y.npy), grid_search_jobs1 and grid_search_jobs2
(GridSearchCV(make_pipeline(StandardScaler(), LogisticRegression()),
{"logisticregression__C": logspace(-3, 3, 12)}, cv=5, n_jobs=1 or 2) on
grid_X.npy, 20 000 x 50, and grid_y.npy). Inputs are laid out C-contiguous
before the clock, as scikit-learn wants them. Prints one JSON object as
linalg_solve.py does; the accuracy is the C++ side's (see its header).
"""

import numpy as np
from sklearn.linear_model import LinearRegression, LogisticRegression
from sklearn.model_selection import GridSearchCV
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

import peer_timing

CASES = ["linear_regression", "grid_search_jobs1", "grid_search_jobs2"]


def main():
    args = peer_timing.parse_args(__doc__, CASES)
    root = args.data_dir / "learn_estimators"
    if args.case == "linear_regression":
        X = np.ascontiguousarray(np.load(root / "ols_X.npy"))
        y = np.load(root / "ols_y.npy")
        model = LinearRegression()

        def accuracy():
            residual = y - X @ model.coef_ - model.intercept_
            return np.linalg.norm(X.T @ residual) / (np.linalg.norm(X) * np.linalg.norm(y))

        peer_timing.report(args, lambda: model.fit(X, y), accuracy)
        return
    X = np.ascontiguousarray(np.load(root / "grid_X.npy"))
    y = np.load(root / "grid_y.npy")
    n_jobs = 1 if args.case == "grid_search_jobs1" else 2
    pipe = make_pipeline(StandardScaler(), LogisticRegression())
    search = GridSearchCV(pipe, {"logisticregression__C": np.logspace(-3, 3, 12)}, cv=5, n_jobs=n_jobs)
    peer_timing.report(args, lambda: search.fit(X, y), lambda: abs(search.best_score_ - 0.8))


if __name__ == "__main__":
    main()
