#include "cholmod_llt.hpp"

#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>

namespace scilearn::sparse::detail {

CholmodLLT::CholmodLLT(const CompressedView& a, const char* where) : where_(where) {
  cholmod_start(&common_);
  // Errors become exceptions here; CHOLMOD must not also print them.
  common_.print = 0;
  // LL' throughout: a simplicial LDL' factorization (CHOLMOD's default for
  // small or very sparse matrices) succeeds on indefinite matrices, LL' stops
  // at the first non-positive pivot, which is the test we want.
  common_.final_ll = 1;
  // A read-only view of the caller's arrays: CHOLMOD's analyze and factorize
  // do not write to their input.
  cholmod_sparse view{};
  view.nrow = view.ncol = static_cast<std::size_t>(a.n);
  view.nzmax = static_cast<std::size_t>(a.p[a.n]);
  view.p = const_cast<int*>(a.p);
  view.i = const_cast<int*>(a.i);
  view.x = const_cast<double*>(a.x);
  // stype 1: use the upper triangle. For a CSR A the arrays hold A^T, whose
  // lower triangle is A's upper one.
  view.stype = a.transposed ? -1 : 1;
  view.itype = CHOLMOD_INT;
  view.xtype = CHOLMOD_REAL;
  view.dtype = CHOLMOD_DOUBLE;
  view.sorted = 1;
  view.packed = 1;
  factor_ = cholmod_analyze(&view, &common_);
  if (factor_ == nullptr || common_.status < CHOLMOD_OK) fail("analyze");
  cholmod_factorize(&view, factor_, &common_);
  if (common_.status == CHOLMOD_NOT_POSDEF) {
    const auto column = factor_->minor;
    cholmod_free_factor(&factor_, &common_);
    cholmod_finish(&common_);
    throw LinAlgError(cat(where, ": the matrix is not positive definite (CHOLMOD: the leading minor of order ",
                          column + 1, " is not positive)"));
  }
  if (common_.status < CHOLMOD_OK) fail("factorize");
}

CholmodLLT::~CholmodLLT() {
  if (factor_ != nullptr) cholmod_free_factor(&factor_, &common_);
  cholmod_finish(&common_);
}

void CholmodLLT::fail(const char* routine) {
  const int status = common_.status;
  if (factor_ != nullptr) cholmod_free_factor(&factor_, &common_);
  cholmod_finish(&common_);
  throw BackendError(cat("CHOLMOD ", routine), status,
                     cat(where_, ": CHOLMOD ", routine, " failed with status ", status));
}

Matrix CholmodLLT::solve(const Eigen::Ref<const Matrix>& b) {
  cholmod_dense rhs{};
  rhs.nrow = static_cast<std::size_t>(b.rows());
  rhs.ncol = static_cast<std::size_t>(b.cols());
  rhs.d = static_cast<std::size_t>(b.outerStride());
  rhs.nzmax = rhs.d * rhs.ncol;
  rhs.x = const_cast<double*>(b.data());  // read only by cholmod_solve
  rhs.xtype = CHOLMOD_REAL;
  rhs.dtype = CHOLMOD_DOUBLE;
  cholmod_dense* x = cholmod_solve(CHOLMOD_A, factor_, &rhs, &common_);
  if (x == nullptr) {
    throw BackendError("CHOLMOD solve", common_.status,
                       cat(where_, ": CHOLMOD solve failed with status ", common_.status));
  }
  Matrix out = Eigen::Map<const Matrix, 0, Eigen::OuterStride<>>(static_cast<const double*>(x->x), b.rows(), b.cols(),
                                                                 Eigen::OuterStride<>(static_cast<Index>(x->d)));
  cholmod_free_dense(&x, &common_);
  return out;
}

}  // namespace scilearn::sparse::detail
