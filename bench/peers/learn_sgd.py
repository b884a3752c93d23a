#!/usr/bin/env python3
"""scikit-learn's SGDClassifier on the workloads of bench/learn/sgd_bench.cpp.

Usage: learn_sgd.py --data-dir DIR --case CASE [--repetitions R] [--min-time S]

Cases: sgd_hinge (SGDClassifier(loss="hinge", max_iter=5, tol=None,
random_state=0).fit(X, y).predict(X) on learn_sgd/sgd_hinge_X.npy, 10^6 x 100,
2 classes). Inputs are laid out C-contiguous before the clock, as
scikit-learn wants them. Prints one JSON object as linalg_solve.py does; the
accuracy is the same as ours (see the C++ file's header): |training accuracy
- that of the true coefficients|.
"""

import numpy as np
from sklearn.linear_model import SGDClassifier

import peer_timing

CASES = ["sgd_hinge"]


def main():
    args = peer_timing.parse_args(__doc__, CASES)
    root = args.data_dir / "learn_sgd"
    X = np.ascontiguousarray(np.load(root / "sgd_hinge_X.npy"))
    y = np.load(root / "sgd_hinge_y.npy")
    reference = float(np.load(root / "sgd_hinge_reference.npy").ravel()[0])
    model = SGDClassifier(loss="hinge", max_iter=5, tol=None, random_state=0)
    out = {}

    def call():
        out.pop("predicted", None)
        out["predicted"] = model.fit(X, y).predict(X)

    def accuracy():
        return abs(np.mean(out["predicted"] == y) - reference)

    peer_timing.report(args, call, accuracy, sklearn_version=lambda: __import__("sklearn").__version__)


if __name__ == "__main__":
    main()
