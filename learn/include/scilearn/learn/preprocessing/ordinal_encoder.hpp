#pragma once
/// \file
/// OrdinalEncoder: each category of a feature becomes its position among the
/// feature's sorted categories, as sklearn.preprocessing.OrdinalEncoder.

#include <array>
#include <limits>
#include <optional>
#include <scilearn/learn/base/estimator_base.hpp>
#include <utility>
#include <vector>

namespace scilearn::learn {

/// What OrdinalEncoder.transform does with a category not seen in fit.
enum class OrdinalHandleUnknown {
  error,              ///< ValueError naming the categories and the column
  use_encoded_value,  ///< the value unknown_value
};
constexpr auto param_names(OrdinalHandleUnknown) {
  return std::array{std::pair{OrdinalHandleUnknown::error, "error"},
                    std::pair{OrdinalHandleUnknown::use_encoded_value, "use_encoded_value"}};
}

/// OrdinalEncoder's hyper-parameters. categories='auto' is the only choice;
/// dtype is double.
struct OrdinalEncoderParams {
  /// See OrdinalHandleUnknown.
  OrdinalHandleUnknown handle_unknown = OrdinalHandleUnknown::error;
  /// The code of unknown categories: required with use_encoded_value (an
  /// integer not used by a known category, or NaN), None otherwise.
  std::optional<double> unknown_value = std::nullopt;
  /// The code of NaN (missing) entries; NaN keeps them NaN.
  double encoded_missing_value = std::numeric_limits<double>::quiet_NaN();
  /// As OneHotEncoder's: an integer count >= 1 or a fraction in (0, 1).
  std::optional<double> min_frequency = std::nullopt;
  /// At most this many codes per feature, the infrequent group included.
  std::optional<Index> max_categories = std::nullopt;
};

/// OrdinalEncoder's learned state.
struct OrdinalEncoderFitted {
  Index n_features_in = 0;
  /// Per feature: its categories, sorted, NaN last.
  std::vector<Vector> categories;
  /// Per feature: the position of NaN in categories, -1 if none was seen.
  std::vector<Index> missing_index;
  /// Per feature: positions of the infrequent categories (empty: none);
  /// empty when infrequent grouping is off.
  std::vector<std::vector<Index>> infrequent_indices;
  /// Per feature: the grouped code of each non-NaN category (empty: no infrequent).
  std::vector<std::vector<Index>> default_to_infrequent;
};

/// Encodes each feature's values as 0, 1, ..., in the sorted order of its
/// categories; infrequent categories (min_frequency / max_categories) share
/// the code after the frequent ones; NaN (seen in fit) gets
/// encoded_missing_value; unseen values raise or get unknown_value.
///
/// The input is a Matrix whose values are the categories (NaN allowed, Inf
/// rejected). fit takes no sample_weight (ValueError).
///
/// Throws ValueError: from fit when unknown_value is missing with
/// use_encoded_value, set with error, not an integer or NaN, or equal to a
/// code in use, when encoded_missing_value is a code in use, or for bad
/// min_frequency / max_categories; from transform, with handle_unknown =
/// error, for an unseen value ("Found unknown categories [5.0] in column 1
/// during transform").
///
/// Complexity: as OneHotEncoder, with an n_samples x n_features output.
///
/// \code
///   OrdinalEncoder encoder({.handle_unknown = OrdinalHandleUnknown::use_encoded_value, .unknown_value = -1});
///   Matrix codes = encoder.fit_transform(X);
/// \endcode
class OrdinalEncoder final
    : public EstimatorBase<OrdinalEncoder, Transformer, OrdinalEncoderParams, OrdinalEncoderFitted> {
 public:
  static constexpr std::string_view class_name = "OrdinalEncoder";
  template <class P, class F>
  static void visit_params(P& p, F&& f) {
    f("encoded_missing_value", p.encoded_missing_value);
    f("handle_unknown", p.handle_unknown);
    f("max_categories", p.max_categories);
    f("min_frequency", p.min_frequency);
    f("unknown_value", p.unknown_value);
  }
  template <class S, class F>
  static void visit_fitted(S& s, F&& f) {
    f("n_features_in", s.n_features_in);
    f("categories", s.categories);
    f("missing_index", s.missing_index);
    f("infrequent_indices", s.infrequent_indices);
    f("default_to_infrequent", s.default_to_infrequent);
  }
  using EstimatorBase::EstimatorBase;

  [[nodiscard]] bool has(Method method) const override {
    return method == Method::transform || method == Method::inverse_transform;
  }
  /// The codes, n_samples x n_features.
  [[nodiscard]] Matrix transform(const MatrixView& X) const override;
  /// The categories back from codes: encoded_missing_value gives NaN,
  /// unknown_value gives NaN (scikit-learn: None), the infrequent code gives
  /// NaN (scikit-learn: 'infrequent_sklearn'). Throws ValueError for a code
  /// that is none of these nor a known one.
  [[nodiscard]] Matrix inverse_transform(const MatrixView& X) const override;
  /// The input feature names, unchanged.
  [[nodiscard]] std::vector<std::string> get_feature_names_out(
      const std::vector<std::string>& input_features = {}) const override;

  [[nodiscard]] const std::vector<Vector>& categories() const { return fitted().categories; }
  /// Per feature, its infrequent categories (an empty Vector for none; an
  /// empty list when infrequent grouping is off).
  [[nodiscard]] std::vector<Vector> infrequent_categories() const;

 private:
  friend EstimatorBase;
  static constexpr bool allows_nan = true;
  [[nodiscard]] Fitted learn(const MatrixView& X, const VectorView* y, const VectorView* sample_weight) const;
};

}  // namespace scilearn::learn
