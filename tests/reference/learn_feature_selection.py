"""Reference values for scilearn::learn's feature selection
(tests/learn/feature_selection/*_test.cpp), from scikit-learn 1.9.1:

- the score functions f_classif, f_regression, r_regression (center, force_finite)
  and chi2 on a classification set, a regression set and non-negative counts,
  each with a constant column (and a column constant within each class);
- SelectKBest / SelectPercentile supports for every k (and "all") and a range of
  percentiles on fixed scores with ties and NaN, and on the data sets above;
- VarianceThreshold's variances_ and supports on data with constant columns and NaN.

Writes tests/data/learn/feature_selection/: NAME.npy arrays (float64; supports
as 0 / 1) and supports.csv (case, selector, parameter, support as 0/1 joined by ';').

Run: .venv/bin/python tests/reference/learn_feature_selection.py
"""

import csv
import pathlib
import warnings

import numpy as np
import sklearn
from sklearn.datasets import make_classification, make_regression
from sklearn.feature_selection import (
    SelectKBest,
    SelectPercentile,
    VarianceThreshold,
    chi2,
    f_classif,
    f_regression,
    r_regression,
)

assert sklearn.__version__ == "1.9.1", sklearn.__version__

OUT = pathlib.Path(__file__).resolve().parent.parent / "data" / "learn" / "feature_selection"
OUT.mkdir(parents=True, exist_ok=True)
for old in list(OUT.glob("*.npy")) + list(OUT.glob("*.csv")):
    old.unlink()
rng = np.random.default_rng(20261206)
warnings.simplefilter("ignore")  # constant features, k > n_features: warned, not errors


def save(name, array):
    np.save(OUT / f"{name}.npy", np.asarray(array, dtype=np.float64))


# --- classification: 3 classes labelled -1, 3, 7; column 8 constant (2.0:
# msb = msw = 0 exactly, F NaN), column 9 constant within each class (msw = 0,
# F inf); both sums are of small integers, exact in scikit-learn's formula too.
Xc, yc = make_classification(n_samples=150, n_features=8, n_informative=3, n_redundant=1, n_classes=3,
                             n_clusters_per_class=1, random_state=0)
yc = np.array([-1.0, 3.0, 7.0])[yc]
Xc = np.column_stack([Xc, np.full(len(yc), 2.0), (yc + 1.0) / 4.0])
save("clf_X", Xc)
save("clf_y", yc)
f, p = f_classif(Xc, yc)
save("f_classif_scores", f)
save("f_classif_pvalues", p)
# Two classes (the binary case of chi2's label binarization too).
yb = (yc == 3.0).astype(float)
f, p = f_classif(Xc[:, :8], yb)
save("f_classif_binary_scores", f)
save("f_classif_binary_pvalues", p)

# --- regression: column 6 all zeros (r = 0 / 0: NaN, forced to 0 by default).
# (A constant other than 0 is left out: scikit-learn's one-pass norm
# sqrt(sum x^2 - n mean^2) leaves rounding residue there, and its r becomes
# noise or +-inf; the C++ side centers exactly and returns NaN.)
Xr, yr = make_regression(n_samples=100, n_features=6, n_informative=3, noise=5.0, random_state=0)
Xr = Xr + np.array([0.0, 3.0, -2.0, 0.5, 10.0, 0.0])  # means away from 0
Xr = np.column_stack([Xr, np.zeros(len(yr))])
yr = yr + 4.0
save("reg_X", Xr)
save("reg_y", yr)
for center in (True, False):
    for force in (True, False):
        tag = f"{'c' if center else 'nc'}_{'ff' if force else 'nf'}"
        save(f"r_regression_{tag}", r_regression(Xr, yr, center=center, force_finite=force))
        f, p = f_regression(Xr, yr, center=center, force_finite=force)
        save(f"f_regression_{tag}_scores", f)
        save(f"f_regression_{tag}_pvalues", p)

# --- chi2 on counts: 4 classes, column 5 all zeros (0 / 0 expected: NaN).
Xk = rng.poisson([0.5, 1.0, 2.0, 4.0, 3.0, 0.0], size=(80, 6)).astype(float)
yk = rng.integers(0, 4, 80).astype(float)
Xk[yk == 2, 3] += 3  # one dependent feature
save("chi2_X", Xk)
save("chi2_y", yk)
c, p = chi2(Xk, yk)
save("chi2_scores", c)
save("chi2_pvalues", p)
c, p = chi2(Xk[:, :5], (yk == 1).astype(float))
save("chi2_binary_scores", c)
save("chi2_binary_pvalues", p)

# --- supports. Fixed scores with ties and a NaN, through a callable score function.
tie_scores = np.array([1.0, 3.0, 3.0, 2.0, 3.0, np.nan, 0.0, 3.0, 1.0, 2.0, -1.0, 3.0])
save("tie_scores", tie_scores)


def fixed(X, y):
    return tie_scores, np.linspace(0.9, 0.1, len(tie_scores))


PERCENTILES = [0, 5, 8.5, 10, 20, 25, 100 / 3, 40, 50, 60, 2 * 100 / 3, 75, 90, 95, 99, 100]
rows = []
dummy_X = np.zeros((3, len(tie_scores)))
dummy_y = np.array([0.0, 1.0, 0.0])
for k in list(range(0, len(tie_scores) + 3)) + ["all"]:
    s = SelectKBest(fixed, k=k).fit(dummy_X, dummy_y).get_support()
    rows.append(["ties", "k", k, s])
for q in PERCENTILES:
    s = SelectPercentile(fixed, percentile=q).fit(dummy_X, dummy_y).get_support()
    rows.append(["ties", "percentile", repr(float(q)), s])
for case, func, X, y in [("clf", f_classif, Xc, yc), ("reg", f_regression, Xr, yr), ("chi2", chi2, Xk, yk)]:
    for k in [1, 3, 5, "all"]:
        rows.append([case, "k", k, SelectKBest(func, k=k).fit(X, y).get_support()])
    for q in [10, 25, 50, 80]:
        rows.append([case, "percentile", repr(float(q)), SelectPercentile(func, percentile=q).fit(X, y).get_support()])
for k in [1, 2, 4]:
    rows.append(["reg_r", "k", k, SelectKBest(r_regression, k=k).fit(Xr, yr).get_support()])

# --- VarianceThreshold: column 1 constant 0.1 (variance rounding residue, ptp 0),
# column 3 constant 5 with a NaN, column 4 all NaN, column 5 with NaN.
Xv = rng.normal(size=(30, 6)) * np.array([1.0, 0.0, 0.3, 0.0, 0.0, 2.0])
Xv[:, 1] = 0.1
Xv[:, 3] = 5.0
Xv[4, 3] = np.nan
Xv[:, 4] = np.nan
Xv[[2, 7, 19], 5] = np.nan
save("var_X", Xv)
for t, tag in [(0.0, "0"), (0.05, "0.05"), (1.0, "1")]:
    vt = VarianceThreshold(threshold=t).fit(Xv)
    save(f"var_{tag}_variances", vt.variances_)
    rows.append(["var", "threshold", tag, vt.get_support()])

with open(OUT / "supports.csv", "w", newline="") as fh:
    w = csv.writer(fh, lineterminator="\n")
    w.writerow(["case", "selector", "parameter", "support"])
    for case, selector, param, support in rows:
        w.writerow([case, selector, param, ";".join(str(int(b)) for b in support)])
