#include "krylov_common.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/core/validation.hpp>
#include <utility>

namespace scilearn::sparse::detail {

void check_rhs_and_start(std::string_view where, const LinearOperator& A, const VectorView& b, const Vector& x0) {
  if (b.size() != A.rows()) {
    throw ValueError(cat(where, ": A is ", A.rows(), "x", A.cols(), " but b has ", b.size(), " entries"));
  }
  check_finite(where, "b", b);
  if (x0.size() != 0) {
    if (x0.size() != A.cols()) {
      throw ValueError(cat(where, ": A is ", A.rows(), "x", A.cols(), " but x0 has ", x0.size(), " entries"));
    }
    check_finite(where, "x0", x0);
  }
}

void check_square_system(std::string_view where, const LinearOperator& A, const VectorView& b, const Vector& x0,
                         const std::optional<LinearOperator>& M) {
  if (A.rows() != A.cols()) {
    throw ValueError(cat(where, ": expected a square operator, but A is ", A.rows(), "x", A.cols()));
  }
  check_rhs_and_start(where, A, b, x0);
  if (M && (M->rows() != A.rows() || M->cols() != A.cols())) {
    throw ValueError(
        cat(where, ": A is ", A.rows(), "x", A.cols(), " but the preconditioner M is ", M->rows(), "x", M->cols()));
  }
}

void check_tolerances(std::string_view where, double rtol, double atol, int maxiter) {
  if (!(std::isfinite(rtol) && rtol >= 0)) {
    throw ValueError(cat(where, ": rtol must be a finite, non-negative number, got ", rtol));
  }
  if (!(std::isfinite(atol) && atol >= 0)) {
    throw ValueError(cat(where, ": atol must be a finite, non-negative number, got ", atol));
  }
  if (maxiter < 0) throw ValueError(cat(where, ": maxiter must be >= 0 (0: the default), got ", maxiter));
}

double target_residual(double rtol, double atol, double b_norm) { return std::max(atol, rtol * b_norm); }

int default_limit(int given, Index scipy_default) {
  if (given > 0) return given;
  return static_cast<int>(std::min<Index>(scipy_default, std::numeric_limits<int>::max()));
}

Vector starting_point(const Vector& x0, Index n) { return x0.size() == 0 ? Vector::Zero(n) : x0; }

void initial_residual(const LinearOperator& A, const VectorView& b, const Vector& x, Vector& r) {
  if ((x.array() != 0).any()) {
    r.resize(b.size());
    A.apply(x, r);
    r = b - r;
  } else {
    r = b;
  }
}

KrylovResult zero_rhs_result(Index n) { return {Vector::Zero(n), 0, 0, "b is zero: x = 0 is exact"}; }

KrylovResult finish(Vector x, int info, int nit, std::string_view breakdown) {
  std::string message = info == 0  ? cat("converged in ", nit, " iterations")
                        : info > 0 ? cat("iteration limit reached (", nit, " iterations) without convergence")
                                   : cat("breakdown after ", nit, " iterations: ", breakdown);
  return {std::move(x), info, nit, std::move(message)};
}

}  // namespace scilearn::sparse::detail
