"""scikit-learn's clustering metrics. Label comparisons on random labelings
(label values such as -3 and 100), correlated ones, a perfect labeling with
permuted label values, one class on one or both sides, every sample its own
cluster, the 4-sample case where ARI is -0.5, and 1000 samples in 12 x 15
clusters (the expected mutual information's long sums). Internal scores on
three blobs in 4 dimensions with true and noisy labels, a single-sample
cluster, metrics euclidean / manhattan / cosine / chebyshev / precomputed, and clusters
of identical points. Writes tests/data/learn/metrics_cluster/ for
tests/learn/metrics/cluster_test.cpp: CASE_true.npy / CASE_pred.npy (label
pairs), CASE_X.npy / CASE_labels.npy (internal), and values.csv (case,
function, options, values joined by ';'; matrices in row-major order).

Run: .venv/bin/python tests/reference/learn_metrics_cluster.py
"""

import csv
from pathlib import Path

import numpy as np
import sklearn
from scipy.spatial.distance import cdist
from sklearn.metrics import cluster as mc
from sklearn import metrics

OUT = Path(__file__).resolve().parents[1] / "data" / "learn" / "metrics_cluster"
AVERAGES = ("min", "geometric", "arithmetic", "max")


def text(v):
    return ";".join(repr(float(x)) for x in np.ravel(np.asarray(v, dtype=float)))


def label_pairs(rng):
    values = np.array([-3.0, 0.0, 2.0, 7.0, 100.0])
    t = values[rng.integers(0, 5, 200)]
    out = {"random": (t, rng.integers(0, 7, 200).astype(float) * 10 - 20)}
    noisy = t.copy()
    flip = rng.random(200) < 0.2
    noisy[flip] = values[rng.integers(0, 5, flip.sum())]
    out["correlated"] = (t, noisy)
    relabel = {-3.0: 8.0, 0.0: -1.0, 2.0: 3.0, 7.0: 0.0, 100.0: 5.0}
    out["perfect_permuted"] = (t, np.array([relabel[v] for v in t]))
    out["single_true"] = (np.full(30, 4.0), rng.integers(0, 3, 30).astype(float))
    out["single_both"] = (np.full(12, 1.0), np.full(12, -7.0))
    out["all_distinct"] = (rng.integers(0, 4, 25).astype(float), np.arange(25, dtype=float))
    out["discordant"] = (np.array([0.0, 0, 1, 1]), np.array([0.0, 1, 0, 1]))
    big_t = rng.integers(0, 12, 1000).astype(float)
    big_p = np.where(rng.random(1000) < 0.5, big_t, rng.integers(0, 15, 1000)).astype(float)
    out["big"] = (big_t, big_p)
    return out


def blobs(rng):
    centers = np.array([[0.0, 0, 0, 0], [4, 4, 0, 1], [-3, 5, 2, -2]])
    truth = rng.integers(0, 3, 120)
    X = centers[truth] + rng.normal(0, 1.2, (120, 4)) + 10.0
    values = np.array([5.0, -2.0, 9.0])
    out = {"blobs": (X, values[truth])}
    noisy = truth.copy()
    flip = rng.random(120) < 0.25
    noisy[flip] = rng.integers(0, 3, flip.sum())
    out["blobs_noisy"] = (X, values[noisy].copy())
    single = values[truth].copy()
    single[7] = 42.0  # a cluster of one sample
    out["singleton"] = (X, single)
    # Clusters of identical points: within-cluster dispersion 0.
    Xd = np.repeat(np.array([[1.0, 2.0], [4.0, -1.0], [0.0, 5.0]]), 4, axis=0)
    out["identical"] = (Xd, np.repeat([0.0, 1.0, 2.0], 4))
    return out


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("*.npy"):
        old.unlink()
    rng = np.random.default_rng(20261208)
    rows = []
    for name, (t, p) in label_pairs(rng).items():
        np.save(OUT / f"{name}_true.npy", t)
        np.save(OUT / f"{name}_pred.npy", p)
        C = mc.contingency_matrix(t, p)
        rows.append([name, "contingency_matrix", f"shape={C.shape[0]}x{C.shape[1]}", text(C)])
        rows.append([name, "pair_confusion_matrix", "", text(mc.pair_confusion_matrix(t, p))])
        for f in ("mutual_info_score", "rand_score", "adjusted_rand_score", "fowlkes_mallows_score"):
            rows.append([name, f, "", text(getattr(metrics, f)(t, p))])
        for avg in AVERAGES:
            # With every sample its own cluster, MI = E[MI] = H(labels_true) =
            # min(H_true, H_pred): 'min' divides rounding noise by rounding
            # noise (scikit-learn gets 1.08), a value no other order of sums
            # reproduces; the other averages are well defined there.
            if not (name == "all_distinct" and avg == "min"):
                rows.append([name, "adjusted_mutual_info_score", f"average_method={avg}",
                             text(metrics.adjusted_mutual_info_score(t, p, average_method=avg))])
            rows.append([name, "normalized_mutual_info_score", f"average_method={avg}",
                         text(metrics.normalized_mutual_info_score(t, p, average_method=avg))])
        for beta in (1.0, 0.5, 2.0):
            rows.append([name, "homogeneity_completeness_v_measure", f"beta={beta!r}",
                         text(metrics.homogeneity_completeness_v_measure(t, p, beta=beta))])
    for name, (X, labels) in blobs(rng).items():
        np.save(OUT / f"{name}_X.npy", X)
        np.save(OUT / f"{name}_labels.npy", labels)
        rows.append([name, "calinski_harabasz_score", "", text(metrics.calinski_harabasz_score(X, labels))])
        rows.append([name, "davies_bouldin_score", "", text(metrics.davies_bouldin_score(X, labels))])
        for metric in ("euclidean", "manhattan", "cosine", "chebyshev"):
            rows.append([name, "silhouette_samples", f"metric={metric}",
                         text(metrics.silhouette_samples(X, labels, metric=metric))])
            rows.append([name, "silhouette_score", f"metric={metric}",
                         text(metrics.silhouette_score(X, labels, metric=metric))])
        # Precomputed: SciPy's exact distances, passed as X (the test builds
        # them with pairwise_distances' direct "minkowski", p = 2, checked
        # against cdist in the pairwise tests).
        D = cdist(X, X)
        rows.append([name, "silhouette_samples", "metric=precomputed",
                     text(metrics.silhouette_samples(D, labels, metric="precomputed"))])
    with open(OUT / "values.csv", "w", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["case", "function", "options", "values"])
        writer.writerows(rows)
    print(f"scikit-learn {sklearn.__version__}: {len(rows)} values written to {OUT}")


if __name__ == "__main__":
    main()
