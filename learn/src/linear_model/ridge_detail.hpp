#pragma once
// Shared pieces of Ridge, RidgeClassifier, RidgeCV and RidgeClassifierCV: the
// centered, weighted design matrix A = diag(sqrt w) (X - 1 m') used without
// forming it (dense X a block of rows at a time, sparse X through its
// products), and the label coding of the classifiers.

#include <Eigen/Core>
#include <algorithm>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/learn/sparse_input.hpp>
#include <scilearn/learn/validation.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "linear_model/linear_classifier.hpp"

namespace scilearn::learn::ridge_detail {

// The centering of scikit-learn's _preprocess_data: m the weighted column
// means (zero without fit_intercept), rows scaled by sqrt(w) (empty: unit weights).
struct Centering {
  Vector x_offset;
  Vector sqrt_w;
  bool center = false;
  [[nodiscard]] bool weighted() const { return sqrt_w.size() > 0; }
};

// Weighted column means of X (w empty: plain means).
inline Vector weighted_means(const MatrixView& X, const Vector& w) {
  if (w.size() == 0) return X.colwise().mean().transpose();
  return X.transpose() * w / w.sum();
}
inline Vector weighted_means(const CsrMatrix& X, const Vector& w) {
  if (w.size() == 0) return (X.transpose() * Vector::Ones(X.rows())) / static_cast<double>(X.rows());
  return X.transpose() * w / w.sum();
}

template <class XT>
Centering make_centering(const XT& X, const Vector& w, bool fit_intercept) {
  Centering c;
  c.center = fit_intercept;
  c.x_offset = fit_intercept ? weighted_means(X, w) : Vector::Zero(X.cols());
  if (w.size() > 0) c.sqrt_w = w.cwiseSqrt();
  return c;
}

// The targets centered by their weighted means and scaled by sqrt(w); the
// means go to y_offset (zeros without fit_intercept).
inline Matrix centered_targets(const MatrixView& Y, const Vector& w, bool fit_intercept, Vector& y_offset) {
  y_offset = Vector::Zero(Y.cols());
  if (fit_intercept)
    y_offset = w.size() == 0 ? Vector(Y.colwise().mean().transpose()) : Vector(Y.transpose() * w / w.sum());
  Matrix B = Y.rowwise() - y_offset.transpose();
  if (w.size() > 0) B = w.cwiseSqrt().asDiagonal() * B;
  return B;
}

// Rows of dense X are centered and scaled a block at a time.
constexpr Index block_rows = 4096;

// Calls f(start, a) for consecutive blocks a of A (rows start.. of A), in order.
template <class F>
void for_each_block(const MatrixView& X, const Centering& c, F&& f) {
  const Index n = X.rows();
  Matrix a;
  for (Index start = 0; start < n; start += block_rows) {
    const Index rows = std::min(block_rows, n - start);
    if (c.center)
      a = X.middleRows(start, rows).rowwise() - c.x_offset.transpose();
    else
      a = X.middleRows(start, rows);
    if (c.weighted()) a = c.sqrt_w.segment(start, rows).asDiagonal() * a;
    f(start, a);
  }
}

// A'A (p x p, both triangles), by BLAS syrk over blocks of rows.
inline Matrix gram(const MatrixView& X, const Centering& c) {
  const Index p = X.cols();
  Matrix g = Matrix::Zero(p, p);
  for_each_block(X, c, [&](Index, const Matrix& a) { g.selfadjointView<Eigen::Lower>().rankUpdate(a.transpose()); });
  g.triangularView<Eigen::StrictlyUpper>() = g.transpose();
  return g;
}

// The normal equations G = A'A, R = A'B of dense X in one pass over memory,
// which also computes the centering (c.x_offset) and checks X's finiteness
// (check_X_block, `where` naming the caller). B holds the centered, scaled
// targets (centered_targets).
//
// With fit_intercept the rows are shifted by s, the mean of the first block
// (in cache), instead of the exact means m, which a pass of their own would
// need. With z_i = x_i - s, d = m - s = sum w_i z_i / S and S = sum w_i:
//   A'A = sum w_i z_i z_i' - S d d',  A'B = sum sqrt(w_i) z_i b_i' - d (sum sqrt(w_i) b_i)'.
// Each block [sqrt(w) z | b | sqrt(w)] goes through one syrk, whose extra rows
// hold the sums. d is of the order of the spread over sqrt(block size), so the
// correction cancels nothing (the shifted-data algorithm; Chan, Golub &
// LeVeque 1983), unlike X'X - S m m' for data far from the origin.
//
// The shift is the first block's weighted mean (its plain mean when those
// weights sum to 0). When rows far from it dominate the weights (sorted data,
// zero weights up front), sum w z z' exceeds A'A by orders of magnitude and
// the subtraction would cancel digits: when a diagonal entry shrinks by more
// than 1e6 (6 of 16 digits lost), the pass is redone shifted by the means just
// computed, which leaves nothing to cancel.
inline void normal_equations(std::string_view where, const MatrixView& X, const Vector& w, bool fit_intercept,
                             const Matrix& B, Centering& c, Matrix& g, Matrix& rhs, const Vector* given_shift = nullptr) {
  const Index n = X.rows(), p = X.cols(), t = B.cols();
  const Index first = std::min(block_rows, n);
  c.center = fit_intercept;
  if (w.size() > 0) c.sqrt_w = w.cwiseSqrt();
  Vector shift = Vector::Zero(p);
  if (given_shift) {
    shift = *given_shift;
  } else if (fit_intercept) {
    const double first_weight = w.size() > 0 ? w.head(first).sum() : 0.0;
    shift = first_weight > 0 ? Vector(X.topRows(first).transpose() * w.head(first) / first_weight)
                             : Vector(X.topRows(first).colwise().mean().transpose());
  }
  const Index m = p + t + 1;
  Matrix ext = Matrix::Zero(m, m);
  Matrix a(first, m);
  for (Index start = 0; start < n; start += block_rows) {
    const Index rows = std::min(block_rows, n - start);
    if (a.rows() != rows) a.resize(rows, m);
    // Column by column, each checked while it is in L1.
    for (Index j = 0; j < p; ++j) {
      auto col = a.col(j);
      col = X.col(j).segment(start, rows).array() - shift(j);
      check_X_block(where, X, col);
      if (c.weighted()) col.array() *= c.sqrt_w.segment(start, rows).array();
    }
    if (c.weighted())
      a.col(m - 1) = c.sqrt_w.segment(start, rows);
    else
      a.col(m - 1).setOnes();
    a.middleCols(p, t) = B.middleRows(start, rows);
    ext.selfadjointView<Eigen::Lower>().rankUpdate(a.transpose());
  }
  g = ext.topLeftCorner(p, p);
  rhs = ext.block(p, 0, t, p).transpose();
  if (fit_intercept) {
    const double total = ext(m - 1, m - 1);
    const Vector d = ext.row(m - 1).head(p).transpose() / total;
    g.noalias() -= total * d * d.transpose();
    rhs.noalias() -= d * ext.row(m - 1).segment(p, t);
    c.x_offset = shift + d;
    if (!given_shift && (ext.diagonal().head(p).array() > 1e6 * g.diagonal().array()).any()) {
      const Vector means = c.x_offset;
      normal_equations(where, X, w, fit_intercept, B, c, g, rhs, &means);
      return;
    }
  } else {
    c.x_offset = Vector::Zero(p);
  }
  g.triangularView<Eigen::StrictlyUpper>() = g.transpose();
}

// A V (n x k).
inline Matrix times(const MatrixView& X, const Centering& c, const Matrix& V) {
  Matrix out(X.rows(), V.cols());
  for_each_block(X, c, [&](Index start, const Matrix& a) { out.middleRows(start, a.rows()).noalias() = a * V; });
  return out;
}

// A' B (p x k), B with one row per sample.
inline Matrix transpose_times(const MatrixView& X, const Centering& c, const Matrix& B) {
  Matrix out = Matrix::Zero(X.cols(), B.cols());
  for_each_block(X, c,
                 [&](Index start, const Matrix& a) { out.noalias() += a.transpose() * B.middleRows(start, a.rows()); });
  return out;
}

// A itself (n x p), for svd and the kernel forms.
inline Matrix centered_copy(const MatrixView& X, const Centering& c) {
  Matrix out(X.rows(), X.cols());
  for_each_block(X, c, [&](Index start, const Matrix& a) { out.middleRows(start, a.rows()) = a; });
  return out;
}

// Sparse X: the same products through X's own, with the centering
// expanded (A = D X - sqrt_w m'), never densifying X.
inline Vector ones_or_sqrt_w(const Centering& c, Index n) { return c.weighted() ? c.sqrt_w : Vector::Ones(n); }

inline Matrix times(const CsrMatrix& X, const Centering& c, const Matrix& V) {
  Matrix out = X * V;
  if (c.center) out.rowwise() -= (c.x_offset.transpose() * V);
  if (c.weighted()) out = c.sqrt_w.asDiagonal() * out;
  return out;
}
inline Matrix transpose_times(const CsrMatrix& X, const Centering& c, const Matrix& B) {
  Matrix DB = c.weighted() ? Matrix(c.sqrt_w.asDiagonal() * B) : B;
  Matrix out = X.transpose() * DB;
  if (c.center) out -= c.x_offset * DB.colwise().sum();
  return out;
}
// A'A = X'WX - (sum w) m m'.
inline Matrix gram(const CsrMatrix& X, const Centering& c) {
  Matrix g;
  if (c.weighted()) {
    const CsrMatrix xw = c.sqrt_w.asDiagonal() * X;
    g = Matrix(xw.transpose() * xw);
  } else {
    g = Matrix(X.transpose() * X);
  }
  if (c.center) {
    const double total = c.weighted() ? c.sqrt_w.squaredNorm() : static_cast<double>(X.rows());
    g.noalias() -= total * c.x_offset * c.x_offset.transpose();
  }
  return g;
}
// AA' (n x n) = D X X' D - D X m s' - s m' X' D + (m'm) s s', s = sqrt(w).
inline Matrix kernel(const CsrMatrix& X, const Centering& c) {
  const CsrMatrix xw = c.weighted() ? CsrMatrix(c.sqrt_w.asDiagonal() * X) : X;
  Matrix k = Matrix(xw * xw.transpose());
  if (c.center) {
    const Vector s = ones_or_sqrt_w(c, X.rows());
    const Vector xm = xw * c.x_offset;
    k.noalias() -= xm * s.transpose();
    k.noalias() -= s * xm.transpose();
    k.noalias() += c.x_offset.squaredNorm() * s * s.transpose();
  }
  return k;
}

// predict on sparse X: stored entries finite, the feature count of fit.

// The sorted distinct labels; ValueError for non-integer ones (scikit-learn's
// "Unknown label type").
inline Vector sorted_classes(std::string_view where, const VectorView& y) {
  std::vector<double> v(y.data(), y.data() + y.size());
  for (double label : v)
    if (label != std::round(label))
      throw ValueError(
          cat(where, ": Unknown label type: continuous (got y = ", label, "; labels must be integer values)"));
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  return Eigen::Map<const Vector>(v.data(), static_cast<Index>(v.size()));
}

inline Index class_index(const Vector& classes, double label) {
  return std::lower_bound(classes.data(), classes.data() + classes.size(), label) - classes.data();
}

// LabelBinarizer(neg_label=-1, pos_label=1): one column (+1 for classes[1])
// for two classes, one per class otherwise.
inline Matrix binarize(const VectorView& y, const Vector& classes) {
  const Index K = classes.size();
  const Index cols = K == 2 ? 1 : K;
  Matrix Y = Matrix::Constant(y.size(), cols, -1.0);
  for (Index i = 0; i < y.size(); ++i) {
    const Index k = class_index(classes, y(i));
    if (K == 2) {
      if (k == 1) Y(i, 0) = 1.0;
    } else {
      Y(i, k) = 1.0;
    }
  }
  return Y;
}

// The sample weights times the class weights ("balanced": n / (K n_k),
// counted on the labels, as compute_sample_weight); empty when neither is given.
inline Vector classifier_weights(std::string_view where, const std::string& class_weight, const VectorView& y,
                                 const Vector& classes, const VectorView* sample_weight) {
  Vector counts;
  if (class_weight == "balanced") {
    counts = Vector::Zero(classes.size());
    for (Index i = 0; i < y.size(); ++i) counts(class_index(classes, y(i))) += 1;
  }
  // Checks class_weight ("" or "balanced" here: no dict) and weighs the classes.
  const Vector per_class = detail::class_weights(where, class_weight, {}, {}, classes, counts);
  Vector w;
  if (sample_weight) w = *sample_weight;
  if (class_weight.empty()) return w;
  if (w.size() == 0) w = Vector::Ones(y.size());
  for (Index i = 0; i < y.size(); ++i) w(i) *= per_class(class_index(classes, y(i)));
  return w;
}

}  // namespace scilearn::learn::ridge_detail
