#include "minpack_hybrd.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <vector>

#include "minpack_kernels.hpp"

namespace scilearn::optimize::detail {
namespace {

constexpr double kEpsmch = std::numeric_limits<double>::epsilon();
constexpr double kGiant = std::numeric_limits<double>::max();

// R is kept as a dense upper triangular n x n matrix (MINPACK packs it by rows).

// qform: Q (n x n) from the Householder vectors qrfac left below a's diagonal.
void qform(Matrix& q) {
  const Index n = q.rows();
  for (Index j = 1; j < n; ++j) q.col(j).head(j).setZero();
  Vector wa(n);
  for (Index k = n - 1; k >= 0; --k) {
    wa.segment(k, n - k) = q.col(k).segment(k, n - k);
    q.col(k).segment(k, n - k).setZero();
    q(k, k) = 1;
    if (wa(k) == 0) continue;
    for (Index j = k; j < n; ++j) {
      const double temp = q.col(j).segment(k, n - k).dot(wa.segment(k, n - k)) / wa(k);
      q.col(j).segment(k, n - k) -= temp * wa.segment(k, n - k);
    }
  }
}

// dogleg: the convex combination of the Gauss-Newton and the scaled
// steepest-descent directions that minimizes ||R x - qtb|| in the trust region
// ||diag x|| <= delta (Powell's dogleg).
Vector dogleg(const Matrix& r, const Vector& diag, const Vector& qtb, double delta) {
  const Index n = r.rows();
  Vector x(n), wa1 = Vector::Zero(n), wa2(n);
  for (Index j = n - 1; j >= 0; --j) {
    double sum = 0;
    for (Index i = j + 1; i < n; ++i) sum += r(j, i) * x(i);
    double temp = r(j, j);
    if (temp == 0) {  // a singular R: a tiny pivot in its place
      for (Index i = 0; i <= j; ++i) temp = std::max(temp, std::abs(r(i, j)));
      temp *= kEpsmch;
      if (temp == 0) temp = kEpsmch;
    }
    x(j) = (qtb(j) - sum) / temp;
  }
  wa2 = diag.cwiseProduct(x);
  const double qnorm = enorm(wa2);
  if (qnorm <= delta) return x;
  // The scaled gradient direction R' qtb / diag.
  for (Index j = 0; j < n; ++j) {
    const double temp = qtb(j);
    for (Index i = j; i < n; ++i) wa1(i) += r(j, i) * temp;
    wa1(j) /= diag(j);
  }
  const double gnorm = enorm(wa1);
  double sgnorm = 0;
  double alpha = delta / qnorm;
  if (gnorm != 0) {
    for (Index j = 0; j < n; ++j) wa1(j) = (wa1(j) / gnorm) / diag(j);
    for (Index j = 0; j < n; ++j) {
      double sum = 0;
      for (Index i = j; i < n; ++i) sum += r(j, i) * wa1(i);
      wa2(j) = sum;
    }
    const double temp = enorm(wa2);
    sgnorm = (gnorm / temp) / temp;
    alpha = 0;
    if (sgnorm < delta) {  // the point along the dogleg where the model is least
      const double bnorm = enorm(qtb);
      double t = (bnorm / gnorm) * (bnorm / qnorm) * (sgnorm / delta);
      t = t - (delta / qnorm) * (sgnorm / delta) * (sgnorm / delta) +
          std::sqrt((t - delta / qnorm) * (t - delta / qnorm) +
                    (1 - (delta / qnorm) * (delta / qnorm)) * (1 - (sgnorm / delta) * (sgnorm / delta)));
      alpha = ((delta / qnorm) * (1 - (sgnorm / delta) * (sgnorm / delta))) / t;
    }
  }
  const double temp = (1 - alpha) * std::min(sgnorm, delta);
  return temp * wa1 + alpha * x;
}

// A Givens rotation's (cos, sin) and the tau that encodes it (MINPACK's
// convention: |tau| <= 1 is sin, otherwise 1 / cos).
struct Givens {
  double cos, sin, tau;
};

Givens givens_eliminating(double keep, double eliminate) {
  if (std::abs(keep) < std::abs(eliminate)) {
    const double cotan = keep / eliminate;
    const double sin = 0.5 / std::sqrt(0.25 + 0.25 * cotan * cotan);
    const double cos = sin * cotan;
    return {cos, sin, std::abs(cos) * kGiant > 1 ? 1 / cos : 1.0};
  }
  const double tan = eliminate / keep;
  const double cos = 0.5 / std::sqrt(0.25 + 0.25 * tan * tan);
  const double sin = cos * tan;
  return {cos, sin, sin};
}

std::pair<double, double> decode(double tau) {
  if (std::abs(tau) > 1) {
    const double cos = 1 / tau;
    return {cos, std::sqrt(1 - cos * cos)};
  }
  return {std::sqrt(1 - tau * tau), tau};
}

// r1updt: the QR factors of R + u v' (with R updated in place): v rotated
// into a multiple of e_n, which adds a spike to the last column, then the
// spike eliminated. v and w return the two sets of rotations (for r1mpyq);
// true when the new R is singular.
bool r1updt(Matrix& s, const Vector& u, Vector& v, Vector& w) {
  const Index n = s.rows();
  w(n - 1) = s(n - 1, n - 1);
  for (Index j = n - 2; j >= 0; --j) {
    w(j) = 0;
    if (v(j) == 0) continue;
    const Givens g = givens_eliminating(v(n - 1), v(j));
    v(n - 1) = g.sin * v(j) + g.cos * v(n - 1);
    v(j) = g.tau;
    // Row j of R (s(j, j..)) with the spike in w.
    for (Index i = j; i < n; ++i) {
      const double sji = i < n - 1 ? s(j, i) : s(j, n - 1);
      const double temp = g.cos * sji - g.sin * w(i);
      w(i) = g.sin * sji + g.cos * w(i);
      s(j, i) = temp;
    }
  }
  for (Index i = 0; i < n; ++i) w(i) += v(n - 1) * u(i);
  bool sing = false;
  for (Index j = 0; j < n - 1; ++j) {
    if (w(j) != 0) {
      const Givens g = givens_eliminating(s(j, j), w(j));
      for (Index i = j; i < n; ++i) {
        const double temp = g.cos * s(j, i) + g.sin * w(i);
        w(i) = -g.sin * s(j, i) + g.cos * w(i);
        s(j, i) = temp;
      }
      w(j) = g.tau;
    }
    if (s(j, j) == 0) sing = true;
  }
  s(n - 1, n - 1) = w(n - 1);
  if (s(n - 1, n - 1) == 0) sing = true;
  return sing;
}

// r1mpyq: a (columns) times the rotations r1updt recorded in v and w.
void r1mpyq(Matrix& a, const Vector& v, const Vector& w) {
  const Index n = a.cols();
  for (Index j = n - 2; j >= 0; --j) {
    const auto [cos, sin] = decode(v(j));
    for (Index i = 0; i < a.rows(); ++i) {
      const double temp = cos * a(i, j) - sin * a(i, n - 1);
      a(i, n - 1) = sin * a(i, j) + cos * a(i, n - 1);
      a(i, j) = temp;
    }
  }
  for (Index j = 0; j < n - 1; ++j) {
    const auto [cos, sin] = decode(w(j));
    for (Index i = 0; i < a.rows(); ++i) {
      const double temp = cos * a(i, j) + sin * a(i, n - 1);
      a(i, n - 1) = -sin * a(i, j) + cos * a(i, n - 1);
      a(i, j) = temp;
    }
  }
}

}  // namespace

HybrdResult minpack_hybrd(const VectorFunction& fun, const JacobianFunction& jac, const Vector& x0,
                          const HybrdSettings& settings) {
  const Index n = x0.size();
  const bool hybrj = static_cast<bool>(jac);
  HybrdResult out;
  out.x = x0;
  Vector& x = out.x;
  const auto evaluate = [&](const Vector& at) {
    Vector f = fun(at);
    if (f.size() != n) throw ValueError(cat("root: fun returned ", f.size(), " values for ", n, " unknowns"));
    return f;
  };
  out.fvec = evaluate(x);
  out.nfev = 1;
  Vector& fvec = out.fvec;
  const int maxfev = settings.maxfev > 0 ? settings.maxfev : static_cast<int>((hybrj ? 100 : 200) * (n + 1));
  const bool scale_from_jacobian = settings.diag.size() == 0;
  Vector diag = scale_from_jacobian ? Vector::Zero(n) : settings.diag;
  double fnorm = enorm(fvec);
  double delta = 0, xnorm = 0;
  int iter = 1, ncsuc = 0, ncfail = 0, nslow1 = 0, nslow2 = 0;
  const double eps_fd = std::sqrt(std::max(settings.epsfcn, kEpsmch));
  Matrix& q = out.fjac;
  Matrix& r = out.r;
  Vector& qtf = out.qtf;
  std::vector<Index> ipvt;
  Vector rdiag, acnorm, wa1(n), wa2(n), wa3(n);
  for (;;) {
    bool jeval = true;
    q = jacobian_at("root", evaluate, jac, x, fvec, eps_fd, out.nfev, out.njev);  // fdjac1 without jac
    qrfac(q, /*pivot=*/false, ipvt, rdiag, acnorm);
    if (iter == 1) initial_step_bound(scale_from_jacobian, acnorm, x, settings.factor, diag, xnorm, delta);
    qtf = qt_times(q, fvec);
    r = q.triangularView<Eigen::StrictlyUpper>();
    r.diagonal() = rdiag;
    qform(q);
    if (scale_from_jacobian) diag = diag.cwiseMax(acnorm);
    for (;;) {  // the inner loop: steps on the updated factors
      wa1 = -dogleg(r, diag, qtf, delta);
      wa2 = x + wa1;
      wa3 = diag.cwiseProduct(wa1);
      const double pnorm = enorm(wa3);
      if (iter == 1) delta = std::min(delta, pnorm);
      const Vector wa4 = evaluate(wa2);
      ++out.nfev;
      const double fnorm1 = enorm(wa4);
      const double actred = fnorm1 < fnorm ? 1 - (fnorm1 / fnorm) * (fnorm1 / fnorm) : -1.0;
      for (Index i = 0; i < n; ++i) {
        double sum = 0;
        for (Index j = i; j < n; ++j) sum += r(i, j) * wa1(j);
        wa3(i) = qtf(i) + sum;
      }
      const double temp = enorm(wa3);
      const double prered = temp < fnorm ? 1 - (temp / fnorm) * (temp / fnorm) : 0.0;
      const double ratio = prered > 0 ? actred / prered : 0.0;
      if (ratio < 0.1) {
        ncsuc = 0;
        ++ncfail;
        delta *= 0.5;
      } else {
        ncfail = 0;
        ++ncsuc;
        if (ratio >= 0.5 || ncsuc > 1) delta = std::max(delta, pnorm / 0.5);
        if (std::abs(ratio - 1) <= 0.1) delta = pnorm / 0.5;
      }
      if (ratio >= 1e-4) {  // a successful step
        x = wa2;
        xnorm = enorm(Vector(diag.cwiseProduct(x)));
        fvec = wa4;
        fnorm = fnorm1;
        ++iter;
      }
      ++nslow1;
      if (actred >= 0.001) nslow1 = 0;
      if (jeval) ++nslow2;
      if (actred >= 0.1) nslow2 = 0;
      if (delta <= settings.xtol * xnorm || fnorm == 0) {
        out.info = 1;
        return out;
      }
      if (out.nfev >= maxfev) out.info = 2;
      if (0.1 * std::max(0.1 * delta, pnorm) <= kEpsmch * xnorm) out.info = 3;
      if (nslow2 == 5) out.info = 4;
      if (nslow1 == 10) out.info = 5;
      if (out.info != 0) return out;
      if (ncfail == 2) break;  // recompute the Jacobian
      // Broyden's rank-one update of the factors: J + (f1 - f - J p) p' D'D / ||D p||^2.
      for (Index j = 0; j < n; ++j) {
        const double sum = q.col(j).dot(wa4);
        wa2(j) = (sum - wa3(j)) / pnorm;
        wa1(j) = diag(j) * ((diag(j) * wa1(j)) / pnorm);
        if (ratio >= 1e-4) qtf(j) = sum;
      }
      (void)r1updt(r, wa1, wa2, wa3);
      r1mpyq(q, wa2, wa3);
      Matrix qtf_row = qtf.transpose();
      r1mpyq(qtf_row, wa2, wa3);
      qtf = qtf_row.transpose();
      jeval = false;
    }
  }
}

}  // namespace scilearn::optimize::detail
