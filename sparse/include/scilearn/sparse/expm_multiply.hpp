#pragma once
/// \file
/// The action of the matrix exponential, exp(A) B, without forming exp(A)
/// (scipy.sparse.linalg.expm_multiply): Al-Mohy & Higham, "Computing the
/// action of the matrix exponential", SIAM J. Sci. Comput. 33 (2011),
/// Algorithm 3.2: a truncated Taylor series in s steps of degree m chosen
/// from norm estimates of powers of A, after shifting A by trace(A) / n.
///
///     Vector u = sparse::expm_multiply(dt * laplacian, u0);   // one step of the heat equation

#include <optional>
#include <scilearn/core/types.hpp>
#include <scilearn/sparse/types.hpp>
#include <type_traits>

namespace scilearn::sparse {

/// Options of expm_multiply.
struct ExpmMultiplyOptions {
  std::optional<double> traceA{};  ///< trace(A) when the caller knows it; else summed from A's diagonal
  bool check_finite = true;        ///< reject NaN / Inf in A and B
};

namespace detail {
/// exp(A) B (defined in src/expm_multiply.cpp).
Matrix expm_multiply(const CsrMatrix& A, const Eigen::Ref<const Matrix>& B, const ExpmMultiplyOptions& options);
/// The same for CSC storage.
Matrix expm_multiply(const CscMatrix& A, const Eigen::Ref<const Matrix>& B, const ExpmMultiplyOptions& options);
}  // namespace detail

/// exp(A) B for square sparse A (CsrMatrix or CscMatrix) and B a vector (the
/// result is then a Vector) or an n x k matrix, to double precision (the
/// series stops when its terms fall below 2^-53 of the sum, as SciPy).
/// Throws: ValueError for a non-square A, a B of the wrong size, NaN / Inf
///         (with check_finite), a non-finite traceA.
/// Complexity: m s products of A with B, m s about ||A||_1 plus a few; with
///         large ||A||_1, also a few norm estimates of powers of A (onenormest).
template <class SparseA, class Derived>
requires(std::is_same_v<SparseA, CscMatrix> || std::is_same_v<SparseA, CsrMatrix>)
    [[nodiscard]] auto expm_multiply(const SparseA& A, const Eigen::MatrixBase<Derived>& B,
                                     const ExpmMultiplyOptions& options = {}) {
  if constexpr (Derived::ColsAtCompileTime == 1) {
    return Vector(detail::expm_multiply(A, B, options).col(0));
  } else {
    return detail::expm_multiply(A, B, options);
  }
}

}  // namespace scilearn::sparse
