#!/usr/bin/env python3
"""scikit-learn's Lasso, ElasticNet and LassoCV on the workloads of bench/learn/coordinate_descent_bench.cpp.

Usage: learn_coordinate_descent.py --data-dir DIR --case CASE [--repetitions R] [--min-time S]

Cases: lasso_dense (Lasso(alpha=0.05)) and enet_dense (ElasticNet(alpha=0.1,
l1_ratio=0.5)) on learn_coordinate_descent/dense_X.npy, 5*10^4 x 1000
(Fortran-ordered before the clock, as coordinate descent wants it);
lasso_sparse (Lasso(alpha=0.002)) and enet_sparse (ElasticNet(alpha=0.004,
l1_ratio=0.5)) on the 10^5 x 10^4 CSC matrix sparse_{data,indices,indptr}.npy;
lasso_cv (LassoCV()) on cv_X.npy, 10^4 x 500. Prints one JSON object as
linalg_solve.py does; the accuracy is the C++ side's (see its header): the
relative duality gap of the returned model.
"""

import numpy as np
import scipy.sparse as sp
from sklearn.linear_model import ElasticNet, Lasso, LassoCV

import peer_timing

CASES = ["lasso_dense", "enet_dense", "lasso_sparse", "enet_sparse", "lasso_cv"]


def relative_gap(X, y, w, b, alpha, l1_ratio):
    n = X.shape[0]
    r = y - X @ w - b
    rc = r - r.mean()
    yc = y - y.mean()
    l1, l2 = alpha * l1_ratio * n, alpha * (1 - l1_ratio) * n
    xtr = X.T @ rc - l2 * w
    dual_norm = np.max(np.abs(xtr))
    scale = l1 / dual_norm if dual_norm > l1 else 1.0
    r2, w2 = rc @ rc, w @ w
    primal = 0.5 * (r2 + l2 * w2) + l1 * np.abs(w).sum()
    dual = -0.5 * scale**2 * (r2 + l2 * w2) + scale * (rc @ yc)
    return (primal - dual) / primal


def main():
    args = peer_timing.parse_args(__doc__, CASES)
    root = args.data_dir / "learn_coordinate_descent"
    if args.case in ("lasso_sparse", "enet_sparse"):
        n, p = (int(v) for v in np.load(root / "sparse_shape.npy"))
        X = sp.csc_matrix((np.load(root / "sparse_data.npy"), np.load(root / "sparse_indices.npy").astype(np.int32),
                           np.load(root / "sparse_indptr.npy").astype(np.int32)), shape=(n, p))
        y = np.load(root / "sparse_y.npy")
    else:
        name = "cv" if args.case == "lasso_cv" else "dense"
        X = np.asfortranarray(np.load(root / f"{name}_X.npy"))
        y = np.load(root / f"{name}_y.npy")
    alpha, l1_ratio = {"lasso_dense": (0.05, 1.0), "enet_dense": (0.1, 0.5), "lasso_sparse": (0.002, 1.0),
                       "enet_sparse": (0.004, 0.5), "lasso_cv": (None, 1.0)}[args.case]
    if args.case == "lasso_cv":
        model = LassoCV()
    elif l1_ratio == 1.0:
        model = Lasso(alpha=alpha)
    else:
        model = ElasticNet(alpha=alpha, l1_ratio=l1_ratio)

    def accuracy():
        a = model.alpha_ if args.case == "lasso_cv" else alpha
        return relative_gap(X, y, model.coef_, model.intercept_, a, l1_ratio)

    peer_timing.report(args, lambda: model.fit(X, y), accuracy)


if __name__ == "__main__":
    main()
