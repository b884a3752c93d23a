#pragma once
/// \file
/// MultinomialNB: naive Bayes for counts (word counts, ...), as
/// sklearn.naive_bayes.MultinomialNB (1.9).

#include <optional>
#include <scilearn/learn/naive_bayes/discrete_nb.hpp>
#include <vector>

namespace scilearn::learn {

/// MultinomialNB's hyper-parameters: scikit-learn's names and defaults.
/// scikit-learn's per-feature alpha array is not provided (a scalar alpha only).
struct MultinomialNBParams {
  /// Additive (Laplace / Lidstone) smoothing, >= 0.
  double alpha = 1.0;
  /// Keep alpha as given; when false, an alpha below 1e-10 becomes 1e-10 (with a warning).
  bool force_alpha = true;
  /// Learn the class priors from the class counts; when false, uniform priors.
  bool fit_prior = true;
  /// Prior probabilities of the classes (one per class, not renormalized);
  /// when given, used instead of the counts.
  std::optional<std::vector<double>> class_prior{};
};

/// Multinomial naive Bayes (McCallum & Nigam 1998): per class c, feature
/// probabilities theta_cj = (N_cj + alpha) / (N_c + alpha n_features), N_cj the
/// (weighted) sum of feature j over the samples of class c, and the joint
/// log-likelihood X log(theta)^T + log P(c) (one GEMM).
///
/// X holds non-negative counts (fractional counts such as tf-idf work too);
/// dense only (scilearn's learn has no sparse input yet).
///
/// Throws ValueError (fit, partial_fit): a negative entry of X ("Negative
/// values in data passed to MultinomialNB (input X)"), alpha < 0, class_prior
/// without one entry per class, non-integer labels; and as every estimator
/// for shapes, NaN / Inf, sample weights.
///
/// Complexity: fit O(n_samples n_features) (one pass over X); predict
/// O(n_samples n_features n_classes) (a GEMM).
///
/// \code
///   MultinomialNB clf({.alpha = 0.5});
///   clf.fit(counts, y);
///   Matrix p = clf.predict_proba(counts_test);   // columns in the order of clf.classes()
/// \endcode
class MultinomialNB final : public DiscreteNB<MultinomialNB, MultinomialNBParams> {
 public:
  static constexpr std::string_view class_name = "MultinomialNB";
  static constexpr bool counts_only = true;
  static constexpr bool fuses_finite_check = true;
  template <class P, class F>
  static void visit_params(P& p, F&& f) {
    f("alpha", p.alpha);
    f("force_alpha", p.force_alpha);
    f("fit_prior", p.fit_prior);
    f("class_prior", p.class_prior);
  }
  using DiscreteNB::DiscreteNB;

  /// log((feature_count + alpha) / row sums of (feature_count + alpha)).
  static Matrix compute_feature_log_prob(const Params& p, const Fitted& s, double alpha);
  /// X feature_log_prob^T + class_log_prior.
  static Matrix joint_log_likelihood(const Params& p, const Fitted& s, const MatrixView& X);

 private:
  friend EstimatorBase;
};

}  // namespace scilearn::learn
