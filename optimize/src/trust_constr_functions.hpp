#pragma once
// What trust_constr evaluates, kept as SciPy's ScalarFunction and
// VectorFunction keep it (scipy/optimize/_differentiable_functions.py): the
// objective and each constraint at their current point, evaluated on demand
// and counted, with BFGS approximations of the Hessians updated at every
// move to a new point; the constraints in SciPy's canonical form
// (canonical_constraint.py): c_eq(x) = 0 and c_ineq(x) <= 0.
#include <cmath>
#include <limits>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <vector>

#include "minimize_methods.hpp"
#include "trust_constr.hpp"

namespace scilearn::optimize::detail::trust_constr {

constexpr double kInf = std::numeric_limits<double>::infinity();

inline bool same(const Vector& a, const Vector& b) { return a.size() == b.size() && a == b; }

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

}  // namespace scilearn::optimize::detail::trust_constr
