// SuperLU called as SciPy's _superluobject.c calls it, and its factors read
// out of the supernodal L and column-compressed U. No Eigen here (see the header).
#include "superlu_backend.hpp"

#include <superlu/slu_ddefs.h>

namespace scilearn::sparse::detail {

struct SuperluBackend::State {
  int n = 0;
  int info = 0;
  std::vector<int> perm_r, perm_c;
  SuperMatrix L{};
  SuperMatrix U{};
  bool factored = false;  // L and U hold SuperLU's allocations
};

SuperluBackend::SuperluBackend(const SuperluRequest& r) : s_(std::make_unique<State>()) {
  const int n = r.n;
  s_->n = n;
  s_->perm_r.assign(static_cast<std::size_t>(n), 0);
  s_->perm_c.assign(static_cast<std::size_t>(n), 0);
  if (n == 0) return;
  superlu_options_t options;
  set_default_options(&options);
  options.ColPerm = static_cast<colperm_t>(r.column_ordering);
  options.DiagPivotThresh = r.diag_pivot_thresh;
  if (options.ColPerm == NATURAL) options.SymmetricMode = YES;  // as SciPy
  // SuperLU's matrix type wants mutable arrays; it reads A and never writes it.
  SuperMatrix A{};
  dCreate_CompCol_Matrix(&A, n, n, r.colptr[n], const_cast<double*>(r.values), const_cast<int*>(r.rowind),
                         const_cast<int*>(r.colptr), SLU_NC, SLU_D, SLU_GE);
  std::vector<int> etree(static_cast<std::size_t>(n));
  get_perm_c(static_cast<int>(options.ColPerm), &A, s_->perm_c.data());
  SuperMatrix AC{};
  sp_preorder(&options, &A, s_->perm_c.data(), etree.data(), &AC);
  SuperLUStat_t stat;
  StatInit(&stat);
  GlobalLU_t glu{};
  const int panel_size = sp_ienv(1);
  const int relax = sp_ienv(2);
  // dgstrf reports an exactly zero pivot in info (unlike the ILU routine,
  // whose Debian build ends the process on some singular columns).
  dgstrf(&options, &AC, relax, panel_size, etree.data(), nullptr, 0, s_->perm_c.data(), s_->perm_r.data(), &s_->L,
         &s_->U, &glu, &stat, &s_->info);
  StatFree(&stat);
  Destroy_CompCol_Permuted(&AC);
  Destroy_SuperMatrix_Store(&A);
  s_->factored = s_->info >= 0 && s_->info <= n;
}

SuperluBackend::~SuperluBackend() {
  if (s_->factored) {
    Destroy_SuperNode_Matrix(&s_->L);
    Destroy_CompCol_Matrix(&s_->U);
  }
}

int SuperluBackend::info() const noexcept { return s_->info; }
const std::vector<int>& SuperluBackend::perm_r() const noexcept { return s_->perm_r; }
const std::vector<int>& SuperluBackend::perm_c() const noexcept { return s_->perm_c; }

int SuperluBackend::solve(bool transpose, double* x, int nrhs) const {
  SuperMatrix rhs{};
  dCreate_Dense_Matrix(&rhs, s_->n, nrhs, x, s_->n, SLU_DN, SLU_D, SLU_GE);
  SuperLUStat_t stat;
  StatInit(&stat);
  int info = 0;
  // dgstrs reads L, U and the permutations; it writes only rhs.
  dgstrs(transpose ? TRANS : NOTRANS, &s_->L, &s_->U, s_->perm_c.data(), s_->perm_r.data(), &rhs, &stat, &info);
  StatFree(&stat);
  Destroy_SuperMatrix_Store(&rhs);
  return info;
}

// SuperLU keeps L in supernodes: the columns of supernode k share the row
// subscripts rowind[rowind_colptr[fsupc] ...]; in column j the first
// (j - fsupc + 1) of them are U's rows (the diagonal last), the rest L's.
// U's entries above the supernodes are in the column-compressed Ustore.
FactorEntries SuperluBackend::lower() const {
  FactorEntries e;
  if (!s_->factored) return e;
  const auto* Lstore = static_cast<const SCformat*>(s_->L.Store);
  const auto* values = static_cast<const double*>(Lstore->nzval);
  for (int k = 0; k <= Lstore->nsuper; ++k) {
    const int fsupc = L_FST_SUPC(k);
    const int istart = L_SUB_START(fsupc);
    const int nsupr = L_SUB_START(fsupc + 1) - istart;
    for (int j = fsupc, upper = 1; j < L_FST_SUPC(k + 1); ++j, ++upper) {
      const double* column = values + L_NZ_START(j);
      e.rows.push_back(j);
      e.cols.push_back(j);
      e.values.push_back(1.0);
      for (int i = upper; i < nsupr; ++i) {
        e.rows.push_back(L_SUB(istart + i));
        e.cols.push_back(j);
        e.values.push_back(column[i]);
      }
    }
  }
  return e;
}

FactorEntries SuperluBackend::upper() const {
  FactorEntries e;
  if (!s_->factored) return e;
  const auto* Lstore = static_cast<const SCformat*>(s_->L.Store);
  const auto* Ustore = static_cast<const NCformat*>(s_->U.Store);
  const auto* lvalues = static_cast<const double*>(Lstore->nzval);
  const auto* uvalues = static_cast<const double*>(Ustore->nzval);
  for (int k = 0; k <= Lstore->nsuper; ++k) {
    const int fsupc = L_FST_SUPC(k);
    const int istart = L_SUB_START(fsupc);
    for (int j = fsupc, upper = 1; j < L_FST_SUPC(k + 1); ++j, ++upper) {
      for (int p = U_NZ_START(j); p < U_NZ_START(j + 1); ++p) {
        e.rows.push_back(U_SUB(p));
        e.cols.push_back(j);
        e.values.push_back(uvalues[p]);
      }
      const double* column = lvalues + L_NZ_START(j);
      for (int i = 0; i < upper; ++i) {
        e.rows.push_back(L_SUB(istart + i));
        e.cols.push_back(j);
        e.values.push_back(column[i]);
      }
    }
  }
  return e;
}

long SuperluBackend::nnz() const noexcept {
  if (!s_->factored) return 0;
  return static_cast<long>(static_cast<const SCformat*>(s_->L.Store)->nnz) +
         static_cast<long>(static_cast<const NCformat*>(s_->U.Store)->nnz);
}

}  // namespace scilearn::sparse::detail
