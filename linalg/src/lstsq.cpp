#include <algorithm>
#include <limits>
#include <scilearn/core/validation.hpp>
#include <scilearn/linalg/lstsq.hpp>

#include "lapack_lstsq.hpp"
#include "lapack_qr.hpp"

namespace scilearn::linalg::detail {
namespace {

constexpr const char* kWhere = "lstsq";

const char* driver_name(LstsqDriver driver) {
  switch (driver) {
    case LstsqDriver::gelsd: return "gelsd";
    case LstsqDriver::gelsy: return "gelsy";
    case LstsqDriver::gelss: return "gelss";
  }
  return "unknown";
}

// S with its real type widened to long double (x87's 64-bit significand on
// x86-64, 11 bits beyond double's).
template <class S>
using Extended = std::conditional_t<is_complex_v<S>, std::complex<long double>, long double>;

// Iterative refinement of the full-rank (m >= n = rank) least-squares solution
// x on Bjorck's augmented system [I a; a^H 0] [r; x] = [b; 0], the residuals
// of that system computed in extended precision and each correction solved
// with a Householder QR of a (Bjorck, "Iterative refinement of linear least
// squares solutions I", BIT 7, 1967). Each round costs O(m n k) after the
// O(m n^2) factorization. Stops early when a correction no longer halves.
// Returns b - a x for the refined x, in extended precision.
template <class S>
MatrixT<Extended<S>> refine_in_extended_precision(const Eigen::Ref<const MatrixT<S>>& a,
                                                  const Eigen::Ref<const MatrixT<S>>& b, Eigen::Ref<MatrixT<S>> x,
                                                  int rounds) {
  using E = Extended<S>;
  const Index m = a.rows();
  const Index n = a.cols();
  const Index k = b.cols();
  const lapack_index lm = to_lapack_index(kWhere, m);
  const lapack_index ln = to_lapack_index(kWhere, n);
  const lapack_index lk = to_lapack_index(kWhere, k);
  MatrixT<S> qr = a;
  VectorT<S> tau(n);
  check_argument_info("geqrf", geqrf(lm, ln, qr.data(), lm, tau.data()));

  const MatrixT<E> ae = a.template cast<E>();
  const MatrixT<E> be = b.template cast<E>();
  MatrixT<E> xe = x.template cast<E>();
  MatrixT<E> re = be - ae * xe;
  double last = std::numeric_limits<double>::infinity();
  for (int round = 0; round < rounds; ++round) {
    MatrixT<S> f = (be - re - ae * xe).template cast<S>();     // first block row's residual
    MatrixT<S> h = (-(ae.adjoint() * re)).template cast<S>();  // second block row's residual
    // [dr; dx] solves the augmented system for [f; h]: with a = Q [R; 0],
    // h <- R^-H h, f <- Q^H f, dx = R^-1 (f_top - h), dr = Q [h; f_bottom].
    check_argument_info("trtrs", trtrs('U', is_complex_v<S> ? 'C' : 'T', 'N', ln, lk, qr.data(), lm, h.data(), ln));
    check_argument_info("ormqr", ormqr('L', true, lm, lk, ln, qr.data(), lm, tau.data(), f.data(), lm));
    MatrixT<S> dx = f.topRows(n) - h;
    check_argument_info("trtrs", trtrs('U', 'N', 'N', ln, lk, qr.data(), lm, dx.data(), ln));
    f.topRows(n) = h;
    check_argument_info("ormqr", ormqr('L', false, lm, lk, ln, qr.data(), lm, tau.data(), f.data(), lm));
    const auto size = static_cast<double>(dx.cwiseAbs().maxCoeff());
    if (!(size < 0.5 * last)) break;  // stagnating (or NaN): keep the last x
    last = size;
    xe += dx.template cast<E>();
    re += f.template cast<E>();
  }
  x = xe.template cast<S>();
  return be - ae * x.template cast<E>();
}

template <class S>
void lstsq_any(const Eigen::Ref<const MatrixT<S>>& a, const Eigen::Ref<const MatrixT<S>>& b, Eigen::Ref<MatrixT<S>> x,
               VectorT<real_t<S>>& residues, Index& rank, VectorT<real_t<S>>& s, const LstsqOptions& options) {
  using R = real_t<S>;
  const Index m = a.rows();
  const Index n = a.cols();
  const Index k = b.cols();
  if (b.rows() != m) {
    throw ValueError(cat("lstsq: a is ", m, "x", n, " but b is ", b.rows(), "x", k, " (b needs ", m, " rows)"));
  }
  if (options.lapack_driver != LstsqDriver::gelsd && options.lapack_driver != LstsqDriver::gelsy &&
      options.lapack_driver != LstsqDriver::gelss) {
    throw ValueError(cat("lstsq: unknown lapack_driver value ", static_cast<int>(options.lapack_driver)));
  }
  if (options.refine < 0) throw ValueError(cat("lstsq: refine must be >= 0, got ", options.refine));
  if (options.check_finite) {
    check_finite(kWhere, "a", a);
    check_finite(kWhere, "b", b);
  }
  residues.resize(0);
  s.resize(0);
  rank = 0;
  if (m == 0 || n == 0) {  // SciPy 1.17: zeros, and b's column norms when there is nothing to fit with
    x.setZero();
    if (n == 0) residues = b.colwise().squaredNorm().transpose();
    return;
  }

  // LAPACK overwrites a with its factors and b with x (in the top n rows), so
  // both are copied; b's copy has max(m, n) rows, zero below b for a wide a.
  // With k == 0 one zero column stands in, since ?lalsd rejects nrhs = 0, so
  // rank and s are still computed.
  MatrixT<S> f = a;
  MatrixT<S> w = MatrixT<S>::Zero(std::max(m, n), std::max<Index>(k, 1));
  w.topLeftCorner(m, k) = b;
  const lapack_index lm = to_lapack_index(kWhere, m);
  const lapack_index ln = to_lapack_index(kWhere, n);
  const lapack_index nrhs = to_lapack_index(kWhere, w.cols());
  const lapack_index ldb = to_lapack_index(kWhere, w.rows());
  const R rcond = options.cond ? static_cast<R>(*options.cond) : std::numeric_limits<R>::epsilon();
  lapack_index lrank = 0;
  lapack_index info = 0;
  switch (options.lapack_driver) {
    case LstsqDriver::gelsd:
      s.resize(std::min(m, n));
      info = gelsd(lm, ln, nrhs, f.data(), lm, w.data(), ldb, s.data(), rcond, &lrank);
      break;
    case LstsqDriver::gelss:
      s.resize(std::min(m, n));
      info = gelss(lm, ln, nrhs, f.data(), lm, w.data(), ldb, s.data(), rcond, &lrank);
      break;
    case LstsqDriver::gelsy: {
      std::vector<lapack_index> jpvt(static_cast<std::size_t>(n), 0);  // 0: every column may be pivoted
      info = gelsy(lm, ln, nrhs, f.data(), lm, w.data(), ldb, jpvt.data(), rcond, &lrank);
      break;
    }
  }
  const char* routine = driver_name(options.lapack_driver);
  check_argument_info(routine, info);
  if (info > 0) {
    throw LinAlgError(cat("lstsq: SVD did not converge in linear least squares (LAPACK ", routine, " info = ", info,
                          ": ", info, " off-diagonal elements did not converge to zero)"));
  }
  rank = lrank;
  x = w.topLeftCorner(n, k);
  const bool full_rank = m >= n && rank == n;
  const bool refined = full_rank && options.refine > 0 && k > 0;
  MatrixT<Extended<S>> refined_residual;
  if (refined) refined_residual = refine_in_extended_precision<S>(a, b, x, options.refine);
  if (m > n && full_rank && options.lapack_driver != LstsqDriver::gelsy) {
    // Unrefined: below row n, LAPACK leaves Q^H b's part outside the range of
    // a, whose squared norm is the residual sum of squares (full column rank only).
    residues = refined ? VectorT<R>(refined_residual.colwise().squaredNorm().transpose().template cast<R>())
                       : VectorT<R>(w.bottomLeftCorner(m - n, k).colwise().squaredNorm().transpose());
  }
}

}  // namespace

void lstsq_into(const Eigen::Ref<const MatrixT<float>>& a, const Eigen::Ref<const MatrixT<float>>& b,
                Eigen::Ref<MatrixT<float>> x, VectorT<float>& residues, Index& rank, VectorT<float>& s,
                const LstsqOptions& options) {
  lstsq_any<float>(a, b, x, residues, rank, s, options);
}
void lstsq_into(const Eigen::Ref<const MatrixT<double>>& a, const Eigen::Ref<const MatrixT<double>>& b,
                Eigen::Ref<MatrixT<double>> x, VectorT<double>& residues, Index& rank, VectorT<double>& s,
                const LstsqOptions& options) {
  lstsq_any<double>(a, b, x, residues, rank, s, options);
}
void lstsq_into(const Eigen::Ref<const MatrixT<std::complex<float>>>& a,
                const Eigen::Ref<const MatrixT<std::complex<float>>>& b, Eigen::Ref<MatrixT<std::complex<float>>> x,
                VectorT<float>& residues, Index& rank, VectorT<float>& s, const LstsqOptions& options) {
  lstsq_any<std::complex<float>>(a, b, x, residues, rank, s, options);
}
void lstsq_into(const Eigen::Ref<const MatrixT<std::complex<double>>>& a,
                const Eigen::Ref<const MatrixT<std::complex<double>>>& b, Eigen::Ref<MatrixT<std::complex<double>>> x,
                VectorT<double>& residues, Index& rank, VectorT<double>& s, const LstsqOptions& options) {
  lstsq_any<std::complex<double>>(a, b, x, residues, rank, s, options);
}

}  // namespace scilearn::linalg::detail
