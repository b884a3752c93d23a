#pragma once
/// \file
/// LabelBinarizer: target labels to one-vs-all indicator columns and back, as
/// sklearn.preprocessing.LabelBinarizer.

#include <optional>
#include <scilearn/learn/validation.hpp>
#include <string>

namespace scilearn::learn {

/// LabelBinarizer's hyper-parameters (sparse_output is not available: the
/// output is dense).
struct LabelBinarizerParams {
  /// The value of "not this class"; must be below pos_label.
  double neg_label = 0;
  /// The value of "this class".
  double pos_label = 1;
};

/// Binarizes target labels one-vs-all: one column per class (sorted), holding
/// pos_label in the sample's class and neg_label elsewhere. With two classes
/// (and a y to transform with at most two distinct labels) it is one column,
/// for classes()[1], as scikit-learn; with one class, a column of neg_label.
/// A label not seen in fit gives a row of neg_label.
///
/// Not a feature transformer (as in scikit-learn, it takes y): it is not an
/// Estimator and does not go into a Pipeline. Labels are integer-valued
/// numbers (scikit-learn's binary / multiclass targets; multilabel indicator
/// matrices are not supported yet).
///
/// Throws: NotFittedError before fit; ValueError for an empty or non-finite
/// y, a non-integer label ("Unknown label type"), neg_label >= pos_label, a
/// Y of the wrong width in inverse_transform.
///
/// \code
///   LabelBinarizer binarizer;
///   Matrix Y = binarizer.fit_transform(y);           // n x n_classes (n x 1 for two classes)
///   Vector back = binarizer.inverse_transform(Y);    // y again
/// \endcode
class LabelBinarizer {
 public:
  using Params = LabelBinarizerParams;
  explicit LabelBinarizer(Params params = {}) : params_(params) {}
  [[nodiscard]] const Params& params() const noexcept { return params_; }

  /// Learns the sorted distinct labels of y.
  LabelBinarizer& fit(const VectorView& y);
  /// fit(y) then transform(y).
  Matrix fit_transform(const VectorView& y);
  /// The indicator matrix of y.
  [[nodiscard]] Matrix transform(const VectorView& y) const;
  /// The labels back: for several columns the class of the (first) largest
  /// column; for one column classes()[1] where Y > threshold, classes()[0]
  /// elsewhere. threshold defaults to (neg_label + pos_label) / 2.
  [[nodiscard]] Vector inverse_transform(const MatrixView& Y, std::optional<double> threshold = std::nullopt) const;

  /// The sorted distinct labels. Throws NotFittedError before fit.
  [[nodiscard]] const Vector& classes() const;
  /// "binary" (at most two classes) or "multiclass", as scikit-learn's y_type_.
  [[nodiscard]] std::string y_type() const;
  [[nodiscard]] bool is_fitted() const { return fitted_; }

 private:
  Params params_;
  bool fitted_ = false;
  Vector classes_;
};

}  // namespace scilearn::learn
