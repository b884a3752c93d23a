// solve / qr / eigh / svd: inputs checked once, here (shapes, NaN / Inf), a
// device copy factored by the back end's solver (solver_backend.hpp), LAPACK's
// info turned into LinAlgError.
#include <thrust/count.h>
#include <thrust/for_each.h>
#include <thrust/iterator/counting_iterator.h>

#include <algorithm>
#include <scilearn/gpu/linalg.hpp>
#include <scilearn/gpu/primitives.hpp>

#include "solver_backend.hpp"
#include "thrust_support.hpp"

namespace scilearn::gpu {

namespace {

// R(i, j) = A(i, j) on and above the diagonal, 0 below; R is k x n, A m x n.
template <class T>
struct UpperPart {
  const T* A;
  Index m;
  Index k;
  T* R;
  SCILEARN_HD void operator()(Index t) const {
    const Index i = t % k, j = t / k;
    R[t] = i <= j ? A[i + j * m] : T(0);
  }
};

template <class T>
void check_square(const char* routine, const DeviceMatrix<T>& a) {
  if (a.rows() != a.cols())
    throw ValueError(cat("gpu::", routine, ": a must be square, got ", a.rows(), "x", a.cols()));
}

// The SVD of a with m >= n, by the back end.
template <class T>
SVD<T> tall_svd(const DeviceMatrix<T>& a) {
  const Index m = a.rows(), n = a.cols();
  DeviceMatrix<T> work = a.clone();
  SVD<T> out{DeviceMatrix<T>(m, n), DeviceVector<T>(n), DeviceMatrix<T>(n, n)};
  if (n == 0) return out;
  if (detail::gesvd(m, n, work.data(), out.s.data(), out.U.data(), out.Vh.data()) > 0)
    throw LinAlgError("gpu::svd: the SVD did not converge");
  return out;
}

}  // namespace

namespace detail {

template <class T>
void check_finite(const char* routine, const char* name, const DeviceMatrix<T>& M) {
  const auto bad =
      guarded(routine, [&] { return thrust::count_if(device, M.data(), M.data() + M.size(), NotFinite<T>{}); });
  if (bad > 0) throw ValueError(cat("gpu::", routine, ": ", name, " contains ", bad, " NaN or infinite entries"));
}

template void check_finite(const char*, const char*, const DeviceMatrix<float>&);
template void check_finite(const char*, const char*, const DeviceMatrix<double>&);

}  // namespace detail

using detail::check_finite;

template <DeviceReal T>
DeviceMatrix<T> solve(const DeviceMatrix<T>& a, const DeviceMatrix<T>& b, AssumeA assume_a) {
  check_square("solve", a);
  if (b.rows() != a.rows())
    throw ValueError(cat("gpu::solve: a is ", a.rows(), "x", a.cols(), " but b has ", b.rows(), " rows"));
  detail::check_int_sizes("solve", a.rows(), b.cols());
  check_finite("solve", "a", a);
  check_finite("solve", "b", b);
  const Index n = a.rows();
  return detail::guarded("solve", [&] {
    DeviceMatrix<T> factors = a.clone();
    DeviceMatrix<T> x = b.clone();
    if (n == 0) return x;
    if (assume_a == AssumeA::pos) {
      if (const int info = detail::potrf_lower(n, factors.data()); info > 0)
        throw LinAlgError(cat("gpu::solve: a is not positive definite (its leading minor of order ", info,
                              " is not positive)"));
      if (x.cols() > 0) detail::potrs_lower(n, x.cols(), factors.data(), x.data());
    } else {
      DeviceVector<std::int32_t> pivots(n);
      if (const int info = detail::getrf(n, factors.data(), pivots.data()); info > 0)
        throw LinAlgError(cat("gpu::solve: a is singular (U(", info - 1, ", ", info - 1, ") of its LU factors is 0)"));
      if (x.cols() > 0) detail::getrs(n, x.cols(), factors.data(), pivots.data(), x.data());
    }
    return x;
  });
}

template <DeviceReal T>
QR<T> qr(const DeviceMatrix<T>& a) {
  detail::check_int_sizes("qr", a.rows(), a.cols());
  check_finite("qr", "a", a);
  const Index m = a.rows(), n = a.cols(), k = std::min(m, n);
  return detail::guarded("qr", [&] {
    if (k == 0) return QR<T>{DeviceMatrix<T>(m, 0), DeviceMatrix<T>(0, n)};
    DeviceMatrix<T> work = a.clone();
    DeviceVector<T> tau(k);
    detail::geqrf(m, n, work.data(), tau.data());
    DeviceMatrix<T> R(k, n);
    thrust::for_each(detail::device, thrust::counting_iterator<Index>(0), thrust::counting_iterator<Index>(R.size()),
                     UpperPart<T>{work.data(), m, k, R.data()});
    detail::orgqr(m, k, work.data(), tau.data());
    DeviceMatrix<T> Q = k == n ? std::move(work) : work.middle_cols(0, k).clone();
    return QR<T>{std::move(Q), std::move(R)};
  });
}

template <DeviceReal T>
Eigh<T> eigh(const DeviceMatrix<T>& a) {
  check_square("eigh", a);
  detail::check_int_sizes("eigh", a.rows(), a.cols());
  check_finite("eigh", "a", a);
  const Index n = a.rows();
  return detail::guarded("eigh", [&] {
    Eigh<T> out{DeviceVector<T>(n), a.clone()};
    if (n > 0 && detail::syevd(n, out.v.data(), out.w.data()) > 0)
      throw LinAlgError("gpu::eigh: the eigenvalue solver did not converge");
    return out;
  });
}

template <DeviceReal T>
SVD<T> svd(const DeviceMatrix<T>& a) {
  detail::check_int_sizes("svd", a.rows(), a.cols());
  check_finite("svd", "a", a);
  return detail::guarded("svd", [&] {
    if (a.rows() >= a.cols()) return tall_svd(a);
    // a^T = U' S V'^T gives a = V' S U'^T: the back ends then see only m >= n
    // (cuSOLVER's gesvd requires it).
    SVD<T> t = tall_svd(transpose(a));
    return SVD<T>{transpose(t.Vh), std::move(t.s), transpose(t.U)};
  });
}

#define SCILEARN_GPU_LINALG(T)                                                        \
  template DeviceMatrix<T> solve(const DeviceMatrix<T>&, const DeviceMatrix<T>&, AssumeA); \
  template QR<T> qr(const DeviceMatrix<T>&);                                          \
  template Eigh<T> eigh(const DeviceMatrix<T>&);                                      \
  template SVD<T> svd(const DeviceMatrix<T>&);
SCILEARN_GPU_LINALG(float)
SCILEARN_GPU_LINALG(double)
#undef SCILEARN_GPU_LINALG

}  // namespace scilearn::gpu
