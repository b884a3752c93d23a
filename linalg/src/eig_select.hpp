#pragma once
// Internal: SciPy's `select` / `select_range` of eig_banded and
// eigh_tridiagonal (scipy.linalg._decomp._check_select), checked and turned
// into LAPACK's range arguments.

#include <array>
#include <cmath>
#include <optional>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/linalg/eig_banded.hpp>

#include "lapack_eig.hpp"

namespace scilearn::linalg::detail {

using Selection = LapackRange;

// SciPy's checks and messages, in SciPy's order, for a matrix of order n.
inline Selection checked_selection(const char* where, EigSelect select,
                                   const std::optional<std::array<double, 2>>& select_range, Index n) {
  if (select != EigSelect::a && select != EigSelect::v && select != EigSelect::i) {
    throw ValueError(cat(where, ": invalid argument for select (", static_cast<int>(select), ")"));
  }
  if (select == EigSelect::a) return {};
  // NaN fails the order test too (LAPACK would otherwise receive it).
  if (!select_range || !((*select_range)[0] <= (*select_range)[1])) {
    throw ValueError(cat(where, ": select_range must be a 2-element array-like in nondecreasing order"));
  }
  const auto [lo, hi] = *select_range;
  if (select == EigSelect::v) return {.range = 'V', .vl = lo, .vu = hi};
  if (lo != std::floor(lo) || hi != std::floor(hi)) {
    throw ValueError(cat(where, ": when using select=\"i\", select_range must contain integers, got ", lo, ", ", hi));
  }
  if (lo < 0 || hi > static_cast<double>(n - 1)) {
    throw ValueError(cat(where, ": select_range out of bounds (", lo, ", ", hi, " for order ", n, ")"));
  }
  return {.range = 'I', .il = static_cast<lapack_index>(lo) + 1, .iu = static_cast<lapack_index>(hi) + 1};
}

// LAPACK rejects an empty interval (vl >= vu) as an illegal argument, which
// SciPy passes on as a ValueError; say so in words.
inline void check_nonempty_interval(const char* where, const Selection& s) {
  if (s.range == 'V' && !(s.vl < s.vu)) {
    throw ValueError(cat(where, ": select='v' needs select_range low < high (LAPACK rejects the empty interval (", s.vl,
                         ", ", s.vu, "])"));
  }
}

}  // namespace scilearn::linalg::detail
