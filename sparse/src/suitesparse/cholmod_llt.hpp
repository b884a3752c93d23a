#pragma once
// CHOLMOD's sparse Cholesky factorization (Chen, Davis, Hager & Rajamanickam
// 2008) of a symmetric positive definite matrix, owned by RAII.

#include <suitesparse/cholmod.h>

#include <scilearn/core/types.hpp>

#include "compressed_view.hpp"

namespace scilearn::sparse::detail {

class CholmodLLT {
 public:
  /// Factorizes the symmetric matrix whose upper triangle `a` holds (the lower
  /// one of the stored arrays when the view is transposed); the arrays must
  /// outlive this object.
  /// Throws: LinAlgError if A is not positive definite (naming `where` and the
  /// failing column), BackendError for other CHOLMOD failures.
  CholmodLLT(const CompressedView& a, const char* where);
  ~CholmodLLT();
  CholmodLLT(const CholmodLLT&) = delete;
  CholmodLLT& operator=(const CholmodLLT&) = delete;

  /// X = A^-1 B for the n x k matrix B.
  [[nodiscard]] Matrix solve(const Eigen::Ref<const Matrix>& b);

 private:
  [[noreturn]] void fail(const char* routine);

  const char* where_;
  cholmod_common common_{};
  cholmod_factor* factor_ = nullptr;
};

}  // namespace scilearn::sparse::detail
