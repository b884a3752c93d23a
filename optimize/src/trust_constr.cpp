// minimize(method = trust_constr): the driver of SciPy's trust-constr
// (minimize_trustregion_constr.py, tr_interior_point.py): the objective
// and the constraints with SciPy's caching and quasi-Newton (BFGS) Hessians,
// constraints in SciPy's canonical form (c_eq = 0, c_ineq <= 0, bounds as a
// last constraint), the barrier subproblems, the stopping rules and result.
#include <cmath>
#include <limits>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/core/validation.hpp>
#include <type_traits>

#include "minimize_methods.hpp"
#include "trust_constr.hpp"

namespace scilearn::optimize::detail {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

bool same(const Vector& a, const Vector& b) { return a.size() == b.size() && a == b; }

// SciPy's BFGS HessianUpdateStrategy approximating a Hessian: skip_update
// with min_curvature 1e-8, the first update scaled by y.y / |y.s|.
class Bfgs {
 public:
  explicit Bfgs(Index n) : b_(Matrix::Identity(n, n)) {}
  const Matrix& matrix() const { return b_; }
  void update(const Vector& s, const Vector& y) {
    if ((s.array() == 0).all() || (y.array() == 0).all()) return;
    if (first_) {
      b_ *= auto_scale(s, y);
      first_ = false;
    }
    Vector bs = b_ * s;
    double sbs = bs.dot(s);
    if (sbs <= 0) {
      b_ = auto_scale(s, y) * Matrix::Identity(s.size(), s.size());
      bs = b_ * s;
      sbs = bs.dot(s);
    }
    const double ys = y.dot(s);
    if (ys <= 1e-8 * sbs) return;
    b_ += y * y.transpose() / ys - bs * bs.transpose() / sbs;
  }

 private:
  static double auto_scale(const Vector& s, const Vector& y) {
    const double ss = s.dot(s), yy = y.dot(y), ys = std::abs(y.dot(s));
    return ys == 0 || yy == 0 || ss == 0 ? 1.0 : yy / ys;
  }
  Matrix b_;
  bool first_ = true;
};

// The objective as SciPy's ScalarFunction keeps it: f, g and the Hessian at
// the current point; with BFGS, every move to a new point takes the
// gradient at both ends and updates the approximation.
class Objective {
 public:
  Objective(ScalarObjective& scalar, const MinimizeOptions& options, const Vector& x0)
      : scalar_(scalar), options_(options), x_(x0), bfgs_(x0.size()) {
    f_ = scalar_.fun(x_);
    g_ = scalar_.grad(x_);
    f_ok_ = g_ok_ = true;
    if (options_.hess || options_.hessp) update_hess();
    h_ok_ = true;
  }
  double fun(const Vector& x) {
    move(x);
    if (!f_ok_) f_ = scalar_.fun(x_);
    f_ok_ = true;
    return f_;
  }
  const Vector& grad(const Vector& x) {
    move(x);
    update_grad();
    return g_;
  }
  Operator hess(const Vector& x) {
    move(x);
    if (!h_ok_) update_hess();
    h_ok_ = true;
    if (options_.hess) return [h = h_](const Vector& p) -> Vector { return h * p; };
    if (options_.hessp) return [this, x = x_](const Vector& p) { return options_.hessp(x, p); };
    return [b = bfgs_.matrix()](const Vector& p) -> Vector { return b * p; };
  }
  double f() const { return f_; }
  const Vector& g() const { return g_; }
  int nhev() const { return nhev_; }

 private:
  bool quasi_newton() const { return !options_.hess && !options_.hessp; }
  void update_grad() {
    if (!g_ok_) g_ = scalar_.grad(x_);
    g_ok_ = true;
  }
  void update_hess() {
    if (options_.hess) {
      h_ = options_.hess(x_);
      if (h_.rows() != x_.size() || h_.cols() != x_.size()) {
        throw ValueError(cat("minimize: hess returned ", h_.rows(), " x ", h_.cols(), ", expected ", x_.size(), " x ",
                             x_.size()));
      }
      ++nhev_;
    } else if (options_.hessp) {
      ++nhev_;  // SciPy counts the operator, built once per point
    } else {
      update_grad();
      bfgs_.update(x_ - x_prev_, g_ - g_prev_);
    }
  }
  void move(const Vector& x) {
    if (same(x, x_)) return;
    if (quasi_newton()) {
      update_grad();
      x_prev_ = x_;
      g_prev_ = g_;
    }
    x_ = x;
    f_ok_ = g_ok_ = h_ok_ = false;
    if (quasi_newton()) {
      update_hess();
      h_ok_ = true;
    }
  }
  ScalarObjective& scalar_;
  const MinimizeOptions& options_;
  Vector x_, g_, x_prev_, g_prev_;
  double f_ = 0;
  Matrix h_;
  Bfgs bfgs_;
  bool f_ok_ = false, g_ok_ = false, h_ok_ = false;
  int nhev_ = 0;
};

// One constraint lb <= c(x) <= ub as SciPy's PreparedConstraint and
// canonical form keep it: its rows sorted into equalities and the three
// kinds of inequalities, its value and Jacobian at its current point, its
// multipliers v, and for a nonlinear one a BFGS approximation of the
// Hessian of v.c, updated as SciPy's VectorFunction does.
class Block {
 public:
  Block(VectorFunction fun, JacobianFunction jac, Matrix a, Vector lb, Vector ub, const Vector& x0,
        FiniteDifferenceOptions fd)
      : fun_(std::move(fun)), jac_(std::move(jac)), a_(std::move(a)), fd_(std::move(fd)), x_(x0), bfgs_(x0.size()) {
    f_ = evaluate(x0);
    m_ = f_.size();
    const auto expand = [&](const Vector& v, double fill) -> Vector {
      if (v.size() == 0) return Vector::Constant(m_, fill);
      if (v.size() == 1) return Vector::Constant(m_, v(0));
      if (v.size() != m_) throw ValueError(cat("minimize: constraint bounds have ", v.size(), " entries, expected ", m_));
      return v;
    };
    lb_ = expand(lb, -kInf);
    ub_ = expand(ub, kInf);
    for (Index i = 0; i < m_; ++i) {
      if (std::isnan(lb_(i)) || std::isnan(ub_(i)) || lb_(i) > ub_(i) || lb_(i) == kInf || ub_(i) == -kInf) {
        throw ValueError(cat("minimize: constraint bounds lb = ", lb_(i), ", ub = ", ub_(i), " admit no value"));
      }
      const bool lb_inf = lb_(i) == -kInf, ub_inf = ub_(i) == kInf;
      if (lb_(i) == ub_(i)) {
        eq_.push_back(i);
      } else if (lb_inf && !ub_inf) {
        less_.push_back(i);
      } else if (ub_inf && !lb_inf) {
        greater_.push_back(i);
      } else if (!lb_inf && !ub_inf) {
        interval_.push_back(i);
      }
    }
    j_ = jacobian(x0);
    v_ = Vector::Zero(m_);
  }

  Index n_eq() const { return static_cast<Index>(eq_.size()); }
  Index n_ineq() const { return static_cast<Index>(less_.size() + greater_.size() + 2 * interval_.size()); }

  // The canonical values (c_eq, c_ineq) at x.
  std::pair<Vector, Vector> fun(const Vector& x) {
    move(x);
    if (!f_ok_) f_ = evaluate(x_);
    f_ok_ = true;
    Vector eq(n_eq()), ineq(n_ineq());
    Index k = 0;
    for (Index r = 0; r < n_eq(); ++r) eq(r) = f_(eq_[r]) - lb_(eq_[r]);
    for (Index i : less_) ineq(k++) = f_(i) - ub_(i);
    for (Index i : greater_) ineq(k++) = lb_(i) - f_(i);
    for (Index i : interval_) ineq(k++) = f_(i) - ub_(i);
    for (Index i : interval_) ineq(k++) = lb_(i) - f_(i);
    return {eq, ineq};
  }

  // Their Jacobians.
  std::pair<Matrix, Matrix> jac(const Vector& x) {
    move(x);
    update_jac();
    Matrix eq(n_eq(), x_.size()), ineq(n_ineq(), x_.size());
    Index k = 0;
    for (Index r = 0; r < n_eq(); ++r) eq.row(r) = j_.row(eq_[r]);
    for (Index i : less_) ineq.row(k++) = j_.row(i);
    for (Index i : greater_) ineq.row(k++) = -j_.row(i);
    for (Index i : interval_) ineq.row(k++) = j_.row(i);
    for (Index i : interval_) ineq.row(k++) = -j_.row(i);
    return {eq, ineq};
  }

  // The Hessian of v.c at x for the canonical multipliers (v_eq, v_ineq),
  // mapped back to c's rows; zero for a linear constraint.
  Operator hess(const Vector& x, const Vector& v_eq, const Vector& v_ineq) {
    Vector v = Vector::Zero(m_);
    Index k = 0;
    for (Index r = 0; r < n_eq(); ++r) v(eq_[r]) = v_eq(r);
    for (Index i : less_) v(i) = v_ineq(k++);
    for (Index i : greater_) v(i) = -v_ineq(k++);
    for (Index i : interval_) v(i) = v_ineq(k++);
    for (Index i : interval_) v(i) -= v_ineq(k++);
    if (!same(v, v_)) {
      v_ = v;
      h_ok_ = false;
    }
    if (linear()) return {};
    move(x);
    update_hess();
    return [b = bfgs_.matrix()](const Vector& p) -> Vector { return b * p; };
  }

  // SciPy's state: the largest violation of lb <= c <= ub at the stored
  // value, and J^T v at the stored Jacobian.
  double violation() const {
    return std::max((lb_ - f_).maxCoeff(), (f_ - ub_).maxCoeff());
  }
  Vector jt_v() const { return j_.transpose() * v_; }

 private:
  bool linear() const { return !fun_; }
  Vector evaluate(const Vector& x) const { return linear() ? Vector(a_ * x) : fun_(x); }
  Matrix jacobian(const Vector& x) const {
    if (linear()) return a_;
    Matrix j = jac_ ? jac_(x) : approx_derivative(fun_, x, fd_, f_);
    if (j.rows() != m_ || j.cols() != x.size()) {
      throw ValueError(cat("minimize: constraint jac returned ", j.rows(), " x ", j.cols(), ", expected ", m_, " x ",
                           x.size()));
    }
    return j;
  }
  void update_jac() {
    if (j_ok_) return;
    if (!jac_ && !linear() && !f_ok_) {  // differences start from f(x)
      f_ = evaluate(x_);
      f_ok_ = true;
    }
    j_ = jacobian(x_);
    j_ok_ = true;
  }
  void update_hess() {
    if (h_ok_) return;
    update_jac();
    if (has_prev_) bfgs_.update(x_ - x_prev_, j_.transpose() * v_ - j_prev_.transpose() * v_);
    h_ok_ = true;
  }
  void move(const Vector& x) {
    if (same(x, x_)) return;
    if (linear()) {
      x_ = x;
      f_ok_ = false;
      return;
    }
    update_jac();
    x_prev_ = x_;
    j_prev_ = j_;
    has_prev_ = true;
    x_ = x;
    f_ok_ = j_ok_ = h_ok_ = false;
    update_hess();
  }

  VectorFunction fun_;
  JacobianFunction jac_;
  Matrix a_;
  FiniteDifferenceOptions fd_;
  Vector x_, f_, lb_, ub_, v_, x_prev_;
  Matrix j_, j_prev_;
  Bfgs bfgs_;
  Index m_ = 0;
  bool f_ok_ = true, j_ok_ = true, h_ok_ = true, has_prev_ = false;
  std::vector<Index> eq_, less_, greater_, interval_;
};

// All constraints, canonical: equalities of every block, then inequalities.
class Canonical {
 public:
  std::vector<Block> blocks;
  Index n_eq() const {
    Index k = 0;
    for (const Block& b : blocks) k += b.n_eq();
    return k;
  }
  Index n_ineq() const {
    Index k = 0;
    for (const Block& b : blocks) k += b.n_ineq();
    return k;
  }
  std::pair<Vector, Vector> fun(const Vector& x) {
    Vector eq(n_eq()), ineq(n_ineq());
    Index e = 0, k = 0;
    for (Block& b : blocks) {
      auto [be, bi] = b.fun(x);
      eq.segment(e, be.size()) = be;
      ineq.segment(k, bi.size()) = bi;
      e += be.size();
      k += bi.size();
    }
    return {eq, ineq};
  }
  std::pair<Matrix, Matrix> jac(const Vector& x) {
    Matrix eq(n_eq(), x.size()), ineq(n_ineq(), x.size());
    Index e = 0, k = 0;
    for (Block& b : blocks) {
      auto [be, bi] = b.jac(x);
      eq.middleRows(e, be.rows()) = be;
      ineq.middleRows(k, bi.rows()) = bi;
      e += be.rows();
      k += bi.rows();
    }
    return {eq, ineq};
  }
  // The Lagrangian's Hessian: the objective's plus each constraint's.
  Operator lagrangian_hess(Objective& objective, const Vector& x, const Vector& v_eq, const Vector& v_ineq) {
    std::vector<Operator> parts{objective.hess(x)};
    Index e = 0, k = 0;
    for (Block& b : blocks) {
      Operator h = b.hess(x, v_eq.segment(e, b.n_eq()), v_ineq.segment(k, b.n_ineq()));
      if (h) parts.push_back(std::move(h));
      e += b.n_eq();
      k += b.n_ineq();
    }
    return [parts](const Vector& p) {
      Vector out = parts[0](p);
      for (std::size_t i = 1; i < parts.size(); ++i) out += parts[i](p);
      return out;
    };
  }
};

// SciPy's TERMINATION_MESSAGES.
constexpr const char* kMessages[] = {
    "The maximum number of function evaluations is exceeded.",
    "`gtol` termination condition is satisfied.",
    "`xtol` termination condition is satisfied.",
    "`callback` raised `StopIteration`.",
    "Constraint violation exceeds 'gtol'",
};

}  // namespace

OptimizeResult minimize_trust_constr(ScalarObjective& scalar, const Vector& x0, const MinimizeOptions& options) {
  const Index n = x0.size();
  const double gtol = *options.gtol, xtol = *options.xtol, barrier_tol = options.barrier_tol;
  Objective objective(scalar, options, x0);
  // Constraint Jacobians by 2-point differences with SciPy's relative step.
  const FiniteDifferenceOptions fd{};
  Canonical canonical;
  for (const AnyConstraint& any : options.constraints) {
    std::visit(
        [&](const auto& c) {
          using C = std::decay_t<decltype(c)>;
          if constexpr (std::is_same_v<C, LinearConstraint>) {
            if (c.A.cols() != n || c.A.rows() == 0) {
              throw ValueError(cat("minimize: LinearConstraint A is ", c.A.rows(), " x ", c.A.cols(),
                                   ", expected m x ", n, " with m >= 1"));
            }
            check_finite("minimize", "LinearConstraint A", c.A);
            canonical.blocks.emplace_back(VectorFunction{}, JacobianFunction{}, c.A, c.lb, c.ub, x0, fd);
          } else if constexpr (std::is_same_v<C, NonlinearConstraint>) {
            if (!c.fun) throw ValueError("minimize: a constraint has no fun");
            if (c.lb.size() == 0 || c.ub.size() == 0) throw ValueError("minimize: NonlinearConstraint needs lb and ub");
            canonical.blocks.emplace_back(c.fun, c.jac, Matrix{}, c.lb, c.ub, x0, fd);
          } else {  // SciPy's old_constraint_to_new
            if (!c.fun) throw ValueError("minimize: a constraint has no fun");
            const bool eq = c.type == ConstraintType::eq;
            canonical.blocks.emplace_back(c.fun, c.jac, Matrix{}, Vector::Zero(1),
                                          eq ? Vector::Zero(1) : Vector::Constant(1, kInf), x0, fd);
          }
        },
        any);
  }
  if (options.bounds) {  // the last constraint, widened by one ulp as SciPy does
    Vector lb = options.bounds->lb, ub = options.bounds->ub;
    for (Index i = 0; i < n; ++i) {
      if (std::isfinite(lb(i))) lb(i) = std::nextafter(lb(i), -kInf);
      if (std::isfinite(ub(i))) ub(i) = std::nextafter(ub(i), kInf);
    }
    canonical.blocks.emplace_back(VectorFunction{}, JacobianFunction{}, Matrix::Identity(n, n), lb, ub, x0, fd);
  }
  const Index n_eq = canonical.n_eq(), n_ineq = canonical.n_ineq();
  auto [c_eq0, c_ineq0] = canonical.fun(x0);
  auto [j_eq0, j_ineq0] = canonical.jac(x0);

  // The state SciPy's stop test keeps, updated at every test (one per
  // iteration): the last accepted point, its optimality (the largest
  // entry of the Lagrangian's gradient) and violation.
  OptimizeResult state;
  state.x = x0;
  state.fun = objective.f();
  state.jac = objective.g();
  double optimality = kInf, radius_now = options.initial_trust_radius;
  int status = -1;
  const auto stop_test = [&](const Vector& x, bool last_failed, double radius, bool interior,
                             double barrier_parameter) {
    ++state.nit;
    if (!last_failed) {
      state.x = x;
      state.fun = objective.f();
      state.jac = objective.g();
      Vector lagrangian_grad = state.jac;
      state.maxcv = 0;
      for (const Block& b : canonical.blocks) {
        lagrangian_grad += b.jt_v();
        state.maxcv = std::max(state.maxcv, b.violation());
      }
      optimality = lagrangian_grad.cwiseAbs().maxCoeff();
    }
    radius_now = radius;
    if (options.callback && options.callback(state)) {
      status = 3;
    } else if (optimality < gtol && state.maxcv < gtol) {
      status = 1;
    } else if (radius < xtol && (!interior || barrier_parameter < barrier_tol)) {
      status = 2;
    } else if (state.nit >= options.maxiter) {
      status = 0;
    }
    return status >= 0;
  };

  if (n_ineq == 0) {
    const SqpProblem problem{
        .fun_and_constr =
            [&](const Vector& x) {
              const double f = objective.fun(x);
              return std::make_pair(f, canonical.fun(x).first);
            },
        .grad_and_jac =
            [&](const Vector& x) {
              const Vector g = objective.grad(x);
              return std::make_pair(g, canonical.jac(x).first);
            },
        .lagrangian_hess = [&](const Vector& x,
                               const Vector& v) { return canonical.lagrangian_hess(objective, x, v, Vector()); },
        .stop = [&](const Vector& x, bool last_failed, double, double, double radius, double,
                    const CgInfo&) { return stop_test(x, last_failed, radius, false, 0); },
    };
    (void)equality_constrained_sqp(problem, x0, objective.f(), objective.g(), c_eq0, j_eq0,
                                   options.initial_constr_penalty, options.initial_trust_radius, Vector(), Vector());
  } else {
    // The barrier problems of Byrd, Hribar and Nocedal (1999): minimize
    // f(x) - mu sum log s subject to c_eq(x) = 0, c_ineq(x) + s = 0, in the
    // variables z = (x, s), for mu decreasing by 0.2 each round.
    constexpr double kBoundaryParameter = 0.995, kBarrierDecay = 0.2, kTrustEnlargement = 5;
    double mu = options.initial_barrier_parameter, tolerance = options.initial_barrier_tolerance;
    double radius = options.initial_trust_radius;
    bool terminate = false;
    const auto barrier = [&](double f, const Vector& s) {
      double log_sum = 0;
      for (Index i = 0; i < s.size(); ++i) log_sum += s(i) > 0 ? std::log(s(i)) : -kInf;
      return f - mu * log_sum;
    };
    const auto constraints_of = [&](const Vector& c_eq, const Vector& c_ineq, const Vector& s) {
      Vector c(n_eq + n_ineq);
      c << c_eq, c_ineq + s;
      return c;
    };
    const auto gradient_of = [&](const Vector& g) {
      Vector out(n + n_ineq);
      out << g, Vector::Constant(n_ineq, -mu);
      return out;
    };
    const auto jacobian_of = [&](const Matrix& j_eq, const Matrix& j_ineq, const Vector& s) {
      Matrix j = Matrix::Zero(n_eq + n_ineq, n + n_ineq);
      j.topLeftCorner(n_eq, n) = j_eq;
      j.bottomLeftCorner(n_ineq, n) = j_ineq;
      j.bottomRightCorner(n_ineq, n_ineq).diagonal() = s;
      return j;
    };
    SqpProblem problem{
        .fun_and_constr =
            [&](const Vector& z) {
              const Vector s = z.tail(n_ineq);
              const double f = objective.fun(z.head(n));
              auto [c_eq, c_ineq] = canonical.fun(z.head(n));
              return std::make_pair(barrier(f, s), constraints_of(c_eq, c_ineq, s));
            },
        .grad_and_jac =
            [&](const Vector& z) {
              const Vector g = objective.grad(z.head(n));
              auto [j_eq, j_ineq] = canonical.jac(z.head(n));
              return std::make_pair(gradient_of(g), jacobian_of(j_eq, j_ineq, z.tail(n_ineq)));
            },
        .lagrangian_hess =
            [&](const Vector& z, const Vector& v) -> Operator {
              const Vector v_ineq = v.tail(n_ineq), s = z.tail(n_ineq);
              const Operator hx = canonical.lagrangian_hess(objective, z.head(n), v.head(n_eq), v_ineq);
              // S Hs S: the barrier's curvature, primal-dual where v > 0.
              const Vector shs = (v_ineq.array() > 0).select(v_ineq.cwiseProduct(s), Vector::Constant(n_ineq, mu));
              return [hx, shs, n](const Vector& p) {
                Vector out(p.size());
                out << hx(p.head(n)), shs.cwiseProduct(p.tail(shs.size()));
                return out;
              };
            },
        .stop =
            [&](const Vector& z, bool last_failed, double opt, double violation, double r, double,
                const CgInfo&) {
              if (stop_test(z.head(n), last_failed, r, true, mu)) {
                terminate = true;
                return true;
              }
              return (opt < tolerance && violation < tolerance) || r < xtol;
            },
        .scaling =
            [&](const Vector& z) {
              Vector d(n + n_ineq);
              d << Vector::Ones(n), z.tail(n_ineq);
              return d;
            },
    };
    Vector trust_lb(n + n_ineq);
    trust_lb << Vector::Constant(n, -kInf), Vector::Constant(n_ineq, -kBoundaryParameter);
    const Vector trust_ub = Vector::Constant(n + n_ineq, kInf);
    const Vector s0 = (-1.5 * c_ineq0).cwiseMax(1.0);
    Vector z(n + n_ineq);
    z << x0, s0;
    double f_sub = barrier(objective.f(), s0);
    Vector c_sub = constraints_of(c_eq0, c_ineq0, s0), g_sub = gradient_of(objective.g());
    Matrix j_sub = jacobian_of(j_eq0, j_ineq0, s0);
    while (true) {
      z = equality_constrained_sqp(problem, z, f_sub, g_sub, c_sub, j_sub, options.initial_constr_penalty, radius,
                                   trust_lb, trust_ub);
      if (terminate) break;
      radius = std::max(options.initial_trust_radius, kTrustEnlargement * radius_now);
      mu *= kBarrierDecay;
      tolerance *= kBarrierDecay;
      std::tie(f_sub, c_sub) = problem.fun_and_constr(z);
      std::tie(g_sub, j_sub) = problem.grad_and_jac(z);
    }
  }

  if ((status == 1 || status == 2) && state.maxcv > gtol) status = 4;
  OptimizeResult result = state;
  result.status = status;
  result.success = status == 1 || status == 2;
  result.message = kMessages[status];
  result.nfev = scalar.nfev();
  result.njev = scalar.ngev();
  result.nhev = objective.nhev();
  return result;
}

}  // namespace scilearn::optimize::detail
