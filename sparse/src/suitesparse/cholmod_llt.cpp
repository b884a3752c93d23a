#include "cholmod_llt.hpp"

#include <cmath>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>

namespace scilearn::sparse::detail {

namespace {

/// A read-only cholmod_sparse over compressed arrays (CHOLMOD's analyze,
/// factorize and updown do not write to their input).
cholmod_sparse view_of(int rows, int cols, const int* p, const int* i, const double* x, int stype) {
  cholmod_sparse view{};
  view.nrow = static_cast<std::size_t>(rows);
  view.ncol = static_cast<std::size_t>(cols);
  view.nzmax = static_cast<std::size_t>(p[cols]);
  view.p = const_cast<int*>(p);
  view.i = const_cast<int*>(i);
  view.x = const_cast<double*>(x);
  view.stype = stype;
  view.itype = CHOLMOD_INT;
  view.xtype = CHOLMOD_REAL;
  view.dtype = CHOLMOD_DOUBLE;
  view.sorted = 1;
  view.packed = 1;
  return view;
}

}  // namespace

CholmodLLT::CholmodLLT(const CompressedView& a, const char* where, CholmodOrdering ordering, double beta)
    : where_(where) {
  cholmod_start(&common_);
  // Errors become exceptions here; CHOLMOD must not also print them.
  common_.print = 0;
  // LL' throughout: a simplicial LDL' factorization (CHOLMOD's default for
  // small or very sparse matrices) succeeds on indefinite matrices, LL' stops
  // at the first non-positive pivot, which is the test we want.
  common_.final_ll = 1;
  if (ordering.method >= 0) {
    common_.nmethods = 1;
    common_.method[0].ordering = ordering.method;
    common_.postorder = 1;
  }
  // stype 1: use the upper triangle. For a CSR A the arrays hold A^T, whose
  // lower triangle is A's upper one.
  cholmod_sparse view = view_of(a.n, a.n, a.p, a.i, a.x, a.transposed ? -1 : 1);
  factor_ = cholmod_analyze(&view, &common_);
  if (factor_ == nullptr || common_.status < CHOLMOD_OK) fail("analyze");
  double shift[2] = {beta, 0.0};
  cholmod_factorize_p(&view, shift, nullptr, 0, factor_, &common_);
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

// For the constructor only: it releases everything before throwing.
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

// log det A, or NaN / -inf when a diagonal entry is not positive.
double CholmodLLT::logdet() const {
  const auto* x = static_cast<const double*>(factor_->x);
  double sum = 0;
  if (factor_->is_super) {
    // Supernode s holds columns super[s] .. super[s+1]-1 as a dense
    // column-major block of nsrow rows starting at px[s]; always LL'.
    const auto* super = static_cast<const int*>(factor_->super);
    const auto* pi = static_cast<const int*>(factor_->pi);
    const auto* px = static_cast<const int*>(factor_->px);
    for (std::size_t s = 0; s < factor_->nsuper; ++s) {
      const int nsrow = pi[s + 1] - pi[s];
      for (int j = 0; j < super[s + 1] - super[s]; ++j) sum += std::log(x[px[s] + j + j * nsrow]);
    }
    return 2 * sum;
  }
  // Simplicial: each column's first entry is its diagonal (L_jj, or D_jj for LDL').
  const auto* p = static_cast<const int*>(factor_->p);
  for (std::size_t j = 0; j < factor_->n; ++j) sum += std::log(x[p[j]]);
  return factor_->is_ll ? 2 * sum : sum;
}

std::vector<Index> CholmodLLT::perm() const {
  const auto* p = static_cast<const int*>(factor_->Perm);
  return {p, p + factor_->n};
}

CscMatrix CholmodLLT::lower_factor() {
  cholmod_factor* copy = cholmod_copy_factor(factor_, &common_);
  if (copy == nullptr) {
    throw BackendError("CHOLMOD copy_factor", common_.status,
                       cat(where_, ": copying the factor failed with CHOLMOD status ", common_.status));
  }
  cholmod_sparse* l = nullptr;
  if (cholmod_change_factor(CHOLMOD_REAL, /*to_ll=*/1, /*to_super=*/0, /*to_packed=*/1, /*to_monotonic=*/1, copy,
                            &common_)) {
    l = cholmod_factor_to_sparse(copy, &common_);
  }
  cholmod_free_factor(&copy, &common_);
  if (l == nullptr) {
    throw BackendError("CHOLMOD factor_to_sparse", common_.status,
                       cat(where_, ": extracting L failed with CHOLMOD status ", common_.status));
  }
  const auto n = static_cast<Index>(l->nrow);
  const auto* lp = static_cast<const int*>(l->p);
  const Eigen::Map<const CscMatrix> mapped(n, n, lp[n], lp, static_cast<const int*>(l->i),
                                           static_cast<const double*>(l->x));
  CscMatrix out = mapped;
  cholmod_free_sparse(&l, &common_);
  return out;
}

void CholmodLLT::updown(bool update, const CscMatrix& c) {
  // CHOLMOD wants C's rows in the factor's order: C(perm, :).
  const std::vector<Index> p = perm();
  std::vector<Index> position(p.size());
  for (std::size_t k = 0; k < p.size(); ++k) position[static_cast<std::size_t>(p[k])] = static_cast<Index>(k);
  CscMatrix permuted(c.rows(), c.cols());
  std::vector<Triplet> entries;
  entries.reserve(static_cast<std::size_t>(c.nonZeros()));
  for (Index j = 0; j < c.outerSize(); ++j) {
    for (CscMatrix::InnerIterator it(c, j); it; ++it) {
      entries.emplace_back(static_cast<int>(position[static_cast<std::size_t>(it.row())]), static_cast<int>(j),
                           it.value());
    }
  }
  permuted.setFromTriplets(entries.begin(), entries.end());
  permuted.makeCompressed();
  cholmod_sparse view = view_of(static_cast<int>(c.rows()), static_cast<int>(c.cols()), permuted.outerIndexPtr(),
                                permuted.innerIndexPtr(), permuted.valuePtr(), 0);
  // A downdate can fail half-way; keep the factor of A to restore.
  cholmod_factor* saved = nullptr;
  if (!update) {
    saved = cholmod_copy_factor(factor_, &common_);
    if (saved == nullptr) {
      throw BackendError("CHOLMOD copy_factor", common_.status,
                         cat(where_, ": copying the factor failed with CHOLMOD status ", common_.status));
    }
  }
  const int ok = cholmod_updown(update ? 1 : 0, &view, factor_, &common_);
  // The factor is now a simplicial LDL'; a downdate past definiteness shows
  // as a non-positive (or NaN) D_jj. (An update of a positive definite
  // matrix stays positive definite.)
  const bool not_posdef =
      !update && (common_.status == CHOLMOD_NOT_POSDEF || (ok && !std::isfinite(logdet())));
  if (!ok || not_posdef || common_.status < CHOLMOD_OK) {
    const int status = common_.status;
    if (saved != nullptr) {
      cholmod_free_factor(&factor_, &common_);
      factor_ = saved;
    }
    if (not_posdef) throw LinAlgError(cat(where_, ": the downdate A - C C^T is not positive definite"));
    throw BackendError("CHOLMOD updown", status, cat(where_, ": CHOLMOD updown failed with status ", status));
  }
  if (saved != nullptr) cholmod_free_factor(&saved, &common_);
}

}  // namespace scilearn::sparse::detail
