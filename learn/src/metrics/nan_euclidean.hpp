#pragma once
// The block kernel of nan_euclidean_distances, shared with KNNImputer.
//
// For rows x, y with missing entries, the squared distance over the
// coordinates present in both is
//   sum_k py_k x_k^2 + sum_k px_k y_k^2 - 2 sum_k x_k y_k
// with x, y zero-filled and px, py their presence masks (0 / 1). So one GEMM
// with inner dimension 3 p, [x^2 | px | -2 x] against [py | y^2 | y], gives
// every squared distance of a block of X's rows to all of Y's rows, and a
// second one, px against py, the count of shared coordinates. The distance is
// then sqrt(max(d2, 0) / count * p) (scikit-learn's weight p / count), NaN
// where count is 0. This is scikit-learn's norm trick, so its rounding is of
// the same kind: about eps (|x|^2 + |y|^2) absolute on d2.

#include <scilearn/learn/validation.hpp>

namespace scilearn::learn::detail {

// Scratch of one thread.
struct NanEuclideanWorkspace {
  Matrix A;       // block rows x 3 p: [x^2 | px | -2 x]
  Matrix counts;  // n_y x block rows
};

// Y prepared once: [py | y^2 | y], n_y x 3 p.
class NanEuclideanReference {
 public:
  NanEuclideanReference(const MatrixView& Y, double missing_values);

  [[nodiscard]] Index rows() const { return B_.rows(); }
  [[nodiscard]] Index features() const { return p_; }
  // Whether Y(j, k) is present.
  [[nodiscard]] bool present(Index j, Index k) const { return B_(j, k) != 0.0; }
  // Rows of X per block: fixed by Y's size alone (so blocks, and with them
  // the results, do not depend on the thread count), keeping a block's
  // distance and count matrices near 8 MiB each.
  [[nodiscard]] Index block_rows() const;

  // D (n_y x b): column r the distances from X's row indices[r] to every row of
  // Y (squared if asked), NaN where no coordinate is present in both. BLAS
  // runs in the calling thread's pool: call with BlasThreadLimit(1) active
  // for thread-count-independent results.
  void distances(const MatrixView& X, const Index* indices, Index b, bool squared, NanEuclideanWorkspace& ws,
                 Matrix& D) const;

 private:
  double missing_values_;
  Index p_;
  Matrix B_;
};

}  // namespace scilearn::learn::detail
