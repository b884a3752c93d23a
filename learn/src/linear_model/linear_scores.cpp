#include "linear_model/linear_scores.hpp"

#include <algorithm>

namespace scilearn::learn::detail {

Matrix checked_linear_scores(std::string_view where, const MatrixView& X, const Matrix& coef, const Vector& intercept) {
  const Index n = X.rows(), p = X.cols(), k = coef.rows();
  // 1024 rows: a column segment (8 KiB) stays in L1 between its check and its
  // product, and the block's scores (k of them per row) in L2.
  constexpr Index kBlock = 1024;
  Matrix scores(n, k);
  for (Index start = 0; start < n; start += kBlock) {
    const Index rows = std::min(kBlock, n - start);
    auto block = scores.middleRows(start, rows);
    block.rowwise() = intercept.transpose();
    for (Index j = 0; j < p; ++j) {
      const auto x = X.col(j).segment(start, rows);
      check_X_block(where, X, x);
      if (k == 1)
        block.col(0).noalias() += coef(0, j) * x;
      else
        block.noalias() += x * coef.col(j).transpose();
    }
  }
  return scores;
}

}  // namespace scilearn::learn::detail
