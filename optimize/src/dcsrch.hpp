#pragma once
// Moré and Thuente's line search (1994, "Line search algorithms with
// guaranteed sufficient decrease", ACM TOMS 20(3)) as MINPACK-2's dcsrch runs
// it: reverse communication, so that BFGS / CG (through line_search.hpp) and
// L-BFGS-B each drive it with their own evaluations and acceptance rules.

namespace scilearn::optimize::detail {

class Dcsrch {
 public:
  enum class Task {
    fg,           // evaluate phi and phi' at the returned step, then call iterate
    convergence,  // the step satisfies the strong Wolfe conditions
    warning,      // no progress possible (rounding, xtol, a bound on the step reached)
    error,        // bad arguments to start
  };

  /// What a NaN trial step (an infinite phi makes the interpolation NaN)
  /// becomes: SciPy's Python dcsrch (BFGS, CG) keeps it and the caller fails
  /// the search; its C dcsrch (L-BFGS-B) clamps with fmax / fmin, which turns
  /// it into stpmin and then, bracketed, into the best step so far.
  enum class NanStep { keep, to_stpmin };

  /// ftol: sufficient decrease; gtol: curvature; xtol: relative width of
  /// the interval of uncertainty at which to stop; [stpmin, stpmax]: steps allowed.
  Dcsrch(double ftol, double gtol, double xtol, double stpmin, double stpmax, NanStep nan_step = NanStep::keep)
      : ftol_(ftol), gtol_(gtol), xtol_(xtol), stpmin_(stpmin), stpmax_(stpmax), nan_step_(nan_step) {}

  /// Starts from phi(0) = f0, phi'(0) = g0 < 0 with first trial step stp.
  Task start(double stp, double f0, double g0);
  /// Takes phi and phi' at the current trial step; on Task::fg, step() is the next trial.
  Task iterate(double f, double g);
  double step() const { return stp_; }

 private:
  double ftol_, gtol_, xtol_, stpmin_, stpmax_;
  NanStep nan_step_;
  double stp_ = 0;
  bool bracketed_ = false;
  bool stage1_ = true;
  double finit_ = 0, ginit_ = 0, gtest_ = 0;
  double width_ = 0, width1_ = 0;
  double stx_ = 0, fx_ = 0, gx_ = 0;  // the best step so far
  double sty_ = 0, fy_ = 0, gy_ = 0;  // the other end of the interval
  double stmin_ = 0, stmax_ = 0;
};

}  // namespace scilearn::optimize::detail
