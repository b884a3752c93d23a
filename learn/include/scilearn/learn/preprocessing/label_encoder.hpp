#pragma once
/// \file
/// LabelEncoder: target labels to 0 .. n_classes - 1 and back, as
/// sklearn.preprocessing.LabelEncoder.

#include <optional>
#include <scilearn/learn/validation.hpp>
#include <string>
#include <vector>

namespace scilearn::learn {

/// Encodes target labels (y, one per sample) as 0, 1, ..., n_classes - 1 in
/// the sorted order of the distinct labels.
///
/// Not a feature transformer (as in scikit-learn, it takes y, not X): it has
/// no Params, is not an Estimator and does not go into a Pipeline. Labels are
/// either numbers (a Vector; NaN is a label, sorted last, as np.unique) or
/// strings (sorted by byte value, as NumPy sorts str); the kind seen by fit is
/// the kind transform accepts.
///
/// Throws: NotFittedError before fit; ValueError for an empty y in fit, Inf in
/// a numeric y, labels of the other kind than fit's, labels not seen in fit
/// ("y contains previously unseen labels: [3.0]"), codes outside
/// 0 .. n_classes - 1 in inverse_transform.
///
/// Complexity: fit O(n log n); transform O(n log n_classes).
///
/// \code
///   LabelEncoder encoder;
///   Vector codes = encoder.fit_transform(std::vector<std::string>{"paris", "tokyo", "paris"});  // 0 1 0
///   auto names = encoder.inverse_transform_strings(codes);                                     // paris tokyo paris
/// \endcode
class LabelEncoder {
 public:
  /// Learns the sorted distinct labels of y.
  LabelEncoder& fit(const VectorView& y);
  LabelEncoder& fit(const std::vector<std::string>& y);
  /// fit(y) then transform(y).
  Vector fit_transform(const VectorView& y);
  Vector fit_transform(const std::vector<std::string>& y);
  /// The code (position in classes) of each label.
  [[nodiscard]] Vector transform(const VectorView& y) const;
  [[nodiscard]] Vector transform(const std::vector<std::string>& y) const;
  /// The labels of codes, for an encoder fitted on numbers.
  [[nodiscard]] Vector inverse_transform(const VectorView& codes) const;
  /// The labels of codes, for an encoder fitted on strings.
  [[nodiscard]] std::vector<std::string> inverse_transform_strings(const VectorView& codes) const;

  /// The sorted distinct numeric labels (ValueError if fitted on strings).
  [[nodiscard]] const Vector& classes() const;
  /// The sorted distinct string labels (ValueError if fitted on numbers).
  [[nodiscard]] const std::vector<std::string>& string_classes() const;
  [[nodiscard]] bool is_fitted() const { return fitted_numeric_ || fitted_strings_; }
  /// Whether fit saw strings.
  [[nodiscard]] bool fitted_on_strings() const;

 private:
  bool fitted_numeric_ = false, fitted_strings_ = false;
  Vector classes_;
  std::vector<std::string> string_classes_;
  void check_fitted(bool strings) const;
  [[nodiscard]] std::vector<Index> checked_codes(const VectorView& codes) const;
};

}  // namespace scilearn::learn
