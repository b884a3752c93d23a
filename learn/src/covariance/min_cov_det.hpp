#pragma once
// FastMCD, shared by MinCovDet and EllipticEnvelope (which fits a MinCovDet
// and thresholds its distances).

#include <scilearn/learn/covariance/robust_covariance.hpp>
#include <string_view>

namespace scilearn::learn::detail {

/// MinCovDet's fit of X with `params`; `estimator` names the class in the
/// error messages (scikit-learn's parameter checks name the class fitted).
[[nodiscard]] MinCovDetFitted min_cov_det(const MatrixView& X, const MinCovDetParams& params,
                                          std::string_view estimator);

}  // namespace scilearn::learn::detail
