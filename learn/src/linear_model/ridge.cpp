#include <cmath>
#include <limits>
#include <optional>
#include <scilearn/core/random.hpp>
#include <scilearn/core/warnings.hpp>
#include <scilearn/learn/linear_model/ridge.hpp>
#include <scilearn/linalg/cholesky.hpp>
#include <scilearn/linalg/svd.hpp>
#include <scilearn/optimize/minimize.hpp>

#include "linear_model/linear_classifier.hpp"
#include "linear_model/linear_scores.hpp"
#include "ridge_detail.hpp"

namespace scilearn::learn {

namespace {

using ridge_detail::Centering;

// What the solvers need besides the data.
struct SolverOptions {
  std::optional<int> max_iter;
  double tol = 1e-4;
  RidgeSolver solver = RidgeSolver::automatic;
  bool positive = false;
  bool fit_intercept = true;
  std::optional<std::uint64_t> random_state;
};

struct Solution {
  Matrix coef;  // n_targets x n_features
  Vector intercept;
  std::vector<Index> n_iter;
  std::string solver;
};

std::string solver_name(RidgeSolver s) {
  for (const auto& [value, name] : param_names(RidgeSolver{}))
    if (value == s) return name;
  return "auto";
}

// scikit-learn's solver choice (Ridge.fit and _ridge_regression), with its errors.
RidgeSolver resolve_solver(std::string_view where, const SolverOptions& o, bool sparse) {
  if (o.solver == RidgeSolver::lbfgs && !o.positive)
    throw ValueError(cat(where, ": 'lbfgs' solver can be used only when positive=True. Please use another solver."));
  if (o.positive) {
    if (o.solver != RidgeSolver::automatic && o.solver != RidgeSolver::lbfgs)
      throw ValueError(cat(where, ": solver='", solver_name(o.solver),
                           "' does not support positive fitting. Please set the solver to 'auto' or 'lbfgs', or set "
                           "`positive=False`"));
    return RidgeSolver::lbfgs;
  }
  if (sparse) {
    if (o.fit_intercept &&
        (o.solver == RidgeSolver::svd || o.solver == RidgeSolver::cholesky || o.solver == RidgeSolver::saga))
      throw ValueError(cat(where, ": solver='", solver_name(o.solver),
                           "' does not support fitting the intercept on sparse data. Please set the solver to 'auto' "
                           "or 'lsqr', 'sparse_cg', 'sag', 'lbfgs' or set `fit_intercept=False`"));
    if (o.solver == RidgeSolver::svd) throw ValueError(cat(where, ": SVD solver does not support sparse inputs"));
    // scikit-learn runs sag with an intercept on sparse X only at its
    // defaults (max_iter None, tol > 1e-4), with a warning; else sparse_cg.
    if (o.fit_intercept && o.solver == RidgeSolver::sag) {
      if (o.max_iter || !(o.tol > 1e-4)) return RidgeSolver::sparse_cg;
      warn(WarningCategory::user,
           "\"sag\" solver requires many iterations to fit an intercept with sparse inputs. Either set the solver to "
           "\"auto\" or \"sparse_cg\", or set a low \"tol\" and a high \"max_iter\" (especially if inputs are not "
           "standardized).");
      return RidgeSolver::sag;
    }
    return o.solver == RidgeSolver::automatic ? RidgeSolver::sparse_cg : o.solver;
  }
  return o.solver == RidgeSolver::automatic ? RidgeSolver::cholesky : o.solver;
}

// The implicitly centered, weighted operator A = diag(sqrt w) (X - 1 m').
template <class XT>
struct CenteredOperator {
  const XT& X;
  const Centering& c;
  mutable Vector scaled;

  // out = A v
  void apply(const Vector& v, Vector& out) const {
    out.noalias() = X * v;
    if (c.center) out.array() -= c.x_offset.dot(v);
    if (c.weighted()) out.array() *= c.sqrt_w.array();
  }
  // out = A' u
  void apply_t(const Vector& u, Vector& out) const {
    const Vector* du = &u;
    if (c.weighted()) {
      scaled = u.cwiseProduct(c.sqrt_w);
      du = &scaled;
    }
    out.noalias() = X.transpose() * *du;
    if (c.center) out.noalias() -= c.x_offset * du->sum();
  }
};

// Conjugate gradients from 0 on the SPD system M x = b (M given by mv), as
// scipy.sparse.linalg.cg with atol = 0: stops when ||r|| < rtol ||b||.
// Returns the iterations; maxiter + 1 when it did not converge.
template <class MV>
Index conjugate_gradient(const MV& mv, const Vector& b, Vector& x, double rtol, Index maxiter) {
  x = Vector::Zero(b.size());
  const double bnorm = b.norm();
  if (bnorm == 0) return 0;
  const double atol = rtol * bnorm;
  Vector r = b, p(b.size()), q(b.size());
  double rho_prev = 0;
  for (Index it = 0; it < maxiter; ++it) {
    if (r.norm() < atol) return it;
    const double rho = r.squaredNorm();
    if (it == 0)
      p = r;
    else
      p = r + (rho / rho_prev) * p;
    mv(p, q);
    const double step = rho / p.dot(q);
    x.noalias() += step * p;
    r.noalias() -= step * q;
    rho_prev = rho;
  }
  return r.norm() < atol ? maxiter : maxiter + 1;
}

// LSQR (Paige and Saunders 1982) for min ||A x - b||^2 + damp^2 ||x||^2 from
// x = 0, with scipy.sparse.linalg.lsqr's stopping rules (atol, btol, conlim
// 1e8, iter_lim). Returns the iterations.
template <class Op>
Index lsqr(const Op& A, const Vector& b, double damp, double atol, double btol, Index iter_lim, Vector& x) {
  const Index n = A.X.cols();
  const double eps = std::numeric_limits<double>::epsilon();
  const double ctol = 1.0 / 1e8;
  x = Vector::Zero(n);
  Vector u = b, v(n), w(n), tmp_n(n), tmp_m(b.size());
  double beta = u.norm();
  double alpha = 0;
  if (beta > 0) {
    u /= beta;
    A.apply_t(u, v);
    alpha = v.norm();
  } else {
    v.setZero();
  }
  if (alpha > 0) v /= alpha;
  w = v;
  double rhobar = alpha, phibar = beta;
  const double bnorm = beta;
  double rnorm = beta, anorm = 0, acond = 0, ddnorm = 0, res2 = 0, xnorm = 0, xxnorm = 0, z = 0, cs2 = -1, sn2 = 0;
  const double dampsq = damp * damp;
  if (alpha * beta == 0) return 0;
  Index itn = 0;
  while (itn < iter_lim) {
    ++itn;
    A.apply(v, tmp_m);
    u = tmp_m - alpha * u;
    beta = u.norm();
    if (beta > 0) {
      u /= beta;
      anorm = std::sqrt(anorm * anorm + alpha * alpha + beta * beta + dampsq);
      A.apply_t(u, tmp_n);
      v = tmp_n - beta * v;
      alpha = v.norm();
      if (alpha > 0) v /= alpha;
    }
    double rhobar1 = rhobar, psi = 0;
    if (damp > 0) {
      rhobar1 = std::hypot(rhobar, damp);
      const double cs1 = rhobar / rhobar1, sn1 = damp / rhobar1;
      psi = sn1 * phibar;
      phibar = cs1 * phibar;
    }
    const double rho = std::hypot(rhobar1, beta);
    const double cs = rhobar1 / rho, sn = beta / rho;
    const double theta = sn * alpha;
    rhobar = -cs * alpha;
    const double phi = cs * phibar;
    phibar = sn * phibar;
    const double tau = sn * phi;
    const double t1 = phi / rho, t2 = -theta / rho;
    ddnorm += w.squaredNorm() / (rho * rho);
    x.noalias() += t1 * w;
    w = v + t2 * w;
    const double delta = sn2 * rho, gambar = -cs2 * rho, rhs = phi - delta * z;
    const double zbar = rhs / gambar;
    xnorm = std::sqrt(xxnorm + zbar * zbar);
    const double gamma = std::hypot(gambar, theta);
    cs2 = gambar / gamma;
    sn2 = theta / gamma;
    z = rhs / gamma;
    xxnorm += z * z;
    acond = anorm * std::sqrt(ddnorm);
    res2 += psi * psi;
    rnorm = std::sqrt(phibar * phibar + res2);
    const double arnorm = alpha * std::abs(tau);
    const double test1 = rnorm / bnorm;
    const double test2 = arnorm / (anorm * rnorm + eps);
    const double test3 = 1.0 / (acond + eps);
    const double t1b = test1 / (1 + anorm * xnorm / bnorm);
    const double rtol = btol + atol * anorm * xnorm / bnorm;
    if (1 + test3 <= 1 || 1 + test2 <= 1 || 1 + t1b <= 1 || test3 <= ctol || test2 <= atol || test1 <= rtol) break;
  }
  return itn;
}

// Row i of A = diag(sqrt w) (X - 1 m'): its dot product with v, and
// out += s a_i (dense rows are strided; sparse rows walk their entries).
double row_dot(const MatrixView& X, const Centering& c, Index i, const Vector& v, double m_dot_v) {
  const double d = X.row(i).dot(v) - m_dot_v;
  return c.weighted() ? c.sqrt_w(i) * d : d;
}
double row_dot(const CsrMatrix& X, const Centering& c, Index i, const Vector& v, double m_dot_v) {
  double d = -m_dot_v;
  for (CsrMatrix::InnerIterator it(X, i); it; ++it) d += it.value() * v(it.index());
  return c.weighted() ? c.sqrt_w(i) * d : d;
}
void row_axpy(const MatrixView& X, const Centering& c, Index i, double s, Vector& out) {
  if (c.weighted()) s *= c.sqrt_w(i);
  out.noalias() += s * X.row(i).transpose();
  if (c.center) out.noalias() -= s * c.x_offset;
}
void row_axpy(const CsrMatrix& X, const Centering& c, Index i, double s, Vector& out) {
  if (c.weighted()) s *= c.sqrt_w(i);
  for (CsrMatrix::InnerIterator it(X, i); it; ++it) out(it.index()) += s * it.value();
  if (c.center) out.noalias() -= s * c.x_offset;
}

// SAG / SAGA on f(coef) = (1/n) sum_i (a_i . coef - b_i)^2 / 2 + (alpha / n) ||coef||^2 / 2
// (the ridge objective over n), from 0, samples drawn uniformly with
// replacement, scikit-learn's step sizes (1 / (L + alpha / n) for sag,
// 1 / (2 L + min(2 alpha, L)) for saga, L = max_i ||a_i||^2) and stopping
// rule (an epoch's largest coefficient change <= tol times the largest
// coefficient). Returns the epochs.
template <class XT>
Index stochastic_average_gradient(const XT& X, const Centering& c, const Vector& b, double alpha, bool saga,
                                  Index max_epochs, double tol, Generator& rng, Vector& coef) {
  const Index n = X.rows(), p = X.cols();
  double L = 0;
  for (Index i = 0; i < n; ++i) {
    Vector e = Vector::Zero(p);
    row_axpy(X, c, i, 1.0, e);
    L = std::max(L, e.squaredNorm());
  }
  const double alpha_s = alpha / static_cast<double>(n);
  coef = Vector::Zero(p);
  // All rows zero (after centering) and no penalty: every coefficient
  // vector is optimal; zero is the minimum-norm one (and the step would be infinite).
  if (L + alpha_s == 0) return 0;
  const double step = saga ? 1.0 / (2 * L + std::min(2 * static_cast<double>(n) * alpha_s, L)) : 1.0 / (L + alpha_s);
  Vector memory = Vector::Zero(n), sum_grad = Vector::Zero(p), previous(p);
  std::vector<char> seen(static_cast<std::size_t>(n), 0);
  Index n_seen = 0;
  for (Index epoch = 1; epoch <= max_epochs; ++epoch) {
    previous = coef;
    for (Index k = 0; k < n; ++k) {
      const auto i = static_cast<Index>(rng.integers(0, n));
      const double residual = row_dot(X, c, i, coef, c.center ? c.x_offset.dot(coef) : 0.0) - b(i);
      if (!seen[static_cast<std::size_t>(i)]) {
        seen[static_cast<std::size_t>(i)] = 1;
        ++n_seen;
      }
      const double change = residual - memory(i);
      memory(i) = residual;
      if (saga) {
        // coef -= step (change a_i + sum_grad_old / n + alpha_s coef)
        coef *= 1 - step * alpha_s;
        coef.noalias() -= (step / static_cast<double>(n)) * sum_grad;
        row_axpy(X, c, i, -step * change, coef);
        row_axpy(X, c, i, change, sum_grad);
      } else {
        row_axpy(X, c, i, change, sum_grad);
        coef *= 1 - step * alpha_s;
        coef.noalias() -= (step / static_cast<double>(n_seen)) * sum_grad;
      }
    }
    const double max_weight = coef.cwiseAbs().maxCoeff();
    const double max_change = (coef - previous).cwiseAbs().maxCoeff();
    if ((max_weight != 0 && max_change / max_weight <= tol) || (max_weight == 0 && max_change == 0)) return epoch;
  }
  warn(WarningCategory::convergence, "The max_iter was reached which means the coef_ did not converge");
  return max_epochs;
}

// (G + alpha_j I)^-1 R_j for each column j (one factorization when the
// alphas are equal); nothing when a factorization fails (then: svd).
std::optional<Matrix> cholesky_solve(Matrix& G, const Matrix& R, const Vector& alpha) {
  const Index t = R.cols();
  Matrix out(G.rows(), t);
  const bool one_alpha = (alpha.array() == alpha(0)).all();
  const Index groups = one_alpha ? 1 : t;
  for (Index j = 0; j < groups; ++j) {
    G.diagonal().array() += alpha(j);
    std::optional<linalg::ChoFactor<double>> factor;
    try {
      factor = linalg::cho_factor(G, {.lower = true, .check_finite = false});
    } catch (const LinAlgError&) {
    }
    G.diagonal().array() -= alpha(j);
    if (!factor) return std::nullopt;
    if (one_alpha)
      out = linalg::cho_solve(*factor, R, {.check_finite = false});
    else
      out.col(j) = linalg::cho_solve(*factor, R.col(j), {.check_finite = false});
  }
  return out;
}

// The thin-SVD solution, singular values <= 1e-15 dropped (as scikit-learn).
Matrix svd_solve(Matrix A, const Matrix& B, const Vector& alpha) {
  auto s = linalg::svd(A, {.full_matrices = false, .check_finite = false});
  const Matrix UtB = s.u.transpose() * B;
  Matrix D(s.s.size(), B.cols());
  for (Index j = 0; j < B.cols(); ++j)
    for (Index k = 0; k < s.s.size(); ++k)
      D(k, j) = s.s(k) > 1e-15 ? s.s(k) / (s.s(k) * s.s(k) + alpha(j)) * UtB(k, j) : 0.0;
  return (s.vh.transpose() * D).transpose();
}

void warn_not_converged(std::string_view solver, Index max_iter) {
  warn(WarningCategory::convergence, cat(solver, " did not converge after ", max_iter, " iterations."));
}

template <class XT>
Solution solve_iterative(const XT& X, const Centering& c, const Matrix& B, const Vector& alpha, RidgeSolver solver,
                         const SolverOptions& o) {
  const Index n = X.rows(), p = X.cols(), t = B.cols();
  const CenteredOperator<XT> A{X, c, {}};
  Solution out;
  out.coef.resize(t, p);
  Vector x, col, tmp_n(n), tmp_p(p);
  Generator rng(o.random_state.value_or(0));
  for (Index j = 0; j < t; ++j) {
    col = B.col(j);
    if (solver == RidgeSolver::lsqr) {
      const Index limit = o.max_iter ? *o.max_iter : 2 * p;
      out.n_iter.push_back(lsqr(A, col, std::sqrt(alpha(j)), o.tol, o.tol, limit, x));
      out.coef.row(j) = x.transpose();
    } else if (solver == RidgeSolver::sag || solver == RidgeSolver::saga) {
      const Index limit = o.max_iter ? *o.max_iter : 1000;
      out.n_iter.push_back(
          stochastic_average_gradient(X, c, col, alpha(j), solver == RidgeSolver::saga, limit, o.tol, rng, x));
      out.coef.row(j) = x.transpose();
    } else if (solver == RidgeSolver::sparse_cg) {
      const double a = alpha(j);
      if (p > n) {  // kernel form: (AA' + alpha I) z = b, coef = A' z
        const auto mv = [&](const Vector& v, Vector& r) {
          A.apply_t(v, tmp_p);
          A.apply(tmp_p, r);
          r.noalias() += a * v;
        };
        const Index limit = 10 * n;  // scikit-learn does not pass max_iter here
        if (conjugate_gradient(mv, col, x, o.tol, limit) > limit) warn_not_converged("sparse_cg", limit);
        A.apply_t(x, tmp_p);
        out.coef.row(j) = tmp_p.transpose();
      } else {
        const auto mv = [&](const Vector& v, Vector& r) {
          A.apply(v, tmp_n);
          A.apply_t(tmp_n, r);
          r.noalias() += a * v;
        };
        Vector rhs;
        A.apply_t(col, rhs);
        const Index limit = o.max_iter ? *o.max_iter : 10 * p;
        if (conjugate_gradient(mv, rhs, x, o.tol, limit) > limit && !o.max_iter) warn_not_converged("sparse_cg", limit);
        out.coef.row(j) = x.transpose();
      }
    } else {  // lbfgs, positive
      optimize::MinimizeOptions options;
      options.method = optimize::Method::lbfgsb;
      options.tol = o.tol;
      if (o.max_iter) options.maxiter = *o.max_iter;
      options.bounds = optimize::Bounds{Vector::Zero(p), Vector::Constant(p, std::numeric_limits<double>::infinity())};
      const double a = alpha(j);
      const optimize::ObjectiveWithGradient f = [&](const Vector& w, Vector& grad) {
        A.apply(w, tmp_n);
        tmp_n -= col;
        A.apply_t(tmp_n, grad);
        grad.noalias() += a * w;
        return 0.5 * tmp_n.squaredNorm() + 0.5 * a * w.squaredNorm();
      };
      const optimize::OptimizeResult result = optimize::minimize(f, Vector::Zero(p), options);
      if (!result.success)
        warn(WarningCategory::convergence,
             cat("The lbfgs solver did not converge. Try increasing max_iter or tol. Currently: max_iter=",
                 o.max_iter ? cat(*o.max_iter) : std::string("None"), " and tol=", o.tol));
      out.coef.row(j) = result.x.transpose();
    }
  }
  return out;
}

Solution solve_dense(const MatrixView& X, const Centering& c, const Matrix& B, const Vector& alpha, RidgeSolver solver,
                     const SolverOptions& o) {
  if (solver == RidgeSolver::cholesky) {  // p > n: the kernel (dual) form (fit_ridge solves the primal)
    const Matrix A = ridge_detail::centered_copy(X, c);
    Matrix K = Matrix::Zero(X.rows(), X.rows());
    K.selfadjointView<Eigen::Lower>().rankUpdate(A);
    K.triangularView<Eigen::StrictlyUpper>() = K.transpose();
    if (auto dual = cholesky_solve(K, B, alpha)) return {(A.transpose() * *dual).transpose(), {}, {}, "cholesky"};
    return {svd_solve(A, B, alpha), {}, {}, "svd"};
  }
  if (solver == RidgeSolver::svd) return {svd_solve(ridge_detail::centered_copy(X, c), B, alpha), {}, {}, "svd"};
  Solution out = solve_iterative(X, c, B, alpha, solver, o);
  out.solver = solver_name(solver);
  return out;
}

Solution solve_sparse(const CsrMatrix& X, const Centering& c, const Matrix& B, const Vector& alpha, RidgeSolver solver,
                      const SolverOptions& o) {
  if (solver == RidgeSolver::cholesky) {  // only without fit_intercept
    const Index n = X.rows(), p = X.cols();
    if (p > n) {
      Matrix K = ridge_detail::kernel(X, c);
      if (auto dual = cholesky_solve(K, B, alpha))
        return {ridge_detail::transpose_times(X, c, *dual).transpose(), {}, {}, "cholesky"};
    } else {
      Matrix G = ridge_detail::gram(X, c);
      if (auto primal = cholesky_solve(G, ridge_detail::transpose_times(X, c, B), alpha))
        return {primal->transpose(), {}, {}, "cholesky"};
    }
    throw ValueError("Ridge.fit: the Cholesky factorization failed and SVD solver does not support sparse inputs");
  }
  Solution out = solve_iterative(X, c, B, alpha, solver, o);
  out.solver = solver_name(solver);
  return out;
}

// The penalties, one per target.
Vector target_alphas(std::string_view where, double alpha, const std::vector<double>& per_target, Index t) {
  if (per_target.empty()) {
    if (!(alpha >= 0)) throw ValueError(cat(where, ": alpha must be >= 0, got ", alpha));
    return Vector::Constant(t, alpha);
  }
  const Index k = static_cast<Index>(per_target.size());
  if (k != 1 && k != t)
    throw ValueError(cat(where, ": Number of targets and number of penalties do not correspond: ", k, " != ", t));
  for (double a : per_target)
    if (!(a >= 0)) throw ValueError(cat(where, ": alpha must be >= 0, got ", a));
  return k == 1 ? Vector::Constant(t, per_target[0]) : Vector(Eigen::Map<const Vector>(per_target.data(), k));
}

void check_options(std::string_view where, const SolverOptions& o) {
  if (!(o.tol >= 0)) throw ValueError(cat(where, ": tol must be >= 0, got ", o.tol));
  if (o.max_iter && *o.max_iter < 1) throw ValueError(cat(where, ": max_iter must be >= 1, got ", *o.max_iter));
}

// Fits every column of Y: centering, solver, intercept.
template <class XT>
Solution fit_ridge(std::string_view where, const XT& X, const MatrixView& Y, const Vector& w, const Vector& alpha,
                   const SolverOptions& o) {
  constexpr bool sparse = std::is_same_v<XT, CsrMatrix>;
  check_options(where, o);
  const RidgeSolver solver = resolve_solver(where, o, sparse);
  Vector y_offset;
  const Matrix B = ridge_detail::centered_targets(Y, w, o.fit_intercept, y_offset);
  Solution out;
  Centering c;
  if constexpr (sparse) {
    c = ridge_detail::make_centering(X, w, o.fit_intercept);
    out = solve_sparse(X, c, B, alpha, solver, o);
  } else if (solver == RidgeSolver::cholesky && X.cols() <= X.rows()) {
    // The primal normal equations, built in one pass that also centers and checks X.
    Matrix G, R;
    ridge_detail::normal_equations(where, X, w, o.fit_intercept, B, c, G, R);
    if (auto primal = cholesky_solve(G, R, alpha))
      out = {primal->transpose(), {}, {}, "cholesky"};
    else
      out = solve_dense(X, c, B, alpha, RidgeSolver::svd, o);
  } else {
    check_X(where, X);
    c = ridge_detail::make_centering(X, w, o.fit_intercept);
    out = solve_dense(X, c, B, alpha, solver, o);
  }
  out.intercept = o.fit_intercept ? Vector(y_offset - out.coef * c.x_offset) : Vector::Zero(Y.cols());
  return out;
}

void check_targets_matrix(std::string_view where, Index n, const MatrixView& Y) {
  if (Y.rows() != n)
    throw ValueError(
        cat(where, ": Found input variables with inconsistent numbers of samples: [", n, ", ", Y.rows(), "]"));
  if (Y.cols() < 1) throw ValueError(cat(where, ": Y has no column"));
  if (!Y.allFinite()) throw ValueError(cat(where, ": Input y contains NaN or infinity."));
}

SolverOptions options_of(const RidgeParams& p) {
  return {p.max_iter, p.tol, p.solver, p.positive, p.fit_intercept, p.random_state};
}
SolverOptions options_of(const RidgeClassifierParams& p) {
  return {p.max_iter, p.tol, p.solver, p.positive, p.fit_intercept, p.random_state};
}

RidgeFitted to_fitted(Solution s, Index p, bool multi) {
  RidgeFitted out;
  out.n_features_in = p;
  out.coef = std::move(s.coef);
  out.intercept = std::move(s.intercept);
  out.multi_target = multi;
  out.n_iter = std::move(s.n_iter);
  out.solver = std::move(s.solver);
  return out;
}

Vector weights_of(const VectorView* sample_weight) { return sample_weight ? Vector(*sample_weight) : Vector(); }

template <class XT>
Matrix linear_scores(const XT& X, const Matrix& coef, const Vector& intercept) {
  Matrix out = X * coef.transpose();
  out.rowwise() += intercept.transpose();
  return out;
}

}  // namespace

// ---------------------------------------------------------------- Ridge

void Ridge::check_fitted(const Fitted& s) {
  if (s.coef.cols() != s.n_features_in || s.coef.rows() < 1 || s.intercept.size() != s.coef.rows())
    throw ValueError("coef, intercept and n_features_in disagree");
  if (!s.multi_target && s.coef.rows() != 1) throw ValueError("a 1-D fit has one coefficient row");
}

Ridge::Fitted Ridge::learn(const MatrixView& X, const VectorView* y, const VectorView* sample_weight) const {
  if (!y) throw ValueError("Ridge.fit: y is required");
  const Vector alpha = target_alphas("Ridge.fit", params_.alpha, params_.alpha_per_target, 1);
  const Eigen::Map<const Matrix> Y(y->data(), y->size(), 1);
  return to_fitted(fit_ridge("Ridge.fit", X, Y, weights_of(sample_weight), alpha, options_of(params_)), X.cols(),
                   false);
}

void Ridge::fit_dense_targets(const MatrixView& X, const MatrixView& Y, const VectorView& sample_weight) {
  constexpr std::string_view where = "Ridge.fit";
  check_non_empty(where, "X", X);  // finiteness: in fit_ridge's first pass over X
  check_targets_matrix(where, X.rows(), Y);
  const bool weighted = sample_weight.size() > 0;
  if (weighted) check_sample_weight(where, sample_weight, X.rows());
  const Vector alpha = target_alphas(where, params_.alpha, params_.alpha_per_target, Y.cols());
  fitted_ = to_fitted(fit_ridge(where, X, Y, weighted ? Vector(sample_weight) : Vector(), alpha, options_of(params_)),
                      X.cols(), true);
}

void Ridge::fit_sparse_targets(const CsrMatrix& X, const MatrixView& Y, const VectorView& sample_weight) {
  constexpr std::string_view where = "Ridge.fit";
  check_sparse_X(where, X);
  check_targets_matrix(where, X.rows(), Y);
  const bool weighted = sample_weight.size() > 0;
  if (weighted) check_sample_weight(where, sample_weight, X.rows());
  const Vector alpha = target_alphas(where, params_.alpha, params_.alpha_per_target, Y.cols());
  fitted_ = to_fitted(fit_ridge(where, X, Y, weighted ? Vector(sample_weight) : Vector(), alpha, options_of(params_)),
                      X.cols(), true);
}

Ridge& Ridge::fit(const CsrMatrix& X, const VectorView& y, const VectorView& sample_weight) {
  constexpr std::string_view where = "Ridge.fit";
  check_sparse_X_y(where, X, y, sample_weight);
  const bool weighted = sample_weight.size() > 0;
  const Vector alpha = target_alphas(where, params_.alpha, params_.alpha_per_target, 1);
  const Eigen::Map<const Matrix> Y(y.data(), y.size(), 1);
  fitted_ = to_fitted(fit_ridge(where, X, Y, weighted ? Vector(sample_weight) : Vector(), alpha, options_of(params_)),
                      X.cols(), false);
  return *this;
}

Vector Ridge::predict(const MatrixView& X) const {
  const Fitted& s = check_input_shape("predict", X);
  if (s.multi_target) throw ValueError("Ridge.predict: the model was fitted on a 2-D Y; use predict_targets");
  return detail::checked_linear_scores("Ridge.predict", X, s.coef, s.intercept).col(0);
}

Vector Ridge::predict(const CsrMatrix& X) const {
  const Fitted& s = fitted();
  check_sparse_predict(class_name, "predict", X, s.n_features_in);
  if (s.multi_target) throw ValueError("Ridge.predict: the model was fitted on a 2-D Y; use predict_targets");
  return (X * s.coef.row(0).transpose()).array() + s.intercept(0);
}

Matrix Ridge::predict_targets(const MatrixView& X) const {
  const Fitted& s = check_input_shape("predict", X);
  return detail::checked_linear_scores("Ridge.predict", X, s.coef, s.intercept);
}

Matrix Ridge::predict_targets(const CsrMatrix& X) const {
  const Fitted& s = fitted();
  check_sparse_predict(class_name, "predict", X, s.n_features_in);
  return linear_scores(X, s.coef, s.intercept);
}

// ---------------------------------------------------------------- RidgeClassifier

void RidgeClassifier::check_fitted(const Fitted& s) {
  const Index K = s.classes.size();
  if (K < 2 || s.coef.rows() != (K == 2 ? 1 : K) || s.coef.cols() != s.n_features_in ||
      s.intercept.size() != s.coef.rows())
    throw ValueError("classes, coef, intercept and n_features_in disagree");
}

namespace {

template <class XT>
RidgeClassifierFitted fit_classifier(const XT& X, const VectorView& y, const VectorView* sample_weight,
                                     const RidgeClassifierParams& p) {
  constexpr std::string_view where = "RidgeClassifier.fit";
  RidgeClassifierFitted out;
  out.classes = ridge_detail::sorted_classes(where, y);
  if (out.classes.size() < 2)
    throw ValueError(cat(where,
                         ": This solver needs samples of at least 2 classes in the data, but the data contains "
                         "only one class: ",
                         out.classes(0)));
  const Vector w = ridge_detail::classifier_weights(where, p.class_weight, y, out.classes, sample_weight);
  const Matrix Y = ridge_detail::binarize(y, out.classes);
  const Vector alpha = target_alphas(where, p.alpha, {}, Y.cols());
  Solution s = fit_ridge(where, X, Y, w, alpha, options_of(p));
  out.n_features_in = X.cols();
  out.coef = std::move(s.coef);
  out.intercept = std::move(s.intercept);
  out.n_iter = std::move(s.n_iter);
  out.solver = std::move(s.solver);
  return out;
}

}  // namespace

RidgeClassifier::Fitted RidgeClassifier::learn(const MatrixView& X, const VectorView* y,
                                               const VectorView* sample_weight) const {
  if (!y) throw ValueError("RidgeClassifier.fit: y is required");
  return fit_classifier(X, *y, sample_weight, params_);
}

RidgeClassifier& RidgeClassifier::fit(const CsrMatrix& X, const VectorView& y, const VectorView& sample_weight) {
  constexpr std::string_view where = "RidgeClassifier.fit";
  check_sparse_X_y(where, X, y, sample_weight);
  const bool weighted = sample_weight.size() > 0;
  fitted_ = fit_classifier(X, y, weighted ? &sample_weight : nullptr, params_);
  return *this;
}

Matrix RidgeClassifier::decision_function(const MatrixView& X) const {
  const Fitted& s = check_input_shape("decision_function", X);
  return detail::checked_linear_scores("RidgeClassifier.decision_function", X, s.coef, s.intercept);
}

Matrix RidgeClassifier::decision_function(const CsrMatrix& X) const {
  const Fitted& s = fitted();
  check_sparse_predict(class_name, "decision_function", X, s.n_features_in);
  return linear_scores(X, s.coef, s.intercept);
}

Vector RidgeClassifier::predict(const MatrixView& X) const {
  const Fitted& s = check_input_shape("predict", X);
  return detail::labels_from_scores(detail::checked_linear_scores("RidgeClassifier.predict", X, s.coef, s.intercept),
                                    s.classes);
}

Vector RidgeClassifier::predict(const CsrMatrix& X) const {
  return detail::labels_from_scores(decision_function(X), fitted().classes);
}

}  // namespace scilearn::learn
