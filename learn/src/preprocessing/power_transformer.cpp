#include <algorithm>
#include <cmath>
#include <limits>
#include <scilearn/learn/preprocessing/power_transformer.hpp>
#include <scilearn/learn/preprocessing/standard_scaler.hpp>
#include <scilearn/optimize/minimize_scalar.hpp>

#include "preprocessing_detail.hpp"

namespace scilearn::learn {

namespace {

constexpr double kEps = std::numeric_limits<double>::epsilon();

// scipy.stats' _yeojohnson_transform.
double yeo_johnson(double x, double lambda) {
  if (x >= 0) return std::abs(lambda) < kEps ? std::log1p(x) : std::expm1(lambda * std::log1p(x)) / lambda;
  if (std::abs(lambda - 2) > kEps) return -std::expm1((2 - lambda) * std::log1p(-x)) / (2 - lambda);
  return -std::log1p(-x);
}

// scikit-learn's _yeo_johnson_inverse_transform.
double yeo_johnson_inverse(double x, double lambda) {
  if (x >= 0) return std::abs(lambda) < kEps ? std::expm1(x) : std::pow(x * lambda + 1, 1 / lambda) - 1;
  if (std::abs(lambda - 2) > kEps) return 1 - std::pow(-(2 - lambda) * x + 1, 1 / (2 - lambda));
  return 1 - std::exp(-x);
}

// scipy.special.boxcox and inv_boxcox.
double box_cox(double x, double lambda) {
  return std::abs(lambda) < 1e-19 ? std::log(x) : std::expm1(lambda * std::log(x)) / lambda;
}
double box_cox_inverse(double x, double lambda) {
  return std::abs(lambda) < 1e-19 ? std::exp(x) : std::exp(std::log1p(lambda * x) / lambda);
}

// NumPy's var: the mean, then the mean of squared deviations.
double population_variance(const std::vector<double>& y) {
  double mean = 0;
  for (const double v : y) mean += v;
  mean /= static_cast<double>(y.size());
  double sum = 0;
  for (const double v : y) sum += (v - mean) * (v - mean);
  return sum / static_cast<double>(y.size());
}

// scipy.stats.yeojohnson_llf.
double yeo_johnson_llf(const std::vector<double>& x, double lambda) {
  std::vector<double> y(x.size());
  double log_terms = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    y[i] = yeo_johnson(x[i], lambda);
    log_terms += (x[i] > 0 ? 1.0 : (x[i] < 0 ? -1.0 : 0.0)) * std::log1p(std::abs(x[i]));
  }
  const double sigma = population_variance(y);
  const double log_sigma =
      sigma >= std::numeric_limits<double>::min() ? std::log(sigma) : -std::numeric_limits<double>::infinity();
  return -static_cast<double>(x.size()) / 2 * log_sigma + (lambda - 1) * log_terms;
}

// scipy.stats.boxcox_llf: the variance of x^lambda / lambda computed from
// lambda log x with the largest exponent factored out (SciPy: logsumexp).
double box_cox_llf(const std::vector<double>& log_x, double sum_log_x, double lambda) {
  const auto n = static_cast<double>(log_x.size());
  double log_var;
  if (lambda == 0) {
    log_var = std::log(population_variance(log_x));
  } else {
    double top = -std::numeric_limits<double>::infinity();
    for (const double v : log_x) top = std::max(top, lambda * v);
    std::vector<double> scaled(log_x.size());
    for (std::size_t i = 0; i < log_x.size(); ++i) scaled[i] = std::exp(lambda * log_x[i] - top);
    log_var = std::log(population_variance(scaled)) + 2 * top - 2 * std::log(std::abs(lambda));
  }
  return (lambda - 1) * sum_log_x - n / 2 * log_var;
}

// scipy.stats.yeojohnson_normmax: fminbound on the interval where the
// transform of the largest |x| stays within the float range.
double yeo_johnson_normmax(const std::vector<double>& x) {
  bool all_zero = true, all_negative = true, any_negative = false;
  double max_abs = 0;
  for (const double v : x) {
    all_zero &= v == 0;
    all_negative &= v < 0;
    any_negative |= v < 0;
    max_abs = std::max(max_abs, std::abs(v));
  }
  if (all_zero) return 1.0;
  const double log1p_max_x = std::log1p(20 * max_abs);
  const double log_eps = std::log(kEps);
  const double log_tiny = (std::log(std::numeric_limits<double>::min()) - log_eps) / 2;
  const double log_max = (std::log(std::numeric_limits<double>::max()) + log_eps) / 2;
  double lb = log_tiny / log1p_max_x, ub = log_max / log1p_max_x;
  if (all_negative) {
    const double l = lb;
    lb = 2 - ub;
    ub = 2 - l;
  } else if (any_negative) {
    const double l = lb, u = ub;
    lb = std::max(2 - u, l);
    ub = std::min(2 - l, u);
  }
  const auto negative_llf = [&](double lambda) {
    const double llf = yeo_johnson_llf(x, lambda);
    return std::isinf(llf) ? std::numeric_limits<double>::infinity() : -llf;
  };
  optimize::MinimizeScalarOptions options;
  options.method = optimize::ScalarMinimizeMethod::bounded;
  options.bounds = std::array<double, 2>{lb, ub};
  options.xatol = 1.48e-8;
  return optimize::minimize_scalar(negative_llf, options).x;
}

// scipy.stats.boxcox_normmax(method="mle"): Brent from the bracket (-2, 2).
double box_cox_normmax(const std::vector<double>& x) {
  std::vector<double> log_x(x.size());
  double sum = 0;
  for (std::size_t i = 0; i < x.size(); ++i) sum += log_x[i] = std::log(x[i]);
  optimize::MinimizeScalarOptions options;
  options.method = optimize::ScalarMinimizeMethod::brent;
  options.bracket = {-2.0, 2.0};
  return optimize::minimize_scalar([&](double lambda) { return -box_cox_llf(log_x, sum, lambda); }, options).x;
}

}  // namespace

PowerTransformer::Fitted PowerTransformer::learn(const MatrixView& X, const VectorView*,
                                                 const VectorView* sample_weight) const {
  detail::reject_sample_weight(class_name, sample_weight);
  const bool box = params_.method == PowerMethod::box_cox;
  const Index n = X.rows(), p = X.cols();
  if (box)
    for (Index j = 0; j < p; ++j)
      for (Index i = 0; i < n; ++i)
        if (X(i, j) <= 0)
          throw ValueError(
              "PowerTransformer: the Box-Cox transformation can only be applied to strictly positive data");
  Fitted out;
  out.n_features_in = p;
  out.lambdas.resize(p);
  std::vector<std::string> errors(static_cast<std::size_t>(p));
#pragma omp parallel for schedule(dynamic)
  for (Index j = 0; j < p; ++j) {
    std::vector<double> x;
    x.reserve(static_cast<std::size_t>(n));
    bool has_nan = false;
    for (Index i = 0; i < n; ++i) {
      if (std::isnan(X(i, j)))
        has_nan = true;
      else
        x.push_back(X(i, j));
    }
    if (x.empty()) {
      errors[static_cast<std::size_t>(j)] = cat("PowerTransformer: column ", j, " must not be all nan.");
      continue;
    }
    if (!box && !has_nan) {
      // scikit-learn's _is_constant_feature on the column's mean and variance
      // (NaN in a column makes both NaN there, so the test fails).
      double mean = 0;
      for (const double v : x) mean += v;
      mean /= static_cast<double>(n);
      const double var = population_variance(x);
      const double bound = static_cast<double>(n) * kEps * var + std::pow(static_cast<double>(n) * mean * kEps, 2);
      if (var <= bound) {
        out.lambdas(j) = 1.0;
        continue;
      }
    }
    // The likelihood's sums run over the sorted values, so that lambda does
    // not depend on the order of the samples (a flat maximum turns rounding
    // differences of the sums into differences of lambda near xtol).
    std::sort(x.begin(), x.end());
    out.lambdas(j) = box ? box_cox_normmax(x) : yeo_johnson_normmax(x);
  }
  for (const auto& e : errors)
    if (!e.empty()) throw ValueError(e);
  if (params_.standardize) {
    StandardScaler scaler;
    scaler.fit(power(X, out.lambdas));
    out.mean = scaler.mean();
    out.scale = scaler.scale();
  }
  return out;
}

Matrix PowerTransformer::power(const MatrixView& X, const Vector& lambdas) const {
  const bool box = params_.method == PowerMethod::box_cox;
  Matrix Z(X.rows(), X.cols());
#pragma omp parallel for schedule(static) if (X.size() > 100000)
  for (Index j = 0; j < X.cols(); ++j)
    for (Index i = 0; i < X.rows(); ++i)
      Z(i, j) = box ? box_cox(X(i, j), lambdas(j)) : yeo_johnson(X(i, j), lambdas(j));
  return Z;
}

Matrix PowerTransformer::transform(const MatrixView& X) const {
  const Fitted& s = check_input("transform", X);
  Matrix Z = power(X, s.lambdas);
  if (params_.standardize)
    for (Index j = 0; j < Z.cols(); ++j) Z.col(j) = (Z.col(j).array() - s.mean(j)) / s.scale(j);
  return Z;
}

Matrix PowerTransformer::inverse_transform(const MatrixView& X) const {
  const Fitted& s = check_input("inverse_transform", X);
  const bool box = params_.method == PowerMethod::box_cox;
  Matrix Z(X.rows(), X.cols());
  for (Index j = 0; j < X.cols(); ++j)
    for (Index i = 0; i < X.rows(); ++i) {
      const double v = params_.standardize ? X(i, j) * s.scale(j) + s.mean(j) : X(i, j);
      Z(i, j) = box ? box_cox_inverse(v, s.lambdas(j)) : yeo_johnson_inverse(v, s.lambdas(j));
    }
  return Z;
}

std::vector<std::string> PowerTransformer::get_feature_names_out(const std::vector<std::string>& input_features) const {
  return one_to_one_feature_names(class_name, input_features, fitted().n_features_in);
}

}  // namespace scilearn::learn
