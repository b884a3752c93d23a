// The trust_exact subproblem: Moré and Sorensen's iteration on lambda with
// Cholesky factorizations of H + lambda I, as SciPy's IterativeSubproblem
// (scipy/optimize/_trustregion_exact.py; Conn, Gould and Toint 2000,
// Alg. 7.3.6), including its estimates and safeguards.
#include <cmath>
#include <limits>
#include <scilearn/linalg/cholesky.hpp>

#include "trust_region.hpp"

namespace scilearn::optimize::detail {

namespace {

constexpr double kUpdateCoeff = 0.01;  // SciPy's UPDATE_COEFF
constexpr double kEasy = 0.1, kHard = 0.2;

// Upper Cholesky factor of a (clean: zero below the diagonal); the order of
// the first leading minor that is not positive, or 0.
Index factor(const Matrix& a, Matrix& u) {
  u = a;
  return linalg::detail::cholesky_in_place("minimize", u, {.lower = false, .check_finite = false}, true, nullptr);
}

// An estimate of the smallest singular value of the upper triangular u and
// its right singular vector (Cline, Moler, Stewart and Wilkinson 1979).
std::pair<double, Vector> smallest_singular_value(const Matrix& u) {
  const Index n = u.rows();
  Vector p = Vector::Zero(n), w(n);
  for (Index k = 0; k < n; ++k) {
    const double wp = (1 - p(k)) / u(k, k), wm = (-1 - p(k)) / u(k, k);
    const Index rest = n - k - 1;
    const Vector pp = p.tail(rest) + u.row(k).tail(rest).transpose() * wp;
    const Vector pm = p.tail(rest) + u.row(k).tail(rest).transpose() * wm;
    if (std::abs(wp) + pp.lpNorm<1>() >= std::abs(wm) + pm.lpNorm<1>()) {
      w(k) = wp;
      p.tail(rest) = pp;
    } else {
      w(k) = wm;
      p.tail(rest) = pm;
    }
  }
  const Vector v = u.triangularView<Eigen::Upper>().solve(w);
  return {w.norm() / v.norm(), v / v.norm()};
}

// Where the factorization of a broke down at order k: delta such that
// a + delta e_k e_k^T is singular, and v with (a + delta e_k e_k^T) v = 0.
std::pair<double, Vector> singular_leading_submatrix(const Matrix& a, const Matrix& u, Index k) {
  const Index n = a.rows();
  const double delta = u.col(k - 1).head(k - 1).squaredNorm() - a(k - 1, k - 1);
  Vector v = Vector::Zero(n);
  v(k - 1) = 1;
  if (k != 1) {
    v.head(k - 1) = u.topLeftCorner(k - 1, k - 1).triangularView<Eigen::Upper>().solve(-u.col(k - 1).head(k - 1));
  }
  return {delta, v};
}

double safeguarded(double lambda_lb, double lambda_ub) {
  return std::max(std::sqrt(std::abs(lambda_lb * lambda_ub)), lambda_lb + kUpdateCoeff * (lambda_ub - lambda_lb));
}

}  // namespace

std::optional<TrustRegionStep> solve_exact(QuadraticModel& m, double radius, int maxiter) {
  const Matrix& h = m.hess();
  const Index n = h.rows();
  const Vector& g = m.jac();
  const double g_mag = m.jac_mag();
  // Gershgorin bounds on H's eigenvalues, and its norms.
  const Vector diag = h.diagonal();
  const Vector row_sums = h.cwiseAbs().rowwise().sum();
  const double gershgorin_lb = (diag + diag.cwiseAbs() - row_sums).minCoeff();
  const double gershgorin_ub = (diag - diag.cwiseAbs() + row_sums).maxCoeff();
  const double h_inf = row_sums.maxCoeff(), h_fro = h.norm();
  const double close_to_zero = static_cast<double>(n) * std::numeric_limits<double>::epsilon() * h_inf;

  double lambda_ub = std::max(0.0, g_mag / radius + std::min({-gershgorin_lb, h_fro, h_inf}));
  double lambda_lb =
      std::max({0.0, -diag.minCoeff(), g_mag / radius - std::min({gershgorin_ub, h_fro, h_inf})});
  if (radius < m.previous_radius) lambda_lb = std::max(m.lambda_lb, lambda_lb);
  double lambda = lambda_lb == 0 ? 0.0 : safeguarded(lambda_lb, lambda_ub);

  std::optional<TrustRegionStep> step;
  Matrix hl, u;
  Index info = 0;
  bool already_factorized = false;
  for (int iter = 0; iter < maxiter; ++iter) {
    if (already_factorized) {
      already_factorized = false;
    } else {
      hl = h;
      hl.diagonal().array() += lambda;
      info = factor(hl, u);
    }
    if (info == 0 && g_mag > close_to_zero) {
      const auto ut = u.triangularView<Eigen::Upper>();
      const auto lt = u.transpose().triangularView<Eigen::Lower>();
      Vector p = ut.solve(lt.solve(-g));
      const double p_norm = p.norm();
      if (p_norm <= radius && lambda == 0) {  // the Newton step lies inside
        step = TrustRegionStep{std::move(p), false};
        break;
      }
      const Vector w = lt.solve(p);
      const double w_norm = w.norm();
      const double lambda_new = lambda + (p_norm / w_norm) * (p_norm / w_norm) * (p_norm - radius) / radius;
      if (p_norm < radius) {  // inside: move to the boundary along an approximate null vector
        const auto [s_min, z_min] = smallest_singular_value(u);
        const auto [ta, tb] = boundary_intersections(p, z_min, radius);
        const double step_len = std::abs(ta) <= std::abs(tb) ? ta : tb;
        const double quadratic_term = p.dot(hl * p);
        const double relative_error = step_len * step_len * s_min * s_min / (quadratic_term + lambda * radius * radius);
        step = TrustRegionStep{p, true};
        if (relative_error <= kHard) {
          step->p += step_len * z_min;
          break;
        }
        lambda_ub = lambda;
        lambda_lb = std::max(lambda_lb, lambda - s_min * s_min);
        hl = h;
        hl.diagonal().array() += lambda_new;
        Matrix c;
        if (factor(hl, c) == 0) {
          lambda = lambda_new;
          u = std::move(c);
          info = 0;
          already_factorized = true;
        } else {
          lambda_lb = std::max(lambda_lb, lambda_new);
          lambda = safeguarded(lambda_lb, lambda_ub);
        }
      } else {  // outside: Newton's step on lambda
        step = TrustRegionStep{std::move(p), true};
        if (std::abs(p_norm - radius) / radius <= kEasy) break;
        lambda_lb = lambda;
        lambda = lambda_new;
      }
    } else if (info == 0) {  // g is (numerically) zero
      if (lambda == 0) {
        step = TrustRegionStep{Vector::Zero(n), false};
        break;
      }
      const auto [s_min, z_min] = smallest_singular_value(u);
      step = TrustRegionStep{radius * z_min, true};
      if (radius * radius * s_min * s_min <= kHard * lambda * radius * radius) break;
      lambda_ub = lambda;
      lambda_lb = std::max(lambda_lb, lambda - s_min * s_min);
      lambda = safeguarded(lambda_lb, lambda_ub);
    } else {  // H + lambda I is not positive definite: raise lambda
      const auto [delta, v] = singular_leading_submatrix(hl, u, info);
      lambda_lb = std::max(lambda_lb, lambda + delta / v.squaredNorm());
      lambda = safeguarded(lambda_lb, lambda_ub);
    }
  }
  m.lambda_lb = lambda_lb;
  m.previous_radius = radius;
  return step;
}

}  // namespace scilearn::optimize::detail
