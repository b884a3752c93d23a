#pragma once
/// \file
/// Outlier detection in Gaussian-like data, as
/// sklearn.covariance.EllipticEnvelope (scikit-learn 1.9): a robust
/// (Minimum Covariance Determinant) location and covariance, and a threshold
/// on the Mahalanobis distance that leaves the fraction `contamination` of
/// the training samples outside.

#include <cstdint>
#include <optional>
#include <scilearn/learn/covariance/robust_covariance.hpp>

namespace scilearn::learn {

/// EllipticEnvelope's hyper-parameters: MinCovDetParams' (in scikit-learn's
/// order, so that designated initializers read as its keywords), and
/// contamination.
struct EllipticEnvelopeParams {
  bool store_precision = true;
  bool assume_centered = false;
  std::optional<double> support_fraction{};
  /// The expected fraction of outliers in the training data, in (0, 0.5]:
  /// the threshold of decision_function leaves this fraction outside.
  double contamination = 0.1;
  std::optional<std::uint64_t> random_state{};
};

/// EllipticEnvelope's learned state: MinCovDet's, and the threshold.
struct EllipticEnvelopeFitted : MinCovDetFitted {
  /// scikit-learn's offset_: the `contamination` percentile (NumPy's linear
  /// rule) of the negated training distances, -dist().
  double offset = 0;
};

/// An outlier detector for data whose inliers are (roughly) Gaussian, as
/// sklearn.covariance.EllipticEnvelope: fit() is MinCovDet's; then
///
/// - score_samples(X) = -mahalanobis(X) (the squared robust distance),
/// - decision_function(X) = score_samples(X) - offset() (negative: outlier),
/// - predict(X) = +1 for an inlier (decision >= 0), -1 for an outlier,
/// - score(X, y) = the accuracy of predict(X) against labels y in {-1, +1}.
///
/// \code
///   EllipticEnvelope detector({.contamination = 0.05, .random_state = 0});
///   Vector labels = detector.fit_predict(X);   // +1 inlier, -1 outlier
///   Vector margin = detector.decision_function(X_new).col(0);
/// \endcode
///
/// The random starts of FastMCD come from our Generator (see MinCovDet): on
/// data whose MCD subset is clear, the answer is scikit-learn's.
///
/// Throws ValueError (fit): contamination outside (0, 0.5], and MinCovDet's
/// errors (fewer than 2 samples, support_fraction outside (0, 1], a raw MCD
/// covariance of 0); NotFittedError before fit; ValueError for X of another
/// feature count or not finite.
/// Complexity: fit as MinCovDet plus O(n log n) for the percentile;
/// predict / decision_function / score_samples O(n p^2).
class EllipticEnvelope final
    : public CovarianceEstimator<EllipticEnvelope, EllipticEnvelopeParams, EllipticEnvelopeFitted> {
 public:
  static constexpr std::string_view class_name = "EllipticEnvelope";
  template <class P, class F>
  static void visit_params(P& p, F&& f) {
    f("assume_centered", p.assume_centered);
    f("contamination", p.contamination);
    f("random_state", p.random_state);
    f("store_precision", p.store_precision);
    f("support_fraction", p.support_fraction);
  }
  template <class S, class F>
  static void visit_fitted(S& s, F&& f) {
    MinCovDet::visit_fitted(s, f);
    f("offset", s.offset);
  }
  using CovarianceEstimator::CovarianceEstimator;

  [[nodiscard]] bool has(Method method) const override {
    return method == Method::predict || method == Method::decision_function || method == Method::score;
  }

  /// The same attributes as MinCovDet's, and scikit-learn's offset_.
  [[nodiscard]] const Vector& raw_location() const { return fitted().raw_location; }
  [[nodiscard]] const Matrix& raw_covariance() const { return fitted().raw_covariance; }
  [[nodiscard]] const Vector& raw_support() const { return fitted().raw_support; }
  [[nodiscard]] const Vector& support() const { return fitted().support; }
  [[nodiscard]] const Vector& dist() const { return fitted().dist; }
  [[nodiscard]] double offset() const { return fitted().offset; }

  /// The negated squared Mahalanobis distances of the rows of X to the robust
  /// location: the higher, the more normal.
  [[nodiscard]] Vector score_samples(const MatrixView& X) const;
  /// score_samples(X) - offset(), as an n_samples x 1 matrix (the shape of
  /// every decision_function here): negative for outliers.
  [[nodiscard]] Matrix decision_function(const MatrixView& X) const override;
  /// +1 (inlier) where decision_function(X) >= 0, -1 (outlier) elsewhere.
  [[nodiscard]] Vector predict(const MatrixView& X) const override;
  /// fit(X) then predict(X) (scikit-learn's OutlierMixin.fit_predict).
  Vector fit_predict(const MatrixView& X) {
    fit(X);
    return predict(X);
  }
  /// The mean accuracy of predict(X) against labels y (+1 inlier, -1
  /// outlier), weighted by sample_weight, as scikit-learn's score(X, y);
  /// this replaces the covariance estimators' log-likelihood score.
  [[nodiscard]] double score(const MatrixView& X, const VectorView& y,
                             const VectorView& sample_weight = Vector()) const override;

 private:
  friend EstimatorBase;
  [[nodiscard]] Fitted learn(const MatrixView& X, const VectorView* y, const VectorView* sample_weight) const;
};

}  // namespace scilearn::learn
