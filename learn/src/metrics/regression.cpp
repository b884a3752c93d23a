#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/core/validation.hpp>
#include <scilearn/core/warnings.hpp>
#include <scilearn/learn/metrics/regression.hpp>
#include <string>
#include <vector>

#include "metrics/weighted_percentile.hpp"

namespace scilearn::learn {

namespace {

// scikit-learn's _check_reg_targets: same samples, same outputs, finite
// values, valid weights.
void check_targets(std::string_view where, const MatrixView& y_true, const MatrixView& y_pred,
                   const VectorView& sample_weight) {
  check_non_empty(where, "y_true", y_true);
  check_same_length(where, "y_true", y_true.rows(), "y_pred", y_pred.rows());
  if (y_true.cols() != y_pred.cols())
    throw ValueError(cat(where, ": y_true and y_pred have different numbers of outputs (", y_true.cols(),
                         " != ", y_pred.cols(), ")"));
  check_finite(where, "y_true", y_true);
  check_finite(where, "y_pred", y_pred);
  check_sample_weight(where, sample_weight, y_true.rows());
}

// The weighted mean of every column of `values` (np.average over axis 0).
template <class Derived>
Vector column_averages(const Eigen::MatrixBase<Derived>& values, const VectorView& sample_weight) {
  if (sample_weight.size() == 0) return values.colwise().mean().transpose();
  return (values.transpose() * sample_weight) / sample_weight.sum();
}

// The combined score of the outputs' `scores`: all of them, their mean, or
// their mean weighted by `variances` (uniform when every variance is zero).
Vector combine(std::string_view where, const Vector& scores, Multioutput multioutput,
               const Vector* variances = nullptr) {
  switch (multioutput) {
    case Multioutput::raw_values: return scores;
    case Multioutput::uniform_average: return Vector::Constant(1, scores.mean());
    case Multioutput::variance_weighted:
      if (variances == nullptr)
        throw ValueError(cat(where,
                             ": multioutput variance_weighted is only defined for r2_score and "
                             "explained_variance_score; use uniform_average or raw_values"));
      if ((variances->array() != 0).any()) return Vector::Constant(1, scores.dot(*variances) / variances->sum());
      return Vector::Constant(1, scores.mean());
  }
  return scores;
}

// scikit-learn's _assemble_fraction_of_explained_deviance: 1 - num / den per
// output; with force_finite, 1.0 for a zero numerator and 0.0 for a non-zero
// numerator over a zero denominator instead of NaN / -Inf.
Vector explained_fraction(std::string_view where, const Vector& numerator, const Vector& denominator,
                          Multioutput multioutput, bool force_finite) {
  Vector scores(numerator.size());
  for (Index k = 0; k < numerator.size(); ++k) {
    if (!force_finite) {
      scores(k) = 1 - numerator(k) / denominator(k);
    } else if (numerator(k) == 0) {
      scores(k) = 1.0;
    } else {
      scores(k) = denominator(k) != 0 ? 1 - numerator(k) / denominator(k) : 0.0;
    }
  }
  return combine(where, scores, multioutput, &denominator);
}

Vector squared_errors(std::string_view where, const MatrixView& y_true, const MatrixView& y_pred,
                      const VectorView& sample_weight) {
  check_targets(where, y_true, y_pred, sample_weight);
  return column_averages((y_true - y_pred).array().square().matrix(), sample_weight);
}

Vector log_targets_errors(std::string_view where, const MatrixView& y_true, const MatrixView& y_pred,
                          const VectorView& sample_weight) {
  check_targets(where, y_true, y_pred, sample_weight);
  if ((y_true.array() <= -1).any() || (y_pred.array() <= -1).any())
    throw ValueError(cat(where,
                         ": mean squared logarithmic error cannot be used when targets contain values "
                         "less than or equal to -1 (smallest y_true ",
                         y_true.minCoeff(), ", smallest y_pred ", y_pred.minCoeff(), ")"));
  return column_averages((y_true.array().log1p() - y_pred.array().log1p()).square().matrix(), sample_weight);
}

Vector median_errors(std::string_view where, const MatrixView& y_true, const MatrixView& y_pred,
                     const VectorView& sample_weight) {
  check_targets(where, y_true, y_pred, sample_weight);
  const Index n = y_true.rows();
  Vector out(y_true.cols());
  std::vector<double> errors(static_cast<std::size_t>(n));
  for (Index k = 0; k < y_true.cols(); ++k) {
    for (Index i = 0; i < n; ++i) errors[static_cast<std::size_t>(i)] = std::abs(y_pred(i, k) - y_true(i, k));
    if (sample_weight.size() == 0) {
      // np.median: the middle value, or the mean of the two middle values.
      const auto middle = errors.begin() + n / 2;
      std::nth_element(errors.begin(), middle, errors.end());
      double value = *middle;
      if (n % 2 == 0) value = (value + *std::max_element(errors.begin(), middle)) / 2;
      out(k) = value;
    } else {
      out(k) = detail::weighted_percentile(errors, sample_weight, 50.0);
    }
  }
  return out;
}

// D^2 of the pinball loss at alpha = 1/2 (d2_pinball_score with alpha 0.5).
Vector d2_absolute(std::string_view where, const MatrixView& y_true, const MatrixView& y_pred,
                   const VectorView& sample_weight, Multioutput multioutput, bool* undefined) {
  check_targets(where, y_true, y_pred, sample_weight);
  if (multioutput == Multioutput::variance_weighted) combine(where, Vector(), multioutput);
  const Index n = y_true.rows();
  if (n < 2) {
    *undefined = true;
    return Vector::Constant(multioutput == Multioutput::raw_values ? y_true.cols() : 1,
                            std::numeric_limits<double>::quiet_NaN());
  }
  const Vector weights = sample_weight_or_ones(sample_weight, n);
  const Vector numerator = column_averages((y_true - y_pred).array().abs().matrix(), sample_weight) / 2;
  Vector denominator(y_true.cols());
  std::vector<double> values(static_cast<std::size_t>(n));
  for (Index k = 0; k < y_true.cols(); ++k) {
    for (Index i = 0; i < n; ++i) values[static_cast<std::size_t>(i)] = y_true(i, k);
    const double median = detail::weighted_percentile(values, weights, 50.0);
    denominator(k) = (y_true.col(k).array() - median).abs().matrix().dot(weights) / weights.sum() / 2;
  }
  return explained_fraction(where, numerator, denominator, multioutput, true);
}

double only(const Vector& v) { return v(0); }

void warn_undefined(std::string_view where, const char* score) {
  warn(WarningCategory::runtime,
       cat(where, ": ", score, " is not well-defined with less than two samples; returning NaN"));
}

}  // namespace

Vector mean_squared_error(const MatrixView& y_true, const MatrixView& y_pred, Multioutput multioutput,
                          const VectorView& sample_weight) {
  constexpr std::string_view where = "mean_squared_error";
  return combine(where, squared_errors(where, y_true, y_pred, sample_weight), multioutput);
}
double mean_squared_error(const VectorView& y_true, const VectorView& y_pred, const VectorView& sample_weight) {
  return only(mean_squared_error(y_true, y_pred, Multioutput::raw_values, sample_weight));
}

Vector root_mean_squared_error(const MatrixView& y_true, const MatrixView& y_pred, Multioutput multioutput,
                               const VectorView& sample_weight) {
  constexpr std::string_view where = "root_mean_squared_error";
  return combine(where, squared_errors(where, y_true, y_pred, sample_weight).cwiseSqrt(), multioutput);
}
double root_mean_squared_error(const VectorView& y_true, const VectorView& y_pred, const VectorView& sample_weight) {
  return only(root_mean_squared_error(y_true, y_pred, Multioutput::raw_values, sample_weight));
}

Vector mean_absolute_error(const MatrixView& y_true, const MatrixView& y_pred, Multioutput multioutput,
                           const VectorView& sample_weight) {
  constexpr std::string_view where = "mean_absolute_error";
  check_targets(where, y_true, y_pred, sample_weight);
  return combine(where, column_averages((y_pred - y_true).array().abs().matrix(), sample_weight), multioutput);
}
double mean_absolute_error(const VectorView& y_true, const VectorView& y_pred, const VectorView& sample_weight) {
  return only(mean_absolute_error(y_true, y_pred, Multioutput::raw_values, sample_weight));
}

Vector median_absolute_error(const MatrixView& y_true, const MatrixView& y_pred, Multioutput multioutput,
                             const VectorView& sample_weight) {
  constexpr std::string_view where = "median_absolute_error";
  return combine(where, median_errors(where, y_true, y_pred, sample_weight), multioutput);
}
double median_absolute_error(const VectorView& y_true, const VectorView& y_pred, const VectorView& sample_weight) {
  return only(median_absolute_error(y_true, y_pred, Multioutput::raw_values, sample_weight));
}

Vector r2_score(const MatrixView& y_true, const MatrixView& y_pred, Multioutput multioutput,
                const VectorView& sample_weight, bool force_finite) {
  constexpr std::string_view where = "r2_score";
  check_targets(where, y_true, y_pred, sample_weight);
  if (y_true.rows() < 2) {
    warn_undefined(where, "R^2 score");
    return Vector::Constant(multioutput == Multioutput::raw_values ? y_true.cols() : 1,
                            std::numeric_limits<double>::quiet_NaN());
  }
  // Sums, not averages, as scikit-learn: the ratio is the same, the rounding
  // of a constant y_true's denominator (exactly zero or not) is too.
  const Index n = y_true.rows();
  const Vector weights = sample_weight_or_ones(sample_weight, n);
  const Vector mean = column_averages(y_true, sample_weight);
  const Vector numerator = (y_true - y_pred).array().square().matrix().transpose() * weights;
  const Vector denominator = (y_true.rowwise() - mean.transpose()).array().square().matrix().transpose() * weights;
  return explained_fraction(where, numerator, denominator, multioutput, force_finite);
}
double r2_score(const VectorView& y_true, const VectorView& y_pred, const VectorView& sample_weight,
                bool force_finite) {
  return only(r2_score(y_true, y_pred, Multioutput::raw_values, sample_weight, force_finite));
}

Vector explained_variance_score(const MatrixView& y_true, const MatrixView& y_pred, Multioutput multioutput,
                                const VectorView& sample_weight, bool force_finite) {
  constexpr std::string_view where = "explained_variance_score";
  check_targets(where, y_true, y_pred, sample_weight);
  const Matrix diff = y_true - y_pred;
  const Vector diff_mean = column_averages(diff, sample_weight);
  const Vector numerator =
      column_averages((diff.rowwise() - diff_mean.transpose()).array().square().matrix(), sample_weight);
  const Vector mean = column_averages(y_true, sample_weight);
  const Vector denominator =
      column_averages((y_true.rowwise() - mean.transpose()).array().square().matrix(), sample_weight);
  return explained_fraction(where, numerator, denominator, multioutput, force_finite);
}
double explained_variance_score(const VectorView& y_true, const VectorView& y_pred, const VectorView& sample_weight,
                                bool force_finite) {
  return only(explained_variance_score(y_true, y_pred, Multioutput::raw_values, sample_weight, force_finite));
}

double max_error(const VectorView& y_true, const VectorView& y_pred) {
  check_targets("max_error", y_true, y_pred, Vector());
  return (y_true - y_pred).cwiseAbs().maxCoeff();
}

Vector mean_absolute_percentage_error(const MatrixView& y_true, const MatrixView& y_pred, Multioutput multioutput,
                                      const VectorView& sample_weight) {
  constexpr std::string_view where = "mean_absolute_percentage_error";
  check_targets(where, y_true, y_pred, sample_weight);
  constexpr double eps = std::numeric_limits<double>::epsilon();
  const Matrix ratio = ((y_pred - y_true).array().abs() / y_true.array().abs().max(eps)).matrix();
  return combine(where, column_averages(ratio, sample_weight), multioutput);
}
double mean_absolute_percentage_error(const VectorView& y_true, const VectorView& y_pred,
                                      const VectorView& sample_weight) {
  return only(mean_absolute_percentage_error(y_true, y_pred, Multioutput::raw_values, sample_weight));
}

Vector mean_squared_log_error(const MatrixView& y_true, const MatrixView& y_pred, Multioutput multioutput,
                              const VectorView& sample_weight) {
  constexpr std::string_view where = "mean_squared_log_error";
  return combine(where, log_targets_errors(where, y_true, y_pred, sample_weight), multioutput);
}
double mean_squared_log_error(const VectorView& y_true, const VectorView& y_pred, const VectorView& sample_weight) {
  return only(mean_squared_log_error(y_true, y_pred, Multioutput::raw_values, sample_weight));
}

double mean_tweedie_deviance(const VectorView& y_true, const VectorView& y_pred, const VectorView& sample_weight,
                             double power) {
  constexpr std::string_view where = "mean_tweedie_deviance";
  check_targets(where, y_true, y_pred, sample_weight);
  const double p = power;
  if (!std::isfinite(p) || (p > 0 && p < 1)) throw ValueError(cat(where, ": power must be <= 0 or >= 1, got ", p));
  const std::string domain = cat(where, ": the deviance with power=", p, " can only be used on ");
  const bool y_pred_positive = (y_pred.array() > 0).all();
  if (p < 0 && !y_pred_positive) throw ValueError(cat(domain, "strictly positive y_pred"));
  if (p >= 1 && p < 2 && (!y_pred_positive || (y_true.array() < 0).any()))
    throw ValueError(cat(domain, "non-negative y and strictly positive y_pred"));
  if (p >= 2 && (!y_pred_positive || (y_true.array() <= 0).any()))
    throw ValueError(cat(domain, "strictly positive y and y_pred"));
  const auto y = y_true.array();
  const auto mu = y_pred.array();
  Vector deviance(y_true.size());
  if (p == 0) {
    deviance = (y - mu).square().matrix();
  } else if (p == 1) {
    for (Index i = 0; i < y.size(); ++i)  // xlogy: 0 log 0 = 0
      deviance(i) = 2 * ((y(i) == 0 ? 0.0 : y(i) * std::log(y(i) / mu(i))) - y(i) + mu(i));
  } else if (p == 2) {
    deviance = (2 * ((mu / y).log() + y / mu - 1)).matrix();
  } else {
    // The general unit deviance; for p < 0 only positive y enter y^(2-p).
    const Eigen::ArrayXd y_pos = p < 0 ? Eigen::ArrayXd(y.max(0.0)) : Eigen::ArrayXd(y);
    deviance =
        (2 * (y_pos.pow(2 - p) / ((1 - p) * (2 - p)) - y * mu.pow(1 - p) / (1 - p) + mu.pow(2 - p) / (2 - p))).matrix();
  }
  return column_averages(deviance, sample_weight)(0);
}

double mean_poisson_deviance(const VectorView& y_true, const VectorView& y_pred, const VectorView& sample_weight) {
  return mean_tweedie_deviance(y_true, y_pred, sample_weight, 1.0);
}

double mean_gamma_deviance(const VectorView& y_true, const VectorView& y_pred, const VectorView& sample_weight) {
  return mean_tweedie_deviance(y_true, y_pred, sample_weight, 2.0);
}

double d2_tweedie_score(const VectorView& y_true, const VectorView& y_pred, const VectorView& sample_weight,
                        double power) {
  constexpr std::string_view where = "d2_tweedie_score";
  check_targets(where, y_true, y_pred, sample_weight);
  if (y_true.size() < 2) {
    warn_undefined(where, "D^2 score");
    return std::numeric_limits<double>::quiet_NaN();
  }
  const double numerator = mean_tweedie_deviance(y_true, y_pred, sample_weight, power);
  const double mean = sample_weight.size() ? sample_weight.dot(y_true) / sample_weight.sum() : y_true.mean();
  const double denominator = mean_tweedie_deviance(y_true, Vector::Constant(y_true.size(), mean), sample_weight, power);
  return 1 - numerator / denominator;
}

Vector d2_absolute_error_score(const MatrixView& y_true, const MatrixView& y_pred, Multioutput multioutput,
                               const VectorView& sample_weight) {
  constexpr std::string_view where = "d2_absolute_error_score";
  bool undefined = false;
  Vector out = d2_absolute(where, y_true, y_pred, sample_weight, multioutput, &undefined);
  if (undefined) warn_undefined(where, "D^2 score");
  return out;
}
double d2_absolute_error_score(const VectorView& y_true, const VectorView& y_pred, const VectorView& sample_weight) {
  return only(d2_absolute_error_score(y_true, y_pred, Multioutput::raw_values, sample_weight));
}

}  // namespace scilearn::learn
