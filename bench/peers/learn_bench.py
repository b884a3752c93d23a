#!/usr/bin/env python3
"""sklearn.metrics on the workloads of bench/learn/metrics_bench.cpp.

Usage: learn_bench.py --data-dir DIR --case CASE [--repetitions R] [--min-time S]

Cases: roc_auc_score (10^6 binary samples of learn/roc_y.npy and
learn/roc_score.npy). Prints one JSON object as linalg_solve.py does; the
accuracy is the same self-check as ours (see the C++ file's header).
"""

import numpy as np
from sklearn import metrics

import peer_timing

CASES = ["roc_auc_score"]


def main():
    args = peer_timing.parse_args(__doc__, CASES)
    root = args.data_dir / "learn"
    out = {}
    y, score = np.load(root / "roc_y.npy"), np.load(root / "roc_score.npy")
    call = lambda: out.__setitem__("r", metrics.roc_auc_score(y, score))  # noqa: E731
    accuracy = lambda: abs(out["r"] - 0.875)  # noqa: E731
    peer_timing.report(args, call, accuracy)


if __name__ == "__main__":
    main()
