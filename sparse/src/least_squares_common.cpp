#include "least_squares_common.hpp"

#include <cmath>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/core/validation.hpp>

#include "krylov_common.hpp"

namespace scilearn::sparse::detail {

namespace {

void check_tolerance(std::string_view where, std::string_view name, double value, bool inf_allowed) {
  if (std::isnan(value) || value < 0 || (!inf_allowed && std::isinf(value))) {
    throw ValueError(
        cat(where, ": ", name, " must be a ", inf_allowed ? "" : "finite, ", "non-negative number, got ", value));
  }
}

double sign(double x) { return x > 0 ? 1.0 : (x < 0 ? -1.0 : 0.0); }

}  // namespace

void check_least_squares(std::string_view where, const LinearOperator& A, const VectorView& b, const Vector& x0,
                         double damp, double atol, double btol, double conlim, int iter_lim) {
  check_rhs_and_start(where, A, b, x0);
  if (!A.has_rmatvec()) throw ValueError(cat(where, ": A must provide rmatvec (A^T x)"));
  check_tolerance(where, "damp", damp, false);
  check_tolerance(where, "atol", atol, false);
  check_tolerance(where, "btol", btol, false);
  check_tolerance(where, "conlim", conlim, true);
  if (iter_lim < 0) throw ValueError(cat(where, ": the iteration limit must be >= 0 (0: the default), got ", iter_lim));
}

BidiagonalStart bidiagonal_start(const LinearOperator& A, const VectorView& b, const Vector& x0, Vector& x, Vector& u,
                                 Vector& v, Vector& av, bool v_from_x) {
  if (x0.size() == 0) {
    x = Vector::Zero(A.cols());
    u = b;
  } else {
    x = x0;
    A.apply(x, av);
    u = b - av;
  }
  BidiagonalStart out{0, u.norm()};
  if (out.beta > 0) {
    u /= out.beta;
    A.apply_transpose(u, v);
    out.alpha = v.norm();
  } else if (v_from_x) {
    v = x;
  } else {
    v.setZero();
  }
  if (out.alpha > 0) v /= out.alpha;
  return out;
}

SymOrtho sym_ortho(double a, double b) {
  if (b == 0) return {sign(a), 0, std::abs(a)};
  if (a == 0) return {0, sign(b), std::abs(b)};
  if (std::abs(b) > std::abs(a)) {
    const double tau = a / b;
    const double s = sign(b) / std::sqrt(1 + tau * tau);
    return {s * tau, s, b / s};
  }
  const double tau = b / a;
  const double c = sign(a) / std::sqrt(1 + tau * tau);
  return {c, c * tau, a / c};
}

}  // namespace scilearn::sparse::detail
