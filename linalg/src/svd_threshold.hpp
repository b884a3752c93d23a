#pragma once
// Internal: the cut-off rule that pinv, matrix_rank, orth and null_space share:
// singular values above a tolerance count, those at or below it are taken
// as zero (SciPy's and NumPy's `s > tol`, a strict comparison).

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/core/types.hpp>

namespace scilearn::linalg::detail {

// The largest singular value, 0 when there is none (NumPy's np.amax(s, initial=0.)).
template <class R>
R largest_or_zero(const VectorT<R>& s) {
  return s.size() == 0 ? R(0) : s.maxCoeff();
}

// How many singular values exceed tol.
template <class R>
Index count_above(const VectorT<R>& s, R tol) {
  return static_cast<Index>((s.array() > tol).count());
}

// The default relative tolerance of pinv, matrix_rank, orth and null_space:
// max(m, n) times NumPy's finfo(dtype).eps (the spacing of 1, twice LAPACK's
// unit roundoff).
template <class R>
R default_rtol(Index m, Index n) {
  return static_cast<R>(std::max(m, n)) * std::numeric_limits<R>::epsilon();
}

// A tolerance the user set, rounded to the real type R. NaN is a ValueError
// (SciPy and NumPy let it through, which silently gives rank 0), and so is a
// negative value unless allowed (pinv rejects one, as SciPy; matrix_rank, orth
// and null_space take it, as SciPy and NumPy: every singular value then counts).
template <class R>
std::optional<R> checked_tolerance(const char* where, const char* name, std::optional<double> value,
                                   bool allow_negative) {
  if (!value) return std::nullopt;
  if (std::isnan(*value) || (!allow_negative && *value < 0)) {
    throw ValueError(
        cat(where, ": ", name, " must be a ", allow_negative ? "" : "non-negative ", "number, got ", *value));
  }
  return static_cast<R>(*value);
}

}  // namespace scilearn::linalg::detail
