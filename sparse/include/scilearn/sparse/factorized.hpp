#pragma once
/// \file
/// Factor once, solve many times (scipy.sparse.linalg.factorized): the
/// factorization of spsolve kept in an object.
///
///     const sparse::Factorized solve = sparse::factorized(a);        // UMFPACK LU
///     Vector x1 = solve(b1), x2 = solve(b2);
///     auto chol = sparse::factorized(spd, {.assume_a = sparse::AssumeA::pos});  // CHOLMOD

#include <memory>
#include <scilearn/core/types.hpp>
#include <scilearn/sparse/spsolve.hpp>
#include <scilearn/sparse/types.hpp>

namespace scilearn::sparse {

/// A factorized square matrix: solves A x = b for any number of b. The LU
/// holds its own copy of A (UMFPACK's solve reads it); neither refers to the
/// caller's matrix. Copies share the factorization.
/// Thread safety: solves may run concurrently (CHOLMOD's are serialized
/// internally, as its workspace is shared).
class Factorized {
 public:
  /// Solves A x = b. Throws: ValueError for a b of the wrong size or, with
  /// check_finite, NaN / Inf. Complexity: two sparse triangular solves.
  [[nodiscard]] Vector operator()(const VectorView& b) const;
  /// Solves A X = B for the n x k matrix B.
  [[nodiscard]] Matrix solve(const Eigen::Ref<const Matrix>& B) const;
  /// n, the order of A.
  [[nodiscard]] Index rows() const noexcept;

  /// \cond INTERNAL
  struct Impl;
  explicit Factorized(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}
  /// \endcond

 private:
  std::shared_ptr<const Impl> impl_;
};

/// Factorizes A as spsolve would (UMFPACK LU, or CHOLMOD Cholesky with
/// `assume_a = pos`, reading the upper triangle).
/// Throws: as spsolve (ValueError for bad A, LinAlgError for singular / not
/// positive definite A, BackendError for other SuiteSparse failures).
/// Complexity: one sparse factorization, plus a copy of A (for the LU; for
/// the Cholesky of a CSR A, its CSC conversion).
[[nodiscard]] Factorized factorized(const CscMatrix& A, const SpsolveOptions& options = {});
/// The same for CSR storage.
[[nodiscard]] Factorized factorized(const CsrMatrix& A, const SpsolveOptions& options = {});

}  // namespace scilearn::sparse
