#include "box_steps.hpp"

#include <cmath>
#include <limits>
#include <vector>

namespace scilearn::optimize::detail {

namespace {
constexpr double kInf = std::numeric_limits<double>::infinity();
}  // namespace

void cl_scaling(const Vector& x, const Vector& g, const Vector& lb, const Vector& ub, Vector& v, Vector& dv) {
  const Index n = x.size();
  v = Vector::Ones(n);
  dv = Vector::Zero(n);
  for (Index i = 0; i < n; ++i) {
    if (g(i) < 0 && std::isfinite(ub(i))) {
      v(i) = ub(i) - x(i);
      dv(i) = -1;
    }
    if (g(i) > 0 && std::isfinite(lb(i))) {
      v(i) = x(i) - lb(i);
      dv(i) = 1;
    }
  }
}

bool in_bounds(const Vector& x, const Vector& lb, const Vector& ub) {
  return (x.array() >= lb.array()).all() && (x.array() <= ub.array()).all();
}

std::pair<double, Vector> step_size_to_bound(const Vector& x, const Vector& s, const Vector& lb, const Vector& ub) {
  Vector steps = Vector::Constant(x.size(), kInf);
  for (Index i = 0; i < x.size(); ++i) {
    if (s(i) != 0) steps(i) = std::max((lb(i) - x(i)) / s(i), (ub(i) - x(i)) / s(i));
  }
  const double min_step = steps.minCoeff();
  Vector hits = Vector::Zero(x.size());
  for (Index i = 0; i < x.size(); ++i) {
    if (steps(i) == min_step) hits(i) = s(i) > 0 ? 1.0 : (s(i) < 0 ? -1.0 : 0.0);
  }
  return {min_step, hits};
}

namespace {
// s' diag s, 0 for an empty diag.
double weighted(const Vector& s, const Vector& diag, const Vector& t) {
  return diag.size() == 0 ? 0.0 : s.cwiseProduct(diag).dot(t);
}
}  // namespace

double evaluate_quadratic(const Matrix& j, const Vector& g, const Vector& s, const Vector& diag) {
  return 0.5 * ((j * s).squaredNorm() + weighted(s, diag, s)) + s.dot(g);
}

Quadratic1d quadratic_1d(const Matrix& j, const Vector& g, const Vector& s, const Vector& diag,
                         const std::optional<Vector>& s0) {
  const Vector v = j * s;
  const double a = 0.5 * (v.squaredNorm() + weighted(s, diag, s));
  double b = g.dot(s), c = 0;
  if (s0) {
    const Vector u = j * *s0;
    b += u.dot(v) + weighted(*s0, diag, s);
    c = 0.5 * u.squaredNorm() + g.dot(*s0) + 0.5 * weighted(*s0, diag, *s0);
  }
  return {a, b, c};
}

std::pair<double, double> minimize_quadratic_1d(const Quadratic1d& q, double lo, double hi) {
  std::vector<double> t{lo, hi};
  if (q.a != 0) {
    const double extremum = -0.5 * q.b / q.a;
    if (lo < extremum && extremum < hi) t.push_back(extremum);
  }
  double best_t = t[0], best = t[0] * (q.a * t[0] + q.b) + q.c;
  for (std::size_t k = 1; k < t.size(); ++k) {
    const double y = t[k] * (q.a * t[k] + q.b) + q.c;
    if (y < best) {
      best = y;
      best_t = t[k];
    }
  }
  return {best_t, best};
}

}  // namespace scilearn::optimize::detail
