#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/learn/feature_selection/variance_threshold.hpp>

#include "feature_selection/selection_detail.hpp"
#include "preprocessing/preprocessing_detail.hpp"

namespace scilearn::learn {

namespace {

// numpy.nanvar of one column (ddof 0): two passes over the non-NaN values
// after a shift by the first of them, so a constant column gives exactly 0.
// NaN when every value is NaN. With `with_range`, the smaller of that and
// max - min (NaN when the column has a NaN, which then leaves the variance):
// scikit-learn's threshold-0 rule through np.nanmin.
double column_variance(const double* x, Index n, bool with_range) {
  Index first = 0;
  while (first < n && std::isnan(x[first])) ++first;
  if (first == n) return std::numeric_limits<double>::quiet_NaN();
  const double shift = x[first];
  double sum = 0, low = shift, high = shift;
  Index count = 0;
  for (Index i = first; i < n; ++i) {
    if (std::isnan(x[i])) continue;
    sum += x[i] - shift;
    low = std::min(low, x[i]);
    high = std::max(high, x[i]);
    ++count;
  }
  const double mean = sum / static_cast<double>(count);
  double ss = 0;
  for (Index i = first; i < n; ++i) {
    if (std::isnan(x[i])) continue;
    const double d = (x[i] - shift) - mean;
    ss += d * d;
  }
  const double variance = ss / static_cast<double>(count);
  if (with_range && first == 0 && count == n) return std::min(variance, high - low);
  return variance;
}

}  // namespace

VarianceThreshold::Fitted VarianceThreshold::learn(const MatrixView& X, const VectorView*,
                                                   const VectorView* sample_weight) const {
  detail::reject_sample_weight(class_name, sample_weight);
  const double threshold = params_.threshold;
  if (!(threshold >= 0) || !std::isfinite(threshold))
    throw ValueError(cat(
        "VarianceThreshold.fit: the 'threshold' parameter must be a float in the range [0.0, inf), got ", threshold));
  Fitted state;
  state.n_features_in = X.cols();
  state.variances.resize(X.cols());
  const bool with_range = threshold == 0;
#pragma omp parallel for schedule(static) if (X.size() > 100000)
  for (Index j = 0; j < X.cols(); ++j) state.variances(j) = column_variance(X.col(j).data(), X.rows(), with_range);
  bool any = false;
  for (const double v : state.variances) any = any || (std::isfinite(v) && v > threshold);
  if (!any) {
    // scikit-learn's "{0:.5f}".format(threshold).
    char text[64];
    std::snprintf(text, sizeof text, "%.5f", threshold);
    throw ValueError(cat("No feature in X meets the variance threshold ", text,
                         X.rows() == 1 ? " (X contains only one sample)" : ""));
  }
  return state;
}

void VarianceThreshold::check_fitted(const Fitted& state) {
  if (state.variances.size() != state.n_features_in)
    throw ValueError(cat(state.variances.size(), " variances for ", state.n_features_in, " features"));
}

std::vector<bool> VarianceThreshold::get_support() const {
  const Vector& v = fitted().variances;
  std::vector<bool> mask(static_cast<std::size_t>(v.size()));
  for (Index j = 0; j < v.size(); ++j) mask[static_cast<std::size_t>(j)] = v(j) > params_.threshold;
  return mask;
}

std::vector<Index> VarianceThreshold::get_support_indices() const { return detail::support_indices(get_support()); }

Matrix VarianceThreshold::transform(const MatrixView& X) const {
  check_input("transform", X);
  return detail::select_columns(X, get_support());
}

Matrix VarianceThreshold::inverse_transform(const MatrixView& X) const {
  return detail::unselect_columns(class_name, X, get_support());
}

std::vector<std::string> VarianceThreshold::get_feature_names_out(
    const std::vector<std::string>& input_features) const {
  return detail::selected_names(class_name, input_features, get_support());
}

}  // namespace scilearn::learn
