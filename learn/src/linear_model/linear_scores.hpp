#pragma once
// The scores X coef' + intercept of a fitted linear model on dense X, with X's
// finiteness checked in the same pass over memory (predict-like methods read X
// once instead of twice).

#include <scilearn/learn/validation.hpp>
#include <string_view>

namespace scilearn::learn::detail {

// n_samples x coef.rows() scores. X is read a block of rows at a time; each
// block is checked (check_X_block: ValueError naming `where` and the first
// non-finite entry) while in cache, then multiplied (one column segment at a
// time for one score column, one GEMM for several). The caller has checked the shapes (check_input_shape).
// Complexity: O(n_samples n_features coef.rows()), one read of X.
[[nodiscard]] Matrix checked_linear_scores(std::string_view where, const MatrixView& X, const Matrix& coef,
                                           const Vector& intercept);

}  // namespace scilearn::learn::detail
