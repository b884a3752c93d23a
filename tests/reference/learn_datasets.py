"""scikit-learn's bundled data sets and the deterministic parts of its sample
generators, for tests/learn/datasets/loaders_test.cpp and generators_test.cpp.

Loaders (load_iris, load_wine, load_breast_cancer, load_diabetes scaled and
raw, load_digits with n_class 10 and 5): shape, correctly rounded sums
(math.fsum) of the data, of its squares, of a position-weighted copy (so a
permutation or a misplaced value shows) and of the target, the class counts,
the first and last rows, feature_names, target_names, and the length and first
line of DESCR; the scaled diabetes data in full (diabetes_scaled.npy). It also
checks that the copies in learn/data/datasets/ are byte for byte scikit-learn's
files (the gzipped ones decompressed).

Generators, where the output does not depend on the random stream: make_moons
and make_circles without shuffling or noise (exact points), the singular values
of make_low_rank_matrix, and the class sizes of make_classification with
flip_y = 0 for a few weight settings.

Writes tests/data/learn/datasets/.
Run: .venv/bin/python tests/reference/learn_datasets.py
"""

import csv
import gzip
import math
from importlib import resources
from pathlib import Path

import numpy as np
import sklearn
from sklearn import datasets

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "tests" / "data" / "learn" / "datasets"
COPIES = ROOT / "learn" / "data" / "datasets"


def weights(shape):
    """The position weights of the weighted checksum: 1 + (7 i + 13 j) mod 11."""
    i, j = np.indices(shape)
    return 1.0 + (7 * i + 13 * j) % 11


def numbers(values):
    return ";".join(repr(float(v)) for v in values)


def check_copies():
    data = resources.files("sklearn.datasets.data")
    descr = resources.files("sklearn.datasets.descr")
    plain = ["iris.csv", "wine_data.csv", "breast_cancer.csv"]
    gzipped = ["diabetes_data_raw.csv", "diabetes_target.csv", "digits.csv"]
    for name in plain:
        assert (COPIES / name).read_bytes() == data.joinpath(name).read_bytes(), name
    for name in gzipped:
        assert (COPIES / name).read_bytes() == gzip.decompress(data.joinpath(name + ".gz").read_bytes()), name
    for name in ["iris", "wine_data", "breast_cancer", "diabetes", "digits"]:
        assert (COPIES / "descr" / f"{name}.rst").read_bytes() == descr.joinpath(f"{name}.rst").read_bytes(), name


def dataset_rows(case, bunch):
    data = np.asarray(bunch.data, dtype=np.float64)
    target = np.asarray(bunch.target, dtype=np.float64)
    rows = [
        [case, "shape", f"{data.shape[0]};{data.shape[1]}"],
        [case, "data_sum", repr(math.fsum(data.ravel()))],
        [case, "data_sumsq", repr(math.fsum((data * data).ravel()))],
        [case, "data_weighted", repr(math.fsum((data * weights(data.shape)).ravel()))],
        [case, "target_sum", repr(math.fsum(target))],
        [case, "target_weighted", repr(math.fsum(target * (1 + np.arange(target.size) % 7)))],
        [case, "first_row", numbers(data[0])],
        [case, "last_row", numbers(data[-1])],
        [case, "first_targets", numbers(target[:5])],
        [case, "feature_names", "|".join(bunch.feature_names)],
        [case, "descr_length", str(len(bunch.DESCR))],
        [case, "descr_first_line", bunch.DESCR.splitlines()[0]],
    ]
    if "target_names" in bunch:
        rows.append([case, "target_names", "|".join(str(t) for t in bunch.target_names)])
        rows.append([case, "class_counts", ";".join(str(c) for c in np.bincount(bunch.target))])
    for name in bunch.feature_names:
        assert "," not in name and "|" not in name, name
    return rows


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    check_copies()
    rows = []
    rows += dataset_rows("iris", datasets.load_iris())
    rows += dataset_rows("wine", datasets.load_wine())
    rows += dataset_rows("breast_cancer", datasets.load_breast_cancer())
    scaled = datasets.load_diabetes(scaled=True)
    rows += dataset_rows("diabetes", scaled)
    np.save(OUT / "diabetes_scaled.npy", np.asarray(scaled.data, dtype=np.float64))
    rows += dataset_rows("diabetes_raw", datasets.load_diabetes(scaled=False))
    rows += dataset_rows("digits", datasets.load_digits())
    rows += dataset_rows("digits5", datasets.load_digits(n_class=5))

    # Generators: the parts that do not depend on the random stream.
    X, y = datasets.make_moons(n_samples=(7, 6), shuffle=False)
    rows.append(["moons_7_6", "X0", numbers(X[:, 0])])
    rows.append(["moons_7_6", "X1", numbers(X[:, 1])])
    rows.append(["moons_7_6", "y", numbers(y)])
    X, y = datasets.make_circles(n_samples=11, shuffle=False, factor=0.3)
    rows.append(["circles_11", "X0", numbers(X[:, 0])])
    rows.append(["circles_11", "X1", numbers(X[:, 1])])
    rows.append(["circles_11", "y", numbers(y)])
    for n_samples, n_features, rank, tail in ((50, 30, 5, 0.3), (20, 40, 3, 0.0), (25, 25, 10, 1.0)):
        m = datasets.make_low_rank_matrix(n_samples=n_samples, n_features=n_features, effective_rank=rank,
                                          tail_strength=tail, random_state=0)
        s = np.linalg.svd(m, compute_uv=False)
        rows.append([f"low_rank_{n_samples}_{n_features}_{rank}_{tail}", "singular_values", numbers(s)])
    for n, k, per, w in ((1000, 2, 2, [0.2, 0.8]), (101, 3, 1, [0.5, 0.3]), (97, 4, 1, None),
                         (50, 3, 2, [0.1, 0.1, 0.8])):
        X, y = datasets.make_classification(n_samples=n, n_classes=k, n_clusters_per_class=per, weights=w,
                                            n_informative=3, flip_y=0.0, random_state=0)
        case = f"classification_{n}_{k}_{per}_" + ("none" if w is None else ";".join(repr(v) for v in w))
        rows.append([case, "class_counts", ";".join(str(c) for c in np.bincount(y, minlength=k))])

    with open(OUT / "values.csv", "w", newline="") as f:
        writer = csv.writer(f, lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar=None)
        writer.writerow(["case", "quantity", "value"])
        writer.writerows(rows)
    print(f"scikit-learn {sklearn.__version__}: {len(rows)} values written to {OUT}")


if __name__ == "__main__":
    main()
