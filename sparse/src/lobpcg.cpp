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
  Vector lambda_;               // the current Ritz values
  LobpcgResult result_;

  /// block <- block R^-1, R^T R the Cholesky factorization of a Gram
  /// matrix: a triangular solve in place (no product, no temporary).
  static void divide(const Eigen::LLT<Matrix>& factor, Eigen::Ref<Matrix> block) {
    factor.matrixU().solveInPlace<Eigen::OnTheRight>(block);
  }

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
  void constrain(Eigen::Ref<Matrix> v) const {
    if (options_.Y.cols() == 0) return;
    v -= options_.Y * yby_.solve(by_.transpose() * v);
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
    result_.message = result_.converged
                          ? "solved by the dense eigensolver (n - sizeY < 5 k)"
                          : cat("not converged: the dense eigensolver's largest residual norm is ",
                                result_.residual_norms.maxCoeff(), " > tol = ", result_.tol);
    if (!result_.converged) warn(WarningCategory::user, cat(where, ": ", result_.message));
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
    const bool has_b = b_.has_value();

    // The basis [X | P | R] and A, B times it live side by side in n x 3k
    // buffers, so the Gram matrices and the update are one product each;
    // the update writes [X_new | P_new] into spare buffers that then swap in.
    Matrix w(n_, 3 * k), aw(n_, 3 * k), bw(has_b ? n_ : 0, has_b ? 3 * k : 0);
    Matrix w_spare(n_, 3 * k), aw_spare(n_, 3 * k), bw_spare(bw.rows(), bw.cols());
    // B times the basis (the basis itself without B). A reference to the
    // variable, not its storage: Matrix::swap below exchanges the buffers'
    // contents, so it stays right after every swap.
    const Matrix& bwork = has_b ? bw : w;

    {
      Matrix x = x0;
      constrain(x);
      Matrix bx = times_b(x);
      const auto factor = gram_cholesky(x.transpose() * bx);
      if (!factor) {
        throw ValueError(cat(where, ": the initial approximations X are linearly dependent",
                             options_.Y.cols() ? " after the constraints Y" : "",
                             has_b ? " (or B is not positive definite on them)" : ""));
      }
      divide(*factor, x);
      divide(*factor, bx);
      const Matrix ax = apply(a_, x, "A");
      Vector values;
      Matrix c;
      if (!pencil_eigh(x.transpose() * ax, Matrix::Identity(k, k), values, c)) {
        throw ValueError(cat(where, ": the Rayleigh quotient of X is not finite"));
      }
      keep(values, c, k, largest);
      lambda_ = values;
      w.leftCols(k).noalias() = x * c;
      aw.leftCols(k).noalias() = ax * c;
      if (has_b) bw.leftCols(k).noalias() = bx * c;
    }

    bool has_p = false;
    Matrix best_x = w.leftCols(k);
    Matrix residual(n_, k);
    double smallest_mean = std::numeric_limits<double>::infinity();
    bool explicit_gram = false;
    const double jump = std::ldexp(1.0, options_.restart_control);
    std::string stop;      // why the loop ended early, if it did
    bool met_tol = false;  // the loop ended because every residual norm met tol
    int iteration = 0;
    for (; iteration <= options_.maxiter; ++iteration) {
      residual.noalias() = aw.leftCols(k) - bwork.leftCols(k) * lambda_.asDiagonal();
      const Vector norms = column_norms(residual);
      record(lambda_, norms);
      const double mean = norms.sum() / double(k);
      bool restart = !has_p;
      if (mean < smallest_mean) {
        smallest_mean = mean;
        result_.best_iteration = iteration;
        best_x = w.leftCols(k);
      } else if (mean > jump * smallest_mean) {
        // The recurrences for A X and B X have drifted: recompute them and
        // start the directions afresh.
        aw.leftCols(k) = apply(a_, w.leftCols(k), "A");
        if (has_b) bw.leftCols(k) = apply(*b_, w.leftCols(k), "B");
        restart = true;
      }
      // The pairs iterated: those above tol now. SciPy keeps a pair out for
      // good once it met tol, but the Rayleigh-Ritz steps still rotate it with
      // the others (within a cluster freely), so its residual can rise again
      // and the run stop with residual norms above tol.
      std::vector<Index> kept;
      for (Index i = 0; i < k; ++i) {
        if (norms(i) > tol) kept.push_back(i);
      }
      if (kept.empty()) {  // this block meets tol: return it, whatever the mean of an earlier one
        result_.best_iteration = iteration;
        best_x = w.leftCols(k);
        met_tol = true;
        break;
      }
      const Index m = static_cast<Index>(kept.size());

      if (!restart) {  // P's active columns, packed to the front of its block and B-orthonormalized
        for (Index j = 0; j < m; ++j) {
          const Index from = k + kept[static_cast<std::size_t>(j)];
          if (from == k + j) continue;
          w.col(k + j) = w.col(from);
          aw.col(k + j) = aw.col(from);
          if (has_b) bw.col(k + j) = bw.col(from);
        }
        if (const auto factor = gram_cholesky(w.middleCols(k, m).transpose() * bwork.middleCols(k, m))) {
          divide(*factor, w.middleCols(k, m));
          divide(*factor, aw.middleCols(k, m));
          if (has_b) divide(*factor, bw.middleCols(k, m));
        } else {
          restart = true;
        }
      }
      const Index first_r = restart ? k : k + m;  // R follows X, or X and P
      auto r = w.middleCols(first_r, m);
      r = columns(residual, kept);
      if (m_) r = apply(*m_, r, "M");
      constrain(r);
      r -= w.leftCols(k) * (bwork.leftCols(k).transpose() * r);
      if (has_b) bw.middleCols(first_r, m) = apply(*b_, r, "B");
      const auto factor = gram_cholesky(r.transpose() * bwork.middleCols(first_r, m));
      if (!factor) {
        stop = cat("the preconditioned residuals became linearly dependent at iteration ", iteration);
        break;
      }
      divide(*factor, r);
      if (has_b) divide(*factor, bw.middleCols(first_r, m));
      aw.middleCols(first_r, m) = apply(a_, r, "A");

      // Once the residuals are near rounding level, the identities X^T A X =
      // diag(lambda), X^T B X = I, R^T B R = I, P^T B P = I, X^T B R = 0 no
      // longer hold to working accuracy: from then on those blocks are
      // computed, as the others always are.
      if (norms.maxCoeff() <= std::sqrt(std::numeric_limits<double>::epsilon())) explicit_gram = true;
      const Index size = first_r + m;
      Matrix gram_a(size, size), gram_b(size, size);
      if (explicit_gram) {
        gram_a.noalias() = w.leftCols(size).transpose() * aw.leftCols(size);
        gram_b.noalias() = w.leftCols(size).transpose() * bwork.leftCols(size);
      } else {  // the upper triangles' blocks that are not identities, as SciPy takes them
        gram_a.rightCols(size - k).noalias() = w.leftCols(size).transpose() * aw.middleCols(k, size - k);
        gram_a.topLeftCorner(k, k) = lambda_.asDiagonal();
        gram_b.setIdentity();
        if (!restart) {
          const Matrix with_bp = w.leftCols(size).transpose() * bwork.middleCols(k, m);
          gram_b.block(0, k, k, m) = with_bp.topRows(k);                     // X^T B P
          gram_b.block(k, first_r, m, m) = with_bp.bottomRows(m).transpose();  // (R^T B P)^T
        }
      }
      // Upper triangles are read: X^T (A R), X^T (A P) and P^T (A R), the
      // freshly computed A R where there is one (SciPy takes R^T (A P) for
      // the last; the two differ by rounding).
      gram_a.triangularView<Eigen::StrictlyLower>() = gram_a.transpose();
      gram_b.triangularView<Eigen::StrictlyLower>() = gram_b.transpose();

      Vector values;
      Matrix c;
      bool solved = pencil_eigh(gram_a, gram_b, values, c);
      if (!solved && !restart) {  // drop P: the pencil on [X | R] only
        std::vector<Index> x_and_r(static_cast<std::size_t>(k + m));
        for (Index i = 0; i < k + m; ++i) x_and_r[static_cast<std::size_t>(i)] = i < k ? i : i + m;
        Matrix c_xr;
        solved = pencil_eigh(gram_a(x_and_r, x_and_r), gram_b(x_and_r, x_and_r), values, c_xr);
        c = Matrix::Zero(size, c_xr.cols());
        c(x_and_r, Eigen::all) = c_xr;
      }
      if (!solved) {
        stop = cat("the Rayleigh-Ritz Gram matrix lost positive definiteness at iteration ", iteration);
        break;
      }
      keep(values, c, k, largest);
      lambda_ = values;

      // P_new = [P | R] C_PR and X_new = X C_X + P_new.
      const auto update = [&](const Matrix& from, Matrix& to) {
        to.middleCols(k, k).noalias() = from.middleCols(k, size - k) * c.bottomRows(size - k);
        to.leftCols(k).noalias() = from.leftCols(k) * c.topRows(k);
        to.leftCols(k) += to.middleCols(k, k);
      };
      update(w, w_spare);
      update(aw, aw_spare);
      if (has_b) update(bw, bw_spare);
      w.swap(w_spare);
      aw.swap(aw_spare);
      bw.swap(bw_spare);
      has_p = true;
    }
    const int last = std::min(iteration, options_.maxiter);
    result_.iterations = last;

    if (!met_tol) {  // the block the loop ended with may be the best one
      const Vector norms = column_norms(aw.leftCols(k) - bwork.leftCols(k) * lambda_.asDiagonal());
      record(lambda_, norms);
      if (norms.sum() / double(k) < smallest_mean) {
        result_.best_iteration = last + 1;
        best_x = w.leftCols(k);
      }
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
      result_.message =
          met_tol ? cat("not converged: the iteration met tol = ", tol, " at iteration ", last,
                        ", but after the final Rayleigh-Ritz step the largest residual norm is ",
                        result_.residual_norms.maxCoeff())
                  : cat("not converged: the largest residual norm is ", result_.residual_norms.maxCoeff(),
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
  if (n == 0) throw ValueError(cat(where, ": A is empty (0x0)"));
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
