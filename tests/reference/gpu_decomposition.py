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

Run: .venv/bin/python tests/reference/gpu_decomposition.py
"""

from pathlib import Path

import numpy as np
from sklearn.cluster import KMeans
from sklearn.datasets import make_blobs
from sklearn.decomposition import PCA

OUT = Path(__file__).resolve().parents[1] / "data" / "gpu"


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


if __name__ == "__main__":
    main()
