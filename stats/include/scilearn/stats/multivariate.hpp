#pragma once
/// \file
/// Multivariate distributions with scipy.stats' names and semantics:
/// multivariate_normal, multinomial and dirichlet, as frozen objects.
///
/// Points are rows: a Matrix of m points in dimension d is m x d (SciPy's
/// last axis), and the functions of several points return a Vector of m
/// values.
///
///   auto mvn = stats::multivariate_normal(Vector{{0.0, 0.0}}, Matrix{{1.0, 0.5}, {0.5, 1.0}});
///   double p = mvn.cdf(Vector{{0.0, 0.0}});   // 1/4 + asin(1/2) / (2 pi) = 1/3
///   Matrix draws = mvn.rvs(1000, 7);           // 1000 x 2
///
/// Thread safety: the objects are immutable values; share them freely.

#include <cstdint>
#include <optional>
#include <scilearn/core/random.hpp>
#include <scilearn/core/types.hpp>

namespace scilearn::stats {

/// Options of MultivariateNormal::cdf, with SciPy's names and defaults.
struct MvnCdfOptions {
  /// The lower corner of the box; none: -inf in every coordinate. Where a
  /// lower limit exceeds the upper one the box's probability counts
  /// negatively, as in SciPy.
  std::optional<Vector> lower_limit = std::nullopt;
  Index maxpts = 0;      ///< most integrand evaluations; 0: 1000000 d (SciPy's default)
  double abseps = 1e-5;  ///< absolute error tolerance
  double releps = 1e-5;  ///< relative error tolerance
  /// Seed of the randomized quasi-Monte Carlo points; none: a fixed seed, so
  /// the same call gives the same value (SciPy's draws fresh randomness).
  std::optional<std::uint64_t> seed = std::nullopt;
};

/// The multivariate normal distribution N(mean, cov)
/// (scipy.stats.multivariate_normal). The covariance is decomposed once,
/// by its eigenvalues as SciPy does: eigenvalues below
/// 1e6 eps max|lambda| count as zero; a singular cov is accepted only with
/// allow_singular, and then the density lives on the affine subspace
/// mean + range(cov) (points off it, by more than that tolerance, have
/// density 0), with the pseudo-determinant.
class MultivariateNormal {
 public:
  /// Throws: ValueError when cov is not square, mean and cov disagree in
  /// size, an entry is not finite, or cov has an eigenvalue below
  /// -1e6 eps max|lambda| (not positive semidefinite); LinAlgError when cov
  /// is singular and allow_singular is false (SciPy raises the same).
  /// Only cov's lower triangle is read (as SciPy's eigh).
  /// Complexity: O(d^3).
  MultivariateNormal(Vector mean, Matrix cov, bool allow_singular = false);

  [[nodiscard]] Index dim() const noexcept { return mean_.size(); }
  [[nodiscard]] const Vector& mean() const noexcept { return mean_; }
  [[nodiscard]] const Matrix& cov() const noexcept { return cov_; }
  /// The number of eigenvalues counted as nonzero, and the log of their
  /// product (the log pseudo-determinant).
  [[nodiscard]] Index rank() const noexcept { return rank_; }
  [[nodiscard]] double log_pdet() const noexcept { return log_pdet_; }

  /// Density (and its log) at a point x of size d, or at every row of x
  /// (m x d). Throws ValueError on a size mismatch. NaN in x gives NaN.
  /// Complexity: O(d rank) per point.
  [[nodiscard]] double pdf(const Vector& x) const;
  [[nodiscard]] double logpdf(const Vector& x) const;
  [[nodiscard]] Vector pdf(const Matrix& x) const;
  [[nodiscard]] Vector logpdf(const Matrix& x) const;

  /// P(lower_limit <= X <= x) by Genz's (1992) separation of variables
  /// with the variables reordered as Genz and Bretz (2002) advise, integrated
  /// by randomized quasi-Monte Carlo: ten scrambled Sobol' sequences, in
  /// rounds of growing length, until three standard errors of their mean are
  /// below max(abseps, releps |p|) or maxpts points are spent. d = 1 is
  /// exact. A semidefinite cov is handled through the zero pivots of the
  /// reordered Cholesky factor. Throws ValueError on a size mismatch or bad
  /// tolerances. Complexity: O(points d^2).
  [[nodiscard]] double cdf(const Vector& x, const MvnCdfOptions& options = {}) const;
  [[nodiscard]] double logcdf(const Vector& x, const MvnCdfOptions& options = {}) const;

  /// Differential entropy, (rank (1 + log 2 pi) + log_pdet) / 2.
  [[nodiscard]] double entropy() const;

  /// `size` draws as rows (size x d): mean + z' S with S'S = cov from the
  /// eigendecomposition. Throws ValueError when size < 0.
  [[nodiscard]] Matrix rvs(Index size, Generator& rng) const;
  [[nodiscard]] Matrix rvs(Index size, std::optional<std::uint64_t> random_state = std::nullopt) const;

 private:
  Vector mean_;
  Matrix cov_;
  Matrix whiten_;      // d x rank: x' whiten_ has identity covariance on the support
  Matrix null_space_;  // d x (d - rank): directions of zero variance
  Matrix colorize_;    // d x d: z' colorize_ has covariance cov
  Index rank_ = 0;
  double log_pdet_ = 0;
  double eps_ = 0;  // the eigenvalue tolerance, also the distance tolerance to the support
};

/// scipy.stats.multivariate_normal(mean, cov, allow_singular).
[[nodiscard]] MultivariateNormal multivariate_normal(Vector mean, Matrix cov, bool allow_singular = false);

/// The multinomial distribution of n draws over k categories with
/// probabilities p (scipy.stats.multinomial). As SciPy, the last
/// probability is taken as 1 - sum of the others (so p need not sum to 1
/// exactly); parameters with n < 0, an entry of p outside [0, 1] or
/// sum(p[:-1]) > 1 are invalid, and then every method returns NaN.
class Multinomial {
 public:
  Multinomial(Index n, Vector p);

  [[nodiscard]] bool valid() const noexcept { return valid_; }
  [[nodiscard]] Index n() const noexcept { return n_; }
  [[nodiscard]] const Vector& p() const noexcept { return p_; }

  /// Probability (and its log) of the counts x (size k). Counts that are not
  /// non-negative integers summing to n have probability 0 (log: -inf), as
  /// SciPy. Throws ValueError when x's size is not k.
  /// Complexity: O(k) (lgamma).
  [[nodiscard]] double pmf(const Vector& x) const;
  [[nodiscard]] double logpmf(const Vector& x) const;
  /// n p, and n (diag(p) - p p').
  [[nodiscard]] Vector mean() const;
  [[nodiscard]] Matrix cov() const;
  /// The entropy -sum over outcomes of P log P, by SciPy's formula through
  /// binomial terms: O(n k).
  [[nodiscard]] double entropy() const;
  /// `size` draws as rows (size x k): conditional binomials, category by
  /// category. Throws ValueError when size < 0 or the parameters are invalid.
  [[nodiscard]] Matrix rvs(Index size, Generator& rng) const;
  [[nodiscard]] Matrix rvs(Index size, std::optional<std::uint64_t> random_state = std::nullopt) const;

 private:
  Index n_;
  Vector p_;
  bool valid_;
};

/// scipy.stats.multinomial(n, p).
[[nodiscard]] Multinomial multinomial(Index n, Vector p);

/// The Dirichlet distribution with concentrations alpha > 0
/// (scipy.stats.dirichlet), on the simplex {x : x_i >= 0, sum x = 1}.
class Dirichlet {
 public:
  /// Throws: ValueError when alpha has fewer than 2 entries or an entry is
  /// not > 0 and finite (SciPy raises too).
  explicit Dirichlet(Vector alpha);

  [[nodiscard]] const Vector& alpha() const noexcept { return alpha_; }

  /// Density (and its log) at x of size k, or of size k - 1 (the last
  /// coordinate is then 1 - sum), as SciPy. Throws ValueError, as SciPy,
  /// when an entry is outside [0, 1], the entries do not sum to 1 within
  /// 1e-9, or an entry is 0 where its alpha is below 1.
  [[nodiscard]] double pdf(const Vector& x) const;
  [[nodiscard]] double logpdf(const Vector& x) const;
  /// alpha / alpha_0, the variances, the covariance matrix and the entropy
  /// (closed forms with digamma).
  [[nodiscard]] Vector mean() const;
  [[nodiscard]] Vector var() const;
  [[nodiscard]] Matrix cov() const;
  [[nodiscard]] double entropy() const;
  /// `size` draws as rows (size x k): independent gamma(alpha_i) variates,
  /// normalized. Throws ValueError when size < 0.
  [[nodiscard]] Matrix rvs(Index size, Generator& rng) const;
  [[nodiscard]] Matrix rvs(Index size, std::optional<std::uint64_t> random_state = std::nullopt) const;

 private:
  Vector alpha_;
  double log_beta_;  // log B(alpha) = sum lgamma(alpha_i) - lgamma(alpha_0)
};

/// scipy.stats.dirichlet(alpha).
[[nodiscard]] Dirichlet dirichlet(Vector alpha);

}  // namespace scilearn::stats
