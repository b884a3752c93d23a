"""Reference values for LogisticRegressionCV (tests/learn/linear_model/logistic_regression_cv_test.cpp):
scikit-learn 1.9's LogisticRegressionCV on the data of learn_logistic_saga.py
(tests/data/learn/logistic_saga/), written to tests/data/learn/logistic_cv/.

The folds are StratifiedKFold's without shuffling on both sides. Every path
point is fitted to the minimizer (newton-cholesky at tol=1e-12, whose
quadratic convergence leaves only rounding; newton-cg at tol=1e-12, whose
superlinear convergence does too; lbfgs at tol=1e-10 in one case),
so the test scores, the chosen C and the final coefficients do not depend on
where a solver happened to stop.

Run: .venv/bin/python tests/reference/learn_logistic_cv.py
"""

import pathlib
import warnings

import numpy as np
from sklearn.linear_model import LogisticRegressionCV

ROOT = pathlib.Path(__file__).resolve().parent.parent / "data" / "learn"
SOURCE = ROOT / "logistic_saga"
OUT = ROOT / "logistic_cv"
OUT.mkdir(parents=True, exist_ok=True)

X = np.load(SOURCE / "X_dense.npy")
w = np.load(SOURCE / "w.npy")
targets = {"y2": np.load(SOURCE / "dense_y2.npy"), "y3": np.load(SOURCE / "dense_y3.npy")}

# name, y, solver, tol, Cs, scoring, refit, weighted, class_weight, l1_ratios
cases = [
    ("default_y2", "y2", "lbfgs", 1e-10, 10, "", 1, 0, "", ""),
    ("logloss_y3", "y3", "newton-cholesky", 1e-12, 8, "neg_log_loss", 1, 0, "", ""),
    ("norefit_y3", "y3", "newton-cholesky", 1e-12, 6, "", 0, 0, "", ""),
    ("weighted_balanced_y3", "y3", "newton-cholesky", 1e-12, 7, "", 1, 1, "balanced", ""),
    ("saga_enet_y2", "y2", "saga", 1e-10, "0.1;0.3;1", "neg_log_loss", 1, 0, "", "0.3;0.9"),
    ("newton_cg_y3", "y3", "newton-cg", 1e-12, 6, "neg_log_loss", 1, 0, "", ""),
]
with open(OUT / "cases.csv", "w") as manifest:
    manifest.write("name,y,solver,tol,Cs,scoring,refit,weighted,class_weight,l1_ratios\n")
    for name, yname, solver, tol, Cs, scoring, refit, weighted, class_weight, l1_ratios in cases:
        ratios = [float(r) for r in l1_ratios.split(";")] if l1_ratios else (0.0,)
        # An int, or a list of C. The saga case keeps C in [0.1, 1]: weakly
        # regularized fits converge too slowly to reach the minimizer, and
        # strongly regularized ones have all coefficients zero, where
        # scikit-learn's saga stops after one epoch (its rule ignores the
        # intercept) wherever the random draws left the intercept.
        Cs = Cs if isinstance(Cs, int) else [float(c) for c in Cs.split(";")]
        model = LogisticRegressionCV(
            Cs=Cs, cv=5, solver=solver, tol=tol, max_iter=100000, scoring=scoring or None, refit=bool(refit),
            class_weight=class_weight or None, l1_ratios=ratios, use_legacy_attributes=True, random_state=0)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", FutureWarning)
            model.fit(X, targets[yname], sample_weight=w if weighted else None)
        key = next(iter(model.scores_))
        # scores_[key]: (n_folds, n_Cs, n_l1) -> n_folds x (n_Cs * n_l1), C-major
        np.save(OUT / f"{name}_scores.npy", model.scores_[key].reshape(model.scores_[key].shape[0], -1))
        np.save(OUT / f"{name}_Cs.npy", model.Cs_)
        np.save(OUT / f"{name}_C.npy", np.array([model.C_[0]]))
        np.save(OUT / f"{name}_l1_ratio.npy", np.array([model.l1_ratio_[0] or 0.0]))
        np.save(OUT / f"{name}_coef.npy", model.coef_)
        np.save(OUT / f"{name}_intercept.npy", model.intercept_)
        np.save(OUT / f"{name}_proba.npy", model.predict_proba(X))
        print(name, "C_", model.C_, "l1_ratio_", model.l1_ratio_)
        manifest.write(f"{name},{yname},{solver},{tol},{Cs if isinstance(Cs, int) else ';'.join(map(str, Cs))},{scoring},{refit},{weighted},{class_weight},{l1_ratios}\n")
