#include <scilearn/core/validation.hpp>
#include <scilearn/linalg/banded.hpp>
#include <scilearn/linalg/cholesky.hpp>
#include <vector>

#include "lapack_banded.hpp"

// scipy.linalg's band solvers (_basic.py: solve_banded, solveh_banded;
// _decomp_cholesky.py: cholesky_banded, cho_solve_banded) on the same LAPACK
// routines, chosen by the same rules.

namespace scilearn::linalg::detail {
namespace {

// x's rows must match the order n = ab.cols() (SciPy: "shapes of ab and b are not compatible").
void check_rows(const char* where, const char* band, Index n, Index rows) {
  if (rows != n) throw ValueError(cat(where, ": ", band, " has ", n, " columns but b has ", rows, " rows"));
}

template <class S>
void check_inputs(const char* where, const char* band, const Eigen::Ref<const MatrixT<S>>& ab,
                  const Eigen::Ref<MatrixT<S>>& x, bool finite) {
  check_rows(where, band, ab.cols(), x.rows());
  if (finite) {
    check_finite(where, band, ab);
    check_finite(where, "b", x);
  }
}

// SciPy passes kd = rows - 1 to LAPACK, which rejects -1; say so plainly.
void check_has_rows(const char* where, const char* band, Index rows) {
  if (rows == 0) throw ValueError(cat(where, ": ", band, " has no rows; expected kd + 1 >= 1 (the diagonal at least)"));
}

template <class M>
lapack_index ld(const char* where, const M& m) {
  return to_lapack_index(where, std::max<Index>(1, m.outerStride()));
}

template <class S>
void solve_banded_any(Index l, Index u, const Eigen::Ref<const MatrixT<S>>& ab, Eigen::Ref<MatrixT<S>> x,
                      const SolveBandedOptions& options) {
  constexpr const char* where = "solve_banded";
  if (l < 0 || u < 0) throw ValueError(cat(where, ": l and u must be non-negative, got (", l, ", ", u, ")"));
  check_inputs<S>(where, "ab", ab, x, options.check_finite);
  if (l + u + 1 != ab.rows()) {
    throw ValueError(cat(where, ": invalid values for the number of lower and upper diagonals: l+u+1 (", l + u + 1,
                         ") does not equal ab.rows() (", ab.rows(), ")"));
  }
  if (x.size() == 0) return;  // SciPy: empty b in, empty x out
  const Index n = ab.cols();
  if (n == 1) {
    // SciPy divides by a(0, 0) = ab(u, 0) (gh-8906: extra rows are allowed).
    // An exact zero is the singular case that LAPACK would report.
    if (ab(u, 0) == S(0)) throw LinAlgError(cat(where, ": singular matrix"));
    x /= ab(u, 0);
    return;
  }
  const lapack_index ln = to_lapack_index(where, n);
  const lapack_index nrhs = to_lapack_index(where, x.cols());
  lapack_index info = 0;
  if (l == 1 && u == 1) {
    // Tridiagonal: ?gtsv, as SciPy. Its three diagonals are overwritten, so copied.
    std::vector<S> dl(static_cast<std::size_t>(n - 1)), d(static_cast<std::size_t>(n)),
        du(static_cast<std::size_t>(n - 1));
    for (Index j = 0; j < n; ++j) {
      d[static_cast<std::size_t>(j)] = ab(1, j);
      if (j + 1 < n) {
        du[static_cast<std::size_t>(j)] = ab(0, j + 1);
        dl[static_cast<std::size_t>(j)] = ab(2, j);
      }
    }
    info = gtsv(ln, nrhs, dl.data(), d.data(), du.data(), x.data(), ld(where, x));
    check_argument_info("gtsv", info);
  } else {
    // ?gbsv needs l more rows on top for the fill-in of the row interchanges.
    MatrixT<S> a2 = MatrixT<S>::Zero(2 * l + u + 1, n);
    a2.bottomRows(l + u + 1) = ab;
    std::vector<lapack_index> ipiv(static_cast<std::size_t>(n));
    info = gbsv(ln, to_lapack_index(where, l), to_lapack_index(where, u), nrhs, a2.data(),
                to_lapack_index(where, a2.rows()), ipiv.data(), x.data(), ld(where, x));
    check_argument_info("gbsv", info);
  }
  if (info > 0) throw LinAlgError(cat(where, ": singular matrix"));
}

template <class S>
void solveh_banded_any(const Eigen::Ref<const MatrixT<S>>& ab, Eigen::Ref<MatrixT<S>> x,
                       const SolvehBandedOptions& options) {
  constexpr const char* where = "solveh_banded";
  check_inputs<S>(where, "ab", ab, x, options.check_finite);
  if (x.size() == 0) return;  // SciPy: empty b in, empty x out
  check_has_rows(where, "ab", ab.rows());
  const Index n = ab.cols();
  const lapack_index ln = to_lapack_index(where, n);
  const lapack_index nrhs = to_lapack_index(where, x.cols());
  lapack_index info = 0;
  if (ab.rows() == 2) {
    // Tridiagonal: ?ptsv (L D L^H) on the real diagonal and the sub-diagonal,
    // which the upper form holds conjugated, as SciPy.
    std::vector<real_t<S>> d(static_cast<std::size_t>(n));
    std::vector<S> e(static_cast<std::size_t>(std::max<Index>(n - 1, 0)));
    for (Index j = 0; j < n; ++j) {
      d[static_cast<std::size_t>(j)] = Eigen::numext::real(ab(options.lower ? 0 : 1, j));
      if (j + 1 < n) e[static_cast<std::size_t>(j)] = options.lower ? ab(1, j) : Eigen::numext::conj(ab(0, j + 1));
    }
    info = ptsv<S>(ln, nrhs, d.data(), e.data(), x.data(), ld(where, x));
    check_argument_info("ptsv", info);
  } else {
    MatrixT<S> c = ab;  // ?pbsv factors in place
    info = pbsv(options.lower ? 'L' : 'U', ln, to_lapack_index(where, ab.rows() - 1), nrhs, c.data(),
                to_lapack_index(where, c.rows()), x.data(), ld(where, x));
    check_argument_info("pbsv", info);
  }
  check_positive_definite(where, info);
}

template <class S>
void cholesky_banded_any(MatrixT<S>& c, const CholeskyBandedOptions& options) {
  constexpr const char* where = "cholesky_banded";
  if (options.check_finite) check_finite(where, "ab", c);
  if (c.size() == 0) return;  // SciPy: an empty ab has an empty factor of its shape
  const lapack_index info = pbtrf(options.lower ? 'L' : 'U', to_lapack_index(where, c.cols()),
                                  to_lapack_index(where, c.rows() - 1), c.data(), to_lapack_index(where, c.rows()));
  check_argument_info("pbtrf", info);
  check_positive_definite(where, info);
}

template <class S>
void cho_solve_banded_any(const ChoBandedFactor<S>& f, Eigen::Ref<MatrixT<S>> x, const ChoSolveBandedOptions& options) {
  constexpr const char* where = "cho_solve_banded";
  check_inputs<S>(where, "cb", f.cb, x, options.check_finite);
  if (x.size() == 0) return;  // SciPy: empty b in, empty x out
  check_has_rows(where, "cb", f.cb.rows());
  // pbtrs only reports bad arguments (info < 0): the factor is trusted, as in SciPy.
  check_argument_info("pbtrs", pbtrs(f.lower ? 'L' : 'U', to_lapack_index(where, f.cb.cols()),
                                     to_lapack_index(where, f.cb.rows() - 1), to_lapack_index(where, x.cols()),
                                     f.cb.data(), to_lapack_index(where, f.cb.rows()), x.data(), ld(where, x)));
}

}  // namespace

void solve_banded_in_place(Index l, Index u, const Eigen::Ref<const MatrixT<float>>& ab, Eigen::Ref<MatrixT<float>> x,
                           const SolveBandedOptions& options) {
  solve_banded_any<float>(l, u, ab, x, options);
}
void solve_banded_in_place(Index l, Index u, const Eigen::Ref<const MatrixT<double>>& ab, Eigen::Ref<MatrixT<double>> x,
                           const SolveBandedOptions& options) {
  solve_banded_any<double>(l, u, ab, x, options);
}
void solve_banded_in_place(Index l, Index u, const Eigen::Ref<const MatrixT<std::complex<float>>>& ab,
                           Eigen::Ref<MatrixT<std::complex<float>>> x, const SolveBandedOptions& options) {
  solve_banded_any<std::complex<float>>(l, u, ab, x, options);
}
void solve_banded_in_place(Index l, Index u, const Eigen::Ref<const MatrixT<std::complex<double>>>& ab,
                           Eigen::Ref<MatrixT<std::complex<double>>> x, const SolveBandedOptions& options) {
  solve_banded_any<std::complex<double>>(l, u, ab, x, options);
}

void solveh_banded_in_place(const Eigen::Ref<const MatrixT<float>>& ab, Eigen::Ref<MatrixT<float>> x,
                            const SolvehBandedOptions& options) {
  solveh_banded_any<float>(ab, x, options);
}
void solveh_banded_in_place(const Eigen::Ref<const MatrixT<double>>& ab, Eigen::Ref<MatrixT<double>> x,
                            const SolvehBandedOptions& options) {
  solveh_banded_any<double>(ab, x, options);
}
void solveh_banded_in_place(const Eigen::Ref<const MatrixT<std::complex<float>>>& ab,
                            Eigen::Ref<MatrixT<std::complex<float>>> x, const SolvehBandedOptions& options) {
  solveh_banded_any<std::complex<float>>(ab, x, options);
}
void solveh_banded_in_place(const Eigen::Ref<const MatrixT<std::complex<double>>>& ab,
                            Eigen::Ref<MatrixT<std::complex<double>>> x, const SolvehBandedOptions& options) {
  solveh_banded_any<std::complex<double>>(ab, x, options);
}

void cholesky_banded_in_place(MatrixT<float>& c, const CholeskyBandedOptions& options) {
  cholesky_banded_any(c, options);
}
void cholesky_banded_in_place(MatrixT<double>& c, const CholeskyBandedOptions& options) {
  cholesky_banded_any(c, options);
}
void cholesky_banded_in_place(MatrixT<std::complex<float>>& c, const CholeskyBandedOptions& options) {
  cholesky_banded_any(c, options);
}
void cholesky_banded_in_place(MatrixT<std::complex<double>>& c, const CholeskyBandedOptions& options) {
  cholesky_banded_any(c, options);
}

void cho_solve_banded_in_place(const ChoBandedFactor<float>& f, Eigen::Ref<MatrixT<float>> x,
                               const ChoSolveBandedOptions& options) {
  cho_solve_banded_any(f, x, options);
}
void cho_solve_banded_in_place(const ChoBandedFactor<double>& f, Eigen::Ref<MatrixT<double>> x,
                               const ChoSolveBandedOptions& options) {
  cho_solve_banded_any(f, x, options);
}
void cho_solve_banded_in_place(const ChoBandedFactor<std::complex<float>>& f,
                               Eigen::Ref<MatrixT<std::complex<float>>> x, const ChoSolveBandedOptions& options) {
  cho_solve_banded_any(f, x, options);
}
void cho_solve_banded_in_place(const ChoBandedFactor<std::complex<double>>& f,
                               Eigen::Ref<MatrixT<std::complex<double>>> x, const ChoSolveBandedOptions& options) {
  cho_solve_banded_any(f, x, options);
}

}  // namespace scilearn::linalg::detail
