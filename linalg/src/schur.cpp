#include <cmath>
#include <limits>
#include <scilearn/core/validation.hpp>
#include <scilearn/linalg/schur.hpp>

#include "lapack_schur.hpp"

namespace scilearn::linalg::detail {
namespace {

// SciPy's schur evaluates its regions (and a user callable) on Python floats:
// in double precision whatever the scalar, which is exact for float input.
bool in_region(SortRegion region, std::complex<double> w) {
  switch (region) {
    case SortRegion::lhp: return w.real() < 0.0;
    case SortRegion::rhp: return w.real() >= 0.0;
    case SortRegion::iuc: return std::abs(w) <= 1.0;
    case SortRegion::ouc: return std::abs(w) > 1.0;
  }
  throw ValueError("schur: sort must be none, a SortRegion or a predicate");
}

template <class R>
EigenvalueSelect<R> select_of(const SchurSort& sort) {
  if (sort.has_region()) {
    const SortRegion region = sort.region();
    (void)in_region(region, {});  // an out-of-range enum value fails here, not inside LAPACK
    return [region](std::complex<R> w) { return in_region(region, std::complex<double>(w)); };
  }
  const SchurSort::Predicate& predicate = sort.predicate();
  return [&predicate](std::complex<R> w) { return predicate(std::complex<double>(w)); };
}

template <class S>
void factor(const char* where, MatrixT<S>& a, MatrixT<S>& z, Index& sdim, const SchurOptions& options) {
  using R = real_t<S>;
  if (options.check_finite) check_finite(where, "a", a);  // SciPy's order: finiteness, then shape
  check_square(where, "a", a);
  const lapack_index n = to_lapack_index(where, a.rows());
  sdim = 0;
  z.resize(n, n);
  if (n == 0) return;  // SciPy: empty t and z (and sdim 0)
  const bool sorts = options.sort.sorts();
  const EigenvalueSelect<R> select = sorts ? select_of<R>(options.sort) : EigenvalueSelect<R>{};
  std::vector<std::complex<R>> w(static_cast<std::size_t>(n));
  lapack_index selected = 0;
  const lapack_index info =
      gees(/*want_vs=*/true, sorts ? &select : nullptr, n, a.data(), n, &selected, w.data(), z.data(), n);
  check_argument_info("gees", info);
  if (info == n + 1) {
    throw LinAlgError(cat(where, ": eigenvalues could not be separated for reordering (too close to swap)"));
  }
  if (info == n + 2) {
    throw LinAlgError(cat(where, ": leading eigenvalues do not satisfy the sort condition after reordering"));
  }
  if (info > 0) {
    throw LinAlgError(cat(where, ": Schur form not found, the QR algorithm failed to converge (", n - info + 1,
                          " eigenvalues missing); possibly ill-conditioned"));
  }
  sdim = selected;
}

// The eigenvalue of the 2 x 2 block [[a, b], [c, d]] that LAPACK's ?geev
// (SciPy's eigvals) lists first: mid + delta, delta = sqrt(p^2 + b c),
// p = (a - d) / 2, with delta's sign making the eigenvalue the one nearer a;
// on a tie (a complex pair of a standardized real block) the principal
// square root, i.e. the eigenvalue with positive imaginary part.
template <class C>
C first_eigenvalue(C a, C b, C c, C d) {
  const C p = (a - d) / C(2);
  C delta = std::sqrt(p * p + b * c);
  if ((std::conj(p) * delta).real() < 0) delta = -delta;
  return (a + d) / C(2) + delta;
}

template <class C>
void to_complex_schur(MatrixT<C>& t, MatrixT<C>& z, const Rsf2csfOptions& options) {
  constexpr const char* where = "rsf2csf";
  if (options.check_finite) {
    check_finite(where, "z", z);
    check_finite(where, "t", t);
  }
  check_square(where, "z", z);
  check_square(where, "t", t);
  if (t.rows() != z.rows()) {
    throw ValueError(cat(where, ": t is ", t.rows(), "x", t.cols(), " but z is ", z.rows(), "x", z.cols(),
                         ", expected the same order"));
  }
  // SciPy compares against the double epsilon for every precision.
  constexpr double kEps = std::numeric_limits<double>::epsilon();
  const Index n = t.rows();
  for (Index m = n - 1; m > 0; --m) {
    if (std::abs(t(m, m - 1)) > kEps * (std::abs(t(m - 1, m - 1)) + std::abs(t(m, m)))) {
      // SciPy's rotation, as written: G = [[conj(c), s], [-s, c]] with (c, s)
      // the normalized eigenvector direction (mu, t(m, m-1)) of the block.
      const C mu = first_eigenvalue(t(m - 1, m - 1), t(m - 1, m), t(m, m - 1), t(m, m)) - t(m, m);
      const auto r = std::hypot(std::abs(mu), std::abs(t(m, m - 1)));
      const C c = mu / r;
      const C s = t(m, m - 1) / r;
      Eigen::Matrix<C, 2, 2> g;
      g << std::conj(c), s, -s, c;
      const Eigen::Matrix<C, 2, 2> gh = g.adjoint();
      t.middleRows(m - 1, 2).rightCols(n - m + 1) = (g * t.middleRows(m - 1, 2).rightCols(n - m + 1)).eval();
      t.topRows(m + 1).middleCols(m - 1, 2) = (t.topRows(m + 1).middleCols(m - 1, 2) * gh).eval();
      z.middleCols(m - 1, 2) = (z.middleCols(m - 1, 2) * gh).eval();
    }
    t(m, m - 1) = C(0);
  }
}

}  // namespace

void schur_in_place(const char* where, MatrixT<float>& a, MatrixT<float>& z, Index& sdim, const SchurOptions& options) {
  factor(where, a, z, sdim, options);
}
void schur_in_place(const char* where, MatrixT<double>& a, MatrixT<double>& z, Index& sdim,
                    const SchurOptions& options) {
  factor(where, a, z, sdim, options);
}
void schur_in_place(const char* where, MatrixT<std::complex<float>>& a, MatrixT<std::complex<float>>& z, Index& sdim,
                    const SchurOptions& options) {
  factor(where, a, z, sdim, options);
}
void schur_in_place(const char* where, MatrixT<std::complex<double>>& a, MatrixT<std::complex<double>>& z, Index& sdim,
                    const SchurOptions& options) {
  factor(where, a, z, sdim, options);
}

void rsf2csf_in_place(MatrixT<std::complex<float>>& t, MatrixT<std::complex<float>>& z, const Rsf2csfOptions& options) {
  to_complex_schur(t, z, options);
}
void rsf2csf_in_place(MatrixT<std::complex<double>>& t, MatrixT<std::complex<double>>& z,
                      const Rsf2csfOptions& options) {
  to_complex_schur(t, z, options);
}

}  // namespace scilearn::linalg::detail
