// PCA by covariance + eigh (scikit-learn's covariance_eigh solver). The data
// are centered first rather than forming X^T X - n mean mean^T as scikit-learn
// does: the same matrix, without the cancellation when the mean is large.
#include <thrust/for_each.h>
#include <thrust/iterator/counting_iterator.h>
#include <thrust/transform.h>

#include <algorithm>
#include <scilearn/gpu/blas.hpp>
#include <scilearn/gpu/decomposition.hpp>
#include <scilearn/gpu/linalg.hpp>
#include <scilearn/gpu/primitives.hpp>

#include "thrust_support.hpp"

namespace scilearn::gpu {

namespace {

// out(i, j) = X(i, j) - mean(j).
template <class T>
struct Center {
  const T* X;
  const T* mean;
  Index rows;
  T* out;
  SCILEARN_HD void operator()(Index t) const { out[t] = X[t] - mean[t / rows]; }
};

// Component c (row c of the k x d output) = eigenvector d - 1 - c (eigh's are
// ascending), its sign making the largest-magnitude entry positive; the
// variances likewise reversed, negative rounding clipped to 0.
template <class T>
struct TakeComponent {
  const T* vectors;  // d x d, columns
  const T* values;   // d, ascending
  Index d;
  Index k;
  T* components;     // k x d
  T* variance;       // k
  SCILEARN_HD void operator()(Index c) const {
    const T* v = vectors + (d - 1 - c) * d;
    Index big = 0;
    for (Index j = 1; j < d; ++j)
      if ((v[j] < T(0) ? -v[j] : v[j]) > (v[big] < T(0) ? -v[big] : v[big])) big = j;
    const T sign = v[big] < T(0) ? T(-1) : T(1);
    for (Index j = 0; j < d; ++j) components[c + j * k] = sign * v[j];
    const T w = values[d - 1 - c];
    variance[c] = w > T(0) ? w : T(0);
  }
};

template <class T>
struct Positive {
  SCILEARN_HD T operator()(T w) const { return w > T(0) ? w : T(0); }
};

template <class T>
struct RootScaled {
  T factor;
  SCILEARN_HD T operator()(T x) const { return std::sqrt(x * factor); }
};

template <class T>
DeviceMatrix<T> centered(const DeviceMatrix<T>& X, const DeviceVector<T>& mean) {
  DeviceMatrix<T> out(X.rows(), X.cols());
  thrust::for_each(detail::device, thrust::counting_iterator<Index>(0), thrust::counting_iterator<Index>(X.size()),
                   Center<T>{X.data(), mean.data(), X.rows(), out.data()});
  return out;
}

}  // namespace

template <DeviceReal T>
PCAResult<T> pca(const DeviceMatrix<T>& X, Index n_components) {
  const Index n = X.rows(), d = X.cols(), rank_bound = std::min(n, d);
  if (n < 2 || d < 1)
    throw ValueError(cat("gpu::pca: needs at least 2 samples and 1 feature, got ", n, "x", d));
  if (n_components < 0 || n_components > rank_bound)
    throw ValueError(cat("gpu::pca: n_components must lie in [0, ", rank_bound, "] (min(n_samples, n_features)), got ",
                         n_components));
  const Index k = n_components == 0 ? rank_bound : n_components;
  PCAResult<T> out;
  out.mean = mean(X, 0);
  const DeviceMatrix<T> Xc = centered(X, out.mean);
  return detail::guarded("pca", [&] {
    DeviceMatrix<T> C(d, d);
    syrk(Op::transpose, T(1) / static_cast<T>(n - 1), Xc, T(0), C);  // eigh checks the finiteness
    const Eigh<T> e = eigh(C);
    out.components = DeviceMatrix<T>(k, d);
    out.explained_variance = DeviceVector<T>(k);
    thrust::for_each(detail::device, thrust::counting_iterator<Index>(0), thrust::counting_iterator<Index>(k),
                     TakeComponent<T>{e.v.data(), e.w.data(), d, k, out.components.data(),
                                      out.explained_variance.data()});
    // Totals over all d eigenvalues (clipped), as scikit-learn's.
    DeviceVector<T> all(d);
    thrust::transform(detail::device, e.w.data(), e.w.data() + d, all.data(), Positive<T>{});
    const T total = sum(all);
    out.explained_variance_ratio = DeviceVector<T>(k);
    thrust::transform(detail::device, out.explained_variance.data(), out.explained_variance.data() + k,
                      out.explained_variance_ratio.data(), detail::Scale<T>{total > T(0) ? T(1) / total : T(0)});
    out.singular_values = DeviceVector<T>(k);
    thrust::transform(detail::device, out.explained_variance.data(), out.explained_variance.data() + k,
                      out.singular_values.data(), RootScaled<T>{static_cast<T>(n - 1)});
    // The mean of the d - k eigenvalues left out (ascending: the first ones),
    // when fewer than min(n, d) are kept, as scikit-learn's.
    if (k < rank_bound) out.noise_variance = sum(all.segment(0, d - k)) / static_cast<T>(d - k);
    return std::move(out);
  });
}

template <DeviceReal T>
DeviceMatrix<T> pca_transform(const PCAResult<T>& fitted, const DeviceMatrix<T>& X) {
  if (X.cols() != fitted.mean.size())
    throw ValueError(cat("gpu::pca_transform: X has ", X.cols(), " features, but the PCA was fitted with ",
                         fitted.mean.size()));
  return detail::guarded("pca_transform", [&] {
    return matmul(centered(X, fitted.mean), fitted.components, Op::none, Op::transpose);
  });
}

template PCAResult<float> pca(const DeviceMatrix<float>&, Index);
template PCAResult<double> pca(const DeviceMatrix<double>&, Index);
template DeviceMatrix<float> pca_transform(const PCAResult<float>&, const DeviceMatrix<float>&);
template DeviceMatrix<double> pca_transform(const PCAResult<double>&, const DeviceMatrix<double>&);

}  // namespace scilearn::gpu
