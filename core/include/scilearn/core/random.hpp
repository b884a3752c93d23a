#pragma once
/// \file
/// Generator: scilearn's portable, seeded random number generator, named after
/// NumPy's `numpy.random.Generator` (`default_rng(seed)`, `random`, `integers`,
/// `uniform`, `normal`, `standard_normal`, `permutation`, `shuffle`, `spawn`).
///
/// Engine: xoshiro256** (Blackman & Vigna 2018, "Scrambled linear pseudorandom
/// number generators"), 256 bits of state, period 2^256 - 1, its state filled
/// from the 64-bit seed by SplitMix64 (Steele, Lea & Flood 2014) as the authors
/// recommend. The distributions are our own, never the standard library's (whose
/// algorithms differ between implementations) nor Boost's (which changed between
/// versions), so that a seed means the same numbers everywhere:
///
/// - the raw stream, random(), integers(), permutation() and shuffle() use only
///   integer arithmetic and exact conversions: bitwise identical on every
///   platform, compiler and thread count;
/// - uniform() adds one multiply and one add, each rounded once (the library is
///   built without floating-point contraction into FMA): bitwise identical on
///   every IEEE-754 binary64 platform;
/// - standard_normal() / normal() use Marsaglia's polar method, which needs
///   std::sqrt (correctly rounded by IEEE-754, so portable) and std::log. The
///   C library's log may differ in the last bit between platforms, so normals are
///   bitwise stable on the same C library (glibc, musl, ...) and agree to a few
///   units in the last place elsewhere.
///
/// Threads: a Generator is a plain value and not thread-safe; give each thread
/// its own. Never hand copies to threads (a copy repeats the same stream); call
/// spawn() for independent streams. To make a result independent of the thread
/// count, spawn one stream per unit of work (chunk, tree, restart), not per
/// thread:
///
/// \code
///   scilearn::Generator rng = scilearn::default_rng(42);
///   double u = rng.random();                    // [0, 1)
///   std::int64_t die = rng.integers(1, 7);      // 1..6
///   scilearn::Matrix X = rng.standard_normal(100, 3);
///   std::vector<scilearn::Generator> streams = rng.spawn(n_chunks);
///   #pragma omp parallel for
///   for (int c = 0; c < n_chunks; ++c) work(c, streams[c]);  // same result for any thread count
/// \endcode

#include <scilearn/core/types.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <limits>
#include <optional>
#include <vector>

namespace scilearn {

/// A seeded stream of random numbers (xoshiro256** engine) with NumPy-named
/// distributions. Satisfies std::uniform_random_bit_generator, so it also
/// drives standard algorithms (std::sample, ...), though the standard
/// *distributions* are not portable: prefer the members below.
///
/// Value semantics: copying a Generator copies its state; the copy then yields
/// exactly the numbers the original would have. Not thread-safe: one Generator
/// per thread, obtained with spawn().
class Generator {
 public:
  using result_type = std::uint64_t;

  /// A generator whose state is four consecutive SplitMix64 outputs from `seed`.
  /// Every seed is valid (the state is never all zero); different seeds give
  /// unrelated streams. Complexity: O(1).
  explicit Generator(std::uint64_t seed) noexcept;

  /// Smallest and largest value of operator() (std::uniform_random_bit_generator).
  [[nodiscard]] static constexpr result_type min() noexcept { return 0; }
  [[nodiscard]] static constexpr result_type max() noexcept { return std::numeric_limits<result_type>::max(); }

  /// The next 64 raw random bits, uniform over [0, 2^64). Complexity: O(1), a
  /// few nanoseconds.
  result_type operator()() noexcept {
    // xoshiro256**: the ** scrambler (multiply, rotate, multiply) on s[1], then
    // one step of the xorshift-and-rotate linear engine.
    const result_type result = rotl(s_[1] * 5, 7) * 9;
    const result_type t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }

  /// A double uniform on [0, 1): the top 53 bits of one raw draw times 2^-53, so
  /// every multiple of 2^-53 in [0, 1) is equally likely (numpy's `random()`).
  /// Ensures: 0 <= x < 1. Consumes one raw draw. Complexity: O(1).
  [[nodiscard]] double random() noexcept { return static_cast<double>((*this)() >> 11) * 0x1.0p-53; }

  /// A double uniform on [low, high): low + (high - low) * random(). Where
  /// rounding would give `high` (possible only for very narrow intervals; NumPy
  /// returns it), the largest double below `high` is returned instead.
  /// Requires: low and high finite, low <= high, high - low finite.
  /// Ensures: low <= x < high; x == low when low == high.
  /// Throws: ValueError otherwise, naming both bounds. Complexity: O(1).
  [[nodiscard]] double uniform(double low, double high);

  /// A standard normal variate (mean 0, variance 1) by Marsaglia's polar method
  /// (Marsaglia & Bray 1964): exact, needs only sqrt and log. Each accepted pair
  /// of uniforms yields two independent normals; the second is kept and returned
  /// by the next call (so n calls consume the same raw draws as one
  /// standard_normal(n)). Consumes 2.55 raw draws per pair on average.
  /// Complexity: O(1) expected.
  [[nodiscard]] double standard_normal();

  /// loc + scale * standard_normal().
  /// Requires: loc finite, scale finite and >= 0. Throws: ValueError otherwise.
  [[nodiscard]] double normal(double loc, double scale);

  /// An integer uniform on [low, high) (high exclusive, as numpy's `integers`),
  /// exactly unbiased by Lemire's multiply-and-reject method (Lemire 2019, "Fast
  /// random integer generation in an interval"). Any bounds work, including
  /// [INT64_MIN, INT64_MAX).
  /// Requires: low < high. Throws: ValueError otherwise, naming both.
  /// Complexity: O(1) expected; one raw draw except with probability
  /// (2^64 mod (high - low)) / 2^64 < 1/2 per extra draw.
  [[nodiscard]] std::int64_t integers(std::int64_t low, std::int64_t high);

  /// n (or rows x cols) values of random(), filled in storage order (column-major
  /// for Matrix), so random(r, c) holds the values of random(r * c) and of r * c
  /// calls to random(). Requires: sizes >= 0. Throws: ValueError otherwise.
  /// Complexity: O(size).
  [[nodiscard]] Vector random(Index n);
  [[nodiscard]] Matrix random(Index rows, Index cols);

  /// n (or rows x cols) values of standard_normal(), filled in storage order as
  /// random(n). Requires: sizes >= 0. Throws: ValueError otherwise. Complexity: O(size).
  [[nodiscard]] Vector standard_normal(Index n);
  [[nodiscard]] Matrix standard_normal(Index rows, Index cols);

  /// A uniformly random permutation of 0, 1, ..., n - 1 (numpy's
  /// `permutation(n)`): Fisher-Yates (Durstenfeld) from the back, with
  /// integers() for each swap partner. Requires: n >= 0. Throws: ValueError
  /// otherwise. Complexity: O(n).
  [[nodiscard]] Eigen::VectorX<Index> permutation(Index n);

  /// Shuffles [first, last) in place, every order equally likely (the same
  /// Fisher-Yates as permutation(): shuffling 0..n-1 gives permutation(n)).
  /// Works on any random-access range: std::vector, Eigen vectors' begin()/end().
  /// Complexity: O(last - first) swaps.
  template <std::random_access_iterator RandomIt>
  void shuffle(RandomIt first, RandomIt last) {
    using Difference = std::iter_difference_t<RandomIt>;
    for (Difference i = (last - first) - 1; i > 0; --i) {
      const auto j = static_cast<Difference>(bounded(static_cast<std::uint64_t>(i) + 1));
      std::iter_swap(first + i, first + j);
    }
  }

  /// n generators for independent parallel streams. Child k's state is four
  /// draws of this generator (4k .. 4k + 3), each mixed by SplitMix64, so this
  /// generator advances by 4n draws; a cached normal is kept. Children may
  /// spawn in turn (folds, then trees): every stream, at any depth, starts at
  /// an effectively random point of the 2^256 - 1 period, so two streams of
  /// length L overlap with probability about 2L / 2^256. The result depends only
  /// on the state and n, so spawning is reproducible. spawn(0) returns nothing
  /// and changes nothing.
  /// Complexity: O(n).
  [[nodiscard]] std::vector<Generator> spawn(std::size_t n);

  /// Advances the state by 2^128 draws in one go (the authors' jump()), as if
  /// operator() had been called 2^128 times, and drops a cached normal.
  /// Complexity: 256 engine steps.
  void jump() noexcept;

 private:
  static constexpr result_type rotl(result_type x, int k) noexcept { return (x << k) | (x >> (64 - k)); }

  /// Uniform on [0, range), range >= 1 (Lemire's method); integers() and
  /// shuffle() after validation.
  std::uint64_t bounded(std::uint64_t range) noexcept;

  std::array<result_type, 4> s_;
  // The second normal of the last polar pair, returned by the next standard_normal().
  std::optional<double> spare_normal_;
};

/// A new Generator, as numpy.random.default_rng: from `seed` when given
/// (default_rng(s) is Generator(s)), otherwise seeded with 64 bits of fresh
/// entropy from std::random_device (not reproducible).
/// Throws: what std::random_device throws when the system has no entropy source.
[[nodiscard]] Generator default_rng(std::optional<std::uint64_t> seed = std::nullopt);

}  // namespace scilearn
