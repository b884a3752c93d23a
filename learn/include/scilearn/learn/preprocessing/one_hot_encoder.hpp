#pragma once
/// \file
/// OneHotEncoder: one indicator column per category of each feature, as
/// sklearn.preprocessing.OneHotEncoder with sparse_output=False.

#include <array>
#include <optional>
#include <scilearn/learn/base/estimator_base.hpp>
#include <utility>
#include <vector>

namespace scilearn::learn {

/// Which category of each feature OneHotEncoder drops (scikit-learn's `drop`;
/// None, the default, is an empty std::optional).
enum class OneHotDrop {
  first,      ///< the first category of every feature (the feature vanishes if it has one)
  if_binary,  ///< the first category of features with exactly two
};
constexpr auto param_names(OneHotDrop) {
  return std::array{std::pair{OneHotDrop::first, "first"}, std::pair{OneHotDrop::if_binary, "if_binary"}};
}

/// What OneHotEncoder.transform does with a category not seen in fit.
enum class OneHotHandleUnknown {
  error,                ///< ValueError naming the categories and the column
  ignore,               ///< all zeros in that feature's columns
  infrequent_if_exist,  ///< the infrequent group's column if the feature has one, else zeros
  warn,                 ///< as infrequent_if_exist, with a UserWarning
};
constexpr auto param_names(OneHotHandleUnknown) {
  return std::array{std::pair{OneHotHandleUnknown::error, "error"}, std::pair{OneHotHandleUnknown::ignore, "ignore"},
                    std::pair{OneHotHandleUnknown::infrequent_if_exist, "infrequent_if_exist"},
                    std::pair{OneHotHandleUnknown::warn, "warn"}};
}

/// OneHotEncoder's hyper-parameters. scikit-learn's categories='auto' is the
/// only choice (categories are the sorted distinct values of each column);
/// the output is always dense, as sparse_output=False (sparse output is not
/// available yet); dtype is double; feature_name_combiner is 'concat'.
struct OneHotEncoderParams {
  /// None (keep all), first or if_binary. Applied after infrequent grouping.
  std::optional<OneHotDrop> drop = std::nullopt;
  /// See OneHotHandleUnknown.
  OneHotHandleUnknown handle_unknown = OneHotHandleUnknown::error;
  /// Categories seen fewer times are infrequent: an integer count >= 1, or a
  /// fraction of n_samples in (0, 1). None: no minimum.
  std::optional<double> min_frequency = std::nullopt;
  /// At most this many output columns per feature, the infrequent group
  /// included (>= 1). None: no limit.
  std::optional<Index> max_categories = std::nullopt;
};

/// OneHotEncoder's learned state.
struct OneHotEncoderFitted {
  Index n_features_in = 0;
  /// Per feature: its categories, sorted, NaN last (NaN is a category).
  std::vector<Vector> categories;
  /// Per feature: the position in categories of the dropped category, -1 for
  /// none (scikit-learn: None); empty when drop is None.
  std::vector<Index> drop_idx;
  /// Per feature: positions in categories of the infrequent ones (empty:
  /// none); empty when neither min_frequency nor max_categories is set.
  std::vector<std::vector<Index>> infrequent_indices;
  /// Per feature: the grouped code of each category (empty: no infrequent).
  std::vector<std::vector<Index>> default_to_infrequent;
  /// Per feature: the dropped grouped code, -1 for none; empty when drop is None.
  std::vector<Index> drop_idx_after_grouping;
  /// Per feature: its number of output columns.
  std::vector<Index> n_features_outs;
};

/// Encodes each feature's categories as indicator columns, feature after
/// feature: feature j takes n_features_outs[j] columns, one per category in
/// sorted order (NaN last), with the infrequent group (if any) last and the
/// dropped category (if any) removed.
///
/// The input is a Matrix whose values are the categories (integers or any
/// doubles; NaN is a category, Inf is rejected). fit takes no sample_weight
/// (ValueError).
///
/// Throws ValueError: from fit for a bad min_frequency / max_categories; from
/// transform, with handle_unknown = error, for a value not seen in fit
/// ("Found unknown categories [5.0] in column 1 during transform").
///
/// Complexity: fit O(n_samples n_features) (one hash probe per entry) plus a
/// sort of each feature's distinct values; transform O(n_samples n_features)
/// plus the zeroing of the n_samples x n_features_out output. Features run in
/// parallel (OpenMP); results do not depend on the thread count.
///
/// \code
///   OneHotEncoder encoder({.handle_unknown = OneHotHandleUnknown::ignore});
///   Matrix Z = encoder.fit_transform(X);               // 0 / 1 columns
///   auto names = encoder.get_feature_names_out();      // "x0_1.0", "x0_2.0", ...
/// \endcode
class OneHotEncoder final : public EstimatorBase<OneHotEncoder, Transformer, OneHotEncoderParams, OneHotEncoderFitted> {
 public:
  static constexpr std::string_view class_name = "OneHotEncoder";
  template <class P, class F>
  static void visit_params(P& p, F&& f) {
    f("drop", p.drop);
    f("handle_unknown", p.handle_unknown);
    f("max_categories", p.max_categories);
    f("min_frequency", p.min_frequency);
  }
  template <class S, class F>
  static void visit_fitted(S& s, F&& f) {
    f("n_features_in", s.n_features_in);
    f("categories", s.categories);
    f("drop_idx", s.drop_idx);
    f("infrequent_indices", s.infrequent_indices);
    f("default_to_infrequent", s.default_to_infrequent);
    f("drop_idx_after_grouping", s.drop_idx_after_grouping);
    f("n_features_outs", s.n_features_outs);
  }
  using EstimatorBase::EstimatorBase;

  [[nodiscard]] bool has(Method method) const override {
    return method == Method::transform || method == Method::inverse_transform;
  }
  /// The indicator matrix, n_samples x sum(n_features_outs).
  [[nodiscard]] Matrix transform(const MatrixView& X) const override;
  /// The categories back from indicator columns (the first largest column of
  /// each feature's block wins). An all-zero block is the dropped category,
  /// or NaN (scikit-learn: None) for an unknown category under
  /// handle_unknown = ignore; the infrequent group inverts to NaN
  /// (scikit-learn: the string 'infrequent_sklearn', which a Matrix cannot
  /// hold). Throws ValueError for a column count other than the output's, or
  /// an all-zero block under handle_unknown = error without drop.
  [[nodiscard]] Matrix inverse_transform(const MatrixView& X) const override;
  /// "<feature>_<category>" for each output column, the category written as
  /// Python writes a float ("x0_1.0", "x1_0.25", "x2_nan"), the infrequent
  /// group as "<feature>_infrequent_sklearn".
  [[nodiscard]] std::vector<std::string> get_feature_names_out(
      const std::vector<std::string>& input_features = {}) const override;

  [[nodiscard]] const std::vector<Vector>& categories() const { return fitted().categories; }
  /// -1 marks a feature with nothing dropped; empty when drop is None.
  [[nodiscard]] const std::vector<Index>& drop_idx() const { return fitted().drop_idx; }
  /// Per feature, its infrequent categories (an empty Vector for none; an
  /// empty list when infrequent grouping is off).
  [[nodiscard]] std::vector<Vector> infrequent_categories() const;
  /// The total number of output columns.
  [[nodiscard]] Index n_features_out() const;

 private:
  friend EstimatorBase;
  static constexpr bool allows_nan = true;
  [[nodiscard]] Fitted learn(const MatrixView& X, const VectorView* y, const VectorView* sample_weight) const;
};

}  // namespace scilearn::learn
