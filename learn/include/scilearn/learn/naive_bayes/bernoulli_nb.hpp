#pragma once
/// \file
/// BernoulliNB: naive Bayes for binary features, as
/// sklearn.naive_bayes.BernoulliNB (1.9).

#include <optional>
#include <scilearn/learn/naive_bayes/discrete_nb.hpp>
#include <vector>

namespace scilearn::learn {

/// BernoulliNB's hyper-parameters: scikit-learn's names and defaults (a
/// scalar alpha only).
struct BernoulliNBParams {
  /// Additive smoothing, >= 0.
  double alpha = 1.0;
  /// Keep alpha as given; when false, an alpha below 1e-10 becomes 1e-10 (with a warning).
  bool force_alpha = true;
  /// Features are binarized as X > binarize (in fit and predict); None
  /// (std::nullopt): X is taken as already binary.
  std::optional<double> binarize = 0.0;
  /// Learn the class priors from the class counts; when false, uniform priors.
  bool fit_prior = true;
  /// Prior probabilities of the classes; when given, used instead of the counts.
  std::optional<std::vector<double>> class_prior{};
};

/// Bernoulli naive Bayes: per class c and feature j, P(x_j = 1 | c) =
/// p_cj = (N_cj + alpha) / (N_c + 2 alpha), N_cj the (weighted) number of
/// samples of class c with x_j = 1, N_c of class c. The joint log-likelihood
/// sum_j [x_j log p_cj + (1 - x_j) log(1 - p_cj)] + log P(c) is computed as
/// X (log p - log(1 - p))^T + sum_j log(1 - p_cj) + log P(c) (one GEMM).
/// Unlike MultinomialNB, absent features count.
///
/// Dense input only. Throws ValueError: alpha < 0, class_prior without one
/// entry per class, non-integer labels, and the common input checks.
/// Complexity: as MultinomialNB.
class BernoulliNB final : public DiscreteNB<BernoulliNB, BernoulliNBParams> {
 public:
  static constexpr std::string_view class_name = "BernoulliNB";
  static constexpr bool counts_only = false;
  static constexpr bool fuses_finite_check = false;
  template <class P, class F>
  static void visit_params(P& p, F&& f) {
    f("alpha", p.alpha);
    f("force_alpha", p.force_alpha);
    f("binarize", p.binarize);
    f("fit_prior", p.fit_prior);
    f("class_prior", p.class_prior);
  }
  using DiscreteNB::DiscreteNB;

  static Matrix compute_feature_log_prob(const Params& p, const Fitted& s, double alpha);
  static Matrix joint_log_likelihood(const Params& p, const Fitted& s, const MatrixView& X);

 private:
  friend EstimatorBase;
};

}  // namespace scilearn::learn
