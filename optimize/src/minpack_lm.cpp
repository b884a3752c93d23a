#include "minpack_lm.hpp"

#include "minpack_kernels.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>

namespace scilearn::optimize::detail {
namespace {

constexpr double kEpsmch = std::numeric_limits<double>::epsilon();
constexpr double kDwarf = std::numeric_limits<double>::min();

// qrsolv: given the QR factors (R in the upper triangle of r, permutation
// ipvt) of A, solves min ||(A; D) x - (b; 0)|| for diagonal D = diag(d)
// with Givens rotations; r's strict lower triangle receives S, sdiag its
// diagonal (A P = Q R, P'(A'A + D D)P = S'S).
void qrsolv(Matrix& r, const std::vector<Index>& ipvt, const Vector& d, const Vector& qtb, Vector& x, Vector& sdiag) {
  const Index n = r.cols();
  Vector wa(n);
  for (Index j = 0; j < n; ++j) {
    for (Index i = j; i < n; ++i) r(i, j) = r(j, i);
    x(j) = r(j, j);
    wa(j) = qtb(j);
  }
  for (Index j = 0; j < n; ++j) {
    const Index l = ipvt[static_cast<std::size_t>(j)];
    if (d(l) != 0) {
      for (Index k = j; k < n; ++k) sdiag(k) = 0;
      sdiag(j) = d(l);
      double qtbpj = 0;
      for (Index k = j; k < n; ++k) {
        if (sdiag(k) == 0) continue;
        double sin, cos;
        if (std::abs(r(k, k)) < std::abs(sdiag(k))) {
          const double cotan = r(k, k) / sdiag(k);
          sin = 0.5 / std::sqrt(0.25 + 0.25 * cotan * cotan);
          cos = sin * cotan;
        } else {
          const double tan = sdiag(k) / r(k, k);
          cos = 0.5 / std::sqrt(0.25 + 0.25 * tan * tan);
          sin = cos * tan;
        }
        r(k, k) = cos * r(k, k) + sin * sdiag(k);
        const double temp = cos * wa(k) + sin * qtbpj;
        qtbpj = -sin * wa(k) + cos * qtbpj;
        wa(k) = temp;
        for (Index i = k + 1; i < n; ++i) {
          const double t = cos * r(i, k) + sin * sdiag(i);
          sdiag(i) = -sin * r(i, k) + cos * sdiag(i);
          r(i, k) = t;
        }
      }
    }
    sdiag(j) = r(j, j);
    r(j, j) = x(j);
  }
  Index nsing = n;
  for (Index j = 0; j < n; ++j) {
    if (sdiag(j) == 0 && nsing == n) nsing = j;
    if (nsing < n) wa(j) = 0;
  }
  for (Index j = nsing - 1; j >= 0; --j) {
    double sum = 0;
    for (Index i = j + 1; i < nsing; ++i) sum += r(i, j) * wa(i);
    wa(j) = (wa(j) - sum) / sdiag(j);
  }
  for (Index j = 0; j < n; ++j) x(ipvt[static_cast<std::size_t>(j)]) = wa(j);
}

// lmpar: the Levenberg-Marquardt parameter par >= 0 such that the step x
// solving (J'J + par D'D) x = -J'f has ||D x|| within 10 % of delta (or par
// = 0 when the Gauss-Newton step is short enough), by Moré's safeguarded
// Newton iteration on phi(par) = ||D x|| - delta (at most 10 steps).
void lmpar(Matrix& r, const std::vector<Index>& ipvt, const Vector& diag, const Vector& qtb, double delta, double& par,
           Vector& x, Vector& sdiag) {
  const Index n = r.cols();
  Vector wa1(n), wa2(n);
  Index nsing = n;
  for (Index j = 0; j < n; ++j) {
    wa1(j) = qtb(j);
    if (r(j, j) == 0 && nsing == n) nsing = j;
    if (nsing < n) wa1(j) = 0;
  }
  for (Index j = nsing - 1; j >= 0; --j) {
    wa1(j) /= r(j, j);
    const double temp = wa1(j);
    for (Index i = 0; i < j; ++i) wa1(i) -= r(i, j) * temp;
  }
  for (Index j = 0; j < n; ++j) x(ipvt[static_cast<std::size_t>(j)]) = wa1(j);
  int iter = 0;
  for (Index j = 0; j < n; ++j) wa2(j) = diag(j) * x(j);
  double dxnorm = enorm(wa2);
  double fp = dxnorm - delta;
  if (fp <= 0.1 * delta) {
    par = 0;
    return;
  }
  // A lower bound parl from the Newton step when J has full rank.
  double parl = 0;
  if (nsing >= n) {
    for (Index j = 0; j < n; ++j) {
      const Index l = ipvt[static_cast<std::size_t>(j)];
      wa1(j) = diag(l) * (wa2(l) / dxnorm);
    }
    for (Index j = 0; j < n; ++j) {
      double sum = 0;
      for (Index i = 0; i < j; ++i) sum += r(i, j) * wa1(i);
      wa1(j) = (wa1(j) - sum) / r(j, j);
    }
    const double temp = enorm(wa1);
    parl = ((fp / delta) / temp) / temp;
  }
  // An upper bound paru.
  for (Index j = 0; j < n; ++j) {
    double sum = 0;
    for (Index i = 0; i <= j; ++i) sum += r(i, j) * qtb(i);
    wa1(j) = sum / diag(ipvt[static_cast<std::size_t>(j)]);
  }
  const double gnorm = enorm(wa1);
  double paru = gnorm / delta;
  if (paru == 0) paru = kDwarf / std::min(delta, 0.1);
  par = std::min(std::max(par, parl), paru);
  if (par == 0) par = gnorm / dxnorm;
  for (;;) {
    ++iter;
    if (par == 0) par = std::max(kDwarf, 0.001 * paru);
    const double sqrt_par = std::sqrt(par);
    for (Index j = 0; j < n; ++j) wa1(j) = sqrt_par * diag(j);
    qrsolv(r, ipvt, wa1, qtb, x, sdiag);
    for (Index j = 0; j < n; ++j) wa2(j) = diag(j) * x(j);
    dxnorm = enorm(wa2);
    const double temp = fp;
    fp = dxnorm - delta;
    if (std::abs(fp) <= 0.1 * delta || (parl == 0 && fp <= temp && temp < 0) || iter == 10) return;
    // Newton's correction.
    for (Index j = 0; j < n; ++j) {
      const Index l = ipvt[static_cast<std::size_t>(j)];
      wa1(j) = diag(l) * (wa2(l) / dxnorm);
    }
    for (Index j = 0; j < n; ++j) {
      wa1(j) /= sdiag(j);
      const double t = wa1(j);
      for (Index i = j + 1; i < n; ++i) wa1(i) -= r(i, j) * t;
    }
    const double norm = enorm(wa1);
    const double parc = ((fp / delta) / norm) / norm;
    if (fp > 0) parl = std::max(parl, par);
    if (fp < 0) paru = std::min(paru, par);
    par = std::max(parl, par + parc);
  }
}

}  // namespace

MinpackResult minpack_lm(const VectorFunction& fun, const JacobianFunction& jac, const Vector& x0,
                         const MinpackSettings& settings) {
  const Index n = x0.size();
  const bool lmder = static_cast<bool>(jac);
  MinpackResult out;
  out.x = x0;
  Vector& x = out.x;
  Vector& fvec = out.fvec;
  fvec = fun(x);
  out.nfev = 1;
  const Index m = fvec.size();
  if (m < n) throw ValueError(cat("least squares: fun returned ", m, " residuals for ", n, " variables (need m >= n)"));
  const auto evaluate = [&](const Vector& at) {
    Vector f = fun(at);
    if (f.size() != m) throw ValueError(cat("least squares: fun returned ", f.size(), " residuals, earlier ", m));
    return f;
  };
  const int maxfev = settings.maxfev > 0 ? settings.maxfev : static_cast<int>((lmder ? 100 : 200) * (n + 1));
  const bool scale_from_jacobian = settings.diag.size() == 0;
  Vector diag = scale_from_jacobian ? Vector::Zero(n) : settings.diag;
  double fnorm = enorm(fvec);
  double par = 0, delta = 0, xnorm = 0;
  int iter = 1;
  Matrix fjac(m, n);
  Vector rdiag, acnorm, qtf(n), wa1(n), wa2(n), wa3(n), sdiag(n);
  const double eps_fd = std::sqrt(std::max(settings.epsfcn, kEpsmch));
  for (;;) {
    // The Jacobian: the user's, or lmdif's forward differences (fdjac2).
    fjac = jacobian_at("least squares", evaluate, jac, x, fvec, eps_fd, out.nfev, out.njev);
    qrfac(fjac, /*pivot=*/true, out.ipvt, rdiag, acnorm);
    if (iter == 1) initial_step_bound(scale_from_jacobian, acnorm, x, settings.factor, diag, xnorm, delta);
    qtf = qt_times(fjac, fvec);  // Q'f, then R's diagonal back in place
    fjac.diagonal() = rdiag;
    out.r = fjac.topRows(n).triangularView<Eigen::Upper>();
    // The scaled gradient's norm: the largest cosine between f and a column of J.
    double gnorm = 0;
    if (fnorm != 0) {
      for (Index j = 0; j < n; ++j) {
        const Index l = out.ipvt[static_cast<std::size_t>(j)];
        if (acnorm(l) == 0) continue;
        double sum = 0;
        for (Index i = 0; i <= j; ++i) sum += fjac(i, j) * (qtf(i) / fnorm);
        gnorm = std::max(gnorm, std::abs(sum / acnorm(l)));
      }
    }
    if (gnorm <= settings.gtol) {
      out.info = 4;
      return out;
    }
    if (scale_from_jacobian) diag = diag.cwiseMax(acnorm);
    Matrix r = fjac.topRows(n);  // lmpar / qrsolv work on the n x n part
    double ratio = 0;
    do {
      lmpar(r, out.ipvt, diag, qtf, delta, par, wa1, sdiag);
      for (Index j = 0; j < n; ++j) {
        wa1(j) = -wa1(j);
        wa2(j) = x(j) + wa1(j);
        wa3(j) = diag(j) * wa1(j);
      }
      const double pnorm = enorm(wa3);
      if (iter == 1) delta = std::min(delta, pnorm);
      const Vector f1 = evaluate(wa2);
      ++out.nfev;
      const double fnorm1 = enorm(f1);
      const double actred = 0.1 * fnorm1 < fnorm ? 1 - (fnorm1 / fnorm) * (fnorm1 / fnorm) : -1.0;
      // The predicted reduction and the directional derivative.
      for (Index j = 0; j < n; ++j) {
        wa3(j) = 0;
        const double temp = wa1(out.ipvt[static_cast<std::size_t>(j)]);
        for (Index i = 0; i <= j; ++i) wa3(i) += r(i, j) * temp;
      }
      const double temp1 = enorm(wa3) / fnorm;
      const double temp2 = std::sqrt(par) * pnorm / fnorm;
      const double prered = temp1 * temp1 + temp2 * temp2 / 0.5;
      const double dirder = -(temp1 * temp1 + temp2 * temp2);
      ratio = prered != 0 ? actred / prered : 0;
      // Update the step bound.
      if (ratio <= 0.25) {
        double temp = actred >= 0 ? 0.5 : 0.5 * dirder / (dirder + 0.5 * actred);
        if (0.1 * fnorm1 >= fnorm || temp < 0.1) temp = 0.1;
        delta = temp * std::min(delta, pnorm / 0.1);
        par /= temp;
      } else if (par == 0 || ratio >= 0.75) {
        delta = pnorm / 0.5;
        par *= 0.5;
      }
      if (ratio >= 1e-4) {  // a successful step
        x = wa2;
        xnorm = enorm(Vector(diag.cwiseProduct(x)));
        fvec = f1;
        fnorm = fnorm1;
        ++iter;
      }
      // Convergence tests, then the too-small-tolerance tests.
      const bool f_converged = std::abs(actred) <= settings.ftol && prered <= settings.ftol && 0.5 * ratio <= 1;
      const bool x_converged = delta <= settings.xtol * xnorm;
      if (f_converged || x_converged) {
        out.info = f_converged && x_converged ? 3 : (f_converged ? 1 : 2);
        return out;
      }
      if (out.nfev >= maxfev) out.info = 5;
      if (std::abs(actred) <= kEpsmch && prered <= kEpsmch && 0.5 * ratio <= 1) out.info = 6;
      if (delta <= kEpsmch * xnorm) out.info = 7;
      if (gnorm <= kEpsmch) out.info = 8;
      if (out.info != 0) return out;
    } while (ratio < 1e-4);
  }
}

std::string minpack_message(int info, const MinpackSettings& s, int maxfev) {
  switch (info) {
    case 1: return cat("Both actual and predicted relative reductions in the sum of squares are at most ", s.ftol);
    case 2: return cat("The relative error between two consecutive iterates is at most ", s.xtol);
    case 3:
      return cat("Both actual and predicted relative reductions in the sum of squares are at most ", s.ftol,
                 " and the relative error between two consecutive iterates is at most ", s.xtol);
    case 4: return cat("The cosine of the angle between func(x) and any column of the Jacobian is at most ", s.gtol,
                       " in absolute value");
    case 5: return cat("Number of calls to function has reached maxfev = ", maxfev, ".");
    case 6: return cat("ftol=", s.ftol, " is too small, no further reduction in the sum of squares is possible.");
    case 7: return cat("xtol=", s.xtol, " is too small, no further improvement in the approximate solution is possible.");
    case 8: return cat("gtol=", s.gtol, " is too small, func(x) is orthogonal to the columns of the Jacobian to machine "
                       "precision.");
    default: return "Improper input parameters.";
  }
}

}  // namespace scilearn::optimize::detail
