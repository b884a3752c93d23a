#pragma once
// What lsqr and lsmr share: their input checks and the stable plane rotation.

#include <scilearn/core/types.hpp>
#include <scilearn/sparse/linear_operator.hpp>
#include <string_view>

namespace scilearn::sparse::detail {

/// Throws ValueError for the problems listed in lsqr.hpp.
void check_least_squares(std::string_view where, const LinearOperator& A, const VectorView& b, const Vector& x0,
                         double damp, double atol, double btol, double conlim, int iter_lim);

/// A plane rotation [c s; -s c] with c a + s b = r, c^2 + s^2 = 1, computed
/// without overflow (SciPy's _sym_ortho, from Choi's SymOrtho, 2006).
struct SymOrtho {
  double c, s, r;
};
[[nodiscard]] SymOrtho sym_ortho(double a, double b);

}  // namespace scilearn::sparse::detail
