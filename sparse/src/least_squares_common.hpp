#pragma once
// What lsqr and lsmr share: their input checks and the stable plane rotation.

#include <scilearn/core/types.hpp>
#include <scilearn/sparse/linear_operator.hpp>
#include <string_view>

namespace scilearn::sparse::detail {

/// Throws ValueError for the problems listed in lsqr.hpp.
void check_least_squares(std::string_view where, const LinearOperator& A, const VectorView& b, const Vector& x0,
                         double damp, double atol, double btol, double conlim, int iter_lim);

/// The start of the Golub-Kahan bidiagonalization of lsqr and lsmr:
/// x = x0 (zeros when empty), beta u = b - A x, alpha v = A^T u, u and v of
/// unit norm. When b - A x0 is 0, v is x (lsqr, `v_from_x`) or 0 (lsmr), as
/// in SciPy. av is scratch of A.rows() entries.
struct BidiagonalStart {
  double alpha, beta;
};
[[nodiscard]] BidiagonalStart bidiagonal_start(const LinearOperator& A, const VectorView& b, const Vector& x0, Vector& x,
                                               Vector& u, Vector& v, Vector& av, bool v_from_x);

/// A plane rotation [c s; -s c] with c a + s b = r, c^2 + s^2 = 1, computed
/// without overflow (SciPy's _sym_ortho, from Choi's SymOrtho, 2006).
struct SymOrtho {
  double c, s, r;
};
[[nodiscard]] SymOrtho sym_ortho(double a, double b);

}  // namespace scilearn::sparse::detail
