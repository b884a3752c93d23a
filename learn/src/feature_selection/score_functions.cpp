#include <cmath>
#include <limits>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/core/warnings.hpp>
#include <scilearn/learn/feature_selection/score_functions.hpp>
#include <scilearn/stats/distributions.hpp>
#include <string>
#include <vector>

#include "metrics/label_utils.hpp"

namespace scilearn::learn {

namespace {

// Parallel over features only when the work pays for the threads; each
// feature is computed alone, so results do not depend on the thread count.
[[maybe_unused]] constexpr Index kParallelSize = 100000;

// sum((x - mean)^2) and sum((x - mean) w) of one column by two passes after
// a shift by x[0]: a constant column gives exactly 0 (the shifted values are
// all 0), where the one-pass sum x^2 - n mean^2 leaves rounding residue.
// Eigen's reductions keep several partial sums in SIMD registers (about 4x
// the speed of one scalar sum here).
struct Centered {
  double sum_sq;  // sum of squared deviations
  double dot;     // sum of deviations times w
};
Centered centered_moments(const VectorView& x, const Vector& w) {
  const double shift = x(0);
  const double mean = (x.array() - shift).sum() / static_cast<double>(x.size());
  const auto d = (x.array() - shift) - mean;
  return {d.square().sum(), (d * w.array()).sum()};
}

}  // namespace

FeatureScores f_classif(const MatrixView& X, const VectorView& y) {
  check_X_y("f_classif", X, y);
  const Index n = X.rows(), p = X.cols();
  const detail::Labels classes = detail::unique_labels(y);
  const Index k = static_cast<Index>(classes.size());
  const std::vector<Index> code = detail::encode(classes, y);
  std::vector<double> count(static_cast<std::size_t>(k), 0.0);
  std::vector<Index> first(static_cast<std::size_t>(k), -1);  // a sample of each class: its shift
  for (Index i = 0; i < n; ++i) {
    const auto c = static_cast<std::size_t>(code[static_cast<std::size_t>(i)]);
    count[c] += 1;
    if (first[c] < 0) first[c] = i;
  }
  const double dfbn = static_cast<double>(k - 1), dfwn = static_cast<double>(n - k);
  FeatureScores out{Vector(p), Vector()};
  Vector msb(p), msw(p);
#pragma omp parallel if (n * p > kParallelSize)
  {
    std::vector<double> mean(static_cast<std::size_t>(k));
#pragma omp for schedule(static)
    for (Index j = 0; j < p; ++j) {
      const double* x = X.col(j).data();
      // Class means, each summed after a shift by one of its own values (a
      // class whose values are all equal gets exactly that value).
      std::fill(mean.begin(), mean.end(), 0.0);
      for (Index i = 0; i < n; ++i) {
        const auto c = static_cast<std::size_t>(code[static_cast<std::size_t>(i)]);
        mean[c] += x[i] - x[first[c]];
      }
      for (std::size_t c = 0; c < mean.size(); ++c) mean[c] = x[first[c]] + mean[c] / count[c];
      // The grand mean as the weighted class means, shifted by x[0].
      double grand = 0;
      for (std::size_t c = 0; c < mean.size(); ++c) grand += count[c] * (mean[c] - x[0]);
      grand = x[0] + grand / static_cast<double>(n);
      double within = 0, between = 0;
      for (Index i = 0; i < n; ++i) {
        const double d = x[i] - mean[static_cast<std::size_t>(code[static_cast<std::size_t>(i)])];
        within += d * d;
      }
      for (std::size_t c = 0; c < mean.size(); ++c) between += count[c] * (mean[c] - grand) * (mean[c] - grand);
      msb(j) = between / dfbn;
      msw(j) = within / dfwn;
      out.scores(j) = msb(j) / msw(j);
    }
  }
  // scikit-learn's warning: some feature has msw == 0 and some has msb == 0.
  std::string constant;
  bool some_msb_zero = false;
  for (Index j = 0; j < p; ++j) {
    if (msw(j) == 0.0) constant += cat(constant.empty() ? "" : " ", j);
    some_msb_zero = some_msb_zero || msb(j) == 0.0;
  }
  if (some_msb_zero && !constant.empty()) warn(WarningCategory::user, cat("Features [", constant, "] are constant."));
  out.pvalues = stats::FisherF(dfbn, dfwn).sf(out.scores);
  return out;
}

namespace {

// Pearson's r of each column of X with y (r_regression's body, checks done).
Vector correlations(const MatrixView& X, const VectorView& y, bool center, bool force_finite) {
  const Index n = X.rows(), p = X.cols();
  Vector yc = y;
  if (center) {
    const double mean = (y.array() - y(0)).sum() / static_cast<double>(n);
    yc = ((y.array() - y(0)) - mean).matrix();  // exactly 0 for a constant y
  }
  const double y_norm = std::sqrt(yc.squaredNorm());
  Vector r(p);
#pragma omp parallel for schedule(static) if (n * p > kParallelSize)
  for (Index j = 0; j < p; ++j) {
    double dot = 0, norm = 0;
    if (center) {
      const Centered m = centered_moments(X.col(j), yc);
      dot = m.dot;
      norm = std::sqrt(m.sum_sq);
    } else {
      dot = X.col(j).dot(yc);
      norm = std::sqrt(X.col(j).squaredNorm());
    }
    // Two divisions, as scikit-learn: x.y / |x| / |y|.
    r(j) = dot / norm / y_norm;
    if (force_finite && std::isnan(r(j))) r(j) = 0.0;
  }
  return r;
}

}  // namespace

Vector r_regression(const MatrixView& X, const VectorView& y, bool center, bool force_finite) {
  check_X_y("r_regression", X, y);
  return correlations(X, y, center, force_finite);
}

FeatureScores f_regression(const MatrixView& X, const VectorView& y, bool center, bool force_finite) {
  check_X_y("f_regression", X, y);
  const Vector r = correlations(X, y, center, force_finite);
  const double dof = static_cast<double>(y.size() - (center ? 2 : 1));
  FeatureScores out;
  out.scores = (r.array().square() / (1.0 - r.array().square()) * dof).matrix();
  out.pvalues = stats::FisherF(1.0, dof).sf(out.scores);
  if (force_finite) {
    for (Index j = 0; j < out.scores.size(); ++j) {
      if (std::isinf(out.scores(j))) {
        out.scores(j) = std::numeric_limits<double>::max();  // p stays sf(inf) = 0
      } else if (std::isnan(out.scores(j))) {
        out.scores(j) = 0.0;
        out.pvalues(j) = 1.0;
      }
    }
  }
  return out;
}

FeatureScores chi2(const MatrixView& X, const VectorView& y) {
  check_X_y("chi2", X, y);
  detail::check_labels("chi2", "y", y);
  if ((X.array() < 0).any()) throw ValueError("chi2: Input X must be non-negative.");
  const Index n = X.rows(), p = X.cols();
  const detail::Labels classes = detail::unique_labels(y);
  // One class: scikit-learn's label binarization gives a second, empty class.
  const Index k = std::max<Index>(static_cast<Index>(classes.size()), 2);
  const std::vector<Index> code = detail::encode(classes, y);
  Vector class_share = Vector::Zero(k);
  for (const Index c : code) class_share(c) += 1;
  class_share /= static_cast<double>(n);
  // The feature totals per class, k x p: Y^T X with Y the n x k class
  // indicator (BLAS; scikit-learn does the same product with a sparse Y)
  // while Y is small, else one scatter pass per feature.
  Matrix observed = Matrix::Zero(k, p);
  if (n * k <= (Index{1} << 22)) {
    Matrix indicator = Matrix::Zero(n, k);
    for (Index i = 0; i < n; ++i) indicator(i, code[static_cast<std::size_t>(i)]) = 1.0;
    observed.noalias() = indicator.transpose() * X;
  } else {
#pragma omp parallel for schedule(static) if (n * p > kParallelSize)
    for (Index j = 0; j < p; ++j)
      for (Index i = 0; i < n; ++i) observed(code[static_cast<std::size_t>(i)], j) += X(i, j);
  }
  FeatureScores out{Vector(p), Vector()};
  for (Index j = 0; j < p; ++j) {
    const double total = observed.col(j).sum();
    double statistic = 0;
    for (Index c = 0; c < k; ++c) {
      const double expected = class_share(c) * total;
      const double d = observed(c, j) - expected;
      statistic += d * d / expected;  // 0 / 0 = NaN for an all-zero feature, as scikit-learn
    }
    out.scores(j) = statistic;
  }
  out.pvalues = stats::ChiSquared(static_cast<double>(k - 1)).sf(out.scores);
  return out;
}

}  // namespace scilearn::learn
