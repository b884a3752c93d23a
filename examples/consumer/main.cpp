// Solves a small system with an installed scilearn, densely and with a sparse
// Krylov solver, and checks both answers, so that the install tree (headers,
// libraries, CMake package) is proven usable.
#include <scilearn/core.hpp>
#include <scilearn/linalg.hpp>
#include <scilearn/sparse.hpp>

#include <cstdio>
#include <vector>

int main() {
  const scilearn::Matrix a{{3, 2, 0}, {1, -1, 0}, {0, 5, 1}};
  const scilearn::Vector b{{2, 4, -1}};
  const scilearn::Vector x = scilearn::linalg::solve(a, b);
  const double error = (x - scilearn::Vector{{2, -2, 9}}).cwiseAbs().maxCoeff();
  std::printf("consumer: x = [%g, %g, %g], max error %.1e\n", x(0), x(1), x(2), error);

  // The 1-D Laplacian tridiag(-1, 2, -1) of size 4 with x = (1, 1, 1, 1): b = (1, 0, 0, 1).
  std::vector<scilearn::sparse::Triplet> t;
  for (int i = 0; i < 4; ++i) {
    t.emplace_back(i, i, 2.0);
    if (i > 0) t.emplace_back(i, i - 1, -1.0);
    if (i < 3) t.emplace_back(i, i + 1, -1.0);
  }
  scilearn::sparse::CsrMatrix laplacian(4, 4);
  laplacian.setFromTriplets(t.begin(), t.end());
  const auto r = scilearn::sparse::cg(laplacian, scilearn::Vector{{1, 0, 0, 1}}, {.rtol = 1e-12});
  const double sparse_error = (r.x - scilearn::Vector::Ones(4)).cwiseAbs().maxCoeff();
  std::printf("consumer: cg info %d after %d iterations, max error %.1e\n", r.info, r.nit, sparse_error);
  return error < 1e-12 && r.info == 0 && sparse_error < 1e-10 ? 0 : 1;
}
