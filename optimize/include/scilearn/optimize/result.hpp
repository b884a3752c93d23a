#pragma once
/// \file
/// What a multivariate optimizer reports: SciPy's `OptimizeResult`.

#include <scilearn/core/types.hpp>
#include <string>

namespace scilearn::optimize {

/// How a run of `minimize` (or another multivariate solver) ended, with
/// SciPy's field names. Fields a method does not produce stay empty (`jac`,
/// `hess_inv`, `direc`) or zero (`njev`, `nhev`).
struct OptimizeResult {
  Vector x{};         ///< the solution (the best point found when success is false)
  double fun = 0;     ///< objective value at x
  Vector jac{};       ///< gradient at x, where the method computes one
  Matrix hess_inv{};  ///< inverse Hessian approximation (BFGS), else empty
  Matrix direc{};     ///< powell: the final direction set, one direction per row
  int nit = 0;        ///< iterations
  int nfev = 0;       ///< objective evaluations (finite-difference ones included, as in SciPy)
  int njev = 0;       ///< gradient evaluations (a finite-difference gradient counts once)
  int nhev = 0;       ///< Hessian (or Hessian-vector product) evaluations
  double maxcv = 0;   ///< slsqp, cobyla: the largest constraint violation at x (0 when feasible)
  bool success = false;
  int status = 0;     ///< the method's termination code, as SciPy numbers it
  std::string message{};
};

}  // namespace scilearn::optimize
