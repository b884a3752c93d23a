// fractional_matrix_power: a^t by Higham and Lin's Schur-Padé algorithm, as
// scipy.linalg.fractional_matrix_power.

#include <Eigen/LU>
#include <Eigen/SVD>
#include <optional>

#include "inverse_scaling.hpp"

namespace scilearn::linalg::detail {
namespace {

using inverse_scaling::C;
using inverse_scaling::MatrixC;

constexpr const char* kWhere = "fractional_matrix_power";

// Higham and Lin's theta_m for the [m/m] Padé approximant of (1 - x)^t
// (Table 3.1), the values SciPy uses.
constexpr inverse_scaling::Theta kTheta = {0, 1.51e-5, 2.24e-3, 1.88e-2, 6.04e-2, 1.24e-1, 2.00e-1, 2.79e-1};

// a^k for an integer k, as NumPy's matrix_power: binary powering, of the
// inverse for k < 0 (LinAlgError "Singular matrix" for an exactly zero pivot
// of the partially pivoted LU, as NumPy's inv).
template <class D>
MatrixT<D> matrix_power(const MatrixT<D>& a, long long k) {
  const Index n = a.rows();
  MatrixT<D> base = a;
  if (k < 0) {
    const Eigen::PartialPivLU<MatrixT<D>> lu(a);
    if ((lu.matrixLU().diagonal().array() == D(0)).any()) throw LinAlgError(cat(kWhere, ": Singular matrix"));
    base = lu.inverse();
    k = -k;
  }
  MatrixT<D> result = MatrixT<D>::Identity(n, n);
  bool first = true;
  while (k > 0) {
    if (k & 1) {
      result = first ? base : (result * base).eval();
      first = false;
    }
    k >>= 1;
    if (k > 0) base = (base * base).eval();
  }
  return result;
}

// SciPy's _fractional_power_pade_constant: the continued fraction
// coefficients of (1 - x)^t (Higham and Lin 2011, eq. 4.1).
double pade_constant(int i, double t) {
  if (i == 1) return -t;
  if (i % 2 == 0) {
    const int j = i / 2;
    return (-j + t) / (2 * (2 * j - 1));
  }
  const int j = (i - 1) / 2;
  return (-j - t) / (2 * (2 * j + 1));
}

// SciPy's _fractional_power_pade: the [m/m] Padé approximant of (I + r)^t,
// evaluated bottom-up as a continued fraction of triangular solves.
MatrixC fractional_power_pade(const MatrixC& r, double t, int m) {
  MatrixC y = r * pade_constant(2 * m, t);
  for (int j = 2 * m - 1; j >= 1; --j) {
    MatrixC lhs = y;
    lhs.diagonal().array() += 1.0;
    y = lhs.triangularView<Eigen::Upper>().solve(r * pade_constant(j, t));
  }
  y.diagonal().array() += 1.0;
  return y;
}

// SciPy's _remainder_matrix_power_triu: t0^t for upper triangular t0 with a
// nonzero diagonal and -1 < t < 1.
MatrixC remainder_power_triu(const MatrixC& t0, double t) {
  const Index n = t0.rows();
  const VectorT<C> diag = t0.diagonal();
  const auto power = [](C x, double p) { return std::pow(x, p); };
  if (t0.isDiagonal(0.0)) {
    MatrixC u = MatrixC::Zero(n, n);
    for (Index j = 0; j < n; ++j) u(j, j) = power(diag(j), t);
    return u;
  }
  const inverse_scaling::Scaled scaled = inverse_scaling::inverse_squaring(t0, kTheta);
  MatrixC u = fractional_power_pade(-scaled.r, t, scaled.m);
  const bool principal = inverse_scaling::has_principal_branch(t0);
  for (int i = scaled.s; i >= 0; --i) {
    if (i < scaled.s) {
      u = (u.triangularView<Eigen::Upper>() * u).eval();
    } else if (principal) {
      // As SciPy, only the first (unsquared) approximation gets its diagonal
      // and superdiagonal recomputed.
      const double p = t * std::exp2(-i);
      for (Index j = 0; j < n; ++j) u(j, j) = power(diag(j), p);
      for (Index j = 0; j + 1 < n; ++j) {
        u(j, j + 1) = inverse_scaling::fractional_power_superdiag(t0(j, j), t0(j + 1, j + 1), t0(j, j + 1), p);
      }
    }
  }
  return u;
}

// SciPy's _remainder_matrix_power: a^t, -1 < t < 1, or nothing when the
// triangular form is singular. Real when SciPy's is: a real triangular form
// without negative eigenvalues.
template <class S>
std::optional<MatrixFunctionValue<double>> remainder_power(const MatrixT<S>& a, double t) {
  const TriangularForm<double> form = to_double(triangular_form(kWhere, a, /*skip_triangular=*/true));
  if ((form.t.diagonal().array() == C(0)).any()) return std::nullopt;
  MatrixFunctionValue<double> out;
  out.value = back_transform(remainder_power_triu(form.t, t), form.z, form.has_z);
  out.is_real = form.real && (form.t.diagonal().real().array() > 0).all();
  return out;
}

// a (of the input's scalar S) to the power p, in double (SciPy returns
// float64 for float32 input) but for the Schur form, computed in S as SciPy.
template <class S>
MatrixFunctionValue<double> power_double(const MatrixT<S>& a_in, double p) {
  using D = std::conditional_t<is_complex_v<S>, C, double>;
  constexpr bool kRealInput = !is_complex_v<S>;
  const MatrixT<D> a = a_in.template cast<D>();
  MatrixFunctionValue<double> out;
  out.is_real = kRealInput;
  if (p == std::trunc(p)) {
    out.value = matrix_power(a, static_cast<long long>(p)).template cast<C>();
    return out;
  }
  const Eigen::BDCSVD<MatrixT<D>> svd(a);
  const VectorT<double> s = svd.singularValues();
  if (s(s.size() - 1) != 0) {
    // Higham and Lin's choice of the integer part (Section 6): floor or ceil,
    // whichever bounds the condition of the remainder's computation better.
    const double k2 = s(0) / s(s.size() - 1);
    const double p1 = p - std::floor(p);
    const double p2 = p - std::ceil(p);
    const bool use_floor = p1 * std::pow(k2, 1 - p1) <= -p2 * k2;
    const double whole = use_floor ? std::floor(p) : std::ceil(p);
    try {
      if (auto r = remainder_power(a_in, use_floor ? p1 : p2)) {
        const MatrixT<D> q = matrix_power(a, static_cast<long long>(whole));
        r->value = q.template cast<C>() * r->value;
        return *r;
      }
    } catch (const LinAlgError&) {
      // As SciPy: fall through to the singular cases.
    }
  }
  const Index n = a.rows();
  if (p < 0) {
    out.value = MatrixC::Constant(n, n, C(std::numeric_limits<double>::quiet_NaN(), 0));
    return out;
  }
  // Singular a, p > 0: funm with the scalar power x^(p - floor p), as SciPy.
  const double b = p - std::floor(p);
  FunmResult<double> r;
  funm(a, FunmFunction<double>([b](C x) { return std::pow(x, b); }), r, {.disp = false, .check_finite = false});
  const MatrixT<D> q = matrix_power(a, static_cast<long long>(std::floor(p)));
  out.value = q.template cast<C>() * r.value;
  out.is_real = r.is_real;
  return out;
}

template <class S>
void compute(const MatrixT<S>& a, double t, MatrixFunctionValue<real_t<S>>& out,
             const FractionalMatrixPowerOptions& options) {
  check_matrix_function_input(kWhere, a, options.check_finite);
  // NumPy's matrix_power takes a machine integer: SciPy fails on NaN and inf.
  if (!(std::abs(t) < 0x1p62)) throw ValueError(cat(kWhere, ": t must be finite and below 2^62 in magnitude, got ", t));
  if (a.rows() == 0) {
    // SciPy 1.17 fails on an empty matrix (svdvals of nothing); an empty power is the natural answer.
    out.value.resize(0, 0);
    out.is_real = !is_complex_v<S>;
    return;
  }
  MatrixFunctionValue<double> value = power_double(a, t);
  if (value.is_real) value.value = value.value.real().template cast<C>();
  store_value(out, value);
}

}  // namespace

void fractional_matrix_power(const MatrixT<float>& a, double t, MatrixFunctionValue<float>& out,
                             const FractionalMatrixPowerOptions& options) {
  compute(a, t, out, options);
}
void fractional_matrix_power(const MatrixT<double>& a, double t, MatrixFunctionValue<double>& out,
                             const FractionalMatrixPowerOptions& options) {
  compute(a, t, out, options);
}
void fractional_matrix_power(const MatrixT<std::complex<float>>& a, double t, MatrixFunctionValue<float>& out,
                             const FractionalMatrixPowerOptions& options) {
  compute(a, t, out, options);
}
void fractional_matrix_power(const MatrixT<std::complex<double>>& a, double t, MatrixFunctionValue<double>& out,
                             const FractionalMatrixPowerOptions& options) {
  compute(a, t, out, options);
}

}  // namespace scilearn::linalg::detail
