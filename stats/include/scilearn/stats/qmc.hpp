#pragma once
/// \file
/// scipy.stats.qmc: quasi-Monte Carlo point sets in the unit hypercube and the
/// measures of their uniformity.
///
/// Engines (Sobol, Halton, LatinHypercube) draw n x d samples, one point per
/// row as SciPy's (n, d) arrays, and keep their place in the sequence:
/// random(n) continues where the last call stopped, reset() starts over with
/// the same randomization, fast_forward(n) skips n points. Randomized engines
/// take a seed for scilearn's Generator; without one they draw fresh entropy
/// (not reproducible). The random streams are not NumPy's, so scrambled points
/// differ from SciPy's for the same seed; unscrambled Sobol' and Halton points
/// equal SciPy's exactly.
///
/// \code
///   namespace qmc = scilearn::stats::qmc;
///   qmc::Sobol engine(2, {.seed = 7});
///   Matrix x = engine.random_base2(10);            // 1024 x 2, scrambled
///   double cd = qmc::discrepancy(x);               // centered L2 discrepancy
///   Matrix y = qmc::scale(x, Vector::Constant(2, -1), Vector::Constant(2, 1));
/// \endcode

#include <cstdint>
#include <optional>
#include <scilearn/core/random.hpp>
#include <scilearn/core/types.hpp>
#include <vector>

namespace scilearn::stats::qmc {

/// The interface the engines share (scipy.stats.qmc.QMCEngine): a stateful
/// sequence of points in [0, 1)^d.
class QMCEngine {
 public:
  virtual ~QMCEngine() = default;

  /// The next n points, n x d, each row in [0, 1)^d; advances the engine by n.
  /// Requires: n >= 0. Throws: ValueError otherwise, or what the engine's own
  /// limits say (Sobol: at most 2^bits points in all).
  [[nodiscard]] Matrix random(Index n = 1);

  /// The next n points mapped to integers in [l_bounds, u_bounds) per
  /// coordinate (scipy's QMCEngine.integers): floor(x (u - l) + l) for each
  /// coordinate x of random(n); with endpoint, in [l_bounds, u_bounds]. The
  /// bounds have d entries, or one for every coordinate.
  /// Throws: ValueError when a bound has another length or l < u fails (after
  /// adding 1 to u with endpoint), or what random(n) throws.
  [[nodiscard]] Eigen::MatrixX<std::int64_t> integers(const Eigen::VectorX<std::int64_t>& l_bounds,
                                                      const Eigen::VectorX<std::int64_t>& u_bounds, Index n = 1,
                                                      bool endpoint = false);

  /// Back to the first point with the same randomization (the same scrambling,
  /// the same stream for LatinHypercube): a reset engine repeats its samples.
  virtual QMCEngine& reset();

  /// Skips n points, as if random(n) had been drawn and discarded.
  /// Requires: n >= 0. Throws: ValueError otherwise.
  virtual QMCEngine& fast_forward(Index n);

  /// The dimension of the points.
  [[nodiscard]] Index d() const noexcept { return d_; }
  /// How many points have been drawn (or skipped) since construction or reset().
  [[nodiscard]] Index num_generated() const noexcept { return num_generated_; }

 protected:
  /// Checks d >= 0 (SciPy allows d = 0: samples of n x 0) and seeds the stream.
  QMCEngine(const char* name, Index d, std::optional<std::uint64_t> seed);
  QMCEngine(const QMCEngine&) = default;
  QMCEngine& operator=(const QMCEngine&) = default;
  QMCEngine(QMCEngine&&) = default;
  QMCEngine& operator=(QMCEngine&&) = default;

  /// The engine's points from num_generated() on; n >= 0 checked.
  virtual Matrix draw(Index n) = 0;

  const char* name_;
  Index d_;
  Index num_generated_ = 0;
  Generator rng_;        ///< the stream the engine draws from
  Generator rng_start_;  ///< its state at construction, for reset()
};

/// Options of Sobol, with SciPy's names and defaults.
struct SobolOptions {
  bool scramble = true;  ///< linear matrix scramble plus digital shift (LMS + shift, Matousek 1998)
  int bits = 30;         ///< points are multiples of 2^-bits; at most 2^bits of them (0 <= bits <= 64)
  std::optional<std::uint64_t> seed = std::nullopt;  ///< for the scrambling; none: fresh entropy
};

/// Sobol' sequence (scipy.stats.qmc.Sobol) with the Joe & Kuo (2008)
/// direction numbers (search criterion D(6), the file new-joe-kuo-6.21201, as
/// Boost.Random ships them), in Gray-code order (Antonov & Saleev 1979). The
/// first point is 0 (unscrambled), as in SciPy. Scrambling is Matousek's
/// left linear matrix scramble, a random lower unit-triangular binary matrix
/// per dimension applied to the direction numbers, followed by a random digital
/// shift: every 2^m-point prefix stays a (t, m, d)-net.
///
/// Balance requires n = 2^m points from the start: random() warns (UserWarning
/// through scilearn::warn) when the first draw is not a power of two, and
/// random_base2() refuses sizes that would break it.
class Sobol final : public QMCEngine {
 public:
  /// Throws: ValueError when d < 0, d > max_dimension, or bits outside [0, 64].
  /// Complexity: O(d bits) unscrambled, O(d bits^2) scrambled.
  explicit Sobol(Index d, const SobolOptions& options = {});

  /// The largest d: the dimensions of Boost.Random's direction-number table
  /// (SciPy ships the full 21201).
  static constexpr Index max_dimension = 3667;

  /// The next n = 2^m points. Throws: ValueError when m < 0 or num_generated()
  /// + 2^m is not a power of two (the points would not form a net), or past
  /// 2^bits points.
  [[nodiscard]] Matrix random_base2(int m);

  Sobol& reset() override;
  /// Skips n points by n Gray-code steps. Throws: ValueError when n < 0 or when
  /// the engine would pass 2^bits points.
  Sobol& fast_forward(Index n) override;

  [[nodiscard]] int bits() const noexcept { return bits_; }
  [[nodiscard]] bool scramble() const noexcept { return scramble_; }

 private:
  Matrix draw(Index n) override;
  void check_capacity(Index n) const;
  void step(Index from);  // from point `from` to the next in Gray-code order

  int bits_;
  bool scramble_;
  double scale_;                      // 2^-bits
  std::vector<std::uint64_t> v_;      // direction numbers, d x bits, dimension-major
  std::vector<std::uint64_t> shift_;  // the first point (0 unscrambled)
  std::vector<std::uint64_t> quasi_;  // the current point
};

/// Options of Halton, with SciPy's names and defaults.
struct HaltonOptions {
  bool scramble = true;                              ///< Owen's (2017) random digit permutations
  std::optional<std::uint64_t> seed = std::nullopt;  ///< for the permutations; none: fresh entropy
};

/// Halton sequence (scipy.stats.qmc.Halton): dimension j is the van der
/// Corput sequence in the (j+1)-th prime base, starting from index 0 (so the
/// first unscrambled point is 0). Scrambling draws, per dimension, one random
/// permutation of the digits 0 .. b-1 for each of the ceil(54 / log2 b) - 1
/// digit positions a double resolves, and applies them to every point
/// (Owen 2017, "A randomized Halton algorithm in R").
class Halton final : public QMCEngine {
 public:
  /// Throws: ValueError when d < 0. Complexity: O(d) primes (plus the
  /// permutations, O(sum of the bases times 54) when scrambled).
  explicit Halton(Index d, const HaltonOptions& options = {});

  /// Skips n points in O(1): a Halton point depends only on its index.
  /// Throws: ValueError when n < 0.
  Halton& fast_forward(Index n) override;

  /// The prime bases, one per dimension.
  [[nodiscard]] const std::vector<std::int64_t>& bases() const noexcept { return bases_; }
  [[nodiscard]] bool scramble() const noexcept { return scramble_; }

 private:
  Matrix draw(Index n) override;

  bool scramble_;
  std::vector<std::int64_t> bases_;
  // Per dimension, the permutations of the digits, digit position-major.
  std::vector<std::vector<std::int64_t>> permutations_;
};

/// Options of LatinHypercube, with SciPy's names and defaults.
struct LatinHypercubeOptions {
  bool scramble = true;  ///< false: points at the centres of their cells
  int strength = 1;      ///< 1: plain LHS; 2: orthogonal-array based LHS (n = p^2, p prime, d <= p + 1)
  std::optional<std::uint64_t> seed = std::nullopt;  ///< none: fresh entropy
};

/// Latin hypercube sampling (scipy.stats.qmc.LatinHypercube, McKay, Beckman
/// & Conover 1979): each call to random(n) gives n points with exactly one in
/// each interval [j/n, (j+1)/n) of every coordinate, the strata matched by
/// independent random permutations; scrambled, each point is uniform in its
/// cell, otherwise at its centre (the permutations stay random). Strength 2
/// (Tang 1993; Owen 1992) builds the points from a randomized orthogonal array
/// of strength 2: in addition, for any two coordinates, each of the p x p
/// cells of width 1/p holds exactly one point.
class LatinHypercube final : public QMCEngine {
 public:
  /// Throws: ValueError when d < 0 or strength is not 1 or 2.
  explicit LatinHypercube(Index d, const LatinHypercubeOptions& options = {});

  [[nodiscard]] bool scramble() const noexcept { return scramble_; }
  [[nodiscard]] int strength() const noexcept { return strength_; }

 private:
  /// Strength 2 throws ValueError when n is not the square of a prime p or
  /// when d > p + 1. Complexity: O(n d).
  Matrix draw(Index n) override;
  Matrix latin(Index n);
  Matrix orthogonal_array_latin(Index n);
  double stratified(Index k, Index n);  // a point of stratum k of n in [0, 1)

  bool scramble_;
  int strength_;
};

/// The discrepancy measures of discrepancy().
enum class DiscrepancyMethod {
  cd,       ///< 'CD': centered L2 discrepancy (Hickernell 1998), squared; SciPy's default
  wd,       ///< 'WD': wrap-around L2 discrepancy, squared
  md,       ///< 'MD': mixture discrepancy (Zhou, Fang & Ning 2013), squared
  l2_star,  ///< 'L2-star': L2-star discrepancy (Warnock 1972), its square root taken
};

/// Options of discrepancy(), with SciPy's names and defaults.
struct DiscrepancyOptions {
  /// true: as if the sample had n + 1 points (the 1/n and 1/n^2 weights use
  /// n + 1), the starting value update_discrepancy() expects.
  bool iterative = false;
  DiscrepancyMethod method = DiscrepancyMethod::cd;
};

/// The discrepancy of a sample (scipy.stats.qmc.discrepancy): how far its
/// empirical distribution is from the uniform one; lower is more uniform.
/// CD, WD and MD are equations 9, 10 and 18 of Zhou, Fang & Ning (2013,
/// "Mixture discrepancy for quasi-random point sets"), without the square root;
/// L2-star is Warnock's closed form, with it.
/// sample: n x d, one point per row.
/// Throws: ValueError when the sample is empty or has a value outside [0, 1]
/// (NaN included). Complexity: O(n^2 d).
[[nodiscard]] double discrepancy(const Matrix& sample, const DiscrepancyOptions& options = {});

/// The centered discrepancy of sample plus the point x_new
/// (scipy.stats.qmc.update_discrepancy), from initial_disc, the value of
/// discrepancy(sample, {.iterative = true}), in O(n d) instead of O(n^2 d).
/// Throws: ValueError when the sample is empty, x_new's length is not the
/// sample's d, or a value lies outside [0, 1].
[[nodiscard]] double update_discrepancy(const Vector& x_new, const Matrix& sample, double initial_disc);

/// Maps a sample from the unit hypercube to [l_bounds, u_bounds) per coordinate,
/// sample * (u - l) + l (scipy.stats.qmc.scale); with reverse, maps a sample in
/// the bounds back, (sample - l) / (u - l). Bounds have d entries, or one that
/// applies to every coordinate (SciPy's broadcasting).
/// Throws: ValueError when a bound is not of length d or 1, when l < u fails
/// for a coordinate (NaN included), when (forward) the sample has a value
/// outside [0, 1] or NaN, or is empty, or (reverse) a value outside the bounds.
/// Complexity: O(n d).
[[nodiscard]] Matrix scale(const Matrix& sample, const Vector& l_bounds, const Vector& u_bounds, bool reverse = false);

}  // namespace scilearn::stats::qmc
