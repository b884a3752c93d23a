#pragma once
/// \file
/// ComplementNB: the complement naive Bayes of Rennie et al. (2003), as
/// sklearn.naive_bayes.ComplementNB (1.9).

#include <optional>
#include <scilearn/learn/naive_bayes/discrete_nb.hpp>
#include <vector>

namespace scilearn::learn {

/// ComplementNB's hyper-parameters: scikit-learn's names and defaults
/// (a scalar alpha only).
struct ComplementNBParams {
  /// Additive smoothing, >= 0.
  double alpha = 1.0;
  /// Keep alpha as given; when false, an alpha below 1e-10 becomes 1e-10 (with a warning).
  bool force_alpha = true;
  /// Only used with a single class in the training set (as in scikit-learn).
  bool fit_prior = true;
  /// Only used with a single class in the training set.
  std::optional<std::vector<double>> class_prior{};
  /// Normalize the weights (the second step of Rennie et al.).
  bool norm = false;
};

/// Complement naive Bayes, for imbalanced count data (text): each class is
/// scored by the counts of all the other classes. With feature_all the
/// column sums of feature_count, the weights are
/// w_cj = log((feature_all_j + alpha - N_cj) / sum_j (...)), and
/// feature_log_prob = -w (norm = false) or w / sum_j w_cj (norm = true). The
/// joint log-likelihood is X feature_log_prob^T (plus the log prior when
/// there is a single class); predict takes its largest entry. With a single
/// feature and norm = true the weights are 0/0 in scikit-learn (NaN); here
/// they are 0 (every class scores the same).
///
/// Input: non-negative counts, dense only. Throws ValueError as
/// MultinomialNB. Complexity: as MultinomialNB.
class ComplementNB final : public DiscreteNB<ComplementNB, ComplementNBParams> {
 public:
  static constexpr std::string_view class_name = "ComplementNB";
  static constexpr bool counts_only = true;
  static constexpr bool fuses_finite_check = true;
  template <class P, class F>
  static void visit_params(P& p, F&& f) {
    f("alpha", p.alpha);
    f("force_alpha", p.force_alpha);
    f("fit_prior", p.fit_prior);
    f("class_prior", p.class_prior);
    f("norm", p.norm);
  }
  using DiscreteNB::DiscreteNB;

  /// scikit-learn's feature_all_: the column sums of feature_count (NotFittedError before fit).
  [[nodiscard]] Vector feature_all() const { return fitted().feature_count.colwise().sum().transpose(); }

  static Matrix compute_feature_log_prob(const Params& p, const Fitted& s, double alpha);
  static Matrix joint_log_likelihood(const Params& p, const Fitted& s, const MatrixView& X);

 private:
  friend EstimatorBase;
};

}  // namespace scilearn::learn
