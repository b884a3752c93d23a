#!/usr/bin/env python3
"""scikit-learn's GaussianNB and MultinomialNB on the workloads of bench/learn/naive_bayes_bench.cpp.

Usage: learn_naive_bayes.py --data-dir DIR --case CASE [--repetitions R] [--min-time S]

Cases: gaussian_nb_k2 / gaussian_nb_k5 (GaussianNB().fit(X, y).predict_proba(X)
on learn_naive_bayes/gaussian_k2_X.npy or gaussian_k5_X.npy, 10^6 x 20, 2 or 5
classes), multinomial_nb (MultinomialNB() on multinomial_X.npy, 10^6 x 100
counts, 5 classes). Inputs are laid out C-contiguous before the clock, as
scikit-learn wants them. Prints one JSON object as linalg_solve.py does; the
accuracy is the same as ours (see the C++ file's header): |mean log P(y | x)
- its value under the true parameters|.
"""

import numpy as np
from sklearn.naive_bayes import GaussianNB, MultinomialNB

import peer_timing

CASES = ["gaussian_nb_k2", "gaussian_nb_k5", "multinomial_nb"]
FILES = {"gaussian_nb_k2": "gaussian_k2", "gaussian_nb_k5": "gaussian_k5", "multinomial_nb": "multinomial"}


def main():
    args = peer_timing.parse_args(__doc__, CASES)
    root = args.data_dir / "learn_naive_bayes"
    name = FILES[args.case]
    X = np.ascontiguousarray(np.load(root / f"{name}_X.npy"))
    y = np.load(root / f"{name}_y.npy")
    reference = float(np.load(root / f"{name}_reference.npy").ravel()[0])
    model = GaussianNB() if args.case.startswith("gaussian") else MultinomialNB()
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
