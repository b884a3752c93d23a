// lobpcg: Knyazev's LOBPCG with SciPy's stopping rule, choice of the best
// block, restarts and dense fallback. Each iteration takes the Ritz vectors
// X, the preconditioned residuals R and the previous directions P, makes
// R and P B-orthonormal (Cholesky of their Gram matrices), and solves the
// Rayleigh-Ritz pencil on span[X, R, P]; P is dropped for an iteration
// (a restart) when its Gram matrix or the 3-block pencil is not numerically
// positive definite.
#include <Eigen/Cholesky>
#include <Eigen/Eigenvalues>
#include <cmath>
#include <functional>
#include <limits>
#include <optional>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/core/validation.hpp>
#include <scilearn/core/warnings.hpp>
#include <scilearn/sparse/lobpcg.hpp>
#include <string>
#include <utility>
#include <vector>

#include "direct_checks.hpp"

namespace scilearn::sparse {

namespace {

constexpr const char* where = "lobpcg";

/// op X for a block X of n-vectors.
using BlockApply = std::function<Matrix(const Matrix&)>;

BlockApply columnwise(const LinearOperator& op) {
  return [&op](const Matrix& x) {
    Matrix y(op.rows(), x.cols());
    for (Index j = 0; j < x.cols(); ++j) op.apply(x.col(j), y.col(j));
    return y;
  };
}

/// op X, checked: an operator that returns NaN / Inf would otherwise surface
/// as a misleading "linearly dependent" failure later.
Matrix apply(const BlockApply& op, const Matrix& x, const char* name) {
  Matrix y = op(x);
  if (!y.allFinite()) throw ValueError(cat(where, ": ", name, " returned NaN or Inf"));
  return y;
}

/// Eigenpairs (ascending) of the pencil (a, b), a symmetric and b symmetric
/// positive definite, lower triangles read: b = L L^T, then the standard
/// problem L^-1 a L^-T (LAPACK's sygv reduction). False when b is not
/// numerically positive definite: Eigen's generalized solver does not say.
bool pencil_eigh(const Matrix& a, const Matrix& b, Vector& values, Matrix& vectors) {
  const Eigen::LLT<Matrix> llt(b);
  if (llt.info() != Eigen::Success) return false;
  Matrix c = a.selfadjointView<Eigen::Lower>();
  llt.matrixL().solveInPlace<Eigen::OnTheLeft>(c);
  llt.matrixU().solveInPlace<Eigen::OnTheRight>(c);
  const Eigen::SelfAdjointEigenSolver<Matrix> solver(c);
  if (solver.info() != Eigen::Success || !solver.eigenvalues().allFinite()) return false;
  values = solver.eigenvalues();
  vectors = solver.eigenvectors();
  llt.matrixU().solveInPlace(vectors);
  return vectors.allFinite();
}

/// The k of m ascending eigenvalues that lobpcg keeps, in SciPy's order:
/// the largest first, or the smallest ascending.
std::vector<Index> wanted(Index m, Index k, bool largest) {
  std::vector<Index> index(static_cast<std::size_t>(k));
  for (Index i = 0; i < k; ++i) index[static_cast<std::size_t>(i)] = largest ? m - 1 - i : i;
  return index;
}

/// The Cholesky factor of a Gram matrix g = V^T B V, or nothing when V's
/// columns are numerically dependent: a pivot L_ii^2 at most 16 eps g_ii
/// means column i's part B-orthogonal to the previous ones is lost in
/// rounding. Cholesky's own test (a pivot <= 0) lets such tiny pivots
/// through, and their inverses would blow rounding errors up.
std::optional<Eigen::LLT<Matrix>> gram_cholesky(const Matrix& g) {
  Eigen::LLT<Matrix> llt(g);
  if (llt.info() != Eigen::Success) return std::nullopt;
  const double floor = 16 * std::numeric_limits<double>::epsilon();
  const Matrix& l = llt.matrixLLT();
  for (Index i = 0; i < g.rows(); ++i) {
    if (!(l(i, i) * l(i, i) > floor * g(i, i))) return std::nullopt;
  }
  return llt;
}

/// (values, vectors) restricted to the wanted pairs.
void keep(Vector& values, Matrix& vectors, Index k, bool largest) {
  const std::vector<Index> index = wanted(values.size(), k, largest);
  values = Vector(values(index));
  vectors = Matrix(vectors(Eigen::all, index));
}

Vector column_norms(const Matrix& r) { return r.colwise().norm().transpose(); }

/// The listed columns of x.
Matrix columns(const Matrix& x, const std::vector<Index>& index) { return x(Eigen::all, index); }

Matrix symmetric_part(const Matrix& g) { return (g + g.transpose()) / 2; }

/// One LOBPCG run: the operators, the constraints and the iteration state.
class Solver {
 public:
  Solver(BlockApply a, const LobpcgOptions& options, Index n)
      : a_(std::move(a)), options_(options), n_(n) {
    if (options.B) b_ = columnwise(*options.B);
    if (options.M) m_ = columnwise(*options.M);
  }

  LobpcgResult run(const Matrix& x0) {
    const Index k = x0.cols();
    const Index size_y = options_.Y.cols();
    result_.tol = options_.tol > 0 ? options_.tol : std::sqrt(std::numeric_limits<double>::epsilon()) * double(n_);
    if (n_ - size_y < 5 * k) return dense(k);
    if (size_y > 0) prepare_constraints();
    iterate(x0);
    return std::move(result_);
  }

 private:
  BlockApply a_;
  std::optional<BlockApply> b_;
  std::optional<BlockApply> m_;
  const LobpcgOptions& options_;
  Index n_;
  Matrix by_;                   // B Y
  Eigen::LLT<Matrix> yby_;      // Cholesky of Y^T B Y
  LobpcgResult result_;

  [[nodiscard]] Matrix times_b(const Matrix& v) const { return b_ ? apply(*b_, v, "B") : v; }

  void prepare_constraints() {
    by_ = times_b(options_.Y);
    auto yby = gram_cholesky(options_.Y.transpose() * by_);
    if (!yby) {
      throw ValueError(cat(where, ": the columns of Y are linearly dependent (Y^T B Y is not positive definite)"));
    }
    yby_ = std::move(*yby);
  }

  /// v <- v - Y (Y^T B Y)^-1 (B Y)^T v: the B-orthogonal projection away from Y.
  void constrain(Matrix& v) const {
    if (options_.Y.cols() == 0) return;
    v -= options_.Y * yby_.solve(by_.transpose() * v);
  }

  /// v <- v R^-1 and bv <- bv R^-1 where R^T R = v^T (B v) (bv holds B v,
  /// or is empty without B). R^-1, or nothing when the Gram matrix is not
  /// numerically positive definite (dependent columns).
  static std::optional<Matrix> b_orthonormalize(Matrix& v, Matrix& bv) {
    const auto llt = gram_cholesky(v.transpose() * (bv.size() ? bv : v));
    if (!llt) return std::nullopt;
    Matrix r_inv = Matrix::Identity(v.cols(), v.cols());
    llt->matrixU().solveInPlace(r_inv);
    if (!r_inv.allFinite()) return std::nullopt;
    v = v * r_inv;
    if (bv.size()) bv = bv * r_inv;
    return r_inv;
  }

  void record(const Vector& lambda, const Vector& norms) {
    if (!options_.return_history) return;
    result_.eigenvalue_history.push_back(lambda);
    result_.residual_norm_history.push_back(norms);
  }

  /// SciPy's path for n - sizeY < 5 k: A and B as dense matrices, all pairs.
  LobpcgResult dense(Index k) {
    if (options_.Y.cols() > 0) {
      throw ValueError(cat(where, ": n - sizeY = ", n_ - options_.Y.cols(), " < 5 k = ", 5 * k,
                           " needs the dense eigensolver, which takes no constraints Y"));
    }
    warn(WarningCategory::user,
         cat(where, ": the problem size ", n_, " is too small relative to the block size ", k,
             "; using a dense eigensolver instead of LOBPCG iterations"));
    const Index kept = std::min(k, n_);
    const Matrix identity = Matrix::Identity(n_, n_);
    const Matrix a = apply(a_, identity, "A");
    const Matrix b = times_b(identity);
    Vector values;
    Matrix vectors;
    if (!pencil_eigh(a, b, values, vectors)) {
      throw LinAlgError(cat(where, ": B is not positive definite (dense eigensolver)"));
    }
    keep(values, vectors, kept, options_.largest);
    finish(vectors, values, a * vectors, b * vectors);
    result_.dense = true;
    result_.message = "solved by the dense eigensolver (n - sizeY < 5 k)";
    return std::move(result_);
  }

  /// Stores the returned pairs and their residual norms.
  void finish(Matrix x, Vector lambda, const Matrix& ax, const Matrix& bx) {
    result_.residual_norms = column_norms(ax - bx * lambda.asDiagonal());
    result_.eigenvalues = std::move(lambda);
    result_.eigenvectors = std::move(x);
    result_.converged = result_.residual_norms.maxCoeff() <= result_.tol;
  }

  void iterate(const Matrix& x0) {
    const Index k = x0.cols();
    const bool largest = options_.largest;
    const double tol = result_.tol;

    Matrix x = x0;
    constrain(x);
    Matrix bx = b_ ? apply(*b_, x, "B") : Matrix();
    if (!b_orthonormalize(x, bx)) {
      throw ValueError(cat(where, ": the initial approximations X are linearly dependent",
                           options_.Y.cols() ? " after the constraints Y" : ""));
    }
    Matrix ax = apply(a_, x, "A");
    Vector lambda;
    Matrix coefficients;
    if (!pencil_eigh(x.transpose() * ax, Matrix::Identity(k, k), lambda, coefficients)) {
      throw ValueError(cat(where, ": the Rayleigh quotient of X is not finite"));
    }
    keep(lambda, coefficients, k, largest);
    x = x * coefficients;
    ax = ax * coefficients;
    if (b_) bx = bx * coefficients;

    std::vector<bool> active(static_cast<std::size_t>(k), true);
    Matrix p, ap, bp;  // previous directions (active columns only), A P, B P
    Matrix best_x = x;
    double smallest_mean = std::numeric_limits<double>::infinity();
    bool explicit_gram = false;
    const double jump = std::ldexp(1.0, options_.restart_control);
    std::string stop;  // why the loop ended early, if it did
    int iteration = 0;
    for (; iteration <= options_.maxiter; ++iteration) {
      const Matrix& b_x = b_ ? bx : x;
      const Matrix residual = ax - b_x * lambda.asDiagonal();
      const Vector norms = column_norms(residual);
      record(lambda, norms);
      const double mean = norms.sum() / double(k);
      bool restart = iteration == 0;
      if (mean < smallest_mean) {
        smallest_mean = mean;
        result_.best_iteration = iteration;
        best_x = x;
      } else if (mean > jump * smallest_mean) {
        // The implicit Gram identities have drifted: recompute A X and B X
        // and start the directions afresh.
        ax = apply(a_, x, "A");
        if (b_) bx = apply(*b_, x, "B");
        restart = true;
      }
      std::vector<Index> kept;  // the pairs still iterated: once converged, a pair stays out
      for (Index i = 0; i < k; ++i) {
        const auto u = static_cast<std::size_t>(i);
        active[u] = active[u] && norms(i) > tol;
        if (active[u]) kept.push_back(i);
      }
      if (kept.empty()) break;
      const Index m = static_cast<Index>(kept.size());

      Matrix r = columns(residual, kept);
      if (m_) r = apply(*m_, r, "M");
      constrain(r);
      const Matrix& bx_now = b_ ? bx : x;
      r -= x * (bx_now.transpose() * r);
      Matrix br = b_ ? apply(*b_, r, "B") : Matrix();
      if (!b_orthonormalize(r, br)) {
        stop = cat("the preconditioned residuals became linearly dependent at iteration ", iteration);
        break;
      }
      const Matrix ar = apply(a_, r, "A");
      if (!restart) {
        p = columns(p, kept);
        ap = columns(ap, kept);
        if (b_) bp = columns(bp, kept);
        if (const auto r_inv = b_orthonormalize(p, bp)) {
          ap = ap * *r_inv;
        } else {
          restart = true;
        }
      }

      // Once the residuals are near rounding level, the identities X^T A X =
      // diag(lambda), X^T B X = I, R^T B R = I no longer hold to working
      // accuracy: from then on the Gram blocks are computed.
      if (norms.maxCoeff() <= std::sqrt(std::numeric_limits<double>::epsilon())) explicit_gram = true;
      const Matrix& b_r = b_ ? br : r;
      const Matrix xar = x.transpose() * ar;
      Matrix rar = r.transpose() * ar;
      Matrix xax, xbx, rbr, xbr;
      if (explicit_gram) {
        rar = symmetric_part(rar);
        xax = symmetric_part(x.transpose() * ax);
        xbx = x.transpose() * bx_now;
        rbr = r.transpose() * b_r;
        xbr = x.transpose() * b_r;
      } else {
        xax = lambda.asDiagonal();
        xbx = Matrix::Identity(k, k);
        rbr = Matrix::Identity(m, m);
        xbr = Matrix::Zero(k, m);
      }

      Vector values;
      Matrix vectors;
      if (!restart) {
        const Matrix& b_p = b_ ? bp : p;
        const Matrix xap = x.transpose() * ap;
        const Matrix rap = r.transpose() * ap;
        const Matrix xbp = x.transpose() * b_p;
        const Matrix rbp = r.transpose() * b_p;
        const Matrix pap = explicit_gram ? symmetric_part(p.transpose() * ap) : Matrix(p.transpose() * ap);
        const Matrix pbp = explicit_gram ? Matrix(p.transpose() * b_p) : Matrix(Matrix::Identity(m, m));
        Matrix gram_a(k + 2 * m, k + 2 * m);
        Matrix gram_b(k + 2 * m, k + 2 * m);
        gram_a << xax, xar, xap, xar.transpose(), rar, rap, xap.transpose(), rap.transpose(), pap;
        gram_b << xbx, xbr, xbp, xbr.transpose(), rbr, rbp, xbp.transpose(), rbp.transpose(), pbp;
        restart = !pencil_eigh(gram_a, gram_b, values, vectors);
      }
      if (restart) {
        Matrix gram_a(k + m, k + m);
        Matrix gram_b(k + m, k + m);
        gram_a << xax, xar, xar.transpose(), rar;
        gram_b << xbx, xbr, xbr.transpose(), rbr;
        if (!pencil_eigh(gram_a, gram_b, values, vectors)) {
          stop = cat("the Rayleigh-Ritz Gram matrix lost positive definiteness at iteration ", iteration);
          break;
        }
      }
      keep(values, vectors, k, largest);
      lambda = values;

      // Ritz vectors: X <- X C_X + P_new, P_new = R C_R + P C_P.
      const Matrix c_x = vectors.topRows(k);
      const Matrix c_r = vectors.middleRows(k, m);
      Matrix new_p = r * c_r;
      Matrix new_ap = ar * c_r;
      Matrix new_bp = b_ ? Matrix(br * c_r) : Matrix();
      if (!restart) {
        const Matrix c_p = vectors.bottomRows(m);
        new_p += p * c_p;
        new_ap += ap * c_p;
        if (b_) new_bp += bp * c_p;
      }
      x = x * c_x + new_p;
      ax = ax * c_x + new_ap;
      if (b_) bx = bx * c_x + new_bp;
      p = std::move(new_p);
      ap = std::move(new_ap);
      bp = std::move(new_bp);
    }
    const int last = std::min(iteration, options_.maxiter);
    result_.iterations = last;

    // The block the loop ended with may be the best one.
    const Matrix& b_x = b_ ? bx : x;
    const Vector norms = column_norms(ax - b_x * lambda.asDiagonal());
    record(lambda, norms);
    if (norms.sum() / double(k) < smallest_mean) {
      result_.best_iteration = last + 1;
      best_x = x;
    }
    postprocess(std::move(best_x), k);
    if (options_.return_history) {
      const auto entries = static_cast<std::size_t>(result_.best_iteration) + 1;
      result_.eigenvalue_history.resize(entries);
      result_.residual_norm_history.resize(entries);
      record(result_.eigenvalues, result_.residual_norms);
    }
    if (result_.converged) {
      result_.message = cat("converged: every residual norm is at most ", tol, " (iteration ", last, ")");
    } else {
      result_.message = cat("not converged: the largest residual norm is ", result_.residual_norms.maxCoeff(),
                            " > tol = ", tol, " after iteration ", last, stop.empty() ? "" : " (", stop,
                            stop.empty() ? "" : ")", "; the block of iteration ", result_.best_iteration,
                            " (the smallest mean residual norm) is returned");
      warn(WarningCategory::user, cat(where, ": ", result_.message));
    }
  }

  /// SciPy's final step: the chosen block, constrained again, through one
  /// more Rayleigh-Ritz step with explicit Gram matrices, so the returned
  /// vectors are B-orthonormal to working accuracy.
  void postprocess(Matrix x, Index k) {
    constrain(x);
    const Matrix ax = apply(a_, x, "A");
    const Matrix bx = times_b(x);
    Vector lambda;
    Matrix coefficients;
    if (!pencil_eigh(symmetric_part(x.transpose() * ax), symmetric_part(x.transpose() * bx), lambda,
                     coefficients)) {
      throw LinAlgError(cat(where, ": the final Rayleigh-Ritz step failed: X^T B X is not positive definite"));
    }
    keep(lambda, coefficients, k, options_.largest);
    finish(x * coefficients, std::move(lambda), ax * coefficients, bx * coefficients);
  }
};

/// Throws ValueError for the shapes and options lobpcg cannot take.
void check_inputs(Index rows, Index cols, const Eigen::Ref<const Matrix>& X, const LobpcgOptions& o) {
  if (rows != cols) throw ValueError(cat(where, ": A must be square, but it is ", rows, "x", cols));
  const Index n = rows;
  if (X.rows() != n || X.cols() == 0) {
    throw ValueError(cat(where, ": X must be ", n, " x k with k >= 1 (A is ", n, "x", n, "), but it is ", X.rows(),
                         "x", X.cols()));
  }
  check_finite(where, "X", X);
  if (o.Y.cols() > 0) {
    if (o.Y.rows() != n || o.Y.cols() >= n) {
      throw ValueError(cat(where, ": Y must be ", n, " x sizeY with sizeY < ", n, ", but it is ", o.Y.rows(), "x",
                           o.Y.cols()));
    }
    check_finite(where, "Y", o.Y);
  }
  for (const auto& [name, op] : {std::pair{"B", &o.B}, std::pair{"M", &o.M}}) {
    if (*op && ((*op)->rows() != n || (*op)->cols() != n)) {
      throw ValueError(cat(where, ": ", name, " must be ", n, "x", n, ", but it is ", (*op)->rows(), "x",
                           (*op)->cols()));
    }
  }
  if (!std::isfinite(o.tol) || o.tol < 0) throw ValueError(cat(where, ": tol must be finite and >= 0, got ", o.tol));
  if (o.maxiter < 0) throw ValueError(cat(where, ": maxiter must be >= 0, got ", o.maxiter));
  if (o.restart_control < 0) {
    throw ValueError(cat(where, ": restart_control must be >= 0, got ", o.restart_control));
  }
}

/// X -> A X for a stored matrix (A borrowed): one block product.
template <class StoredMatrix>
BlockApply block_product(const StoredMatrix& A) {
  return [&A](const Matrix& x) { return Matrix(A * x); };
}

template <class SparseMatrix>
LobpcgResult lobpcg_sparse(const SparseMatrix& A, const Eigen::Ref<const Matrix>& X, const LobpcgOptions& options) {
  check_inputs(A.rows(), A.cols(), X, options);
  detail::check_stored_finite(where, "A", A);
  return Solver(block_product(A), options, A.rows()).run(X);
}

}  // namespace

LobpcgResult lobpcg(const LinearOperator& A, const Eigen::Ref<const Matrix>& X, const LobpcgOptions& options) {
  check_inputs(A.rows(), A.cols(), X, options);
  return Solver(columnwise(A), options, A.rows()).run(X);
}

LobpcgResult lobpcg(const CsrMatrix& A, const Eigen::Ref<const Matrix>& X, const LobpcgOptions& options) {
  return lobpcg_sparse(A, X, options);
}

LobpcgResult lobpcg(const CscMatrix& A, const Eigen::Ref<const Matrix>& X, const LobpcgOptions& options) {
  return lobpcg_sparse(A, X, options);
}

LobpcgResult lobpcg(const Matrix& A, const Eigen::Ref<const Matrix>& X, const LobpcgOptions& options) {
  check_inputs(A.rows(), A.cols(), X, options);
  check_finite(where, "A", A);
  return Solver(block_product(A), options, A.rows()).run(X);
}

}  // namespace scilearn::sparse
