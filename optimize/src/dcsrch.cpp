#include "dcsrch.hpp"

#include <algorithm>
#include <cmath>

namespace scilearn::optimize::detail {
namespace {

struct Interval {
  double stx, fx, gx;  // the best step so far
  double sty, fy, gy;  // the other end of the interval
  bool bracketed = false;
};

double sign(double v) { return v > 0 ? 1.0 : (v < 0 ? -1.0 : 0.0); }

// A safeguarded cubic / quadratic step from the trial (stp, fp, dp), and the
// interval updated with it (their Cases 1-4). Returns the next trial step.
double more_thuente_step(Interval& in, double stp, double fp, double dp, double stpmin, double stpmax) {
  const double sgnd = sign(dp) * sign(in.gx);
  double stpf;
  if (fp > in.fx) {
    // Case 1: higher function value; the minimum is bracketed.
    const double theta = 3 * (in.fx - fp) / (stp - in.stx) + in.gx + dp;
    const double s = std::max({std::abs(theta), std::abs(in.gx), std::abs(dp)});
    double gamma = s * std::sqrt((theta / s) * (theta / s) - (in.gx / s) * (dp / s));
    if (stp < in.stx) gamma = -gamma;
    const double p = (gamma - in.gx) + theta;
    const double q = ((gamma - in.gx) + gamma) + dp;
    const double stpc = in.stx + p / q * (stp - in.stx);
    const double stpq = in.stx + ((in.gx / ((in.fx - fp) / (stp - in.stx) + in.gx)) / 2) * (stp - in.stx);
    stpf = std::abs(stpc - in.stx) <= std::abs(stpq - in.stx) ? stpc : stpc + (stpq - stpc) / 2;
    in.bracketed = true;
  } else if (sgnd < 0) {
    // Case 2: lower value, derivatives of opposite sign; bracketed.
    const double theta = 3 * (in.fx - fp) / (stp - in.stx) + in.gx + dp;
    const double s = std::max({std::abs(theta), std::abs(in.gx), std::abs(dp)});
    double gamma = s * std::sqrt((theta / s) * (theta / s) - (in.gx / s) * (dp / s));
    if (stp > in.stx) gamma = -gamma;
    const double p = (gamma - dp) + theta;
    const double q = ((gamma - dp) + gamma) + in.gx;
    const double stpc = stp + p / q * (in.stx - stp);
    const double stpq = stp + (dp / (dp - in.gx)) * (in.stx - stp);
    stpf = std::abs(stpc - stp) > std::abs(stpq - stp) ? stpc : stpq;
    in.bracketed = true;
  } else if (std::abs(dp) < std::abs(in.gx)) {
    // Case 3: lower value, same sign, the derivative decreases in magnitude.
    const double theta = 3 * (in.fx - fp) / (stp - in.stx) + in.gx + dp;
    const double s = std::max({std::abs(theta), std::abs(in.gx), std::abs(dp)});
    double gamma = s * std::sqrt(std::max(0.0, (theta / s) * (theta / s) - (in.gx / s) * (dp / s)));
    if (stp > in.stx) gamma = -gamma;
    const double p = (gamma - dp) + theta;
    const double q = (gamma + (in.gx - dp)) + gamma;
    const double r = p / q;
    double stpc;
    if (r < 0 && gamma != 0) {
      stpc = stp + r * (in.stx - stp);
    } else {
      stpc = stp > in.stx ? stpmax : stpmin;
    }
    const double stpq = stp + (dp / (dp - in.gx)) * (in.stx - stp);
    if (in.bracketed) {
      stpf = std::abs(stpc - stp) < std::abs(stpq - stp) ? stpc : stpq;
      stpf = stp > in.stx ? std::min(stp + 0.66 * (in.sty - stp), stpf) : std::max(stp + 0.66 * (in.sty - stp), stpf);
    } else {
      stpf = std::abs(stpc - stp) > std::abs(stpq - stp) ? stpc : stpq;
      stpf = std::min(std::max(stpf, stpmin), stpmax);  // np.clip: no ordering assumed
    }
  } else {
    // Case 4: lower value, same sign, the derivative does not decrease.
    if (in.bracketed) {
      const double theta = 3 * (fp - in.fy) / (in.sty - stp) + in.gy + dp;
      const double s = std::max({std::abs(theta), std::abs(in.gy), std::abs(dp)});
      double gamma = s * std::sqrt((theta / s) * (theta / s) - (in.gy / s) * (dp / s));
      if (stp > in.sty) gamma = -gamma;
      const double p = (gamma - dp) + theta;
      const double q = ((gamma - dp) + gamma) + in.gy;
      stpf = stp + p / q * (in.sty - stp);
    } else {
      stpf = stp > in.stx ? stpmax : stpmin;
    }
  }
  if (fp > in.fx) {
    in.sty = stp;
    in.fy = fp;
    in.gy = dp;
  } else {
    if (sgnd < 0) {
      in.sty = in.stx;
      in.fy = in.fx;
      in.gy = in.gx;
    }
    in.stx = stp;
    in.fx = fp;
    in.gx = dp;
  }
  return stpf;
}

}  // namespace

Dcsrch::Task Dcsrch::start(double stp, double f0, double g0) {
  stp_ = stp;
  if (stp < stpmin_ || stp > stpmax_ || g0 >= 0 || ftol_ < 0 || gtol_ < 0 || xtol_ < 0 || stpmin_ < 0 ||
      stpmax_ < stpmin_) {
    return Task::error;
  }
  bracketed_ = false;
  stage1_ = true;
  finit_ = f0;
  ginit_ = g0;
  gtest_ = ftol_ * ginit_;
  width_ = stpmax_ - stpmin_;
  width1_ = 2 * width_;
  stx_ = sty_ = 0;
  fx_ = fy_ = finit_;
  gx_ = gy_ = ginit_;
  stmin_ = 0;
  stmax_ = stp + 4 * stp;
  return Task::fg;
}

Dcsrch::Task Dcsrch::iterate(double f, double g) {
  const double ftest = finit_ + stp_ * gtest_;
  if (stage1_ && f <= ftest && g >= 0) stage1_ = false;
  if (f <= ftest && std::abs(g) <= gtol_ * -ginit_) return Task::convergence;
  // dcsrch's warnings: rounding errors prevent progress, the interval is
  // below xtol, or the step sits on stpmax / stpmin.
  if ((bracketed_ && (stp_ <= stmin_ || stp_ >= stmax_)) || (bracketed_ && stmax_ - stmin_ <= xtol_ * stmax_) ||
      (stp_ == stpmax_ && f <= ftest && g <= gtest_) || (stp_ == stpmin_ && (f > ftest || g >= gtest_))) {
    return Task::warning;
  }
  Interval in{stx_, fx_, gx_, sty_, fy_, gy_, bracketed_};
  double stp;
  if (stage1_ && f <= fx_ && f > ftest) {
    // In the first stage, work with psi(a) = phi(a) - phi(0) - ftol a phi'(0),
    // whose minimizer satisfies sufficient decrease (their Section 3).
    Interval modified{in.stx, in.fx - in.stx * gtest_, in.gx - gtest_, in.sty, in.fy - in.sty * gtest_,
                      in.gy - gtest_, in.bracketed};
    stp = more_thuente_step(modified, stp_, f - stp_ * gtest_, g - gtest_, stmin_, stmax_);
    in = {modified.stx, modified.fx + modified.stx * gtest_, modified.gx + gtest_, modified.sty,
          modified.fy + modified.sty * gtest_, modified.gy + gtest_, modified.bracketed};
  } else {
    stp = more_thuente_step(in, stp_, f, g, stmin_, stmax_);
  }
  stx_ = in.stx, fx_ = in.fx, gx_ = in.gx, sty_ = in.sty, fy_ = in.fy, gy_ = in.gy, bracketed_ = in.bracketed;
  if (bracketed_) {
    // Bisect when the interval did not shrink enough in two trials.
    if (std::abs(sty_ - stx_) >= 0.66 * width1_) stp = stx_ + 0.5 * (sty_ - stx_);
    width1_ = width_;
    width_ = std::abs(sty_ - stx_);
    stmin_ = std::min(stx_, sty_);
    stmax_ = std::max(stx_, sty_);
  } else {
    stmin_ = stp + 1.1 * (stp - stx_);
    stmax_ = stp + 4.0 * (stp - stx_);
  }
  stp = std::isnan(stp) && nan_step_ == NanStep::to_stpmin ? stpmin_ : std::min(std::max(stp, stpmin_), stpmax_);
  // With no further progress possible, take the best step so far.
  if (bracketed_ && (stp <= stmin_ || stp >= stmax_ || stmax_ - stmin_ <= xtol_ * stmax_)) stp = stx_;
  stp_ = stp;
  return Task::fg;
}

}  // namespace scilearn::optimize::detail
