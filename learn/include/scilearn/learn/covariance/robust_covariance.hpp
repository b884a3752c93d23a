#pragma once
/// \file
/// The Minimum Covariance Determinant estimator, as
/// sklearn.covariance.MinCovDet (scikit-learn 1.9): FastMCD (Rousseeuw & Van
/// Driessen 1999) with scikit-learn's schedule of random starts, C-steps,
/// consistency correction and reweighting.

#include <cstdint>
#include <optional>
#include <scilearn/learn/covariance/empirical_covariance.hpp>

namespace scilearn::learn {

/// MinCovDet's hyper-parameters.
struct MinCovDetParams {
  bool store_precision = true;
  bool assume_centered = false;
  /// The fraction of the samples in the raw MCD support, in (0, 1]; default
  /// (None): ceil((n_samples + n_features + 1) / 2) samples.
  std::optional<double> support_fraction{};
  /// The seed of the random starting subsets; none: fresh entropy.
  std::optional<std::uint64_t> random_state{};
};

/// MinCovDet's learned state: the covariance family's (the reweighted
/// location, covariance and precision), plus the raw MCD estimates.
struct MinCovDetFitted : CovarianceFitted {
  Vector raw_location;
  /// The raw MCD covariance, without the consistency factor (as
  /// scikit-learn 1.9 leaves raw_covariance_).
  Matrix raw_covariance;
  /// 1 for the samples of the raw MCD support, 0 elsewhere.
  Vector raw_support;
  /// 1 for the samples kept by the reweighting step, 0 elsewhere.
  Vector support;
  /// The squared Mahalanobis distances of the training samples to the
  /// reweighted estimate.
  Vector dist;
};

/// Robust covariance by the Minimum Covariance Determinant, as
/// sklearn.covariance.MinCovDet.
///
/// The random starting subsets come from our Generator, not NumPy's, so on
/// data where FastMCD's local searches end at different subsets the answer
/// may differ from scikit-learn's for the same seed (as it does there
/// between seeds). Where the MCD subset is clear (outliers well apart), both
/// find the same raw and reweighted supports and so the same estimates;
/// that is what the tests check against scikit-learn.
///
/// Throws ValueError (fit): fewer than 2 samples, support_fraction outside
/// (0, 1], a raw MCD covariance of 0 with a support smaller than the data.
/// Complexity: O(trials (n p^2 + p^3)) per C-step; n > 500 splits the data
/// into subsets of about 300 first, as scikit-learn does.
class MinCovDet final : public CovarianceEstimator<MinCovDet, MinCovDetParams, MinCovDetFitted> {
 public:
  static constexpr std::string_view class_name = "MinCovDet";
  template <class P, class F>
  static void visit_params(P& p, F&& f) {
    f("assume_centered", p.assume_centered);
    f("random_state", p.random_state);
    f("store_precision", p.store_precision);
    f("support_fraction", p.support_fraction);
  }
  template <class S, class F>
  static void visit_fitted(S& s, F&& f) {
    CovarianceEstimator::visit_fitted(s, f);
    f("raw_location", s.raw_location);
    f("raw_covariance", s.raw_covariance);
    f("raw_support", s.raw_support);
    f("support", s.support);
    f("dist", s.dist);
  }
  using CovarianceEstimator::CovarianceEstimator;

  /// scikit-learn's raw_location_, raw_covariance_, raw_support_, support_, dist_.
  [[nodiscard]] const Vector& raw_location() const { return fitted().raw_location; }
  [[nodiscard]] const Matrix& raw_covariance() const { return fitted().raw_covariance; }
  [[nodiscard]] const Vector& raw_support() const { return fitted().raw_support; }
  [[nodiscard]] const Vector& support() const { return fitted().support; }
  [[nodiscard]] const Vector& dist() const { return fitted().dist; }

 private:
  friend EstimatorBase;
  [[nodiscard]] Fitted learn(const MatrixView& X, const VectorView* y, const VectorView* sample_weight) const;
};

}  // namespace scilearn::learn
