#include <omp.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <limits>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/core/parallel.hpp>
#include <scilearn/core/validation.hpp>
#include <scilearn/gpu/device_array.hpp>
#include <scilearn/gpu/distances.hpp>
#include <scilearn/learn/metrics/pairwise.hpp>

#include "base/memory.hpp"
#include "metrics/pairwise_detail.hpp"

namespace scilearn::learn {

namespace detail {

bool same_matrix(const MatrixView& X, const MatrixView& Y) {
  return X.data() == Y.data() && X.rows() == Y.rows() && X.cols() == Y.cols() && X.outerStride() == Y.outerStride();
}

void check_pairwise_arrays(std::string_view where, const MatrixView& X, const MatrixView& Y) {
  check_non_empty(where, "X", X);
  check_finite(where, "X", X);
  if (same_matrix(X, Y)) return;
  check_non_empty(where, "Y", Y);
  check_finite(where, "Y", Y);
  if (X.cols() != Y.cols())
    throw ValueError(cat(where, ": incompatible dimension for X and Y matrices: X has ", X.cols(),
                         " features while Y has ", Y.cols()));
}

int threads(std::optional<int> n_jobs) { return n_jobs ? effective_n_jobs(*n_jobs) : omp_get_max_threads(); }

}  // namespace detail

namespace {

using detail::same_matrix;

// Tiles of the symmetric fill: 64 x 64 doubles (32 KiB) read and written
// transposed stay in L1 / L2.
constexpr Index kTile = 64;
// Rows per block of the direct metrics: a block of X's columns (256 x
// n_features) stays in cache while every row of Y passes by.
constexpr Index kRowBlock = 256;

bool blas_sized(Index a, Index b, Index c) { return a <= INT_MAX && b <= INT_MAX && c <= INT_MAX; }

// D = alpha X Y^T with one BLAS call and no zero-fill first (beta = 0). With
// `same`, only the lower triangle (syrk); the caller completes the upper one.
void inner_products(const MatrixView& X, const MatrixView& Y, bool same, double alpha, Matrix& D) {
  D.resize(X.rows(), Y.rows());
  detail::advise_huge_pages(D.data(), static_cast<std::size_t>(D.size()) * sizeof(double));
  const int n = static_cast<int>(X.rows()), m = static_cast<int>(Y.rows()), k = static_cast<int>(X.cols());
  const int ldx = static_cast<int>(X.outerStride()), ldy = static_cast<int>(Y.outerStride()), ldd = n;
  const double beta = 0.0;
  if (!blas_sized(X.rows(), Y.rows(), std::max(X.outerStride(), Y.outerStride()))) {
    D.noalias() = alpha * X * Y.transpose();
    return;
  }
  if (same) {
    const char uplo = 'L', trans = 'N';
    dsyrk_(&uplo, &trans, &n, &k, &alpha, X.data(), &ldx, &beta, D.data(), &ldd);
  } else {
    const char transa = 'N', transb = 'T';
    dgemm_(&transa, &transb, &n, &m, &k, &alpha, X.data(), &ldx, Y.data(), &ldy, &beta, D.data(), &ldd);
  }
}

// seg(j, begin, end) updates D(begin:end, j) in place, over every column;
// with `same`, over the lower triangle only (all syrk wrote), the upper
// triangle then its mirror, tile by tile so that both the reads and the
// transposed writes stay in cache.
template <class Segment>
void finish_segments(Matrix& D, bool same, int n_threads, const Segment& seg) {
  const Index n = D.rows(), m = D.cols();
  if (!same) {
#pragma omp parallel for schedule(static) num_threads(n_threads) if (n * m >= 100'000)
    for (Index j = 0; j < m; ++j) seg(j, Index{0}, n);
    return;
  }
  const Index tiles = (n + kTile - 1) / kTile;
#pragma omp parallel for schedule(dynamic, 1) num_threads(n_threads) if (n * n >= 100'000)
  for (Index tj = 0; tj < tiles; ++tj) {
    const Index j0 = tj * kTile, j1 = std::min(n, j0 + kTile);
    for (Index ti = tj; ti < tiles; ++ti) {
      const Index i0 = ti * kTile, i1 = std::min(n, i0 + kTile);
      for (Index j = j0; j < j1; ++j) seg(j, std::max(i0, j), i1);
      for (Index i = i0; i < i1; ++i)
        for (Index j = j0; j < std::min(j1, i); ++j) D(j, i) = D(i, j);
    }
  }
}

// D(i, j) = f(i, j, D(i, j)) for every entry (the lower triangle and its
// mirror with `same`).
template <class F>
void finish(Matrix& D, bool same, int n_threads, const F& f) {
  finish_segments(D, same, n_threads, [&](Index j, Index begin, Index end) {
    for (Index i = begin; i < end; ++i) D(i, j) = f(i, j, D(i, j));
  });
}

// Squared Euclidean distances by the norm trick, in scikit-learn's order of
// operations ((-2 x.y + |x|^2) + |y|^2), clamped at 0, diagonal 0 when same;
// then `post` on them, an array function, so that each column segment is one
// pass (vectorized for sqrt, which Eigen takes from the IEEE instruction).
template <class Post>
Matrix norm_trick(const MatrixView& X, const MatrixView& Y, int n_threads, const Post& post) {
  const bool same = same_matrix(X, Y);
  const Vector xx = X.rowwise().squaredNorm();
  const Vector yy = same ? Vector() : Vector(Y.rowwise().squaredNorm());
  const Vector& yn = same ? xx : yy;
  Matrix D;
  inner_products(X, Y, same, -2.0, D);
  finish_segments(D, same, n_threads, [&](Index j, Index begin, Index end) {
    auto d = D.col(j).segment(begin, end - begin).array();
    d = post(((d + xx.segment(begin, end - begin).array()) + yn(j)).max(0.0));
  });
  if (same) D.diagonal().setConstant(post(Eigen::Array<double, 1, 1>::Zero())(0));
  return D;
}

// Rows scaled to unit Euclidean norm; zero rows stay zero (sklearn's normalize).
Matrix normalized_rows(const MatrixView& X) {
  Vector norms = X.rowwise().norm();
  for (Index i = 0; i < norms.size(); ++i)
    if (norms(i) == 0) norms(i) = 1;
  return norms.cwiseInverse().asDiagonal() * X;
}

Matrix similarity(const MatrixView& X, const MatrixView& Y, int n_threads) {
  const bool same = same_matrix(X, Y);
  const Matrix Xn = normalized_rows(X);
  const Matrix Yn = same ? Matrix() : normalized_rows(Y);
  Matrix D;
  inner_products(Xn, same ? MatrixView(Xn) : MatrixView(Yn), same, 1.0, D);
  if (same) finish(D, true, n_threads, [](Index, Index, double v) { return v; });
  return D;
}

// The direct metrics: for each block of X's rows and each row of Y, one
// accumulator per row of the block runs over the features in order (as
// SciPy's cdist), vectorized across the block.
template <class Step, class Final>
Matrix direct(const MatrixView& X, const MatrixView& Y, int n_threads, const Step& step, const Final& final_) {
  const Index n = X.rows(), m = Y.rows(), d = X.cols();
  const Matrix Yt = Y.transpose();  // row j of Y contiguous
  Matrix D(n, m);
  const Index blocks = (n + kRowBlock - 1) / kRowBlock;
#pragma omp parallel num_threads(n_threads) if (n * m * d >= 200'000)
  {
    Eigen::ArrayXd acc(kRowBlock);
#pragma omp for schedule(static)
    for (Index b = 0; b < blocks; ++b) {
      const Index i0 = b * kRowBlock, len = std::min(kRowBlock, n - i0);
      auto a = acc.head(len);
      for (Index j = 0; j < m; ++j) {
        a.setZero();
        for (Index k = 0; k < d; ++k) step(a, X.col(k).segment(i0, len).array() - Yt(k, j));
        D.col(j).segment(i0, len) = final_(a);
      }
    }
  }
  return D;
}

enum class DistanceMetric { euclidean, sqeuclidean, manhattan, cosine, chebyshev, minkowski };

DistanceMetric parse_distance(std::string_view where, const std::string& name) {
  if (name == "euclidean" || name == "l2") return DistanceMetric::euclidean;
  if (name == "sqeuclidean") return DistanceMetric::sqeuclidean;
  if (name == "manhattan" || name == "cityblock" || name == "l1") return DistanceMetric::manhattan;
  if (name == "cosine") return DistanceMetric::cosine;
  if (name == "chebyshev") return DistanceMetric::chebyshev;
  if (name == "minkowski") return DistanceMetric::minkowski;
  throw ValueError(cat(where, ": unknown metric '", name,
                       "'; expected one of euclidean, l2, sqeuclidean, manhattan, cityblock, l1, cosine, chebyshev, "
                       "minkowski"));
}

Matrix manhattan(const MatrixView& X, const MatrixView& Y, int n_threads) {
  return direct(
      X, Y, n_threads, [](auto& a, const auto& diff) { a += diff.abs(); }, [](const auto& a) { return a; });
}

Matrix sqeuclidean(const MatrixView& X, const MatrixView& Y, int n_threads) {
  return direct(
      X, Y, n_threads, [](auto& a, const auto& diff) { a += diff.square(); }, [](const auto& a) { return a; });
}

Matrix chebyshev(const MatrixView& X, const MatrixView& Y, int n_threads) {
  return direct(
      X, Y, n_threads, [](auto& a, const auto& diff) { a = a.max(diff.abs()); }, [](const auto& a) { return a; });
}

Matrix cosine_distance_matrix(const MatrixView& X, const MatrixView& Y, int n_threads) {
  const bool same = same_matrix(X, Y);
  Matrix S = similarity(X, Y, n_threads);
  S = (1.0 - S.array()).max(0.0).min(2.0).matrix();
  if (same) S.diagonal().setZero();
  return S;
}

double default_gamma(std::optional<double> gamma, const MatrixView& X) {
  return gamma ? *gamma : 1.0 / static_cast<double>(X.cols());
}

// Device::gpu: scilearn::gpu's distances (its euclidean, cosine and
// manhattan are this file's formulas; its sqeuclidean uses the norm trick).
Matrix device_distances(std::string_view where, const MatrixView& X, const MatrixView& Y, DistanceMetric metric) {
  gpu::Metric m = gpu::Metric::euclidean;
  switch (metric) {
    case DistanceMetric::euclidean: m = gpu::Metric::euclidean; break;
    case DistanceMetric::sqeuclidean: m = gpu::Metric::sqeuclidean; break;
    case DistanceMetric::manhattan: m = gpu::Metric::manhattan; break;
    case DistanceMetric::cosine: m = gpu::Metric::cosine; break;
    default:
      throw ValueError(cat(where, ": device='gpu' supports the metrics euclidean, sqeuclidean, manhattan and cosine"));
  }
  const auto dX = gpu::DeviceMatrix<double>::from_host(X);
  if (same_matrix(X, Y)) return gpu::pairwise_distances(dX, dX, m).to_host();
  return gpu::pairwise_distances(dX, gpu::DeviceMatrix<double>::from_host(Y), m).to_host();
}

}  // namespace

Matrix detail::distances(std::string_view where, const MatrixView& X, const MatrixView& Y,
                         const PairwiseDistancesOptions& options) {
  const DistanceMetric metric = parse_distance(where, options.metric);
  const int n_threads = threads(options.n_jobs);  // validates n_jobs on either device
  if (options.device == Device::gpu) return device_distances(where, X, Y, metric);
  switch (metric) {
    case DistanceMetric::euclidean: return norm_trick(X, Y, n_threads, [](const auto& v) { return v.sqrt(); });
    case DistanceMetric::sqeuclidean: return sqeuclidean(X, Y, n_threads);
    case DistanceMetric::manhattan: return manhattan(X, Y, n_threads);
    case DistanceMetric::cosine: return cosine_distance_matrix(X, Y, n_threads);
    case DistanceMetric::chebyshev: return chebyshev(X, Y, n_threads);
    case DistanceMetric::minkowski: {
      const double p = options.p;
      if (!(p > 0)) throw ValueError(cat(where, ": minkowski needs p > 0, got ", p));
      // SciPy's special cases: p = 1, 2, inf are cityblock, euclidean, chebyshev.
      if (p == 1) return manhattan(X, Y, n_threads);
      if (std::isinf(p)) return chebyshev(X, Y, n_threads);
      if (p == 2)
        return direct(
            X, Y, n_threads, [](auto& a, const auto& diff) { a += diff.square(); },
            [](const auto& a) { return a.sqrt(); });
      return direct(
          X, Y, n_threads, [p](auto& a, const auto& diff) { a += diff.abs().pow(p); },
          [p](const auto& a) { return a.pow(1.0 / p); });
    }
  }
  return {};
}

Matrix pairwise_distances(const MatrixView& X, const MatrixView& Y, const PairwiseDistancesOptions& options) {
  constexpr std::string_view where = "pairwise_distances";
  detail::check_pairwise_arrays(where, X, Y);
  return detail::distances(where, X, Y, options);
}
Matrix pairwise_distances(const MatrixView& X, const PairwiseDistancesOptions& options) {
  return pairwise_distances(X, X, options);
}

Matrix euclidean_distances(const MatrixView& X, const MatrixView& Y, bool squared) {
  detail::check_pairwise_arrays("euclidean_distances", X, Y);
  const int n_threads = detail::threads(std::nullopt);
  if (squared) return norm_trick(X, Y, n_threads, [](const auto& v) { return v; });
  return norm_trick(X, Y, n_threads, [](const auto& v) { return v.sqrt(); });
}
Matrix euclidean_distances(const MatrixView& X, bool squared) { return euclidean_distances(X, X, squared); }

Matrix manhattan_distances(const MatrixView& X, const MatrixView& Y) {
  detail::check_pairwise_arrays("manhattan_distances", X, Y);
  return manhattan(X, Y, detail::threads(std::nullopt));
}
Matrix manhattan_distances(const MatrixView& X) { return manhattan_distances(X, X); }

Matrix cosine_similarity(const MatrixView& X, const MatrixView& Y) {
  detail::check_pairwise_arrays("cosine_similarity", X, Y);
  return similarity(X, Y, detail::threads(std::nullopt));
}
Matrix cosine_similarity(const MatrixView& X) { return cosine_similarity(X, X); }

Matrix cosine_distances(const MatrixView& X, const MatrixView& Y) {
  detail::check_pairwise_arrays("cosine_distances", X, Y);
  return cosine_distance_matrix(X, Y, detail::threads(std::nullopt));
}
Matrix cosine_distances(const MatrixView& X) { return cosine_distances(X, X); }

namespace {

Matrix gram(const MatrixView& X, const MatrixView& Y, double alpha, int n_threads) {
  const bool same = same_matrix(X, Y);
  Matrix K;
  inner_products(X, Y, same, alpha, K);
  if (same) finish(K, true, n_threads, [](Index, Index, double v) { return v; });
  return K;
}

}  // namespace

Matrix linear_kernel(const MatrixView& X, const MatrixView& Y) {
  detail::check_pairwise_arrays("linear_kernel", X, Y);
  return gram(X, Y, 1.0, detail::threads(std::nullopt));
}

Matrix polynomial_kernel(const MatrixView& X, const MatrixView& Y, double degree, std::optional<double> gamma,
                         double coef0) {
  detail::check_pairwise_arrays("polynomial_kernel", X, Y);
  const double g = default_gamma(gamma, X);
  const int n_threads = detail::threads(std::nullopt);
  Matrix K = gram(X, Y, 1.0, n_threads);
  finish(K, false, n_threads, [&](Index, Index, double v) { return std::pow(v * g + coef0, degree); });
  return K;
}

Matrix sigmoid_kernel(const MatrixView& X, const MatrixView& Y, std::optional<double> gamma, double coef0) {
  detail::check_pairwise_arrays("sigmoid_kernel", X, Y);
  const double g = default_gamma(gamma, X);
  const int n_threads = detail::threads(std::nullopt);
  Matrix K = gram(X, Y, 1.0, n_threads);
  finish(K, false, n_threads, [&](Index, Index, double v) { return std::tanh(v * g + coef0); });
  return K;
}

Matrix rbf_kernel(const MatrixView& X, const MatrixView& Y, std::optional<double> gamma) {
  detail::check_pairwise_arrays("rbf_kernel", X, Y);
  const double g = default_gamma(gamma, X);
  return norm_trick(X, Y, detail::threads(std::nullopt),
                    [g](const auto& v) { return v.unaryExpr([g](double x) { return std::exp(x * -g); }); });
}

Matrix laplacian_kernel(const MatrixView& X, const MatrixView& Y, std::optional<double> gamma) {
  detail::check_pairwise_arrays("laplacian_kernel", X, Y);
  const double g = default_gamma(gamma, X);
  Matrix K = manhattan(X, Y, detail::threads(std::nullopt));
  K = (K.array() * -g).exp().matrix();
  return K;
}

Matrix pairwise_kernels(const MatrixView& X, const MatrixView& Y, const PairwiseKernelsOptions& options) {
  constexpr std::string_view where = "pairwise_kernels";
  detail::check_pairwise_arrays(where, X, Y);
  const std::string& metric = options.metric;
  if (metric == "linear") return linear_kernel(X, Y);
  if (metric == "polynomial" || metric == "poly")
    return polynomial_kernel(X, Y, options.degree, options.gamma, options.coef0);
  if (metric == "rbf") return rbf_kernel(X, Y, options.gamma);
  if (metric == "laplacian") return laplacian_kernel(X, Y, options.gamma);
  if (metric == "sigmoid") return sigmoid_kernel(X, Y, options.gamma, options.coef0);
  if (metric == "cosine") return cosine_similarity(X, Y);
  throw ValueError(cat(where, ": unknown kernel '", metric,
                       "'; expected one of linear, polynomial, poly, rbf, laplacian, sigmoid, cosine"));
}
Matrix pairwise_kernels(const MatrixView& X, const PairwiseKernelsOptions& options) {
  return pairwise_kernels(X, X, options);
}

}  // namespace scilearn::learn
