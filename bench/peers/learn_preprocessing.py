#!/usr/bin/env python3
"""scikit-learn's preprocessing on the workloads of bench/learn/preprocessing_bench.cpp.

Usage: learn_preprocessing.py --data-dir DIR --case CASE [--repetitions R] [--min-time S]

Cases: onehot (OneHotEncoder(sparse_output=False).fit_transform of the 10^6 x 10
integer-valued learn_preprocessing/onehot_X.npy, 300 output columns),
standard_scaler (StandardScaler().fit_transform of the 10^6 x 100
learn_preprocessing/scaler_X.npy). Prints one JSON object as linalg_solve.py
does; the accuracy is the same self-check as ours (see the C++ file's header).
Each call's output is dropped before the next call, as on our side.
"""

import numpy as np
from sklearn.preprocessing import OneHotEncoder, StandardScaler

import peer_timing

CASES = ["onehot", "standard_scaler"]


def main():
    args = peer_timing.parse_args(__doc__, CASES)
    root = args.data_dir / "learn_preprocessing"
    out = {}
    if args.case == "onehot":
        X = np.load(root / "onehot_X.npy")

        def call():
            out.pop("r", None)
            out["r"] = OneHotEncoder(sparse_output=False).fit_transform(X)

        def accuracy():
            Z = out["r"]
            return abs(Z.sum() - X.size) + abs(Z.shape[1] - 300) * X.shape[0]
    else:
        X = np.load(root / "scaler_X.npy")

        def call():
            out.pop("r", None)
            out["r"] = StandardScaler().fit_transform(X)

        def accuracy():
            Z = out["r"]
            return np.max(np.abs(Z.mean(axis=0)) + np.abs(Z.std(axis=0) - 1))

    peer_timing.report(args, call, accuracy, sklearn_version=lambda: __import__("sklearn").__version__)


if __name__ == "__main__":
    main()
