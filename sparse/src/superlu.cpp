// splu: SciPy's checks and result object around the SuperLU backend.
#include <cmath>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/sparse/csgraph.hpp>
#include <scilearn/sparse/superlu.hpp>

#include "direct_checks.hpp"
#include "superlu/superlu_backend.hpp"

namespace scilearn::sparse {

struct SuperLU::Impl {
  explicit Impl(const detail::SuperluRequest& r) : backend(r) {}
  detail::SuperluBackend backend;
  Index n = 0;
  bool check_finite = true;
  std::vector<Index> perm_r, perm_c;
};

namespace {

int colperm(ColumnOrdering o) {
  switch (o) {
    case ColumnOrdering::natural: return 0;
    case ColumnOrdering::mmd_ata: return 1;
    case ColumnOrdering::mmd_at_plus_a: return 2;
    case ColumnOrdering::colamd: return 3;
  }
  throw ValueError(cat("splu: unknown permc_spec (", static_cast<int>(o), ")"));
}

std::shared_ptr<const SuperLU::Impl> factorize(const char* where, const CscMatrix& a_in, detail::SuperluRequest r,
                                               bool check_finite) {
  detail::check_direct_matrix(where, a_in, check_finite);
  if (!(r.diag_pivot_thresh >= 0 && r.diag_pivot_thresh <= 1)) {
    throw ValueError(cat(where, ": diag_pivot_thresh must lie in [0, 1], got ", r.diag_pivot_thresh));
  }
  // SuperLU's pivot search writes out of bounds on a column with no candidate
  // row left (found under AddressSanitizer): refuse structurally singular A,
  // whose stored pattern admits no perfect matching of rows to columns.
  const Eigen::VectorXi matched = csgraph::maximum_bipartite_matching(CsrMatrix(a_in));
  const Index rank = (matched.array() >= 0).count();
  if (rank < a_in.rows()) {
    throw LinAlgError(cat(where, ": A is structurally singular: its pattern has rank ", rank, " < n = ", a_in.rows()));
  }
  CscMatrix a = a_in;
  a.makeCompressed();
  r.n = static_cast<int>(a.rows());
  r.colptr = a.outerIndexPtr();
  r.rowind = a.innerIndexPtr();
  r.values = a.valuePtr();
  auto impl = std::make_shared<SuperLU::Impl>(r);
  const int info = impl->backend.info();
  if (info < 0 || info > r.n) {
    throw BackendError("SuperLU dgstrf", info,
                       cat(where, ": SuperLU failed with info = ", info,
                           info > r.n ? " (out of memory)" : " (an invalid argument)"));
  }
  if (info > 0) {
    throw LinAlgError(cat(where, ": A is singular: the pivot U(", info - 1, ", ", info - 1, ") is exactly zero"));
  }
  impl->n = a.rows();
  impl->check_finite = check_finite;
  impl->perm_r.assign(impl->backend.perm_r().begin(), impl->backend.perm_r().end());
  impl->perm_c.assign(impl->backend.perm_c().begin(), impl->backend.perm_c().end());
  return impl;
}

CscMatrix assemble(Index n, const detail::FactorEntries& e) {
  std::vector<Triplet> t;
  t.reserve(e.values.size());
  for (std::size_t k = 0; k < e.values.size(); ++k) t.emplace_back(e.rows[k], e.cols[k], e.values[k]);
  CscMatrix out(n, n);
  out.setFromTriplets(t.begin(), t.end());
  return out;
}

}  // namespace

Matrix SuperLU::solve_matrix(const Eigen::Ref<const Matrix>& B, Trans trans) const {
  detail::check_direct_rhs("SuperLU::solve", impl_->n, B, impl_->check_finite);
  Matrix x = B;
  if (impl_->n == 0 || x.cols() == 0) return x;
  const int info = impl_->backend.solve(trans == Trans::T, x.data(), static_cast<int>(x.cols()));
  if (info != 0) throw BackendError("SuperLU dgstrs", info, cat("SuperLU::solve: dgstrs failed with info = ", info));
  return x;
}

LinearOperator SuperLU::as_operator() const {
  const SuperLU self = *this;  // shares the factors
  return {rows(), rows(), [self](const VectorView& x, VectorRef y) { y = self.solve(x); },
          [self](const VectorView& x, VectorRef y) { y = self.solve(x, Trans::T); }};
}

CscMatrix SuperLU::L() const { return assemble(impl_->n, impl_->backend.lower()); }
CscMatrix SuperLU::U() const { return assemble(impl_->n, impl_->backend.upper()); }
const std::vector<Index>& SuperLU::perm_r() const noexcept { return impl_->perm_r; }
const std::vector<Index>& SuperLU::perm_c() const noexcept { return impl_->perm_c; }
Index SuperLU::rows() const noexcept { return impl_->n; }
Index SuperLU::nnz() const noexcept { return static_cast<Index>(impl_->backend.nnz()); }

SuperLU splu(const CscMatrix& A, const SpluOptions& o) {
  return SuperLU(factorize("splu", A,
                           {.column_ordering = colperm(o.permc_spec), .diag_pivot_thresh = o.diag_pivot_thresh},
                           o.check_finite));
}
SuperLU splu(const CsrMatrix& A, const SpluOptions& o) { return splu(CscMatrix(A), o); }

}  // namespace scilearn::sparse
