// svds: eigsh on the smaller Gram operator, then SciPy 1.17's refinement
// (orthonormalize the eigenvectors, SVD of A V).
#include <Eigen/QR>
#include <Eigen/SVD>
#include <algorithm>
#include <climits>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/sparse/eigensolvers.hpp>

#include "eigensolver_common.hpp"

namespace scilearn::sparse {

namespace {

constexpr const char* where = "svds";

/// Columns of X in reverse order.
Matrix reversed_columns(const Matrix& x) { return x.rowwise().reverse(); }

}  // namespace

SvdsResult svds(const LinearOperator& A, int k, const SvdsOptions& options) {
  const Index m = A.rows();
  const Index n = A.cols();
  if (m == 0 || n == 0) throw ValueError(cat(where, ": A must not be empty, but it is ", m, "x", n));
  const Index p = std::min(m, n);
  if (k <= 0 || k >= p) throw ValueError(cat(where, ": k = ", k, " must satisfy 0 < k < min(A.shape) = ", p));
  if (!A.has_rmatvec()) throw ValueError(cat(where, ": A needs rmatvec (A^T x)"));
  if (p > INT_MAX) throw ValueError(cat(where, ": min(A.shape) = ", p, " exceeds ARPACK's 2^31 - 1"));
  detail::check_tol(where, options.tol);
  // eigsh checks these too, but would speak of its own n (here min(m, n)).
  if (options.which != SvdsWhich::LM && options.which != SvdsWhich::SM) {
    throw ValueError(cat(where, ": unknown `which` (", static_cast<int>(options.which), ")"));
  }
  if (options.v0.size() != 0 && options.v0.size() != p) {
    throw ValueError(cat(where, ": v0 has ", options.v0.size(), " entries but must have min(A.shape) = ", p));
  }
  if (options.ncv != 0 && (options.ncv <= k || options.ncv > p)) {
    throw ValueError(cat(where, ": ncv = ", options.ncv, " must satisfy k = ", k, " < ncv <= min(A.shape) = ", p));
  }
  if (options.maxiter < 0) {
    throw ValueError(cat(where, ": maxiter must be positive (0: the default), got ", options.maxiter));
  }

  // X is the taller of A and A^T, so that X^T X is the smaller Gram matrix.
  const bool transpose = m < n;
  const Index rows_x = transpose ? n : m;
  const auto x_dot = [&](const VectorView& v, VectorRef y) {
    if (transpose) {
      A.apply_transpose(v, y);
    } else {
      A.apply(v, y);
    }
  };
  const auto xt_dot = [&](const VectorView& v, VectorRef y) {
    if (transpose) {
      A.apply(v, y);
    } else {
      A.apply_transpose(v, y);
    }
  };
  Vector work(rows_x);
  const LinearOperator gram(p, p, [&](const VectorView& v, VectorRef y) {
    x_dot(v, work);
    xt_dot(work, y);
  });

  EigshOptions eig{.sigma = std::nullopt,
                   .which = options.which == SvdsWhich::LM ? EigshWhich::LM : EigshWhich::SM,
                   .v0 = options.v0,
                   .seed = options.seed,
                   .ncv = options.ncv,
                   .maxiter = options.maxiter,
                   .tol = options.tol * options.tol,
                   .return_eigenvectors = true,
                   .OPinv = std::nullopt};
  const EigshResult e = eigsh(gram, k, eig);
  SvdsResult r{.u = {}, .s = {}, .vh = {}, .info = e.info, .nconv = e.nconv, .nops = 2 * e.nops,
               .message = e.message};
  const Index kc = e.eigenvectors.cols();
  if (kc == 0) return r;

  // ARPACK's vectors are not exactly orthonormal for clustered eigenvalues.
  const Matrix q = Eigen::HouseholderQR<Matrix>(e.eigenvectors).householderQ() * Matrix::Identity(p, kc);
  Matrix av(rows_x, kc);
  for (Index j = 0; j < kc; ++j) x_dot(q.col(j), av.col(j));
  const unsigned vectors = options.return_singular_vectors ? (Eigen::ComputeThinU | Eigen::ComputeThinV) : 0U;
  const Eigen::BDCSVD<Matrix> svd(av, vectors);
  r.s = svd.singularValues().reverse();  // ascending, as SciPy's
  if (!options.return_singular_vectors) return r;
  const Matrix u = reversed_columns(svd.matrixU());         // rows_x x kc
  const Matrix vh = reversed_columns(svd.matrixV()).transpose() * q.transpose();  // kc x p
  if (transpose) {
    r.u = vh.transpose();  // A^T = X: A's left vectors are X's right ones
    r.vh = u.transpose();
  } else {
    r.u = u;
    r.vh = vh;
  }
  return r;
}

}  // namespace scilearn::sparse
