#include <cmath>
#include <limits>
#include <scilearn/learn/preprocessing/max_abs_scaler.hpp>

#include "preprocessing_detail.hpp"

namespace scilearn::learn {

MaxAbsScaler::Fitted MaxAbsScaler::learn(const MatrixView& X, const VectorView*,
                                         const VectorView* sample_weight) const {
  detail::reject_sample_weight(class_name, sample_weight);
  return update(nullptr, X);
}

MaxAbsScaler& MaxAbsScaler::partial_fit(const MatrixView& X) {
  check_X("MaxAbsScaler.partial_fit", X, /*allow_nan=*/true);
  if (fitted_) check_n_features(class_name, X, fitted_->n_features_in);
  fitted_ = update(fitted_ ? &*fitted_ : nullptr, X);
  return *this;
}

MaxAbsScaler::Fitted MaxAbsScaler::update(const Fitted* previous, const MatrixView& X) const {
  const Index p = X.cols(), n = X.rows();
  Fitted out;
  out.n_features_in = p;
  out.max_abs.resize(p);
#pragma omp parallel for schedule(static) if (n * p > 100000)
  for (Index j = 0; j < p; ++j) {
    double high = -1;  // stays -1 only when the column is all NaN
    const double* x = X.col(j).data();
    for (Index i = 0; i < n; ++i) {
      const double v = std::abs(x[i]);
      high = v > high ? v : high;  // NaN compares false: skipped
    }
    if (high < 0) high = std::numeric_limits<double>::quiet_NaN();
    if (previous) high = std::fmax(previous->max_abs(j), high);
    out.max_abs(j) = high;
  }
  out.n_samples_seen = (previous ? previous->n_samples_seen : 0) + n;
  out.scale = out.max_abs;
  detail::handle_zeros_in_scale(out.scale);
  return out;
}

Matrix MaxAbsScaler::transform(const MatrixView& X) const {
  const Fitted& state = check_input("transform", X);
  Matrix Z(X.rows(), X.cols());
  const bool clip = params_.clip;
#pragma omp parallel for schedule(static) if (X.size() > 100000)
  for (Index j = 0; j < X.cols(); ++j) {
    Z.col(j) = X.col(j) / state.scale(j);
    if (clip)  // NaN stays NaN, as np.clip
      for (double& v : Z.col(j)) v = v < -1.0 ? -1.0 : (v > 1.0 ? 1.0 : v);
  }
  return Z;
}

Matrix MaxAbsScaler::inverse_transform(const MatrixView& X) const {
  const Fitted& state = check_input("inverse_transform", X);
  Matrix out(X.rows(), X.cols());
#pragma omp parallel for schedule(static) if (X.size() > 100000)
  for (Index j = 0; j < X.cols(); ++j) out.col(j) = X.col(j) * state.scale(j);
  return out;
}

std::vector<std::string> MaxAbsScaler::get_feature_names_out(const std::vector<std::string>& input_features) const {
  return one_to_one_feature_names(class_name, input_features, fitted().n_features_in);
}

}  // namespace scilearn::learn
