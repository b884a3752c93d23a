#include <Eigen/QR>
#include <limits>
#include <scilearn/core/validation.hpp>
#include <scilearn/optimize/nnls.hpp>
#include <vector>

namespace scilearn::optimize {

NnlsResult nnls(const Eigen::Ref<const Matrix>& a, const Eigen::Ref<const Vector>& b, int maxiter) {
  constexpr const char* kWhere = "nnls";
  check_finite(kWhere, "A", a);
  check_finite(kWhere, "b", b);
  check_same_length(kWhere, "A", a.rows(), "b", b.size());
  if (maxiter < 0) throw ValueError(cat(kWhere, ": maxiter must be >= 0, got ", maxiter));
  const Index m = a.rows(), n = a.cols();
  const int limit = maxiter > 0 ? maxiter : static_cast<int>(3 * n);
  // Gradient components below this count as zero: rounding in A'(b - A x)
  // is of order eps ||A|| ||b|| summed over max(m, n) terms.
  const double tol = 10 * std::numeric_limits<double>::epsilon() *
                     (m > 0 && n > 0 ? a.cwiseAbs().colwise().sum().maxCoeff() : 0.0) * static_cast<double>(std::max(m, n));
  NnlsResult out;
  out.x = Vector::Zero(n);
  Vector& x = out.x;
  std::vector<char> passive(static_cast<std::size_t>(n), 0);
  // The least-squares solution on the passive set (zero elsewhere).
  const auto solve_passive = [&]() {
    std::vector<Index> cols;
    for (Index j = 0; j < n; ++j) {
      if (passive[static_cast<std::size_t>(j)]) cols.push_back(j);
    }
    Vector z = Vector::Zero(n);
    const Matrix ap = a(Eigen::all, cols);
    const Vector zp = ap.colPivHouseholderQr().solve(b);
    for (std::size_t k = 0; k < cols.size(); ++k) z(cols[k]) = zp(static_cast<Index>(k));
    ++out.iterations;
    return z;
  };
  Vector w = a.transpose() * b;
  for (;;) {
    Index t = -1;
    for (Index j = 0; j < n; ++j) {
      if (!passive[static_cast<std::size_t>(j)] && w(j) > tol && (t < 0 || w(j) > w(t))) t = j;
    }
    if (t < 0) {
      out.converged = true;
      break;
    }
    passive[static_cast<std::size_t>(t)] = 1;
    bool exhausted = false;
    for (;;) {
      if (out.iterations >= limit) {
        exhausted = true;
        break;
      }
      const Vector z = solve_passive();
      double alpha = 1;  // the longest step from x toward z that keeps the passive variables >= 0
      for (Index j = 0; j < n; ++j) {
        if (passive[static_cast<std::size_t>(j)] && z(j) <= 0) alpha = std::min(alpha, x(j) / (x(j) - z(j)));
      }
      if (alpha >= 1) {
        x = z;
        break;
      }
      x += alpha * (z - x);
      for (Index j = 0; j < n; ++j) {
        if (passive[static_cast<std::size_t>(j)] && x(j) <= tol) {
          passive[static_cast<std::size_t>(j)] = 0;
          x(j) = 0;
        }
      }
    }
    if (exhausted) break;
    w = a.transpose() * (b - a * x);
  }
  out.rnorm = (a * x - b).norm();
  return out;
}

}  // namespace scilearn::optimize
