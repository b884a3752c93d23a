#pragma once
/// \file
/// CHOLMOD's sparse Cholesky factorization kept as an object (what SciPy users
/// get from scikit-sparse's `sksparse.cholmod.cholesky`): factor once, solve
/// many times, read the log-determinant, and update or downdate the factor
/// when A changes by a low-rank term, without refactorizing.
///
///     sparse::Cholesky chol(a);                 // A = P^T L L^T P, A SPD (upper triangle read)
///     Vector x = chol.solve(b);
///     double ld = chol.logdet();                // log det A, e.g. for a Gaussian likelihood
///     chol.update(c);                           // now the factor of A + C C^T
///
/// SuiteSparse stays behind this interface (its headers are not included here).

#include <memory>
#include <scilearn/core/types.hpp>
#include <scilearn/sparse/types.hpp>
#include <vector>

namespace scilearn::sparse {

/// The fill-reducing ordering CHOLMOD applies (scikit-sparse's ordering_method).
enum class CholeskyOrdering {
  automatic,  ///< CHOLMOD's default: AMD, and METIS when AMD gives much fill
  natural,    ///< none: factor A as given
  amd,        ///< approximate minimum degree
  metis,      ///< METIS nested dissection
  nesdis,     ///< CHOLMOD's own nested dissection (METIS-based, with constrained minimum degree)
};

/// Options of the Cholesky factorization.
struct CholeskyOptions {
  double beta = 0.0;                                     ///< factor A + beta I
  CholeskyOrdering ordering = CholeskyOrdering::automatic;  ///< fill-reducing ordering
  bool check_finite = true;                              ///< reject NaN / Inf in A (and in b, C)
};

/// A sparse Cholesky factorization P (A + beta I) P^T = L L^T of a symmetric
/// positive definite A (CSC or CSR; only its upper triangle is read, as
/// spsolve with AssumeA::pos; scikit-sparse reads the lower one, so an A that
/// stores only its lower triangle is refused). Move-only: it owns CHOLMOD's
/// factor; a moved-from object throws ValueError when used.
///
/// Thread safety: member functions may be called from several threads; they
/// take turns (CHOLMOD's solve uses the object's workspace).
class Cholesky {
 public:
  /// Factorizes A + beta I.
  /// Throws: ValueError for a non-square A, one too large for 32-bit indices,
  /// NaN / Inf (with check_finite), non-finite beta, an A with entries below
  /// its diagonal but none above; LinAlgError when A + beta I
  /// is not positive definite (naming the failing leading minor); BackendError
  /// for other CHOLMOD failures (e.g. out of memory).
  /// Complexity: the symbolic analysis and numeric factorization (fill-dependent;
  /// about n^1.5 for 2-D grid problems).
  explicit Cholesky(const CscMatrix& A, const CholeskyOptions& options = {});
  /// The same for CSR storage.
  explicit Cholesky(const CsrMatrix& A, const CholeskyOptions& options = {});
  ~Cholesky();
  Cholesky(Cholesky&&) noexcept;
  Cholesky& operator=(Cholesky&&) noexcept;
  Cholesky(const Cholesky&) = delete;
  Cholesky& operator=(const Cholesky&) = delete;

  /// n, the order of A.
  [[nodiscard]] Index rows() const noexcept { return n_; }
  /// Solves (A + beta I) x = b: b a vector (x is then a Vector) or an n x k
  /// matrix of right-hand sides (x a Matrix).
  /// Throws: ValueError for a b of the wrong size or (with check_finite) NaN /
  /// Inf. Complexity: two sparse triangular solves per column.
  template <class Derived>
  [[nodiscard]] auto solve(const Eigen::MatrixBase<Derived>& b) const {
    if constexpr (Derived::ColsAtCompileTime == 1) {
      return Vector(solve_matrix(b).col(0));
    } else {
      return solve_matrix(b);
    }
  }
  /// log det(A + beta I) (= 2 sum log L_jj). Complexity: O(n).
  [[nodiscard]] double logdet() const;
  /// The fill-reducing permutation p: row k of P A P^T is row p[k] of A
  /// (scikit-sparse's Factor.P()).
  [[nodiscard]] std::vector<Index> P() const;
  /// The lower-triangular factor L of P (A + beta I) P^T = L L^T.
  /// Complexity: O(nnz(L)) (a copy).
  [[nodiscard]] CscMatrix L() const;
  /// Makes this the factorization of A + beta I + C C^T (a rank-k update; C is
  /// n x k, rows in A's order). Complexity: proportional to the entries of L
  /// that change, often far less than refactorizing.
  /// Throws: ValueError when C does not have n rows or (with check_finite) has
  /// NaN / Inf; BackendError when CHOLMOD fails (out of memory), after which
  /// the factorization is unspecified.
  void update(const CscMatrix& C);
  /// Makes this the factorization of A + beta I - C C^T.
  /// Throws: as update, and LinAlgError when the result would not be positive
  /// definite; the factorization is then unchanged.
  void downdate(const CscMatrix& C);

 private:
  struct Impl;
  [[nodiscard]] Matrix solve_matrix(const Eigen::Ref<const Matrix>& B) const;
  [[nodiscard]] Impl& impl() const;
  std::unique_ptr<Impl> impl_;
  Index n_ = 0;
  bool check_finite_ = true;
};

}  // namespace scilearn::sparse
