#include <algorithm>
#include <cmath>
#include <exception>
#include <scilearn/core/parallel.hpp>
#include <scilearn/core/validation.hpp>
#include <scilearn/learn/linear_model/logistic_regression_cv.hpp>
#include <scilearn/learn/model_selection/scoring.hpp>
#include <scilearn/learn/model_selection/split.hpp>

#include "linear_model/linear_classifier.hpp"
#include "logistic_fit.hpp"

namespace scilearn::learn {

namespace {

constexpr std::string_view kFit = "LogisticRegressionCV.fit";

Vector grid_of_C(const LogisticRegressionCVParams& p) {
  if (!p.Cs_values.empty()) {
    for (const double C : p.Cs_values)
      if (!(C > 0)) throw ValueError(cat(kFit, ": every value of Cs must be > 0, got ", C));
    return Eigen::Map<const Vector>(p.Cs_values.data(), static_cast<Index>(p.Cs_values.size()));
  }
  if (p.Cs < 1) throw ValueError(cat(kFit, ": Cs must be >= 1, got ", p.Cs));
  // numpy.logspace(-4, 4, Cs)
  Vector Cs(p.Cs);
  for (Index i = 0; i < p.Cs; ++i)
    Cs(i) = std::pow(10.0, p.Cs == 1 ? -4.0 : -4.0 + 8.0 * static_cast<double>(i) / static_cast<double>(p.Cs - 1));
  return Cs;
}

// The rows `rows` of X, y and (when given) the weights.
struct Subset {
  Matrix X;
  Vector y, w;
};

Subset take(const MatrixView& X, const VectorView& y, const Vector& w, const std::vector<Index>& rows) {
  Subset out{Matrix(static_cast<Index>(rows.size()), X.cols()), Vector(static_cast<Index>(rows.size())),
             Vector(w.size() ? static_cast<Index>(rows.size()) : 0)};
  for (std::size_t k = 0; k < rows.size(); ++k) {
    const auto i = static_cast<Index>(k);
    out.X.row(i) = X.row(rows[k]);
    out.y(i) = y(rows[k]);
    if (w.size()) out.w(i) = w(rows[k]);
  }
  return out;
}

// One fold's path for one l1_ratio: coefficients, scores and iterations per C.
struct Path {
  std::vector<LogisticRegressionFitted> fits;
  Vector scores, n_iter;
};

}  // namespace

void LogisticRegressionCV::check_fitted(const Fitted& s) {
  const Index n_l1 = std::max<Index>(1, s.l1_ratios.size());
  if (s.coef.cols() != s.n_features_in || s.coef.rows() != s.intercept.size() ||
      s.scores.cols() != s.Cs.size() * n_l1 || s.n_iter.rows() != s.scores.rows() ||
      s.n_iter.cols() != s.scores.cols() || s.classes.size() < 2)
    throw ValueError("LogisticRegressionCV: the loaded state's sizes disagree");
}

LogisticRegressionCV::Fitted LogisticRegressionCV::learn(const MatrixView& X, const VectorView* y,
                                                         const VectorView* sample_weight) const {
  if (!y) throw ValueError(cat(kFit, ": y is required"));
  const LogisticRegressionCVParams& p = params_;
  const Vector Cs = grid_of_C(p);
  for (const double r : p.l1_ratios)
    if (!(r >= 0 && r <= 1)) throw ValueError(cat(kFit, ": l1_ratios must be numbers in [0, 1], got ", r));
  if (!p.scoring.empty() && sample_weight)
    throw ValueError(cat(kFit, ": a named scoring takes no sample weights here; use the default (accuracy)"));
  const std::optional<Scorer> scorer = p.scoring.empty() ? std::nullopt : std::optional(get_scorer(p.scoring));
  const Index n = X.rows();
  const Vector w = sample_weight ? Vector(*sample_weight) : Vector();

  // The inner model's parameters; "balanced" class weights come from all of
  // y once (as scikit-learn), so every fold weighs the classes alike.
  LogisticRegressionParams inner{.dual = p.dual,
                                 .tol = p.tol,
                                 .fit_intercept = p.fit_intercept,
                                 .intercept_scaling = p.intercept_scaling,
                                 .class_weight = p.class_weight,
                                 .class_weight_labels = p.class_weight_labels,
                                 .class_weight_values = p.class_weight_values,
                                 .random_state = p.random_state,
                                 .solver = p.solver,
                                 .max_iter = p.max_iter,
                                 .verbose = p.verbose,
                                 .warm_start = true};
  const Vector classes = detail::logistic_classes(*y);
  const Index K = classes.size() == 2 ? 1 : classes.size();
  if (p.class_weight == "balanced") {
    Vector per_class = Vector::Zero(classes.size());
    for (Index i = 0; i < n; ++i)
      for (Index k = 0; k < classes.size(); ++k)
        if ((*y)(i) == classes(k)) per_class(k) += w.size() ? w(i) : 1.0;
    inner.class_weight.clear();
    inner.class_weight_labels.assign(classes.data(), classes.data() + classes.size());
    inner.class_weight_values.resize(static_cast<std::size_t>(classes.size()));
    for (Index k = 0; k < classes.size(); ++k)
      inner.class_weight_values[static_cast<std::size_t>(k)] =
          per_class.sum() / (static_cast<double>(classes.size()) * per_class(k));
  }

  const std::vector<TrainTestIndices> folds = StratifiedKFold({.n_splits = p.cv}).split(n, *y);
  const std::vector<double> l1_ratios = p.l1_ratios.empty() ? std::vector<double>{0.0} : p.l1_ratios;
  const Index n_folds = static_cast<Index>(folds.size()), n_l1 = static_cast<Index>(l1_ratios.size()), n_C = Cs.size();
  std::vector<Path> paths(static_cast<std::size_t>(n_folds * n_l1));

  const auto run_path = [&](Index task) {
    const Index fold = task / n_l1, l = task % n_l1;
    const TrainTestIndices& split = folds[static_cast<std::size_t>(fold)];
    const Subset train = take(X, *y, w, split.train), test = take(X, *y, w, split.test);
    Path& path = paths[static_cast<std::size_t>(task)];
    path.scores.resize(n_C);
    path.n_iter.resize(n_C);
    LogisticRegression model(inner);
    LogisticRegressionParams at = inner;
    at.l1_ratio = l1_ratios[static_cast<std::size_t>(l)];
    for (Index c = 0; c < n_C; ++c) {
      at.C = Cs(c);
      model.set_params(at);
      if (train.w.size())
        model.fit(train.X, train.y, train.w);
      else
        model.fit(train.X, train.y);
      if (model.classes().size() != classes.size())
        throw ValueError(cat(kFit, ": training fold ", fold, " lacks a class; use fewer folds"));
      if (scorer) {
        path.scores(c) = scorer->score(model, test.X, test.y);
      } else {
        const Vector predicted = model.predict(test.X);
        double hit = 0, total = 0;
        for (Index i = 0; i < test.y.size(); ++i) {
          const double weight = test.w.size() ? test.w(i) : 1.0;
          hit += predicted(i) == test.y(i) ? weight : 0.0;
          total += weight;
        }
        path.scores(c) = hit / total;
      }
      path.n_iter(c) = static_cast<double>(model.n_iter());
      path.fits.push_back({.n_features_in = X.cols(),
                           .classes = classes,
                           .coef = model.coef(),
                           .intercept = model.intercept(),
                           .n_iter = model.n_iter()});
    }
  };
  const Index tasks = n_folds * n_l1;
  const int threads = std::min<int>(effective_n_jobs(p.n_jobs.value_or(1)), static_cast<int>(tasks));
  if (threads <= 1) {
    for (Index t = 0; t < tasks; ++t) run_path(t);
  } else {
    // Each path is computed alike on any thread: the result does not depend on n_jobs.
    std::vector<std::exception_ptr> errors(static_cast<std::size_t>(tasks));
    const BlasThreadLimit single_threaded_blas(1);
#pragma omp parallel for schedule(dynamic, 1) num_threads(threads)
    for (Index t = 0; t < tasks; ++t) {
      try {
        run_path(t);
      } catch (...) {
        errors[static_cast<std::size_t>(t)] = std::current_exception();
      }
    }
    for (const auto& error : errors)
      if (error) std::rethrow_exception(error);
  }

  Fitted out;
  out.n_features_in = X.cols();
  out.classes = classes;
  out.Cs = Cs;
  out.l1_ratios = Eigen::Map<const Vector>(p.l1_ratios.data(), static_cast<Index>(p.l1_ratios.size()));
  out.scores.resize(n_folds, n_C * n_l1);
  out.n_iter.resize(n_folds, n_C * n_l1);
  for (Index fold = 0; fold < n_folds; ++fold)
    for (Index l = 0; l < n_l1; ++l)
      for (Index c = 0; c < n_C; ++c) {
        const Path& path = paths[static_cast<std::size_t>(fold * n_l1 + l)];
        out.scores(fold, c * n_l1 + l) = path.scores(c);
        out.n_iter(fold, c * n_l1 + l) = path.n_iter(c);
      }
  const auto fit_at = [&](Index fold, Index column) -> const LogisticRegressionFitted& {
    return paths[static_cast<std::size_t>(fold * n_l1 + column % n_l1)].fits[static_cast<std::size_t>(column / n_l1)];
  };

  if (p.refit) {
    Index best = 0;
    out.scores.colwise().sum().maxCoeff(&best);  // the first maximum, as numpy's argmax
    out.C = Cs(best / n_l1);
    out.l1_ratio = l1_ratios[static_cast<std::size_t>(best % n_l1)];
    LogisticRegressionFitted start = fit_at(0, best);
    for (Index fold = 1; fold < n_folds; ++fold) {
      start.coef += fit_at(fold, best).coef;
      start.intercept += fit_at(fold, best).intercept;
    }
    start.coef /= static_cast<double>(n_folds);
    start.intercept /= static_cast<double>(n_folds);
    LogisticRegressionParams final_params = inner;
    final_params.C = out.C;
    final_params.l1_ratio = out.l1_ratio;
    // scikit-learn 1.9's refit passes neither intercept_scaling nor dual, so
    // liblinear refits with their defaults (1 and false), unlike the folds.
    final_params.intercept_scaling = 1.0;
    final_params.dual = false;
    LogisticRegressionFitted fitted = detail::fit_logistic(X, *y, sample_weight, final_params, start);
    out.coef = std::move(fitted.coef);
    out.intercept = std::move(fitted.intercept);
  } else {
    out.coef = Matrix::Zero(K, X.cols());
    out.intercept = Vector::Zero(K);
    for (Index fold = 0; fold < n_folds; ++fold) {
      Index best = 0;
      out.scores.row(fold).maxCoeff(&best);
      const LogisticRegressionFitted& f = fit_at(fold, best);
      out.coef += f.coef;
      out.intercept += f.intercept;
      out.C += Cs(best / n_l1);
      out.l1_ratio += l1_ratios[static_cast<std::size_t>(best % n_l1)];
    }
    const double k = static_cast<double>(n_folds);
    out.coef /= k;
    out.intercept /= k;
    out.C /= k;
    // scikit-learn reports the mean l1_ratio for an elastic-net search, else 0.
    const bool elasticnet =
        std::any_of(l1_ratios.begin(), l1_ratios.end(), [&](double r) { return r != l1_ratios[0]; }) ||
        (l1_ratios[0] > 0 && l1_ratios[0] < 1);
    out.l1_ratio = elasticnet ? out.l1_ratio / k : 0.0;
  }
  return out;
}

Matrix LogisticRegressionCV::decision_function(const MatrixView& X) const {
  const Fitted& state = check_input("decision_function", X);
  Matrix scores = X * state.coef.transpose();
  scores.rowwise() += state.intercept.transpose();
  return scores;
}

Vector LogisticRegressionCV::predict(const MatrixView& X) const {
  return detail::labels_from_scores(decision_function(X), fitted().classes);
}
Matrix LogisticRegressionCV::predict_proba(const MatrixView& X) const {
  return detail::logistic_proba(decision_function(X));
}
Matrix LogisticRegressionCV::predict_log_proba(const MatrixView& X) const {
  return detail::logistic_log_proba(decision_function(X));
}

}  // namespace scilearn::learn
