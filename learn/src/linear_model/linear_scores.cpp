#include "linear_model/linear_scores.hpp"

#include <algorithm>

namespace scilearn::learn::detail {

Matrix checked_linear_scores(std::string_view where, const MatrixView& X, const Matrix& coef, const Vector& intercept) {
  const Index n = X.rows(), p = X.cols(), k = coef.rows();
  Matrix scores(n, k);
  if (k == 1) {
    // 1024 rows: a column segment (8 KiB) stays in L1 between its check and
    // its axpy into the block's scores.
    constexpr Index kBlock = 1024;
    for (Index start = 0; start < n; start += kBlock) {
      const Index rows = std::min(kBlock, n - start);
      auto block = scores.col(0).segment(start, rows);
      block.setConstant(intercept(0));
      for (Index j = 0; j < p; ++j) {
        const auto x = X.col(j).segment(start, rows);
        check_X_block(where, X, x);
        block.noalias() += coef(0, j) * x;
      }
    }
    return scores;
  }
  // Several score columns: each block of rows (about 256 KiB, in L2) is
  // checked, then multiplied by one GEMM while it is still in cache.
  const Index block_rows = std::clamp<Index>(32768 / std::max<Index>(p, 1), 16, 1024);
  for (Index start = 0; start < n; start += block_rows) {
    const Index rows = std::min(block_rows, n - start);
    const auto x = X.middleRows(start, rows);
    check_X_block(where, X, x);
    auto block = scores.middleRows(start, rows);
    block.rowwise() = intercept.transpose();
    block.noalias() += x * coef.transpose();
  }
  return scores;
}

}  // namespace scilearn::learn::detail
