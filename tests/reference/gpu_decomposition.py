"""Reference values for tests/gpu/decomposition_test.cpp and cluster_test.cpp:
scikit-learn's PCA (svd_solver="covariance_eigh", the covariance + eigh path)
and KMeans (Lloyd from given initial centers). Writes tests/data/gpu/:

* pca_X.npy (300 x 7): correlated normal features (a random mixing matrix);
  pca_components.npy, pca_explained_variance.npy, pca_explained_variance_ratio.npy,
  pca_singular_values.npy, pca_mean.npy, pca_noise_variance.npy (1 value),
  pca_transformed.npy: PCA(n_components=3, svd_solver="covariance_eigh").fit(X)
  and its transform(X);
* km_X.npy (400 x 5): four Gaussian blobs; km_init.npy (4 x 5): rows 0, 1, 2,
  3 of km_X (a poor start: the first rows come from one blob);
  km_centers.npy, km_labels.npy, km_inertia.npy, km_n_iter.npy: KMeans(
  n_clusters=4, init=km_init, n_init=1, algorithm="lloyd", tol=1e-4).fit(X);
* km_empty_init.npy: an init with a far-away center (100, ...) that gets no
  point, and km_empty_centers.npy / km_empty_labels.npy / km_empty_inertia.npy,
  the fit from it (scikit-learn relocates the empty cluster to the point
  farthest from its center).

* km_lone_X.npy, km_lone_init.npy, km_lone_centers.npy, km_lone_labels.npy,
  km_lone_inertia.npy: 60 points of one blob at the origin and an outlier at
  (40, 40, 40), 3 clusters started from two equal centers in the blob and one
  at (20, 20, 20): the second center gets no point and is moved to the
  outlier, the sample farthest from its center, which leaves the outlier's
  own cluster empty (scikit-learn then puts it at the largest cluster's center);
* kpp_seedS_indices.npy for S in 0, 1, 2: the samples of km_X that
  scikit-learn's own greedy k-means++ (sklearn.cluster._kmeans._kmeans_plusplus,
  4 clusters) picks when its random draws are scilearn's: a stand-in for
  NumPy's RandomState that answers choice() and uniform() with the seed's
  Philox4x32-10 stream (gpu/random.hpp, written out again below), so the test
  checks our k-means++ against scikit-learn's code, draw for draw.

Run: .venv/bin/python tests/reference/gpu_decomposition.py
"""

from pathlib import Path

import numpy as np
from sklearn.cluster import KMeans
from sklearn.cluster._kmeans import _kmeans_plusplus
from sklearn.datasets import make_blobs
from sklearn.decomposition import PCA
from sklearn.utils.extmath import row_norms

OUT = Path(__file__).resolve().parents[1] / "data" / "gpu"
MASK = 0xFFFFFFFF


def philox4x32_10(counter, key):
    """Philox4x32-10 (Salmon et al. 2011): one block of four 32-bit words."""
    c0, c1, c2, c3 = counter
    k0, k1 = key
    for _ in range(10):
        p0, p1 = 0xD2511F53 * c0, 0xCD9E8D57 * c2
        c0, c1, c2, c3 = ((p1 >> 32) ^ c1 ^ k0) & MASK, p1 & MASK, ((p0 >> 32) ^ c3 ^ k1) & MASK, p0 & MASK
        k0, k1 = (k0 + 0x9E3779B9) & MASK, (k1 + 0xBB67AE85) & MASK
    return c0, c1, c2, c3


def uniform_double(seed, i):
    """Element i of gpu::uniform<double>(n, seed): two words of block i // 2."""
    block = i // 2
    w = philox4x32_10((block & MASK, block >> 32, 0, 0), (seed & MASK, seed >> 32))
    j = 2 * (i % 2)
    return (((w[j] >> 5) << 26) | (w[j + 1] >> 6)) * 2.0**-53


class PhiloxDraws:
    """What _kmeans_plusplus asks of its random_state, answered from the stream."""

    def __init__(self, seed):
        self.seed, self.next = seed, 0

    def _take(self, count):
        values = [uniform_double(self.seed, self.next + t) for t in range(count)]
        self.next += count
        return np.array(values)

    def choice(self, n, p=None):
        return min(int(self._take(1)[0] * n), n - 1)

    def uniform(self, size):
        return self._take(size)


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(20261208)
    X = rng.standard_normal((300, 7)) @ rng.standard_normal((7, 7)) + rng.standard_normal(7) * 3
    pca = PCA(n_components=3, svd_solver="covariance_eigh").fit(X)
    np.save(OUT / "pca_X.npy", X)
    np.save(OUT / "pca_components.npy", pca.components_)
    np.save(OUT / "pca_explained_variance.npy", pca.explained_variance_)
    np.save(OUT / "pca_explained_variance_ratio.npy", pca.explained_variance_ratio_)
    np.save(OUT / "pca_singular_values.npy", pca.singular_values_)
    np.save(OUT / "pca_mean.npy", pca.mean_)
    np.save(OUT / "pca_noise_variance.npy", np.array([pca.noise_variance_]))
    np.save(OUT / "pca_transformed.npy", pca.transform(X))

    Xk, _ = make_blobs(n_samples=400, n_features=5, centers=4, cluster_std=1.5, random_state=7)
    init = Xk[:4].copy()
    km = KMeans(n_clusters=4, init=init, n_init=1, algorithm="lloyd", tol=1e-4).fit(Xk)
    np.save(OUT / "km_X.npy", Xk)
    np.save(OUT / "km_init.npy", init)
    np.save(OUT / "km_centers.npy", km.cluster_centers_)
    np.save(OUT / "km_labels.npy", km.labels_.astype(np.int64))
    np.save(OUT / "km_inertia.npy", np.array([km.inertia_]))
    np.save(OUT / "km_n_iter.npy", np.array([km.n_iter_], dtype=np.int64))
    empty_init = Xk[[0, 100, 200]].copy()
    empty_init = np.vstack([empty_init, np.full((1, 5), 100.0)])
    km = KMeans(n_clusters=4, init=empty_init, n_init=1, algorithm="lloyd", tol=1e-4).fit(Xk)
    np.save(OUT / "km_empty_init.npy", empty_init)
    np.save(OUT / "km_empty_centers.npy", km.cluster_centers_)
    np.save(OUT / "km_empty_labels.npy", km.labels_.astype(np.int64))
    np.save(OUT / "km_empty_inertia.npy", np.array([km.inertia_]))
    Xl, _ = make_blobs(n_samples=60, n_features=3, centers=[[0.0, 0.0, 0.0]], cluster_std=1.0, random_state=3)
    Xl = np.vstack([Xl, np.full((1, 3), 40.0)])
    lone_init = np.vstack([Xl[0], Xl[0], np.full(3, 20.0)])
    km = KMeans(n_clusters=3, init=lone_init, n_init=1, algorithm="lloyd", tol=1e-4).fit(Xl)
    np.save(OUT / "km_lone_X.npy", Xl)
    np.save(OUT / "km_lone_init.npy", lone_init)
    np.save(OUT / "km_lone_centers.npy", km.cluster_centers_)
    np.save(OUT / "km_lone_labels.npy", km.labels_.astype(np.int64))
    np.save(OUT / "km_lone_inertia.npy", np.array([km.inertia_]))
    for seed in range(3):
        _, indices = _kmeans_plusplus(Xk, 4, row_norms(Xk, squared=True), np.ones(len(Xk)), PhiloxDraws(seed))
        np.save(OUT / f"kpp_seed{seed}_indices.npy", indices.astype(np.int64))


if __name__ == "__main__":
    main()
