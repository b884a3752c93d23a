#include "constraint_set.hpp"

#include <cmath>
#include <limits>
#include <scilearn/core/validation.hpp>
#include <type_traits>

namespace scilearn::optimize::detail {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

Vector expanded(const Vector& v, Index m, double fill, const char* where, const char* name) {
  if (v.size() == 0) return Vector::Constant(m, fill);
  if (v.size() == 1) return Vector::Constant(m, v(0));
  if (v.size() != m) throw ValueError(cat(where, ": constraint ", name, " has ", v.size(), " entries, expected ", m));
  return v;
}

}  // namespace

ConstraintSet::ConstraintSet(const std::vector<AnyConstraint>& constraints, const Vector& x0,
                             FiniteDifferenceOptions finite_difference, const char* where)
    : finite_difference_(std::move(finite_difference)), n_(x0.size()) {
  for (const AnyConstraint& any : constraints) {
    std::visit(
        [&](const auto& c) {
          using C = std::decay_t<decltype(c)>;
          if constexpr (std::is_same_v<C, LinearConstraint>) {
            if (c.A.cols() != n_ || c.A.rows() == 0) {
              throw ValueError(cat(where, ": LinearConstraint A is ", c.A.rows(), " x ", c.A.cols(), ", expected m x ", n_,
                                   " with m >= 1"));
            }
            check_finite(where, "LinearConstraint A", c.A);
            const Matrix a = c.A;
            add([a](const Vector& x) -> Vector { return a * x; }, [a](const Vector&) -> Matrix { return a; }, c.lb,
                c.ub, a.rows(), where);
          } else {
            if (!c.fun) throw ValueError(cat(where, ": a constraint has no fun"));
            const Index m = c.fun(x0).size();
            if (m == 0) throw ValueError(cat(where, ": a constraint's fun returned no values at x0"));
            if constexpr (std::is_same_v<C, Constraint>) {
              const bool eq = c.type == ConstraintType::eq;
              add(c.fun, c.jac, Vector::Zero(m), eq ? Vector::Zero(m) : Vector::Constant(m, kInf), m, where);
            } else {
              if (c.lb.size() == 0 || c.ub.size() == 0) {
                throw ValueError(cat(where, ": NonlinearConstraint needs lb and ub"));
              }
              add(c.fun, c.jac, c.lb, c.ub, m, where);
            }
          }
        },
        any);
  }
}

void ConstraintSet::add(VectorFunction fun, JacobianFunction jac, Vector lb, Vector ub, Index m, const char* where) {
  lb = expanded(lb, m, -kInf, where, "lb");
  ub = expanded(ub, m, kInf, where, "ub");
  Block block{std::move(fun), std::move(jac), m, {}, {}};
  for (Index i = 0; i < m; ++i) {
    if (std::isnan(lb(i)) || std::isnan(ub(i)) || lb(i) > ub(i) || lb(i) == kInf || ub(i) == -kInf) {
      throw ValueError(cat(where, ": constraint bounds lb = ", lb(i), ", ub = ", ub(i), " admit no value"));
    }
    if (lb(i) == ub(i)) {
      block.eq.push_back({i, 1.0, lb(i)});
      continue;
    }
    if (lb(i) > -kInf) block.ineq.push_back({i, 1.0, lb(i)});
    if (ub(i) < kInf) block.ineq.push_back({i, -1.0, ub(i)});
  }
  n_eq_ += static_cast<Index>(block.eq.size());
  n_ineq_ += static_cast<Index>(block.ineq.size());
  blocks_.push_back(std::move(block));
}

void ConstraintSet::values(const Vector& x, Vector& eq, Vector& ineq) const {
  eq.resize(n_eq_);
  ineq.resize(n_ineq_);
  Index e = 0, k = 0;
  for (const Block& b : blocks_) {
    const Vector c = b.fun(x);
    if (c.size() != b.m) throw ValueError(cat("constraint fun returned ", c.size(), " values, ", b.m, " at x0"));
    for (const Row& r : b.eq) eq(e++) = r.sign * (c(r.source) - r.offset);
    for (const Row& r : b.ineq) ineq(k++) = r.sign * (c(r.source) - r.offset);
  }
}

void ConstraintSet::jacobians(const Vector& x, Matrix& eq, Matrix& ineq) const {
  eq.resize(n_eq_, n_);
  ineq.resize(n_ineq_, n_);
  Index e = 0, k = 0;
  for (const Block& b : blocks_) {
    const Matrix j = b.jac ? b.jac(x) : approx_derivative(b.fun, x, finite_difference_);
    if (j.rows() != b.m || j.cols() != n_) {
      throw ValueError(cat("constraint jac returned ", j.rows(), " x ", j.cols(), ", expected ", b.m, " x ", n_));
    }
    for (const Row& r : b.eq) eq.row(e++) = r.sign * j.row(r.source);
    for (const Row& r : b.ineq) ineq.row(k++) = r.sign * j.row(r.source);
  }
}

Vector ConstraintSet::violations(const Vector& x) const {
  if (n_eq_ + n_ineq_ == 0) return Vector::Zero(1);
  Vector eq, ineq;
  values(x, eq, ineq);
  Vector v(n_eq_ + n_ineq_);
  v << eq.cwiseAbs(), (-ineq).cwiseMax(0.0);
  return v;
}

}  // namespace scilearn::optimize::detail
