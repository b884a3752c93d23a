// expm_multiply: Al-Mohy & Higham (2011), Algorithm 3.2 without balancing,
// with SciPy 1.17's parameter choice (_fragment_3_1, m_max = 55, ell = 2).
#include <cmath>
#include <limits>
#include <map>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/core/validation.hpp>
#include <scilearn/sparse/expm_multiply.hpp>
#include <scilearn/sparse/linear_operator.hpp>
#include <scilearn/sparse/onenormest.hpp>
#include <utility>
#include <vector>

#include "direct_checks.hpp"

namespace scilearn::sparse {

namespace {

constexpr const char* where = "expm_multiply";
constexpr double tol = 0x1.0p-53;  // unit roundoff of double
constexpr int m_max = 55;
constexpr int ell = 2;  // columns of the norm estimates

// theta_m: the largest ||A|| t for which degree m meets tol (Al-Mohy & Higham
// 2011, Table 3.1; m <= 30 from Higham, "Functions of Matrices", Table A.3).
const std::map<int, double>& theta() {
  static const std::map<int, double> table{
      {1, 2.29e-16}, {2, 2.58e-8}, {3, 1.39e-5}, {4, 3.40e-4}, {5, 2.40e-3}, {6, 9.07e-3}, {7, 2.38e-2},
      {8, 5.00e-2},  {9, 8.96e-2}, {10, 1.44e-1}, {11, 2.14e-1}, {12, 3.00e-1}, {13, 4.00e-1}, {14, 5.14e-1},
      {15, 6.41e-1}, {16, 7.81e-1}, {17, 9.31e-1}, {18, 1.09}, {19, 1.26}, {20, 1.44}, {21, 1.62},
      {22, 1.82},    {23, 2.01},  {24, 2.22},  {25, 2.43},  {26, 2.64},  {27, 2.86},  {28, 3.08},
      {29, 3.31},    {30, 3.54},  {35, 4.7},   {40, 6.0},   {45, 7.2},   {50, 8.5},   {55, 9.9}};
  return table;
}

/// The largest p with p (p - 1) <= m_max + 1 (SciPy's _compute_p_max): 8.
constexpr int p_max() {
  int p = 1;
  while ((p + 1) * p <= m_max + 1) ++p;
  return p;
}

/// ||X||_inf: the largest absolute row sum.
double inf_norm(const Matrix& x) { return x.cwiseAbs().rowwise().sum().maxCoeff(); }

/// d_p = ||A^p||_1^(1/p), estimated with onenormest (t = ell), cached.
class PowerNorms {
 public:
  explicit PowerNorms(LinearOperator a) : a_(std::move(a)) {}
  double d(int p) {
    auto it = cache_.find(p);
    if (it != cache_.end()) return it->second;
    const LinearOperator& a = a_;
    const LinearOperator power(
        a.rows(), a.cols(),
        [&a, p](const VectorView& x, VectorRef y) {
          Vector v = x;
          for (int k = 0; k < p; ++k) {
            a.apply(v, y);
            v = y;
          }
        },
        [&a, p](const VectorView& x, VectorRef y) {
          Vector v = x;
          for (int k = 0; k < p; ++k) {
            a.apply_transpose(v, y);
            v = y;
          }
        });
    const double value = std::pow(onenormest(power, {.t = ell}).est, 1.0 / p);
    cache_.emplace(p, value);
    return value;
  }
  double alpha(int p) { return std::max(d(p), d(p + 1)); }

 private:
  LinearOperator a_;
  std::map<int, double> cache_;
};

/// (m*, s): the Taylor degree and the number of steps for exp(t A) with t >= 0
/// (SciPy's _fragment_3_1 on t A): ||t A||_1 = t norm1, ||(t A)^p||^(1/p) =
/// t d_p.
std::pair<int, int> parameters(PowerNorms& norms, double norm1, double t, Index n0) {
  const auto& th = theta();
  const double t_norm1 = t * norm1;
  if (t_norm1 == 0) return {0, 1};
  int best_m = 0;
  long long best_s = 0;
  const auto better = [&](int m, long long s) { return best_m == 0 || m * s < best_m * best_s; };
  const double bound = 2.0 * ell * p_max() * (p_max() + 3) * th.at(m_max) / (static_cast<double>(n0) * m_max);
  if (t_norm1 <= bound) {  // Al-Mohy & Higham's (3.13): ||A||_1 alone decides
    for (const auto& [m, theta_m] : th) {
      const auto s = static_cast<long long>(std::ceil(t_norm1 / theta_m));
      if (better(m, s)) best_m = m, best_s = s;
    }
  } else {  // (3.11), with estimates of ||A^p||_1^(1/p)
    for (int p = 2; p <= p_max(); ++p) {
      for (int m = p * (p - 1) - 1; m <= m_max; ++m) {
        const auto it = th.find(m);
        if (it == th.end()) continue;
        const auto s = static_cast<long long>(std::ceil(t * norms.alpha(p) / it->second));
        if (better(m, s)) best_m = m, best_s = s;
      }
    }
    best_s = std::max(best_s, 1LL);
  }
  if (best_s > std::numeric_limits<int>::max()) {
    throw ValueError(cat(where, ": ||t A||_1 = ", t_norm1, " needs more than 2^31 Taylor steps"));
  }
  return {best_m, static_cast<int>(best_s)};
}

/// A - mu I with mu = trace(A) / n, and its 1-norm: what decides the work.
template <class M>
struct Shifted {
  M a;
  double mu = 0;
  double norm1 = 0;
};

/// The checks of both forms, then A shifted.
template <class M>
Shifted<M> shifted(const M& a_in, const Eigen::Ref<const Matrix>& b_in, const ExpmMultiplyOptions& o) {
  check_square(where, "A", a_in);
  if (b_in.rows() != a_in.rows()) {
    throw ValueError(cat(where, ": A is ", a_in.rows(), "x", a_in.cols(), " but B has ", b_in.rows(), " rows"));
  }
  if (o.check_finite) {
    detail::check_stored_finite(where, "A", a_in);
    check_finite(where, "B", b_in);
  }
  if (o.traceA && !std::isfinite(*o.traceA)) throw ValueError(cat(where, ": traceA must be finite, got ", *o.traceA));
  const Index n = a_in.rows();
  Shifted<M> out;
  if (n == 0) return out;
  out.mu = o.traceA.value_or(a_in.diagonal().sum()) / static_cast<double>(n);
  M identity(n, n);
  identity.setIdentity();
  out.a = a_in - out.mu * identity;
  out.norm1 = Matrix(out.a.cwiseAbs().transpose() * Vector::Ones(n)).maxCoeff();
  return out;
}

/// exp(t (A - mu I)) exp(t mu) b by s Taylor steps of degree at most m*,
/// each stopped once its terms fall below tol of the sum (Algorithm 3.2's
/// loop, SciPy's _expm_multiply_simple_core).
template <class M>
Matrix taylor_steps(const Shifted<M>& sa, Matrix b, double t, std::pair<int, int> degree_steps) {
  const auto [m_star, s] = degree_steps;
  Matrix f = b;
  const double eta = std::exp(t * sa.mu / s);
  for (int i = 0; i < s; ++i) {
    double c1 = inf_norm(b);
    for (int j = 0; j < m_star; ++j) {
      b = (t / (static_cast<double>(s) * (j + 1))) * (sa.a * b);
      const double c2 = inf_norm(b);
      f += b;
      if (c1 + c2 <= tol * inf_norm(f)) break;  // the series has converged
      c1 = c2;
    }
    f *= eta;
    b = f;
  }
  return f;
}

template <class M>
Matrix run(const M& a_in, const Eigen::Ref<const Matrix>& b_in, const ExpmMultiplyOptions& o) {
  const Shifted<M> sa = shifted(a_in, b_in, o);
  if (a_in.rows() == 0 || b_in.cols() == 0) return b_in;
  PowerNorms norms{LinearOperator(sa.a)};
  return taylor_steps(sa, b_in, 1.0, parameters(norms, sa.norm1, 1.0, b_in.cols()));
}

/// exp(t_k A) B on numpy.linspace(start, stop, num, endpoint): exp(t_0 A) B,
/// then steps of h = t_{k+1} - t_k, each exp(h A) applied with one choice
/// of (m*, s) for |h|. The semigroup property makes each point as accurate
/// as a direct call; SciPy's Algorithm 5.2 shares Taylor terms between
/// points instead, and takes the first point with the parameters of the
/// whole interval.
template <class M>
std::vector<Matrix> run_grid(const M& a_in, const Eigen::Ref<const Matrix>& b_in, const ExpmMultiplyGrid& grid,
                             const ExpmMultiplyOptions& o) {
  if (!std::isfinite(grid.start) || !std::isfinite(grid.stop)) {
    throw ValueError(cat(where, ": start and stop must be finite, got ", grid.start, " and ", grid.stop));
  }
  if (grid.num < 2) throw ValueError(cat(where, ": at least two time points are required, got num = ", grid.num));
  const Shifted<M> sa = shifted(a_in, b_in, o);
  // numpy.linspace: t_k = start + k step, the last one stop itself with endpoint.
  const double step = (grid.stop - grid.start) / (grid.endpoint ? grid.num - 1 : grid.num);
  std::vector<Matrix> out;
  out.reserve(static_cast<std::size_t>(grid.num));
  if (a_in.rows() == 0 || b_in.cols() == 0) {
    out.assign(static_cast<std::size_t>(grid.num), b_in);
    return out;
  }
  PowerNorms norms{LinearOperator(sa.a)};
  const Index n0 = b_in.cols();
  out.push_back(grid.start == 0 ? Matrix(b_in)
                                : taylor_steps(sa, b_in, grid.start,
                                               parameters(norms, sa.norm1, std::abs(grid.start), n0)));
  const auto per_step = parameters(norms, sa.norm1, std::abs(step), n0);
  for (int k = 1; k < grid.num; ++k) {
    const double t_prev = grid.start + (k - 1) * step;
    const double t_k = grid.endpoint && k == grid.num - 1 ? grid.stop : grid.start + k * step;
    // The last step of an endpoint grid is stop - t_{q-1}, h up to rounding.
    const double h = t_k - t_prev;
    out.push_back(taylor_steps(sa, out.back(), h, h == step ? per_step : parameters(norms, sa.norm1, std::abs(h), n0)));
  }
  return out;
}

}  // namespace

Matrix detail::expm_multiply(const CsrMatrix& A, const Eigen::Ref<const Matrix>& B, const ExpmMultiplyOptions& o) {
  return run(A, B, o);
}
Matrix detail::expm_multiply(const CscMatrix& A, const Eigen::Ref<const Matrix>& B, const ExpmMultiplyOptions& o) {
  return run(A, B, o);
}
std::vector<Matrix> detail::expm_multiply(const CsrMatrix& A, const Eigen::Ref<const Matrix>& B,
                                          const ExpmMultiplyGrid& grid, const ExpmMultiplyOptions& o) {
  return run_grid(A, B, grid, o);
}
std::vector<Matrix> detail::expm_multiply(const CscMatrix& A, const Eigen::Ref<const Matrix>& B,
                                          const ExpmMultiplyGrid& grid, const ExpmMultiplyOptions& o) {
  return run_grid(A, B, grid, o);
}

}  // namespace scilearn::sparse
