#pragma once
/// \file
/// GaussianNB: naive Bayes with Gaussian class-conditional densities, as
/// sklearn.naive_bayes.GaussianNB (1.9).

#include <optional>
#include <scilearn/learn/naive_bayes/naive_bayes_base.hpp>
#include <vector>

namespace scilearn::learn {

/// GaussianNB's hyper-parameters: scikit-learn's names and defaults.
struct GaussianNBParams {
  /// Prior probabilities of the classes (one per class, >= 0, summing to 1
  /// within numpy.isclose); when given, not adjusted to the data.
  std::optional<std::vector<double>> priors{};
  /// The fraction of the largest feature variance (of the batch) added to
  /// every variance, for stability; >= 0.
  double var_smoothing = 1e-9;
};

/// GaussianNB's learned state.
struct GaussianNBFitted {
  Index n_features_in = 0;
  /// The class labels, sorted.
  Vector classes;
  /// n_classes x n_features: the (weighted) mean of each feature per class.
  Matrix theta;
  /// n_classes x n_features: the (weighted) variance of each feature per class, plus epsilon.
  Matrix var;
  /// P(c): the priors, or class_count / its sum.
  Vector class_prior;
  /// The (weighted) number of samples of each class.
  Vector class_count;
  /// var_smoothing times the largest (unweighted) feature variance of the last batch.
  double epsilon = 0;
};

/// Gaussian naive Bayes: log P(x, c) = log P(c) - (1/2) sum_j [log(2 pi
/// var_cj) + (x_j - theta_cj)^2 / var_cj].
///
/// fit computes, per class, the weighted means and variances in two passes
/// over X (columns in parallel), which also detect a NaN / Inf in X. partial_fit merges a batch into the running
/// means and variances with the update of Chan, Golub & LeVeque (1979) as
/// scikit-learn does (including its handling of epsilon: the new batch's
/// epsilon is subtracted from the variances, the batch merged, and added
/// back; a class whose batch weights sum to ~0 (numpy.isclose) keeps its
/// mean and variance).
///
/// The joint log-likelihood expands (x - theta)^2 / var around a per-feature
/// centre c (the midpoint of the class means): with d = x - c and t = theta - c,
/// d^2 / var - 2 d t / var + t^2 / var, so that blocks of rows go through one
/// GEMM of [d^2, d] with [-1/(2 var), t / var]. The expansion loses about
/// eps t^2 / var where x is near theta, so features where some class has
/// t^2 / var > 64 (well separated classes, or a variance that is only
/// epsilon) are summed directly instead; the result then agrees with the
/// direct formula to ~1e-13 relative to the terms' scale.
///
/// Throws ValueError (fit, partial_fit): var_smoothing < 0, priors without
/// one entry per class, negative or not summing to 1, non-integer labels;
/// partial_fit: a label of y not in classes; a variance of 0 after smoothing
/// in a class with samples (every feature of the batch constant, e.g. a
/// single sample, or var_smoothing = 0 with a feature constant within a
/// class), where scikit-learn divides by zero and predicts NaN; and the
/// common input checks.
///
/// Complexity: fit O(n_samples n_features); predict O(n_samples n_features
/// n_classes), blocks of rows in parallel on the BLAS pool's thread count.
///
/// \code
///   GaussianNB clf;
///   clf.fit(X, y);
///   Matrix p = clf.predict_proba(X_test);
///   clf.partial_fit(X_more, y_more);   // continues from the fitted state
/// \endcode
class GaussianNB final : public NaiveBayesBase<GaussianNB, GaussianNBParams, GaussianNBFitted> {
 public:
  static constexpr std::string_view class_name = "GaussianNB";
  static constexpr bool fuses_finite_check = true;
  template <class P, class F>
  static void visit_params(P& p, F&& f) {
    f("priors", p.priors);
    f("var_smoothing", p.var_smoothing);
  }
  template <class S, class F>
  static void visit_fitted(S& s, F&& f) {
    f("n_features_in", s.n_features_in);
    f("classes", s.classes);
    f("theta", s.theta);
    f("var", s.var);
    f("class_prior", s.class_prior);
    f("class_count", s.class_count);
    f("epsilon", s.epsilon);
  }
  static void check_fitted(const Fitted& s);
  using NaiveBayesBase::NaiveBayesBase;

  /// scikit-learn's theta_, var_, class_prior_, class_count_ and epsilon_
  /// (NotFittedError before fit).
  [[nodiscard]] const Matrix& theta() const { return fitted().theta; }
  [[nodiscard]] const Matrix& var() const { return fitted().var; }
  [[nodiscard]] const Vector& class_prior() const { return fitted().class_prior; }
  [[nodiscard]] const Vector& class_count() const { return fitted().class_count; }
  [[nodiscard]] double epsilon() const { return fitted().epsilon; }

  static Fitted update(const Params& p, const Fitted* previous, const MatrixView& X, const VectorView& y,
                       const std::vector<Index>& codes, const Vector& classes, const VectorView* sample_weight);
  static Matrix joint_log_likelihood(const Params& p, const Fitted& s, const MatrixView& X);

 private:
  friend EstimatorBase;
};

}  // namespace scilearn::learn
