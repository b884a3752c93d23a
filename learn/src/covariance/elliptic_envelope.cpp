#include <scilearn/core/format.hpp>
#include <scilearn/learn/covariance/elliptic_envelope.hpp>
#include <scilearn/learn/metrics/classification.hpp>
#include <scilearn/stats/order_statistics.hpp>

#include "min_cov_det.hpp"

namespace scilearn::learn {

EllipticEnvelope::Fitted EllipticEnvelope::learn(const MatrixView& X, const VectorView*, const VectorView*) const {
  // scikit-learn's constraint: Interval(Real, 0, 0.5, closed="right").
  if (!(params_.contamination > 0 && params_.contamination <= 0.5))
    throw ValueError(
        cat("The 'contamination' parameter of EllipticEnvelope must be a float in the range (0.0, 0.5]. Got ",
            params_.contamination, " instead."));
  Fitted s;
  static_cast<MinCovDetFitted&>(s) = detail::min_cov_det(X,
                                                         {.store_precision = params_.store_precision,
                                                          .assume_centered = params_.assume_centered,
                                                          .support_fraction = params_.support_fraction,
                                                          .random_state = params_.random_state},
                                                         class_name);
  s.offset = stats::percentile(Vector(-s.dist), 100.0 * params_.contamination);
  return s;
}

Vector EllipticEnvelope::score_samples(const MatrixView& X) const { return -mahalanobis(X); }

Matrix EllipticEnvelope::decision_function(const MatrixView& X) const {
  return (score_samples(X).array() - offset()).matrix();
}

Vector EllipticEnvelope::predict(const MatrixView& X) const {
  return decision_function(X).col(0).unaryExpr([](double v) { return v >= 0 ? 1.0 : -1.0; });
}

double EllipticEnvelope::score(const MatrixView& X, const VectorView& y, const VectorView& sample_weight) const {
  return accuracy_score(y, predict(X), true, sample_weight);
}

}  // namespace scilearn::learn
