#include <scilearn/core/validation.hpp>
#include <scilearn/linalg/solve_triangular.hpp>

#include "lapack.hpp"

namespace scilearn::linalg::detail {
namespace {

constexpr const char* kWhere = "solve_triangular";

template <class S>
void solve_triangular_any(const Eigen::Ref<const MatrixT<S>>& a, Eigen::Ref<MatrixT<S>> x,
                          const SolveTriangularOptions& options) {
  check_square(kWhere, "a", a);
  if (x.rows() != a.rows()) {
    throw ValueError(cat("solve_triangular: a is ", a.rows(), "x", a.cols(), " but b has ", x.rows(), " rows"));
  }
  if (options.check_finite) {
    check_finite(kWhere, "a", a);
    check_finite(kWhere, "b", x);
  }
  if (a.size() == 0 || x.size() == 0) return;  // SciPy: empty in, empty out
  const char trans = options.trans == Trans::N ? 'N' : options.trans == Trans::T ? 'T' : (is_complex_v<S> ? 'C' : 'T');
  const lapack_index n = to_lapack_index(kWhere, a.rows());
  const lapack_index info =
      trtrs(options.lower ? 'L' : 'U', trans, options.unit_diagonal ? 'U' : 'N', n, to_lapack_index(kWhere, x.cols()),
            a.data(), to_lapack_index(kWhere, a.outerStride()), x.data(), to_lapack_index(kWhere, x.outerStride()));
  check_argument_info("trtrs", info);
  if (info > 0) {
    // SciPy's message, with its 0-based index.
    throw LinAlgError(cat("solve_triangular: singular matrix: resolution failed at diagonal ", info - 1));
  }
}

}  // namespace

void solve_triangular_in_place(const Eigen::Ref<const MatrixT<float>>& a, Eigen::Ref<MatrixT<float>> x,
                               const SolveTriangularOptions& options) {
  solve_triangular_any<float>(a, x, options);
}
void solve_triangular_in_place(const Eigen::Ref<const MatrixT<double>>& a, Eigen::Ref<MatrixT<double>> x,
                               const SolveTriangularOptions& options) {
  solve_triangular_any<double>(a, x, options);
}
void solve_triangular_in_place(const Eigen::Ref<const MatrixT<std::complex<float>>>& a,
                               Eigen::Ref<MatrixT<std::complex<float>>> x, const SolveTriangularOptions& options) {
  solve_triangular_any<std::complex<float>>(a, x, options);
}
void solve_triangular_in_place(const Eigen::Ref<const MatrixT<std::complex<double>>>& a,
                               Eigen::Ref<MatrixT<std::complex<double>>> x, const SolveTriangularOptions& options) {
  solve_triangular_any<std::complex<double>>(a, x, options);
}

}  // namespace scilearn::linalg::detail
