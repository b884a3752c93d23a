#include <boost/math/distributions/normal.hpp>
#include <scilearn/learn/preprocessing/robust_scaler.hpp>

#include "preprocessing_detail.hpp"

namespace scilearn::learn {

RobustScaler::Fitted RobustScaler::learn(const MatrixView& X, const VectorView*,
                                         const VectorView* sample_weight) const {
  detail::reject_sample_weight(class_name, sample_weight);
  const auto& range = params_.quantile_range;
  if (range.size() != 2 || !(0 <= range[0] && range[0] <= range[1] && range[1] <= 100))
    throw ValueError(
        cat("RobustScaler: invalid quantile range: quantile_range must be (q_min, q_max) with 0 <= "
            "q_min <= q_max <= 100, got ",
            range.size(), " values", range.size() == 2 ? cat(" (", range[0], ", ", range[1], ")") : ""));
  const Index p = X.cols(), n = X.rows();
  Fitted out;
  out.n_features_in = p;
  const bool center = params_.with_centering, scale = params_.with_scaling;
  if (center) out.center.resize(p);
  if (scale) out.scale.resize(p);
  // np.percentile divides by 100 before interpolating.
  const double q_lo = range[0] / 100.0, q_hi = range[1] / 100.0;
  if (center || scale) {
#pragma omp parallel for schedule(dynamic) if (n * p > 100000)
    for (Index j = 0; j < p; ++j) {
      const std::vector<double> sorted = detail::sorted_without_nan(X.col(j).data(), n);
      const Index m = static_cast<Index>(sorted.size());
      if (center) out.center(j) = detail::median_sorted(sorted);
      if (scale)
        out.scale(j) =
            detail::quantile_sorted(sorted.data(), m, q_hi) - detail::quantile_sorted(sorted.data(), m, q_lo);
    }
  }
  if (scale) {
    detail::handle_zeros_in_scale(out.scale);
    if (params_.unit_variance) {
      // norm.ppf, with its infinite ends (Boost throws there).
      const auto ppf = [](double q) {
        if (q <= 0) return -std::numeric_limits<double>::infinity();
        if (q >= 1) return std::numeric_limits<double>::infinity();
        return boost::math::quantile(boost::math::normal(), q);
      };
      const double adjust = ppf(q_hi) - ppf(q_lo);
      out.scale /= adjust;
    }
  }
  return out;
}

Matrix RobustScaler::transform(const MatrixView& X) const {
  const Fitted& state = check_input("transform", X);
  Matrix Z(X.rows(), X.cols());
  const bool center = params_.with_centering, scale = params_.with_scaling;
#pragma omp parallel for schedule(static) if (X.size() > 100000)
  for (Index j = 0; j < X.cols(); ++j)
    Z.col(j) = (X.col(j).array() - (center ? state.center(j) : 0.0)) / (scale ? state.scale(j) : 1.0);
  return Z;
}

Matrix RobustScaler::inverse_transform(const MatrixView& X) const {
  const Fitted& state = check_input("inverse_transform", X);
  Matrix out(X.rows(), X.cols());
  const bool center = params_.with_centering, scale = params_.with_scaling;
#pragma omp parallel for schedule(static) if (X.size() > 100000)
  for (Index j = 0; j < X.cols(); ++j)
    out.col(j) = X.col(j).array() * (scale ? state.scale(j) : 1.0) + (center ? state.center(j) : 0.0);
  return out;
}

std::vector<std::string> RobustScaler::get_feature_names_out(const std::vector<std::string>& input_features) const {
  return one_to_one_feature_names(class_name, input_features, fitted().n_features_in);
}

}  // namespace scilearn::learn
