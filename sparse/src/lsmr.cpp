// LSMR (Fong & Saunders, SIAM J. Sci. Comput. 33, 2011), following their
// recurrences and the estimates of ||r||, ||A^T r||, ||A|| and cond(A) as
// SciPy 1.17 implements them.
#include <algorithm>
#include <cmath>
#include <limits>
#include <scilearn/sparse/lsqr.hpp>

#include "krylov_common.hpp"
#include "least_squares_common.hpp"

namespace scilearn::sparse {

LsmrResult lsmr(const LinearOperator& A, const VectorView& b, const LsmrOptions& options) {
  const double damp = options.damp, atol = options.atol, btol = options.btol;
  detail::check_least_squares("lsmr", A, b, options.x0, damp, atol, btol, options.conlim, options.maxiter);
  const Index m = A.rows(), n = A.cols();
  const int maxiter = detail::default_limit(options.maxiter, std::min(m, n));
  const double ctol = options.conlim > 0 ? 1 / options.conlim : 0;

  LsmrResult res;
  Vector& x = res.x;
  Vector u(m), v(n), av(m), atu(n);
  const detail::BidiagonalStart start = detail::bidiagonal_start(A, b, options.x0, x, u, v, av, false);
  double alpha = start.alpha, beta = start.beta;
  const double normb = b.norm();

  // Rotation state of the two QR factorizations (the bidiagonal one and the
  // one that turns the LSQR-like recurrence into MINRES on the normal equations).
  double zetabar = alpha * beta, alphabar = alpha, rho = 1, rhobar = 1, cbar = 1, sbar = 0;
  Vector h = v, hbar = Vector::Zero(n);
  // State for the ||r|| estimate.
  double betadd = beta, betad = 0, rhodold = 1, tautildeold = 0, thetatilde = 0, zeta = 0, d = 0;
  double normA2 = alpha * alpha, maxrbar = 0, minrbar = 1e100;
  res.normA = std::sqrt(normA2);
  res.condA = 1;
  res.normr = beta;
  res.normar = alpha * beta;
  if (res.normar == 0) return res;
  if (normb == 0) {
    x.setZero();
    return res;
  }

  int istop = 0, itn = 0;
  while (itn < maxiter) {
    ++itn;
    A.apply(v, av);
    u = av - alpha * u;
    beta = u.norm();
    if (beta > 0) {
      u /= beta;
      A.apply_transpose(u, atu);
      v = atu - beta * v;
      alpha = v.norm();
      if (alpha > 0) v /= alpha;
    }
    // Rotation eliminating damp, then the first QR step.
    const auto [chat, shat, alphahat] = detail::sym_ortho(alphabar, damp);
    const double rhoold = rho;
    const auto q1 = detail::sym_ortho(alphahat, beta);
    const double c = q1.c, s = q1.s;
    rho = q1.r;
    const double thetanew = s * alpha;
    alphabar = c * alpha;
    // The second QR step.
    const double rhobarold = rhobar, zetaold = zeta;
    const double thetabar = sbar * rho;
    const double rhotemp = cbar * rho;
    const auto q2 = detail::sym_ortho(cbar * rho, thetanew);
    cbar = q2.c;
    sbar = q2.s;
    rhobar = q2.r;
    zeta = cbar * zetabar;
    zetabar = -sbar * zetabar;
    // Update h, hbar, x.
    hbar = h - (thetabar * rho / (rhoold * rhobarold)) * hbar;
    x += (zeta / (rho * rhobar)) * hbar;
    h = v - (thetanew / rho) * h;

    // ||r|| estimate (Fong & Saunders section 3.4).
    const double betaacute = chat * betadd, betacheck = -shat * betadd;
    const double betahat = c * betaacute;
    betadd = -s * betaacute;
    const double thetatildeold = thetatilde;
    const auto q3 = detail::sym_ortho(rhodold, thetabar);
    thetatilde = q3.s * rhobar;
    rhodold = q3.c * rhobar;
    betad = -q3.s * betad + q3.c * betahat;
    tautildeold = (zetaold - thetatildeold * tautildeold) / q3.r;
    const double taud = (zeta - thetatilde * tautildeold) / rhodold;
    d += betacheck * betacheck;
    res.normr = std::sqrt(d + (betad - taud) * (betad - taud) + betadd * betadd);

    // ||A|| and cond(A) estimates, ||A^T r||, ||x||.
    normA2 += beta * beta;
    res.normA = std::sqrt(normA2);
    normA2 += alpha * alpha;
    maxrbar = std::max(maxrbar, rhobarold);
    if (itn > 1) minrbar = std::min(minrbar, rhobarold);
    res.condA = std::max(maxrbar, rhotemp) / std::min(minrbar, rhotemp);
    res.normar = std::abs(zetabar);
    res.normx = x.norm();

    const double test1 = res.normr / normb;
    const double test2 =
        res.normA * res.normr != 0 ? res.normar / (res.normA * res.normr) : std::numeric_limits<double>::infinity();
    const double test3 = 1 / res.condA;
    const double t1 = test1 / (1 + res.normA * res.normx / normb);
    const double rtol = btol + atol * res.normA * res.normx / normb;
    // Later tests take precedence, as in the original.
    if (itn >= maxiter) istop = 7;
    if (1 + test3 <= 1) istop = 6;
    if (1 + test2 <= 1) istop = 5;
    if (1 + t1 <= 1) istop = 4;
    if (test3 <= ctol) istop = 3;
    if (test2 <= atol) istop = 2;
    if (test1 <= rtol) istop = 1;
    if (istop > 0) break;
  }
  res.istop = istop;
  res.itn = itn;
  return res;
}

}  // namespace scilearn::sparse
