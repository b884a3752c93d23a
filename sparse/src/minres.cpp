// MINRES (Paige & Saunders 1975), following the structure of their Fortran /
// MATLAB code as SciPy 1.17 ports it: a preconditioned Lanczos process, a QR
// factorization of the tridiagonal matrix by rotations, and the stopping tests
// on estimates of ||r||, ||A r||, ||A|| and cond(A).
#include <algorithm>
#include <cmath>
#include <limits>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>

#include "krylov_common.hpp"

namespace scilearn::sparse {

namespace {

// SciPy's `check=True`: with y = M r1, compares (A y)^T (A y) with y^T A (A y),
// and y^T y with r1^T M y, to eps^(1/3) relative (symmetry of A and M).
void check_symmetry(const LinearOperator& A, const std::optional<LinearOperator>& M, const Vector& r1,
                    const Vector& y) {
  const double eps = std::numeric_limits<double>::epsilon();
  const Index n = r1.size();
  Vector w(n), r2(n);
  A.apply(y, w);
  A.apply(w, r2);
  double s = w.dot(w), t = y.dot(r2);
  if (std::abs(s - t) > (s + eps) * std::cbrt(eps)) throw ValueError("minres: A does not look symmetric (check=true)");
  detail::precondition(M, y, r2);
  s = y.dot(y);
  t = r1.dot(r2);
  if (std::abs(s - t) > (s + eps) * std::cbrt(eps)) throw ValueError("minres: M does not look symmetric (check=true)");
}

}  // namespace

KrylovResult minres(const LinearOperator& A, const VectorView& b, const MinresOptions& options) {
  constexpr std::string_view where = "minres";
  detail::check_square_system(where, A, b, options.x0, options.M);
  detail::check_tolerances(where, options.rtol, 0.0, options.maxiter);
  if (!std::isfinite(options.shift)) throw ValueError(cat("minres: shift must be finite, got ", options.shift));
  const Index n = b.size();
  const int maxiter = detail::default_limit(options.maxiter, 5 * n);
  const double rtol = options.rtol;
  constexpr double eps = std::numeric_limits<double>::epsilon();

  Vector x = detail::starting_point(options.x0, n);
  // SciPy takes r1 = b when no x0 was given (even b - A x0 for x0 = 0 would match).
  Vector r1 = options.x0.size() == 0 ? Vector(b) : Vector(b - A.matvec(x));
  Vector y(n);
  detail::precondition(options.M, r1, y);
  double beta1 = r1.dot(y);
  if (beta1 < 0) throw ValueError("minres: the preconditioner M is indefinite (r^T M r < 0)");
  if (beta1 == 0) return detail::finish(std::move(x), 0, 0);
  if (b.norm() == 0) return detail::zero_rhs_result(n);
  beta1 = std::sqrt(beta1);
  if (options.check) check_symmetry(A, options.M, r1, y);

  double oldb = 0, beta = beta1, dbar = 0, epsln = 0, phibar = beta1;
  double tnorm2 = 0, gmax = 0, gmin = std::numeric_limits<double>::max();
  double cs = -1, sn = 0;
  Vector w = Vector::Zero(n), w1(n), w2 = Vector::Zero(n), v(n);
  Vector r2 = r1;
  int istop = 0;
  int itn = 0;
  while (itn < maxiter) {
    ++itn;
    v = y / beta;
    A.apply(v, y);
    if (options.shift != 0) y -= options.shift * v;
    if (itn >= 2) y -= (beta / oldb) * r1;
    const double alfa = v.dot(y);
    y -= (alfa / beta) * r2;
    r1.swap(r2);
    r2 = y;
    detail::precondition(options.M, r2, y);
    oldb = beta;
    beta = r2.dot(y);
    if (beta < 0) throw ValueError("minres: A does not define a symmetric matrix (negative Lanczos beta^2)");
    if (!std::isfinite(beta)) return detail::finish(std::move(x), -10, itn, "the Lanczos vectors are not finite");
    beta = std::sqrt(beta);
    tnorm2 += alfa * alfa + oldb * oldb + beta * beta;
    // beta2 = 0 at the first step: b (if M = I) is an eigenvector; stop after this step.
    if (itn == 1 && beta / beta1 <= 10 * eps) istop = -1;

    // Apply the previous rotation, then compute and apply the next one.
    const double oldeps = epsln;
    const double delta = cs * dbar + sn * alfa;
    const double gbar = sn * dbar - cs * alfa;
    epsln = sn * beta;
    dbar = -cs * beta;
    const double root = std::hypot(gbar, dbar);
    const double gamma = std::max(std::hypot(gbar, beta), eps);
    cs = gbar / gamma;
    sn = beta / gamma;
    const double phi = cs * phibar;
    phibar = sn * phibar;

    // Update x along the new search direction.
    w1.swap(w2);
    w2.swap(w);
    w = (v - oldeps * w1 - delta * w2) / gamma;
    x += phi * w;

    gmax = std::max(gmax, gamma);
    gmin = std::min(gmin, gamma);
    const double a_norm = std::sqrt(tnorm2);
    const double y_norm = x.norm();
    const double epsx = a_norm * y_norm * eps;
    const double r_norm = phibar;
    const double test1 = (y_norm == 0 || a_norm == 0) ? std::numeric_limits<double>::infinity()
                                                      : r_norm / (a_norm * y_norm);  // ||r|| / (||A|| ||x||)
    const double test2 =
        a_norm == 0 ? std::numeric_limits<double>::infinity() : root / a_norm;  // ||A r|| / (||A|| ||r||)
    const double a_cond = gmax / gmin;
    if (istop == 0) {
      // The same order of tests as Paige & Saunders: later ones take precedence.
      if (1 + test2 <= 1) istop = 2;
      if (1 + test1 <= 1) istop = 1;
      if (itn >= maxiter) istop = 6;
      if (a_cond >= 0.1 / eps) istop = 4;
      if (epsx >= beta1) istop = 3;
      if (test2 <= rtol) istop = 2;
      if (test1 <= rtol) istop = 1;
    }
    if (options.callback) options.callback(x);
    if (istop != 0) break;
  }
  return detail::finish(std::move(x), istop == 6 ? maxiter : 0, itn);
}

}  // namespace scilearn::sparse
