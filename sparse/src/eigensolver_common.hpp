#pragma once
// What eigsh, eigs and svds share: option checks with SciPy's rules and
// defaults, the starting vector, and the operator ARPACK iterates with
// (A itself, the user's OPinv, or a factorization of A - sigma I).

#include <cstdint>
#include <optional>
#include <scilearn/core/types.hpp>
#include <scilearn/sparse/factorized.hpp>
#include <scilearn/sparse/linear_operator.hpp>
#include <scilearn/sparse/types.hpp>

#include "arpack/arpack_driver.hpp"

namespace scilearn::sparse::detail {

/// Throws ValueError unless A is square and its order fits ARPACK's int.
void check_eigen_operator(const char* where, const LinearOperator& A);

/// Throws ValueError unless 0 < k < n - k_gap (eigsh: gap 0, eigs: gap 1).
void check_k(const char* where, int k, Index n, int k_gap);

/// ncv, or SciPy's default min(n, max(2k + 1, 20)); ValueError unless
/// k + ncv_gap < ncv <= n (eigsh: gap 0, eigs: gap 1).
[[nodiscard]] int resolve_ncv(const char* where, int ncv, int k, Index n, int ncv_gap);

/// maxiter, or SciPy's default 10 n (capped at INT_MAX); ValueError when negative.
[[nodiscard]] int resolve_maxiter(const char* where, int maxiter, Index n);

/// Throws ValueError for a negative or non-finite tol.
void check_tol(const char* where, double tol);

/// v0 (checked: n entries, finite, not all zero), or n values uniform on
/// [-1, 1) from Generator(seed), as ARPACK draws its own.
[[nodiscard]] Vector starting_vector(const char* where, const Vector& v0, std::uint64_t seed, Index n);

/// y = A x as ARPACK's operator.
[[nodiscard]] ArpackOperator as_arpack_operator(const LinearOperator& A);

/// The shift-invert operator (A - sigma I)^-1 ARPACK's mode 3 iterates with:
/// OPinv when given (checked to be n x n), else for a matrix A a factorization
/// of A - sigma I (Cholesky first when `try_cholesky`, LU if that fails), else
/// a ValueError asking for OPinv.
class ShiftInvert {
 public:
  /// For a matrix-free (or dense) A: OPinv is required.
  ShiftInvert(const char* where, Index n, const std::optional<LinearOperator>& OPinv);
  /// For a CSR / CSC matrix A: OPinv if given, else a factorization.
  template <class M>
  ShiftInvert(const char* where, const M& A, double sigma, const std::optional<LinearOperator>& OPinv,
              bool try_cholesky);
  // op() refers to this object: it must stay where it is.
  ShiftInvert(const ShiftInvert&) = delete;
  ShiftInvert& operator=(const ShiftInvert&) = delete;
  /// y = (A - sigma I)^-1 x; valid while this object lives.
  [[nodiscard]] ArpackOperator op() const;

 private:
  std::optional<LinearOperator> opinv_;
  std::optional<Factorized> factors_;
};

/// Throws ValueError when sigma is NaN / Inf, or OPinv is given without sigma.
void check_shift(const char* where, const std::optional<double>& sigma, const std::optional<LinearOperator>& OPinv);

/// The checked ARPACK problem for eigsh (gap 0) or eigs (gap 1, which needs
/// k < n - 1 and ncv > k + 1), from their options (the same fields in both).
template <class Options>
[[nodiscard]] ArpackProblem make_problem(const char* where, const LinearOperator& A, int k, int gap,
                                         const Options& o, const char* which) {
  check_eigen_operator(where, A);
  const Index n = A.rows();
  check_k(where, k, n, gap);
  const int ncv = resolve_ncv(where, o.ncv, k, n, gap);
  const int maxiter = resolve_maxiter(where, o.maxiter, n);
  check_tol(where, o.tol);
  check_shift(where, o.sigma, o.OPinv);
  return {.where = where, .n = static_cast<int>(n), .k = k, .ncv = ncv, .maxiter = maxiter, .tol = o.tol,
          .which = which, .mode = o.sigma ? 3 : 1, .sigma = o.sigma.value_or(0.0),
          .start = starting_vector(where, o.v0, o.seed, n), .vectors = o.return_eigenvectors};
}

}  // namespace scilearn::sparse::detail
