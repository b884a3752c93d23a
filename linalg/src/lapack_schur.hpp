#pragma once
// Internal: LAPACK's Schur-type reductions for the four scalar types, in the
// style of lapack.hpp: the Schur factorization (?gees) and its reordering
// (?trsen), the Hessenberg reduction (?gehrd, ?orghr / ?unghr), the
// generalized Schur factorization (?gges) and its reordering (?tgsen).
// Workspace queries are done here. Eigenvalues always come back as complex
// numbers (the real routines' wr + i wi), so callers are written once.

#include <algorithm>
#include <complex>
#include <exception>
#include <functional>
#include <vector>

#include "lapack.hpp"

namespace scilearn::linalg::detail {

// ---- eigenvalue selection callbacks ----------------------------------------

// A predicate on an eigenvalue, for ?gees's SELECT.
template <class R>
using EigenvalueSelect = std::function<bool(std::complex<R>)>;

// ?gees calls SELECT through a plain function pointer, which cannot carry the
// caller's (stateful) predicate. The predicate in use lives in a thread_local
// slot for the duration of one ?gees call; the slot saves and restores the
// previous one, so a predicate may itself compute a Schur form. An exception
// thrown by the predicate must not unwind through Fortran frames: it is
// caught, the eigenvalue counts as not selected, and it is rethrown once
// LAPACK has returned.
template <class R>
class ScopedSelect {
 public:
  explicit ScopedSelect(const EigenvalueSelect<R>* select) : previous_(current_), previous_error_(error_) {
    current_ = select;
    error_ = nullptr;
  }
  ~ScopedSelect() {
    current_ = previous_;
    error_ = previous_error_;
  }
  ScopedSelect(const ScopedSelect&) = delete;
  ScopedSelect& operator=(const ScopedSelect&) = delete;

  // Rethrows what the predicate threw during the call, if anything.
  void rethrow() const {
    if (error_) std::rethrow_exception(error_);
  }

  static lapack_logical call(std::complex<R> w) noexcept {
    if (error_) return 0;  // the predicate already failed: LAPACK's result is discarded
    try {
      return (*current_)(w) ? 1 : 0;
    } catch (...) {
      error_ = std::current_exception();
      return 0;
    }
  }
  // The SELECT signatures of ?gees: real (wr, wi), complex (w).
  static lapack_logical real_pair(const R* wr, const R* wi) { return call(std::complex<R>(*wr, *wi)); }
  static lapack_logical complex_value(const std::complex<R>* w) { return call(*w); }

 private:
  const EigenvalueSelect<R>* previous_;
  std::exception_ptr previous_error_;
  static thread_local inline const EigenvalueSelect<R>* current_ = nullptr;
  static thread_local inline std::exception_ptr error_ = nullptr;
};

// Joins a real routine's (wr, wi) into complex eigenvalues.
template <class R>
void join_eigenvalues(lapack_index n, const R* wr, const R* wi, std::complex<R>* w) {
  for (lapack_index i = 0; i < n; ++i) w[i] = std::complex<R>(wr[i], wi[i]);
}

// Runs a routine that takes (work, lwork, iwork, liwork), as ?trsen and
// ?tgsen do: LAPACK's query of both sizes first (lwork = liwork = -1), then
// the call with the workspaces it asked for. W is the work array's type.
template <class W, class Call>
lapack_index call_with_workspaces(const char* routine, Call&& call) {
  W work_query{};
  lapack_index iwork_query = 0;
  check_argument_info(routine, call(&work_query, -1, &iwork_query, -1));
  const lapack_index lwork = queried_size(work_query);
  const lapack_index liwork = std::max<lapack_index>(1, iwork_query);
  std::vector<W> work(static_cast<std::size_t>(lwork));
  std::vector<lapack_index> iwork(static_cast<std::size_t>(liwork));
  return call(work.data(), lwork, iwork.data(), liwork);
}

// ---- Schur factorization -----------------------------------------------

// a = vs t vs^H by ?gees: a (n x n) is overwritten by t (real: quasi upper
// triangular with standardized 2 x 2 blocks for complex pairs; complex: upper
// triangular); w receives the n eigenvalues in t's diagonal order. With
// select (may be null: no sorting), the selected eigenvalues are moved to the
// leading block and *sdim counts them (a complex pair counts 2 when either is
// selected), else *sdim = 0. vs (n x n) is written when want_vs.
// Returns LAPACK's info: 1..n QR failed, n+1 reordering failed (ill-conditioned
// swap), n+2 (real only) rounding changed which eigenvalues satisfy select.
template <class S>
lapack_index gees(bool want_vs, const EigenvalueSelect<real_t<S>>* select, lapack_index n, S* a, lapack_index lda,
                  lapack_index* sdim, std::complex<real_t<S>>* w, S* vs, lapack_index ldvs) {
  constexpr int L = LAPACK_COL_MAJOR;
  using R = real_t<S>;
  const auto un = static_cast<std::size_t>(n);
  const char jobvs = want_vs ? 'V' : 'N';
  const char sort = select != nullptr ? 'S' : 'N';
  ScopedSelect<R> slot(select);
  std::vector<lapack_logical> bwork(select != nullptr ? un : 0);
  std::vector<R> wr(is_complex_v<S> ? 0 : un);
  std::vector<R> wi(is_complex_v<S> ? 0 : un);
  std::vector<R> rwork(is_complex_v<S> ? un : 0);
  auto call = [&](S* work, lapack_index lwork) -> lapack_index {
    if constexpr (is_complex_v<S>) {
      (void)wr;
      (void)wi;
      if constexpr (std::is_same_v<S, std::complex<float>>) {
        return LAPACKE_cgees_work(L, jobvs, sort, &ScopedSelect<R>::complex_value, n, a, lda, sdim, w, vs, ldvs, work,
                                  lwork, rwork.data(), bwork.data());
      } else {
        return LAPACKE_zgees_work(L, jobvs, sort, &ScopedSelect<R>::complex_value, n, a, lda, sdim, w, vs, ldvs, work,
                                  lwork, rwork.data(), bwork.data());
      }
    } else {
      if constexpr (std::is_same_v<S, float>) {
        return LAPACKE_sgees_work(L, jobvs, sort, &ScopedSelect<R>::real_pair, n, a, lda, sdim, wr.data(), wi.data(),
                                  vs, ldvs, work, lwork, bwork.data());
      } else {
        return LAPACKE_dgees_work(L, jobvs, sort, &ScopedSelect<R>::real_pair, n, a, lda, sdim, wr.data(), wi.data(),
                                  vs, ldvs, work, lwork, bwork.data());
      }
    }
  };
  const lapack_index info = call_with_workspace<S>("gees", call);
  slot.rethrow();
  if constexpr (!is_complex_v<S>) join_eigenvalues(n, wr.data(), wi.data(), w);
  if (select == nullptr) *sdim = 0;
  return info;
}

// Reorders a Schur factorization by ?trsen: the eigenvalues flagged in select
// (real t: either flag of a complex pair moves both) move to t's leading
// block, and q (when compq = 'V') is updated to keep a = q t q^H. job 'N'
// computes no condition numbers, 'E' the eigenvalue cluster's (*s), 'V' the
// invariant subspace's (*sep), 'B' both; s and sep may be null for job 'N'.
// w receives the reordered eigenvalues, *m the dimension of the leading
// block. Returns LAPACK's info: 1 means the reordering failed (a swap would
// have been too ill-conditioned); t and q are then partially reordered.
template <class S>
lapack_index trsen(char job, char compq, const lapack_logical* select, lapack_index n, S* t, lapack_index ldt, S* q,
                   lapack_index ldq, std::complex<real_t<S>>* w, lapack_index* m, real_t<S>* s, real_t<S>* sep) {
  constexpr int L = LAPACK_COL_MAJOR;
  using R = real_t<S>;
  R s_unused = 0;
  R sep_unused = 0;
  if (s == nullptr) s = &s_unused;
  if (sep == nullptr) sep = &sep_unused;
  const auto un = static_cast<std::size_t>(n);
  if constexpr (is_complex_v<S>) {
    auto call = [&](S* work, lapack_index lwork) -> lapack_index {
      if constexpr (std::is_same_v<S, std::complex<float>>) {
        return LAPACKE_ctrsen_work(L, job, compq, select, n, t, ldt, q, ldq, w, m, s, sep, work, lwork);
      } else {
        return LAPACKE_ztrsen_work(L, job, compq, select, n, t, ldt, q, ldq, w, m, s, sep, work, lwork);
      }
    };
    return call_with_workspace<S>("trsen", call);
  } else {
    std::vector<R> wr(un);
    std::vector<R> wi(un);
    auto call = [&](R* work, lapack_index lwork, lapack_index* iwork, lapack_index liwork) -> lapack_index {
      if constexpr (std::is_same_v<S, float>) {
        return LAPACKE_strsen_work(L, job, compq, select, n, t, ldt, q, ldq, wr.data(), wi.data(), m, s, sep, work,
                                   lwork, iwork, liwork);
      } else {
        return LAPACKE_dtrsen_work(L, job, compq, select, n, t, ldt, q, ldq, wr.data(), wi.data(), m, s, sep, work,
                                   lwork, iwork, liwork);
      }
    };
    const lapack_index info = call_with_workspaces<R>("trsen", call);
    join_eigenvalues(n, wr.data(), wi.data(), w);
    return info;
  }
}

// ---- Hessenberg reduction ------------------------------------------------

// a = q h q^H by ?gehrd on rows and columns ilo..ihi (1-based; 1 and n for the
// whole matrix): h overwrites a's upper Hessenberg part, the reflectors are
// stored below its first subdiagonal, with their scalars in tau (n - 1).
template <class S>
lapack_index gehrd(lapack_index n, lapack_index ilo, lapack_index ihi, S* a, lapack_index lda, S* tau) {
  constexpr int L = LAPACK_COL_MAJOR;
  auto call = [&](S* work, lapack_index lwork) -> lapack_index {
    SCILEARN_LAPACK_DISPATCH(S, LAPACKE_sgehrd_work(L, n, ilo, ihi, a, lda, tau, work, lwork),
                             LAPACKE_dgehrd_work(L, n, ilo, ihi, a, lda, tau, work, lwork),
                             LAPACKE_cgehrd_work(L, n, ilo, ihi, a, lda, tau, work, lwork),
                             LAPACKE_zgehrd_work(L, n, ilo, ihi, a, lda, tau, work, lwork))
  };
  return call_with_workspace<S>("gehrd", call);
}

// Forms gehrd's orthogonal (unitary) q in place of its output a: ?orghr for
// real scalars, ?unghr for complex.
template <class S>
lapack_index orghr(lapack_index n, lapack_index ilo, lapack_index ihi, S* a, lapack_index lda, const S* tau) {
  constexpr int L = LAPACK_COL_MAJOR;
  auto call = [&](S* work, lapack_index lwork) -> lapack_index {
    SCILEARN_LAPACK_DISPATCH(S, LAPACKE_sorghr_work(L, n, ilo, ihi, a, lda, tau, work, lwork),
                             LAPACKE_dorghr_work(L, n, ilo, ihi, a, lda, tau, work, lwork),
                             LAPACKE_cunghr_work(L, n, ilo, ihi, a, lda, tau, work, lwork),
                             LAPACKE_zunghr_work(L, n, ilo, ihi, a, lda, tau, work, lwork))
  };
  return call_with_workspace<S>(is_complex_v<S> ? "unghr" : "orghr", call);
}

// ---- generalized Schur (QZ) factorization ---------------------------------

// (a, b) = (vsl s vsr^H, vsl t vsr^H) by ?gges, without sorting (SciPy's qz
// and ordqz never let ?gges sort; ordqz reorders with tgsen): a and b (n x n)
// are overwritten by s (real: quasi upper triangular; complex: upper
// triangular) and t (upper triangular); the generalized eigenvalues are
// alpha(j) / beta(j), alpha complex, beta real for real scalars (?gges's
// alphar + i alphai and beta). vsl and vsr are written when want_vsl /
// want_vsr. Returns LAPACK's info: 1..n QZ failed (alpha, beta correct for
// j >= info), n+1 other than QZ failed (?hgeqz).
template <class S>
lapack_index gges(bool want_vsl, bool want_vsr, lapack_index n, S* a, lapack_index lda, S* b, lapack_index ldb,
                  std::complex<real_t<S>>* alpha, S* beta, S* vsl, lapack_index ldvsl, S* vsr, lapack_index ldvsr) {
  constexpr int L = LAPACK_COL_MAJOR;
  using R = real_t<S>;
  const auto un = static_cast<std::size_t>(n);
  const char jobvsl = want_vsl ? 'V' : 'N';
  const char jobvsr = want_vsr ? 'V' : 'N';
  lapack_index sdim = 0;
  lapack_logical* no_bwork = nullptr;  // not referenced without sorting
  if constexpr (is_complex_v<S>) {
    std::vector<R> rwork(8 * un);
    auto call = [&](S* work, lapack_index lwork) -> lapack_index {
      if constexpr (std::is_same_v<S, std::complex<float>>) {
        return LAPACKE_cgges_work(L, jobvsl, jobvsr, 'N', nullptr, n, a, lda, b, ldb, &sdim, alpha, beta, vsl, ldvsl,
                                  vsr, ldvsr, work, lwork, rwork.data(), no_bwork);
      } else {
        return LAPACKE_zgges_work(L, jobvsl, jobvsr, 'N', nullptr, n, a, lda, b, ldb, &sdim, alpha, beta, vsl, ldvsl,
                                  vsr, ldvsr, work, lwork, rwork.data(), no_bwork);
      }
    };
    return call_with_workspace<S>("gges", call);
  } else {
    std::vector<R> alphar(un);
    std::vector<R> alphai(un);
    auto call = [&](S* work, lapack_index lwork) -> lapack_index {
      if constexpr (std::is_same_v<S, float>) {
        return LAPACKE_sgges_work(L, jobvsl, jobvsr, 'N', nullptr, n, a, lda, b, ldb, &sdim, alphar.data(),
                                  alphai.data(), beta, vsl, ldvsl, vsr, ldvsr, work, lwork, no_bwork);
      } else {
        return LAPACKE_dgges_work(L, jobvsl, jobvsr, 'N', nullptr, n, a, lda, b, ldb, &sdim, alphar.data(),
                                  alphai.data(), beta, vsl, ldvsl, vsr, ldvsr, work, lwork, no_bwork);
      }
    };
    const lapack_index info = call_with_workspace<S>("gges", call);
    join_eigenvalues(n, alphar.data(), alphai.data(), alpha);
    return info;
  }
}

// Reorders a generalized Schur factorization by ?tgsen with ijob = 0 (no
// condition estimates): the eigenvalues flagged in select (real: either flag
// of a complex pair moves both) move to the leading blocks of (a, b), q and z
// (when want_q / want_z) are updated to keep the pencil's factorization.
// alpha and beta as gges; *m receives the dimension of the leading block.
// Returns LAPACK's info: 1 means the reordering failed ((a, b) would be too
// far from generalized Schur form; they may be partially reordered).
template <class S>
lapack_index tgsen(const lapack_logical* select, bool want_q, bool want_z, lapack_index n, S* a, lapack_index lda, S* b,
                   lapack_index ldb, std::complex<real_t<S>>* alpha, S* beta, S* q, lapack_index ldq, S* z,
                   lapack_index ldz, lapack_index* m) {
  constexpr int L = LAPACK_COL_MAJOR;
  using R = real_t<S>;
  const auto un = static_cast<std::size_t>(n);
  const lapack_logical wantq = want_q ? 1 : 0;
  const lapack_logical wantz = want_z ? 1 : 0;
  R pl = 0;  // projection norms and separations: not computed for ijob = 0
  R pr = 0;
  R dif[2] = {0, 0};
  std::vector<R> alphar(is_complex_v<S> ? 0 : un);
  std::vector<R> alphai(is_complex_v<S> ? 0 : un);
  auto call = [&](S* work, lapack_index lwork, lapack_index* iwork, lapack_index liwork) -> lapack_index {
    SCILEARN_LAPACK_DISPATCH(
        S,
        LAPACKE_stgsen_work(L, 0, wantq, wantz, select, n, a, lda, b, ldb, alphar.data(), alphai.data(), beta, q, ldq,
                            z, ldz, m, &pl, &pr, dif, work, lwork, iwork, liwork),
        LAPACKE_dtgsen_work(L, 0, wantq, wantz, select, n, a, lda, b, ldb, alphar.data(), alphai.data(), beta, q, ldq,
                            z, ldz, m, &pl, &pr, dif, work, lwork, iwork, liwork),
        LAPACKE_ctgsen_work(L, 0, wantq, wantz, select, n, a, lda, b, ldb, alpha, beta, q, ldq, z, ldz, m, &pl, &pr,
                            dif, work, lwork, iwork, liwork),
        LAPACKE_ztgsen_work(L, 0, wantq, wantz, select, n, a, lda, b, ldb, alpha, beta, q, ldq, z, ldz, m, &pl, &pr,
                            dif, work, lwork, iwork, liwork))
  };
  const lapack_index info = call_with_workspaces<S>("tgsen", call);
  if constexpr (!is_complex_v<S>) join_eigenvalues(n, alphar.data(), alphai.data(), alpha);
  return info;
}

// ---- Sylvester equation in Schur form -----------------------------------

// Solves op(a) x + isgn x op(b) = scale c by ?trsyl, a (m x m) and b (n x n)
// in Schur form (real: quasi triangular, standardized 2 x 2 blocks; complex:
// triangular), op = 'N' (none), 'T' (transpose) or 'C' (conjugate
// transpose; the same as 'T' for real scalars). x overwrites c; *scale <= 1
// is chosen to avoid overflow. Returns LAPACK's info: 1 means a and b have
// (nearly) common eigenvalues (of op(a) and -isgn op(b)), so LAPACK perturbed
// them to solve.
template <class S>
lapack_index trsyl(char trana, char tranb, lapack_index isgn, lapack_index m, lapack_index n, const S* a,
                   lapack_index lda, const S* b, lapack_index ldb, S* c, lapack_index ldc, real_t<S>* scale) {
  constexpr int L = LAPACK_COL_MAJOR;
  SCILEARN_LAPACK_DISPATCH(S, LAPACKE_strsyl_work(L, trana, tranb, isgn, m, n, a, lda, b, ldb, c, ldc, scale),
                           LAPACKE_dtrsyl_work(L, trana, tranb, isgn, m, n, a, lda, b, ldb, c, ldc, scale),
                           LAPACKE_ctrsyl_work(L, trana, tranb, isgn, m, n, a, lda, b, ldb, c, ldc, scale),
                           LAPACKE_ztrsyl_work(L, trana, tranb, isgn, m, n, a, lda, b, ldb, c, ldc, scale))
}

}  // namespace scilearn::linalg::detail
