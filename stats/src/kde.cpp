#include <scilearn/stats/kde.hpp>

#include <Eigen/Cholesky>
#include <algorithm>
#include <cmath>
#include <numbers>
#include <numeric>
#include <scilearn/core/validation.hpp>

namespace scilearn::stats {

gaussian_kde::gaussian_kde(const Matrix& dataset, const Vector& weights) : dataset_(dataset) {
  constexpr const char* where = "gaussian_kde";
  check_finite(where, "dataset", dataset);
  const Index d = dataset.rows(), n = dataset.cols();
  if (d == 0 || n == 0) throw ValueError("gaussian_kde: the dataset is empty");
  if (n <= d) {
    throw ValueError(cat(where, ": ", n, " points in ", d, " dimensions; the data covariance needs more points than "
                                "dimensions"));
  }
  if (weights.size() == 0) {
    weights_ = Vector::Constant(n, 1.0 / static_cast<double>(n));
  } else {
    if (weights.size() != n) throw ValueError(cat(where, ": ", weights.size(), " weights for ", n, " points"));
    check_finite(where, "weights", weights);
    if ((weights.array() < 0).any() || weights.sum() <= 0) {
      throw ValueError(cat(where, ": weights must be non-negative with a positive sum"));
    }
    weights_ = weights / weights.sum();
  }
  neff_ = 1 / weights_.squaredNorm();
  // numpy.cov(aweights = w, bias = False): sum w (x - m)(x - m)' / (1 - sum w^2).
  const Vector mean = dataset_ * weights_;
  const Matrix centered = dataset_.colwise() - mean;
  data_covariance_ = centered * weights_.asDiagonal() * centered.transpose() / (1 - weights_.squaredNorm());
}

void gaussian_kde::set_factor(double factor) {
  if (!(factor > 0) || !std::isfinite(factor)) throw ValueError(cat("gaussian_kde: the bandwidth factor must be > 0, got ", factor));
  factor_ = factor;
  covariance_ = data_covariance_ * factor * factor;
  const Eigen::LLT<Matrix> llt(covariance_);
  if (llt.info() != Eigen::Success) {
    throw ValueError("gaussian_kde: the data covariance is singular (points on a hyperplane)");
  }
  cholesky_ = llt.matrixL();
  // log sqrt(det(2 pi covariance)).
  log_norm_ = (cholesky_.diagonal().array() * std::sqrt(2 * std::numbers::pi)).log().sum();
}

gaussian_kde::gaussian_kde(const Matrix& dataset, Bandwidth bw_method, const Vector& weights)
    : gaussian_kde(dataset, weights) {
  const auto dim = static_cast<double>(d());
  set_factor(bw_method == Bandwidth::scott ? std::pow(neff_, -1 / (dim + 4))
                                           : std::pow(neff_ * (dim + 2) / 4, -1 / (dim + 4)));
}

gaussian_kde::gaussian_kde(const Matrix& dataset, double factor, const Vector& weights)
    : gaussian_kde(dataset, weights) {
  set_factor(factor);
}

gaussian_kde::gaussian_kde(const Vector& dataset, Bandwidth bw_method, const Vector& weights)
    : gaussian_kde(Matrix(dataset.transpose()), bw_method, weights) {}

namespace {

// Each point's squared distances to the n data points in whitened
// coordinates (L^-1 x, so the kernel is exp(-distance / 2)), handed to
// `use(j, distances)` point by point, on OpenMP's threads (OMP_NUM_THREADS,
// all cores by default) when there are enough points; `use` writes only
// entry j of its output, so the values do not depend on the thread count.
// The data are stored n x d, so each coordinate is a contiguous column and
// the sums vectorize.
template <class Use>
void for_each_point(const Matrix& cholesky, const Matrix& dataset, const Matrix& given, Use use) {
  const Index d = dataset.rows();
  // One-dimensional data: a column of m values is m points.
  const bool column = d == 1 && given.cols() == 1 && given.rows() != 1;
  const Matrix points = column ? Matrix(given.transpose()) : given;
  if (points.rows() != d) {
    throw ValueError(cat("gaussian_kde: points have ", points.rows(), " dimensions, the data ", d));
  }
  const auto l = cholesky.triangularView<Eigen::Lower>();
  const Matrix data = l.solve(dataset).transpose();
  const Matrix at = l.solve(points);
  const Index m = points.cols();
  // Threads pay off from about 10^6 kernel evaluations.
#pragma omp parallel if (m * dataset.cols() >= 1'000'000)
  {
    Vector distances(dataset.cols());
#pragma omp for schedule(static)
    for (Index j = 0; j < m; ++j) {
      distances = (data.col(0).array() - at(0, j)).square().matrix();
      for (Index k = 1; k < d; ++k) distances.array() += (data.col(k).array() - at(k, j)).square();
      use(j, distances);
    }
  }
}

}  // namespace

// log sum_i w_i exp(-distance_i / 2) by log-sum-exp, accurate where the sum
// itself underflows.
Vector gaussian_kde::logpdf(const Matrix& points) const {
  const Vector log_w = weights_.array().log();
  Vector out(points.rows() == d() ? points.cols() : points.rows());
  for_each_point(cholesky_, dataset_, points, [&](Index j, const Vector& distances) {
    // A lazy expression, evaluated twice, rather than a vector per point.
    const auto exponents = log_w.array() - 0.5 * distances.array();
    const double top = exponents.maxCoeff();
    out(j) = std::isinf(top) ? top : top + std::log((exponents - top).exp().sum());
  });
  return out.array() - log_norm_;
}

// The sum itself, as SciPy: one exp per kernel and no logarithms (three
// times faster than exp(logpdf)); 0 where the density underflows.
Vector gaussian_kde::evaluate(const Matrix& points) const {
  Vector out(points.rows() == d() ? points.cols() : points.rows());
  for_each_point(cholesky_, dataset_, points, [&](Index j, const Vector& distances) {
    out(j) = (weights_.array() * (-0.5 * distances.array()).exp()).sum();
  });
  return out * std::exp(-log_norm_);
}

double gaussian_kde::integrate_box_1d(double low, double high) const {
  if (d() != 1) throw ValueError("gaussian_kde: integrate_box_1d needs one-dimensional data");
  const double stdev = std::sqrt(covariance_(0, 0));
  double sum = 0;
  for (Index i = 0; i < n(); ++i) {
    const double lo = (low - dataset_(0, i)) / stdev, hi = (high - dataset_(0, i)) / stdev;
    sum += weights_(i) * 0.5 * (std::erfc(-hi / std::numbers::sqrt2) - std::erfc(-lo / std::numbers::sqrt2));
  }
  return sum;
}

Matrix gaussian_kde::resample(Index size, Generator& rng) const {
  if (size < 0) throw ValueError(cat("gaussian_kde: size must be >= 0, got ", size));
  if (size == 0) size = static_cast<Index>(neff_);
  Vector cumulative(n());
  std::partial_sum(weights_.begin(), weights_.end(), cumulative.begin());
  Matrix out = cholesky_ * rng.standard_normal(d(), size);
  for (Index k = 0; k < size; ++k) {
    const double u = rng.random() * cumulative(n() - 1);
    const auto i = static_cast<Index>(std::upper_bound(cumulative.begin(), cumulative.end(), u) - cumulative.begin());
    out.col(k) += dataset_.col(std::min(i, n() - 1));
  }
  return out;
}

Matrix gaussian_kde::resample(Index size, std::optional<std::uint64_t> seed) const {
  Generator rng = default_rng(seed);
  return resample(size, rng);
}

}  // namespace scilearn::stats
