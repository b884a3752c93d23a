#include <scilearn/core/errors.hpp>
#include <scilearn/core/validation.hpp>
#include <scilearn/learn/base/estimator.hpp>
#include <scilearn/learn/preprocessing/label_binarizer.hpp>

#include "category_table.hpp"
#include "preprocessing_detail.hpp"

namespace scilearn::learn {

namespace {

// The distinct labels of y, sorted; ValueError unless they are integers
// (scikit-learn's unique_labels refuses continuous targets).
Vector integer_labels(std::string_view where, const VectorView& y) {
  if (y.size() == 0) throw ValueError(cat(where, ": y is empty"));
  check_finite(where, "y", y);
  for (Index i = 0; i < y.size(); ++i)
    if (y(i) != std::floor(y(i)))
      throw ValueError(cat(where, ": Unknown label type: y(", i, ") = ", detail::python_float_str(y(i)),
                           " is not an integer (continuous targets cannot be binarized)"));
  Vector labels;
  std::vector<Index> counts;
  detail::CategoryTable::unique_counts(y.data(), y.size(), labels, counts);
  return labels;
}

}  // namespace

LabelBinarizer& LabelBinarizer::fit(const VectorView& y) {
  if (!(params_.neg_label < params_.pos_label))
    throw ValueError(cat("LabelBinarizer.fit: neg_label=", params_.neg_label,
                         " must be strictly less than pos_label=", params_.pos_label, "."));
  classes_ = integer_labels("LabelBinarizer.fit", y);
  fitted_ = true;
  return *this;
}

Matrix LabelBinarizer::fit_transform(const VectorView& y) { return fit(y).transform(y); }

const Vector& LabelBinarizer::classes() const {
  if (!fitted_) throw NotFittedError(not_fitted_message("LabelBinarizer"));
  return classes_;
}

std::string LabelBinarizer::y_type() const { return classes().size() <= 2 ? "binary" : "multiclass"; }

Matrix LabelBinarizer::transform(const VectorView& y) const {
  const Vector& classes = this->classes();
  if (!(params_.neg_label < params_.pos_label))
    throw ValueError(cat("LabelBinarizer.transform: neg_label=", params_.neg_label,
                         " must be strictly less than pos_label=", params_.pos_label, "."));
  // The type of the y being transformed decides the layout, as label_binarize.
  const bool binary = integer_labels("LabelBinarizer.transform", y).size() <= 2;
  const Index n = y.size(), k = classes.size();
  if (binary && k == 1) return Matrix::Constant(n, 1, params_.neg_label);
  const detail::CategoryTable table(classes);
  Matrix Y = Matrix::Constant(n, k, params_.neg_label);
  for (Index i = 0; i < n; ++i)
    if (const Index c = table.find(y(i)); c >= 0) Y(i, c) = params_.pos_label;
  if (binary && k == 2) return Y.rightCols(1);
  return Y;
}

Vector LabelBinarizer::inverse_transform(const MatrixView& Y, std::optional<double> threshold) const {
  const Vector& classes = this->classes();
  check_finite("LabelBinarizer.inverse_transform", "Y", Y);
  const Index n = Y.rows(), k = classes.size();
  Vector out(n);
  if (k > 2) {
    if (Y.cols() != k)
      throw ValueError(
          cat("LabelBinarizer.inverse_transform: Y has ", Y.cols(), " columns, but ", k, " classes were seen in fit"));
    for (Index i = 0; i < n; ++i) {
      Index best = 0;
      for (Index c = 1; c < k; ++c)
        if (Y(i, c) > Y(i, best)) best = c;
      out(i) = classes(best);
    }
    return out;
  }
  const double t = threshold.value_or((params_.pos_label + params_.neg_label) / 2.0);
  if (Y.cols() == 2) {
    for (Index i = 0; i < n; ++i) out(i) = classes(Y(i, 1) > t ? 1 : 0);
    return out;
  }
  if (Y.cols() != 1)
    throw ValueError(cat("LabelBinarizer.inverse_transform: Y has ", Y.cols(), " columns, but a binary target has 1"));
  if (k == 1) return Vector::Constant(n, classes(0));
  for (Index i = 0; i < n; ++i) out(i) = classes(Y(i, 0) > t ? 1 : 0);
  return out;
}

}  // namespace scilearn::learn
