// scilearn quickstart: the scikit-learn workflow in C++. Built and run by the
// README's first command (scripts/quickstart); tests/learn checks that it
// prints what scikit-learn prints for the same data and split.
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <scilearn/learn.hpp>

int main() {
  using namespace scilearn;
  using namespace scilearn::learn;

  // sklearn.datasets.load_breast_cancer: 569 tumours, 30 features, 2 classes.
  const Dataset data = load_breast_cancer();

  // The first 75% of the samples train and the rest test (shuffle = false), so
  // that scikit-learn splits the same way and its numbers can be compared.
  const auto [X_train, X_test, y_train, y_test] =
      train_test_split(data.data, data.target, {.test_size = 0.25, .shuffle = false});

  // Standardize, then logistic regression; choose C by 5-fold cross-validated ROC AUC.
  auto pipe = std::make_shared<Pipeline>(make_pipeline(StandardScaler(), LogisticRegression()));
  GridSearchCV search(pipe, ParamGrid{{"logisticregression__C", {0.01, 0.1, 1.0, 10.0, 100.0}}},
                      {.scoring = {"roc_auc"}});
  search.fit(X_train, y_train);

  std::cout << std::fixed << std::setprecision(4);
  std::cout << "best C: " << to_string(search.best_params().at("logisticregression__C"))
            << ", cross-validated ROC AUC: " << search.best_score() << "\n\n";
  std::cout << classification_report(y_test, search.predict(X_test),
                                     {.target_names = data.target_names, .digits = 4});
  std::cout << "\ntest ROC AUC: " << roc_auc_score(y_test, search.predict_proba(X_test).col(1)) << "\n";

  // Save the fitted pipeline and load it back: a versioned, portable model file.
  const auto path = std::filesystem::temp_directory_path() / "scilearn_quickstart_model.scl";
  save(search.best_estimator(), path);
  const auto loaded = load(path);
  std::filesystem::remove(path);
  const bool same = loaded->predict(X_test) == search.predict(X_test);
  std::cout << "saved and loaded: " << (same ? "identical predictions" : "DIFFERENT predictions") << "\n";
  return same ? 0 : 1;
}
