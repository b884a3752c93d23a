#pragma once
/// \file
/// scipy.stats.gaussian_kde: kernel density estimation with a Gaussian
/// kernel whose covariance is the data's times factor^2.

#include <cstdint>
#include <optional>
#include <scilearn/core/random.hpp>
#include <scilearn/core/types.hpp>

namespace scilearn::stats {

/// How the bandwidth factor is chosen (SciPy's `bw_method`).
enum class Bandwidth {
  scott,      ///< neff^(-1 / (d + 4)) (Scott 1992), SciPy's default
  silverman,  ///< (neff (d + 2) / 4)^(-1 / (d + 4)) (Silverman 1986)
};

/// scipy.stats.gaussian_kde over a dataset of n points in d dimensions.
///
/// \code
///   stats::gaussian_kde kde(samples);                 // d = 1: a Vector
///   Vector density = kde.evaluate(grid);
///   double p = kde.integrate_box_1d(-1.0, 1.0);
/// \endcode
class gaussian_kde {
 public:
  /// dataset: d x n, one point per column (SciPy's layout); weights: n
  /// non-negative values (empty: equal), normalized to sum 1.
  /// Throws: ValueError when n <= d (the covariance would be singular, SciPy's
  /// "fewer points than dimensions" / "singular" errors), on NaN / Inf, on
  /// weights of the wrong size or sign, or a non-positive factor.
  explicit gaussian_kde(const Matrix& dataset, Bandwidth bw_method = Bandwidth::scott, const Vector& weights = {});
  /// The same with a scalar bandwidth factor (SciPy's bw_method=float).
  gaussian_kde(const Matrix& dataset, double factor, const Vector& weights = {});
  /// A one-dimensional dataset.
  explicit gaussian_kde(const Vector& dataset, Bandwidth bw_method = Bandwidth::scott, const Vector& weights = {});

  /// The density at each point (d x m, one per column; for d = 1 a Vector of
  /// m points, an m x 1 column, is taken as m points). Throws ValueError on a
  /// dimension mismatch. Complexity: O(n m d^2).
  [[nodiscard]] Vector evaluate(const Matrix& points) const;
  /// log of the density, by a log-sum-exp over the kernels (accurate far out).
  [[nodiscard]] Vector logpdf(const Matrix& points) const;

  /// The integral of the (1-D) density over [low, high]. Throws ValueError when d != 1.
  [[nodiscard]] double integrate_box_1d(double low, double high) const;

  /// size points drawn from the density (d x size): a data point chosen by
  /// weight plus a kernel draw. size 0: SciPy's default int(neff).
  [[nodiscard]] Matrix resample(Index size, Generator& rng) const;
  [[nodiscard]] Matrix resample(Index size = 0, std::optional<std::uint64_t> seed = std::nullopt) const;

  [[nodiscard]] Index d() const { return dataset_.rows(); }
  [[nodiscard]] Index n() const { return dataset_.cols(); }
  [[nodiscard]] double neff() const { return neff_; }
  [[nodiscard]] double factor() const { return factor_; }
  /// The kernel's covariance: the data's weighted covariance times factor^2.
  [[nodiscard]] const Matrix& covariance() const { return covariance_; }
  [[nodiscard]] const Vector& weights() const { return weights_; }

 private:
  gaussian_kde(const Matrix& dataset, const Vector& weights);
  void set_factor(double factor);
  Matrix dataset_;
  Vector weights_;
  double neff_ = 0, factor_ = 0, log_norm_ = 0;
  Matrix data_covariance_, covariance_, cholesky_;  // lower factor of covariance_
};

}  // namespace scilearn::stats
