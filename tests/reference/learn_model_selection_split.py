"""scikit-learn's cross-validation splitters on small cases, for
tests/learn/model_selection/*_test.cpp. Writes into
tests/data/learn/model_selection_split/:

- splits.csv: the splits of the deterministic splitters (KFold and
  StratifiedKFold without shuffling, GroupKFold, TimeSeriesSplit, LeaveOneOut,
  LeavePOut, PredefinedSplit), one row per fold:
  case, splitter, params ("name=value" joined by ';'), n_samples,
  y, groups (space-separated values, empty when not given), fold, train, test
  (space-separated indices in scikit-learn's order).
- sizes.csv: the train / test sizes that ShuffleSplit, StratifiedShuffleSplit
  and train_test_split derive from n_samples, test_size and train_size:
  n_samples, test_size, train_size (a fraction written with a '.', a count
  without, empty for None), default_test_size (0.1 for the shuffle splitters,
  0.25 for train_test_split), n_train, n_test, or error = 1 where scikit-learn
  raises ValueError.
- stratified_counts.csv: per-class train and test counts of
  StratifiedShuffleSplit (classes in increasing label order). Its allocation
  (_approximate_mode) breaks ties between classes at random, so each case lists
  every distinct outcome seen over 300 seeds: case, y, test_size, train_size,
  train_counts, test_counts.

Run: .venv/bin/python tests/reference/learn_model_selection_split.py
"""

import csv
import warnings
from pathlib import Path

import numpy as np
import sklearn
from sklearn.model_selection import (GroupKFold, KFold, LeaveOneOut, LeavePOut, PredefinedSplit, ShuffleSplit,
                                     StratifiedKFold, StratifiedShuffleSplit, TimeSeriesSplit, train_test_split)

OUT = Path(__file__).resolve().parents[1] / "data" / "learn" / "model_selection_split"


def cell(values):
    return " ".join(str(int(v)) if float(v).is_integer() else repr(float(v)) for v in values)


def size_cell(size):
    if size is None:
        return ""
    return repr(float(size)) if isinstance(size, float) else str(int(size))


def split_cases():
    """(case, splitter object, its name, params, n_samples, y, groups)."""
    imbalanced = np.array([9, 5, 5, -1, 9, 9, 5, -1, 9, 9, 9, 5, 9, -1, 9, 9, 5, 9, 9, 9])
    rare = np.array([3, 3, 3, 3, 3, 3, 3, 0, 3, 3, 3, 0, 3, 3])  # class 0 has 2 < n_splits = 3 members: a warning
    binary = np.array([1, 0, 1, 1, 0, 0, 1, 0, 1, 1, 0, 1])
    groups_unequal = np.array([4, 4, 4, 4, 4, -2, -2, 7, 7, 7, 1, 1, 1, 1, 0, 9, 9, 9, 3, 3, 3])
    groups_ties = np.array([2, 1, 2, 1, 5, 5, 6, 6, 0, 0, 8, 3, 3, 3])
    cases = [
        ("kfold_n10_k3", KFold(3), "KFold", {"n_splits": 3}, 10, None, None),
        ("kfold_n7_k7", KFold(7), "KFold", {"n_splits": 7}, 7, None, None),
        ("kfold_n11_k5", KFold(5), "KFold", {"n_splits": 5}, 11, None, None),
        ("kfold_n2_k2", KFold(2), "KFold", {"n_splits": 2}, 2, None, None),
        ("kfold_default_n13", KFold(), "KFold", {}, 13, None, None),
        ("skfold_binary_k3", StratifiedKFold(3), "StratifiedKFold", {"n_splits": 3}, len(binary), binary, None),
        ("skfold_binary_k4", StratifiedKFold(4), "StratifiedKFold", {"n_splits": 4}, len(binary), binary, None),
        ("skfold_imbalanced_k3", StratifiedKFold(3), "StratifiedKFold", {"n_splits": 3}, len(imbalanced), imbalanced,
         None),
        ("skfold_imbalanced_k2", StratifiedKFold(2), "StratifiedKFold", {"n_splits": 2}, len(imbalanced), imbalanced,
         None),
        ("skfold_imbalanced_default", StratifiedKFold(), "StratifiedKFold", {}, len(imbalanced), imbalanced, None),
        ("skfold_rare_k3", StratifiedKFold(3), "StratifiedKFold", {"n_splits": 3}, len(rare), rare, None),
        ("gkfold_unequal_k3", GroupKFold(3), "GroupKFold", {"n_splits": 3}, len(groups_unequal), None,
         groups_unequal),
        ("gkfold_unequal_k2", GroupKFold(2), "GroupKFold", {"n_splits": 2}, len(groups_unequal), None,
         groups_unequal),
        ("gkfold_unequal_default", GroupKFold(), "GroupKFold", {}, len(groups_unequal), None, groups_unequal),
        ("gkfold_ties_k3", GroupKFold(3), "GroupKFold", {"n_splits": 3}, len(groups_ties), None, groups_ties),
        ("gkfold_ties_k4", GroupKFold(4), "GroupKFold", {"n_splits": 4}, len(groups_ties), None, groups_ties),
        ("tss_default_n10", TimeSeriesSplit(), "TimeSeriesSplit", {}, 10, None, None),
        ("tss_n12_k3", TimeSeriesSplit(3), "TimeSeriesSplit", {"n_splits": 3}, 12, None, None),
        ("tss_n13_k4", TimeSeriesSplit(4), "TimeSeriesSplit", {"n_splits": 4}, 13, None, None),
        ("tss_max_train", TimeSeriesSplit(3, max_train_size=3), "TimeSeriesSplit",
         {"n_splits": 3, "max_train_size": 3}, 12, None, None),
        ("tss_test_size", TimeSeriesSplit(3, test_size=2), "TimeSeriesSplit", {"n_splits": 3, "test_size": 2}, 12,
         None, None),
        ("tss_gap", TimeSeriesSplit(3, gap=2), "TimeSeriesSplit", {"n_splits": 3, "gap": 2}, 12, None, None),
        ("tss_all_options", TimeSeriesSplit(4, max_train_size=4, test_size=2, gap=1), "TimeSeriesSplit",
         {"n_splits": 4, "max_train_size": 4, "test_size": 2, "gap": 1}, 15, None, None),
        ("tss_max_train_zero", TimeSeriesSplit(2, max_train_size=0), "TimeSeriesSplit",
         {"n_splits": 2, "max_train_size": 0}, 7, None, None),
        ("loo_n4", LeaveOneOut(), "LeaveOneOut", {}, 4, None, None),
        ("lpo_n5_p2", LeavePOut(2), "LeavePOut", {"p": 2}, 5, None, None),
        ("lpo_n4_p3", LeavePOut(3), "LeavePOut", {"p": 3}, 4, None, None),
        ("predefined", PredefinedSplit([0, 1, -1, 1, 0, 2, -1, 5]), "PredefinedSplit",
         {"test_fold": "0 1 -1 1 0 2 -1 5"}, 8, None, None),
    ]
    return cases


def write_splits():
    rows = []
    for case, cv, name, params, n, y, groups in split_cases():
        X = np.zeros((n, 1))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)  # skfold_rare_k3 warns, as intended
            folds = list(cv.split(X, y, groups))
        assert len(folds) == cv.get_n_splits(X, y, groups)
        for k, (train, test) in enumerate(folds):
            rows.append([case, name, ";".join(f"{key}={value}" for key, value in params.items()), n,
                         "" if y is None else cell(y), "" if groups is None else cell(groups), k, cell(train),
                         cell(test)])
    with open(OUT / "splits.csv", "w", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["case", "splitter", "params", "n_samples", "y", "groups", "fold", "train", "test"])
        writer.writerows(rows)


def sizes_of(n, test_size, train_size, default):
    """(n_train, n_test) as scikit-learn derives them, or None where it raises."""
    X = np.zeros((n, 1))
    try:
        if default == 0.25:
            train, test = train_test_split(np.arange(n), test_size=test_size, train_size=train_size, shuffle=False)
            # The unshuffled split is the first n_train then the next n_test indices.
            assert list(train) == list(range(len(train))) and list(test) == list(range(len(train), len(train) + len(test)))
        else:
            train, test = next(ShuffleSplit(3, test_size=test_size, train_size=train_size, random_state=0).split(X))
        return len(train), len(test)
    except ValueError:
        return None


def write_sizes():
    sizes = [None, 0.1, 0.25, 0.3, 0.7, 0.29, 0.0, 1.0, 1.5, 1, 3, 9, 10, 0, -1]
    rows = []
    for n in [1, 2, 10, 20, 70, 100]:
        for test_size in sizes:
            for train_size in sizes:
                for default in [0.1, 0.25]:
                    result = sizes_of(n, test_size, train_size, default)
                    rows.append([n, size_cell(test_size), size_cell(train_size), default,
                                 "" if result is None else result[0], "" if result is None else result[1],
                                 1 if result is None else 0])
    with open(OUT / "sizes.csv", "w", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["n_samples", "test_size", "train_size", "default_test_size", "n_train", "n_test", "error"])
        writer.writerows(rows)


def write_stratified_counts():
    cases = [
        ("balanced3", np.repeat([0, 1, 2], 10), 0.2, None),
        ("imbalanced", np.array([9] * 11 + [5] * 6 + [-1] * 3), 0.25, None),
        ("imbalanced_counts", np.array([9] * 11 + [5] * 6 + [-1] * 3), 7, 9),
        ("ties", np.array([1] * 5 + [2] * 5 + [3] * 5 + [4] * 2), 5, None),
        ("ties_train", np.array([0] * 4 + [1] * 4 + [2] * 4 + [3] * 4 + [7] * 3), 0.3, 0.5),
        ("rare_pairs", np.array([4, 4, 1, 1, 1, 1, 1, 1, 1, 1, 8, 8, 1, 1, 1, 1]), 0.25, None),
        ("default_size", np.repeat([-3, 0, 2, 6], [12, 7, 21, 10]), None, None),
    ]
    rows = []
    for case, y, test_size, train_size in cases:
        classes = np.unique(y)
        outcomes = set()
        for seed in range(300):
            sss = StratifiedShuffleSplit(1, test_size=test_size, train_size=train_size, random_state=seed)
            train, test = next(sss.split(np.zeros((len(y), 1)), y))
            outcomes.add((tuple(int(np.sum(y[train] == c)) for c in classes),
                          tuple(int(np.sum(y[test] == c)) for c in classes)))
        for train_counts, test_counts in sorted(outcomes):
            rows.append([case, cell(y), size_cell(test_size), size_cell(train_size), cell(train_counts),
                         cell(test_counts)])
    with open(OUT / "stratified_counts.csv", "w", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["case", "y", "test_size", "train_size", "train_counts", "test_counts"])
        writer.writerows(rows)


def main():
    assert sklearn.__version__.startswith("1.9"), sklearn.__version__
    OUT.mkdir(parents=True, exist_ok=True)
    write_splits()
    write_sizes()
    write_stratified_counts()


if __name__ == "__main__":
    main()
