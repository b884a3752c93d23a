#pragma once
// What the square Krylov solvers share: the checks at the public boundary,
// SciPy's tolerance rule, the starting point and the preconditioner step.

#include <optional>
#include <scilearn/core/types.hpp>
#include <scilearn/sparse/krylov.hpp>
#include <scilearn/sparse/linear_operator.hpp>
#include <string>
#include <string_view>

namespace scilearn::sparse::detail {

/// Throws ValueError unless b has A.rows() entries and a non-empty x0
/// A.cols(), both finite (every solver's check, square or least squares).
void check_rhs_and_start(std::string_view where, const LinearOperator& A, const VectorView& b, const Vector& x0);

/// Throws ValueError unless A is square, b (and a non-empty x0) has A's size
/// and is finite, and M (if any) has A's shape.
void check_square_system(std::string_view where, const LinearOperator& A, const VectorView& b, const Vector& x0,
                         const std::optional<LinearOperator>& M);

/// Throws ValueError unless rtol and atol are finite and >= 0 and maxiter >= 0.
void check_tolerances(std::string_view where, double rtol, double atol, int maxiter);

/// SciPy's _get_atol_rtol: the residual norm to reach, max(atol, rtol ||b||).
[[nodiscard]] double target_residual(double rtol, double atol, double b_norm);

/// The iteration limit: `given` when positive, else SciPy's default (a
/// multiple of the size), capped at the largest int so that it cannot wrap.
[[nodiscard]] int default_limit(int given, Index scipy_default);

/// x0, or zeros of size n when x0 is empty.
[[nodiscard]] Vector starting_point(const Vector& x0, Index n);

/// r = b - A x, skipping the product when x is zero (as SciPy: `x.any()`).
void initial_residual(const LinearOperator& A, const VectorView& b, const Vector& x, Vector& r);

/// z = M r, or z = r without a preconditioner.
inline void precondition(const std::optional<LinearOperator>& M, const Vector& r, Vector& z) {
  if (M) {
    M->apply(r, z);
  } else {
    z = r;
  }
}

/// The result for a zero right-hand side: x = 0, info 0.
[[nodiscard]] KrylovResult zero_rhs_result(Index n);

/// Result with the message for `info` (0, > 0 iteration limit, < 0 breakdown
/// described by `breakdown`).
[[nodiscard]] KrylovResult finish(Vector x, int info, int nit, std::string_view breakdown = {});

}  // namespace scilearn::sparse::detail
