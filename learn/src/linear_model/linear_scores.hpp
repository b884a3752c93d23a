#pragma once
// The scores X coef' + intercept of a fitted linear model on dense X, with X's
// finiteness checked in the same pass over memory (predict-like methods read X
// once instead of twice).

#include <scilearn/learn/validation.hpp>
#include <string_view>

namespace scilearn::learn::detail {

// n_samples x coef.rows() scores. X's columns are read a block of rows at a
// time; each column segment is checked (check_X_block: ValueError naming
// `where` and the first non-finite entry) while it is in L1, then added to
// the block's scores. The caller has checked the shapes (check_input_shape).
// Complexity: O(n_samples n_features coef.rows()), one read of X.
[[nodiscard]] Matrix checked_linear_scores(std::string_view where, const MatrixView& X, const Matrix& coef,
                                           const Vector& intercept);

}  // namespace scilearn::learn::detail
