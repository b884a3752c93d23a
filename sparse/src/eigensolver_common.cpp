// The checks, defaults and operators eigsh, eigs and svds share.
#include "eigensolver_common.hpp"

#include <algorithm>
#include <climits>
#include <cmath>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/core/random.hpp>
#include <scilearn/core/validation.hpp>

namespace scilearn::sparse::detail {

void check_eigen_operator(const char* where, const LinearOperator& A) {
  if (A.rows() != A.cols()) {
    throw ValueError(cat(where, ": A must be square, but it is ", A.rows(), "x", A.cols()));
  }
  // ARPACK's workspace offsets reach 3 n in int arithmetic.
  if (A.rows() > (INT_MAX - 1) / 3) {
    throw ValueError(cat(where, ": A has order ", A.rows(), "; ARPACK's 32-bit workspace holds at most ", (INT_MAX - 1) / 3));
  }
}

void check_k(const char* where, int k, Index n, int k_gap) {
  if (k <= 0 || k >= n - k_gap) {
    throw ValueError(cat(where, ": k = ", k, " must satisfy 0 < k < ", k_gap == 0 ? "n" : "n - 1", " = ", n - k_gap,
                         " (for all eigenvalues use a dense eigensolver)"));
  }
}

int resolve_ncv(const char* where, int ncv, int k, Index n, int ncv_gap) {
  if (ncv == 0) ncv = static_cast<int>(std::min<Index>(n, std::max(2 * k + 1, 20)));
  if (ncv <= k + ncv_gap || ncv > n) {
    throw ValueError(cat(where, ": ncv = ", ncv, " must satisfy k", ncv_gap == 0 ? "" : " + 1", " = ", k + ncv_gap,
                         " < ncv <= n = ", n));
  }
  // ARPACK's private workspace: ncv (ncv + 8) (symmetric) or 3 ncv^2 + 6 ncv
  // (nonsymmetric) entries, indexed by int.
  const auto c = static_cast<Index>(ncv);
  const Index workl = ncv_gap == 0 ? c * (c + 8) : 3 * c * c + 6 * c;
  if (workl > INT_MAX) throw ValueError(cat(where, ": ncv = ", ncv, " needs a workspace beyond ARPACK's 32-bit indices"));
  return ncv;
}

int resolve_maxiter(const char* where, int maxiter, Index n) {
  if (maxiter < 0) throw ValueError(cat(where, ": maxiter must be positive (0: the default 10 n), got ", maxiter));
  if (maxiter > 0) return maxiter;
  return static_cast<int>(std::min<Index>(10 * n, INT_MAX));
}

void check_tol(const char* where, double tol) {
  if (!(tol >= 0) || !std::isfinite(tol)) {
    throw ValueError(cat(where, ": tol must be finite and >= 0 (0: machine precision), got ", tol));
  }
}

Vector starting_vector(const char* where, const Vector& v0, std::uint64_t seed, Index n) {
  if (v0.size() == 0) {
    Generator rng(seed);
    Vector start(n);
    for (Index i = 0; i < n; ++i) start(i) = rng.uniform(-1.0, 1.0);
    return start;
  }
  if (v0.size() != n) throw ValueError(cat(where, ": v0 has ", v0.size(), " entries but must have ", n));
  check_finite(where, "v0", v0);
  if (v0.isZero(0.0)) throw ValueError(cat(where, ": v0 must not be zero"));
  return v0;
}

ArpackOperator as_arpack_operator(const LinearOperator& A) {
  const Index n = A.rows();
  return [&A, n](const double* x, double* y) {
    const Eigen::Map<const Vector> xv(x, n);
    Eigen::Map<Vector> yv(y, n);
    A.apply(xv, yv);
  };
}

void check_shift(const char* where, const std::optional<double>& sigma, const std::optional<LinearOperator>& OPinv) {
  if (sigma && !std::isfinite(*sigma)) throw ValueError(cat(where, ": sigma must be finite, got ", *sigma));
  if (OPinv && !sigma) throw ValueError(cat(where, ": OPinv is given without sigma (it applies (A - sigma I)^-1)"));
}

namespace {

std::optional<LinearOperator> checked_opinv(const char* where, Index n, const std::optional<LinearOperator>& OPinv) {
  if (OPinv && (OPinv->rows() != n || OPinv->cols() != n)) {
    throw ValueError(cat(where, ": OPinv is ", OPinv->rows(), "x", OPinv->cols(), " but A is ", n, "x", n));
  }
  return OPinv;
}

}  // namespace

ShiftInvert::ShiftInvert(const char* where, Index n, const std::optional<LinearOperator>& OPinv)
    : opinv_(checked_opinv(where, n, OPinv)) {
  if (!opinv_) {
    throw ValueError(cat(where, ": shift-invert (sigma) on a matrix-free or dense A needs OPinv, an operator "
                                "applying (A - sigma I)^-1; a sparse matrix A is factorized instead"));
  }
}

template <class M>
ShiftInvert::ShiftInvert(const char* where, const M& A, double sigma, const std::optional<LinearOperator>& OPinv,
                         bool try_cholesky)
    : opinv_(checked_opinv(where, A.rows(), OPinv)) {
  if (opinv_) return;
  M identity(A.rows(), A.cols());
  identity.setIdentity();
  const M shifted = A - sigma * identity;
  if (try_cholesky) {
    // Below the spectrum (the usual "smallest eigenvalues" shift) A - sigma I is
    // positive definite and CHOLMOD is several times faster than LU.
    try {
      factors_ = factorized(shifted, {.assume_a = AssumeA::pos, .check_finite = false});
      return;
    } catch (const LinAlgError&) {
      // indefinite: LU below
    }
  }
  factors_ = factorized(shifted, {.assume_a = AssumeA::gen, .check_finite = false});
}

ArpackOperator ShiftInvert::op() const {
  if (opinv_) return as_arpack_operator(*opinv_);
  const Factorized& f = *factors_;
  const Index n = f.rows();
  return [&f, n](const double* x, double* y) {
    Eigen::Map<Vector>(y, n) = f(Eigen::Map<const Vector>(x, n));
  };
}

template ShiftInvert::ShiftInvert(const char*, const CsrMatrix&, double, const std::optional<LinearOperator>&, bool);
template ShiftInvert::ShiftInvert(const char*, const CscMatrix&, double, const std::optional<LinearOperator>&, bool);

}  // namespace scilearn::sparse::detail
