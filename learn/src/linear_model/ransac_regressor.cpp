#include <algorithm>
#include <cmath>
#include <limits>
#include <scilearn/core/random.hpp>
#include <scilearn/core/warnings.hpp>
#include <scilearn/learn/linear_model/linear_regression.hpp>
#include <scilearn/learn/linear_model/ransac_regressor.hpp>
#include <scilearn/stats/order_statistics.hpp>
#include <vector>

namespace scilearn::learn {

namespace {

constexpr double kEps = std::numeric_limits<double>::epsilon();

// The trials needed to draw, with the given probability, one subset of
// min_samples inliers when a fraction n_inliers / n_samples of the samples
// are inliers (scikit-learn's _dynamic_max_trials).
double dynamic_max_trials(Index n_inliers, Index n_samples, Index min_samples, double probability) {
  const double ratio = static_cast<double>(n_inliers) / static_cast<double>(n_samples);
  const double nom = std::max(kEps, 1 - probability);
  const double denom = std::max(kEps, 1 - std::pow(ratio, static_cast<double>(min_samples)));
  if (nom == 1) return 0;
  if (denom == 1) return std::numeric_limits<double>::infinity();
  return std::abs(std::ceil(std::log(nom) / std::log(denom)));
}

}  // namespace

void RANSACRegressor::check_fitted(const Fitted& s) {
  if (!s.estimator || !s.estimator->is_fitted()) throw ValueError("the final estimator is missing or unfitted");
  if (s.estimator->n_features_in() != s.n_features_in) throw ValueError("estimator and n_features_in disagree");
}

RANSACRegressor::Fitted RANSACRegressor::learn(const MatrixView& X, const VectorView* y,
                                               const VectorView* sample_weight) const {
  constexpr std::string_view where = "RANSACRegressor.fit";
  if (!y) throw ValueError(cat(where, ": y is required"));
  const auto& p = params_;
  const Index n = X.rows();
  if (!(p.max_trials >= 0)) throw ValueError(cat("RANSACRegressor: max_trials must be >= 0, got ", p.max_trials));
  if (!(p.max_skips >= 0)) throw ValueError(cat("RANSACRegressor: max_skips must be >= 0, got ", p.max_skips));
  if (!(p.stop_n_inliers >= 0))
    throw ValueError(cat("RANSACRegressor: stop_n_inliers must be >= 0, got ", p.stop_n_inliers));
  if (!(p.stop_probability >= 0 && p.stop_probability <= 1))
    throw ValueError(cat("RANSACRegressor: stop_probability must be in [0, 1], got ", p.stop_probability));
  if (p.residual_threshold && !(*p.residual_threshold >= 0))
    throw ValueError(cat("RANSACRegressor: residual_threshold must be >= 0, got ", *p.residual_threshold));
  if (std::isnan(p.stop_score)) throw ValueError("RANSACRegressor: stop_score must not be NaN");

  EstimatorPtr estimator = p.estimator ? EstimatorPtr(p.estimator->clone()) : std::make_shared<LinearRegression>();
  // As scikit-learn, a base estimator with a random_state draws from ours
  // (here: gets our seed), so that one seed fixes the whole fit.
  if (p.random_state && estimator->get_params(false).count("random_state"))
    estimator->set_params({{"random_state", Seed{*p.random_state}}});
  Index min_samples = 0;
  if (!p.min_samples) {
    if (estimator->name() != LinearRegression::class_name)
      throw ValueError("`min_samples` needs to be explicitly set when estimator is not a LinearRegression.");
    min_samples = X.cols() + 1;
  } else {
    const double m = *p.min_samples;
    if (m > 0 && m < 1)
      min_samples = static_cast<Index>(std::ceil(m * static_cast<double>(n)));
    else if (m >= 1 && m == std::floor(m) && std::isfinite(m))
      min_samples = static_cast<Index>(m);
    else
      throw ValueError(cat("RANSACRegressor: min_samples must be a whole number >= 1 or in (0, 1), got ", m));
  }
  if (min_samples > n)
    throw ValueError(cat("`min_samples` may not be larger than number of samples: n_samples = ", n, "."));

  double threshold = 0;
  if (p.residual_threshold) {
    threshold = *p.residual_threshold;
  } else {
    // The median absolute deviation of y.
    const double center = stats::median(*y);
    threshold = stats::median((y->array() - center).abs().matrix());
  }

  Generator rng = default_rng(p.random_state);
  const auto residuals = [&](const Vector& y_pred, Vector& out) {
    if (p.loss_function) {
      out = p.loss_function(*y, y_pred);
      // A NaN residual fails `<= threshold`: that sample is an outlier, as in scikit-learn.
      if (out.size() != n) {
        throw ValueError(cat("RANSACRegressor: loss_function must return ", n, " residuals, got ", out.size()));
      }
      return;
    }
    out = *y - y_pred;
    if (p.loss == RansacLoss::absolute_error)
      out = out.cwiseAbs();
    else
      out = out.cwiseAbs2();
  };

  Fitted out;
  out.n_features_in = X.cols();
  Index n_inliers_best = 1;
  double score_best = -std::numeric_limits<double>::infinity();
  std::vector<Index> best;  // the inlier indices of the best consensus set
  bool found = false;
  std::vector<Index> pool(static_cast<std::size_t>(n)), subset(static_cast<std::size_t>(min_samples)), inliers;
  Matrix X_subset(min_samples, X.cols());
  Vector y_subset(min_samples), w_subset, residual;
  double max_trials = p.max_trials;
  const auto skips = [&] { return out.n_skips_no_inliers + out.n_skips_invalid_data + out.n_skips_invalid_model; };
  while (static_cast<double>(out.n_trials) < max_trials) {
    ++out.n_trials;
    if (static_cast<double>(skips()) > p.max_skips) break;
    // min_samples distinct rows, uniformly: a partial Fisher-Yates shuffle.
    for (Index i = 0; i < n; ++i) pool[static_cast<std::size_t>(i)] = i;
    for (Index k = 0; k < min_samples; ++k) {
      const auto j = static_cast<std::size_t>(rng.integers(k, n));
      std::swap(pool[static_cast<std::size_t>(k)], pool[j]);
      subset[static_cast<std::size_t>(k)] = pool[static_cast<std::size_t>(k)];
    }
    X_subset = X(subset, Eigen::all);
    y_subset = (*y)(subset);
    if (p.is_data_valid && !p.is_data_valid(X_subset, y_subset)) {
      ++out.n_skips_invalid_data;
      continue;
    }
    if (sample_weight) {
      w_subset = (*sample_weight)(subset);
      estimator->fit(X_subset, y_subset, w_subset);
    } else {
      estimator->fit(X_subset, y_subset);
    }
    if (p.is_model_valid && !p.is_model_valid(*estimator, X_subset, y_subset)) {
      ++out.n_skips_invalid_model;
      continue;
    }
    residuals(estimator->predict(X), residual);
    inliers.clear();
    for (Index i = 0; i < n; ++i)
      if (residual(i) <= threshold) inliers.push_back(i);
    const auto n_inliers = static_cast<Index>(inliers.size());
    if (n_inliers < n_inliers_best) {
      ++out.n_skips_no_inliers;
      continue;
    }
    const Matrix X_inliers = X(inliers, Eigen::all);
    const Vector y_inliers = (*y)(inliers);
    const double score = estimator->score(X_inliers, y_inliers);
    if (n_inliers == n_inliers_best && score < score_best) continue;
    n_inliers_best = n_inliers;
    score_best = score;
    best = inliers;
    found = true;
    max_trials = std::min(max_trials, dynamic_max_trials(n_inliers_best, n, min_samples, p.stop_probability));
    if (static_cast<double>(n_inliers_best) >= p.stop_n_inliers || score_best >= p.stop_score) break;
  }
  if (!found) {
    if (static_cast<double>(skips()) > p.max_skips)
      throw ValueError(
          "RANSAC skipped more iterations than `max_skips` without finding a valid consensus set. Iterations were "
          "skipped because each randomly chosen sub-sample failed the passing criteria. See estimator attributes for "
          "diagnostics (n_skips*).");
    throw ValueError(
        "RANSAC could not find a valid consensus set. All `max_trials` iterations were skipped because each randomly "
        "chosen sub-sample failed the passing criteria. See estimator attributes for diagnostics (n_skips*).");
  }
  if (static_cast<double>(skips()) > p.max_skips)
    warn(WarningCategory::convergence,
         "RANSAC found a valid consensus set but exited early due to skipping more iterations than `max_skips`. See "
         "estimator attributes for diagnostics (n_skips*).");
  const Matrix X_best = X(best, Eigen::all);
  const Vector y_best = (*y)(best);
  if (sample_weight) {
    const Vector w_best = (*sample_weight)(best);
    estimator->fit(X_best, y_best, w_best);
  } else {
    estimator->fit(X_best, y_best);
  }
  out.estimator = std::move(estimator);
  out.inlier_mask.assign(static_cast<std::size_t>(n), 0);
  for (const Index i : best) out.inlier_mask[static_cast<std::size_t>(i)] = 1;
  return out;
}

Vector RANSACRegressor::predict(const MatrixView& X) const {
  const Fitted& state = check_input("predict", X);
  return state.estimator->predict(X);
}

double RANSACRegressor::score(const MatrixView& X, const VectorView& y, const VectorView& sample_weight) const {
  const Fitted& state = check_input("score", X);
  return state.estimator->score(X, y, sample_weight);
}

std::vector<bool> RANSACRegressor::inlier_mask() const {
  const auto& mask = fitted().inlier_mask;
  return {mask.begin(), mask.end()};
}

}  // namespace scilearn::learn
