#include "umfpack_lu.hpp"

#include <suitesparse/umfpack.h>

#include <limits>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>

namespace scilearn::sparse::detail {

namespace {

[[noreturn]] void fail(const char* where, const char* routine, int status) {
  if (status == UMFPACK_WARNING_singular_matrix) {
    throw LinAlgError(cat(where, ": the matrix is singular (UMFPACK found a zero or negligible pivot)"));
  }
  throw BackendError(cat("UMFPACK ", routine), status,
                     cat(where, ": UMFPACK ", routine, " failed with status ", status));
}

}  // namespace

UmfpackLU::UmfpackLU(const CompressedView& a, const char* where) : a_(a), where_(where) {
  // No stored entries (UMFPACK would reject the missing arrays): all-zero A.
  if (a.p[a.n] == 0) fail(where, "symbolic", UMFPACK_WARNING_singular_matrix);
  double control[UMFPACK_CONTROL];
  double info[UMFPACK_INFO];
  umfpack_di_defaults(control);
  int status = umfpack_di_symbolic(a.n, a.n, a.p, a.i, a.x, &symbolic_, control, nullptr);
  if (status != UMFPACK_OK) fail(where, "symbolic", status);
  status = umfpack_di_numeric(a.p, a.i, a.x, symbolic_, &numeric_, control, info);
  // UMFPACK flags only exact zero pivots; with its row scaling, a singular
  // matrix usually leaves a pivot of rounding size instead. Its pivot ratio
  // min |U_ii| / max |U_ii| below eps is singular to working precision (the
  // cut-off at which scipy.linalg.solve warns; issue 7 asks for an error).
  if (status == UMFPACK_OK && info[UMFPACK_RCOND] < std::numeric_limits<double>::epsilon()) {
    status = UMFPACK_WARNING_singular_matrix;
  }
  // A singular matrix is a warning to UMFPACK (the factors exist); to us it is an error.
  if (status != UMFPACK_OK) {
    umfpack_di_free_symbolic(&symbolic_);
    if (numeric_ != nullptr) umfpack_di_free_numeric(&numeric_);
    fail(where, "numeric", status);
  }
}

UmfpackLU::~UmfpackLU() {
  if (numeric_ != nullptr) umfpack_di_free_numeric(&numeric_);
  if (symbolic_ != nullptr) umfpack_di_free_symbolic(&symbolic_);
}

void UmfpackLU::solve(const double* b, double* x) const {
  // UMFPACK_Aat solves with the (non-conjugate) transpose of the stored matrix.
  const int sys = a_.transposed ? UMFPACK_Aat : UMFPACK_A;
  const int status = umfpack_di_solve(sys, a_.p, a_.i, a_.x, x, b, numeric_, nullptr, nullptr);
  if (status != UMFPACK_OK) fail(where_, "solve", status);
}

Matrix UmfpackLU::solve(const Eigen::Ref<const Matrix>& b) const {
  Matrix x(b.rows(), b.cols());
  for (Index j = 0; j < b.cols(); ++j) {
    const Vector column = b.col(j);  // contiguous, whatever b's stride
    solve(column.data(), x.col(j).data());
  }
  return x;
}

}  // namespace scilearn::sparse::detail
