#pragma once
/// \file
/// SelectKBest and SelectPercentile: keep the features with the highest
/// univariate scores, as sklearn.feature_selection's classes of those names.

#include <cstddef>
#include <scilearn/learn/base/estimator_base.hpp>
#include <scilearn/learn/feature_selection/score_functions.hpp>
#include <string_view>
#include <vector>

namespace scilearn::learn {

/// The score function of a univariate selector, by scikit-learn's name.
/// `callable` means the ScoreFunction given in the parameters' score_callable
/// (get_params reports "callable"; such a selector cannot be saved).
enum class ScoreFunc { f_classif, f_regression, r_regression, chi2, callable };
constexpr auto param_names(ScoreFunc) {
  return std::array{std::pair{ScoreFunc::f_classif, "f_classif"}, std::pair{ScoreFunc::f_regression, "f_regression"},
                    std::pair{ScoreFunc::r_regression, "r_regression"}, std::pair{ScoreFunc::chi2, "chi2"},
                    std::pair{ScoreFunc::callable, "callable"}};
}

/// SelectKBest's k: a number of features (>= 0), or "all".
/// `FeatureCount k = 5;` and `FeatureCount k = "all";` both work.
class FeatureCount {
 public:
  /// k features.
  constexpr FeatureCount(Index k = 10) : k_(k) {}  // NOLINT: implicit, as Python's int
  /// "all" (any other text: ValueError).
  template <std::size_t N>
  FeatureCount(const char (&text)[N]) : FeatureCount(std::string_view(text, N - 1)) {}  // NOLINT
  explicit FeatureCount(std::string_view text);
  /// Every feature.
  [[nodiscard]] static FeatureCount all() { return FeatureCount("all"); }

  [[nodiscard]] bool is_all() const noexcept { return all_; }
  /// The count (meaningless when is_all()).
  [[nodiscard]] Index value() const noexcept { return k_; }
  friend bool operator==(const FeatureCount&, const FeatureCount&) = default;

 private:
  Index k_ = 10;
  bool all_ = false;
};

/// k as a parameter value: an int, or the string "all".
[[nodiscard]] ParamValue to_param(const FeatureCount& k);
/// Reads k from an int or "all"; ValueError naming the parameter otherwise.
void from_param(const ParamValue& value, FeatureCount& field, std::string_view where, std::string_view param);

/// What SelectKBest and SelectPercentile learn: the scores of fit.
struct UnivariateSelectionFitted {
  Index n_features_in = 0;
  /// The score of each feature (scikit-learn's scores_).
  Vector scores;
  /// The p-value of each feature, empty when the score function gives none
  /// (scikit-learn's pvalues_ = None).
  Vector pvalues;
};

/// SelectKBest's hyper-parameters.
struct SelectKBestParams {
  /// The score function (scikit-learn's default: f_classif).
  ScoreFunc score_func = ScoreFunc::f_classif;
  /// The function used when score_func is ScoreFunc::callable (set through
  /// this struct only: a std::function has no ParamValue).
  ScoreFunction score_callable = nullptr;
  /// How many features to keep: >= 0, or "all". More than n_features keeps
  /// them all, with a UserWarning from fit (scikit-learn 1.9).
  FeatureCount k = 10;
};

/// Keeps the k features with the highest scores. Equal scores are broken as
/// scikit-learn's stable argsort does: of equal scores the later feature is
/// kept first. NaN scores rank below every other (scikit-learn replaces them
/// by the lowest double). The support follows the current k, so set_params(k)
/// after fit changes it without refitting, as in scikit-learn.
///
/// fit needs y (the score functions are supervised) and takes no
/// sample_weight (ValueError). transform rejects NaN, as scikit-learn's.
/// A transform that keeps no feature warns (UserWarning) and returns
/// n_samples x 0.
///
/// Complexity: fit that of the score function; get_support / transform
/// O(p log p) for the ranking plus the copy of the kept columns.
///
/// \code
///   SelectKBest selector({.score_func = ScoreFunc::f_regression, .k = 3});
///   Matrix Z = selector.fit_transform(X, y);          // 3 columns
///   std::vector<Index> kept = selector.get_support_indices();
/// \endcode
class SelectKBest final : public EstimatorBase<SelectKBest, Transformer, SelectKBestParams, UnivariateSelectionFitted> {
 public:
  static constexpr std::string_view class_name = "SelectKBest";
  template <class P, class F>
  static void visit_params(P& p, F&& f) {
    f("k", p.k);
    f("score_func", p.score_func);
  }
  template <class S, class F>
  static void visit_fitted(S& s, F&& f) {
    f("n_features_in", s.n_features_in);
    f("scores", s.scores);
    f("pvalues", s.pvalues);
  }
  static void check_fitted(const Fitted& state);
  using EstimatorBase::EstimatorBase;

  /// Throws ValueError for score_func = callable (a function cannot be saved).
  void write(io::BinaryWriter& out) const override;
  [[nodiscard]] bool has(Method method) const override {
    return method == Method::transform || method == Method::inverse_transform;
  }
  /// The kept columns of X, in their order.
  [[nodiscard]] Matrix transform(const MatrixView& X) const override;
  /// n_samples x n_features_in: X's columns where the kept features were,
  /// zeros elsewhere. Throws ValueError unless X has one column per kept feature.
  [[nodiscard]] Matrix inverse_transform(const MatrixView& X) const override;
  /// The names of the kept features.
  [[nodiscard]] std::vector<std::string> get_feature_names_out(
      const std::vector<std::string>& input_features = {}) const override;

  /// Which features are kept (scikit-learn's get_support()).
  [[nodiscard]] std::vector<bool> get_support() const;
  /// Their positions, increasing (scikit-learn's get_support(indices=True)).
  [[nodiscard]] std::vector<Index> get_support_indices() const;
  [[nodiscard]] const Vector& scores() const { return fitted().scores; }
  /// Empty when the score function gives no p-values.
  [[nodiscard]] const Vector& pvalues() const { return fitted().pvalues; }

 private:
  friend EstimatorBase;
  [[nodiscard]] Fitted learn(const MatrixView& X, const VectorView* y, const VectorView* sample_weight) const;
};

/// SelectPercentile's hyper-parameters.
struct SelectPercentileParams {
  /// The score function (scikit-learn's default: f_classif).
  ScoreFunc score_func = ScoreFunc::f_classif;
  /// The function used when score_func is ScoreFunc::callable.
  ScoreFunction score_callable = nullptr;
  /// The percentage of features to keep, in [0, 100].
  double percentile = 10;
};

/// Keeps the features whose scores are above NumPy's linear-interpolation
/// percentile (100 - percentile) of all scores, then, of those equal to it,
/// the earliest ones up to int(n_features percentile / 100) features in all
/// (scikit-learn's rule, including its Python slice ties[:m] for a negative m).
/// percentile 100 keeps all, 0 none. NaN scores count as the lowest double.
/// The rest as SelectKBest.
///
/// \code
///   SelectPercentile selector({.score_func = ScoreFunc::chi2, .percentile = 25});
///   Matrix Z = selector.fit_transform(counts, labels);
/// \endcode
class SelectPercentile final
    : public EstimatorBase<SelectPercentile, Transformer, SelectPercentileParams, UnivariateSelectionFitted> {
 public:
  static constexpr std::string_view class_name = "SelectPercentile";
  template <class P, class F>
  static void visit_params(P& p, F&& f) {
    f("percentile", p.percentile);
    f("score_func", p.score_func);
  }
  template <class S, class F>
  static void visit_fitted(S& s, F&& f) {
    f("n_features_in", s.n_features_in);
    f("scores", s.scores);
    f("pvalues", s.pvalues);
  }
  static void check_fitted(const Fitted& state);
  using EstimatorBase::EstimatorBase;

  /// Throws ValueError for score_func = callable (a function cannot be saved).
  void write(io::BinaryWriter& out) const override;
  [[nodiscard]] bool has(Method method) const override {
    return method == Method::transform || method == Method::inverse_transform;
  }
  [[nodiscard]] Matrix transform(const MatrixView& X) const override;
  [[nodiscard]] Matrix inverse_transform(const MatrixView& X) const override;
  [[nodiscard]] std::vector<std::string> get_feature_names_out(
      const std::vector<std::string>& input_features = {}) const override;

  [[nodiscard]] std::vector<bool> get_support() const;
  [[nodiscard]] std::vector<Index> get_support_indices() const;
  [[nodiscard]] const Vector& scores() const { return fitted().scores; }
  [[nodiscard]] const Vector& pvalues() const { return fitted().pvalues; }

 private:
  friend EstimatorBase;
  [[nodiscard]] Fitted learn(const MatrixView& X, const VectorView* y, const VectorView* sample_weight) const;
};

}  // namespace scilearn::learn
