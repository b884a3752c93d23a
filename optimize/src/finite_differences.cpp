#include <algorithm>
#include <cmath>
#include <limits>
#include <scilearn/core/validation.hpp>
#include <scilearn/optimize/finite_differences.hpp>
#include <vector>

namespace scilearn::optimize {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// A per-component option given as one value for all components or one each.
Vector per_component(std::string_view where, std::string_view name, const Vector& v, Index n) {
  if (v.size() == 1) return Vector::Constant(n, v(0));
  if (v.size() != n) throw ValueError(cat(where, ": ", name, " has ", v.size(), " entries, expected 1 or ", n));
  return v;
}

Vector bound_or(std::string_view where, std::string_view name, const Vector& b, Index n, double unbounded) {
  return b.size() == 0 ? Vector::Constant(n, unbounded) : per_component(where, name, b, n);
}

// The step of each component and whether it is one-sided, SciPy's
// _compute_absolute_step and _adjust_scheme_to_bounds.
struct Steps {
  Vector h;
  Eigen::Array<bool, Eigen::Dynamic, 1> one_sided;
};

Steps steps_for(std::string_view where, const Vector& x0, const FiniteDifferenceOptions& options) {
  const Index n = x0.size();
  check_finite(where, "x0", x0);
  const Vector lb = bound_or(where, "lb", options.lb, n, -kInf);
  const Vector ub = bound_or(where, "ub", options.ub, n, kInf);
  if ((x0.array() < lb.array()).any() || (x0.array() > ub.array()).any()) {
    throw ValueError(cat(where, ": x0 violates the bounds lb <= x0 <= ub"));
  }
  const bool two_point = options.method == FiniteDifference::two_point;
  // The step that balances truncation and rounding error: eps^(1/2) for an
  // O(h) scheme, eps^(1/3) for an O(h^2) one (Nocedal and Wright, Sec. 8.1).
  const double eps = std::numeric_limits<double>::epsilon();
  const double optimal = two_point ? std::sqrt(eps) : std::cbrt(eps);
  const Vector sign = (x0.array() >= 0).select(Vector::Ones(n), -Vector::Ones(n));
  const Vector relative_default = optimal * sign.cwiseProduct(x0.cwiseAbs().cwiseMax(1.0));
  Vector h;
  if (options.abs_step.size() > 0) {
    h = per_component(where, "abs_step", options.abs_step, n);
  } else if (options.rel_step.size() > 0) {
    h = per_component(where, "rel_step", options.rel_step, n).cwiseProduct(sign).cwiseProduct(x0.cwiseAbs());
  } else {
    h = relative_default;
  }
  check_finite(where, "step", h);
  for (Index i = 0; i < n; ++i) {
    if ((x0(i) + h(i)) - x0(i) == 0) h(i) = relative_default(i);  // a step lost to rounding
  }

  Steps s{h, Eigen::Array<bool, Eigen::Dynamic, 1>::Constant(n, two_point)};
  if (!two_point) s.h = s.h.cwiseAbs();
  for (Index i = 0; i < n; ++i) {
    const double lower = x0(i) - lb(i);
    const double upper = ub(i) - x0(i);
    if (lower == kInf && upper == kInf) continue;
    if (two_point) {
      const double x = x0(i) + s.h(i);
      const bool violated = x < lb(i) || x > ub(i);
      const bool fits = std::abs(s.h(i)) <= std::max(lower, upper);
      if (violated && fits) {
        s.h(i) = -s.h(i);
      } else if (!fits) {
        s.h(i) = upper >= lower ? upper : -lower;
      }
    } else {
      if (lower >= s.h(i) && upper >= s.h(i)) continue;  // central fits
      s.h(i) = upper >= lower ? std::min(s.h(i), 0.5 * upper) : -std::min(s.h(i), 0.5 * lower);
      s.one_sided(i) = true;
      const double min_dist = std::min(upper, lower);
      if (std::abs(s.h(i)) <= min_dist) {  // a shortened central step fits after all
        s.h(i) = min_dist;
        s.one_sided(i) = false;
      }
    }
  }
  return s;
}

// Column i of the derivative: fun is any callable returning double or Vector.
template <class Value, class Fun>
Value difference(Fun& fun, Vector& x, const Vector& x0, const Steps& s, const Value& f0, Index i, bool two_point) {
  if (two_point) {
    x(i) = x0(i) + s.h(i);
    const Value f1 = fun(x);
    x(i) = x0(i);
    return (f1 - f0) / (x0(i) + s.h(i) - x0(i));  // the step actually taken
  }
  if (s.one_sided(i)) {
    x(i) = x0(i) + s.h(i);
    const Value f1 = fun(x);
    x(i) = x0(i) + 2 * s.h(i);
    const Value f2 = fun(x);
    x(i) = x0(i);
    return (-3.0 * f0 + 4.0 * f1 - f2) / (x0(i) + 2 * s.h(i) - x0(i));
  }
  x(i) = x0(i) - s.h(i);
  const Value f1 = fun(x);
  x(i) = x0(i) + s.h(i);
  const Value f2 = fun(x);
  x(i) = x0(i);
  return (f2 - f1) / ((x0(i) + s.h(i)) - (x0(i) - s.h(i)));
}

}  // namespace

Vector approx_derivative(const Objective& fun, const Vector& x0, const FiniteDifferenceOptions& options,
                         std::optional<double> f0) {
  constexpr const char* kWhere = "approx_derivative";
  const Steps s = steps_for(kWhere, x0, options);
  const bool two_point = options.method == FiniteDifference::two_point;
  const double f_at_x0 = f0 ? *f0 : fun(x0);
  Vector x = x0;
  Vector g(x0.size());
  for (Index i = 0; i < x0.size(); ++i) g(i) = difference<double>(fun, x, x0, s, f_at_x0, i, two_point);
  return g;
}

IndexVector group_columns(const SparseMatrix& pattern) {
  const Index m = pattern.rows(), n = pattern.cols();
  IndexVector groups = IndexVector::Constant(n, -1);
  std::vector<char> used(static_cast<std::size_t>(m));
  Index group = 0;
  for (Index first = 0; first < n; ++first) {
    if (groups(first) >= 0) continue;
    // A new group: the first ungrouped column, then every later ungrouped
    // column that shares no row with those taken so far.
    std::fill(used.begin(), used.end(), 0);
    for (Index j = first; j < n; ++j) {
      if (groups(j) >= 0) continue;
      bool clash = false;
      for (SparseMatrix::InnerIterator it(pattern, j); it && !clash; ++it) {
        clash = it.value() != 0 && used[static_cast<std::size_t>(it.row())];
      }
      if (clash) continue;
      groups(j) = group;
      for (SparseMatrix::InnerIterator it(pattern, j); it; ++it) {
        if (it.value() != 0) used[static_cast<std::size_t>(it.row())] = 1;
      }
    }
    ++group;
  }
  return groups;
}

namespace {

// Whether no two columns of a group share a nonzero row.
bool valid_groups(const SparseMatrix& pattern, const IndexVector& groups) {
  std::vector<Index> owner(static_cast<std::size_t>(pattern.rows()) * static_cast<std::size_t>(groups.maxCoeff() + 1),
                           -1);
  for (Index j = 0; j < pattern.cols(); ++j) {
    for (SparseMatrix::InnerIterator it(pattern, j); it; ++it) {
      if (it.value() == 0) continue;
      Index& o = owner[static_cast<std::size_t>(groups(j)) * static_cast<std::size_t>(pattern.rows()) +
                       static_cast<std::size_t>(it.row())];
      if (o >= 0 && o != j) return false;
      o = j;
    }
  }
  return true;
}

// The Jacobian from one (two_point) or two (three_point) evaluations per
// group of structurally orthogonal columns (SciPy's _sparse_difference).
template <class Fun>
Matrix sparse_difference(Fun& fun, const Vector& x0, const Vector& f0, const Steps& s, bool two_point,
                         const SparseMatrix& pattern, const IndexVector& groups) {
  const Index n = x0.size();
  Matrix jac = Matrix::Zero(f0.size(), n);
  const Index n_groups = groups.size() ? groups.maxCoeff() + 1 : 0;
  for (Index g = 0; g < n_groups; ++g) {
    Vector x1 = x0, x2 = x0;
    for (Index j = 0; j < n; ++j) {
      if (groups(j) != g) continue;
      if (two_point) {
        x1(j) = x0(j) + s.h(j);
      } else if (s.one_sided(j)) {
        x1(j) = x0(j) + s.h(j);
        x2(j) = x0(j) + 2 * s.h(j);
      } else {
        x1(j) = x0(j) - s.h(j);
        x2(j) = x0(j) + s.h(j);
      }
    }
    const Vector f1 = fun(x1);
    const Vector f2 = two_point ? Vector() : fun(x2);
    for (Index j = 0; j < n; ++j) {
      if (groups(j) != g) continue;
      for (SparseMatrix::InnerIterator it(pattern, j); it; ++it) {
        if (it.value() == 0) continue;
        const Index i = it.row();
        if (two_point) {
          jac(i, j) = (f1(i) - f0(i)) / (x1(j) - x0(j));
        } else if (s.one_sided(j)) {
          jac(i, j) = (-3.0 * f0(i) + 4.0 * f1(i) - f2(i)) / (x2(j) - x0(j));
        } else {
          jac(i, j) = (f2(i) - f1(i)) / (x2(j) - x1(j));
        }
      }
    }
  }
  return jac;
}

}  // namespace

Matrix approx_derivative(const VectorFunction& fun, const Vector& x0, const FiniteDifferenceOptions& options,
                         const std::optional<Vector>& f0) {
  constexpr const char* kWhere = "approx_derivative";
  const Steps s = steps_for(kWhere, x0, options);
  const bool two_point = options.method == FiniteDifference::two_point;
  const Vector f_at_x0 = f0 ? *f0 : fun(x0);
  const Index m = f_at_x0.size();
  auto checked = [&](const Vector& x) {
    Vector f = fun(x);
    if (f.size() != m) {
      throw ValueError(cat(kWhere, ": fun returned ", f.size(), " values at a step point but ", m, " at x0"));
    }
    return f;
  };
  if (options.sparsity.size() > 0) {
    const SparseMatrix& pattern = options.sparsity;
    if (pattern.rows() != m || pattern.cols() != x0.size()) {
      throw ValueError(
          cat(kWhere, ": sparsity is ", pattern.rows(), " x ", pattern.cols(), ", the Jacobian ", m, " x ", x0.size()));
    }
    const IndexVector groups = options.groups.size() ? options.groups : group_columns(pattern);
    if (groups.size() != x0.size() || (groups.array() < 0).any()) {
      throw ValueError(cat(kWhere, ": groups must hold a group number >= 0 for each of the ", x0.size(), " columns"));
    }
    if (options.groups.size() && !valid_groups(pattern, groups)) {
      throw ValueError(cat(kWhere, ": two columns of one group share a nonzero row of the sparsity pattern"));
    }
    return sparse_difference(checked, x0, f_at_x0, s, two_point, pattern, groups);
  }
  Vector x = x0;
  Matrix jac(m, x0.size());
  for (Index i = 0; i < x0.size(); ++i) jac.col(i) = difference<Vector>(checked, x, x0, s, f_at_x0, i, two_point);
  return jac;
}

Vector approx_fprime(const Objective& fun, const Vector& xk, const Vector& epsilon) {
  return approx_derivative(fun, xk, {.method = FiniteDifference::two_point, .abs_step = epsilon});
}

Vector approx_fprime(const Objective& fun, const Vector& xk) {
  return approx_fprime(fun, xk, Vector::Constant(1, std::sqrt(std::numeric_limits<double>::epsilon())));
}

double check_grad(const Objective& fun, const Gradient& grad, const Vector& x0, double epsilon) {
  const Vector analytic = grad(x0);
  const Vector numeric = approx_fprime(fun, x0, Vector::Constant(1, epsilon));
  if (analytic.size() != numeric.size()) {
    throw ValueError(cat("check_grad: grad returned ", analytic.size(), " values for x0 of size ", x0.size()));
  }
  return (analytic - numeric).norm();
}

}  // namespace scilearn::optimize
