#include "nonlin_solve.hpp"

#include <Eigen/Cholesky>
#include <Eigen/LU>
#include <Eigen/QR>
#include <Eigen/SVD>
#include <algorithm>
#include <cmath>
#include <deque>
#include <limits>
#include <memory>
#include <optional>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>

#include "dcsrch.hpp"

// Kelley's inexact Newton iteration ("Iterative Methods for Linear and
// Nonlinear Equations", SIAM 1995) as SciPy's nonlin_solve runs it with a
// quasi-Newton approximation H of the inverse Jacobian: dx = -H F(x), a line
// search on ||F(x + s dx)||^2, then a secant update of H. The forcing terms
// nonlin_solve computes for its Krylov method are not used by these
// approximations and are left out.

namespace scilearn::optimize::detail {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// fun with SciPy's count of calls; every call must return n values.
class CountedFunction {
 public:
  CountedFunction(const VectorFunction& fun, Index n) : fun_(fun), n_(n) {}
  Vector operator()(const Vector& x) {
    ++nfev_;
    Vector f = fun_(x);
    if (f.size() != n_) {
      throw ValueError(cat("root: fun returned ", f.size(), " values at call ", nfev_, ", expected ", n_,
                           " (as many as x0 has: broyden1, broyden2 and anderson solve square systems)"));
    }
    return f;
  }
  int nfev() const { return nfev_; }

 private:
  const VectorFunction& fun_;
  Index n_;
  int nfev_ = 0;
};

// SciPy's `maxnorm`, NaN-propagating as NumPy's max is.
double max_norm(const Vector& v) { return v.cwiseAbs().maxCoeff<Eigen::PropagateNaN>(); }

// ---- inverse-Jacobian approximations

class InverseJacobian {
 public:
  virtual ~InverseJacobian() = default;
  // Called once with x0, F(x0).
  virtual void setup(const Vector& x, const Vector& f) = 0;
  // H f.
  virtual Vector solve(const Vector& f) = 0;
  // The secant update with the new point.
  virtual void update(const Vector& x, const Vector& f) = 0;
};

// SciPy's GenericBroyden: the last point and the initial scale alpha (the
// inverse Jacobian starts as -alpha I).
class SecantBase : public InverseJacobian {
 public:
  explicit SecantBase(std::optional<double> alpha) : alpha_(alpha) {}

 protected:
  // Autoscales alpha on the first call unless given (SciPy keeps the value
  // for later restarts).
  void remember_start(const Vector& x, const Vector& f) {
    last_x_ = x;
    last_f_ = f;
    if (!alpha_) {
      const double normf0 = f.norm();
      alpha_ = normf0 != 0 ? 0.5 * std::max(x.norm(), 1.0) / normf0 : 1.0;
    }
  }
  double alpha() const { return *alpha_; }
  Vector last_x_, last_f_;

 private:
  std::optional<double> alpha_;
};

// alpha I + sum_k c_k d_k^T, kept as the vectors while there are at most n
// of them and as a dense n x n matrix from then on (SciPy's LowRankMatrix).
class LowRankMatrix {
 public:
  LowRankMatrix(double alpha, Index n) : alpha_(alpha), n_(n) {}

  Vector matvec(const Vector& v) const {
    if (dense_) return *dense_ * v;
    Vector w = alpha_ * v;
    for (std::size_t k = 0; k < cs_.size(); ++k) w += ds_[k].dot(v) * cs_[k];
    return w;
  }
  Vector rmatvec(const Vector& v) const {
    if (dense_) return dense_->transpose() * v;
    Vector w = alpha_ * v;
    for (std::size_t k = 0; k < cs_.size(); ++k) w += cs_[k].dot(v) * ds_[k];
    return w;
  }
  void append(Vector c, Vector d) {
    if (dense_) {
      *dense_ += c * d.transpose();
      return;
    }
    cs_.push_back(std::move(c));
    ds_.push_back(std::move(d));
    if (static_cast<Index>(cs_.size()) > n_) collapse();
  }

  // Reductions to `rank` updates (SciPy calls them with max_rank - 1, before
  // each update, so that the new update keeps the secant condition).
  void restart_reduce(Index rank) {
    if (dense_) return;
    if (static_cast<Index>(cs_.size()) > rank) {
      cs_.clear();
      ds_.clear();
    }
  }
  void simple_reduce(Index rank) {
    if (dense_) return;
    while (static_cast<Index>(cs_.size()) > rank) {
      cs_.pop_front();
      ds_.pop_front();
    }
  }
  // "Broyden Rank Reduction" (van der Rotten 2003): with D = Q R and
  // C R^T = U S W^T, the same sum is (C R^T W) (Q W)^T, a sum of terms in
  // decreasing order of the singular values; keep the first q of them.
  void svd_reduce(Index max_rank, Index to_retain) {
    if (dense_) return;
    Index p = max_rank;
    Index q = to_retain >= 0 ? to_retain : p - 2;
    if (!cs_.empty()) p = std::min(p, n_);
    q = std::max<Index>(0, std::min(q, p - 1));
    const Index m = static_cast<Index>(cs_.size());
    if (m < p) return;
    Matrix C(n_, m), D(n_, m);
    for (Index k = 0; k < m; ++k) {
      C.col(k) = cs_[static_cast<std::size_t>(k)];
      D.col(k) = ds_[static_cast<std::size_t>(k)];
    }
    const Eigen::HouseholderQR<Matrix> qr(D);  // m <= n: the dense form takes over past n updates
    const Matrix Q = qr.householderQ() * Matrix::Identity(n_, m);
    const Matrix R = qr.matrixQR().topRows(m).triangularView<Eigen::Upper>();
    const Matrix CR = C * R.transpose();
    const Eigen::JacobiSVD<Matrix> svd(CR, Eigen::ComputeThinU | Eigen::ComputeThinV);
    const Matrix& W = svd.matrixV();
    const Matrix Cn = CR * W;
    const Matrix Dn = Q * W;
    cs_.resize(static_cast<std::size_t>(q));
    ds_.resize(static_cast<std::size_t>(q));
    for (Index k = 0; k < q; ++k) {
      cs_[static_cast<std::size_t>(k)] = Cn.col(k);
      ds_[static_cast<std::size_t>(k)] = Dn.col(k);
    }
  }

 private:
  void collapse() {
    Matrix full = alpha_ * Matrix::Identity(n_, n_);
    for (std::size_t k = 0; k < cs_.size(); ++k) full += cs_[k] * ds_[k].transpose();
    dense_ = std::move(full);
    cs_.clear();
    ds_.clear();
  }

  double alpha_;
  Index n_;
  std::deque<Vector> cs_, ds_;
  std::optional<Matrix> dense_;
};

// Broyden's first method updates H so that H_+ df = dx with the least change
// of the Jacobian (H_+ = H + (dx - H df) dx^T H / (dx^T H df)); the second
// method with the least change of H itself (H_+ = H + (dx - H df) df^T / df^T df).
class Broyden final : public SecantBase {
 public:
  Broyden(bool first, const NonlinOptions& o) : SecantBase(o.alpha), first_(first), options_(o) {}

  void setup(const Vector& x, const Vector& f) override {
    remember_start(x, f);
    H_ = std::make_unique<LowRankMatrix>(-alpha(), x.size());
  }

  Vector solve(const Vector& f) override {
    Vector r = H_->matvec(f);
    if (!r.allFinite()) {
      // A singular update: start again from -alpha I at the last point.
      setup(last_x_, last_f_);
      r = H_->matvec(f);
    }
    return r;
  }

  void update(const Vector& x, const Vector& f) override {
    const Vector df = f - last_f_;
    const Vector dx = x - last_x_;
    reduce();
    Vector c = dx - H_->matvec(df);
    Vector d;
    if (first_) {
      const Vector v = H_->rmatvec(dx);
      d = v / df.dot(v);
    } else {
      const double df_norm = df.norm();
      d = df / (df_norm * df_norm);
    }
    H_->append(std::move(c), std::move(d));
    last_x_ = x;
    last_f_ = f;
  }

 private:
  void reduce() {
    if (options_.max_rank == 0) return;  // no limit
    const Index rank = options_.max_rank - 1;
    switch (options_.reduction_method) {
      case BroydenReduction::restart: H_->restart_reduce(rank); break;
      case BroydenReduction::simple: H_->simple_reduce(rank); break;
      case BroydenReduction::svd: H_->svd_reduce(rank, options_.to_retain); break;
    }
  }

  bool first_;
  const NonlinOptions& options_;
  std::unique_ptr<LowRankMatrix> H_;
};

// Anderson mixing (Eyert, J. Comp. Phys. 124, 1996): with the last M steps
// dX and residual changes dF, H v = -alpha v + (dX + alpha dF) A^-1 dF^T v,
// A = dF^T dF with its diagonal scaled by (1 + w0^2).
class Anderson final : public SecantBase {
 public:
  explicit Anderson(const NonlinOptions& o) : SecantBase(o.alpha), M_(o.M), w0_(o.w0) {}

  void setup(const Vector& x, const Vector& f) override { remember_start(x, f); }

  Vector solve(const Vector& f) override {
    Vector dx = -alpha() * f;
    const Index m = static_cast<Index>(dxs_.size());
    if (m == 0) return dx;
    Vector df_f(m);
    for (Index k = 0; k < m; ++k) df_f(k) = dfs_[static_cast<std::size_t>(k)].dot(f);
    // a is a Gram matrix: SciPy's solve detects the symmetry and factors it
    // by Cholesky, falling back to a symmetric indefinite factorization when
    // that fails, and raises (the history is then dropped) on an exactly
    // singular one. The same here, with partial-pivoting LU as the fallback.
    // (Non-finite entries, which SciPy's solve rejects with an exception,
    // also drop the history here.)
    if (!a_.allFinite() || !df_f.allFinite()) return drop_history(dx);
    Vector gamma;
    const Eigen::LLT<Matrix> llt(a_);
    if (llt.info() == Eigen::Success) {
      gamma = llt.solve(df_f);
    } else {
      const Eigen::PartialPivLU<Matrix> lu(a_);
      if ((lu.matrixLU().diagonal().array() == 0).any()) return drop_history(dx);
      gamma = lu.solve(df_f);
    }
    for (Index k = 0; k < m; ++k) {
      const auto j = static_cast<std::size_t>(k);
      dx += gamma(k) * (dxs_[j] + alpha() * dfs_[j]);
    }
    return dx;
  }

  void update(const Vector& x, const Vector& f) override {
    if (M_ > 0) {
      dxs_.push_back(x - last_x_);
      dfs_.push_back(f - last_f_);
      while (static_cast<int>(dxs_.size()) > M_) {
        dxs_.pop_front();
        dfs_.pop_front();
      }
      const Index m = static_cast<Index>(dfs_.size());
      a_.resize(m, m);
      for (Index i = 0; i < m; ++i) {
        for (Index j = i; j < m; ++j) {
          const double wd = i == j ? w0_ * w0_ : 0.0;
          a_(i, j) = (1 + wd) * dfs_[static_cast<std::size_t>(i)].dot(dfs_[static_cast<std::size_t>(j)]);
          a_(j, i) = a_(i, j);
        }
      }
    }
    last_x_ = x;
    last_f_ = f;
  }

 private:
  Vector drop_history(Vector dx) {
    dxs_.clear();
    dfs_.clear();
    return dx;
  }

  int M_;
  double w0_;
  std::deque<Vector> dxs_, dfs_;
  Matrix a_;
};

// ---- line search on phi(s) = ||F(x + s dx)||^2 (SciPy's _nonlin_line_search)

class LineFunction {
 public:
  // SciPy squares the 2-norm of F(x) for phi(0).
  LineFunction(CountedFunction& fun, const Vector& x, const Vector& Fx, const Vector& dx)
      : fun_(fun), x_(x), dx_(dx), phi0_(Fx.norm() * Fx.norm()), phi_(phi0_), F_(Fx), s_norm_(x.norm() / dx.norm()) {}

  // phi(s), remembering the last stored point (trial steps store; the
  // difference quotient's extra points do not).
  double phi(double s, bool store = true) {
    if (s == s_) return phi_;
    const Vector v = fun_(point(s));
    const double norm = v.allFinite() ? v.norm() : kInf;
    const double p = norm * norm;
    if (store) {
      s_ = s;
      phi_ = p;
      F_ = v;
    }
    return p;
  }
  // Forward difference with SciPy's step (|s| + ||x|| / ||dx|| + 1) 1e-8.
  double derphi(double s) {
    const double ds = (std::abs(s) + s_norm_ + 1) * 1e-8;
    return (phi(s + ds, false) - phi(s)) / ds;
  }
  double phi0() const { return phi0_; }
  Vector point(double s) const { return x_ + s * dx_; }
  // F at x + s dx: the stored value if s was the last stored trial.
  Vector value_at(double s) { return s == s_ ? F_ : fun_(point(s)); }

 private:
  CountedFunction& fun_;
  const Vector& x_;
  const Vector& dx_;
  double phi0_;
  double s_ = 0, phi_;  // the last stored trial
  Vector F_;
  double s_norm_;
};

// Armijo backtracking with quadratic, then cubic interpolation (Nocedal and
// Wright 1999, pp. 56-57; SciPy's scalar_search_armijo with c1 = 1e-4,
// alpha0 = 1, amin = 0.01 and phi'(0) taken as -phi(0), the slope along the
// Newton direction). nullopt: no acceptable step above amin.
std::optional<double> armijo(LineFunction& line, double phi0) {
  const double c1 = 1e-4, amin = 1e-2, derphi0 = -phi0;
  double alpha0 = 1.0;
  double phi_a0 = line.phi(alpha0);
  if (phi_a0 <= phi0 + c1 * alpha0 * derphi0) return alpha0;

  double alpha1 = -derphi0 * alpha0 * alpha0 / 2.0 / (phi_a0 - phi0 - derphi0 * alpha0);
  double phi_a1 = line.phi(alpha1);
  if (phi_a1 <= phi0 + c1 * alpha1 * derphi0) return alpha1;

  while (alpha1 > amin) {
    const double factor = alpha0 * alpha0 * alpha1 * alpha1 * (alpha1 - alpha0);
    const double r1 = phi_a1 - phi0 - derphi0 * alpha1;
    const double r0 = phi_a0 - phi0 - derphi0 * alpha0;
    const double a = (alpha0 * alpha0 * r1 - alpha1 * alpha1 * r0) / factor;
    const double b = (-alpha0 * alpha0 * alpha0 * r1 + alpha1 * alpha1 * alpha1 * r0) / factor;
    double alpha2 = (-b + std::sqrt(std::abs(b * b - 3 * a * derphi0))) / (3.0 * a);
    const double phi_a2 = line.phi(alpha2);
    if (phi_a2 <= phi0 + c1 * alpha2 * derphi0) return alpha2;
    if ((alpha1 - alpha2) > alpha1 / 2.0 || (1 - alpha2 / alpha1) < 0.96) alpha2 = alpha1 / 2.0;
    alpha0 = alpha1;
    alpha1 = alpha2;
    phi_a0 = phi_a1;
    phi_a1 = phi_a2;
  }
  return std::nullopt;
}

// Moré-Thuente as SciPy's scalar_search_wolfe1 drives it here (c1 = 1e-4,
// c2 = 0.9, xtol = 0.01, steps in [0.01, 50], first trial 1, at most 100
// rounds, phi' by forward differences). nullopt on a warning or an error
// (phi'(0) >= 0 among them).
std::optional<double> wolfe(LineFunction& line, double phi0) {
  const double derphi0 = line.derphi(0.0);
  Dcsrch search(1e-4, 0.9, 1e-2, 1e-2, 50.0);
  Dcsrch::Task task = Dcsrch::Task::fg;
  double f = phi0, g = derphi0;
  for (int round = 0; round < 100; ++round) {
    task = round == 0 ? search.start(1.0, phi0, derphi0) : search.iterate(f, g);
    const double stp = search.step();
    if (!std::isfinite(stp)) return std::nullopt;
    if (task != Dcsrch::Task::fg) break;
    f = line.phi(stp);
    g = line.derphi(stp);
  }
  if (task != Dcsrch::Task::convergence) return std::nullopt;
  return search.step();
}

// ---- SciPy's TerminationCondition

class Termination {
 public:
  explicit Termination(const NonlinOptions& o) : o_(o) {}

  // 0: go on, 1: converged, 2: nit iterations made.
  int check(const Vector& f, const Vector& x, const Vector& dx) {
    ++iteration_;
    const double f_norm = norm(f), x_norm = norm(x), dx_norm = norm(dx);
    if (!has_f0_norm_) {
      f0_norm_ = f_norm;
      has_f0_norm_ = true;
    }
    if (f_norm == 0) return 1;
    if (o_.nit > 0) return iteration_ > o_.nit ? 2 : 0;
    // Written as SciPy writes it: the infinite defaults pass (f / inf = 0),
    // except before the first step, where dx is infinite (inf / inf is NaN).
    return (f_norm <= o_.fatol && f_norm / o_.ftol <= f0_norm_) && (dx_norm <= o_.xatol && dx_norm / o_.xtol <= x_norm)
               ? 1
               : 0;
  }
  int iteration() const { return iteration_; }

 private:
  double norm(const Vector& v) const { return o_.tol_norm ? o_.tol_norm(v) : max_norm(v); }
  const NonlinOptions& o_;
  int iteration_ = 0;
  double f0_norm_ = 0;  // |f| at the first check
  bool has_f0_norm_ = false;
};

}  // namespace

NonlinResult nonlin_solve(const VectorFunction& fun, const Vector& x0, RootMethod method, const NonlinOptions& o) {
  const Index n = x0.size();
  CountedFunction F(fun, n);
  std::unique_ptr<InverseJacobian> H;
  if (method == RootMethod::anderson) {
    H = std::make_unique<Anderson>(o);
  } else {
    H = std::make_unique<Broyden>(method == RootMethod::broyden1, o);
  }
  Termination condition(o);

  Vector x = x0;
  Vector dx = Vector::Constant(n, kInf);
  Vector Fx = F(x);
  H->setup(x, Fx);
  const int maxiter = o.maxiter > 0 ? o.maxiter : (o.nit > 0 ? o.nit + 1 : static_cast<int>(100 * (n + 1)));

  int status = 2;  // unless a check or the zero step ends the loop early
  for (int iter = 0; iter < maxiter; ++iter) {
    if (const int s = condition.check(Fx, x, dx); s != 0) {
      status = s;
      break;
    }
    dx = -H->solve(Fx);
    if (dx.norm() == 0) {
      status = 3;
      break;
    }
    std::optional<double> s = 1.0;
    LineFunction line(F, x, Fx, dx);
    if (o.line_search == NonlinLineSearch::armijo) {
      s = armijo(line, line.phi0());
    } else if (o.line_search == NonlinLineSearch::wolfe) {
      s = wolfe(line, line.phi0());
    }
    const double step = s.value_or(1.0);  // no acceptable step: SciPy takes the full one
    Vector x_new = line.point(step);
    Vector F_new = o.line_search == NonlinLineSearch::none ? F(x_new) : line.value_at(step);
    x = std::move(x_new);
    Fx = std::move(F_new);
    H->update(x, Fx);
    if (o.callback) o.callback(x, Fx);
  }
  return {x, Fx, status, condition.iteration(), F.nfev()};
}

}  // namespace scilearn::optimize::detail
