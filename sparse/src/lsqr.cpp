// LSQR (Paige & Saunders, ACM TOMS 8, 1982), following the recurrences and
// stopping tests of their algorithm as SciPy 1.17 implements it.
#include <cmath>
#include <limits>
#include <scilearn/sparse/lsqr.hpp>

#include "krylov_common.hpp"
#include "least_squares_common.hpp"

namespace scilearn::sparse {

LsqrResult lsqr(const LinearOperator& A, const VectorView& b, const LsqrOptions& options) {
  const double damp = options.damp, atol = options.atol, btol = options.btol;
  detail::check_least_squares("lsqr", A, b, options.x0, damp, atol, btol, options.conlim, options.iter_lim);
  const Index m = A.rows(), n = A.cols();
  const int iter_lim = detail::default_limit(options.iter_lim, 2 * n);
  constexpr double eps = std::numeric_limits<double>::epsilon();
  const double ctol = options.conlim > 0 ? 1 / options.conlim : 0;
  const double dampsq = damp * damp;

  LsqrResult res;
  res.var = Vector::Zero(n);
  Vector& x = res.x;
  // Bidiagonalization start: beta u = b - A x0, alfa v = A^T u.
  Vector u(m), v(n), av(m), atu(n);
  const detail::BidiagonalStart start = detail::bidiagonal_start(A, b, options.x0, x, u, v, av, true);
  double alfa = start.alpha, beta = start.beta;
  const double bnorm = b.norm();
  Vector w = v;

  double rhobar = alfa, phibar = beta;
  double anorm = 0, acond = 0, ddnorm = 0, res2 = 0, xnorm = 0, xxnorm = 0, z = 0;
  double cs2 = -1, sn2 = 0;
  double rnorm = beta;
  res.r1norm = res.r2norm = rnorm;
  res.arnorm = alfa * beta;
  if (res.arnorm == 0) return res;

  int istop = 0, itn = 0;
  while (itn < iter_lim) {
    ++itn;
    // Next bidiagonalization step: beta u = A v - alfa u, alfa v = A^T u - beta v.
    A.apply(v, av);
    u = av - alfa * u;
    beta = u.norm();
    if (beta > 0) {
      u /= beta;
      anorm = std::sqrt(anorm * anorm + alfa * alfa + beta * beta + dampsq);
      A.apply_transpose(u, atu);
      v = atu - beta * v;
      alfa = v.norm();
      if (alfa > 0) v /= alfa;
    }
    // Eliminate damp (a rotation of the damped problem), then the subdiagonal beta.
    double rhobar1 = rhobar, psi = 0;
    if (damp > 0) {
      rhobar1 = std::hypot(rhobar, damp);
      const double cs1 = rhobar / rhobar1, sn1 = damp / rhobar1;
      psi = sn1 * phibar;
      phibar = cs1 * phibar;
    }
    const auto [cs, sn, rho] = detail::sym_ortho(rhobar1, beta);
    const double theta = sn * alfa;
    rhobar = -cs * alfa;
    const double phi = cs * phibar;
    phibar = sn * phibar;
    const double tau = sn * phi;

    // Update x and w; dk = w / rho feeds the condition and variance estimates.
    const double t1 = phi / rho, t2 = -theta / rho;
    ddnorm += w.squaredNorm() / (rho * rho);
    if (options.calc_var) res.var += w.cwiseAbs2() / (rho * rho);
    x += t1 * w;
    w = v + t2 * w;

    // ||x|| from the QR factors (Paige & Saunders section 5.2), not from x.
    const double delta = sn2 * rho, gambar = -cs2 * rho;
    const double rhs = phi - delta * z;
    const double zbar = rhs / gambar;
    xnorm = std::sqrt(xxnorm + zbar * zbar);
    const double gamma = std::hypot(gambar, theta);
    cs2 = gambar / gamma;
    sn2 = theta / gamma;
    z = rhs / gamma;
    xxnorm += z * z;

    acond = anorm * std::sqrt(ddnorm);
    res2 += psi * psi;
    rnorm = std::sqrt(phibar * phibar + res2);
    res.arnorm = alfa * std::abs(tau);
    if (damp > 0) {
      // ||r||^2 = ||rbar||^2 - damp^2 ||x||^2, signed when rounding made it negative (as SciPy).
      const double r1sq = rnorm * rnorm - dampsq * xxnorm;
      res.r1norm = std::copysign(std::sqrt(std::abs(r1sq)), r1sq);
    } else {
      res.r1norm = rnorm;
    }
    res.r2norm = rnorm;

    const double test1 = rnorm / bnorm;
    const double test2 = res.arnorm / (anorm * rnorm + eps);
    const double test3 = 1 / (acond + eps);
    const double t1_machine = test1 / (1 + anorm * xnorm / bnorm);
    const double rtol = btol + atol * anorm * xnorm / bnorm;
    // Later tests take precedence, as in the original.
    if (itn >= iter_lim) istop = 7;
    if (1 + test3 <= 1) istop = 6;
    if (1 + test2 <= 1) istop = 5;
    if (1 + t1_machine <= 1) istop = 4;
    if (test3 <= ctol) istop = 3;
    if (test2 <= atol) istop = 2;
    if (test1 <= rtol) istop = 1;
    if (istop != 0) break;
  }
  res.istop = istop;
  res.itn = itn;
  res.anorm = anorm;
  res.acond = acond;
  res.xnorm = xnorm;
  return res;
}

}  // namespace scilearn::sparse
