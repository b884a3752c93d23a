#pragma once
/// \file
/// Covariance estimation, as sklearn.covariance (1.9): the functions
/// empirical_covariance, log_likelihood, shrunk_covariance,
/// ledoit_wolf_shrinkage, ledoit_wolf and oas, and the estimators
/// EmpiricalCovariance, ShrunkCovariance, LedoitWolf and OAS.
///
/// The estimators are of kind EstimatorKind::other: fit(X) learns from X
/// alone (a y given to fit is checked for its length and ignored, as
/// scikit-learn's y=None); score(X) is the Gaussian log-likelihood of X under
/// the fitted model, mahalanobis(X) the squared Mahalanobis distances.

#include <scilearn/learn/base/estimator_base.hpp>
#include <string_view>

namespace scilearn::learn {

/// The maximum likelihood covariance of the rows of X (n_samples x
/// n_features), as sklearn.covariance.empirical_covariance: (X - mean)^T (X -
/// mean) / n_samples, or X^T X / n_samples when `assume_centered`.
/// Throws ValueError for empty or non-finite X. Complexity O(n p^2) (one GEMM).
[[nodiscard]] Matrix empirical_covariance(const MatrixView& X, bool assume_centered = false);

/// The Gaussian log-likelihood of data with empirical covariance `emp_cov`
/// under a model with precision matrix `precision`, as
/// sklearn.covariance.log_likelihood: (-sum(emp_cov .* precision) +
/// logdet(precision) - p log(2 pi)) / 2, with logdet = -inf when the
/// determinant is not positive (scikit-learn's fast_logdet).
/// Throws ValueError unless both are square of one size.
[[nodiscard]] double log_likelihood(const MatrixView& emp_cov, const MatrixView& precision);

/// (1 - shrinkage) emp_cov + shrinkage mu I with mu = trace(emp_cov) / p, as
/// sklearn.covariance.shrunk_covariance. Throws ValueError unless emp_cov is
/// square and 0 <= shrinkage <= 1.
[[nodiscard]] Matrix shrunk_covariance(const MatrixView& emp_cov, double shrinkage = 0.1);

/// The Ledoit-Wolf (2004) shrinkage coefficient of X, as
/// sklearn.covariance.ledoit_wolf_shrinkage. `block_size` (>= 1) only
/// splits scikit-learn's memory use; the value does not depend on it beyond
/// rounding, and it is validated only. 0 for one feature.
/// Throws ValueError for empty / non-finite X or block_size < 1.
/// Complexity O(n p^2).
[[nodiscard]] double ledoit_wolf_shrinkage(const MatrixView& X, bool assume_centered = false, Index block_size = 1000);

/// A shrunk covariance and its shrinkage coefficient (scikit-learn's tuple).
struct ShrunkCovarianceResult {
  Matrix covariance;
  double shrinkage = 0;
};

/// The Ledoit-Wolf shrunk covariance, as sklearn.covariance.ledoit_wolf.
[[nodiscard]] ShrunkCovarianceResult ledoit_wolf(const MatrixView& X, bool assume_centered = false,
                                                 Index block_size = 1000);

/// The Oracle Approximating Shrinkage covariance (Chen et al. 2010, in
/// scikit-learn's formulation), as sklearn.covariance.oas.
[[nodiscard]] ShrunkCovarianceResult oas(const MatrixView& X, bool assume_centered = false);

/// Which norm EmpiricalCovariance::error_norm measures.
enum class CovarianceErrorNorm { frobenius, spectral };
constexpr auto param_names(CovarianceErrorNorm) {
  return std::array{std::pair{CovarianceErrorNorm::frobenius, "frobenius"},
                    std::pair{CovarianceErrorNorm::spectral, "spectral"}};
}

/// What every covariance estimator learns.
struct CovarianceFitted {
  Index n_features_in = 0;
  /// The estimated location (zeros when assume_centered).
  Vector location;
  /// The estimated covariance matrix.
  Matrix covariance;
  /// Its pseudo-inverse (scipy.linalg.pinvh), empty when store_precision is false.
  Matrix precision;
  /// The shrinkage coefficient (LedoitWolf, OAS; 0 for the others).
  double shrinkage = 0;
};

namespace detail {
/// scipy.linalg.pinvh with its default cut-off (eigenvalues above
/// max(p) eps |w|_max count).
[[nodiscard]] Matrix pinvh(const Matrix& a);
/// scikit-learn's fast_logdet: log det(a) when the determinant is
/// positive, -inf otherwise (an LU factorization).
[[nodiscard]] double fast_logdet(const MatrixView& a);
/// The state of a covariance estimator from its location and covariance.
[[nodiscard]] CovarianceFitted covariance_state(Vector location, Matrix covariance, bool store_precision,
                                                double shrinkage = 0);
[[nodiscard]] Matrix covariance_precision(const CovarianceFitted& s);
[[nodiscard]] double covariance_score(const CovarianceFitted& s, const MatrixView& X);
[[nodiscard]] Vector covariance_mahalanobis(const CovarianceFitted& s, const MatrixView& X);
[[nodiscard]] double covariance_error_norm(const CovarianceFitted& s, const MatrixView& comp_cov,
                                           CovarianceErrorNorm norm, bool scaling, bool squared);
void check_covariance_fitted(const CovarianceFitted& s);
}  // namespace detail

/// The fitted covariance of any covariance estimator, for code that takes
/// one as a parameter (the discriminant analyses' covariance_estimator,
/// scikit-learn's "an object with a covariance_ attribute"). Every
/// CovarianceEstimator implements it.
class CovarianceSource {
 public:
  virtual ~CovarianceSource() = default;
  /// scikit-learn's covariance_ (NotFittedError before fit).
  [[nodiscard]] virtual const Matrix& covariance() const = 0;
};

/// The base of the covariance estimators (scikit-learn's EmpiricalCovariance
/// methods): covariance(), location(), precision(), get_precision(),
/// mahalanobis(), score() and error_norm(), written once. FittedT is
/// CovarianceFitted or a struct derived from it (then Derived lists its
/// fields in its own visit_fitted).
template <class Derived, class ParamsT, class FittedT = CovarianceFitted>
class CovarianceEstimator : public EstimatorBase<Derived, Estimator, ParamsT, FittedT>, public CovarianceSource {
  using Base = EstimatorBase<Derived, Estimator, ParamsT, FittedT>;

 public:
  using Base::Base;
  using Base::fit;

  [[nodiscard]] EstimatorKind kind() const override { return EstimatorKind::other; }
  [[nodiscard]] bool has(Method method) const override { return method == Method::score; }

  template <class S, class F>
  static void visit_fitted(S& s, F&& f) {
    f("n_features_in", s.n_features_in);
    f("location", s.location);
    f("covariance", s.covariance);
    f("precision", s.precision);
    f("shrinkage", s.shrinkage);
  }
  static void check_fitted(const CovarianceFitted& s) { detail::check_covariance_fitted(s); }

  /// scikit-learn's covariance_, location_ (NotFittedError before fit).
  [[nodiscard]] const Matrix& covariance() const override { return this->fitted().covariance; }
  [[nodiscard]] const Vector& location() const { return this->fitted().location; }
  /// scikit-learn's precision_: empty when store_precision is false.
  [[nodiscard]] const Matrix& precision() const { return this->fitted().precision; }
  /// The precision matrix: precision_, or pinvh(covariance_) when not stored.
  [[nodiscard]] Matrix get_precision() const { return detail::covariance_precision(this->fitted()); }

  /// The squared Mahalanobis distance of each row of X to location().
  /// Throws NotFittedError before fit; ValueError for another feature count or non-finite X.
  [[nodiscard]] Vector mahalanobis(const MatrixView& X) const {
    return detail::covariance_mahalanobis(this->check_input("mahalanobis", X), X);
  }
  /// The Gaussian log-likelihood of X_test (its empirical covariance about
  /// location()) under the fitted precision, as scikit-learn's score(X_test).
  [[nodiscard]] double score(const MatrixView& X_test) const {
    return detail::covariance_score(this->check_input("score", X_test), X_test);
  }
  /// score(X_test); y and sample_weight are ignored (scikit-learn's y=None).
  [[nodiscard]] double score(const MatrixView& X_test, const VectorView&, const VectorView& = Vector()) const override {
    return score(X_test);
  }
  /// The squared (unless !squared) Frobenius or spectral norm of comp_cov -
  /// covariance(), divided by n_features when `scaling`, as error_norm.
  [[nodiscard]] double error_norm(const MatrixView& comp_cov, CovarianceErrorNorm norm = CovarianceErrorNorm::frobenius,
                                  bool scaling = true, bool squared = true) const {
    return detail::covariance_error_norm(this->fitted(), comp_cov, norm, scaling, squared);
  }
};

/// EmpiricalCovariance's hyper-parameters.
struct EmpiricalCovarianceParams {
  /// Whether to store the precision matrix (pinvh of the covariance).
  bool store_precision = true;
  /// Whether the data are centred already (location 0).
  bool assume_centered = false;
};

/// The maximum likelihood covariance estimator, as
/// sklearn.covariance.EmpiricalCovariance.
///
/// \code
///   EmpiricalCovariance cov;
///   cov.fit(X);
///   Matrix S = cov.covariance();
///   Vector d2 = cov.mahalanobis(X_new);
/// \endcode
/// Complexity: fit O(n p^2 + p^3) (a GEMM and, with store_precision, an eigh).
class EmpiricalCovariance final : public CovarianceEstimator<EmpiricalCovariance, EmpiricalCovarianceParams> {
 public:
  static constexpr std::string_view class_name = "EmpiricalCovariance";
  template <class P, class F>
  static void visit_params(P& p, F&& f) {
    f("assume_centered", p.assume_centered);
    f("store_precision", p.store_precision);
  }
  using CovarianceEstimator::CovarianceEstimator;

 private:
  friend EstimatorBase;
  [[nodiscard]] Fitted learn(const MatrixView& X, const VectorView* y, const VectorView* sample_weight) const;
};

/// ShrunkCovariance's hyper-parameters.
struct ShrunkCovarianceParams {
  bool store_precision = true;
  bool assume_centered = false;
  /// The weight of mu I in the convex combination, in [0, 1].
  double shrinkage = 0.1;
};

/// The covariance shrunk towards mu I by a fixed coefficient, as
/// sklearn.covariance.ShrunkCovariance. Throws ValueError (fit) unless
/// 0 <= shrinkage <= 1.
class ShrunkCovariance final : public CovarianceEstimator<ShrunkCovariance, ShrunkCovarianceParams> {
 public:
  static constexpr std::string_view class_name = "ShrunkCovariance";
  template <class P, class F>
  static void visit_params(P& p, F&& f) {
    f("assume_centered", p.assume_centered);
    f("shrinkage", p.shrinkage);
    f("store_precision", p.store_precision);
  }
  using CovarianceEstimator::CovarianceEstimator;

 private:
  friend EstimatorBase;
  [[nodiscard]] Fitted learn(const MatrixView& X, const VectorView* y, const VectorView* sample_weight) const;
};

/// LedoitWolf's hyper-parameters.
struct LedoitWolfParams {
  bool store_precision = true;
  bool assume_centered = false;
  /// scikit-learn's block size for its blocked products (>= 1); validated
  /// only, as the result does not depend on it beyond rounding.
  Index block_size = 1000;
};

/// The Ledoit-Wolf shrunk covariance, as sklearn.covariance.LedoitWolf;
/// shrinkage() is scikit-learn's shrinkage_.
class LedoitWolf final : public CovarianceEstimator<LedoitWolf, LedoitWolfParams> {
 public:
  static constexpr std::string_view class_name = "LedoitWolf";
  template <class P, class F>
  static void visit_params(P& p, F&& f) {
    f("assume_centered", p.assume_centered);
    f("block_size", p.block_size);
    f("store_precision", p.store_precision);
  }
  using CovarianceEstimator::CovarianceEstimator;
  /// scikit-learn's shrinkage_ (NotFittedError before fit).
  [[nodiscard]] double shrinkage() const { return fitted().shrinkage; }

 private:
  friend EstimatorBase;
  [[nodiscard]] Fitted learn(const MatrixView& X, const VectorView* y, const VectorView* sample_weight) const;
};

/// OAS's hyper-parameters.
struct OASParams {
  bool store_precision = true;
  bool assume_centered = false;
};

/// The Oracle Approximating Shrinkage covariance, as sklearn.covariance.OAS;
/// shrinkage() is scikit-learn's shrinkage_.
class OAS final : public CovarianceEstimator<OAS, OASParams> {
 public:
  static constexpr std::string_view class_name = "OAS";
  template <class P, class F>
  static void visit_params(P& p, F&& f) {
    f("assume_centered", p.assume_centered);
    f("store_precision", p.store_precision);
  }
  using CovarianceEstimator::CovarianceEstimator;
  /// scikit-learn's shrinkage_ (NotFittedError before fit).
  [[nodiscard]] double shrinkage() const { return fitted().shrinkage; }

 private:
  friend EstimatorBase;
  [[nodiscard]] Fitted learn(const MatrixView& X, const VectorView* y, const VectorView* sample_weight) const;
};

}  // namespace scilearn::learn
