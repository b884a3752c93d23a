#include <algorithm>
#include <cmath>
#include <exception>
#include <limits>
#include <scilearn/core/parallel.hpp>
#include <scilearn/core/random.hpp>
#include <scilearn/core/warnings.hpp>
#include <scilearn/learn/linear_model/stochastic_gradient.hpp>
#include <scilearn/learn/model_selection/split.hpp>
#include <scilearn/learn/sparse_input.hpp>

#include "linear_model/linear_classifier.hpp"
#include "linear_model/linear_scores.hpp"
#include "linear_model/sgd_common.hpp"
#include "linear_model/sgd_fast.hpp"

#ifdef _OPENMP
#include <omp.h>
#endif

namespace scilearn::learn {

namespace detail {

namespace {

bool is_regression_loss(SGDLoss loss) {
  return loss == SGDLoss::squared_error || loss == SGDLoss::huber || loss == SGDLoss::epsilon_insensitive ||
         loss == SGDLoss::squared_epsilon_insensitive;
}

SgdLoss kernel_loss(SGDLoss loss, double epsilon) {
  switch (loss) {
    case SGDLoss::hinge: return {SgdLossKind::hinge, 1.0};
    case SGDLoss::perceptron: return {SgdLossKind::hinge, 0.0};
    case SGDLoss::squared_hinge: return {SgdLossKind::squared_hinge, 1.0};
    case SGDLoss::log_loss: return {SgdLossKind::log_loss, 0.0};
    case SGDLoss::modified_huber: return {SgdLossKind::modified_huber, 0.0};
    case SGDLoss::squared_error: return {SgdLossKind::squared_error, 0.0};
    case SGDLoss::huber: return {SgdLossKind::huber, epsilon};
    case SGDLoss::epsilon_insensitive: return {SgdLossKind::epsilon_insensitive, epsilon};
    case SGDLoss::squared_epsilon_insensitive: return {SgdLossKind::squared_epsilon_insensitive, epsilon};
  }
  return {};
}

int penalty_code(const std::optional<SGDPenalty>& penalty) {
  if (!penalty) return kNoPenalty;
  switch (*penalty) {
    case SGDPenalty::l2: return kL2;
    case SGDPenalty::l1: return kL1;
    case SGDPenalty::elasticnet: return kElasticNet;
  }
  return kNoPenalty;
}

SgdSchedule schedule_code(SGDLearningRate rate) {
  switch (rate) {
    case SGDLearningRate::constant: return SgdSchedule::constant;
    case SGDLearningRate::optimal: return SgdSchedule::optimal;
    case SGDLearningRate::invscaling: return SgdSchedule::invscaling;
    case SGDLearningRate::adaptive: return SgdSchedule::adaptive;
    case SGDLearningRate::pa1: return SgdSchedule::pa1;
    case SGDLearningRate::pa2: return SgdSchedule::pa2;
  }
  return SgdSchedule::optimal;
}

// scikit-learn's parameter constraints and _more_validate_params.
void check_spec(const SgdSpec& s, bool classifier, bool partial) {
  const std::string_view name = s.name;
  if (!(s.alpha >= 0) || !std::isfinite(s.alpha))
    throw ValueError(cat(name, ": alpha must be a finite number >= 0, got ", s.alpha));
  if (s.l1_ratio && !(*s.l1_ratio >= 0 && *s.l1_ratio <= 1))
    throw ValueError(cat(name, ": l1_ratio must be in [0, 1], got ", *s.l1_ratio));
  if (s.max_iter < 1) throw ValueError(cat(name, ": max_iter must be >= 1, got ", s.max_iter));
  if (s.tol && !(*s.tol >= 0)) throw ValueError(cat(name, ": tol must be >= 0 or None, got ", *s.tol));
  if (!(s.eta0 > 0) || !std::isfinite(s.eta0))
    throw ValueError(cat(name, ": ", s.eta0_name, " must be a finite number > 0, got ", s.eta0));
  if (!std::isfinite(s.power_t)) throw ValueError(cat(name, ": power_t must be finite, got ", s.power_t));
  if (!(s.epsilon >= 0) || !std::isfinite(s.epsilon))
    throw ValueError(cat(name, ": epsilon must be a finite number >= 0, got ", s.epsilon));
  if (!(s.validation_fraction > 0 && s.validation_fraction < 1))
    throw ValueError(cat(name, ": validation_fraction must be in (0, 1), got ", s.validation_fraction));
  if (s.n_iter_no_change < 1) throw ValueError(cat(name, ": n_iter_no_change must be >= 1, got ", s.n_iter_no_change));
  if (s.average < 0) throw ValueError(cat(name, ": average must be >= 0 (or a bool), got ", s.average));
  if (s.n_jobs) (void)effective_n_jobs(*s.n_jobs);
  if (!classifier && !is_regression_loss(s.loss))
    throw ValueError(cat("The 'loss' parameter of ", name,
                         " must be a str among {'squared_error', 'huber', 'epsilon_insensitive', "
                         "'squared_epsilon_insensitive'}. Got '",
                         enum_name(s.loss), "' instead."));
  if (s.early_stopping && partial) throw ValueError(cat(name, ": early_stopping should be False with partial_fit"));
  if (s.learning_rate == SGDLearningRate::optimal && s.alpha == 0)
    throw ValueError(cat(name,
                         ": alpha must be > 0 since learning_rate is 'optimal'. alpha is used to compute the "
                         "optimal learning rate."));
  if (s.learning_rate == SGDLearningRate::pa1 || s.learning_rate == SGDLearningRate::pa2) {
    const SGDLoss needed = classifier ? SGDLoss::hinge : SGDLoss::epsilon_insensitive;
    if (s.loss != needed)
      throw ValueError(cat(name, ": Learning rate '", enum_name(s.learning_rate), "' only works with loss '",
                           enum_name(needed), "'."));
  }
  if (s.penalty == SGDPenalty::elasticnet && !s.l1_ratio)
    throw ValueError(cat(name, ": l1_ratio must be set when penalty is 'elasticnet'"));
  if (s.power_t < 0)
    warn(WarningCategory::user,  // FutureWarning in scikit-learn
         "Negative values for `power_t` are deprecated in version 1.8 and will raise an error in 1.10. Use values "
         "in the range [0.0, inf) instead.");
}

SgdOptions kernel_options(const SgdSpec& s, int max_iter) {
  SgdOptions o;
  o.loss = kernel_loss(s.loss, s.epsilon);
  o.penalty = penalty_code(s.penalty);
  o.alpha = s.alpha;
  o.l1_ratio = s.l1_ratio.value_or(0.0);
  o.max_iter = max_iter;
  o.tol = s.tol ? *s.tol : -std::numeric_limits<double>::infinity();
  o.n_iter_no_change = s.n_iter_no_change;
  o.fit_intercept = s.fit_intercept;
  o.shuffle = s.shuffle;
  o.early_stopping = s.early_stopping;
  o.schedule = schedule_code(s.learning_rate);
  o.eta0 = s.eta0;
  o.power_t = s.power_t;
  o.average = s.average;
  return o;
}

void warn_max_iter(const SgdSpec& s, Index n_iter) {
  if (s.tol && n_iter == s.max_iter)
    warn(WarningCategory::convergence,
         "Maximum number of iteration reached before convergence. Consider increasing max_iter to improve the fit.");
}

// The sorted distinct labels; ValueError for non-integer labels.
Vector sorted_labels(std::string_view where, const VectorView& y) {
  std::vector<double> v(y.data(), y.data() + y.size());
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  for (const double u : v)
    if (u != std::round(u))
      throw ValueError(cat(where,
                           ": Unknown label type: continuous. Maybe you are trying to fit a classifier, which "
                           "expects discrete classes on a regression target with continuous values (got y = ",
                           u, ")"));
  return Eigen::Map<const Vector>(v.data(), static_cast<Index>(v.size()));
}

// scikit-learn's compute_class_weight (without sample weights, as SGD calls it).
Vector class_weights(const SgdSpec& s, std::string_view where, const Vector& classes, const std::vector<Index>& code) {
  Vector count = Vector::Zero(classes.size());
  for (const Index c : code) count(c) += 1;
  return detail::class_weights(where, s.class_weight, s.class_weight_labels, s.class_weight_values, classes, count);
}

// The validation mask of early stopping (all zero without it).
std::vector<std::uint8_t> validation_mask(const SgdSpec& s, std::string_view where, const VectorView& y,
                                          const Vector& sample_weight, bool stratified, std::uint64_t seed) {
  const Index n = y.size();
  std::vector<std::uint8_t> mask(static_cast<std::size_t>(n), 0);
  if (!s.early_stopping) return mask;
  TrainTestIndices split;
  if (stratified)
    split = StratifiedShuffleSplit({.n_splits = 1, .test_size = s.validation_fraction, .random_state = seed})
                .split(n, y)
                .front();
  else
    split = ShuffleSplit({.n_splits = 1, .test_size = s.validation_fraction, .random_state = seed}).split(n).front();
  if (split.train.empty() || split.test.empty())
    throw ValueError(cat(where, ": Splitting ", n,
                         " samples into a train set and a validation set with "
                         "validation_fraction=",
                         s.validation_fraction, " led to an empty set (", split.train.size(), " and ",
                         split.test.size(),
                         " samples). Please either change validation_fraction, increase number of samples, or "
                         "disable early_stopping."));
  bool any_weight = false;
  for (const Index i : split.test) any_weight = any_weight || sample_weight(i) > 0;
  if (!any_weight)
    throw ValueError(cat(where,
                         ": The sample weights for validation set are all zero, consider using a different "
                         "random state."));
  for (const Index i : split.test) mask[static_cast<std::size_t>(i)] = 1;
  return mask;
}

// Threads for `problems` independent problems.
int problem_threads(const SgdSpec& s, Index problems) {
  int threads = 1;
#ifdef _OPENMP
  threads = s.n_jobs ? effective_n_jobs(*s.n_jobs) : omp_get_max_threads();
#else
  (void)s;
#endif
  return static_cast<int>(std::max<Index>(1, std::min<Index>(threads, problems)));
}

}  // namespace

namespace {

// The rows as the kernel reads them (a row-major copy of dense X, or the CSR
// arrays), and the dot product of one row with a weight vector.
struct KernelRows {
  RowMajorBuffer dense;
  CsrMatrix compressed;  // a compressed copy when the input was not
  const CsrMatrix* sparse = nullptr;
  Index p = 0;

  // Checks dense X's finiteness while copying it (ValueError naming `where`).
  KernelRows(const SgdInput& X, std::string_view where) : p(X.cols()) {
    if (X.dense) {
      dense = row_major_copy(where, *X.dense);
      return;
    }
    sparse = X.sparse;
    if (!sparse->isCompressed()) {
      compressed = *sparse;
      compressed.makeCompressed();
      sparse = &compressed;
    }
  }
  void fill(SgdData& data) const {
    if (dense) {
      data.X = dense.get();
    } else {
      data.values = sparse->valuePtr();
      data.indices = sparse->innerIndexPtr();
      data.indptr = sparse->outerIndexPtr();
    }
  }
  [[nodiscard]] double intercept_decay() const { return dense ? 1.0 : 0.01; }
  [[nodiscard]] double dot(Index i, const double* w) const {
    if (dense) return Eigen::Map<const Vector>(dense.get() + i * p, p).dot(Eigen::Map<const Vector>(w, p));
    double s = 0;
    for (CsrMatrix::InnerIterator it(*sparse, i); it; ++it) s += it.value() * w[it.index()];
    return s;
  }
};

}  // namespace

SGDClassifierFitted sgd_fit_classifier(const SgdSpec& s, const SgdInput& X, const VectorView& y,
                                       const VectorView* sample_weight, const SGDClassifierFitted* previous,
                                       bool partial, const VectorView& classes_arg) {
  const std::string where = cat(s.name, partial ? ".partial_fit" : ".fit");
  check_spec(s, true, partial);
  const Index n = X.rows(), p = X.cols();
  const bool continuing = partial && previous;

  Vector classes;
  if (partial) {
    if (!previous) {
      if (classes_arg.size() == 0)
        throw ValueError(cat(where, ": classes must be passed on the first call to partial_fit."));
      if (s.class_weight == "balanced")
        throw ValueError(cat(where,
                             ": class_weight 'balanced' is not supported for partial_fit. In order to use "
                             "'balanced' weights, use compute_class_weight('balanced', classes=classes, "
                             "y=y) and pass the resulting weights as the class_weight parameter."));
      classes = sorted_labels(where, classes_arg);
    } else {
      classes = previous->classes;
      if (classes_arg.size() != 0) {
        const Vector given = sorted_labels(where, classes_arg);
        if (given.size() != classes.size() || given != classes)
          throw ValueError(cat(where, ": `classes` is not the same as on last call to partial_fit"));
      }
      if (p != previous->n_features_in)
        throw ValueError(
            cat(where, ": Number of features ", p, " does not match previous data ", previous->n_features_in, "."));
    }
  } else {
    classes = sorted_labels(where, y);
  }
  const Index K = classes.size();
  if (K < 2) throw ValueError(cat(where, ": The number of classes has to be greater than one; got ", K, " class"));
  std::vector<Index> code(static_cast<std::size_t>(n));
  for (Index i = 0; i < n; ++i) {
    const double* at = std::lower_bound(classes.data(), classes.data() + K, y(i));
    if (at == classes.data() + K || *at != y(i))
      throw ValueError(cat(where, ": classes should include all valid labels that can be in y (got y = ", y(i), ")"));
    code[static_cast<std::size_t>(i)] = at - classes.data();
  }
  const Vector cw = class_weights(s, where, classes, code);
  const Vector sw = sample_weight ? Vector(*sample_weight) : Vector::Ones(n);

  // The starting point.
  const Index rows = K == 2 ? 1 : K;
  const bool averaging = s.average > 0;
  SGDClassifierFitted out;
  out.n_features_in = p;
  out.classes = classes;
  Matrix coef = Matrix::Zero(rows, p);
  Vector intercept = Vector::Zero(rows);
  Matrix average_coef;
  Vector average_intercept;
  if (averaging) {
    average_coef = Matrix::Zero(rows, p);
    average_intercept = Vector::Zero(rows);
  }
  double t = 1;
  if (continuing) {
    const bool had_average = previous->standard_coef.size() != 0;
    coef = had_average ? previous->standard_coef : previous->coef;
    intercept = had_average ? previous->standard_intercept : previous->intercept;
    if (averaging && had_average) {
      average_coef = previous->average_coef;
      average_intercept = previous->average_intercept;
    }
    t = previous->t;
  } else if (!partial && s.warm_start && previous) {
    if (previous->coef.rows() != rows || previous->coef.cols() != p)
      throw ValueError(cat(where, ": Provided ``coef_`` does not match dataset (", previous->coef.rows(), " x ",
                           previous->coef.cols(), " from the previous fit, ", rows, " x ", p, " needed)."));
    coef = previous->coef;
    intercept = previous->intercept;
  }

  // Seeds: the validation split and one stream per problem.
  Generator root = default_rng(s.random_state);
  const std::uint64_t split_seed = s.random_state ? *s.random_state : root();
  const std::vector<std::uint8_t> mask = validation_mask(s, where, y, sw, true, split_seed);
  std::vector<std::uint64_t> seeds(static_cast<std::size_t>(rows));
  for (auto& seed : seeds) seed = root();

  const KernelRows Xr(X, where);
  SgdData data{nullptr, n, p, sw.data(), s.early_stopping ? mask.data() : nullptr};
  Xr.fill(data);
  std::vector<Index> validation;
  if (s.early_stopping)
    for (Index i = 0; i < n; ++i)
      if (mask[static_cast<std::size_t>(i)]) validation.push_back(i);
  SgdOptions options = kernel_options(s, partial ? 1 : s.max_iter);
  options.intercept_decay = Xr.intercept_decay();
  const bool label_encode = s.loss == SGDLoss::log_loss;
  const double negative = label_encode ? 0.0 : -1.0;

  std::vector<Index> n_iter(static_cast<std::size_t>(rows), 0);
  std::vector<std::exception_ptr> errors(static_cast<std::size_t>(rows));
  const int threads = problem_threads(s, rows);
#pragma omp parallel for schedule(dynamic, 1) num_threads(threads) if (threads > 1)
  for (Index k = 0; k < rows; ++k) {
    try {
      const Index positive = K == 2 ? 1 : k;
      std::vector<double> yk(static_cast<std::size_t>(n));
      for (Index i = 0; i < n; ++i)
        yk[static_cast<std::size_t>(i)] = code[static_cast<std::size_t>(i)] == positive ? 1.0 : negative;
      std::vector<double> w(static_cast<std::size_t>(p)), aw;
      for (Index j = 0; j < p; ++j) w[static_cast<std::size_t>(j)] = coef(k, j);
      SgdModel model{w.data(), intercept(k), nullptr, 0.0};
      if (averaging) {
        aw.resize(static_cast<std::size_t>(p));
        for (Index j = 0; j < p; ++j) aw[static_cast<std::size_t>(j)] = average_coef(k, j);
        model.aw = aw.data();
        model.average_intercept = average_intercept(k);
      }
      // Accuracy of the binary problem on the held-out samples.
      const SgdValidationScore score = [&](const double* wv, double b) {
        double hit = 0, total = 0;
        for (const Index i : validation) {
          const double r = Xr.dot(i, wv) + b;
          const bool truth = yk[static_cast<std::size_t>(i)] > 0;
          if ((r > 0) == truth) hit += sw(i);
          total += sw(i);
        }
        return hit / total;
      };
      const double weight_pos = cw(positive);
      const double weight_neg = K == 2 ? cw(0) : 1.0;
      n_iter[static_cast<std::size_t>(k)] = plain_sgd(data, yk.data(), weight_pos, weight_neg, options, model, t,
                                                      seeds[static_cast<std::size_t>(k)], score);
      for (Index j = 0; j < p; ++j) coef(k, j) = w[static_cast<std::size_t>(j)];
      intercept(k) = model.intercept;
      if (averaging) {
        for (Index j = 0; j < p; ++j) average_coef(k, j) = aw[static_cast<std::size_t>(j)];
        average_intercept(k) = model.average_intercept;
      }
    } catch (...) {
      errors[static_cast<std::size_t>(k)] = std::current_exception();
    }
  }
  for (const auto& e : errors)
    if (e) std::rethrow_exception(e);

  out.n_iter = *std::max_element(n_iter.begin(), n_iter.end());
  out.t = t + static_cast<double>(out.n_iter * n);
  if (averaging) {
    out.standard_coef = coef;
    out.standard_intercept = intercept;
    out.average_coef = average_coef;
    out.average_intercept = average_intercept;
    const bool use_average = static_cast<double>(s.average) <= out.t - 1;
    out.coef = use_average ? average_coef : coef;
    out.intercept = use_average ? average_intercept : intercept;
  } else {
    out.coef = std::move(coef);
    out.intercept = std::move(intercept);
  }
  if (!partial) warn_max_iter(s, out.n_iter);
  return out;
}

SGDRegressorFitted sgd_fit_regressor(const SgdSpec& s, const SgdInput& X, const VectorView& y,
                                     const VectorView* sample_weight, const SGDRegressorFitted* previous,
                                     bool partial) {
  const std::string where = cat(s.name, partial ? ".partial_fit" : ".fit");
  check_spec(s, false, partial);
  const Index n = X.rows(), p = X.cols();
  const bool continuing = partial && previous;
  if (continuing && p != previous->n_features_in)
    throw ValueError(
        cat(where, ": Number of features ", p, " does not match previous data ", previous->n_features_in, "."));
  const Vector sw = sample_weight ? Vector(*sample_weight) : Vector::Ones(n);
  const bool averaging = s.average > 0;

  SGDRegressorFitted out;
  out.n_features_in = p;
  Vector w = Vector::Zero(p), aw;
  double intercept = 0, average_intercept = 0;
  if (averaging) aw = Vector::Zero(p);
  double t = 1;
  const bool warm = !partial && s.warm_start && previous;
  if (continuing || warm) {
    if (warm && previous->coef.size() != p)
      throw ValueError(cat(where, ": Provided coef_init does not match dataset (", previous->coef.size(),
                           " coefficients from the previous fit, ", p, " needed)."));
    const bool had_average = previous->standard_coef.size() != 0;
    w = had_average ? previous->standard_coef : previous->coef;
    intercept = had_average ? previous->standard_intercept : previous->intercept;
    if (continuing) {
      if (averaging && had_average) {
        aw = previous->average_coef;
        average_intercept = previous->average_intercept;
      }
      t = previous->t;
    }
  }

  Generator root = default_rng(s.random_state);
  const std::uint64_t split_seed = s.random_state ? *s.random_state : root();
  const std::vector<std::uint8_t> mask = validation_mask(s, where, y, sw, false, split_seed);
  const std::uint64_t seed = root();
  const KernelRows Xr(X, where);
  SgdData data{nullptr, n, p, sw.data(), s.early_stopping ? mask.data() : nullptr};
  Xr.fill(data);
  std::vector<Index> validation;
  if (s.early_stopping)
    for (Index i = 0; i < n; ++i)
      if (mask[static_cast<std::size_t>(i)]) validation.push_back(i);
  // R^2 (weighted) on the held-out samples; 1 for a perfect fit of a constant, 0 otherwise.
  const SgdValidationScore score = [&](const double* wv, double b) {
    double total = 0, mean = 0;
    for (const Index i : validation) {
      total += sw(i);
      mean += sw(i) * y(i);
    }
    mean /= total;
    double residual = 0, spread = 0;
    for (const Index i : validation) {
      const double r = y(i) - (Xr.dot(i, wv) + b);
      residual += sw(i) * r * r;
      spread += sw(i) * (y(i) - mean) * (y(i) - mean);
    }
    if (spread == 0) return residual == 0 ? 1.0 : 0.0;
    return 1 - residual / spread;
  };
  SgdOptions options = kernel_options(s, partial ? 1 : s.max_iter);
  options.intercept_decay = Xr.intercept_decay();
  SgdModel model{w.data(), intercept, averaging ? aw.data() : nullptr, average_intercept};
  const Vector yv = y;
  out.n_iter = plain_sgd(data, yv.data(), 1.0, 1.0, options, model, t, seed, score);
  out.t = t + static_cast<double>(out.n_iter * n);
  if (averaging) {
    out.standard_coef = w;
    out.standard_intercept = model.intercept;
    out.average_coef = aw;
    out.average_intercept = model.average_intercept;
    const bool use_average = static_cast<double>(s.average) <= out.t - 1;
    out.coef = use_average ? aw : w;
    out.intercept = use_average ? model.average_intercept : model.intercept;
  } else {
    out.coef = std::move(w);
    out.intercept = model.intercept;
  }
  if (!partial) warn_max_iter(s, out.n_iter);
  return out;
}

Matrix sgd_decision_function(const SGDClassifierFitted& state, const MatrixView& X, std::string_view where) {
  return checked_linear_scores(where, X, state.coef, state.intercept);
}

Matrix sgd_decision_function(const SGDClassifierFitted& state, const CsrMatrix& X) {
  Matrix scores = X * state.coef.transpose();
  scores.rowwise() += state.intercept.transpose();
  return scores;
}

Vector sgd_predict_labels(const SGDClassifierFitted& state, const Matrix& scores) {
  return detail::labels_from_scores(scores, state.classes);
}

Matrix sgd_predict_proba(SGDLoss loss, const Matrix& scores) {
  const Index n = scores.rows();
  Matrix prob(n, scores.cols());
  if (loss == SGDLoss::log_loss) {
    prob = scores.unaryExpr([](double r) {
      if (r >= 0) return 1 / (1 + std::exp(-r));
      const double e = std::exp(r);
      return e / (1 + e);
    });
  } else {
    prob = (scores.array().min(1.0).max(-1.0) + 1.0) / 2.0;
  }
  if (scores.cols() == 1) {
    Matrix two(n, 2);
    two.col(1) = prob.col(0);
    two.col(0) = 1.0 - prob.col(0).array();
    return two;
  }
  for (Index i = 0; i < n; ++i) {
    const double sum = prob.row(i).sum();
    if (sum == 0)
      prob.row(i).setConstant(1.0 / static_cast<double>(prob.cols()));
    else
      prob.row(i) /= sum;
  }
  return prob;
}

void check_sgd_classifier_state(const SGDClassifierFitted& s) {
  const Index K = s.classes.size();
  const Index rows = K == 2 ? 1 : K;
  if (K < 2) throw ValueError(cat("fewer than 2 classes (", K, ")"));
  if (s.coef.rows() != rows || s.coef.cols() != s.n_features_in || s.intercept.size() != rows)
    throw ValueError(cat("coef is ", s.coef.rows(), " x ", s.coef.cols(), " and intercept has ", s.intercept.size(),
                         " entries for ", K, " classes and ", s.n_features_in, " features"));
  for (Index k = 1; k < K; ++k)
    if (!(s.classes(k) > s.classes(k - 1))) throw ValueError("classes are not sorted and distinct");
  if (s.standard_coef.size() != 0 && (s.standard_coef.rows() != rows || s.standard_coef.cols() != s.n_features_in ||
                                      s.average_coef.rows() != rows || s.average_coef.cols() != s.n_features_in ||
                                      s.standard_intercept.size() != rows || s.average_intercept.size() != rows))
    throw ValueError("the averaged state does not match coef");
}

void check_sgd_regressor_state(const SGDRegressorFitted& s) {
  if (s.coef.size() != s.n_features_in)
    throw ValueError(cat("coef has ", s.coef.size(), " entries for ", s.n_features_in, " features"));
  if (s.standard_coef.size() != 0 &&
      (s.standard_coef.size() != s.n_features_in || s.average_coef.size() != s.n_features_in))
    throw ValueError("the averaged state does not match coef");
}

}  // namespace detail

namespace {

detail::SgdSpec classifier_spec(const SGDClassifierParams& p) {
  detail::SgdSpec s;
  s.name = SGDClassifier::class_name;
  s.loss = p.loss;
  s.penalty = p.penalty;
  s.alpha = p.alpha;
  s.l1_ratio = p.l1_ratio;
  s.fit_intercept = p.fit_intercept;
  s.max_iter = p.max_iter;
  s.tol = p.tol;
  s.shuffle = p.shuffle;
  s.epsilon = p.epsilon;
  s.n_jobs = p.n_jobs;
  s.random_state = p.random_state;
  s.learning_rate = p.learning_rate;
  s.eta0 = p.eta0;
  s.power_t = p.power_t;
  s.early_stopping = p.early_stopping;
  s.validation_fraction = p.validation_fraction;
  s.n_iter_no_change = p.n_iter_no_change;
  s.class_weight = p.class_weight;
  s.class_weight_labels = p.class_weight_labels;
  s.class_weight_values = p.class_weight_values;
  s.warm_start = p.warm_start;
  s.average = p.average;
  return s;
}

detail::SgdSpec regressor_spec(const SGDRegressorParams& p) {
  detail::SgdSpec s;
  s.name = SGDRegressor::class_name;
  s.loss = p.loss;
  s.penalty = p.penalty;
  s.alpha = p.alpha;
  s.l1_ratio = p.l1_ratio;
  s.fit_intercept = p.fit_intercept;
  s.max_iter = p.max_iter;
  s.tol = p.tol;
  s.shuffle = p.shuffle;
  s.epsilon = p.epsilon;
  s.random_state = p.random_state;
  s.learning_rate = p.learning_rate;
  s.eta0 = p.eta0;
  s.power_t = p.power_t;
  s.early_stopping = p.early_stopping;
  s.validation_fraction = p.validation_fraction;
  s.n_iter_no_change = p.n_iter_no_change;
  s.warm_start = p.warm_start;
  s.average = p.average;
  return s;
}

}  // namespace

SGDClassifier::Fitted SGDClassifier::learn(const MatrixView& X, const VectorView* y,
                                           const VectorView* sample_weight) const {
  if (!y) throw ValueError("SGDClassifier.fit: y is required");
  return detail::sgd_fit_classifier(classifier_spec(params_), detail::SgdInput{&X}, *y, sample_weight,
                                    fitted_ ? &*fitted_ : nullptr, false, Vector());
}

SGDClassifier& SGDClassifier::partial_fit(const MatrixView& X, const VectorView& y, const VectorView& classes,
                                          const VectorView& sample_weight) {
  const std::string where = "SGDClassifier.partial_fit";
  check_X_y_shape(where, X, y);
  check_sample_weight(where, sample_weight, X.rows());
  fitted_ = detail::sgd_fit_classifier(classifier_spec(params_), detail::SgdInput{&X}, y,
                                       sample_weight.size() ? &sample_weight : nullptr, fitted_ ? &*fitted_ : nullptr,
                                       true, classes);
  return *this;
}

Matrix SGDClassifier::predict_proba(const MatrixView& X) const {
  if (params_.loss != SGDLoss::log_loss && params_.loss != SGDLoss::modified_huber)
    throw ValueError(cat("probability estimates are not available for loss='", enum_name(params_.loss), "'"));
  return detail::sgd_predict_proba(params_.loss, detail::sgd_decision_function(check_input_shape("predict_proba", X), X,
                                                                                "SGDClassifier.predict_proba"));
}

Matrix SGDClassifier::predict_proba(const CsrMatrix& X) const {
  if (params_.loss != SGDLoss::log_loss && params_.loss != SGDLoss::modified_huber)
    throw ValueError(cat("probability estimates are not available for loss='", enum_name(params_.loss), "'"));
  return detail::sgd_predict_proba(params_.loss, detail::sgd_decision_function(check_sparse("predict_proba", X), X));
}

SGDClassifier& SGDClassifier::fit(const CsrMatrix& X, const VectorView& y, const VectorView& sample_weight) {
  check_sparse_X_y("SGDClassifier.fit", X, y, sample_weight);
  fitted_ = detail::sgd_fit_classifier(classifier_spec(params_), detail::SgdInput{nullptr, &X}, y,
                                       sample_weight.size() ? &sample_weight : nullptr, fitted_ ? &*fitted_ : nullptr,
                                       false, Vector());
  return *this;
}

SGDClassifier& SGDClassifier::partial_fit(const CsrMatrix& X, const VectorView& y, const VectorView& classes,
                                          const VectorView& sample_weight) {
  check_sparse_X_y("SGDClassifier.partial_fit", X, y, sample_weight);
  fitted_ = detail::sgd_fit_classifier(classifier_spec(params_), detail::SgdInput{nullptr, &X}, y,
                                       sample_weight.size() ? &sample_weight : nullptr, fitted_ ? &*fitted_ : nullptr,
                                       true, classes);
  return *this;
}

Matrix SGDClassifier::predict_log_proba(const MatrixView& X) const { return predict_proba(X).array().log(); }

SGDRegressor::Fitted SGDRegressor::learn(const MatrixView& X, const VectorView* y,
                                         const VectorView* sample_weight) const {
  if (!y) throw ValueError("SGDRegressor.fit: y is required");
  return detail::sgd_fit_regressor(regressor_spec(params_), detail::SgdInput{&X}, *y, sample_weight,
                                   fitted_ ? &*fitted_ : nullptr, false);
}

SGDRegressor& SGDRegressor::partial_fit(const MatrixView& X, const VectorView& y, const VectorView& sample_weight) {
  const std::string where = "SGDRegressor.partial_fit";
  check_X_y_shape(where, X, y);
  check_sample_weight(where, sample_weight, X.rows());
  fitted_ =
      detail::sgd_fit_regressor(regressor_spec(params_), detail::SgdInput{&X}, y,
                                sample_weight.size() ? &sample_weight : nullptr, fitted_ ? &*fitted_ : nullptr, true);
  return *this;
}

SGDRegressor& SGDRegressor::fit(const CsrMatrix& X, const VectorView& y, const VectorView& sample_weight) {
  check_sparse_X_y("SGDRegressor.fit", X, y, sample_weight);
  fitted_ =
      detail::sgd_fit_regressor(regressor_spec(params_), detail::SgdInput{nullptr, &X}, y,
                                sample_weight.size() ? &sample_weight : nullptr, fitted_ ? &*fitted_ : nullptr, false);
  return *this;
}

SGDRegressor& SGDRegressor::partial_fit(const CsrMatrix& X, const VectorView& y, const VectorView& sample_weight) {
  check_sparse_X_y("SGDRegressor.partial_fit", X, y, sample_weight);
  fitted_ =
      detail::sgd_fit_regressor(regressor_spec(params_), detail::SgdInput{nullptr, &X}, y,
                                sample_weight.size() ? &sample_weight : nullptr, fitted_ ? &*fitted_ : nullptr, true);
  return *this;
}

}  // namespace scilearn::learn
