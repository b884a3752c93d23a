// multivariate_normal: the density from the covariance's eigendecomposition
// (SciPy's _PSD), the cdf by Genz's method on randomized Sobol' points.

#include <Eigen/Eigenvalues>
#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <numbers>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/core/validation.hpp>
#include <scilearn/stats/distributions.hpp>
#include <scilearn/stats/multivariate.hpp>
#include <scilearn/stats/qmc.hpp>
#include <utility>
#include <vector>

#include "special_values.hpp"

namespace scilearn::stats {

namespace {

using detail::kInf;
using detail::kNaN;
const double kLog2Pi = std::log(2 * std::numbers::pi);

void check_point(const char* where, Index d, Index size) {
  if (size != d) throw ValueError(cat("multivariate_normal.", where, ": a point has ", size, " entries, the mean ", d));
}

}  // namespace

MultivariateNormal::MultivariateNormal(Vector mean, Matrix cov, bool allow_singular)
    : mean_(std::move(mean)), cov_(std::move(cov)) {
  constexpr const char* where = "multivariate_normal";
  check_square(where, "cov", cov_);
  if (cov_.rows() != mean_.size()) {
    throw ValueError(cat(where, ": mean has ", mean_.size(), " entries, cov is ", cov_.rows(), "x", cov_.cols()));
  }
  check_non_empty(where, "mean", mean_);
  check_finite(where, "mean", mean_);
  check_finite(where, "cov", cov_);
  // SciPy's _PSD: eigenvalues of the lower triangle; below eps (relative to
  // the largest) they count as zero, below -eps cov is not semidefinite.
  const Matrix lower = cov_.selfadjointView<Eigen::Lower>();
  const Eigen::SelfAdjointEigenSolver<Matrix> eig(lower);
  const Vector& s = eig.eigenvalues();
  const Matrix& u = eig.eigenvectors();
  eps_ = 1e6 * std::numeric_limits<double>::epsilon() * s.cwiseAbs().maxCoeff();
  if (s.minCoeff() < -eps_) throw ValueError(cat(where, ": the input matrix must be symmetric positive semidefinite"));
  const Index d = s.size();
  rank_ = (s.array() > eps_).count();
  if (rank_ < d && !allow_singular) {
    throw LinAlgError(cat(where, ": when allow_singular is false, the input matrix must be symmetric positive definite"));
  }
  whiten_.resize(d, rank_);
  null_space_.resize(d, d - rank_);
  colorize_ = Matrix::Zero(d, d);
  for (Index j = 0, w = 0, z = 0; j < d; ++j) {
    if (s(j) > eps_) {
      whiten_.col(w++) = u.col(j) / std::sqrt(s(j));
      log_pdet_ += std::log(s(j));
      colorize_.row(j) = std::sqrt(s(j)) * u.col(j).transpose();
    } else {
      null_space_.col(z++) = u.col(j);
    }
  }
}

MultivariateNormal multivariate_normal(Vector mean, Matrix cov, bool allow_singular) {
  return MultivariateNormal(std::move(mean), std::move(cov), allow_singular);
}

double MultivariateNormal::logpdf(const Vector& x) const {
  check_point("logpdf", dim(), x.size());
  if (x.hasNaN()) return kNaN;
  const Vector dev = x - mean_;
  // Off the support of a singular distribution (SciPy: farther than 1e3 eps).
  if (rank_ < dim() && (null_space_.transpose() * dev).norm() >= 1e3 * eps_) return -kInf;
  const double maha = (whiten_.transpose() * dev).squaredNorm();
  return -0.5 * (static_cast<double>(rank_) * kLog2Pi + log_pdet_ + maha);
}

double MultivariateNormal::pdf(const Vector& x) const { return std::exp(logpdf(x)); }

Vector MultivariateNormal::logpdf(const Matrix& x) const {
  check_point("logpdf", dim(), x.cols());
  Vector out(x.rows());
  for (Index i = 0; i < x.rows(); ++i) out(i) = logpdf(Vector(x.row(i).transpose()));
  return out;
}

Vector MultivariateNormal::pdf(const Matrix& x) const {
  return logpdf(x).unaryExpr([](double v) { return std::exp(v); });  // as the scalar pdf, to the bit
}

double MultivariateNormal::entropy() const {
  return 0.5 * (static_cast<double>(rank_) * (1 + kLog2Pi) + log_pdet_);
}

Matrix MultivariateNormal::rvs(Index size, Generator& rng) const {
  if (size < 0) throw ValueError(cat("multivariate_normal.rvs: size must be >= 0, got ", size));
  Matrix out = rng.standard_normal(size, dim()) * colorize_;
  out.rowwise() += mean_.transpose();
  return out;
}

Matrix MultivariateNormal::rvs(Index size, std::optional<std::uint64_t> random_state) const {
  Generator rng = default_rng(random_state);
  return rvs(size, rng);
}

// ---- cdf ----------------------------------------------------------------------

namespace {

// The box [a, b] in variables reordered as Genz and Bretz (2002) advise:
// at each step the variable whose conditional interval is least likely comes
// next, which concentrates the integrand's variation in the first
// coordinates. `chol` is the lower Cholesky factor of the reordered cov;
// a zero pivot (a variable fixed by the earlier ones) leaves a zero column.
struct OrderedBox {
  Matrix chol;
  Vector a, b;
};

OrderedBox order_variables(const Matrix& cov, Vector a, Vector b) {
  const Index d = cov.rows();
  Matrix c = cov;
  Matrix l = Matrix::Zero(d, d);
  Vector expected = Vector::Zero(d);  // E[y_j | y_j in its interval], for the chosen j < k
  const Normal phi;
  const double tiny = 1e-10 * c.diagonal().cwiseAbs().maxCoeff();
  const auto interval = [&](Index i, Index k) {  // variable i's standardized interval after k choices
    const double sd = std::sqrt(std::max(c(i, i) - l.row(i).head(k).squaredNorm(), 0.0));
    const double shift = l.row(i).head(k).dot(expected.head(k));
    return std::pair{(a(i) - shift) / sd, (b(i) - shift) / sd};
  };
  for (Index k = 0; k < d; ++k) {
    Index best = k;
    double best_p = kInf;
    for (Index i = k; i < d; ++i) {
      if (c(i, i) - l.row(i).head(k).squaredNorm() <= tiny) continue;
      const auto [lo, hi] = interval(i, k);
      const double p = phi.cdf(hi) - phi.cdf(lo);
      if (p < best_p) best_p = p, best = i;
    }
    if (best != k) {
      c.row(k).swap(c.row(best));
      c.col(k).swap(c.col(best));
      l.row(k).swap(l.row(best));
      std::swap(a(k), a(best));
      std::swap(b(k), b(best));
    }
    const double var = c(k, k) - l.row(k).head(k).squaredNorm();
    if (var <= tiny) continue;  // a zero pivot: the column stays zero
    const auto [lo, hi] = interval(k, k);
    l(k, k) = std::sqrt(var);
    for (Index i = k + 1; i < d; ++i) l(i, k) = (c(i, k) - l.row(i).head(k).dot(l.row(k).head(k))) / l(k, k);
    // The truncated normal's mean (phi(lo) - phi(hi)) / (Phi(hi) - Phi(lo)).
    const double mass = phi.cdf(hi) - phi.cdf(lo);
    expected(k) = mass > 0 ? (phi.pdf(lo) - phi.pdf(hi)) / mass : (std::isfinite(lo) ? lo : hi);
  }
  return {l, a, b};
}

}  // namespace

double MultivariateNormal::cdf(const Vector& x, const MvnCdfOptions& options) const {
  const Index d = dim();
  check_point("cdf", d, x.size());
  if (!(options.abseps >= 0) || !(options.releps >= 0)) {
    throw ValueError(cat("multivariate_normal.cdf: abseps and releps must be >= 0, got ", options.abseps, " and ",
                         options.releps));
  }
  if (options.maxpts < 0) throw ValueError(cat("multivariate_normal.cdf: maxpts must be >= 0, got ", options.maxpts));
  Vector low = options.lower_limit ? *options.lower_limit : Vector::Constant(d, -kInf);
  check_point("cdf", d, low.size());
  if (x.hasNaN() || low.hasNaN()) return kNaN;
  // SciPy: a lower limit above the upper one swaps them and flips the sign.
  Vector a = low - mean_, b = x - mean_;
  double sign = 1;
  for (Index i = 0; i < d; ++i) {
    if (a(i) > b(i)) {
      std::swap(a(i), b(i));
      sign = -sign;
    }
  }
  if (d == 1) {
    const Normal n(0, std::sqrt(cov_(0, 0)));
    return sign * (n.cdf(b(0)) - n.cdf(a(0)));
  }
  const OrderedBox box = order_variables(cov_.selfadjointView<Eigen::Lower>(), a, b);
  const Normal phi;
  // The integrand at w in [0, 1)^(d-1): the product of the conditional
  // interval probabilities e_i - d_i, each variable drawn by inversion
  // inside its interval.
  Vector y(d);
  const auto integrand = [&](const Eigen::Ref<const Eigen::RowVectorXd>& w) {
    double f = 1;
    for (Index i = 0; i < d; ++i) {
      const double shift = box.chol.row(i).head(i).dot(y.head(i));
      const double pivot = box.chol(i, i);
      double lo, hi;
      if (pivot > 0) {
        lo = phi.cdf((box.a(i) - shift) / pivot);
        hi = phi.cdf((box.b(i) - shift) / pivot);
      } else {  // fixed by the earlier variables: inside the box or not
        lo = 0;
        hi = box.a(i) <= shift && shift <= box.b(i) ? 1 : 0;
      }
      f *= hi - lo;
      if (f == 0) return 0.0;
      if (i + 1 < d) {
        const double u = lo + w(i) * (hi - lo);
        y(i) = pivot > 0 ? phi.ppf(std::clamp(u, 1e-300, 1 - 1e-16)) : 0.0;
      }
    }
    return f;
  };
  // Ten independently scrambled Sobol' sequences, doubled in length each
  // round; the spread of their ten means gives the standard error, and the
  // error bound is 3.5 of them, as in Genz's MVNDST.
  constexpr int kShifts = 10;
  const Index maxpts = options.maxpts > 0 ? options.maxpts : 1'000'000 * d;
  Generator seeds(options.seed.value_or(0x5eed));
  std::vector<qmc::Sobol> engines;
  for (int s = 0; s < kShifts; ++s) engines.emplace_back(d - 1, qmc::SobolOptions{.seed = seeds()});
  std::vector<double> sums(kShifts, 0.0);
  Index per_shift = 0;
  double estimate = 0;
  for (int exponent = 7;; exponent = static_cast<int>(std::bit_width(static_cast<std::uint64_t>(per_shift))) - 1) {
    for (std::size_t s = 0; s < sums.size(); ++s) {
      const Matrix w = engines[s].random_base2(exponent);
      for (Index r = 0; r < w.rows(); ++r) sums[s] += integrand(w.row(r));
    }
    per_shift += Index{1} << exponent;
    const auto points = static_cast<double>(per_shift);
    double mean = 0, square = 0;
    for (const double t : sums) mean += t / points / kShifts;
    for (const double t : sums) square += (t / points - mean) * (t / points - mean);
    const double error = 3.5 * std::sqrt(square / (kShifts * (kShifts - 1)));
    estimate = mean;
    if (error <= std::max(options.abseps, options.releps * std::abs(mean))) break;
    if (2 * per_shift * kShifts > maxpts) break;
  }
  return sign * std::clamp(estimate, 0.0, 1.0);
}

double MultivariateNormal::logcdf(const Vector& x, const MvnCdfOptions& options) const {
  return std::log(cdf(x, options));
}

}  // namespace scilearn::stats
