// The equality-constrained SQP of trust_constr and its pieces: projections,
// the normal step (a dogleg on the linearized constraints), the tangential
// step (projected CG), as SciPy's equality_constrained_sqp.py,
// projections.py and qp_subproblem.py do them.
#include <Eigen/QR>
#include <Eigen/SVD>
#include <cmath>
#include <limits>

#include "trust_constr.hpp"

namespace scilearn::optimize::detail {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// A x and A^T y, also for an A without rows (no constraints), which the BLAS
// behind Eigen's products rejects.
Vector times(const Matrix& a, const Vector& x) { return a.rows() == 0 ? Vector() : Vector(a * x); }
Vector times_transposed(const Matrix& a, const Vector& y) {
  return a.rows() == 0 ? Vector(Vector::Zero(a.cols())) : Vector(a.transpose() * y);
}

// |A g| / (|A|_F |g|): how far g is from A's null space.
double orthogonality(const Matrix& a, const Vector& g) {
  const double norm_g = g.norm(), norm_a = a.norm();
  if (norm_g == 0 || norm_a == 0) return 0;
  return (a * g).norm() / (norm_a * norm_g);
}

// Z x with up to three refinements while the result is not orthogonal to
// A's rows to 1e-12 (SciPy's orth_tol, max_refin).
template <class Solve>
Vector refined_null_space(const Matrix& a, const Vector& x, const Solve& multipliers) {
  Vector z = x - a.transpose() * multipliers(x);
  for (int k = 0; k < 3 && orthogonality(a, z) > 1e-12; ++k) z -= a.transpose() * multipliers(z);
  return z;
}

Projections svd_projections(const Matrix& a) {
  const Eigen::JacobiSVD<Matrix> svd(a, Eigen::ComputeThinU | Eigen::ComputeThinV);
  Index r = 0;
  while (r < svd.singularValues().size() && svd.singularValues()(r) > 1e-15) ++r;
  const Matrix u = svd.matrixU().leftCols(r), v = svd.matrixV().leftCols(r);
  const Vector s = svd.singularValues().head(r);
  const auto ls = [a, u, v, s](const Vector& x) -> Vector { return u * (v.transpose() * x).cwiseQuotient(s); };
  return {[a, ls](const Vector& x) { return refined_null_space(a, x, ls); }, ls,
          [u, v, s](const Vector& b) -> Vector { return v * (u.transpose() * b).cwiseQuotient(s); }};
}

}  // namespace

Projections projections(const Matrix& a) {
  const Index m = a.rows(), n = a.cols();
  if (m == 0) {  // nothing to project out
    return {[](const Vector& x) { return x; }, [](const Vector&) { return Vector(); },
            [n](const Vector&) -> Vector { return Vector::Zero(n); }};
  }
  const Eigen::ColPivHouseholderQR<Matrix> qr(a.transpose());
  if (m > n) return svd_projections(a);
  const Matrix r = qr.matrixR().topRows(m).triangularView<Eigen::Upper>();
  if (r.row(m - 1).cwiseAbs().maxCoeff() < 1e-15) return svd_projections(a);  // A rank deficient
  const Matrix q = qr.householderQ() * Matrix::Identity(n, m);
  const auto perm = qr.colsPermutation();
  // A^T P = Q R, so A A^T = P R^T R P^T and LS x = P R^-1 Q^T x.
  const auto ls = [q, r, perm](const Vector& x) -> Vector {
    return perm * Vector(r.triangularView<Eigen::Upper>().solve(q.transpose() * x));
  };
  return {[a, ls](const Vector& x) { return refined_null_space(a, x, ls); }, ls,
          [q, r, perm](const Vector& b) -> Vector {
            return q * Vector(r.transpose().triangularView<Eigen::Lower>().solve(perm.transpose() * b));
          }};
}

namespace {

struct Interval {
  double ta = 0, tb = 0;
  bool intersect = false;
};

// Where z + t d meets the sphere |.| <= radius: t in [ta, tb] (within
// [0, 1] unless entire_line).
Interval sphere_intersections(const Vector& z, const Vector& d, double radius, bool entire_line) {
  if (d.norm() == 0) return {};
  if (std::isinf(radius)) return entire_line ? Interval{-kInf, kInf, true} : Interval{0, 1, true};
  const double a = d.dot(d), b = 2 * z.dot(d), c = z.dot(z) - radius * radius;
  const double discriminant = b * b - 4 * a * c;
  if (discriminant < 0) return {};
  const double aux = b + std::copysign(std::sqrt(discriminant), b);
  double ta = -aux / (2 * a), tb = -2 * c / aux;
  if (ta > tb) std::swap(ta, tb);
  if (entire_line) return {ta, tb, true};
  if (tb < 0 || ta > 1) return {};
  return {std::max(0.0, ta), std::min(1.0, tb), true};
}

// Where z + t d stays in the box [lb, ub].
Interval box_intersections(const Vector& z, const Vector& d, const Vector& lb, const Vector& ub, bool entire_line) {
  if (d.norm() == 0) return {};
  double ta = -kInf, tb = kInf;
  for (Index i = 0; i < z.size(); ++i) {
    if (d(i) == 0) {
      if (z(i) < lb(i) || z(i) > ub(i)) return {};
      continue;
    }
    const double t_lb = (lb(i) - z(i)) / d(i), t_ub = (ub(i) - z(i)) / d(i);
    ta = std::max(ta, std::min(t_lb, t_ub));
    tb = std::min(tb, std::max(t_lb, t_ub));
  }
  const bool intersect = ta <= tb;
  if (entire_line) return {ta, tb, intersect};
  if (tb < 0 || ta > 1) return {};
  return {std::max(0.0, ta), std::min(1.0, tb), intersect};
}

Interval box_sphere_intersections(const Vector& z, const Vector& d, const Vector& lb, const Vector& ub, double radius,
                                  bool entire_line = false) {
  const Interval b = box_intersections(z, d, lb, ub, entire_line);
  const Interval s = sphere_intersections(z, d, radius, entire_line);
  const double ta = std::max(b.ta, s.ta), tb = std::min(b.tb, s.tb);
  return {ta, tb, b.intersect && s.intersect && ta <= tb};
}

bool inside_box(const Vector& x, const Vector& lb, const Vector& ub) {
  return (x.array() >= lb.array()).all() && (x.array() <= ub.array()).all();
}

Vector clipped(const Vector& x, const Vector& lb, const Vector& ub) { return x.cwiseMax(lb).cwiseMin(ub); }

// The normal step: approximately minimize |A x + b| within the sphere and
// the box, by a dogleg between the Cauchy and the least-norm Newton point.
Vector modified_dogleg(const Matrix& a, const Operator& y, const Vector& b, double radius, const Vector& lb,
                       const Vector& ub) {
  const Vector newton = -y(b);
  if (inside_box(newton, lb, ub) && newton.norm() <= radius) return newton;
  const Vector g = a.transpose() * b;
  const Vector ag = a * g;
  const Vector cauchy = -(g.dot(g) / ag.dot(ag)) * g;
  const Vector origin = Vector::Zero(cauchy.size());
  Vector x1;
  const Interval first = box_sphere_intersections(cauchy, newton - cauchy, lb, ub, radius);
  if (first.intersect) {
    x1 = cauchy + first.tb * (newton - cauchy);
  } else {
    x1 = box_sphere_intersections(origin, cauchy, lb, ub, radius).tb * cauchy;
  }
  const Vector x2 = box_sphere_intersections(origin, newton, lb, ub, radius).tb * newton;
  return (a * x1 + b).norm() < (a * x2 + b).norm() ? x1 : x2;
}

// The tangential step: CG on min c.x + x.H.x / 2 in the null space of the
// constraints (A x = -b stays as the normal step left it), truncated at the
// sphere and the box (Gould, Hribar and Nocedal 2001).
std::pair<Vector, CgInfo> projected_cg(const Operator& h, const Vector& c, const Operator& z_op, const Operator& y,
                                       const Vector& b, double radius, const Vector& lb, const Vector& ub) {
  constexpr double kCloseToZero = 1e-25;
  const Index n = c.size(), m = b.size();
  Vector x = y(-b);
  Vector r = z_op(h(x) + c);
  Vector g = z_op(r);
  Vector p = -g;
  Vector hp = h(p);
  double rt_g = g.squaredNorm();
  // x is Y(0) = 0 here (b is 0), so the distance is the radius itself.
  if (radius - x.norm() < kCloseToZero) return {x, {0, 2, true}};
  const double tol = std::max(std::min(0.01 * std::sqrt(rt_g), 0.1 * rt_g), kCloseToZero);
  const Index max_iter = n - m;
  bool hits_boundary = false;
  int stop_cond = 1, counter = 0, k = 0;
  Vector last_feasible_x = Vector::Zero(n);
  for (Index i = 0; i < max_iter; ++i) {
    if (rt_g < tol) {
      stop_cond = 4;
      break;
    }
    ++k;
    const double pt_hp = hp.dot(p);
    if (pt_hp <= 0) {  // negative curvature: to the boundary along p
      const Interval t = box_sphere_intersections(x, p, lb, ub, radius, true);
      if (t.intersect) x += t.tb * p;
      x = clipped(x, lb, ub);
      stop_cond = 3;
      hits_boundary = true;
      break;
    }
    const double alpha = rt_g / pt_hp;
    const Vector x_next = x + alpha * p;
    if (x_next.norm() >= radius) {
      const Interval t = box_sphere_intersections(x, alpha * p, lb, ub, radius);
      if (t.intersect) x += t.tb * alpha * p;
      x = clipped(x, lb, ub);
      stop_cond = 2;
      hits_boundary = true;
      break;
    }
    counter = inside_box(x_next, lb, ub) ? 0 : counter + 1;
    if (counter > 0) {
      const Interval t = box_sphere_intersections(x, alpha * p, lb, ub, radius);
      if (t.intersect) {
        last_feasible_x = clipped(x + t.tb * alpha * p, lb, ub);
        counter = 0;
      }
    }
    if (counter > max_iter) break;
    const Vector r_next = r + alpha * hp;
    const Vector g_next = z_op(r_next);
    const double rt_g_next = g_next.squaredNorm();
    p = -g_next + (rt_g_next / rt_g) * p;
    x = x_next;
    g = g_next;
    r = g_next;
    rt_g = g.squaredNorm();
    hp = h(p);
  }
  if (!inside_box(x, lb, ub)) {
    x = last_feasible_x;
    hits_boundary = true;
  }
  return {x, {k, stop_cond, hits_boundary}};
}

}  // namespace

Vector equality_constrained_sqp(const SqpProblem& problem, const Vector& x0, double f0, const Vector& g0,
                                const Vector& c0, const Matrix& a0, double initial_penalty,
                                double initial_trust_radius, const Vector& trust_lb_given,
                                const Vector& trust_ub_given) {
  // Lalee, Nocedal and Plantenga (1998) and Byrd, Hribar and Nocedal (1999).
  constexpr double kPenaltyFactor = 0.3, kLargeReduction = 0.9, kIntermediaryReduction = 0.3,
                   kSufficientReduction = 1e-8, kEnlargeLarge = 7.0, kEnlargeSmall = 2.0,
                   kMaxTrustReduction = 0.5, kMinTrustReduction = 0.1, kSocThreshold = 0.1, kTrFactor = 0.8,
                   kBoxFactor = 0.5;
  const Index n = x0.size();
  const Vector trust_lb = trust_lb_given.size() ? trust_lb_given : Vector::Constant(n, -kInf);
  const Vector trust_ub = trust_ub_given.size() ? trust_ub_given : Vector::Constant(n, kInf);
  const auto scale = [&](const Vector& x, const Vector& d) -> Vector {
    return problem.scaling ? Vector(problem.scaling(x).cwiseProduct(d)) : d;
  };
  Vector x = x0, g = g0, b = c0;
  Matrix a = a0;
  double f = f0, radius = initial_trust_radius, penalty = initial_penalty;
  Projections proj = projections(a);
  Vector v = -proj.least_squares(g);
  Operator h = problem.lagrangian_hess(x, v);
  double optimality = (g + times_transposed(a, v)).cwiseAbs().maxCoeff();
  double violation = b.size() > 0 ? b.cwiseAbs().maxCoeff() : 0.0;
  CgInfo cg;
  bool last_failed = false;
  while (!problem.stop(x, last_failed, optimality, violation, radius, penalty, cg)) {
    const Vector dn = modified_dogleg(a, proj.row_space, b, kTrFactor * radius, kBoxFactor * trust_lb,
                                      kBoxFactor * trust_ub);
    const Vector c_t = h(dn) + g;
    const double radius_t = std::sqrt(radius * radius - dn.squaredNorm());
    Vector dt;
    std::tie(dt, cg) = projected_cg(h, c_t, proj.null_space, proj.row_space, Vector::Zero(b.size()), radius_t,
                                    trust_lb - dn, trust_ub - dn);
    const Vector d = dn + dt;
    const double quadratic_model = 0.5 * h(d).dot(d) + g.dot(d);
    const double vpred = std::max(1e-16, b.norm() - (times(a, d) + b).norm());
    const double previous_penalty = penalty;
    if (quadratic_model > 0) penalty = std::max(penalty, quadratic_model / ((1 - kPenaltyFactor) * vpred));
    const double predicted_reduction = -quadratic_model + penalty * vpred;
    const double merit = f + penalty * b.norm();
    Vector x_next = x + scale(x, d);
    auto [f_next, b_next] = problem.fun_and_constr(x_next);
    double reduction_ratio = (merit - (f_next + penalty * b_next.norm())) / predicted_reduction;
    // Second-order correction when the step is mostly tangential and failed.
    if (reduction_ratio < kSufficientReduction && dn.norm() <= kSocThreshold * dt.norm()) {
      const Vector y = -proj.row_space(b_next);
      const Interval t = box_intersections(d, y, trust_lb, trust_ub, false);
      const Vector x_soc = x + scale(x, d + t.tb * y);
      auto [f_soc, b_soc] = problem.fun_and_constr(x_soc);
      const double ratio_soc = (merit - (f_soc + penalty * b_soc.norm())) / predicted_reduction;
      if (t.intersect && ratio_soc >= kSufficientReduction) {
        x_next = x_soc;
        f_next = f_soc;
        b_next = b_soc;
        reduction_ratio = ratio_soc;
      }
    }
    if (reduction_ratio >= kLargeReduction) {
      radius = std::max(kEnlargeLarge * d.norm(), radius);
    } else if (reduction_ratio >= kIntermediaryReduction) {
      radius = std::max(kEnlargeSmall * d.norm(), radius);
    } else if (reduction_ratio < kSufficientReduction) {
      const double reduced = (1 - kSufficientReduction) / (1 - reduction_ratio) * d.norm();
      if (reduced >= kMaxTrustReduction * radius) {
        radius *= kMaxTrustReduction;
      } else if (reduced >= kMinTrustReduction * radius) {
        radius = reduced;
      } else {
        radius *= kMinTrustReduction;
      }
    }
    if (reduction_ratio >= kSufficientReduction) {
      x = x_next;
      f = f_next;
      b = b_next;
      std::tie(g, a) = problem.grad_and_jac(x);
      proj = projections(a);
      v = -proj.least_squares(g);
      h = problem.lagrangian_hess(x, v);
      last_failed = false;
      optimality = (g + times_transposed(a, v)).cwiseAbs().maxCoeff();
      violation = b.size() > 0 ? b.cwiseAbs().maxCoeff() : 0.0;
    } else {
      penalty = previous_penalty;
      last_failed = true;
    }
  }
  return x;
}

}  // namespace scilearn::optimize::detail
