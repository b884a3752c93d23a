#include <scilearn/core/validation.hpp>
#include <scilearn/linalg/hessenberg.hpp>

#include "lapack_schur.hpp"

namespace scilearn::linalg::detail {
namespace {

template <class S>
void reduce(MatrixT<S>& a, MatrixT<S>& q, const HessenbergOptions& options) {
  constexpr const char* where = "hessenberg";
  if (options.check_finite) check_finite(where, "a", a);  // SciPy's order: finiteness, then shape
  check_square(where, "a", a);
  const lapack_index n = to_lapack_index(where, a.rows());
  q.resize(0, 0);
  // SciPy returns a matrix of order <= 2 as it is (already Hessenberg), with
  // the identity for q.
  if (n <= 2) {
    if (options.calc_q) q = MatrixT<S>::Identity(n, n);
    return;
  }
  // SciPy balances with ?gebal(permute=0, scale=0), which leaves a as it is
  // (ilo = 1, ihi = n): the whole matrix is reduced.
  std::vector<S> tau(static_cast<std::size_t>(n - 1));
  check_argument_info("gehrd", gehrd(n, 1, n, a.data(), n, tau.data()));
  if (options.calc_q) {
    q = a;
    check_argument_info(is_complex_v<S> ? "unghr" : "orghr", orghr(n, 1, n, q.data(), n, tau.data()));
  }
  // SciPy's np.triu(hq, -1): the reflectors below the first subdiagonal go.
  for (Index j = 0; j + 2 < n; ++j) a.col(j).tail(n - j - 2).setZero();
}

}  // namespace

void hessenberg_in_place(MatrixT<float>& a, MatrixT<float>& q, const HessenbergOptions& options) {
  reduce(a, q, options);
}
void hessenberg_in_place(MatrixT<double>& a, MatrixT<double>& q, const HessenbergOptions& options) {
  reduce(a, q, options);
}
void hessenberg_in_place(MatrixT<std::complex<float>>& a, MatrixT<std::complex<float>>& q,
                         const HessenbergOptions& options) {
  reduce(a, q, options);
}
void hessenberg_in_place(MatrixT<std::complex<double>>& a, MatrixT<std::complex<double>>& q,
                         const HessenbergOptions& options) {
  reduce(a, q, options);
}

}  // namespace scilearn::linalg::detail
