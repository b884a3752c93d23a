// logm: the principal logarithm by inverse scaling and squaring (Al-Mohy and
// Higham 2012), as scipy.linalg.logm.

#include <scilearn/core/warnings.hpp>

#include "inverse_scaling.hpp"

namespace scilearn::linalg::detail {
namespace {

using inverse_scaling::C;
using inverse_scaling::MatrixC;

constexpr const char* kWhere = "logm";

// Al-Mohy and Higham's theta_m for the [m/m] Padé approximant of log(1 + x)
// (Table 2.1), the values SciPy uses.
constexpr inverse_scaling::Theta kTheta = {0, 1.59e-5, 2.31e-3, 1.94e-2, 6.21e-2, 1.28e-1, 2.06e-1, 2.88e-1};

// Gauss-Legendre nodes and weights on [0, 1] for m points (SciPy uses
// scipy.special.p_roots): Newton's iteration on the Legendre polynomial P_m
// from the Chebyshev-like starting guesses, to full double precision.
void gauss_legendre(int m, std::vector<double>& nodes, std::vector<double>& weights) {
  nodes.assign(static_cast<std::size_t>(m), 0.0);
  weights.assign(static_cast<std::size_t>(m), 0.0);
  for (int i = 0; i < m; ++i) {
    double x = std::cos(std::numbers::pi * (i + 0.75) / (m + 0.5));
    double derivative = 1;
    for (int iteration = 0; iteration < 100; ++iteration) {
      double p0 = 1;
      double p1 = x;
      for (int k = 2; k <= m; ++k) {
        const double p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
        p0 = p1;
        p1 = p2;
      }
      derivative = m * (x * p1 - p0) / (x * x - 1);
      const double step = p1 / derivative;
      x -= step;
      if (std::abs(step) <= 1e-16) break;
    }
    // Mapped from [-1, 1] to [0, 1], as SciPy: nodes 0.5 + 0.5 x, weights w / 2.
    nodes[static_cast<std::size_t>(i)] = 0.5 + 0.5 * x;
    weights[static_cast<std::size_t>(i)] = 1.0 / ((1 - x * x) * derivative * derivative);
  }
}

// SciPy's _logm_force_nonsingular_triangular_matrix.
void force_nonsingular(MatrixC& t) {
  constexpr double kTriEps = 1e-20;
  const auto abs_diag = t.diagonal().cwiseAbs();
  if ((abs_diag.array() == 0).any()) {
    warn(WarningCategory::user, "logm: The logm input matrix is exactly singular.");
    for (Index i = 0; i < t.rows(); ++i) {
      if (t(i, i) == C(0)) t(i, i) = kTriEps;
    }
  } else if ((abs_diag.array() < kTriEps).any()) {
    warn(WarningCategory::user, "logm: The logm input matrix may be nearly singular.");
  }
}

// SciPy's _logm_triu: log(t0) for upper triangular t0 with a nonzero diagonal.
MatrixC logm_triu(const MatrixC& t0) {
  const Index n = t0.rows();
  const inverse_scaling::Scaled scaled = inverse_scaling::inverse_squaring(t0, kTheta);
  std::vector<double> nodes;
  std::vector<double> weights;
  gauss_legendre(scaled.m, nodes, weights);
  // log(I + r) = sum_k w_k (I + x_k r)^-1 r, each term a triangular solve.
  MatrixC u = MatrixC::Zero(n, n);
  for (std::size_t k = 0; k < nodes.size(); ++k) {
    MatrixC lhs = nodes[k] * scaled.r;
    lhs.diagonal().array() += 1.0;
    u += lhs.triangularView<Eigen::Upper>().solve(weights[k] * scaled.r);
  }
  u *= std::exp2(scaled.s);
  if (inverse_scaling::has_principal_branch(t0)) {
    for (Index i = 0; i < n; ++i) u(i, i) = std::log(t0(i, i));
    for (Index i = 0; i + 1 < n; ++i) {
      u(i, i + 1) = inverse_scaling::logm_superdiag(t0(i, i), t0(i + 1, i + 1), t0(i, i + 1));
    }
  }
  return u.triangularView<Eigen::Upper>();
}

// The Schur form in a's precision, the rest in double (SciPy's logm returns
// float64 for float32 input).
template <class S>
MatrixFunctionValue<double> logm_double(const MatrixT<S>& a) {
  TriangularForm<double> form = to_double(triangular_form(kWhere, a, /*skip_triangular=*/true));
  force_nonsingular(form.t);
  MatrixFunctionValue<double> out;
  out.value = back_transform(logm_triu(form.t), form.z, form.has_z);
  // SciPy's _maybe_real on the complex128 result.
  maybe_real(out, !is_complex_v<S>, 1e6 * std::numeric_limits<double>::epsilon());
  return out;
}

template <class S>
void compute(const MatrixT<S>& a, MatrixFunctionValue<real_t<S>>& out, const LogmOptions& options) {
  check_matrix_function_input(kWhere, a, options.check_finite);
  if (a.rows() == 0) {
    // SciPy 1.17 fails on an empty matrix (an argmax of nothing); an empty log is the natural answer.
    out.value.resize(0, 0);
    out.is_real = !is_complex_v<S>;
    return;
  }
  store_value(out, logm_double(a));
}

}  // namespace

void logm(const MatrixT<float>& a, MatrixFunctionValue<float>& out, const LogmOptions& options) {
  compute(a, out, options);
}
void logm(const MatrixT<double>& a, MatrixFunctionValue<double>& out, const LogmOptions& options) {
  compute(a, out, options);
}
void logm(const MatrixT<std::complex<float>>& a, MatrixFunctionValue<float>& out, const LogmOptions& options) {
  compute(a, out, options);
}
void logm(const MatrixT<std::complex<double>>& a, MatrixFunctionValue<double>& out, const LogmOptions& options) {
  compute(a, out, options);
}

}  // namespace scilearn::linalg::detail
