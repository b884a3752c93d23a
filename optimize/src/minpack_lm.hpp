#pragma once
// The Levenberg-Marquardt method of MINPACK's lmder / lmdif (Moré 1978, "The
// Levenberg-Marquardt algorithm: implementation and theory"; Moré, Garbow and
// Hillstrom 1980, MINPACK-1 user guide), which SciPy's leastsq, curve_fit
// (method 'lm') and least_squares(method='lm') call. Written from the
// algorithm's description step for step, so that iterates, evaluation counts
// and the final R (curve_fit's covariance) agree with SciPy's.

#include <optional>
#include <scilearn/optimize/functions.hpp>

namespace scilearn::optimize::detail {

struct MinpackSettings {
  double ftol = 1.49012e-08;
  double xtol = 1.49012e-08;
  double gtol = 0.0;
  int maxfev = 0;        // 0: leastsq's default, 200 (n + 1) (lmdif) or 100 (n + 1) (lmder)
  double epsfcn = 0.0;   // lmdif's forward-difference step is sqrt(max(epsfcn, eps)) |x_j|
  double factor = 100.0; // initial step bound factor * |diag x|
  Vector diag{};         // variable scaling; empty: from the Jacobian's column norms (mode 1)
};

struct MinpackResult {
  Vector x;
  Vector fvec;    // residuals at x
  Matrix r;       // n x n upper triangular R of the last Jacobian's pivoted QR (J P = Q R)
  std::vector<Index> ipvt;  // the pivots: column j of J P is column ipvt[j] of J
  int nfev = 0;   // residual evaluations (lmdif: finite-difference ones included)
  int njev = 0;   // Jacobian evaluations (lmder)
  int info = 0;   // MINPACK's info: 1-4 converged, 5 maxfev, 6-8 tolerances too small
};

/// lmder when jac is given, lmdif (forward differences) otherwise. fun must
/// return m >= n residuals, the same number every call (ValueError otherwise).
MinpackResult minpack_lm(const VectorFunction& fun, const JacobianFunction& jac, const Vector& x0,
                         const MinpackSettings& settings);

/// MINPACK's info as leastsq's message.
std::string minpack_message(int info, const MinpackSettings& settings, int maxfev);

}  // namespace scilearn::optimize::detail
