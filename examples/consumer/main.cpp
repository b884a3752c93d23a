// Solves a small system with an installed scilearn and checks the answer, so
// that the install tree (headers, libraries, CMake package) is proven usable.
#include <scilearn/core.hpp>
#include <scilearn/linalg.hpp>

#include <cstdio>

int main() {
  const scilearn::Matrix a{{3, 2, 0}, {1, -1, 0}, {0, 5, 1}};
  const scilearn::Vector b{{2, 4, -1}};
  const scilearn::Vector x = scilearn::linalg::solve(a, b);
  const double error = (x - scilearn::Vector{{2, -2, 9}}).cwiseAbs().maxCoeff();
  std::printf("consumer: x = [%g, %g, %g], max error %.1e\n", x(0), x(1), x(2), error);
  return error < 1e-12 ? 0 : 1;
}
