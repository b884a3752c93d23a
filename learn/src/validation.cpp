#include <cmath>
#include <scilearn/core/validation.hpp>
#include <scilearn/learn/validation.hpp>

namespace scilearn::learn {

void check_X(std::string_view where, const MatrixView& X, bool allow_nan) {
  check_non_empty(where, "X", X);
  // x * 0 is 0 for a finite x and NaN for NaN or Inf: one vectorized sum clears
  // the common all-finite case at twice the speed of allFinite().
  if ((X.array() * 0.0).sum() == 0.0) return;
  if (allow_nan) {
    for (Index j = 0; j < X.cols(); ++j)
      for (Index i = 0; i < X.rows(); ++i)
        if (std::isinf(X(i, j)))
          throw ValueError(cat(where, ": X must not contain infinity, but entry (", i, ", ", j, ") is ", X(i, j)));
  } else {
    check_finite(where, "X", X);
  }
}

void check_X_y(std::string_view where, const MatrixView& X, const VectorView& y, bool allow_nan) {
  check_X(where, X, allow_nan);
  check_same_length(where, "X", X.rows(), "y", y.size());
  check_finite(where, "y", y);
}

void check_X_y_shape(std::string_view where, const MatrixView& X, const VectorView& y) {
  check_non_empty(where, "X", X);
  check_same_length(where, "X", X.rows(), "y", y.size());
  check_finite(where, "y", y);
}

void check_X_block(std::string_view where, const MatrixView& X, const Eigen::Ref<const Matrix>& block) {
  if ((block.array() * 0.0).sum() == 0.0) return;
  check_X(where, X);
}

void check_n_features(std::string_view estimator, const MatrixView& X, Index n_features_in) {
  if (X.cols() != n_features_in)
    throw ValueError(
        cat("X has ", X.cols(), " features, but ", estimator, " is expecting ", n_features_in, " features as input"));
}

void check_sample_weight(std::string_view where, const VectorView& sample_weight, Index n_samples) {
  if (sample_weight.size() == 0) return;
  check_same_length(where, "sample_weight", sample_weight.size(), "X", n_samples);
  check_finite(where, "sample_weight", sample_weight);
  if ((sample_weight.array() < 0).any())
    throw ValueError(cat(where, ": sample_weight must be non-negative, but its minimum is ", sample_weight.minCoeff()));
  if (!(sample_weight.sum() > 0)) throw ValueError(cat(where, ": sample_weight sums to zero"));
}

Vector sample_weight_or_ones(const VectorView& sample_weight, Index n_samples) {
  return sample_weight.size() == 0 ? Vector::Ones(n_samples) : Vector(sample_weight);
}

}  // namespace scilearn::learn
