#pragma once
/// \file
/// CategoricalNB: naive Bayes for categorical features, as
/// sklearn.naive_bayes.CategoricalNB (1.9).

#include <cstdint>
#include <optional>
#include <scilearn/learn/naive_bayes/discrete_nb.hpp>
#include <vector>

namespace scilearn::learn {

/// CategoricalNB's hyper-parameters: scikit-learn's names and defaults (a
/// scalar alpha only).
struct CategoricalNBParams {
  /// Additive smoothing, >= 0.
  double alpha = 1.0;
  /// Keep alpha as given; when false, an alpha below 1e-10 becomes 1e-10 (with a warning).
  bool force_alpha = true;
  /// Learn the class priors from the class counts; when false, uniform priors.
  bool fit_prior = true;
  /// Prior probabilities of the classes; when given, used instead of the counts.
  std::optional<std::vector<double>> class_prior{};
  /// The least number of categories per feature: empty is None (the largest
  /// category seen + 1), one entry applies to every feature (>= 1; Python's
  /// int), else one entry per feature (Python's array).
  std::vector<std::int64_t> min_categories{};
};

/// CategoricalNB's learned state.
struct CategoricalNBFitted {
  Index n_features_in = 0;
  /// The class labels, sorted.
  Vector classes;
  /// The (weighted) number of samples of each class.
  Vector class_count;
  /// Per feature j, n_classes x (categories of j): the (weighted) number of
  /// samples of each class in each category.
  std::vector<Matrix> category_count;
  /// Per feature, the number of categories of the last batch: max(largest
  /// category + 1, min_categories), as scikit-learn's n_categories_.
  std::vector<Index> n_categories;
  /// Per feature, log((category_count + alpha) / row sums of (category_count + alpha)).
  std::vector<Matrix> feature_log_prob;
  /// log P(c).
  Vector class_log_prior;
};

/// Categorical naive Bayes: each feature j takes the categories 0, 1, ...,
/// n_j - 1 (encode other values with OrdinalEncoder first), and
/// P(x_j = t | c) = (N_ctj + alpha) / (N_c + alpha n_j), N_ctj the (weighted)
/// number of samples of class c with x_j = t. X's entries are truncated to
/// integers, as scikit-learn's conversion to int does.
///
/// Throws ValueError (fit, partial_fit, predict): a negative entry of X
/// (after truncation), alpha < 0, min_categories with neither 1 nor
/// n_features entries or a single entry < 1, class_prior without one entry
/// per class, non-integer labels; predict: a category beyond those seen in
/// fit (scikit-learn raises IndexError).
///
/// Complexity: fit O(n_samples n_features + n_classes sum_j n_j); predict
/// O(n_samples n_features n_classes).
class CategoricalNB final : public NaiveBayesBase<CategoricalNB, CategoricalNBParams, CategoricalNBFitted> {
 public:
  static constexpr std::string_view class_name = "CategoricalNB";
  static constexpr bool fuses_finite_check = false;
  template <class P, class F>
  static void visit_params(P& p, F&& f) {
    f("alpha", p.alpha);
    f("force_alpha", p.force_alpha);
    f("fit_prior", p.fit_prior);
    f("class_prior", p.class_prior);
    f("min_categories", p.min_categories);
  }
  template <class S, class F>
  static void visit_fitted(S& s, F&& f) {
    f("n_features_in", s.n_features_in);
    f("classes", s.classes);
    f("class_count", s.class_count);
    f("category_count", s.category_count);
    f("n_categories", s.n_categories);
    f("feature_log_prob", s.feature_log_prob);
    f("class_log_prior", s.class_log_prior);
  }
  static void check_fitted(const Fitted& s);
  using NaiveBayesBase::NaiveBayesBase;

  /// scikit-learn's class_count_, category_count_, n_categories_,
  /// feature_log_prob_ and class_log_prior_ (NotFittedError before fit).
  [[nodiscard]] const Vector& class_count() const { return fitted().class_count; }
  [[nodiscard]] const std::vector<Matrix>& category_count() const { return fitted().category_count; }
  [[nodiscard]] const std::vector<Index>& n_categories() const { return fitted().n_categories; }
  [[nodiscard]] const std::vector<Matrix>& feature_log_prob() const { return fitted().feature_log_prob; }
  [[nodiscard]] const Vector& class_log_prior() const { return fitted().class_log_prior; }

  static Fitted update(const Params& p, const Fitted* previous, const MatrixView& X, const VectorView& y,
                       const std::vector<Index>& codes, const Vector& classes, const VectorView* sample_weight);
  static Matrix joint_log_likelihood(const Params& p, const Fitted& s, const MatrixView& X);

 private:
  friend EstimatorBase;
};

}  // namespace scilearn::learn
