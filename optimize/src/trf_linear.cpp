// lsq_linear(method = trf): the Trust Region Reflective method for linear
// least squares, as SciPy's trf_linear runs it (Branch, Coleman and Li 1999,
// with the subproblem solved exactly: a pivoted QR of A once, then per
// iteration Givens rotations that fold in the Coleman-Li scaling).
#include <Eigen/Jacobi>
#include <Eigen/QR>
#include <cmath>
#include <limits>

#include "box_steps.hpp"
#include "lsq_linear_methods.hpp"
#include "trf.hpp"

namespace scilearn::optimize::detail {

namespace {

// Reflects y into [lb, ub] across the bounds it crossed (as often as needed).
Vector reflective_transformation(const Vector& y, const Vector& lb, const Vector& ub) {
  if (in_bounds(y, lb, ub)) return y;
  Vector x = y;
  for (Index i = 0; i < y.size(); ++i) {
    const bool lf = std::isfinite(lb(i)), uf = std::isfinite(ub(i));
    if (lf && !uf) {
      x(i) = std::max(y(i), 2 * lb(i) - y(i));
    } else if (!lf && uf) {
      x(i) = std::min(y(i), 2 * ub(i) - y(i));
    } else if (lf && uf) {
      const double d = ub(i) - lb(i);
      double t = std::fmod(y(i) - lb(i), 2 * d);
      if (t < 0) t += 2 * d;  // Python's remainder takes the divisor's sign
      x(i) = lb(i) + std::min(t, 2 * d - t);
    }
  }
  return x;
}

// min ||R x - v||^2 + ||diag(d) x||^2 for the n x n upper triangular R of
// A P = Q R (v = Q' r): Givens rotations fold diag(d) into R (as MINPACK's
// qrsolv), then columns whose diagonal falls below eps max(m, n) max|R_jj| are
// dropped and the triangle solved; x is returned in A's column order.
Vector regularized_lsq(Index m, Index n, Matrix r, Vector v, const Eigen::VectorXi& perm, const Vector& d_perm) {
  for (Index i = 0; i < n; ++i) {
    if (d_perm(i) == 0) continue;
    Vector row = Vector::Zero(n);
    row(i) = d_perm(i);
    double u = 0;
    for (Index j = i; j < n; ++j) {
      if (row(j) == 0) continue;
      Eigen::JacobiRotation<double> rot;
      rot.makeGivens(r(j, j), row(j));
      // Rotate (R's row j, row) so that row(j) becomes 0, and (v(j), u) alike.
      for (Index k = j; k < n; ++k) {
        const double a = r(j, k), b = row(k);
        r(j, k) = rot.c() * a - rot.s() * b;
        row(k) = rot.s() * a + rot.c() * b;
      }
      const double a = v(j), b = u;
      v(j) = rot.c() * a - rot.s() * b;
      u = rot.s() * a + rot.c() * b;
    }
  }
  const Vector abs_diag = r.diagonal().cwiseAbs();
  const double threshold =
      std::numeric_limits<double>::epsilon() * static_cast<double>(std::max(m, n)) * abs_diag.maxCoeff();
  std::vector<Index> keep;
  for (Index j = 0; j < n; ++j) {
    if (abs_diag(j) > threshold) keep.push_back(j);
  }
  const auto k = static_cast<Index>(keep.size());
  Matrix rk(k, k);
  Vector vk(k);
  for (Index a = 0; a < k; ++a) {
    vk(a) = v(keep[a]);
    for (Index b = 0; b < k; ++b) rk(a, b) = r(keep[a], keep[b]);
  }
  const Vector y = rk.triangularView<Eigen::Upper>().solve(vk);
  Vector x = Vector::Zero(n);
  for (Index a = 0; a < k; ++a) x(perm(keep[a])) = y(a);
  return x;
}

// SciPy's select_step of trf_linear: the best of the step cut at the first
// bound, its reflection and the scaled steepest-descent step.
Vector select_step(const Vector& x, const Matrix& a_h, const Vector& g_h, const Vector& c_h, Vector p, Vector p_h,
                   const Vector& d, const Vector& lb, const Vector& ub, double theta) {
  if (in_bounds(x + p, lb, ub)) return p;
  const auto [p_stride, hits] = step_size_to_bound(x, p, lb, ub);
  Vector r_h = p_h;
  for (Index i = 0; i < r_h.size(); ++i) {
    if (hits(i) != 0) r_h(i) = -r_h(i);
  }
  Vector r = d.cwiseProduct(r_h);
  p *= p_stride;
  p_h *= p_stride;
  const Vector x_on_bound = x + p;
  double r_stride_u = step_size_to_bound(x_on_bound, r, lb, ub).first;
  const double r_stride_l = (1 - theta) * r_stride_u;
  r_stride_u *= theta;
  double r_value = std::numeric_limits<double>::infinity();
  if (r_stride_u > 0) {
    const auto [t, value] = minimize_quadratic_1d(quadratic_1d(a_h, g_h, r_h, c_h, p_h), r_stride_l, r_stride_u);
    r_value = value;
    r_h = p_h + r_h * t;
    r = d.cwiseProduct(r_h);
  }
  p_h *= theta;
  p *= theta;
  const double p_value = evaluate_quadratic(a_h, g_h, p_h, c_h);
  const Vector ag_h = -g_h;
  Vector ag = d.cwiseProduct(ag_h);
  const double ag_stride_u = theta * step_size_to_bound(x, ag, lb, ub).first;
  const auto [ag_stride, ag_value] =
      minimize_quadratic_1d(quadratic_1d(a_h, g_h, ag_h, c_h, std::nullopt), 0, ag_stride_u);
  ag *= ag_stride;
  if (p_value < r_value && p_value < ag_value) return p;
  if (r_value < p_value && r_value < ag_value) return r;
  return ag;
}

}  // namespace

LsqLinearResult trf_linear(const Matrix& a, const Vector& b, const Vector& x_lsq, const Vector& lb, const Vector& ub,
                           double tol, int max_iter) {
  const Index m = a.rows(), n = a.cols(), k = std::min(m, n);
  Vector x = make_strictly_feasible(reflective_transformation(x_lsq, lb, ub), lb, ub, 0.1);
  const Eigen::ColPivHouseholderQR<Matrix> qr(a);
  const Matrix qt = (qr.householderQ() * Matrix::Identity(m, k)).transpose();
  Matrix r_full = Matrix::Zero(n, n);  // R padded with zero rows when m < n
  r_full.topRows(k) = qr.matrixR().topRows(k).triangularView<Eigen::Upper>();
  const Eigen::VectorXi perm = qr.colsPermutation().indices();
  Vector r = a * x - b;
  Vector g = a.transpose() * r;
  double cost = 0.5 * r.squaredNorm();
  std::optional<int> status;
  double g_norm = 0;
  int iteration = 0;
  for (; iteration < max_iter; ++iteration) {
    Vector v, dv;
    cl_scaling(x, g, lb, ub, v, dv);
    g_norm = g.cwiseProduct(v).cwiseAbs().maxCoeff();
    if (g_norm < tol) status = 1;
    if (status) break;
    const Vector diag_h = g.cwiseProduct(dv);
    const Vector diag_root_h = diag_h.cwiseSqrt();
    const Vector d = v.cwiseSqrt();
    const Vector g_h = d.cwiseProduct(g);
    const Matrix a_h = a * d.asDiagonal();
    Vector qtr = Vector::Zero(n);
    qtr.head(k) = qt * r;
    Matrix r_scaled = r_full;
    Vector d_perm(n), diag_perm(n);
    for (Index j = 0; j < n; ++j) {
      r_scaled.col(j) *= d(perm(j));
      diag_perm(j) = diag_root_h(perm(j));
    }
    const Vector p_h = -regularized_lsq(m, n, r_scaled, qtr, perm, diag_perm);
    const Vector p = d.cwiseProduct(p_h);
    const double p_dot_g = p.dot(g);
    if (p_dot_g > 0) status = -1;
    const double theta = 1 - std::min(0.005, g_norm);
    Vector step = select_step(x, a_h, g_h, diag_h, p, p_h, d, lb, ub, theta);
    double cost_change = -evaluate_quadratic(a, g, step, Vector());
    if (cost_change < 0) {
      // Backtracking along the reflected path until the model decreases
      // enough, then a step back from any bound it reached. (SciPy's
      // backtracking returns the old x, so its iteration makes no progress;
      // here the step is taken.)
      double alpha = 1;
      Vector x_new;
      for (;;) {
        x_new = reflective_transformation(x + alpha * p, lb, ub);
        step = x_new - x;
        cost_change = -evaluate_quadratic(a, g, step, Vector());
        if (cost_change > -0.1 * alpha * p_dot_g) break;
        alpha *= 0.5;
      }
      if ((find_active_constraints(x_new, lb, ub, 1e-10).array() != 0).any()) {
        x_new = make_strictly_feasible(reflective_transformation(x + theta * alpha * p, lb, ub), lb, ub, 0);
        step = x_new - x;
        cost_change = -evaluate_quadratic(a, g, step, Vector());
      }
      x = x_new;
    } else {
      x = make_strictly_feasible(x + step, lb, ub, 0);
    }
    r = a * x - b;
    g = a.transpose() * r;
    if (cost_change < tol * cost) status = 2;
    cost = 0.5 * r.squaredNorm();
  }
  if (!status && iteration == max_iter) iteration = max_iter - 1;  // as Python's for loop leaves its variable
  LsqLinearResult out;
  out.x = x;
  out.fun = r;
  out.cost = cost;
  out.optimality = g_norm;
  out.active_mask = find_active_constraints(x, lb, ub, tol);
  out.nit = iteration + 1;
  out.status = status.value_or(0);
  return out;
}

}  // namespace scilearn::optimize::detail
