#pragma once
// Centering shared by the linear models of this folder: scikit-learn's
// _preprocess_data without normalization (X_scale is 1), optionally followed
// by its sqrt(sample_weight) row scaling (rescale_with_sw).

#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/learn/validation.hpp>

namespace scilearn::learn::bayes_lars_detail {

struct CenteredData {
  Matrix X;  // X - x_offset, rows times sqrt(w) when rescaled
  Vector y;  // y - y_offset, likewise
  Vector x_offset;
  double y_offset = 0;
};

// Weighted means when sample_weight is given (weights summing to > 0), plain
// means otherwise; zero offsets without an intercept.
inline CenteredData center_data(const MatrixView& X, const VectorView& y, bool fit_intercept,
                                const VectorView* sample_weight = nullptr, bool rescale_with_sw = false) {
  CenteredData out;
  const Index p = X.cols();
  out.x_offset = Vector::Zero(p);
  if (fit_intercept) {
    if (sample_weight) {
      const double total = sample_weight->sum();
      out.x_offset.noalias() = X.transpose() * *sample_weight / total;
      out.y_offset = sample_weight->dot(y) / total;
    } else {
      out.x_offset = X.colwise().mean().transpose();
      out.y_offset = y.mean();
    }
    out.X = X.rowwise() - out.x_offset.transpose();
    out.y = y.array() - out.y_offset;
  } else {
    out.X = X;
    out.y = y;
  }
  if (sample_weight && rescale_with_sw) {
    const Vector root = sample_weight->cwiseSqrt();
    out.X = root.asDiagonal() * out.X;
    out.y = out.y.cwiseProduct(root);
  }
  return out;
}

// X'X by a symmetric rank-k update (BLAS syrk: half the flops of gemm, and
// several times faster than Eigen's transposed gemm here), both triangles filled.
inline Matrix gram_matrix(const Eigen::Ref<const Matrix>& X) {
  Matrix gram = Matrix::Zero(X.cols(), X.cols());
  gram.selfadjointView<Eigen::Lower>().rankUpdate(X.transpose());
  gram.triangularView<Eigen::StrictlyUpper>() = gram.transpose();
  return gram;
}

inline void reject_sample_weight(std::string_view estimator, const VectorView* sample_weight) {
  if (sample_weight)
    throw ValueError(
        cat(estimator, ".fit: sample_weight is not supported (scikit-learn's ", estimator, ".fit takes X and y only)"));
}

}  // namespace scilearn::learn::bayes_lars_detail
