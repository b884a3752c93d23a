#!/usr/bin/env python3
"""scikit-learn's LinearDiscriminantAnalysis on the workload of bench/learn/discriminant_analysis_bench.cpp.

Usage: learn_discriminant_analysis.py --data-dir DIR --case CASE [--repetitions R] [--min-time S]

Cases: lda_svd (LinearDiscriminantAnalysis().fit(X, y).predict_proba(X) on
learn_discriminant_analysis/lda_X.npy, 10^5 x 200, 5 classes, solver svd).
Inputs are laid out C-contiguous before the clock, as scikit-learn wants
them. Prints one JSON object as linalg_solve.py does; the accuracy is the same
as ours (see the C++ file's header): |mean log P(y | x) - its value under the
true parameters|.
"""

import numpy as np
from sklearn.discriminant_analysis import LinearDiscriminantAnalysis

import peer_timing

CASES = ["lda_svd"]


def main():
    args = peer_timing.parse_args(__doc__, CASES)
    root = args.data_dir / "learn_discriminant_analysis"
    X = np.ascontiguousarray(np.load(root / "lda_X.npy"))
    y = np.load(root / "lda_y.npy")
    reference = float(np.load(root / "lda_reference.npy").ravel()[0])
    model = LinearDiscriminantAnalysis()
    out = {}

    def call():
        out.pop("proba", None)
        out["proba"] = model.fit(X, y).predict_proba(X)

    def accuracy():
        proba = out["proba"]
        picked = proba[np.arange(len(y)), np.searchsorted(model.classes_, y)]
        return abs(np.mean(np.log(picked)) - reference)

    peer_timing.report(args, call, accuracy, sklearn_version=lambda: __import__("sklearn").__version__)


if __name__ == "__main__":
    main()
