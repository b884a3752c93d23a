#pragma once
// The input checks of the direct solvers (spsolve, factorized, Cholesky,
// splu, qr) and of the eigensolvers' matrices.

#include <cmath>
#include <limits>
#include <string_view>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/core/validation.hpp>
#include <scilearn/sparse/types.hpp>

namespace scilearn::sparse::detail {

/// Throws ValueError naming the first stored entry of `a` that is NaN or Inf.
template <class M>
void check_stored_finite(std::string_view where, std::string_view name, const M& a) {
  for (Index k = 0; k < a.outerSize(); ++k) {
    for (typename M::InnerIterator it(a, k); it; ++it) {
      if (!std::isfinite(it.value())) {
        throw ValueError(cat(where, ": ", name, " must contain only finite values, but entry (", it.row(), ", ",
                             it.col(), ") is ", it.value()));
      }
    }
  }
}

/// Throws ValueError unless A is square, fits 32-bit SuiteSparse indices and
/// (with check_finite) stores only finite values.
template <class M>
void check_direct_matrix(const char* where, const M& a, bool require_finite) {
  check_square(where, "A", a);
  if (a.rows() > std::numeric_limits<int>::max() - 1) {
    throw ValueError(cat(where, ": A has ", a.rows(), " rows; 32-bit indices hold at most 2^31 - 2"));
  }
  if (require_finite) check_stored_finite(where, "A", a);
}

/// Throws ValueError unless B has n rows and (with check_finite) finite entries.
inline void check_direct_rhs(const char* where, Index n, const Eigen::Ref<const Matrix>& b, bool require_finite) {
  if (b.rows() != n) throw ValueError(cat(where, ": A is ", n, "x", n, " but b has ", b.rows(), " rows"));
  if (require_finite) check_finite(where, "b", b);
}

}  // namespace scilearn::sparse::detail
