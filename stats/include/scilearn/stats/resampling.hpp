#pragma once
/// \file
/// Resampling methods with scipy.stats' names, parameters, defaults and
/// results: bootstrap confidence intervals (percentile, basic, BCa) and
/// permutation tests (independent samples, paired samples, pairings), for a
/// statistic given as any callable.
///
/// Randomness comes from scilearn's Generator (<scilearn/core/random.hpp>)
/// seeded with `seed` (SciPy's `rng`); without a seed, fresh entropy. The
/// stream is not NumPy's, so for one seed the resamples, the bootstrap
/// distribution and a randomized p-value differ from SciPy's; they agree in
/// distribution. Everything computed from a given bootstrap distribution (the
/// intervals, the BCa bias correction and acceleration) and every exact
/// permutation test agree with SciPy to rounding.
///
/// SciPy's `vectorized`, `batch` and `axis` have no counterpart: the
/// statistic is called once per resample on plain vectors.
///
/// \code
///   using namespace scilearn;
///   Vector x = ...;
///   auto mean = [](const Vector& s) { return s.mean(); };
///   stats::BootstrapResult r = stats::bootstrap(x, mean, {.confidence_level = 0.9, .seed = 1});
///   // r.confidence_interval.low, .high, r.standard_error
///
///   auto diff = [](const std::vector<Vector>& s) { return s[0].mean() - s[1].mean(); };
///   stats::PermutationTestResult p = stats::permutation_test({a, b}, diff, {.seed = 1});
/// \endcode

#include <cstdint>
#include <functional>
#include <optional>
#include <scilearn/core/types.hpp>
#include <scilearn/stats/distributions.hpp>
#include <scilearn/stats/hypothesis_tests.hpp>
#include <vector>

namespace scilearn::stats {

/// A statistic of one sample, e.g. [](const Vector& s) { return s.mean(); }.
using Statistic = std::function<double(const Vector&)>;

/// A statistic of several samples, given in the order of `data`.
using SamplesStatistic = std::function<double(const std::vector<Vector>&)>;

/// How bootstrap turns the bootstrap distribution into an interval (SciPy's `method`).
enum class BootstrapMethod {
  percentile,  ///< 'percentile': the alpha and 1 - alpha quantiles of the distribution
  basic,       ///< 'basic' (reverse percentile): 2 theta_hat minus those quantiles, swapped
  bca,         ///< 'BCa' (SciPy's default): bias-corrected and accelerated (Efron & Tibshirani 1993, 14.3)
};

struct BootstrapResult;

/// Options of bootstrap, with SciPy's names and defaults.
struct BootstrapOptions {
  Index n_resamples = 9999;  ///< resamples drawn (0 allowed with bootstrap_result)
  bool paired = false;       ///< resample the observations of all samples with the same indices
  double confidence_level = 0.95;
  Alternative alternative = Alternative::two_sided;  ///< less: [-inf, high]; greater: [low, inf]
  BootstrapMethod method = BootstrapMethod::bca;
  /// SciPy's bootstrap_result: a previous result (not owned; may be null)
  /// whose bootstrap distribution the new resamples extend, to change the
  /// method or level, or to add resamples, without recomputing.
  const BootstrapResult* bootstrap_result = nullptr;
  std::optional<std::uint64_t> seed = std::nullopt;  ///< SciPy's rng; none: fresh entropy
};

/// The result of bootstrap (SciPy's BootstrapResult).
struct BootstrapResult {
  Interval confidence_interval;    ///< low, high
  Vector bootstrap_distribution;   ///< the statistic of each resample (a previous result's first)
  double standard_error;           ///< the sample standard deviation (n - 1) of the distribution
};

/// A bootstrap confidence interval for a statistic of several samples
/// (scipy.stats.bootstrap): n_resamples times, each sample is resampled with
/// replacement to its own size (with `paired`, one set of indices for all)
/// and the statistic recorded. With alpha = (1 - confidence_level) / 2
/// (two-sided; 1 - confidence_level one-sided), the interval is
/// - percentile: the alpha and 1 - alpha quantiles of the distribution
///   (scipy.stats.quantile's 'linear', Hyndman & Fan's type 7);
/// - basic: [2 theta_hat - q(1 - alpha), 2 theta_hat - q(alpha)], theta_hat
///   the statistic of the data;
/// - BCa: the quantiles at Phi(z0 + (z0 + z) / (1 - a (z0 + z))) for z =
///   Phi^-1(alpha) and Phi^-1(1 - alpha), where z0 = Phi^-1 of the fraction of
///   the distribution below theta_hat (ties counted half) and a, the
///   acceleration, = sum U^3 / (6 (sum U^2)^(3/2)) over the jackknife values
///   U_i = (n - 1)(mean of theta_(i) - theta_(i)) of each sample (of the
///   pairs when paired), each sample's sums divided by n^3 and n^2 before
///   they are added (Efron & Tibshirani 1993, eq. 14.14 and 15.36).
/// A one-sided alternative replaces the other end by -inf or inf.
/// BCa on a degenerate distribution (all values equal, or none on one side
/// of theta_hat, e.g. the minimum) gives NaN ends and a RuntimeWarning (SciPy's
/// DegenerateDataWarning).
/// Requires: statistic defined on every resample (NaN is carried along: a NaN
/// in the distribution makes the interval NaN).
/// Throws: ValueError when data is empty, a sample has fewer than two
/// observations, paired samples differ in length, n_resamples < 0,
/// n_resamples = 0 without a previous distribution, or confidence_level is
/// outside [0, 1] or NaN (SciPy returns NaN or a reversed interval there).
/// Complexity: n_resamples + 1 calls of statistic (plus one per observation
/// for BCa's jackknife) and O(n) draws per resample; O(n_resamples log
/// n_resamples) for the quantiles.
[[nodiscard]] BootstrapResult bootstrap(const std::vector<Vector>& data, const SamplesStatistic& statistic,
                                        const BootstrapOptions& options = {});

/// The same for a statistic of one sample (SciPy's data=(x,)).
[[nodiscard]] BootstrapResult bootstrap(const Vector& data, const Statistic& statistic,
                                        const BootstrapOptions& options = {});

/// Which null hypothesis permutation_test resamples under (SciPy's `permutation_type`).
enum class PermutationType {
  independent,  ///< 'independent' (default): observations exchangeable between samples (sizes kept)
  samples,      ///< 'samples': paired data; each observation's values exchangeable between the samples
                ///< (one sample: its signs flipped)
  pairings,     ///< 'pairings': each sample's observations re-paired with the others' (correlation)
};

/// Options of permutation_test, with SciPy's names and defaults.
struct PermutationTestOptions {
  PermutationType permutation_type = PermutationType::independent;
  /// Random permutations drawn; when at least the number of distinct
  /// permutations, all of them are enumerated instead (an exact test).
  /// A whole number >= 1, or infinity (always exact), as SciPy's int or np.inf.
  double n_resamples = 9999;
  Alternative alternative = Alternative::two_sided;
  std::optional<std::uint64_t> seed = std::nullopt;  ///< SciPy's rng; none: fresh entropy
};

/// The result of permutation_test (SciPy's PermutationTestResult).
struct PermutationTestResult {
  double statistic;          ///< the statistic of the data
  double pvalue;             ///< for the chosen alternative
  Vector null_distribution;  ///< the statistic of each permutation
};

/// A permutation test of a statistic (scipy.stats.permutation_test). The
/// null distribution is the statistic over every distinct rearrangement of
/// the data under the permutation type, when there are at most n_resamples
/// of them:
/// - independent: prod_j C(n_1 + ... + n_j, n_j) assignments of the pooled
///   observations to samples of the original sizes, each sample's indices a
///   combination of those left, in lexicographic order (SciPy's order
///   follows Python's set iteration: the same values, in another order);
/// - samples: (k!)^n for k samples of n paired observations (2^n sign flips
///   for one sample), in SciPy's order;
/// - pairings: (n!)^k, every sample permuted (all of them, as SciPy), in
///   SciPy's order (itertools.product of itertools.permutations).
/// Otherwise n_resamples random ones. With gamma = 100 eps |statistic|
/// (values that equal the statistic up to rounding count as equal),
/// greater = (#{null >= statistic - gamma} + c) / (N + c), less = (#{null <=
/// statistic + gamma} + c) / (N + c), two_sided = min(1, 2 min(less,
/// greater)), where N is the size of the null distribution and c = 0 for an
/// exact test, 1 for a randomized one (Phipson & Smyth 2010: the observed
/// arrangement counts as one of the resamples).
/// Throws: ValueError when a sample has fewer than two observations,
/// independent has fewer than two samples, samples / pairings get samples of
/// different lengths or no sample, n_resamples is not a whole number >= 1 or
/// infinity, or an exact test would need more than 2^63 permutations.
/// Complexity: N + 1 calls of statistic; O(total size) work per permutation.
[[nodiscard]] PermutationTestResult permutation_test(const std::vector<Vector>& data, const SamplesStatistic& statistic,
                                                     const PermutationTestOptions& options = {});

}  // namespace scilearn::stats
