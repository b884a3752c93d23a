"""What examples/quickstart.cpp must print: the same workflow in scikit-learn
1.9 (load_breast_cancer, the first 75% of the samples for training, a
StandardScaler + LogisticRegression pipeline, GridSearchCV over C by ROC AUC,
classification_report and ROC AUC on the test part). Writes
tests/data/learn/quickstart/expected.txt; tests/learn/quickstart_test.cmake
compares the program's output with it.

Run: .venv/bin/python tests/reference/learn_quickstart.py
"""

import pathlib

from sklearn.datasets import load_breast_cancer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import classification_report, roc_auc_score
from sklearn.model_selection import GridSearchCV, train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

OUT = pathlib.Path(__file__).resolve().parent.parent / "data" / "learn" / "quickstart"
OUT.mkdir(parents=True, exist_ok=True)

data = load_breast_cancer()
X_train, X_test, y_train, y_test = train_test_split(data.data, data.target, test_size=0.25, shuffle=False)
pipe = make_pipeline(StandardScaler(), LogisticRegression())
search = GridSearchCV(pipe, {"logisticregression__C": [0.01, 0.1, 1.0, 10.0, 100.0]}, scoring="roc_auc")
search.fit(X_train, y_train)
lines = [
    f"best C: {search.best_params_['logisticregression__C']!r}, cross-validated ROC AUC: {search.best_score_:.4f}",
    "",
    classification_report(y_test, search.predict(X_test), target_names=list(data.target_names), digits=4),
    f"test ROC AUC: {roc_auc_score(y_test, search.predict_proba(X_test)[:, 1]):.4f}",
    "saved and loaded: identical predictions",
]
(OUT / "expected.txt").write_text("\n".join(lines) + "\n")
print((OUT / "expected.txt").read_text())
