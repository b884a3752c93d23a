#include <scilearn/core/validation.hpp>
#include <scilearn/core/warnings.hpp>
#include <scilearn/linalg/qz.hpp>

#include "lapack_schur.hpp"

namespace scilearn::linalg::detail {
namespace {

template <class S>
void validate(const char* where, const MatrixT<S>& a, const MatrixT<S>& b, bool check_finite_values) {
  if (check_finite_values) {  // SciPy's order: finiteness, then shapes
    check_finite(where, "a", a);
    check_finite(where, "b", b);
  }
  check_square(where, "a", a);
  check_square(where, "b", b);
  if (a.rows() != b.rows()) {
    throw ValueError(cat(where, ": a is ", a.rows(), "x", a.cols(), " but b is ", b.rows(), "x", b.cols(),
                         ", expected the same order"));
  }
}

// (a, b) -> (aa, bb) by ?gges, with q, z, alpha and beta sized n.
template <class S>
void factor(const char* where, MatrixT<S>& a, MatrixT<S>& b, MatrixT<S>& q, MatrixT<S>& z,
            VectorT<std::complex<real_t<S>>>& alpha, VectorT<S>& beta, bool check_finite_values) {
  validate(where, a, b, check_finite_values);
  const lapack_index n = to_lapack_index(where, a.rows());
  q.resize(n, n);
  z.resize(n, n);
  alpha.resize(n);
  beta.resize(n);
  if (n == 0) return;  // empty results (SciPy 1.17.1's wrapper rejects lwork = 0 here)
  const lapack_index info = gges(/*want_vsl=*/true, /*want_vsr=*/true, n, a.data(), n, b.data(), n, alpha.data(),
                                 beta.data(), q.data(), n, z.data(), n);
  check_argument_info("gges", info);
  if (info > 0 && info <= n) {
    // SciPy's LinAlgWarning: the eigenvalues are still usable, the forms not.
    warn(WarningCategory::linalg,
         cat(where, ": the QZ iteration failed; (aa, bb) are not in generalized Schur form, but alpha(j) and beta(j) ",
             "should be correct for j = ", info, ", ..., ", n - 1));
  } else if (info > n) {
    throw LinAlgError(cat(where, ": something other than the QZ iteration failed (LAPACK gges info ", info, ")"));
  }
}

// SciPy's ordqz regions (_lhp, _rhp, _iuc, _ouc) on alpha / beta, in the
// scalar's precision as NumPy computes them; beta = 0 is an infinite
// eigenvalue (0 / 0 selects nothing).
template <class C, class B>
bool in_region(SortRegion region, C alpha, B beta) {
  if (beta == B(0)) return region == SortRegion::ouc && alpha != C(0);
  const C w = alpha / beta;
  switch (region) {
    case SortRegion::lhp: return w.real() < 0;
    case SortRegion::rhp: return w.real() > 0;
    case SortRegion::iuc: return std::abs(w) < 1;
    case SortRegion::ouc: return std::abs(w) > 1;
  }
  throw ValueError("ordqz: sort must be a SortRegion or a predicate");
}

template <class S>
void reorder(OrdqzResult<S>& out, const OrdqzOptions& options) {
  constexpr const char* where = "ordqz";
  factor(where, out.aa, out.bb, out.q, out.z, out.alpha, out.beta, options.check_finite);
  const lapack_index n = static_cast<lapack_index>(out.aa.rows());
  if (n == 0) return;
  std::vector<lapack_logical> select(static_cast<std::size_t>(n));
  const QzSort& sort = options.sort;
  for (lapack_index j = 0; j < n; ++j) {
    const bool chosen = sort.has_predicate()
                            ? sort.predicate()(std::complex<double>(out.alpha(j)), std::complex<double>(out.beta(j)))
                            : in_region(sort.region(), out.alpha(j), out.beta(j));
    select[static_cast<std::size_t>(j)] = chosen ? 1 : 0;
  }
  lapack_index m = 0;
  const lapack_index info = tgsen(select.data(), /*want_q=*/true, /*want_z=*/true, n, out.aa.data(), n, out.bb.data(),
                                  n, out.alpha.data(), out.beta.data(), out.q.data(), n, out.z.data(), n, &m);
  check_argument_info("tgsen", info);
  if (info == 1) {
    // SciPy raises ValueError here, not LinAlgError.
    throw ValueError(cat(where, ": reordering of (a, b) failed because the transformed pencil would be too far from ",
                         "generalized Schur form; the problem is very ill-conditioned"));
  }
}

}  // namespace

void qz_in_place(MatrixT<float>& a, MatrixT<float>& b, MatrixT<float>& q, MatrixT<float>& z, const QzOptions& options) {
  VectorT<std::complex<float>> alpha;
  VectorT<float> beta;
  factor("qz", a, b, q, z, alpha, beta, options.check_finite);
}
void qz_in_place(MatrixT<double>& a, MatrixT<double>& b, MatrixT<double>& q, MatrixT<double>& z,
                 const QzOptions& options) {
  VectorT<std::complex<double>> alpha;
  VectorT<double> beta;
  factor("qz", a, b, q, z, alpha, beta, options.check_finite);
}
void qz_in_place(MatrixT<std::complex<float>>& a, MatrixT<std::complex<float>>& b, MatrixT<std::complex<float>>& q,
                 MatrixT<std::complex<float>>& z, const QzOptions& options) {
  VectorT<std::complex<float>> alpha;
  VectorT<std::complex<float>> beta;
  factor("qz", a, b, q, z, alpha, beta, options.check_finite);
}
void qz_in_place(MatrixT<std::complex<double>>& a, MatrixT<std::complex<double>>& b, MatrixT<std::complex<double>>& q,
                 MatrixT<std::complex<double>>& z, const QzOptions& options) {
  VectorT<std::complex<double>> alpha;
  VectorT<std::complex<double>> beta;
  factor("qz", a, b, q, z, alpha, beta, options.check_finite);
}

void ordqz_in_place(OrdqzResult<float>& out, const OrdqzOptions& options) { reorder(out, options); }
void ordqz_in_place(OrdqzResult<double>& out, const OrdqzOptions& options) { reorder(out, options); }
void ordqz_in_place(OrdqzResult<std::complex<float>>& out, const OrdqzOptions& options) { reorder(out, options); }
void ordqz_in_place(OrdqzResult<std::complex<double>>& out, const OrdqzOptions& options) { reorder(out, options); }

}  // namespace scilearn::linalg::detail
