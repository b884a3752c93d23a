// qr / qr_solve: SuiteSparseQR, which takes CHOLMOD objects with 64-bit
// indices (cholmod_l_*).
#include <suitesparse/SuiteSparseQR.hpp>
#include <suitesparse/SuiteSparseQR_C.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/core/validation.hpp>
#include <scilearn/sparse/qr.hpp>

#include "direct_checks.hpp"

namespace scilearn::sparse {

namespace {

int spqr_ordering(QrOrdering o) {
  switch (o) {
    case QrOrdering::automatic: return SPQR_ORDERING_DEFAULT;
    case QrOrdering::natural: return SPQR_ORDERING_NATURAL;
    case QrOrdering::colamd: return SPQR_ORDERING_COLAMD;
    case QrOrdering::amd: return SPQR_ORDERING_AMD;
    case QrOrdering::metis: return SPQR_ORDERING_METIS;
    case QrOrdering::best: return SPQR_ORDERING_BEST;
  }
  throw ValueError(cat("qr: unknown ordering (", static_cast<int>(o), ")"));
}

/// SuiteSparseQR's tol: negative means its default (SPQR_DEFAULT_TOL).
double spqr_tol(const char* where, double tol) {
  if (!std::isfinite(tol)) throw ValueError(cat(where, ": tol must be finite (negative: the default), got ", tol));
  return tol < 0 ? SPQR_DEFAULT_TOL : tol;
}

/// A cholmod_common for the 64-bit interface, finished by RAII.
struct Common {
  Common() {
    cholmod_l_start(&cc);
    cc.print = 0;  // errors become exceptions here
  }
  ~Common() { cholmod_l_finish(&cc); }
  Common(const Common&) = delete;
  Common& operator=(const Common&) = delete;
  [[noreturn]] void fail(const char* where, const char* routine) const {
    throw BackendError(cat("SuiteSparseQR ", routine), cc.status,
                       cat(where, ": SuiteSparseQR ", routine, " failed with CHOLMOD status ", cc.status));
  }
  cholmod_common cc{};
};

/// A with 64-bit index arrays, viewed as a cholmod_sparse (SuiteSparseQR
/// reads it and never writes it).
struct LongView {
  explicit LongView(const CscMatrix& a) {
    CscMatrix compressed;
    const CscMatrix* source = &a;
    if (!a.isCompressed()) {
      compressed = a;
      compressed.makeCompressed();
      source = &compressed;
    }
    p.assign(source->outerIndexPtr(), source->outerIndexPtr() + a.cols() + 1);
    i.assign(source->innerIndexPtr(), source->innerIndexPtr() + source->nonZeros());
    x.assign(source->valuePtr(), source->valuePtr() + source->nonZeros());
    view.nrow = static_cast<std::size_t>(a.rows());
    view.ncol = static_cast<std::size_t>(a.cols());
    view.nzmax = x.size();
    view.p = p.data();
    view.i = i.data();
    view.x = x.data();
    view.stype = 0;
    view.itype = CHOLMOD_LONG;
    view.xtype = CHOLMOD_REAL;
    view.dtype = CHOLMOD_DOUBLE;
    view.sorted = 1;
    view.packed = 1;
  }
  std::vector<SuiteSparse_long> p, i;
  std::vector<double> x;
  cholmod_sparse view{};
};

/// Frees what SuiteSparseQR allocated, whatever happens after the call.
struct SparseDeleter {
  Common* common;
  void operator()(cholmod_sparse* s) const { cholmod_l_free_sparse(&s, &common->cc); }
};
using SparsePtr = std::unique_ptr<cholmod_sparse, SparseDeleter>;

/// A CHOLMOD sparse matrix (64-bit indices) as a CscMatrix.
CscMatrix to_csc(const cholmod_sparse& s, const char* where) {
  const auto rows = static_cast<Index>(s.nrow);
  const auto cols = static_cast<Index>(s.ncol);
  const auto* p = static_cast<const SuiteSparse_long*>(s.p);
  if (p[cols] > std::numeric_limits<int>::max()) {
    throw ValueError(cat(where, ": a factor has more than 2^31 - 1 entries"));
  }
  const auto* idx = static_cast<const SuiteSparse_long*>(s.i);
  const auto* val = static_cast<const double*>(s.x);
  std::vector<Triplet> t;
  t.reserve(static_cast<std::size_t>(p[cols]));
  for (Index j = 0; j < cols; ++j) {
    for (SuiteSparse_long k = p[j]; k < p[j + 1]; ++k) {
      t.emplace_back(static_cast<int>(idx[k]), static_cast<int>(j), val[k]);
    }
  }
  CscMatrix out(rows, cols);
  out.setFromTriplets(t.begin(), t.end());
  return out;
}

}  // namespace

Matrix detail::qr_solve(const CscMatrix& A, const Eigen::Ref<const Matrix>& B, const QrOptions& options) {
  constexpr const char* where = "qr_solve";
  if (options.check_finite) detail::check_stored_finite(where, "A", A);
  if (B.rows() != A.rows()) {
    throw ValueError(cat(where, ": A is ", A.rows(), "x", A.cols(), " but b has ", B.rows(), " rows"));
  }
  if (options.check_finite) check_finite(where, "b", B);
  if (A.rows() == 0 || A.cols() == 0 || B.cols() == 0) return Matrix::Zero(A.cols(), B.cols());
  Common common;
  LongView a(A);
  Matrix b = B;  // contiguous, leading dimension m
  cholmod_dense rhs{};
  rhs.nrow = static_cast<std::size_t>(b.rows());
  rhs.ncol = static_cast<std::size_t>(b.cols());
  rhs.d = rhs.nrow;
  rhs.nzmax = rhs.nrow * rhs.ncol;
  rhs.x = b.data();
  rhs.xtype = CHOLMOD_REAL;
  rhs.dtype = CHOLMOD_DOUBLE;
  // min2norm: backslash's least squares for m >= n, and for m < n the
  // minimum-norm solution (backslash alone gives a basic one there).
  cholmod_dense* x = SuiteSparseQR_min2norm<double>(spqr_ordering(options.ordering), spqr_tol(where, options.tol), &a.view,
                                                    &rhs, &common.cc);
  if (x == nullptr) common.fail(where, "min2norm");
  Matrix out = Eigen::Map<const Matrix, 0, Eigen::OuterStride<>>(static_cast<const double*>(x->x), A.cols(), B.cols(),
                                                                 Eigen::OuterStride<>(static_cast<Index>(x->d)));
  cholmod_l_free_dense(&x, &common.cc);
  return out;
}

SparseQR qr(const CscMatrix& A, const QrOptions& options, bool economy) {
  constexpr const char* where = "qr";
  if (options.check_finite) detail::check_stored_finite(where, "A", A);
  const Index m = A.rows();
  const Index n = A.cols();
  SparseQR out;
  if (m == 0 || n == 0) {
    const Index e = economy ? std::min(m, n) : m;
    out.Q = CscMatrix(m, e);
    out.R = CscMatrix(e, n);
    for (Index k = 0; k < n; ++k) out.E.push_back(k);
    return out;
  }
  Common common;
  LongView a(A);
  cholmod_sparse* q = nullptr;
  cholmod_sparse* r = nullptr;
  SuiteSparse_long* e = nullptr;
  const SuiteSparse_long rank = SuiteSparseQR_C_QR(spqr_ordering(options.ordering), spqr_tol(where, options.tol),
                                                   economy ? n : m, &a.view, &q, &r, &e, &common.cc);
  const SparsePtr q_owned(q, SparseDeleter{&common});
  const SparsePtr r_owned(r, SparseDeleter{&common});
  out.E.resize(static_cast<std::size_t>(n));
  for (Index k = 0; k < n; ++k) out.E[static_cast<std::size_t>(k)] = e == nullptr ? k : static_cast<Index>(e[k]);
  if (e != nullptr) cholmod_l_free(static_cast<std::size_t>(n), sizeof(SuiteSparse_long), e, &common.cc);
  if (rank < 0 || q == nullptr || r == nullptr) common.fail(where, "QR");
  out.rank = static_cast<Index>(rank);
  out.Q = to_csc(*q, where);
  out.R = to_csc(*r, where);
  return out;
}

}  // namespace scilearn::sparse
