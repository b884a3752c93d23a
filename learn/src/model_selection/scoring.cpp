#include <algorithm>
#include <map>
#include <scilearn/learn/metrics/classification.hpp>
#include <scilearn/learn/metrics/cluster.hpp>
#include <scilearn/learn/metrics/ranking.hpp>
#include <scilearn/learn/metrics/regression.hpp>
#include <scilearn/learn/model_selection/scoring.hpp>

namespace scilearn::learn {

namespace {

using Metric = std::function<double(const VectorView&, const MatrixView&)>;

// The response of `estimator` as a metric reads it.
Matrix response_of(const Estimator& estimator, const MatrixView& X, Response response) {
  switch (response) {
    case Response::predict: return estimator.predict(X);
    case Response::predict_proba: {
      Matrix proba = estimator.predict_proba(X);
      if (proba.cols() == 2) return proba.col(1);  // the greater class, as scikit-learn's pos_label
      return proba;
    }
    case Response::decision_function: return estimator.decision_function(X);
  }
  return {};
}

// Binary ranking scorers use decision_function when the estimator has one,
// predict_proba otherwise (scikit-learn's ("decision_function", "predict_proba")).
Scorer ranking_scorer(std::string name, Metric metric) {
  return {name, [metric](const Estimator& e, const MatrixView& X, const VectorView& y) {
            const Response r = e.has(Method::decision_function) ? Response::decision_function : Response::predict_proba;
            return metric(y, response_of(e, X, r));
          }};
}

Vector first_column(const MatrixView& m) { return m.col(0); }

std::map<std::string, Scorer, std::less<>> build_scorers() {
  std::map<std::string, Scorer, std::less<>> scorers;
  auto add = [&](Scorer s) { scorers.emplace(s.name, std::move(s)); };
  auto predict_metric = [&](const std::string& name, std::function<double(const VectorView&, const VectorView&)> m,
                            bool greater = true) {
    add(make_scorer(
        name, [m](const VectorView& y, const MatrixView& r) { return m(y, first_column(r)); }, greater));
  };
  // Classification on predicted labels.
  predict_metric("accuracy", [](const VectorView& y, const VectorView& p) { return accuracy_score(y, p); });
  predict_metric("balanced_accuracy",
                 [](const VectorView& y, const VectorView& p) { return balanced_accuracy_score(y, p); });
  predict_metric("matthews_corrcoef", [](const VectorView& y, const VectorView& p) { return matthews_corrcoef(y, p); });
  const std::pair<const char*, Average> averages[] = {
      {"", Average::binary}, {"_micro", Average::micro}, {"_macro", Average::macro}, {"_weighted", Average::weighted}};
  for (const auto& [suffix, average] : averages) {
    const ScoreOptions options{.average = average};
    predict_metric(cat("f1", suffix),
                   [options](const VectorView& y, const VectorView& p) { return f1_score(y, p, options); });
    predict_metric(cat("precision", suffix),
                   [options](const VectorView& y, const VectorView& p) { return precision_score(y, p, options); });
    predict_metric(cat("recall", suffix),
                   [options](const VectorView& y, const VectorView& p) { return recall_score(y, p, options); });
  }
  // Ranking and probabilities.
  add(ranking_scorer("roc_auc", [](const VectorView& y, const MatrixView& s) { return roc_auc_score(y, s); }));
  add(ranking_scorer("average_precision",
                     [](const VectorView& y, const MatrixView& s) { return average_precision_score(y, s); }));
  const std::tuple<const char*, MultiClass, Average> multiclass_auc[] = {
      {"roc_auc_ovr", MultiClass::ovr, Average::macro},
      {"roc_auc_ovo", MultiClass::ovo, Average::macro},
      {"roc_auc_ovr_weighted", MultiClass::ovr, Average::weighted},
      {"roc_auc_ovo_weighted", MultiClass::ovo, Average::weighted}};
  for (const auto& [name, multi_class, average] : multiclass_auc) {
    const RocAucOptions options{.average = average, .multi_class = multi_class};
    add(make_scorer(
        name, [options](const VectorView& y, const MatrixView& p) { return roc_auc_score(y, p, options); }, true,
        Response::predict_proba));
  }
  add(make_scorer(
      "neg_log_loss", [](const VectorView& y, const MatrixView& p) { return log_loss(y, p); }, false,
      Response::predict_proba));
  add(make_scorer(
      "neg_brier_score", [](const VectorView& y, const MatrixView& p) { return brier_score_loss(y, p); }, false,
      Response::predict_proba));
  add({"top_k_accuracy", [](const Estimator& e, const MatrixView& X, const VectorView& y) {
         const Response r = e.has(Method::decision_function) ? Response::decision_function : Response::predict_proba;
         return top_k_accuracy_score(y, response_of(e, X, r));
       }});
  // Regression.
  predict_metric("r2", [](const VectorView& y, const VectorView& p) { return r2_score(y, p); });
  predict_metric("explained_variance",
                 [](const VectorView& y, const VectorView& p) { return explained_variance_score(y, p); });
  predict_metric(
      "neg_mean_squared_error", [](const VectorView& y, const VectorView& p) { return mean_squared_error(y, p); },
      false);
  predict_metric(
      "neg_root_mean_squared_error",
      [](const VectorView& y, const VectorView& p) { return root_mean_squared_error(y, p); }, false);
  predict_metric(
      "neg_mean_absolute_error", [](const VectorView& y, const VectorView& p) { return mean_absolute_error(y, p); },
      false);
  predict_metric(
      "neg_median_absolute_error", [](const VectorView& y, const VectorView& p) { return median_absolute_error(y, p); },
      false);
  predict_metric(
      "neg_max_error", [](const VectorView& y, const VectorView& p) { return max_error(y, p); }, false);
  predict_metric(
      "neg_mean_absolute_percentage_error",
      [](const VectorView& y, const VectorView& p) { return mean_absolute_percentage_error(y, p); }, false);
  predict_metric(
      "neg_mean_squared_log_error",
      [](const VectorView& y, const VectorView& p) { return mean_squared_log_error(y, p); }, false);
  predict_metric(
      "neg_mean_poisson_deviance", [](const VectorView& y, const VectorView& p) { return mean_poisson_deviance(y, p); },
      false);
  predict_metric(
      "neg_mean_gamma_deviance", [](const VectorView& y, const VectorView& p) { return mean_gamma_deviance(y, p); },
      false);
  // Clustering: the predicted cluster labels against the true ones.
  predict_metric("adjusted_rand_score",
                 [](const VectorView& y, const VectorView& p) { return adjusted_rand_score(y, p); });
  predict_metric("rand_score", [](const VectorView& y, const VectorView& p) { return rand_score(y, p); });
  predict_metric("adjusted_mutual_info_score",
                 [](const VectorView& y, const VectorView& p) { return adjusted_mutual_info_score(y, p); });
  predict_metric("normalized_mutual_info_score",
                 [](const VectorView& y, const VectorView& p) { return normalized_mutual_info_score(y, p); });
  predict_metric("mutual_info_score", [](const VectorView& y, const VectorView& p) { return mutual_info_score(y, p); });
  predict_metric("homogeneity_score", [](const VectorView& y, const VectorView& p) { return homogeneity_score(y, p); });
  predict_metric("completeness_score",
                 [](const VectorView& y, const VectorView& p) { return completeness_score(y, p); });
  predict_metric("v_measure_score", [](const VectorView& y, const VectorView& p) { return v_measure_score(y, p); });
  predict_metric("fowlkes_mallows_score",
                 [](const VectorView& y, const VectorView& p) { return fowlkes_mallows_score(y, p); });
  return scorers;
}

const std::map<std::string, Scorer, std::less<>>& scorers() {
  static const auto all = build_scorers();
  return all;
}

}  // namespace

Scorer make_scorer(std::string name, std::function<double(const VectorView&, const MatrixView&)> metric,
                   bool greater_is_better, Response response) {
  const double sign = greater_is_better ? 1.0 : -1.0;
  return {std::move(name),
          [metric = std::move(metric), sign, response](const Estimator& e, const MatrixView& X, const VectorView& y) {
            return sign * metric(y, response_of(e, X, response));
          }};
}

Scorer get_scorer(std::string_view name) {
  if (name == "score")
    return {"score", [](const Estimator& e, const MatrixView& X, const VectorView& y) { return e.score(X, y); }};
  const auto& all = scorers();
  if (const auto found = all.find(name); found != all.end()) return found->second;
  std::string valid;
  for (const auto& [n, s] : all) valid += cat(valid.empty() ? "" : ", ", "'", n, "'");
  throw ValueError(cat("get_scorer: '", name, "' is not a valid scoring value; valid are ", valid));
}

std::vector<std::string> get_scorer_names() {
  std::vector<std::string> names;
  for (const auto& [name, scorer] : scorers()) names.push_back(name);
  return names;
}

}  // namespace scilearn::learn
