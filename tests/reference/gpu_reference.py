"""Reference values for tests/gpu/: scikit-learn's pairwise distances and
brute-force nearest neighbours, and NumPy's histogram, on data written beside
them. Writes tests/data/gpu/:

* X.npy (40 x 6), Y.npy (25 x 6): standard normal points; X's row 5 is zero
  (cosine's zero-norm rule) and Y's row 3 repeats X's row 2 (an exact zero);
* dist_METRIC.npy: sklearn.metrics.pairwise_distances(X, Y, metric) for
  euclidean, sqeuclidean, cosine, manhattan; self_METRIC.npy: the same of X
  with itself (zero diagonal);
* knn_distances.npy, knn_indices.npy: NearestNeighbors(n_neighbors=7,
  algorithm="brute").fit(Y).kneighbors(X) (euclidean); knn_manhattan_*.npy:
  the same with metric="manhattan";
* hist_x.npy, hist_counts.npy: numpy.histogram(hist_x, bins=10, range=(-2, 3))
  of normal values plus values on every edge, below, above the range, and NaN
  (bins from NumPy's own edge correction).

Run: .venv/bin/python tests/reference/gpu_reference.py
"""

from pathlib import Path

import numpy as np
from sklearn.metrics import pairwise_distances
from sklearn.neighbors import NearestNeighbors

OUT = Path(__file__).resolve().parents[1] / "data" / "gpu"
METRICS = ["euclidean", "sqeuclidean", "cosine", "manhattan"]


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(20261207)
    X = rng.standard_normal((40, 6))
    Y = rng.standard_normal((25, 6))
    X[5] = 0.0
    Y[3] = X[2]
    np.save(OUT / "X.npy", X)
    np.save(OUT / "Y.npy", Y)
    for metric in METRICS:
        np.save(OUT / f"dist_{metric}.npy", pairwise_distances(X, Y, metric=metric))
        np.save(OUT / f"self_{metric}.npy", pairwise_distances(X, metric=metric))
    for metric, prefix in [("euclidean", "knn"), ("manhattan", "knn_manhattan")]:
        nn = NearestNeighbors(n_neighbors=7, algorithm="brute", metric=metric).fit(Y)
        distances, indices = nn.kneighbors(X)
        np.save(OUT / f"{prefix}_distances.npy", distances)
        np.save(OUT / f"{prefix}_indices.npy", indices.astype(np.int64))
    edges = np.linspace(-2.0, 3.0, 11)
    x = np.concatenate([rng.standard_normal(300), edges, [-2.5, 3.5, np.nan, 0.1, 0.3, 0.7]])
    counts, _ = np.histogram(x[~np.isnan(x)], bins=10, range=(-2.0, 3.0))
    np.save(OUT / "hist_x.npy", x)
    np.save(OUT / "hist_counts.npy", counts.astype(np.int64))


if __name__ == "__main__":
    main()
