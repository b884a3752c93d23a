#include <cmath>
#include <limits>
#include <scilearn/learn/preprocessing/min_max_scaler.hpp>

#include "preprocessing_detail.hpp"

namespace scilearn::learn {

namespace {

void check_feature_range(const std::vector<double>& range) {
  if (range.size() != 2)
    throw ValueError(cat("MinMaxScaler: feature_range must hold two values (min, max), got ", range.size()));
  if (!(range[0] < range[1]))
    throw ValueError(cat("MinMaxScaler: minimum of desired feature range must be smaller than maximum, got (", range[0],
                         ", ", range[1], ")"));
}

}  // namespace

MinMaxScaler::Fitted MinMaxScaler::learn(const MatrixView& X, const VectorView*,
                                         const VectorView* sample_weight) const {
  detail::reject_sample_weight(class_name, sample_weight);
  return update(nullptr, X);
}

MinMaxScaler& MinMaxScaler::partial_fit(const MatrixView& X) {
  check_X("MinMaxScaler.partial_fit", X, /*allow_nan=*/true);
  if (fitted_) check_n_features(class_name, X, fitted_->n_features_in);
  fitted_ = update(fitted_ ? &*fitted_ : nullptr, X);
  return *this;
}

MinMaxScaler::Fitted MinMaxScaler::update(const Fitted* previous, const MatrixView& X) const {
  check_feature_range(params_.feature_range);
  const double lo = params_.feature_range[0], hi = params_.feature_range[1];
  const Index p = X.cols(), n = X.rows();
  Fitted out;
  out.n_features_in = p;
  out.data_min.resize(p);
  out.data_max.resize(p);
  const double nan = std::numeric_limits<double>::quiet_NaN();
#pragma omp parallel for schedule(static) if (n * p > 100000)
  for (Index j = 0; j < p; ++j) {
    // nanmin / nanmax: NaN only when the whole column is NaN.
    double low = std::numeric_limits<double>::infinity(), high = -low;
    bool any = false;
    const double* x = X.col(j).data();
    for (Index i = 0; i < n; ++i) {
      const double v = x[i];
      if (std::isnan(v)) continue;
      any = true;
      low = v < low ? v : low;
      high = v > high ? v : high;
    }
    if (!any) low = high = nan;
    if (previous) {
      low = std::fmin(previous->data_min(j), low);
      high = std::fmax(previous->data_max(j), high);
    }
    out.data_min(j) = low;
    out.data_max(j) = high;
  }
  out.n_samples_seen = (previous ? previous->n_samples_seen : 0) + n;
  out.data_range = out.data_max - out.data_min;
  Vector range = out.data_range;
  detail::handle_zeros_in_scale(range);
  out.scale = (hi - lo) / range.array();
  out.min = lo - out.data_min.array() * out.scale.array();
  return out;
}

Matrix MinMaxScaler::transform(const MatrixView& X) const {
  const Fitted& state = check_input("transform", X);
  Matrix Z(X.rows(), X.cols());
  const bool clip = params_.clip;
  const double lo = params_.feature_range[0], hi = params_.feature_range[1];
#pragma omp parallel for schedule(static) if (X.size() > 100000)
  for (Index j = 0; j < X.cols(); ++j) {
    const double scale = state.scale(j), shift = state.min(j);
    // x * scale, then + min: scikit-learn's order of operations.
    Z.col(j) = X.col(j).array() * scale + shift;
    if (clip)  // comparisons written out so that NaN stays NaN, as np.clip
      for (double& v : Z.col(j)) v = v < lo ? lo : (v > hi ? hi : v);
  }
  return Z;
}

Matrix MinMaxScaler::inverse_transform(const MatrixView& X) const {
  const Fitted& state = check_input("inverse_transform", X);
  Matrix out(X.rows(), X.cols());
#pragma omp parallel for schedule(static) if (X.size() > 100000)
  for (Index j = 0; j < X.cols(); ++j) out.col(j) = (X.col(j).array() - state.min(j)) / state.scale(j);
  return out;
}

std::vector<std::string> MinMaxScaler::get_feature_names_out(const std::vector<std::string>& input_features) const {
  return one_to_one_feature_names(class_name, input_features, fitted().n_features_in);
}

}  // namespace scilearn::learn
