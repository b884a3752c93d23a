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
  explicit PowerNorms(const LinearOperator& a) : a_(a) {}
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
  const LinearOperator& a_;
  std::map<int, double> cache_;
};

/// (m*, s): the Taylor degree and the number of steps (SciPy's _fragment_3_1).
std::pair<int, int> parameters(const LinearOperator& a, double norm1, Index n0) {
  const auto& th = theta();
  int best_m = 0;
  long long best_s = 0;
  const auto better = [&](int m, long long s) { return best_m == 0 || m * s < best_m * best_s; };
  const double bound = 2.0 * ell * p_max() * (p_max() + 3) * th.at(m_max) / (static_cast<double>(n0) * m_max);
  if (norm1 <= bound) {  // Al-Mohy & Higham's (3.13): ||A||_1 alone decides
    for (const auto& [m, theta_m] : th) {
      const auto s = static_cast<long long>(std::ceil(norm1 / theta_m));
      if (better(m, s)) best_m = m, best_s = s;
    }
  } else {  // (3.11), with estimates of ||A^p||_1^(1/p)
    PowerNorms norms(a);
    for (int p = 2; p <= p_max(); ++p) {
      for (int m = p * (p - 1) - 1; m <= m_max; ++m) {
        const auto it = th.find(m);
        if (it == th.end()) continue;
        const auto s = static_cast<long long>(std::ceil(norms.alpha(p) / it->second));
        if (better(m, s)) best_m = m, best_s = s;
      }
    }
    best_s = std::max(best_s, 1LL);
  }
  if (best_s > std::numeric_limits<int>::max()) {
    throw ValueError(cat(where, ": ||A||_1 = ", norm1, " needs more than 2^31 Taylor steps"));
  }
  return {best_m, static_cast<int>(best_s)};
}

template <class M>
Matrix run(const M& a_in, const Eigen::Ref<const Matrix>& b_in, const ExpmMultiplyOptions& o) {
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
  if (n == 0 || b_in.cols() == 0) return b_in;
  // Shift by mu = trace(A) / n: the norm that decides the work is that of A - mu I.
  const double mu = o.traceA.value_or(a_in.diagonal().sum()) / static_cast<double>(n);
  M identity(n, n);
  identity.setIdentity();
  const M a = a_in - mu * identity;
  const double norm1 = Matrix(a.cwiseAbs().transpose() * Vector::Ones(n)).maxCoeff();
  int m_star = 0;
  int s = 1;
  if (norm1 != 0) std::tie(m_star, s) = parameters(LinearOperator(a), norm1, b_in.cols());

  Matrix f = b_in;
  Matrix b = b_in;
  const double eta = std::exp(mu / s);
  for (int i = 0; i < s; ++i) {
    double c1 = inf_norm(b);
    for (int j = 0; j < m_star; ++j) {
      b = (1.0 / (static_cast<double>(s) * (j + 1))) * (a * b);
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

}  // namespace

Matrix detail::expm_multiply(const CsrMatrix& A, const Eigen::Ref<const Matrix>& B, const ExpmMultiplyOptions& o) {
  return run(A, B, o);
}
Matrix detail::expm_multiply(const CscMatrix& A, const Eigen::Ref<const Matrix>& B, const ExpmMultiplyOptions& o) {
  return run(A, B, o);
}

}  // namespace scilearn::sparse
