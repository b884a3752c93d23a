// scilearn quickstart: what the library does today, in one small program.
// Built and run by the README's first command (scripts/quickstart).
#include <filesystem>
#include <iostream>
#include <scilearn/core.hpp>
#include <scilearn/linalg.hpp>

int main() {
  using namespace scilearn;

  // A reproducible random system: the same seed gives the same numbers on
  // every machine and thread count.
  Generator rng(42);
  const Index n = 500;
  const Matrix a = rng.standard_normal(n, n) + static_cast<double>(n) * Matrix::Identity(n, n);
  const Vector x_true = rng.standard_normal(n);
  const Vector b = a * x_true;

  // scipy.linalg.solve, on LAPACK.
  const Vector x = linalg::solve(a, b);
  std::cout << "linalg::solve, n = " << n << ": max |x - x_true| = " << (x - x_true).cwiseAbs().maxCoeff()
            << ", relative residual = " << (a * x - b).norm() / (a.norm() * x.norm()) << "\n";

  // A symmetric positive definite system through Cholesky.
  const Matrix spd = a.transpose() * a;
  const Vector y = linalg::solve(spd, b, {.assume_a = linalg::AssumeA::pos});
  std::cout << "linalg::solve(assume_a = pos): relative residual = " << (spd * y - b).norm() / (spd.norm() * y.norm())
            << "\n";

  // Least squares (scipy.linalg.lstsq): the straight line through noisy points.
  const Vector t = Vector::LinSpaced(50, 0.0, 1.0);
  Matrix design(50, 2);
  design << Vector::Ones(50), t;
  const Vector observed = 2.0 + 3.0 * t.array() + 0.01 * rng.standard_normal(50).array();
  const auto fit = linalg::lstsq(design, observed);
  std::cout << "linalg::lstsq: intercept " << fit.x(0) << ", slope " << fit.x(1) << " (true 2, 3), rank " << fit.rank
            << "\n";

  // Errors are typed exceptions with messages that say what went wrong.
  try {
    (void)linalg::solve(Matrix::Ones(3, 3), Vector::Ones(3));
  } catch (const LinAlgError& e) {
    std::cout << "LinAlgError: " << e.what() << "\n";
  }

  // NumPy's .npy format in and out: np.load("x.npy") reads this file.
  const auto path = std::filesystem::temp_directory_path() / "scilearn_quickstart_x.npy";
  io::save_npy(path, x);
  const Vector x_back = io::load_npy_vector<double>(path);
  std::filesystem::remove(path);
  std::cout << "io::save_npy / load_npy_vector round trip exact: " << std::boolalpha << (x_back == x) << "\n";
  return 0;
}
