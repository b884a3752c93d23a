#pragma once
// UMFPACK's LU factorization (Davis 2004) of a square CSC matrix, owned by RAII.

#include <scilearn/core/types.hpp>

#include "compressed_view.hpp"

namespace scilearn::sparse::detail {

class UmfpackLU {
 public:
  /// Factorizes `a` (whose arrays must outlive this object).
  /// Throws: LinAlgError for a singular matrix (naming `where`), BackendError otherwise.
  UmfpackLU(const CompressedView& a, const char* where);
  ~UmfpackLU();
  UmfpackLU(const UmfpackLU&) = delete;
  UmfpackLU& operator=(const UmfpackLU&) = delete;

  /// Solves A x = b (A^T x = b for a transposed view, i.e. the original A).
  void solve(const double* b, double* x) const;
  /// X = A^-1 B, column by column.
  [[nodiscard]] Matrix solve(const Eigen::Ref<const Matrix>& b) const;

 private:
  CompressedView a_;
  const char* where_;
  void* symbolic_ = nullptr;
  void* numeric_ = nullptr;
};

}  // namespace scilearn::sparse::detail
