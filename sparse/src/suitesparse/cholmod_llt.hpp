#pragma once
// CHOLMOD's sparse Cholesky factorization (Chen, Davis, Hager & Rajamanickam
// 2008) of a symmetric positive definite matrix, owned by RAII, with the
// Modify module's rank-k update / downdate (Davis & Hager 1999, 2001).

#include <suitesparse/cholmod.h>

#include <scilearn/core/types.hpp>
#include <scilearn/sparse/types.hpp>
#include <vector>

#include "compressed_view.hpp"

namespace scilearn::sparse::detail {

/// How CHOLMOD orders the rows and columns before factorizing.
struct CholmodOrdering {
  int method = -1;  ///< -1: CHOLMOD's default strategy; else CHOLMOD_NATURAL, _AMD, _METIS, _NESDIS
};

class CholmodLLT {
 public:
  /// Factorizes A + beta I, A the symmetric matrix whose upper triangle `a`
  /// holds (the lower one of the stored arrays when the view is transposed).
  /// Throws: LinAlgError if A + beta I is not positive definite (naming `where`
  /// and the failing column), BackendError for other CHOLMOD failures.
  CholmodLLT(const CompressedView& a, const char* where, CholmodOrdering ordering = {}, double beta = 0.0);
  ~CholmodLLT();
  CholmodLLT(const CholmodLLT&) = delete;
  CholmodLLT& operator=(const CholmodLLT&) = delete;

  /// X = A^-1 B for the n x k matrix B.
  [[nodiscard]] Matrix solve(const Eigen::Ref<const Matrix>& b);
  /// log det A, from the factor's diagonal. Complexity: O(n).
  [[nodiscard]] double logdet() const;
  /// The fill-reducing permutation: position k holds row perm[k] of A.
  [[nodiscard]] std::vector<Index> perm() const;
  /// L with P A P^T = L L^T (lower triangular CSC). Complexity: O(nnz(L)).
  [[nodiscard]] CscMatrix lower_factor();
  /// The factor of A + C C^T (update) or A - C C^T (downdate), C n x k with
  /// rows in A's order. A failed downdate (the result not positive definite)
  /// throws LinAlgError and leaves the factor of A unchanged.
  void updown(bool update, const CscMatrix& c);

 private:
  [[noreturn]] void fail(const char* routine);

  const char* where_;
  cholmod_common common_{};
  cholmod_factor* factor_ = nullptr;
};

}  // namespace scilearn::sparse::detail
