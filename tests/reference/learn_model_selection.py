"""Reference values for cross-validation and hyper-parameter search
(tests/learn/model_selection/search_test.cpp): scikit-learn 1.9 on the same
data, with deterministic splitters (KFold without shuffling). Writes
tests/data/learn/model_selection/*.npy.

Run: .venv/bin/python tests/reference/learn_model_selection.py
"""

import pathlib

import numpy as np
from sklearn.linear_model import LinearRegression
from sklearn.model_selection import (
    GridSearchCV,
    KFold,
    cross_val_predict,
    cross_val_score,
    cross_validate,
    learning_curve,
    validation_curve,
)
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

OUT = pathlib.Path(__file__).resolve().parent.parent / "data" / "learn" / "model_selection"
OUT.mkdir(parents=True, exist_ok=True)
rng = np.random.default_rng(20261206)


def save(name, array):
    np.save(OUT / f"{name}.npy", np.asarray(array, dtype=np.float64))


n, p = 50, 4
X = rng.standard_normal((n, p)) * [1.0, 10.0, 0.1, 3.0] + [0.0, 50.0, 1.0, -2.0]
y = X @ [2.0, -0.3, 5.0, 0.0] + 1.0 + 0.5 * rng.standard_normal(n)
save("X", X)
save("y", y)

save("cv_r2", cross_val_score(LinearRegression(), X, y, cv=5))
save("cv_neg_mse", cross_val_score(LinearRegression(), X, y, cv=KFold(4), scoring="neg_mean_squared_error"))
res = cross_validate(LinearRegression(fit_intercept=False), X, y, cv=5,
                     scoring=["r2", "neg_mean_absolute_error", "explained_variance"], return_train_score=True)
for key in ["test_r2", "test_neg_mean_absolute_error", "test_explained_variance", "train_r2"]:
    save(f"cv_{key}", res[key])
save("cv_predict", cross_val_predict(LinearRegression(), X, y, cv=5))

pipe = make_pipeline(StandardScaler(), LinearRegression())
grid = {"linearregression__fit_intercept": [True, False], "standardscaler__with_mean": [True, False]}
search = GridSearchCV(pipe, grid, cv=5, scoring="neg_mean_squared_error").fit(X, y)
save("grid_mean_test", search.cv_results_["mean_test_score"])
save("grid_std_test", search.cv_results_["std_test_score"])
save("grid_rank_test", search.cv_results_["rank_test_score"])
save("grid_best_index", [search.best_index_])
save("grid_best_score", [search.best_score_])
save("grid_predict", search.predict(X[:5]))

sizes, train_scores, test_scores = learning_curve(LinearRegression(), X, y, cv=5, train_sizes=[0.2, 0.5, 1.0])
save("lc_sizes", sizes)
save("lc_train", train_scores)
save("lc_test", test_scores)

train_scores, test_scores = validation_curve(LinearRegression(), X, y, param_name="fit_intercept",
                                             param_range=[True, False], cv=5)
save("vc_train", train_scores)
save("vc_test", test_scores)
