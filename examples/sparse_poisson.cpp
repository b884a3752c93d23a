// The 2-D Poisson problem on a 300 x 300 grid, three ways scipy.sparse users
// know: a direct solve (UMFPACK), conjugate gradients with a Jacobi
// preconditioner, and its 6 smallest eigenvalues by shift-invert Lanczos
// (ARPACK), checked against the closed form 4 - 2 cos(i pi / (n + 1)) - 2 cos(j pi / (n + 1)).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numbers>
#include <scilearn/sparse.hpp>
#include <vector>

using scilearn::Index;
using scilearn::Vector;
namespace sparse = scilearn::sparse;

int main() {
  const Index n = 300;
  const sparse::CsrMatrix t = sparse::diags(
      {Vector::Constant(n - 1, -1.0), Vector::Constant(n, 2.0), Vector::Constant(n - 1, -1.0)}, {-1, 0, 1});
  const sparse::CsrMatrix a = sparse::kron(sparse::eye(n), t) + sparse::kron(t, sparse::eye(n));
  const Vector b = Vector::Ones(a.rows());

  const Vector x = sparse::spsolve(a, b);
  const sparse::KrylovResult cg = sparse::cg(a, b, {.rtol = 1e-10, .M = sparse::jacobi(a)});
  std::printf("spsolve: residual %.1e\n", (b - a * x).norm() / b.norm());
  std::printf("cg:      %d iterations, info %d, distance to spsolve %.1e\n", cg.nit, cg.info,
              (cg.x - x).norm() / x.norm());

  const sparse::EigshResult low = sparse::eigsh(a, 6, {.sigma = 0.0});
  std::vector<double> exact;
  for (Index i = 1; i <= 4; ++i) {
    for (Index j = 1; j <= 4; ++j) {
      const double h = std::numbers::pi / static_cast<double>(n + 1);
      exact.push_back(4 - 2 * std::cos(static_cast<double>(i) * h) - 2 * std::cos(static_cast<double>(j) * h));
    }
  }
  std::sort(exact.begin(), exact.end());
  double worst = 0;
  for (Index i = 0; i < 6; ++i) {
    std::printf("eigsh:   lambda_%ld = %.12f (exact %.12f)\n", static_cast<long>(i), low.eigenvalues(i),
                exact[static_cast<std::size_t>(i)]);
    worst = std::max(worst, std::abs(low.eigenvalues(i) - exact[static_cast<std::size_t>(i)]));
  }
  std::printf("%s after %d operator applications; largest error %.1e\n", low.message.c_str(), low.nops, worst);
  return (cg.success() && low.success() && worst < 1e-10) ? 0 : 1;
}
